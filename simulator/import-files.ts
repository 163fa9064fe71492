/**
 * The files of a create request as the simulator reads them: Milvus's
 * file-type rules, and the rows each object in the bucket holds.
 */
import type { FileScript } from './job-model.js'
import type { ApiSettings } from './route.js'

const DEFAULT_ROWS = 10_000

/** True for a JSON [][]string. */
export const isGrid = (v: unknown): v is string[][] =>
  Array.isArray(v) &&
  v.every((g) => Array.isArray(g) && g.every((p) => typeof p === 'string'))

/** The scripted files of a new job; a key the bucket lacks fails. */
export function filesOf(
  groups: string[][],
  settings: ApiSettings
): FileScript[] {
  const objects = settings.objects
  return groups
    .filter((g) => g.length)
    .map((group) => {
      const missing = objects
        ? group.find((p) => !Object.hasOwn(objects, p))
        : undefined
      const first = objects?.[group[0]]
      return {
        // Milvus prints a task's paths as a Go []string: "[a b]".
        name: group.join(' '),
        rows: first?.rows ?? DEFAULT_ROWS,
        failReason:
          missing !== undefined
            ? `failed to read file "${missing}": The specified key does not exist.`
            : first?.failReason
      }
    })
}

const FILE_TYPES: [RegExp, string][] = [
  [/\.parquet$/i, 'Parquet'],
  [/\.(json|jsonl|ndjson)$/i, 'JSON'],
  [/\.csv$/i, 'CSV'],
  [/\.npy$/i, 'Numpy']
]

/** importutilv2.GetFileType: the error for one group of paths, if any. */
export function fileTypeError(paths: string[]): string | undefined {
  const typeOf = (p: string) => FILE_TYPES.find(([re]) => re.test(p))?.[1]
  const first = typeOf(paths[0])
  if (!first) return `unexpected file type, files=[${paths.join(' ')}]`
  for (const p of paths.slice(1)) {
    const t = typeOf(p)
    if (!t) return `unexpected file type, files=[${paths.join(' ')}]`
    if (t !== first)
      return `inconsistency in file types, (${paths[0]}) vs (${p})`
  }
  if (first !== 'Numpy' && paths.length > 1)
    return `for ${first} import, accepts only one file`
  return undefined
}
