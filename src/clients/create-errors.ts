/**
 * The errors of create, each with the fix a user needs: collection not
 * found, a bad file path, a format error, missing keys, too many jobs.
 * Matched on the documented codes of Milvus and Zilliz Cloud, or on their
 * messages (see the create/commit/abort reference, sections 1.5 and 4.3).
 */
import { ActionError, ApiError } from '../errors.js'
import { safeLogText } from '../text/escape.js'
import { apiCodeError } from './codes.js'

// The fix for each kind of create error, matched on code or message.
const CREATE_FIXES: { codes: number[]; text: RegExp; fix: string }[] = [
  {
    codes: [100, 47005],
    text: /collection not (found|exist)|collection.*not exists/i,
    fix: 'Check collection-name (and db-name or cluster-id): the collection must exist before the import starts.'
  },
  {
    codes: [200],
    text: /partition not found|partition name|partition key/i,
    fix: 'Check partition-name: it must exist, and must be empty for a collection with a partition key.'
  },
  {
    codes: [83001],
    text: /getObjectMeta|access denied|access ?key|secret ?key|credential/i,
    fix: 'Check access-key and secret-key: they must be able to read every object-url.'
  },
  {
    codes: [10003, 47053, 83004, 90142, 90145],
    text: /objecturl|checkFiles|across clouds|import request is empty|no import content|no such key|does not exist/i,
    fix: 'Check files or object-url: each line names a file (or, for object-url, a folder) that exists, such as s3://bucket/data/1.parquet on Zilliz Cloud or data/1.parquet in the Milvus bucket.'
  },
  {
    codes: [47035, 47036],
    text: /file type|accepts only one file|inconsistency in file types|no file for field|number of objects/i,
    fix: 'Check the file format: one .parquet, .json, .jsonl or .csv file per line of files, or the .npy files of one batch (one per field) on one line, separated by commas.'
  },
  {
    codes: [1801],
    text: /auto_commit|options|timeout|json format/i,
    fix: 'Check import-options: key=value lines with string values, such as timeout=30m; auto_commit is set by commit: gated.'
  },
  {
    codes: [2101, 47039, 47055],
    text: /reached the limit|currently importing|multiple imports/i,
    fix: 'Wait for the running imports of the cluster to finish, then run the step again.'
  },
  {
    codes: [1802],
    text: /missing required parameters/i,
    fix: 'Check collection-name and files (or object-url).'
  }
]

/** The one-line error for a create the server refused, with its fix. */
export function createError(
  api: string,
  code: number,
  rawMessage: string,
  httpStatus: number
): ActionError {
  const known = CREATE_FIXES.find(
    (f) => f.codes.includes(code) || f.text.test(rawMessage)
  )
  // Credentials, permissions and cluster errors read as they do on a poll.
  const polled = known
    ? undefined
    : apiCodeError(code, rawMessage, { api }, httpStatus)
  if (polled && !polled.transient)
    return new ApiError(polled.message, code, httpStatus)
  const message = safeLogText(rawMessage || 'no message', 300).replace(
    /\.+$/,
    ''
  )
  const fix =
    known?.fix ??
    'Check collection-name, files or object-url, partition-name and import-options; the server log may say more.'
  return new ApiError(
    `${api} refused to create the import job (code ${code}: ${message}). ${fix}`,
    code,
    httpStatus
  )
}
