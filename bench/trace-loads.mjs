// Preloaded with `node --import ./bench/trace-loads.mjs`: writes to the file
// named by BENCH_LOAD_LOG every module loaded (through module hooks) and
// every file read through fs, so assets outside the module graph count too.
import { appendFileSync } from 'node:fs'
import fs from 'node:fs'
import Module, { register, syncBuiltinESMExports } from 'node:module'

const log = process.env.BENCH_LOAD_LOG

if (log) {
  register('./load-hooks.mjs', import.meta.url, { data: { log } })
  const note = (kind, target) => {
    if (typeof target === 'string' || target instanceof URL) {
      appendFileSync(log, `${kind} ${String(target)}\n`)
    }
  }
  // Reads of assets (proto files and the like) go through these.
  for (const name of ['readFileSync', 'openSync', 'readFile', 'open']) {
    const original = fs[name]
    fs[name] = function (target, ...rest) {
      note('fs', target)
      return original.call(this, target, ...rest)
    }
  }
  for (const name of ['readFile', 'open']) {
    const original = fs.promises[name]
    fs.promises[name] = function (target, ...rest) {
      note('fs', target)
      return original.call(this, target, ...rest)
    }
  }
  syncBuiltinESMExports()
  // CommonJS requires of files (not builtins) bypass the module hooks.
  const load = Module._load
  Module._load = function (request, ...rest) {
    if (/^[./]/.test(request)) note('require', request)
    return load.call(this, request, ...rest)
  }
}
