/**
 * The demo: its terminal rendering of the runner's log, outputs and summary,
 * and a full run against a small action script that talks to the simulator.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  actionDefaults,
  DEMO_API_KEY,
  displayWidth,
  formatOutputs,
  inputEnvName,
  LogRenderer,
  parseOutputs,
  renderMarkdown,
  runDemo,
  styles,
  wantsColor
} from '../../simulator/demo.js'

const plain = styles(false)

describe('LogRenderer', () => {
  it('renders workflow commands the way the Actions log shows them', () => {
    const r = new LogRenderer(plain, false, ['s3cret'])
    const shown = [
      'Waiting for job 1 with s3cret',
      '::add-mask::tok-123',
      '::group::Polls',
      'Importing 40% tok-123',
      '::debug::only with --debug',
      '::endgroup::',
      '::warning title=Slow server::took 20s%0Aretrying',
      '::error file=a.ts,line=1::Import failed: 100%25 bad',
      '::notice::done',
      '::set-output name=x::1',
      '::stop-commands::tok',
      '::error::not a command now',
      '::tok::',
      '##[error]legacy form'
    ]
      .map((l) => r.render(l))
      .filter((l) => l !== undefined)
    expect(shown).toEqual([
      'Waiting for job 1 with ***',
      '▾ Polls',
      '│ Importing 40% ***',
      'Warning: Slow server: took 20s\nretrying',
      'Error: Import failed: 100% bad',
      'Notice: done',
      '::set-output name=x::1',
      '::error::not a command now',
      'Error: legacy form'
    ])
  })

  it('shows debug lines when asked', () => {
    expect(new LogRenderer(plain, true).render('::debug::x%0Ay')).toBe(
      'Debug: x\ny'
    )
  })
})

describe('outputs', () => {
  it('reads heredoc and name=value lines from GITHUB_OUTPUT', () => {
    const file =
      'state<<ghadelimiter_1\nFailed\nghadelimiter_1\n' +
      'reason<<ghadelimiter_2\nline one\nline two\nghadelimiter_2\n' +
      'empty<<ghadelimiter_3\n\nghadelimiter_3\n' +
      'plain=a=b\n'
    expect(parseOutputs(file)).toEqual([
      ['state', 'Failed'],
      ['reason', 'line one\nline two'],
      ['empty', ''],
      ['plain', 'a=b']
    ])
  })

  it('lays outputs out in columns, cutting long values to the width', () => {
    const text = formatOutputs(
      [
        ['state', 'Completed'],
        ['details', JSON.stringify({ rows: 'x'.repeat(200) })],
        ['reason', '']
      ],
      plain,
      60
    )
    const lines = text.split('\n')
    expect(lines[0]).toBe('  name     value')
    expect(lines[2]).toBe('  state    Completed')
    expect(lines[3]).toMatch(/^ {2}details {2}\{"rows":"x+… \(211 chars\)$/)
    expect(lines[3].length).toBeLessThanOrEqual(60)
    expect(lines[4]).toBe('  reason   (empty)')
  })
})

describe('renderMarkdown', () => {
  it('renders headings, aligned tables, decoded entities and no HTML', () => {
    const md = [
      '## ❌ Import failed',
      '',
      'Job `46307` into **product&#95;embeddings** failed.',
      '',
      '| File | State | Rows |',
      '| :--- | :---: | ---: |',
      '| a&#124;b.parquet | Completed | 250,000 |',
      '| c.parquet | Failed | 0 |',
      '',
      '<details><summary>Why it failed</summary>',
      '',
      'row 1: dim &lt;512&gt; &amp; more<br>next line',
      '</details>',
      '',
      '<table><tr><th>k</th><th>v</th></tr><tr><td>jobs</td><td>1</td></tr></table>'
    ].join('\n')
    expect(renderMarkdown(md, plain)).toBe(
      [
        '❌ Import failed',
        '----------------',
        '',
        'Job 46307 into product_embeddings failed.',
        '',
        '  File           State       Rows',
        '  ───────────  ─────────  ───────',
        '  a|b.parquet  Completed  250,000',
        '  c.parquet     Failed          0',
        '',
        '▸ Why it failed',
        '',
        'row 1: dim <512> & more',
        'next line',
        '',
        '  k     v',
        '  ────  ─',
        '  jobs  1'
      ].join('\n')
    )
  })

  it('styles headings bold and underlined when colour is on', () => {
    expect(renderMarkdown('# Title', styles(true))).toBe(
      '\x1b[1m\x1b[4mTitle\x1b[24m\x1b[22m'
    )
  })

  it('counts emoji as two columns', () => {
    expect(displayWidth('✅ ok')).toBe(5)
    expect(displayWidth('⚠️ x')).toBe(4)
    expect(displayWidth('\x1b[1mab\x1b[22m')).toBe(2)
  })
})

describe('runner environment', () => {
  it('reads input defaults from action.yml, leaving out expressions', () => {
    const yml = [
      'name: x',
      'inputs:',
      '  job-id:',
      '    description: id',
      '    required: false',
      '  timeout:',
      '    default: 1h',
      '  fail-on-timeout:',
      "    default: 'true'",
      '  github-token:',
      '    default: ${{ github.token }}',
      'outputs:',
      '  state:',
      '    default: no'
    ].join('\n')
    expect(actionDefaults(yml)).toEqual({
      timeout: '1h',
      'fail-on-timeout': 'true'
    })
  })

  it('names input variables like the runner: upper case, hyphens kept', () => {
    expect(inputEnvName('poll-interval')).toBe('INPUT_POLL-INTERVAL')
    expect(inputEnvName('my input')).toBe('INPUT_MY_INPUT')
  })

  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false]
  ])('colour for env %j, TTY %s: %s', (env, tty, want) => {
    expect(wantsColor(env, tty)).toBe(want)
  })
})

// A small action: polls the simulator as the real one would and writes the
// runner's files. It checks the environment the demo gives it.
const ACTION = `
import { appendFileSync } from 'node:fs'
const input = (n) => process.env['INPUT_' + n.toUpperCase()] ?? ''
const key = input('api-key')
console.log('::add-mask::' + key)
console.log('env ' + ['job-id', 'poll-interval', 'timeout'].map((n) => n + '=' + input(n)).join(' ') + ' actions=' + process.env.GITHUB_ACTIONS)
console.log('key is ' + key)
console.log('::debug::hidden')
console.log('::group::Polls')
let job
for (;;) {
  const res = await fetch(input('endpoint') + '/v2/vectordb/jobs/import/describe', {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + key },
    body: JSON.stringify({ jobId: input('job-id') })
  })
  job = (await res.json()).data
  console.log(job.state + ' ' + job.progress + '%')
  if (!['Pending', 'Importing'].includes(job.state)) break
  await new Promise((r) => setTimeout(r, 50))
}
console.log('::endgroup::')
appendFileSync(process.env.GITHUB_OUTPUT, 'state<<ghadelimiter_x\\n' + job.state + '\\nghadelimiter_x\\n')
appendFileSync(process.env.GITHUB_STEP_SUMMARY, '### Import ' + job.state + '\\n\\n| File | Rows |\\n|---|--:|\\n' +
  job.details.map((d) => '| ' + d.fileName + ' | ' + d.totalRows + ' |').join('\\n') + '\\n')
if (job.state !== 'Completed') {
  console.log('::error::Import ' + job.state + ' with key ' + key)
  process.exitCode = 1
}
`

describe('runDemo', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'demo-test-'))
    writeFileSync(path.join(dir, 'index.mjs'), ACTION)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  async function demo(argv: string[]) {
    let out = ''
    let err = ''
    const code = await runDemo(argv, {
      out: (s) => void (out += s),
      err: (s) => void (err += s),
      color: false,
      width: 100
    })
    return { code, out, err }
  }

  it('runs the action against the simulator and shows log, outputs and summary', async () => {
    const run = await demo([
      '--scenario',
      'completed',
      '--action',
      path.join(dir, 'index.mjs')
    ])
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    expect(run.out).toMatch(/^ {2}endpoint +http:\/\/127\.0\.0\.1:\d+$/m)
    expect(run.out).toMatch(/^ {2}api-key +\*\*\*$/m)
    expect(run.out).toContain(
      'env job-id=463071155436633601 poll-interval=2s timeout=2m actions=true\nkey is ***\n▾ Polls\n│ Completed 100%\n'
    )
    expect(run.out).not.toContain('hidden')
    expect(run.out).not.toContain(DEMO_API_KEY)
    expect(run.out).toMatch(
      /Outputs\n {2}name {3}value\n.*\n {2}state {2}Completed\n/
    )
    expect(run.out).toContain(
      [
        'Job summary',
        '',
        'Import Completed',
        '',
        '  File               Rows',
        '  ────────────────  ─────',
        '  [data/1.parquet]  10000',
        '  [data/2.parquet]  10000'
      ].join('\n')
    )
    expect(run.out.trimEnd().split('\n').slice(-2)).toEqual([
      'The step passed (exit code 0).',
      'Run npm run demo -- --help to see every scenario.'
    ])
  })

  it('exits with the action code and explains a planned failure', async () => {
    const run = await demo([
      '--scenario',
      'uncommitted',
      '--poll-interval',
      '1s',
      '--action',
      path.join(dir, 'index.mjs')
    ])
    expect(run.code).toBe(1)
    expect(run.out).toContain('Error: Import Uncommitted with key ***')
    expect(run.out).toContain(
      'The step failed (exit code 1). That is planned for the "uncommitted" scenario.'
    )
    expect(run.out).not.toContain(DEMO_API_KEY)
  })

  it('says how to build the action when dist/index.js is missing', async () => {
    const run = await demo(['--action', path.join(dir, 'missing.js')])
    expect(run.code).toBe(1)
    expect(run.err).toBe(
      'demo: dist/index.js was not found. Build the action first with `npm run bundle`.\n'
    )
  })

  it('rejects an unknown scenario with the list of names', async () => {
    const run = await demo(['--scenario', 'nope'])
    expect(run.code).toBe(2)
    expect(run.err).toMatch(
      /^demo: unknown scenario "nope"\. Choose one of: demo, completed, /
    )
  })
})
