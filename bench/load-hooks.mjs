// Module hooks for bench/trace-loads.mjs: records every module the process
// loads, so the benchmark can tell which bundle chunks a code path needs.
import { appendFileSync } from 'node:fs'

let log

/** Receives the log file from register(). */
export function initialize(data) {
  log = data.log
}

/** Records the URL of each module, then loads it as usual. */
export async function load(url, context, nextLoad) {
  if (log) appendFileSync(log, `module ${url}\n`)
  return nextLoad(url, context)
}
