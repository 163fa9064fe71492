// Memory at real scale: 100 concurrent jobs of 1,024 files each (Milvus'
// maxFilesPerImportReq), every job polled 100 times, through the action's own
// REST client and poll loop over real HTTP, on an instant clock. Peak RSS is
// read beside a bare node process measured in the same run.
//   node bench/scale.mjs server            (BENCH_HARNESS set) prints its URL
//   node bench/scale.mjs client <url>      prints one JSON line
import http from 'node:http'
import { once } from 'node:events'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { run, startChild } from './lib.mjs'

export const JOBS = 100
export const FILES = 1024
export const POLLS = 100
export const LIMIT_MIB = 200
const RATE = 200
const FIRST_ID = 463071155436633601n
const ids = Array.from({ length: JOBS }, (_, i) => String(FIRST_ID + BigInt(i)))

/** A describe body of one job, rendered once with a placeholder ID. */
function body(state, progress) {
  const details = Array.from({ length: FILES }, (_, i) => ({
    completeTime: state === 'Completed' ? '2026-01-05T10:04:12Z' : '',
    fileName: `[embeddings/part-${String(i).padStart(6, '0')}.parquet]`,
    fileSize: 3_157_000,
    importedRows: state === 'Completed' ? 1000 : 400,
    progress,
    state: state === 'Completed' ? 'Completed' : 'InProgress',
    totalRows: 1000
  }))
  return JSON.stringify({
    code: 0,
    data: {
      collectionName: 'product_embeddings',
      completeTime: '',
      details,
      importedRows: details.reduce((n, d) => n + d.importedRows, 0),
      jobId: ids[0],
      progress,
      state,
      totalRows: FILES * 1000
    }
  })
}

/** Serves each job Importing until its POLLS-th describe, then Completed. */
async function server() {
  const importing = body('Importing', 40)
  const completed = body('Completed', 100)
  const polls = new Map()
  const srv = http.createServer((req, res) => {
    let text = ''
    req.on('data', (c) => (text += c))
    req.on('end', () => {
      const id = JSON.parse(text).jobId
      const n = (polls.get(id) ?? 0) + 1
      polls.set(id, n)
      // Every ID has the same length, so the body is copied, not re-rendered.
      const out = (n >= POLLS ? completed : importing).replace(ids[0], id)
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(out)
    })
  })
  await new Promise((resolve) => srv.listen(0, '127.0.0.1', resolve))
  process.stdout.write(
    JSON.stringify({
      url: `http://127.0.0.1:${srv.address().port}`,
      bodyBytes: Buffer.byteLength(importing)
    }) + '\n'
  )
  await new Promise((resolve) => process.once('SIGTERM', resolve))
  srv.closeAllConnections()
  srv.close()
}

/** Waits for every job through the action's client; reports peak RSS. */
async function client(url) {
  const harness = await import(pathToFileURL(process.env.BENCH_HARNESS).href)
  const clock = {
    time: Date.now(),
    now() {
      return this.time
    },
    async sleep(ms) {
      this.time += Math.max(0, ms)
    }
  }
  // Request starts are spaced by the action's own rate limiter on real
  // time, as in the action; at RATE a second rather than 18, so the run
  // takes about a minute (more requests in flight than the action has).
  const realTime = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
  }
  const api = new harness.RestV2Api({ endpoint: url })
  const started = performance.now()
  const results = await harness.waitForJobs(api, ids, {
    clock,
    intervalMs: 1000,
    deadline: clock.now() + 3_600_000_000,
    limiter: new harness.RateLimiter(realTime, RATE)
  })
  harness.closeConnections()
  // What the 100 last answers hold once the garbage is gone.
  const before = process.memoryUsage().heapUsed
  globalThis.gc?.()
  const live = process.memoryUsage().heapUsed
  return {
    heapBeforeGc: before,
    heapAfterGc: live,
    outcomes: [...new Set(results.map((r) => r.outcome))],
    polls: results.reduce((n, r) => n + r.polls, 0),
    files: results[0].job.files.length,
    peakRss: process.resourceUsage().maxRSS * 1024,
    seconds: (performance.now() - started) / 1000,
    rate: RATE
  }
}

/** Runs the scale scenario and a bare node baseline, in this run. */
export async function measureScale(env) {
  const script = fileURLToPath(import.meta.url)
  const { child, line } = await startChild(
    process.execPath,
    [script, 'server'],
    {
      env
    }
  )
  try {
    const { url, bodyBytes } = JSON.parse(line)
    const r = await run(
      process.execPath,
      ['--expose-gc', script, 'client', url],
      {
        env,
        timeoutMs: 900_000
      }
    )
    if (r.code !== 0) throw new Error(`scale client: ${r.stderr}`)
    const bare = await run(
      process.execPath,
      [
        '-e',
        'process.stdout.write(String(process.resourceUsage().maxRSS * 1024))'
      ],
      { env }
    )
    return { ...JSON.parse(r.stdout), bodyBytes, bareRss: Number(bare.stdout) }
  } finally {
    child.kill('SIGTERM')
    await once(child, 'exit')
  }
}

const MiB = (bytes) => (bytes / 1024 / 1024).toFixed(0)

/** The BENCHMARKS.md section of the scale scenario. */
export function renderScale(s) {
  const pass =
    s.peakRss <= LIMIT_MIB * 1024 * 1024 && s.outcomes.join() === 'success'
  return [
    `## P7: memory at real scale (${JOBS} jobs × ${FILES.toLocaleString('en-US')} files, ${POLLS} polls each)`,
    '',
    `Target: peak RSS at most ${LIMIT_MIB} MiB. ${pass ? '**Met.**' : '**Missed.**'}`,
    '',
    '| | peak RSS |',
    '| --- | ---: |',
    `| bare node process (\`node -e\`), same run | ${MiB(s.bareRss)} MiB |`,
    `| ${JOBS} concurrent jobs, ${s.polls.toLocaleString('en-US')} polls of ${(s.bodyBytes / 1024).toFixed(0)} kB bodies | ${MiB(s.peakRss)} MiB |`,
    `| of which live heap after GC, at the end (100 last answers held) | ${MiB(s.heapAfterGc)} MiB |`,
    '',
    `Every job ended ${s.outcomes.join(', ')}, with ${s.files.toLocaleString('en-US')} files on its last answer; the run took ${s.seconds.toFixed(0)} s. The client, poll loop, rate limiter and strict JSON reader are the action's own, over real HTTP to a local server that answers each job Importing until its ${POLLS}th describe. Poll intervals pass at once; request starts are spaced by the rate limiter at ${s.rate} a second instead of the action's 18, so more requests are in flight at once than in the action. Run it alone with \`npm run bench -- --scale\`.`
  ].join('\n')
}

const [mode, arg] = process.argv.slice(2)
if (mode === 'server') await server()
else if (mode === 'client')
  process.stdout.write(JSON.stringify(await client(arg)) + '\n')
