// A preload for start-up tests: `node --import <this> dist/index.js` with
// SIGNAL_ON_LOAD=SIGTERM (or SIGINT) sends the process that signal the
// moment it begins to load its second file. By then Node's own bootstrap is
// over and only the entry module has been read, so a bundle whose entry
// listens first handles it, and one that loads any file before its handlers
// is killed. A signal sent earlier, on the spawn event, lands in Node's
// bootstrap, where no program can handle it.
import { register } from 'node:module'
import { isMainThread } from 'node:worker_threads'

// Module hooks run on a thread of their own; only the main thread registers.
if (isMainThread) {
  register(import.meta.url, {
    data: { pid: process.pid, signal: process.env.SIGNAL_ON_LOAD }
  })
}

let pid = 0
let signal = 'SIGTERM'
let files = 0

export function initialize(data) {
  pid = data.pid
  signal = data.signal ?? signal
}

export async function load(url, context, nextLoad) {
  // Built-ins (node:module) are no files; the first file is the entry.
  if (url.startsWith('file:') && ++files === 2) process.kill(pid, signal)
  return nextLoad(url, context)
}
