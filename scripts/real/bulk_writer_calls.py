"""Calls pymilvus.bulk_writer's REST functions as a user would.

Usage: python bulk_writer_calls.py CALLS_JSON

CALLS_JSON is a list of {"call": "bulk_import" | "get_import_progress" |
"list_import_jobs", "kwargs": {...}}. Each call goes through the installed
pymilvus unchanged; its answer is parsed the way the client parses it
(resp.json() and the client's own code check). Prints one JSON line: a list
of {"call", "ok", "body"} or {"call", "ok": false, "error"}.
"""
import json
import sys

import pymilvus
from pymilvus import bulk_writer


def main():
    results = []
    for spec in json.loads(sys.argv[1]):
        function = getattr(bulk_writer, spec['call'])
        try:
            resp = function(**spec['kwargs'])
            results.append({'call': spec['call'], 'ok': True, 'body': resp.json()})
        except Exception as error:  # the client's own verdict, as data
            results.append({'call': spec['call'], 'ok': False,
                            'error': f'{type(error).__name__}: {error}'})
    print(json.dumps({'pymilvus': pymilvus.__version__, 'results': results}))


if __name__ == '__main__':
    main()
