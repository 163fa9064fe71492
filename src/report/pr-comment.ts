import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { errorMessage } from '../errors.js'
import { tryJson } from '../http/parse.js'
import { closeConnections, send, type HttpResponse } from '../http/transport.js'
import { safeLogText } from '../text/escape.js'
import type { Runner } from '../runner/runner.js'
import { redact } from '../secrets.js'
import { USER_AGENT } from '../version.js'
import type { RunResult } from './result.js'
import { renderSummary } from './summary.js'

/** Starts the one comment this action owns on a pull request. */
export const COMMENT_MARKER = '<!-- wait-for-milvus-import -->'

// GitHub refuses comments over 65,536 characters; a byte budget below that
// is below it in characters too.
export const COMMENT_BUDGET_BYTES = 60 * 1024

const PER_PAGE = 100
// 5,000 comments: past that, post a new comment rather than page for ever.
const MAX_PAGES = 50
const REQUEST_TIMEOUT_MS = 15_000
const PR_EVENTS = ['pull_request', 'pull_request_target']

const EventSchema = z.object({
  pull_request: z.object({ number: z.number().int().positive() })
})
const CommentSchema = z.object({
  id: z.number().int(),
  body: z.string().nullish(),
  html_url: z.string().optional()
})
const CommentListSchema = z.array(CommentSchema)
const ErrorBodySchema = z.object({ message: z.string() })

type Comment = z.infer<typeof CommentSchema>

/** Where the comment goes. */
interface PullRequest {
  apiUrl: string
  repo: string
  number: number
}

/** A failure to comment, worded with its fix. */
class CommentError extends Error {}

/** Reads the pull request of this run, or says why there is none. */
function pullRequestOf(
  env: NodeJS.ProcessEnv
): { pr: PullRequest } | { skip: string } {
  const event = env.GITHUB_EVENT_NAME ?? ''
  if (!PR_EVENTS.includes(event)) {
    return {
      skip: `comment-on-pr: skipped, this run is not for a pull request (event ${event || 'unknown'}).`
    }
  }
  const repo = env.GITHUB_REPOSITORY ?? ''
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo)) {
    throw new CommentError(
      `GITHUB_REPOSITORY is "${safeLogText(repo, 100)}", not owner/repo.`
    )
  }
  const path = env.GITHUB_EVENT_PATH
  if (!path) throw new CommentError('GITHUB_EVENT_PATH is not set.')
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new CommentError(
      `could not read the event file GITHUB_EVENT_PATH (${(error as NodeJS.ErrnoException).code ?? errorMessage(error)}).`
    )
  }
  const parsed = EventSchema.safeParse(tryJson(text))
  if (!parsed.success) {
    throw new CommentError(
      'the event file GITHUB_EVENT_PATH has no pull_request.number.'
    )
  }
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(
    /\/+$/,
    ''
  )
  return { pr: { apiUrl, repo, number: parsed.data.pull_request.number } }
}

/** The one-line reason GitHub gave, with the fix where we know it. */
function failure(status: number, text: string, what: string): CommentError {
  const message = ErrorBodySchema.safeParse(tryJson(text))
  const said = message.success ? `: ${safeLogText(message.data.message)}` : ''
  if (status === 401) {
    return new CommentError(
      `GitHub rejected github-token when trying to ${what} (HTTP 401${said}). Pass a valid token, such as \${{ github.token }}.`
    )
  }
  if (status === 403 || status === 404) {
    return new CommentError(
      `GitHub refused to ${what} (HTTP ${status}${said}). Give the job "permissions: pull-requests: write"; pull requests from forks get a read-only token.`
    )
  }
  return new CommentError(
    `GitHub answered HTTP ${status} when trying to ${what}${said}.`
  )
}

/** Calls the GitHub REST API with the token; returns the parsed JSON. */
async function call(
  pr: PullRequest,
  token: string,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  what: string,
  body?: unknown
): Promise<unknown> {
  let res: HttpResponse
  try {
    res = await send({
      method,
      url: `${pr.apiUrl}${path}`,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/vnd.github+json',
        'X-GitHub-Api-Version': '2022-11-28',
        'User-Agent': USER_AGENT,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' })
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      timeoutMs: REQUEST_TIMEOUT_MS
    })
  } catch (error) {
    const cause = (error as Error).cause as NodeJS.ErrnoException | undefined
    throw new CommentError(
      `could not reach the GitHub API at ${pr.apiUrl} to ${what} (${cause?.code ?? errorMessage(error)}). The import result is not affected.`
    )
  }
  if (res.status < 200 || res.status > 299)
    throw failure(res.status, res.text, what)
  return tryJson(res.text)
}

/** Finds this action's earlier comment on the pull request, if any. */
async function findComment(
  pr: PullRequest,
  token: string
): Promise<Comment | undefined> {
  for (let page = 1; page <= MAX_PAGES; page++) {
    const body = await call(
      pr,
      token,
      'GET',
      `/repos/${pr.repo}/issues/${pr.number}/comments?per_page=${PER_PAGE}&page=${page}`,
      `list the comments of pull request #${pr.number}`
    )
    const list = CommentListSchema.safeParse(body)
    if (!list.success) {
      throw new CommentError(
        'GitHub answered the comment list with a body this action cannot read.'
      )
    }
    // Our comment starts with the marker; a quote of it does not.
    const mine = list.data.find((c) => c.body?.startsWith(COMMENT_MARKER))
    if (mine) return mine
    if (list.data.length < PER_PAGE) return undefined
  }
  return undefined
}

/**
 * Posts the result table as a comment on the pull request of this run, or
 * updates the comment an earlier run posted. Never fails the step: any
 * problem becomes one warning with its fix.
 */
export async function commentOnPullRequest(
  runner: Runner,
  result: RunResult,
  token: string | undefined,
  env: NodeJS.ProcessEnv = process.env
): Promise<void> {
  try {
    const target = pullRequestOf(env)
    if ('skip' in target) {
      runner.info(target.skip)
      return
    }
    const { pr } = target
    if (!token) {
      throw new CommentError(
        'github-token is empty. Pass github-token: ${{ github.token }} (the default) and give the job "permissions: pull-requests: write".'
      )
    }
    const body = `${COMMENT_MARKER}\n${renderSummary(result, COMMENT_BUDGET_BYTES)}`
    const existing = await findComment(pr, token)
    const saved = CommentSchema.safeParse(
      existing
        ? await call(
            pr,
            token,
            'PATCH',
            `/repos/${pr.repo}/issues/comments/${existing.id}`,
            `update comment ${existing.id}`,
            { body }
          )
        : await call(
            pr,
            token,
            'POST',
            `/repos/${pr.repo}/issues/${pr.number}/comments`,
            `comment on pull request #${pr.number}`,
            { body }
          )
    )
    const url = saved.success ? saved.data.html_url : undefined
    runner.info(
      `${existing ? 'Updated the result comment on' : 'Commented the result on'} pull request #${pr.number}${url ? `: ${safeLogText(url, 300)}` : '.'}`
    )
  } catch (error) {
    runner.warning(
      redact(`Could not comment on the pull request: ${errorMessage(error)}`)
    )
  } finally {
    closeConnections()
  }
}
