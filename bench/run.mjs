// Measures the action against its performance targets (P1-P7) and rewrites
// BENCHMARKS.md. Run with `npm run bench` after `npm ci`; it takes under three
// minutes on two cores. One part alone, printed instead of written:
// `-- --startup` (P1), `-- --memory` (P5), `-- --jobs` (P6), `-- --scale` (P7).
//
// Figures depend on the machine, so timings are reported beside a baseline
// measured in the same run (`node -e 0`, a curl/jq loop) and the file names
// the machine. The simulator and the action's modules are bundled from the
// TypeScript sources with ncc into a temporary folder first; the action
// itself runs as shipped, from dist/index.js.
import { execFileSync, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { createHash } from 'node:crypto'
import net from 'node:net'
import os from 'node:os'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import {
  machine,
  maxInWindow,
  median,
  run,
  seededRandom,
  startChild,
  topFunctions,
  watchRss
} from './lib.mjs'
import { renderReport, renderStartup } from './report.mjs'
import { measureScale, renderScale } from './scale.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DIST = join(ROOT, 'dist', 'index.js')
const CHILD = join(ROOT, 'bench', 'child.mjs')
const NCC = join(
  ROOT,
  'node_modules',
  '@vercel',
  'ncc',
  'dist',
  'ncc',
  'cli.js'
)
const NODE = process.execPath
const JOB_ID = '463071155436633601'
const INTERVAL_MS = 1000
const DESCRIBE = '/v2/vectordb/jobs/import/describe'

const began = Date.now()
const tmp = mkdtempSync(join(os.tmpdir(), 'wait-for-milvus-import-bench-'))
// The runner creates these before the step; @actions/core only appends.
writeFileSync(join(tmp, 'github-output.txt'), '')
writeFileSync(join(tmp, 'step-summary.md'), '')

// Children get a clean environment: no inputs, runner files or node flags
// leak in from the shell (or from a workflow the bench runs in).
// NODE_EXTRA_CA_CERTS goes too: with it every node start reads and parses a
// CA bundle (tens of ms), which GitHub's runners do not do.
const STRIPPED = /^(INPUT_|GITHUB_|RUNNER_|NODE_OPTIONS$|NODE_EXTRA_CA_CERTS$)/
const baseEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !STRIPPED.test(key))
)
const strippedVars = Object.keys(process.env).filter(
  (key) => /^NODE_/.test(key) && STRIPPED.test(key)
)

/** The environment the runner gives the action for these inputs. */
function actionEnv(endpoint, jobIds, extra = {}) {
  return {
    ...baseEnv,
    'INPUT_JOB-ID': jobIds.join('\n'),
    INPUT_ENDPOINT: endpoint,
    'INPUT_POLL-INTERVAL': `${INTERVAL_MS / 1000}s`,
    INPUT_TIMEOUT: '5m',
    GITHUB_OUTPUT: join(tmp, 'github-output.txt'),
    GITHUB_STEP_SUMMARY: join(tmp, 'step-summary.md'),
    ...extra
  }
}

const say = (text) =>
  process.stderr.write(
    `[bench ${((Date.now() - began) / 1000).toFixed(0).padStart(3)}s] ${text}\n`
  )

/** Bundles bench/harness.ts (simulator + action modules) into tmp. */
function bundleHarness() {
  const out = join(tmp, 'harness')
  execFileSync(
    NODE,
    [
      NCC,
      'build',
      'bench/harness.ts',
      '-o',
      out,
      '--quiet',
      '--transpile-only'
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] }
  )
  return join(out, 'index.js')
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort() {
  const server = net.createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address()
  server.close()
  await once(server, 'close')
  return port
}

/** The first 12 hex digits of a file's SHA-256. */
async function shortHash(file) {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk)
  return hash.digest('hex').slice(0, 12)
}

// ---------------------------------------------------------------------------
// P1: start-up cost of one run that needs a single request.
// ---------------------------------------------------------------------------

const FLOOR = `import http from 'node:http'
const req = http.request(process.env.URL + '${DESCRIBE}', {
  method: 'POST', headers: { 'Content-Type': 'application/json' }
}, (res) => {
  let text = ''
  res.setEncoding('utf8')
  res.on('data', (chunk) => (text += chunk))
  res.on('end', () => console.log(JSON.parse(text).data.state))
})
req.end(JSON.stringify({ jobId: process.env.JOB }))`

async function measureStartup(h, runs = 15) {
  const sim = await h.startSimulator({
    jobs: [
      {
        jobId: JOB_ID,
        files: [
          { name: 'data/1.parquet', rows: 10_000 },
          { name: 'data/2.parquet', rows: 10_000 }
        ]
      }
    ]
  })
  const kinds = {
    // The baseline: a bare node start and exit.
    node: { args: ['-e', '0'], env: baseEnv },
    // The floor of any Node waiter: one node:http request, no framework.
    floor: {
      args: ['--input-type=module', '-e', FLOOR],
      env: { ...baseEnv, URL: sim.url, JOB: JOB_ID }
    },
    // The bundle loads, checks its inputs and stops: no request.
    load: {
      args: [DIST],
      env: actionEnv(sim.url, [], { 'INPUT_JOB-ID': '' })
    },
    // The whole action on a job that is already Completed.
    action: { args: [DIST], env: actionEnv(sim.url, [JOB_ID]) }
  }
  const times = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]))
  const order = Object.keys(kinds)
  const problems = []
  // Two warm-up rounds fill the page cache; then the kinds alternate, the
  // order rotating each round, so drifting load hits them all alike.
  for (let round = -2; round < runs; round++) {
    for (let k = 0; k < order.length; k++) {
      const kind = order[(k + Math.max(round, 0)) % order.length]
      const before = sim.requests.length
      const r = await run(NODE, kinds[kind].args, { env: kinds[kind].env })
      if (kind === 'action') {
        const calls = sim.requests.length - before
        if (r.code !== 0 || calls !== 1)
          problems.push(`exit ${r.code} after ${calls} requests`)
      }
      if (round >= 0) times[kind].push(r.ms)
    }
  }
  // One profiled run shows where the action's own time goes.
  const profDir = join(tmp, 'prof-p1')
  await run(NODE, ['--cpu-prof', '--cpu-prof-dir', profDir, DIST], {
    env: kinds.action.env
  })
  const profile = topFunctions(
    join(profDir, readdirSync(profDir)[0]),
    8,
    'index.js'
  )
  await sim.close()
  const med = Object.fromEntries(
    Object.entries(times).map(([k, v]) => [k, median(v)])
  )
  return {
    runs,
    times,
    median: med,
    ratio: med.action / med.node,
    floorRatio: med.floor / med.node,
    problems,
    profile
  }
}

// ---------------------------------------------------------------------------
// P2: which files of dist/ the REST and gRPC paths load.
// ---------------------------------------------------------------------------

/** Every file of the action's bundle (not the CLI, demo or simulator ones). */
function actionBundleFiles() {
  const dist = join(ROOT, 'dist')
  const skip = new Set(['cli', 'demo', 'simulator'])
  const files = []
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (dir !== dist || !skip.has(entry.name)) walk(path)
      } else files.push({ path, bytes: statSync(path).size })
    }
  }
  walk(dist)
  return files
}

/** Runs the action with load tracing; returns the dist files it touched. */
async function tracedRun(name, env) {
  const log = join(tmp, `loads-${name}.txt`)
  writeFileSync(log, '')
  const tracer = pathToFileURL(join(ROOT, 'bench', 'trace-loads.mjs')).href
  const r = await run(NODE, ['--import', tracer, DIST], {
    env: { ...env, BENCH_LOAD_LOG: log },
    timeoutMs: 30_000
  })
  // Lines are "<module|fs|require> <url or path>"; keep files in dist/.
  const touched = new Set()
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    const target = line.slice(line.indexOf(' ') + 1)
    if (!line || (line.startsWith('module') && !target.startsWith('file:')))
      continue
    const path = target.startsWith('file:')
      ? fileURLToPath(target)
      : resolve(ROOT, target)
    if (path.startsWith(join(ROOT, 'dist') + sep)) touched.add(path)
  }
  return { touched, code: r.code, ms: r.ms }
}

async function measureBundle(h) {
  const sim = await h.startSimulator({
    jobs: [{ jobId: JOB_ID }]
  })
  const rest = await tracedRun('rest', actionEnv(sim.url, [JOB_ID]))
  await sim.close()
  const port = await closedPort()
  // Nothing listens there: the gRPC client loads, fails to connect and the
  // step times out after 2 s, which is all this trace needs.
  const grpc = await tracedRun(
    'grpc',
    actionEnv(`grpc://127.0.0.1:${port}`, [JOB_ID], { INPUT_TIMEOUT: '2s' })
  )
  const files = actionBundleFiles().map((f) => ({
    ...f,
    name: relative(join(ROOT, 'dist'), f.path),
    js: f.path.endsWith('.js'),
    rest: rest.touched.has(f.path),
    grpc: grpc.touched.has(f.path)
  }))
  const sum = (list) => list.reduce((n, f) => n + f.bytes, 0)
  const restJs = files.filter((f) => f.rest && f.js)
  const grpcOnly = files.filter((f) => f.grpc && !f.rest)
  const assets = files.filter(
    (f) => !f.js && !['package.json', 'licenses.txt'].includes(f.name)
  )
  return {
    files,
    restCode: rest.code,
    grpcCode: grpc.code,
    restJs,
    restJsBytes: sum(restJs),
    restChunks: restJs.filter((f) => f.name !== 'index.js'),
    grpcOnly,
    grpcOnlyBytes: sum(grpcOnly),
    assets,
    assetBytes: sum(assets),
    assetsRead: assets.filter((f) => f.rest || f.grpc)
  }
}

// ---------------------------------------------------------------------------
// P3: lag from Completed to exit, and calls made, against a fixed loop.
// ---------------------------------------------------------------------------

const CURL_LOOP = `while :; do
  state=$(curl -s -X POST -H 'Content-Type: application/json' \\
    -d "{\\"jobId\\":\\"$JOB\\"}" "$URL${DESCRIBE}" | jq -r .data.state)
  case "$state" in Completed|Failed) exit 0 ;; esac
  sleep "$INTERVAL"
done`

const NODE_LOOP = `const url = process.env.URL + '${DESCRIBE}'
for (;;) {
  const res = await fetch(url, { method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jobId: process.env.JOB }) })
  const state = (await res.json()).data.state
  if (state === 'Completed' || state === 'Failed') break
  await new Promise((r) => setTimeout(r, Number(process.env.INTERVAL) * 1000))
}`

/** True when bash, curl and jq are all on the PATH. */
function hasCurlAndJq() {
  const r = spawnSync('bash', ['-c', 'command -v curl && command -v jq'], {
    stdio: 'ignore'
  })
  return r.status === 0
}

/** Starts one P3 case; resolves with its figures when the waiter exits. */
async function lagCase(h, durationMs, who, loop) {
  const sim = await h.startSimulator({ jobs: [{ jobId: JOB_ID, durationMs }] })
  let r
  if (who === 'action') {
    r = await run(NODE, [DIST], { env: actionEnv(sim.url, [JOB_ID]) })
  } else {
    const env = {
      ...baseEnv,
      URL: sim.url,
      JOB: JOB_ID,
      INTERVAL: String(INTERVAL_MS / 1000)
    }
    r =
      loop === 'curl'
        ? await run('bash', ['-c', CURL_LOOP], { env })
        : await run(NODE, ['--input-type=module', '-e', NODE_LOOP], { env })
  }
  const at = sim.requests.map((q) => q.at)
  await sim.close()
  // The job's clock starts at its first describe; it is Completed from
  // exactly durationMs later.
  const completedAt = at[0] + durationMs
  return {
    durationMs,
    who,
    code: r.code,
    calls: at.length,
    lagMs: r.exitAt - completedAt,
    periodMs: at.length > 1 ? (at.at(-1) - at[0]) / (at.length - 1) : 0
  }
}

async function measureLag(h, loop) {
  const durations = [5_000, 20_000, 60_000]
  const cases = durations.flatMap((d) => [
    lagCase(h, d, 'action', loop),
    lagCase(h, d, 'baseline', loop)
  ])
  return Promise.all(cases)
}

// ---------------------------------------------------------------------------
// P4: summary rendering.
// ---------------------------------------------------------------------------

/** The P4 cases: file count, and every how many files one fails (0: none). */
const SUMMARY_CASES = [
  { files: 10_000, failEvery: 0 },
  { files: 100_000, failEvery: 0 },
  { files: 100_000, failEvery: 10 }
]

async function measureSummary(harnessPath, processes = 5) {
  const env = { ...baseEnv, BENCH_HARNESS: harnessPath }
  const out = { cases: [] }
  for (const c of SUMMARY_CASES) {
    const samples = []
    // Each sample is a fresh process: the action renders once, cold.
    for (let i = 0; i < processes; i++) {
      const r = await run(
        NODE,
        [CHILD, 'summary', String(c.files), String(c.failEvery)],
        { env }
      )
      if (r.code !== 0) throw new Error(`summary ${c.files}: ${r.stderr}`)
      samples.push(JSON.parse(r.stdout))
    }
    out.cases.push({
      ...c,
      coldMs: median(samples.map((s) => s.coldMs)),
      colds: samples.map((s) => s.coldMs),
      warmMs: median(samples.flatMap((s) => s.warmMs)),
      bytes: samples[0].bytes,
      rows: samples[0].rows,
      cut: samples[0].cut
    })
  }
  const profDir = join(tmp, 'prof-p4')
  await run(
    NODE,
    ['--cpu-prof', '--cpu-prof-dir', profDir, CHILD, 'summary', '100000', '0'],
    { env }
  )
  out.profile = topFunctions(
    join(profDir, readdirSync(profDir)[0]),
    8,
    'index.js'
  )
  return out
}

// ---------------------------------------------------------------------------
// P5: memory over 1,000 polls of a 10,000-file job.
// ---------------------------------------------------------------------------

/** Starts the P5 body server; the caller stops it with stop(). */
async function pollServer(harnessPath, polls) {
  const env = { ...baseEnv, BENCH_HARNESS: harnessPath }
  const { child, line } = await startChild(
    NODE,
    [CHILD, 'poll-server', String(polls), '10000'],
    { env }
  )
  child.on('exit', () => undefined)
  return {
    ...JSON.parse(line),
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await once(child, 'exit')
      }
    }
  }
}

async function measureMemory(harnessPath, polls = 1000) {
  const server = await pollServer(harnessPath, polls)
  try {
    const r = await run(
      NODE,
      ['--expose-gc', CHILD, 'poll-memory', server.url, String(polls)],
      { env: { ...baseEnv, BENCH_HARNESS: harnessPath }, timeoutMs: 150_000 }
    )
    if (r.code !== 0) throw new Error(`poll-memory: ${r.stderr}`)
    return { ...JSON.parse(r.stdout), bodyBytes: server.bodyBytes }
  } finally {
    await server.stop()
  }
}

/**
 * The shipped action on the same job, polling every 1 s in real time: V8
 * gets the idle time between polls that the instant clock never gives it.
 */
async function measureActionMemory(harnessPath, polls) {
  const server = await pollServer(harnessPath, polls)
  try {
    let watch
    const r = await run(NODE, [DIST], {
      env: actionEnv(server.url, [JOB_ID]),
      onSpawn: (child) => (watch = watchRss(child, 100)),
      timeoutMs: (polls + 30) * 1000
    })
    const s = watch.samples
    return {
      polls,
      code: r.code,
      peakRss: watch.peak,
      // RSS a quarter of the way in, and at the end.
      rssEarly: s[Math.floor(s.length / 4)],
      rssLate: s.at(-1)
    }
  } finally {
    await server.stop()
  }
}

// ---------------------------------------------------------------------------
// P6: 100 jobs in one step.
// ---------------------------------------------------------------------------

const SEEDS = [20260105, 7, 1234567]

async function measureMany(h, seed, count = 100, spreadMs = 10_000) {
  const random = seededRandom(seed)
  const jobs = Array.from({ length: count }, (_, i) => ({
    jobId: String(BigInt(JOB_ID) + BigInt(i)),
    durationMs: Math.round(250 + random() * (spreadMs - 250))
  }))
  const sim = await h.startSimulator({ jobs })
  // Start every job's clock now, so each finishes at a known moment within
  // spreadMs whatever order the action polls them in.
  await Promise.all(
    jobs.map((j) =>
      fetch(sim.url + DESCRIBE, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'User-Agent': 'bench' },
        body: JSON.stringify({ jobId: j.jobId })
      }).then((res) => res.arrayBuffer())
    )
  )
  const jobOf = (req) => JSON.parse(req.body).jobId
  const completedAt = new Map()
  for (const req of sim.requests) {
    const job = jobs.find((j) => j.jobId === jobOf(req))
    completedAt.set(job.jobId, req.at + job.durationMs)
  }
  const warmups = sim.requests.length
  const r = await run(NODE, [DIST], {
    env: actionEnv(
      sim.url,
      jobs.map((j) => j.jobId),
      { INPUT_TIMEOUT: '2m' }
    )
  })
  const requests = sim.requests
    .slice(warmups)
    .filter((q) => q.headers['user-agent'] === h.USER_AGENT)
  await sim.close()
  const slowestAt = Math.max(...completedAt.values())
  // Per job: how long after its completion the action saw it, and how
  // often it was polled.
  const seen = []
  const periods = []
  for (const j of jobs) {
    const at = requests.filter((q) => jobOf(q) === j.jobId).map((q) => q.at)
    const done = completedAt.get(j.jobId)
    const first = at.find((t) => t >= done)
    if (first !== undefined) seen.push(first - done)
    if (at.length > 1) periods.push((at.at(-1) - at[0]) / (at.length - 1))
  }
  const byPath = {}
  for (const q of requests) (byPath[q.path] ??= []).push(q.at)
  return {
    seed,
    count,
    code: r.code,
    wallMs: r.ms,
    slowestMs: slowestAt - r.startedAt,
    exitAfterSlowestMs: r.exitAt - slowestAt,
    requests: requests.length,
    maxPerSecond: Object.fromEntries(
      Object.entries(byPath).map(([p, at]) => [p, maxInWindow(at, 1000)])
    ),
    maxPerSecondAll: maxInWindow(
      requests.map((q) => q.at),
      1000
    ),
    seenMedianMs: median(seen),
    seenMaxMs: Math.max(...seen),
    pollPeriodMs: median(periods)
  }
}

// ---------------------------------------------------------------------------

async function main() {
  if (!existsSync(DIST)) {
    throw new Error('dist/index.js is missing: run npm run package first.')
  }
  const loadBefore = os.loadavg()[0]
  say('bundling the simulator and modules with ncc')
  const harnessPath = bundleHarness()
  const h = await import(pathToFileURL(harnessPath).href)

  // `npm run bench -- --startup` measures P1 alone and prints its row and
  // section instead of rewriting BENCHMARKS.md.
  if (process.argv.includes('--startup')) {
    say('P1 only: start-up (node -e 0 vs dist/index.js, alternated)')
    const p1 = await measureStartup(h)
    const load = [loadBefore, os.loadavg()[0]]
    const { row, section } = renderStartup(p1, machine(), load)
    process.stdout.write(`${row}\n\n${section}\n`)
    return
  }

  // `npm run bench -- --scale` measures P7 alone and prints its section.
  const scaleEnv = { ...baseEnv, BENCH_HARNESS: harnessPath }
  if (process.argv.includes('--scale')) {
    say('P7 only: memory at real scale')
    process.stdout.write(`${renderScale(await measureScale(scaleEnv))}\n`)
    return
  }

  // `npm run bench -- --memory` measures P5's poll loop alone (JSON).
  if (process.argv.includes('--memory')) {
    say('P5 only: memory over 1,000 polls of a 10,000-file job')
    const m = await measureMemory(harnessPath)
    process.stdout.write(`${JSON.stringify(m)}\n`)
    return
  }

  // `npm run bench -- --jobs` measures P6 alone (JSON, one line a seed).
  if (process.argv.includes('--jobs')) {
    say('P6 only: 100 jobs in one step')
    for (const seed of SEEDS) {
      const m = await measureMany(h, seed)
      process.stdout.write(`${JSON.stringify(m)}\n`)
    }
    return
  }

  say('P1: start-up (node -e 0 vs dist/index.js, alternated)')
  const p1 = await measureStartup(h)
  say('P4: summary rendering for 10,000 and 100,000 files')
  const p4 = await measureSummary(harnessPath)

  const loop = hasCurlAndJq() ? 'curl' : 'node'
  say(
    'P3 (5 s, 20 s, 60 s jobs, action and baseline at once) with P2 and P5 alongside'
  )
  // P3 mostly sleeps, so P2 and P5 run alongside it; P5 keeps one core busy.
  const [p3, p2, p5, p5action] = await Promise.all([
    measureLag(h, loop),
    measureBundle(h),
    measureMemory(harnessPath),
    measureActionMemory(harnessPath, 50)
  ])

  // Three draws of finishing times, run at once, so that no single lucky
  // (or unlucky) draw decides the result.
  say('P6: 100 jobs in one step (three seeds at once)')
  const p6 = await Promise.all(SEEDS.map((seed) => measureMany(h, seed)))

  say('P7: memory at real scale (100 jobs × 1,024 files, 100 polls each)')
  const p7 = await measureScale(scaleEnv)

  const report = renderReport({
    machine: machine(),
    strippedVars,
    load: [loadBefore, os.loadavg()[0]],
    distHash: await shortHash(DIST),
    totalMs: Date.now() - began,
    intervalMs: INTERVAL_MS,
    loop,
    p1,
    p2,
    p3,
    p4,
    p5,
    p5action,
    p6,
    p7
  })
  writeFileSync(
    join(ROOT, 'BENCHMARKS.md'),
    `${report.markdown.trimEnd()}\n\n${renderScale(p7)}\n`
  )
  process.stdout.write(report.table + '\n')
  say(`wrote BENCHMARKS.md (${report.failed} target(s) missed)`)
}

try {
  await main()
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
