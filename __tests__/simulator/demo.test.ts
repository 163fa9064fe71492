/**
 * `npm run demo`: the bundled action (dist/index.js) run against the
 * simulator as the runner runs it, and what a newcomer reads of it.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { logView } from '../../simulator/demo-log.js'
import { resultFromOutputs } from '../../simulator/demo-result.js'
import { actionDefaults, inputEnvName } from '../../simulator/demo-runner.js'
import { DEMO_API_KEY, runDemo } from '../../simulator/demo.js'
import { scenarios } from '../../simulator/scenarios.js'

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

describe('runDemo against the bundled action', () => {
  it('shows the inputs, log, outputs and result of a passing import', async () => {
    const run = await demo(['--scenario', 'completed'])
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    expect(run.out).toMatch(/^Scenario "completed": Milvus job already/)
    // Inputs as the runner gives them, defaults read from action.yml.
    expect(run.out).toMatch(/^ {2}endpoint +http:\/\/127\.0\.0\.1:\d+$/m)
    expect(run.out).toMatch(/^ {2}job-id +463071155436633601$/m)
    expect(run.out).toMatch(/^ {2}fail-on-timeout +true$/m)
    expect(run.out).toMatch(/^ {2}api-key +\*\*\*$/m)
    expect(run.out).toMatch(/^Waiting for import job 463071155436633601 /m)
    expect(run.out).toMatch(/^ {2}outcome +success$/m)
    expect(run.out).toMatch(/^ {2}importedRows +20000$/m)
    expect(run.out).toMatch(/^Result +success$/m)
    expect(run.out).toMatch(/^Rows +20,000 \/ 20,000$/m)
    expect(run.out).toMatch(/^data\/1\.parquet +Completed +100% +10,000/m)
    expect(run.out).not.toContain(DEMO_API_KEY)
    expect(run.out.trimEnd().split('\n').at(-1)).toBe(
      'The step passed (exit code 0). npm run demo -- --list shows every scenario.'
    )
  })

  it('exits with the action code and shows why a planned failure failed', async () => {
    const run = await demo(['--scenario', 'failed', '--poll-interval', '1s'])
    expect(run.code).toBe(1)
    expect(run.out).toMatch(/^▾ Import job 463071155436633601$/m)
    expect(run.out).toMatch(/^│ 463071155436633601 Failed/m)
    expect(run.out).toMatch(
      /^Warning: data\/2\.parquet: .*dim 512, expected 768$/m
    )
    expect(run.out).toMatch(/^Error: Import job 463071155436633601 failed: /m)
    expect(run.out).toMatch(/^ {2}outcome +failed$/m)
    expect(run.out).toMatch(
      /^data\/2\.parquet +Failed +0% +0 \/ 10,000 +row 1,204: field "embedding" has dim 512/m
    )
    expect(run.out).toContain(
      'The step failed (exit code 1), as the "failed" scenario intends.\n' +
        'npm run demo -- --scenario completed shows a passing import;'
    )
    expect(run.out).not.toContain(DEMO_API_KEY)
  })

  it('prints the job summary markdown with --markdown', async () => {
    const run = await demo(['--scenario', 'completed', '--markdown'])
    expect(run.code).toBe(0)
    expect(run.out).toContain('Job summary (GITHUB_STEP_SUMMARY, markdown) ─')
    expect(run.out).toContain('## ✅ Milvus import completed')
  })

  it('runs any scenario in the registry, including one added later', async () => {
    scenarios['added-later'] = (o) => ({
      ...scenarios.completed(o),
      jobs: [{ jobId: '7', files: [{ name: 'late.parquet', rows: 3 }] }]
    })
    try {
      expect((await demo(['--list'])).out).toMatch(/^ {2}added-later$/m)
      const run = await demo(['--scenario', 'added-later'])
      expect(run.code).toBe(0)
      expect(run.out).toMatch(/^late\.parquet +Completed +100% +3 \/ 3$/m)
    } finally {
      delete scenarios['added-later']
    }
  })

  it('runs from the committed bundle with node alone', () => {
    const run = spawnSync(
      process.execPath,
      ['dist/demo/index.js', '--scenario', 'completed'],
      { encoding: 'utf8', env: { PATH: process.env.PATH } }
    )
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^Result +success$/m)
  })
})

describe('runDemo usage', () => {
  it('lists every scenario of the registry with --list and --help', async () => {
    for (const flag of ['--list', '--help']) {
      const run = await demo([flag])
      expect(run.code).toBe(0)
      for (const name of Object.keys(scenarios))
        expect(run.out).toMatch(new RegExp(`^ {2}${name} `, 'm'))
    }
    expect((await demo(['--help'])).out).toMatch(
      /^Usage: npm run demo -- \[--scenario NAME\] \[--list\]/
    )
  })

  it('rejects an unknown scenario with the list of names', async () => {
    const run = await demo(['--scenario', 'nope'])
    expect(run.code).toBe(2)
    expect(run.err).toMatch(
      /^demo: unknown scenario "nope"\.\n\nScenarios \(default: demo\):\n {2}demo /
    )
  })

  it('rejects an unknown option in one line, then the usage', async () => {
    const run = await demo(['--scenari', 'x'])
    expect(run.code).toBe(2)
    expect(run.err.split('\n')[0]).toBe("demo: Unknown option '--scenari'")
  })

  it('does not call a crash the planned failure', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'demo-test-'))
    const script = path.join(dir, 'crash.mjs')
    writeFileSync(
      script,
      'console.error("boom " + process.env["INPUT_API-KEY"]); process.exit(3)'
    )
    try {
      const run = await demo(['--scenario', 'failed', '--action', script])
      expect(run.code).toBe(3)
      expect(run.err).toBe('boom ***\n')
      expect(run.out).toContain('  (the action set no outputs)\n')
      expect(run.out).toContain('(the action wrote no job summary)\n')
      expect(run.out).toContain('The step failed (exit code 3).\n')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('says how to build the action when it is missing', async () => {
    const run = await demo(['--action', 'no/such/index.js'])
    expect(run.code).toBe(1)
    expect(run.err).toBe(
      'demo: dist/index.js was not found. Build it with `npm run bundle`.\n'
    )
  })
})

describe('the runner side', () => {
  it('reads the input defaults of the real action.yml', () => {
    const defaults = actionDefaults(readFileSync('action.yml', 'utf8'))
    expect(defaults).toMatchObject({
      'wait-for': 'latest',
      'poll-interval': '10s',
      'fail-on-timeout': 'true'
    })
    expect(defaults).not.toHaveProperty('job-id')
  })

  it('reads YAML defaults as strings and leaves out expressions', () => {
    const yml = [
      'name: x',
      'inputs:',
      '  a: { default: "quoted: yes" }',
      '  b:',
      '    default: true',
      '  c:',
      '    default: ${{ github.token }}',
      '  d:',
      '  e:',
      '    description: no default'
    ].join('\n')
    expect(actionDefaults(yml)).toEqual({ a: 'quoted: yes', b: 'true' })
  })

  it('names input variables like the runner: upper case, hyphens kept', () => {
    expect(inputEnvName('poll-interval')).toBe('INPUT_POLL-INTERVAL')
    expect(inputEnvName('my input')).toBe('INPUT_MY_INPUT')
  })

  it('rebuilds the result with exact row counts past 2^53', () => {
    const big = '9007199254740993'
    const result = resultFromOutputs({
      outcome: 'success',
      reason: '',
      elapsedSeconds: '3',
      jobs: `[{"jobId":"1","outcome":"success","state":"Completed","progress":100,"importedRows":${big},"totalRows":${big},"collectionName":"c","reason":"","completeTime":"t"}]`,
      details: `[{"jobId":"1","fileName":"a","state":"Completed","importedRows":${big},"totalRows":null}]`
    })
    expect(result?.elapsedMs).toBe(3000)
    expect(result?.jobs[0].job?.importedRows).toBe(BigInt(big))
    expect(result?.jobs[0].job?.files).toEqual([
      expect.objectContaining({ fileName: 'a', importedRows: BigInt(big) })
    ])
    expect(result?.jobs[0].job?.files[0].totalRows).toBeUndefined()
  })

  it('shows no result when the outputs describe none', () => {
    expect(resultFromOutputs({})).toBeUndefined()
    expect(
      resultFromOutputs({
        outcome: 'success',
        reason: '',
        elapsedSeconds: '1',
        jobs: '[{',
        details: '[]'
      })
    ).toBeUndefined()
  })
})

describe('logView', () => {
  it('renders workflow commands the way the Actions log shows them', () => {
    const view = logView({ color: false, debug: false, masks: ['s3cret'] })
    const shown = [
      'Waiting with s3cret',
      '::add-mask::tok%25123',
      '::group::Polls',
      'Importing 40% tok%123',
      '::debug::only with --debug',
      '::endgroup::',
      '::warning title=a%3Ab.parquet::took 20s%0Aretrying',
      '::error::Import failed: 100%25 bad',
      '::notice::done',
      '::set-output name=x::1'
    ]
      .map(view)
      .filter((l) => l !== undefined)
    expect(shown).toEqual([
      'Waiting with ***',
      '▾ Polls',
      '│ Importing 40% ***',
      'Warning: a:b.parquet: took 20s\nretrying',
      'Error: Import failed: 100% bad',
      'Notice: done',
      '::set-output name=x::1'
    ])
  })

  it('shows debug lines when asked, styled when colour is on', () => {
    expect(
      logView({ color: false, debug: true, masks: [] })('::debug::x%0Ay')
    ).toBe('Debug: x\ny')
    expect(
      logView({ color: true, debug: false, masks: [] })('::error::x')
    ).toBe('\x1b[31m\x1b[1mError:\x1b[22m x\x1b[39m')
  })
})
