// The measurements that need a process of their own (a cold start, or an RSS
// that nothing else inflates). bench/run.mjs starts them as
//   node bench/child.mjs <mode> [args]   with BENCH_HARNESS=<bundled harness>
// and reads one JSON line from stdout.
import http from 'node:http'
import { pathToFileURL } from 'node:url'

const harness = await import(pathToFileURL(process.env.BENCH_HARNESS).href)
const [mode, ...args] = process.argv.slice(2)

const JOB_ID = '463071155436633601'

/**
 * A file list like a large Milvus import reports: all Completed, or with
 * every failEvery-th file Failed with a reason.
 */
function fileList(count, failEvery) {
  return Array.from({ length: count }, (_, i) => {
    const fileName = `embeddings/part-${String(i).padStart(6, '0')}.parquet`
    if (failEvery && i % failEvery === 0) {
      return {
        fileName,
        state: 'Failed',
        progress: 50,
        importedRows: 500n,
        totalRows: 1000n,
        fileSize: 3_157_000,
        reason: `failed to import file "${fileName}": row 1,204: field "embedding" has dim 512, expected 768`
      }
    }
    return {
      fileName,
      state: 'Completed',
      progress: 100,
      importedRows: 1000n,
      totalRows: 1000n,
      fileSize: 3_157_000,
      completeTime: '2026-01-05T10:04:12Z'
    }
  })
}

/** P4: renders the summary of one job with `count` files, cold then warm. */
function summary(count, failEvery) {
  const files = fileList(count, failEvery)
  const failed = failEvery > 0
  // Row counts are exact bigints, as the clients read them.
  const rows = files.reduce((n, f) => n + f.importedRows, 0n)
  const result = {
    outcome: failed ? 'failed' : 'success',
    elapsedMs: 252_000,
    reason: failed ? `Import job ${JOB_ID} failed: ${files[0].reason}` : '',
    apiName: 'Milvus REST v2',
    jobs: [
      {
        jobId: JOB_ID,
        outcome: failed ? 'failed' : 'success',
        polls: 26,
        job: {
          jobId: JOB_ID,
          state: failed ? 'Failed' : 'Completed',
          status: failed ? 'failed' : 'completed',
          progress: failed ? 0 : 100,
          importedRows: rows,
          totalRows: BigInt(count) * 1000n,
          collectionName: 'product_embeddings',
          files
        }
      }
    ]
  }
  let t = performance.now()
  const markdown = harness.renderSummary(result)
  const coldMs = performance.now() - t
  const warm = []
  for (let i = 0; i < 5; i++) {
    t = performance.now()
    harness.renderSummary(result)
    warm.push(performance.now() - t)
  }
  return {
    coldMs,
    warmMs: warm,
    bytes: Buffer.byteLength(markdown),
    rows: markdown.split('\n').filter((l) => l.startsWith('| ')).length,
    cut: /more files/.test(markdown)
  }
}

/** A clock whose sleeps return at once and only move its time forward. */
class InstantClock {
  time = 1_700_000_000_000
  now() {
    return this.time
  }
  async sleep(ms) {
    this.time += Math.max(0, ms)
  }
}

/**
 * P5: waits for a 10,000-file job over real HTTP through the action's own
 * client, poll loop, rate limiter and progress log, with a 1 ms interval
 * on an instant clock, sampling RSS at every poll.
 */
async function pollMemory(url, expectedPolls) {
  const clock = new InstantClock()
  const quiet = {
    info() {},
    warning() {},
    debug() {},
    error() {},
    startGroup() {},
    endGroup() {}
  }
  const log = new harness.ProgressLog(quiet, clock, clock.now(), [JOB_ID])
  const api = new harness.RestV2Api({ endpoint: url })
  const rss = []
  const marks = {}
  const checkpoints = [100, 250, 500, 750, expectedPolls]
  let files = 0
  const started = performance.now()
  const result = await harness.waitForJob(api, JOB_ID, {
    clock,
    intervalMs: 1,
    deadline: clock.now() + 3_600_000_000,
    limiter: new harness.RateLimiter(clock),
    onPoll: (job) => {
      log.poll(job)
      files = Math.min(files || Infinity, job.files.length)
      rss.push(process.memoryUsage.rss())
      const n = rss.length
      if (checkpoints.includes(n)) {
        // Settled figures: what the loop still holds, not garbage in flight.
        globalThis.gc()
        const m = process.memoryUsage()
        marks[n] = { rss: m.rss, heapUsed: m.heapUsed }
      }
    }
  })
  const elapsedMs = performance.now() - started
  harness.closeConnections()
  return {
    outcome: result.outcome,
    polls: result.polls,
    minFiles: files,
    peakRss: Math.max(...rss),
    maxRss: process.resourceUsage().maxRSS * 1024,
    marks,
    msPerPoll: elapsedMs / result.polls
  }
}

/**
 * P5's server: answers the action's describes of one 10,000-file Milvus job
 * with the simulator's own wire bodies, rendered once up front (rendering
 * 10,000 files per request would make the server, not the action, the slow
 * part). The job moves through the importing phase, where Milvus lists every
 * file, and completes on describe number `polls`.
 */
async function pollServer(polls, fileCount) {
  const durationMs = 1_000_000
  const t0 = 1_700_000_000_000
  const steps = 20
  const files = Array.from({ length: fileCount }, (_, i) => ({
    name: `embeddings/part-${String(i).padStart(6, '0')}.parquet`,
    rows: 1000
  }))
  const job = new harness.ScriptedJob({ jobId: JOB_ID, durationMs, files }, t0)
  job.describe(t0)
  const body = (fraction) =>
    JSON.stringify({
      code: 0,
      data: harness.milvusDescribeData(
        job.describe(t0 + Math.round(fraction * durationMs)),
        JOB_ID
      )
    })
  // Progress from 40 % (files listed) to 97 %, then Completed.
  const running = Array.from({ length: steps }, (_, i) =>
    body(0.4 + (0.57 * i) / steps)
  )
  const completed = body(1)
  let served = 0
  const server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      served++
      const text =
        served >= polls
          ? completed
          : running[Math.floor(((served - 1) * steps) / polls)]
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(text)
      })
      res.end(text)
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${server.address().port}`
  process.stdout.write(
    JSON.stringify({ url, bodyBytes: Buffer.byteLength(completed) }) + '\n'
  )
  // Serve until the parent says stop.
  await new Promise((resolve) => process.once('SIGTERM', resolve))
  server.closeAllConnections()
  server.close()
  return undefined
}

let out
switch (mode) {
  case 'summary':
    out = summary(Number(args[0]), Number(args[1] ?? 0))
    break
  case 'poll-memory':
    out = await pollMemory(args[0], Number(args[1]))
    break
  case 'poll-server':
    out = await pollServer(Number(args[0]), Number(args[1]))
    break
  default:
    throw new Error(`unknown mode ${mode}`)
}
if (out !== undefined) process.stdout.write(JSON.stringify(out) + '\n')
