// Small helpers shared by the benchmark: statistics, child processes, the
// machine description and CPU-profile summaries.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import os from 'node:os'

/** Returns the median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Returns the largest number of times that fall in any window of windowMs. */
export function maxInWindow(times, windowMs) {
  const sorted = [...times].sort((a, b) => a - b)
  let best = 0
  let start = 0
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end] - sorted[start] >= windowMs) start++
    best = Math.max(best, end - start + 1)
  }
  return best
}

/** Returns a seeded pseudo-random generator (mulberry32), for repeatable runs. */
export function seededRandom(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Runs a command to its end and resolves with its wall time (ms, measured
 * from spawn to the exit event), exit time (epoch ms), code and output.
 */
export function run(
  command,
  args,
  { env, stdin, timeoutMs = 120_000, onSpawn } = {}
) {
  return new Promise((resolve, reject) => {
    const startedAt = Date.now()
    const t0 = process.hrtime.bigint()
    const child = spawn(command, args, {
      env,
      stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
    })
    onSpawn?.(child)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c) => (stdout += c))
    child.stderr.on('data', (c) => (stderr += c))
    if (stdin !== undefined) child.stdin.end(stdin)
    // A run that hangs would stall the whole benchmark; stop it by its pid.
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    let exit
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      exit = {
        ms: Number(process.hrtime.bigint() - t0) / 1e6,
        startedAt,
        exitAt: Date.now(),
        code: code ?? signal
      }
    })
    child.on('close', () => {
      clearTimeout(timer)
      resolve({ ...exit, stdout, stderr })
    })
  })
}

/** Starts a long-lived child and resolves with it and its first stdout line. */
export function startChild(command, args, { env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env,
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let out = ''
    const onData = (chunk) => {
      out += chunk
      const nl = out.indexOf('\n')
      if (nl < 0) return
      child.stdout.off('data', onData)
      child.stdout.resume()
      resolve({ child, line: out.slice(0, nl) })
    }
    child.stdout.on('data', onData)
    child.on('error', reject)
    child.on('exit', (code) =>
      reject(new Error(`${args.join(' ')} exited early (${code})`))
    )
  })
}

/** Describes the machine the figures were measured on. */
export function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  try {
    const model = /^model name\s*:\s*(.+)$/m.exec(
      readFileSync('/proc/cpuinfo', 'utf8')
    )
    if (model) cpu = model[1].trim()
  } catch {
    // Not Linux: os.cpus() is good enough.
  }
  return {
    cpu,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memGiB: (os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z')
  }
}

/**
 * Summarises a .cpuprofile: the functions with the most self time, with
 * only frames from files whose name contains `only` (all when empty).
 */
export function topFunctions(profileFile, count = 8, only = '') {
  const profile = JSON.parse(readFileSync(profileFile, 'utf8'))
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map()
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  const byName = new Map()
  let total = 0
  for (const [id, us] of self) {
    total += us
    const { functionName, url } = nodes.get(id).callFrame
    const file = url.replace(/^.*\//, '')
    if (only && !file.includes(only) && url !== '') continue
    const name = `${functionName || '(anonymous)'}${file ? ` (${file})` : ''}`
    byName.set(name, (byName.get(name) ?? 0) + us)
  }
  return {
    totalMs: total / 1000,
    top: [...byName]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, us]) => ({ name, ms: us / 1000 }))
  }
}

/** Formats milliseconds with one decimal. */
export const ms = (value) => `${value.toFixed(1)} ms`

/** Formats seconds with two decimals. */
export const sec = (valueMs) => `${(valueMs / 1000).toFixed(2)} s`

/**
 * Follows a child's RSS in /proc until it exits (Linux only): the peak
 * (VmHWM) and a sample of VmRSS every everyMs. The last sample comes at
 * most everyMs before the exit.
 */
export function watchRss(child, everyMs = 100) {
  const seen = { peak: undefined, samples: [] }
  const sample = () => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status)
      const rss = /VmRSS:\s+(\d+) kB/.exec(status)
      if (hwm) seen.peak = Number(hwm[1]) * 1024
      if (rss) seen.samples.push(Number(rss[1]) * 1024)
    } catch {
      // Gone already, or no /proc here.
    }
  }
  const timer = setInterval(sample, everyMs)
  child.once('exit', () => clearInterval(timer))
  return seen
}
