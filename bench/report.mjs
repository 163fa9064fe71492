// Turns the figures of bench/run.mjs into BENCHMARKS.md: the target table,
// then how each figure was measured and what it is made of.
import { scaleRow } from './scale.mjs'

const MIB = 2 ** 20
const KB = 1000

const f1 = (v) => v.toFixed(1)
const f2 = (v) => v.toFixed(2)
const msText = (v) => `${f1(v)} ms`
const sText = (v) => `${f2(v / 1000)} s`
const mib = (v) => `${f1(v / MIB)} MiB`
const kb = (v) => `${f1(v / KB)} KB`
// ok is null for a figure kept without a target.
const mark = (ok) => (ok === null ? 'no target' : ok ? '✅ PASS' : '❌ FAIL')
const int = (v) => Math.round(v).toLocaleString('en-US')

// The last start-up figure of the hand-written runner and HTTP client, before
// the runtime moved to @actions/core and @actions/http-client.
const STARTUP_BEFORE = {
  ratio: '3.19',
  ms: '69.4 ms',
  node: '21.8 ms',
  date: '2026-11-23'
}

/** A markdown table from a header row and body rows. */
function table(head, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`
  return [
    line(head),
    line(head.map(() => '---')),
    ...rows.map((r) => line(r))
  ].join('\n')
}

/** Lists the functions with the most self time in a profile. */
function profileList(profile) {
  return profile.top.map((t) => `- ${msText(t.ms)} — \`${t.name}\``).join('\n')
}

/**
 * Why a missed target is missed and what was tried, for each target that
 * fails in this run ('' when all pass).
 */
function missedTargets(r, rows) {
  const failed = new Set(rows.filter((x) => x.ok === false).map((x) => x.id))
  const parts = []
  if (failed.has('P5')) {
    parts.push(`**P5 (memory).** Nothing accumulates: the heap after GC stays flat (table in P5). The peak is
garbage of recent polls that V8 collects late: at a 1 ms interval every poll reads, parses and maps a 1.8 MB
answer. Tried, and kept: the body is decoded as it arrives (no second copy) and let go of once parsed; file
entries are checked for their types and mapped in one pass, dropping unknown keys; an entry that has not changed
since the last answer is the earlier entry itself. At the action's real pace (1 s or more) the shipped action
peaked at ${r.p5action.peakRss ? mib(r.p5action.peakRss) : 'n/a'} in this run. A bare loop that only parses and copies
the same answer already peaks near 90 MiB, so 100 MiB leaves little room for validation. V8's young-generation
size, which sets most of this peak, can only be changed by node flags, which an action cannot pass. Not done:
forcing GC from inside the action.`)
  }
  if (failed.has('P6')) {
    const late = r.p6.map((x) => sText(x.exitAfterSlowestMs)).join(', ')
    parts.push(`**P6 (100 jobs).** The rate limit decides it. At 18 requests a second, 100 running jobs are each
polled once every 5.6 s. When the last job completes, jobs that completed shortly before it have not all been
seen yet and still queue for request slots, so the last job's next poll comes an interval later plus the time
those queued polls take (about 55 ms each). The step ended ${late} after the slowest job completed, one draw
per seed. Tried, and dropped: counting the interval from the start of the request instead of the answer (no
change: the queue, not the answer, is the delay). Meeting the target on every draw would take fewer requests
per job, such as reading the states of many jobs from one list call; not done.`)
  }
  return parts.length
    ? `\n## Targets missed: why, and what was tried\n\n${parts.join('\n\n')}\n`
    : ''
}

/**
 * P1's row of the target table: start-up has no target since the runtime is
 * @actions/core and @actions/http-client; the hand-written one's figure is
 * kept as a reference.
 */
function startupRow(p1) {
  return [
    'P1',
    'wall time of `node dist/index.js` on a Completed job (1 request) ÷ `node -e 0`, median of ' +
      `${p1.runs} alternated runs`,
    `${f2(p1.ratio)}× (${msText(p1.median.action)})`,
    `\`node -e 0\`: ${msText(p1.median.node)}; a bare node:http request: ${f2(p1.floorRatio)}×`,
    `none (was ≤ 1.5×); ceiling reference: ${STARTUP_BEFORE.ratio}× (${STARTUP_BEFORE.ms}) on ${STARTUP_BEFORE.date}, hand-written runtime`,
    p1.problems.length === 0 ? null : false
  ]
}

// The processes P1 times, as the table names them.
const STARTUP_KINDS = [
  ['`node -e 0`', 'node'],
  ['bare node:http request', 'floor'],
  ['bundle load + input check', 'load'],
  ['whole action (1 request)', 'action']
]

/** The P1 section of BENCHMARKS.md; note says when it was measured apart. */
function startupSection(p1, note = '') {
  return `## P1 · start-up
${note ? `\n${note}\n` : ''}
Start-up has no target any more: a step that waits minutes for an import does
not feel tens of milliseconds. The bundle loads \`@actions/core\` and
\`@actions/http-client\` (with undici), unminified; Node maps stack traces
to src/ itself (\`process.setSourceMapsEnabled\`), so no source-map register loads.
The hand-written runtime it replaced measured ${STARTUP_BEFORE.ratio}× (${STARTUP_BEFORE.ms} beside
${STARTUP_BEFORE.node} for \`node -e 0\`) on ${STARTUP_BEFORE.date}; that figure is kept as a ceiling
reference, and this run's ratio is ${f2(p1.ratio / Number(STARTUP_BEFORE.ratio))}× it.

Each round runs four processes, in an order that rotates every round, after two
warm-up rounds: \`node -e 0\`; the floor of any Node waiter (an inline ES module that
sends the one describe with \`node:http\`, parses the answer and exits); the bundle
with no job ID (it loads, validates the inputs and fails before any request); and
the whole action on a job the simulator already reports Completed. The action made exactly one request in every run${p1.problems.length ? ` — **except: ${p1.problems.join('; ')}**` : ''}.

${table(
  ['process', 'median', 'runs (ms)'],
  STARTUP_KINDS.map(([label, kind]) => [
    label,
    msText(p1.median[kind]),
    p1.times[kind].map(Math.round).join(' ')
  ])
)}

So node itself takes ${msText(p1.median.node)}, loading and initialising the bundle
${msText(p1.median.load - p1.median.node)}, and the request, the report and the exit
${msText(p1.median.action - p1.median.load)}. The bare request needs
${msText(p1.median.floor - p1.median.node)} over node, so no waiter written in Node
gets below ${f2(p1.floorRatio)}× here. Functions with the most self time in
one profiled run (\`--cpu-prof\`, ${msText(p1.profile.totalMs)} sampled):

${profileList(p1.profile)}`
}

/** P1 alone (`npm run bench -- --startup`): its table row and section. */
export function renderStartup(p1, m, load) {
  const [id, measure, figure, baseline, target, ok] = startupRow(p1)
  const note = `Measured apart from the other figures, by \`npm run bench -- --startup\` on
${m.date} (Node ${m.node}; load average ${f2(load[0])} before, ${f2(load[1])} after).`
  return {
    row: `| ${[id, measure, figure, baseline, target, mark(ok)].join(' | ')} |`,
    section: startupSection(p1, note)
  }
}

/** Renders the whole report; returns the markdown and the bare table. */
export function renderReport(r) {
  const I = r.intervalMs
  const rows = []
  const add = (id, measure, figure, baseline, target, ok) =>
    rows.push({ id, measure, figure, baseline, target, ok })

  // P1
  const { p1 } = r
  add(...startupRow(p1))

  // P2
  const { p2 } = r
  add(
    'P2',
    'bytes of JS loaded on the REST path (traced)',
    `${kb(p2.restJsBytes)} (${p2.restJs.map((f) => f.name).join(', ')})`,
    `gRPC path adds ${kb(p2.grpcOnlyBytes)} (${p2.grpcOnly.map((f) => f.name).join(', ') || 'nothing'}); assets ${kb(p2.assetBytes)}`,
    // Retired with P1: the runtime is @actions/core and @actions/http-client
    // (with undici), unminified so stack traces point at src/.
    'none (was ≤ 400 KB, retired with P1)',
    null
  )

  // P3
  const p3 = (d, who) => r.p3.find((c) => c.durationMs === d && c.who === who)
  for (const d of [...new Set(r.p3.map((c) => c.durationMs))]) {
    const a = p3(d, 'action')
    const b = p3(d, 'baseline')
    const maxCalls = Math.ceil(d / I) + 2
    add(
      'P3',
      `D = ${d / 1000} s, I = ${I / 1000} s: lag from Completed to exit; calls`,
      `lag ${sText(a.lagMs)}; ${a.calls} calls`,
      `${r.loop === 'curl' ? 'curl/jq loop' : 'node loop'}: lag ${sText(b.lagMs)}; ${b.calls} calls`,
      `lag ≤ ${sText(I + 200)}; calls ≤ ${maxCalls}`,
      a.code === 0 && a.lagMs <= I + 200 && a.calls <= maxCalls
    )
  }

  // P4
  const { p4 } = r
  const caseName = (c) =>
    `${int(c.files)} files${c.failEvery ? `, 1 in ${c.failEvery} failed with a reason` : ''}`
  for (const c of p4.cases) {
    add(
      'P4',
      `renderSummary, ${caseName(c)} (median first call of 5 fresh processes)`,
      `${msText(c.coldMs)}; ${kb(c.bytes)}`,
      `warm calls: ${msText(c.warmMs)}`,
      '≤ 100 ms; < 1 MiB',
      c.coldMs <= 100 && c.bytes < MIB
    )
  }

  // P5
  const { p5 } = r
  const peak = Math.max(p5.peakRss, p5.maxRss)
  const heapGrowth = p5.marks[p5.polls].heapUsed - p5.marks[100].heapUsed
  const flat = heapGrowth <= MIB
  add(
    'P5',
    `peak RSS over ${int(p5.polls)} polls of a 10,000-file job (I = 1 ms, instant clock, real HTTP client)`,
    `peak ${mib(peak)}; heap after GC ${mib(p5.marks[100].heapUsed)} at poll 100 → ${mib(p5.marks[p5.polls].heapUsed)} at poll ${int(p5.polls)}`,
    `shipped action, ${r.p5action.polls} polls at 1 s: peak ${r.p5action.peakRss ? mib(r.p5action.peakRss) : 'n/a'}`,
    '≤ 100 MiB; flat (heap growth ≤ 1 MiB)',
    peak <= 100 * MIB && flat && p5.outcome === 'success'
  )

  // P6: every seed must pass.
  const p6 = r.p6
  const rate = (x) => Math.max(...Object.values(x.maxPerSecond))
  const p6ok = (x) =>
    x.code === 0 && x.wallMs <= x.slowestMs + I + 500 && rate(x) <= 20
  add(
    'P6',
    `${p6[0].count} job IDs finishing at random within 10 s (${p6.length} seeds), I = ${I / 1000} s: wall; max requests in any 1 s per endpoint`,
    p6.map((x) => `wall ${sText(x.wallMs)}, ${rate(x)}/s`).join('; '),
    `slowest job done at ${p6.map((x) => sText(x.slowestMs)).join('; ')}`,
    'wall ≤ slowest + 1.5 s; ≤ 20/s',
    p6.every(p6ok)
  )

  // P7 (its section is scale.mjs's)
  if (r.p7) add(...scaleRow(r.p7))

  const bare = table(
    ['id', 'measure', 'figure', 'baseline (same run)', 'target', 'result'],
    rows.map((x) => [
      x.id,
      x.measure,
      x.figure,
      x.baseline,
      x.target,
      mark(x.ok)
    ])
  )
  const failed = rows.filter((x) => x.ok === false).length
  const targets = rows.filter((x) => x.ok !== null).length
  const missed = missedTargets(r, rows)
  const m = r.machine
  const noisy = Math.max(...r.load) > 0.5 * m.cores

  const md = `# Benchmarks

Generated by \`npm run bench\` (bench/run.mjs) on ${m.date}; do not edit by hand.

**Machine:** ${m.cpu}, ${m.cores} cores, ${m.memGiB} GiB RAM, ${m.os}, Node ${m.node}.
Load average (1 min) ${f2(r.load[0])} before the run and ${f2(r.load[1])} after it.${noisy ? ' **The machine was busy during this run, so the timings carry extra noise.**' : ''}
${r.strippedVars.length ? `The shell set ${r.strippedVars.map((v) => `\`${v}\``).join(', ')}; the measured processes ran without ${r.strippedVars.length > 1 ? 'them' : 'it'}, as on a GitHub runner (\`NODE_EXTRA_CA_CERTS\` makes every node start parse a CA bundle).\n` : ''}
Bundle measured: \`dist/index.js\` (sha256 ${r.distHash}…). The whole run took ${sText(r.totalMs)}.

Figures vary by machine, so each timing sits beside a baseline measured in the
same run, on the same machine. ${failed === 0 ? 'Every target is met.' : `${failed} of ${targets} targets are missed; the sections below show what the figures are made of.`}

${bare}
${missed}
${startupSection(p1)}

## P2 · what the REST path loads

The action ran with \`--import bench/trace-loads.mjs\`, which records every module
loaded (module hooks) and every file read through \`fs\`. The REST run exited
${p2.restCode}; the gRPC run (a closed port, timeout 2 s) exited ${p2.grpcCode}, as it should.

${table(
  ['file in dist/', 'bytes', 'REST path', 'gRPC path'],
  p2.files.map((f) => [
    f.name,
    int(f.bytes),
    f.rest ? 'loaded' : '—',
    f.grpc ? 'loaded' : '—'
  ])
)}

REST path: ${int(p2.restJsBytes)} bytes of JS (the table's KB are 1,000 bytes), ${p2.restChunks.length ? `**chunks loaded: ${p2.restChunks.map((f) => f.name).join(', ')}**` : 'no chunk'}.
The gRPC client adds ${int(p2.grpcOnlyBytes)} bytes, loaded only when \`api\` resolves to gRPC.
The ${p2.assets.length} asset files (${int(p2.assetBytes)} bytes) ${p2.assetsRead.length ? `are read on some path: ${p2.assetsRead.map((f) => f.name).join(', ')}` : 'were read on neither path'}.

## P3 · lag and calls at I = ${I / 1000} s

Each job's clock starts at its first describe, so the simulator knows the exact
moment it turns Completed (first request + D). Lag is the process exit minus
that moment. The six waiters ran at once, each against its own simulator,
alongside P2 and P5 (which keep about one core busy).
The baseline is ${r.loop === 'curl' ? 'a bash `while` loop of `curl -s … | jq -r .data.state` and `sleep 1`' : 'a minimal Node loop (`fetch`, then a 1 s sleep), since curl or jq is missing here'}.

${table(
  ['D', 'waiter', 'exit', 'calls', 'mean time between calls', 'lag'],
  r.p3.map((c) => [
    `${c.durationMs / 1000} s`,
    c.who === 'action' ? 'action' : `baseline (${r.loop})`,
    String(c.code),
    String(c.calls),
    msText(c.periodMs),
    sText(c.lagMs)
  ])
)}

Both waiters sleep a whole interval after each answer, so a call goes out every
I + (request time), and the lag is where the completion falls in that cycle
(anywhere from 0 to about I) plus the time to report and exit.

## P4 · summary rendering

One job whose files are all Completed (\`embeddings/part-NNNNNN.parquet\`), or
one in ten Failed with a reason (a failed job: failed files are listed first).
The renderer stops adding rows at its byte budget.

${table(
  [
    'files',
    'first call (5 fresh processes)',
    'warm calls (median)',
    'bytes',
    'table rows',
    'cut short'
  ],
  p4.cases.map((c) => [
    caseName(c),
    c.colds.map((v) => Math.round(v)).join(', ') + ' ms',
    msText(c.warmMs),
    int(c.bytes),
    int(c.rows),
    c.cut ? 'yes' : 'no'
  ])
)}

Self time while rendering 100,000 Completed files (one cold and five warm
calls; ${msText(p4.profile.totalMs)} sampled in all):

${profileList(p4.profile)}

## P5 · memory while polling

\`waitForJob\` with the action's own REST client, rate limiter and progress log,
an interval of 1 ms and a clock whose sleeps return at once, against a local
HTTP server that sends the simulator's describe bodies for a 10,000-file job
(${kb(p5.bodyBytes)} each, every file listed, progress rising, Completed on poll
${int(p5.polls)}). Outcome: ${p5.outcome} after ${int(p5.polls)} polls of at least
${int(p5.minFiles)} files, ${msText(p5.msPerPoll)} per poll.

${table(
  [
    'after a forced GC at poll',
    ...Object.keys(p5.marks).map((n) => int(Number(n)))
  ],
  [
    ['RSS', ...Object.values(p5.marks).map((x) => mib(x.rss))],
    ['heap used', ...Object.values(p5.marks).map((x) => mib(x.heapUsed))]
  ]
)}

Peak RSS ${mib(peak)} (the kernel's high-water mark). What the loop keeps is the
heap after GC; the rest of the peak is garbage of recent polls (each answer is
read, parsed, validated and mapped) that V8 has not collected yet. The shipped
action (\`node dist/index.js\`, exit ${r.p5action.code}) polling the same job every
second, ${r.p5action.polls} polls at the same time as the run above, peaked at
${r.p5action.peakRss ? `${mib(r.p5action.peakRss)}; its RSS was ${mib(r.p5action.rssEarly)} a quarter of the way in and ${mib(r.p5action.rssLate)} at the end (from /proc every 100 ms)` : 'n/a (no /proc here)'}.

## P6 · ${p6[0].count} jobs in one step

Every job's clock starts just before the step, and each job completes a seeded
random ${sText(250)}–${sText(10_000)} later. The action gets all ${p6[0].count} IDs (poll-interval
${I / 1000}s). Three seeds run at once, each against its own simulator; only the
action's requests count (the simulator's log, by User-Agent).

${table(
  ['figure', ...p6.map((x) => `seed ${x.seed}`)],
  [
    ['exit code', ...p6.map((x) => String(x.code))],
    ['wall time of the step', ...p6.map((x) => sText(x.wallMs))],
    [
      'slowest job Completed after the start',
      ...p6.map((x) => sText(x.slowestMs))
    ],
    [
      'exit after the slowest job completed',
      ...p6.map((x) => sText(x.exitAfterSlowestMs))
    ],
    ['requests made', ...p6.map((x) => int(x.requests))],
    [
      'max requests in any 1 s window',
      ...p6.map((x) =>
        Object.entries(x.maxPerSecond)
          .map(([p, n]) => `${n} (${p.replace(/^.*\//, '')})`)
          .join(', ')
      )
    ],
    [
      'median time between polls of one job',
      ...p6.map((x) => sText(x.pollPeriodMs))
    ],
    [
      'job completed → the poll that saw it (median / max)',
      ...p6.map((x) => `${sText(x.seenMedianMs)} / ${sText(x.seenMaxMs)}`)
    ]
  ]
)}

At 20 requests per second, ${p6[0].count} jobs polled with one describe each can each
be polled only once every ${sText((p6[0].count / 20) * 1000)} while all are running, whatever the poll
interval, so a job that completes early waits up to that long to be seen (the
max above). The step's wall time depends only on the last job: by then most
jobs are done and the few left are polled about every interval. The window
count is taken where the server sees the requests (arrival times), not at the
limiter's start times.
`

  return { markdown: md, table: bare, failed }
}
