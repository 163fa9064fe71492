"""Runs real bulk inserts on a Milvus server with pymilvus (gRPC).

Usage: python bulk_insert.py PORT DATA_DIR

Creates collection `real_import` (int64 primary key, 8-dimensional float
vector), writes two row-based JSON files into DATA_DIR (absolute paths, as
local storage opens them): `good.json` with 100 rows and `bad_dim.json` whose
vectors have 4 dimensions. Imports the good file, then the bad one, waits for
both to end and prints one JSON object with what the server reported:
  {"serverVersion", "collection", "good": TASK, "bad": TASK, "list": [...]}
where TASK is grpc_calls.task_data: {"id", "state", "rowCount", ...}.
"""
import json
import os
import sys
import time

from pymilvus import (
    Collection,
    CollectionSchema,
    DataType,
    FieldSchema,
    connections,
    utility,
)
from pymilvus.client.types import BulkInsertState

from grpc_calls import task_data

DIM = 8
ROWS = 100
COLLECTION = 'real_import'
ENDED = (BulkInsertState.ImportCompleted, BulkInsertState.ImportFailed,
         BulkInsertState.ImportFailedAndCleaned)


def write_rows(path, rows, dim):
    with open(path, 'w', encoding='utf-8') as f:
        json.dump({'rows': [
            {'id': i, 'vector': [float(i % 7) / 7.0] * dim} for i in range(rows)
        ]}, f)
    return path


def wait_ended(task_id, limit=120):
    deadline = time.monotonic() + limit
    while True:
        state = utility.get_bulk_insert_state(task_id)
        if state.state in ENDED or time.monotonic() > deadline:
            return state
        time.sleep(0.5)


def main():
    port, data_dir = sys.argv[1], os.path.abspath(sys.argv[2])
    os.makedirs(data_dir, exist_ok=True)
    connections.connect(host='127.0.0.1', port=port)
    schema = CollectionSchema([
        FieldSchema('id', DataType.INT64, is_primary=True),
        FieldSchema('vector', DataType.FLOAT_VECTOR, dim=DIM),
    ])
    Collection(COLLECTION, schema)
    good = write_rows(os.path.join(data_dir, 'good.json'), ROWS, DIM)
    bad = write_rows(os.path.join(data_dir, 'bad_dim.json'), 10, DIM // 2)
    good_id = utility.do_bulk_insert(COLLECTION, files=[good])
    good_state = wait_ended(good_id)
    bad_id = utility.do_bulk_insert(COLLECTION, files=[bad])
    bad_state = wait_ended(bad_id)
    listed = utility.list_bulk_insert_tasks(collection_name=COLLECTION)
    print(json.dumps({
        'serverVersion': utility.get_server_version(),
        'collection': COLLECTION,
        'dim': DIM,
        'good': task_data(good_state),
        'bad': task_data(bad_state),
        'list': [task_data(t) for t in listed],
    }), flush=True)


if __name__ == '__main__':
    main()
