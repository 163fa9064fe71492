/**
 * What a job ID may look like, in the job-id input and in a server's list:
 * Milvus int64 IDs, Zilliz Cloud job-... IDs and v1 UUIDs. A leaf module, so
 * the clients can check IDs without importing the inputs (and the registry).
 * Real IDs are under 64 characters; 128 leaves room and keeps a hostile list
 * from flooding the log with one "ID".
 */
export const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/
