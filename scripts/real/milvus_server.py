"""Starts embedded Milvus (the PyPI `milvus` package) and keeps it running.

Usage: python milvus_server.py BASE_DIR

Prints one JSON line once /healthz answers OK:
  {"pid": <milvus process>, "port": <gRPC port>, "healthPort": <port>,
   "version": "2.3.5", "startSeconds": <float>, "logs": <dir>}
then waits until that process exits. Stop it by its own PID (SIGTERM).
On a start failure it prints {"error": ..., "logTail": ...} and exits 1.
"""
import json
import os
import sys
import time

from milvus import MilvusServer, __version__


def log_tail(base_dir, lines=40):
    out = []
    for name in ('milvus-stdout.log', 'milvus-stderr.log'):
        path = os.path.join(base_dir, 'logs', name)
        if os.path.isfile(path):
            with open(path, encoding='utf-8', errors='replace') as f:
                out += [f'{name}: {line.rstrip()}' for line in f.readlines()[-lines:]]
    return out


def main():
    base_dir = os.path.abspath(sys.argv[1])
    server = MilvusServer()
    server.set_base_dir(base_dir)
    started = time.monotonic()
    try:
        # Waits for /healthz to answer OK (at most 180 s).
        server.start()
    except Exception as error:  # report any start failure as data
        print(json.dumps({
            'error': f'{type(error).__name__}: {error}',
            'logTail': log_tail(base_dir),
        }), flush=True)
        server.stop()
        sys.exit(1)
    proc = server.server_proc
    print(json.dumps({
        'pid': proc.pid,
        'port': server.listen_port,
        'healthPort': server.webservice_port,
        'version': __version__,
        'startSeconds': round(time.monotonic() - started, 2),
        'logs': os.path.join(base_dir, 'logs'),
    }), flush=True)
    code = proc.wait()
    # The process is gone: nothing left for MilvusServer.stop() to end.
    server.server_proc = None
    sys.exit(0 if code in (0, -15) else code)


if __name__ == '__main__':
    main()
