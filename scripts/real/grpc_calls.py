"""Calls pymilvus's gRPC bulk-insert utilities as a user would.

Usage: python grpc_calls.py PORT CALLS_JSON [TOKEN]

CALLS_JSON is a list of {"call": "get_bulk_insert_state", "task_id": ID} or
{"call": "list_bulk_insert_tasks", "collection_name": NAME, "limit": N}.
Connects first (pymilvus calls the Connect RPC), then makes each call and
prints one JSON line with what the client parsed:
  {"pymilvus", "serverVersion", "results": [{"call", "ok", "tasks" | "error"}]}
"""
import json
import sys

import pymilvus
from pymilvus import connections, utility


def task_data(state):
    return {
        'id': str(state.task_id),
        'state': state.state_name,
        'rowCount': str(state.row_count),
        'failedReason': state.failed_reason,
        'progress': state.progress,
        'collection': state.collection_name,
        'files': state.files,
        'infos': dict(state.infos),
    }


def main():
    port, calls = sys.argv[1], json.loads(sys.argv[2])
    token = sys.argv[3] if len(sys.argv) > 3 else ''
    connections.connect(host='127.0.0.1', port=port, token=token, timeout=10)
    version = utility.get_server_version()
    results = []
    for spec in calls:
        try:
            if spec['call'] == 'get_bulk_insert_state':
                tasks = [utility.get_bulk_insert_state(int(spec['task_id']))]
            else:
                tasks = utility.list_bulk_insert_tasks(
                    limit=spec.get('limit', 0),
                    collection_name=spec.get('collection_name'))
            results.append({'call': spec['call'], 'ok': True,
                            'tasks': [task_data(t) for t in tasks]})
        except Exception as error:  # the client's own verdict, as data
            results.append({'call': spec['call'], 'ok': False,
                            'error': f'{type(error).__name__}: {error}'})
    print(json.dumps({'pymilvus': pymilvus.__version__,
                      'serverVersion': version, 'results': results}))


if __name__ == '__main__':
    main()
