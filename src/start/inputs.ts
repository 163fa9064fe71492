/**
 * The inputs that start an import and gate its commit: files or object-url,
 * their keys, partition-name, import-options and commit. Read before the
 * other inputs, so a mix-up names the inputs that clash.
 */
import { z } from 'zod'
import type { CreateRequest } from '../clients/job.js'
import { InputError } from '../errors.js'
import type { Runner } from '../runner/runner.js'
import { withoutUserinfo } from '../text/userinfo.js'

/** The new inputs, in action.yml order. */
export const START_INPUT_NAMES = [
  'files',
  'object-url',
  'access-key',
  'secret-key',
  'partition-name',
  'import-options',
  'commit'
] as const

type StartInput = (typeof START_INPUT_NAMES)[number]

/** What the step is to start and how it ends. */
export interface StartConfig {
  /** The job to create; undefined when the step waits for existing jobs. */
  create?: CreateRequest
  /** commit: gated. The data is committed only if the gates pass. */
  gated: boolean
}

// The most groups one create accepts (Milvus maxImportFileNumPerReq).
const MAX_GROUPS = 1024
const ROW_FILES = /\.(parquet|json|jsonl|ndjson|csv)$/i
const NPY = /\.npy$/i

/** Fails on the named inputs, with the rest of the sentence. */
const fail = (inputs: string | string[], problem: string): never => {
  throw new InputError(typeof inputs === 'string' ? [inputs] : inputs, problem)
}

/** Splits a multi-line input into trimmed, non-empty lines. */
function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
}

/**
 * Reads files: one group per line, the files of a group separated by
 * commas. Checks the grouping rules Milvus applies, so a format error fails
 * before anything is sent (backup and L0 imports take folders instead).
 */
export function parseFiles(value: string, folders: boolean): string[][] {
  const groups = lines(value).map((l) =>
    l
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean)
  )
  if (groups.length > MAX_GROUPS)
    fail(
      'files',
      `has ${groups.length} lines; one import takes at most ${MAX_GROUPS}. Split it over several steps.`
    )
  if (folders) return groups
  groups.forEach((group, i) => {
    const where = `line ${i + 1}`
    const odd = group.find((f) => !ROW_FILES.test(f) && !NPY.test(f))
    if (odd !== undefined)
      fail(
        'files',
        `${where}: "${odd.slice(0, 200)}" is not a .parquet, .json, .jsonl, .ndjson, .csv or .npy file. Name each file (not a folder) by its key in the bucket.`
      )
    if (group.length > 1 && !group.every((f) => NPY.test(f)))
      fail(
        'files',
        `${where} holds ${group.length} files: only the .npy files of one batch (one per field) share a line; put each .parquet, .json or .csv file on its own line.`
      )
  })
  return groups
}

/** Reads object-url: one URL of a file or folder per line. */
export function parseObjectUrls(value: string): string[][] {
  return lines(value).map((url, i) => {
    let parsed: URL | undefined
    try {
      parsed = new URL(url)
    } catch {
      parsed = undefined
    }
    if (!parsed || !/^(s3|gs|https?):$/.test(parsed.protocol))
      fail(
        'object-url',
        `line ${i + 1} must be an object-storage URL such as s3://bucket/data/1.parquet or https://bucket.s3.us-west-2.amazonaws.com/data/1.parquet (got "${withoutUserinfo(url).slice(0, 200)}").`
      )
    return [url]
  })
}

/** Reads import-options: key=value lines, sent as a string map. */
export function parseImportOptions(value: string): Record<string, string> {
  const options: Record<string, string> = {}
  for (const [i, line] of lines(value).entries()) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line)
    if (!m)
      fail(
        'import-options',
        `line ${i + 1} must be key=value, such as timeout=30m (got "${line.slice(0, 200)}").`
      )
    const [, key, v] = m as RegExpExecArray
    if (key === 'auto_commit')
      fail(
        'import-options',
        'must not set auto_commit: use commit: gated to commit only data that passes the gates.'
      )
    options[key] = v
  }
  return options
}

const Commit = z.enum(['auto', 'gated'], {
  error: (issue) => `must be auto or gated (got "${String(issue.input)}").`
})

/** Names two inputs that must not be given together. */
function clash(a: string, b: string, why: string): never {
  return fail([a, b], `cannot be used together: ${why}`)
}

/** The inputs to mask like api-key, before anything else runs. */
export const START_SECRETS = ['access-key', 'secret-key']

/**
 * Reads and checks the start inputs (their keys are masked already). Throws
 * an InputError that names the inputs and the fix.
 */
export function readStartInputs(runner: Runner): StartConfig {
  const raw = Object.fromEntries(
    START_INPUT_NAMES.map((n) => [n, runner.getInput(n).trim()])
  ) as Record<StartInput, string>
  const jobId = runner.getInput('job-id').trim()
  const collectionName = runner.getInput('collection-name').trim()
  const parsed = Commit.safeParse(raw.commit || 'auto')
  if (!parsed.success)
    fail('commit', parsed.error.issues[0]?.message ?? 'is invalid.')
  const gated = parsed.data === 'gated'
  const source = raw.files ? 'files' : raw['object-url'] ? 'object-url' : ''

  if (raw.files && raw['object-url'])
    clash(
      'files',
      'object-url',
      'files names keys in the bucket of a self-hosted Milvus, object-url the URLs Zilliz Cloud imports from. Keep one.'
    )
  if (source && jobId)
    clash(
      'job-id',
      source,
      `job-id waits for a job that exists, ${source} starts a new one. Remove job-id to start the import, or ${source} to wait for the job.`
    )
  if (!source) {
    const stray = START_INPUT_NAMES.find((n) => n !== 'commit' && raw[n])
    if (stray)
      fail(
        stray,
        `is used only to start an import: set files (Milvus) or object-url (Zilliz Cloud) too, or remove it.`
      )
    return { gated }
  }
  if (!collectionName)
    fail(
      'collection-name',
      `is required to start an import with ${source}: name the collection to import into.`
    )
  if (raw.files && (raw['access-key'] || raw['secret-key']))
    fail(
      ['access-key', 'secret-key'],
      'go with object-url: Milvus reads files from its own bucket with its own keys. Remove them.'
    )
  if (Boolean(raw['access-key']) !== Boolean(raw['secret-key']))
    fail(
      raw['access-key'] ? 'secret-key' : 'access-key',
      `is missing: object-url takes both access-key and secret-key, or neither for a public bucket.`
    )
  const options = parseImportOptions(raw['import-options'])
  const folders = /^true$/i.test(options.backup ?? options.l0_import ?? '')
  const files = raw.files ? parseFiles(raw.files, folders) : undefined
  const objectUrls = raw['object-url']
    ? parseObjectUrls(raw['object-url'])
    : undefined
  if ((files ?? objectUrls ?? []).length === 0) fail(source, 'names no file.')
  // Milvus reads the option as a string; a JSON false would be refused.
  if (gated) options.auto_commit = 'false'
  return {
    gated,
    create: {
      collectionName,
      partitionName: raw['partition-name'] || undefined,
      files,
      objectUrls,
      accessKey: raw['access-key'] || undefined,
      secretKey: raw['secret-key'] || undefined,
      options
    }
  }
}
