import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  COMMENT_MARKER,
  commentOnPullRequest
} from '../../src/report/pr-comment.js'
import type { RunResult } from '../../src/report/result.js'
import { USER_AGENT } from '../../src/version.js'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'
import { job } from '../helpers/fake-import-api.js'
import { MemoryRunner } from '../helpers/memory-runner.js'

const TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a'

const result = (outcome: RunResult['outcome'], rows: bigint): RunResult => ({
  outcome,
  elapsedMs: 61_000,
  reason: outcome === 'success' ? '' : 'file bad.parquet: dim 512, want 768',
  jobs: [
    {
      jobId: '463071155436633601',
      outcome,
      polls: 2,
      job: job(outcome === 'success' ? 'Completed' : 'Failed', 100, {
        importedRows: rows,
        totalRows: rows,
        collectionName: 'articles',
        files: [{ fileName: 'data/1.parquet', state: 'Completed' }]
      })
    }
  ]
})

let dir: string
let github: FakeGitHub | undefined

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pr-comment-'))
})

afterEach(async () => {
  await github?.close()
  github = undefined
  rmSync(dir, { recursive: true, force: true })
})

/** The environment of a workflow run for `event`, with its event file. */
function actionEnv(
  url: string,
  event = 'pull_request',
  payload: unknown = { action: 'synchronize', pull_request: { number: 7 } }
): NodeJS.ProcessEnv {
  const file = path.join(dir, 'event.json')
  writeFileSync(file, JSON.stringify(payload))
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: file,
    GITHUB_REPOSITORY: 'acme/vectors',
    GITHUB_API_URL: url
  }
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const { port } = server.address() as { port: number }
  await new Promise<void>((r) => server.close(() => r()))
  return port
}

describe('commentOnPullRequest', () => {
  it('posts one comment that starts with the marker and holds the summary', async () => {
    github = await startFakeGitHub({ token: TOKEN, comments: ['LGTM'] })
    const runner = new MemoryRunner()

    await commentOnPullRequest(
      runner,
      result('success', 20_000n),
      TOKEN,
      actionEnv(github.url)
    )

    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/acme/vectors/issues/7/comments',
      'POST /repos/acme/vectors/issues/7/comments'
    ])
    expect(github.requests[0].query).toBe('per_page=100&page=1')
    const headers = github.requests[1].headers
    expect(headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(headers.accept).toBe('application/vnd.github+json')
    expect(headers['x-github-api-version']).toBe('2022-11-28')
    expect(headers['user-agent']).toBe(USER_AGENT)
    expect(github.comments).toHaveLength(2)
    const body = github.comments[1].body
    expect(
      body.startsWith(`${COMMENT_MARKER}\n## ✅ Milvus import completed`)
    ).toBe(true)
    expect(body).toContain('| **Rows (imported / total)** | 20,000 / 20,000 |')
    expect(runner.lines).toEqual([
      `Commented the result on pull request #7: https://github.com/acme/vectors/pull/7#issuecomment-${github.comments[1].id}`
    ])
    expect(runner.everything()).not.toContain(TOKEN)
  })

  it('updates its own comment on a later run, found on the second page', async () => {
    // 130 comments before ours, one quoting our marker, and one after it.
    const before = Array.from({ length: 130 }, (_, i) =>
      i === 40 ? `> ${COMMENT_MARKER}\n> quoted` : `comment ${i}`
    )
    github = await startFakeGitHub({ token: TOKEN, comments: before })
    const env = actionEnv(github.url)
    await commentOnPullRequest(
      new MemoryRunner(),
      result('failed', 0n),
      TOKEN,
      env
    )
    const mine = github.comments[130]
    expect(mine.body).toContain('❌ Milvus import failed')
    github.comments.push({ id: 99_999, body: 'later review comment' })
    github.requests.length = 0

    const runner = new MemoryRunner()
    await commentOnPullRequest(runner, result('success', 5_000n), TOKEN, env)

    expect(
      github.requests.map((r) => `${r.method} ${r.path}?${r.query}`)
    ).toEqual([
      'GET /repos/acme/vectors/issues/7/comments?per_page=100&page=1',
      'GET /repos/acme/vectors/issues/7/comments?per_page=100&page=2',
      `PATCH /repos/acme/vectors/issues/comments/${mine.id}?`
    ])
    expect(github.comments).toHaveLength(132)
    expect(github.comments[40].body).toContain('quoted')
    expect(mine.body.startsWith(COMMENT_MARKER)).toBe(true)
    expect(mine.body).toContain('✅ Milvus import completed')
    expect(mine.body).not.toContain('failed')
    expect(runner.lines).toEqual([
      `Updated the result comment on pull request #7: https://github.com/acme/vectors/pull/7#issuecomment-${mine.id}`
    ])
  })

  it.each(['push', 'workflow_dispatch'])(
    'does nothing on a %s event but say so',
    async (event) => {
      github = await startFakeGitHub({ token: TOKEN })
      const runner = new MemoryRunner()

      await commentOnPullRequest(
        runner,
        result('success', 1n),
        TOKEN,
        actionEnv(github.url, event, { ref: 'refs/heads/main' })
      )

      expect(github.requests).toEqual([])
      expect(runner.lines).toEqual([
        `comment-on-pr: skipped, this run is not for a pull request (event ${event}).`
      ])
    }
  )

  it('warns with the permission fix when the token may not write (403)', async () => {
    github = await startFakeGitHub({ token: TOKEN, readOnly: true })
    const runner = new MemoryRunner()
    const exitCode = process.exitCode

    await commentOnPullRequest(
      runner,
      result('success', 1n),
      TOKEN,
      actionEnv(github.url, 'pull_request_target')
    )

    expect(runner.lines).toEqual([
      'warning: Could not comment on the pull request: GitHub refused to comment on pull request #7 (HTTP 403: Resource not accessible by integration). Give the job "permissions: pull-requests: write"; pull requests from forks get a read-only token.'
    ])
    expect(runner.failed).toBeUndefined()
    expect(process.exitCode).toBe(exitCode)
    expect(runner.everything()).not.toContain(TOKEN)
  })

  it('warns without echoing a token GitHub rejects (401)', async () => {
    github = await startFakeGitHub({ token: 'another-token' })
    const runner = new MemoryRunner()

    await commentOnPullRequest(
      runner,
      result('success', 1n),
      TOKEN,
      actionEnv(github.url)
    )

    expect(runner.lines).toEqual([
      'warning: Could not comment on the pull request: GitHub rejected github-token when trying to list the comments of pull request #7 (HTTP 401: Bad credentials). Pass a valid token, such as ${{ github.token }}.'
    ])
    expect(runner.everything()).not.toContain(TOKEN)
  })

  it('warns when there is no token, without calling GitHub', async () => {
    github = await startFakeGitHub({ token: TOKEN })
    const runner = new MemoryRunner()

    await commentOnPullRequest(
      runner,
      result('success', 1n),
      undefined,
      actionEnv(github.url)
    )

    expect(github.requests).toEqual([])
    expect(runner.lines).toHaveLength(1)
    expect(runner.lines[0]).toMatch(
      /^warning: Could not comment on the pull request: github-token is empty\. .*pull-requests: write/
    )
  })

  it('warns when GitHub cannot be reached', async () => {
    const port = await closedPort()
    const runner = new MemoryRunner()

    await commentOnPullRequest(
      runner,
      result('success', 1n),
      TOKEN,
      actionEnv(`http://127.0.0.1:${port}`)
    )

    expect(runner.lines).toEqual([
      `warning: Could not comment on the pull request: could not reach the GitHub API at http://127.0.0.1:${port} to list the comments of pull request #7 (ECONNREFUSED). The import result is not affected.`
    ])
    expect(runner.failed).toBeUndefined()
  })

  it('warns when the event file has no pull request number', async () => {
    github = await startFakeGitHub({ token: TOKEN })
    const runner = new MemoryRunner()

    await commentOnPullRequest(
      runner,
      result('success', 1n),
      TOKEN,
      actionEnv(github.url, 'pull_request', { pull_request: { number: 'x' } })
    )

    expect(github.requests).toEqual([])
    expect(runner.lines).toEqual([
      'warning: Could not comment on the pull request: the event file GITHUB_EVENT_PATH has no pull_request.number.'
    ])
  })

  it('keeps a huge summary under GitHub comment limit', async () => {
    github = await startFakeGitHub({ token: TOKEN })
    const big = result('failed', 0n)
    big.jobs[0].job!.files = Array.from({ length: 5_000 }, (_, i) => ({
      fileName: `data/part-${i}.parquet`,
      state: 'Failed',
      reason: 'x'.repeat(200)
    }))

    await commentOnPullRequest(
      new MemoryRunner(),
      big,
      TOKEN,
      actionEnv(github.url)
    )

    const body = github.comments[0].body
    expect(body.length).toBeLessThan(65_536)
    expect(body).toMatch(/…and [\d,]+ more files/)
  })
})
