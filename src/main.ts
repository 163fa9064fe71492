import { realClock, type Clock } from './clock.js'
import { createImportApi, type ImportApi } from './clients/client.js'
import type { ImportJob } from './clients/job.js'
import { formatDuration } from './duration.js'
import { ActionError, errorMessage } from './errors.js'
import { checkGates } from './gates.js'
import { closeConnections } from './http/transport.js'
import { DEFAULT_REQUEST_TIMEOUT_MS } from './retry.js'
import { INPUT_NAMES, parseInputs, type Config } from './inputs.js'
import { annotateFailedFiles } from './report/annotations.js'
import {
  errorLine,
  fatalReason,
  gateReason,
  overallReason,
  plainTextKeyLine,
  successLine,
  waitingLine
} from './report/messages.js'
import { setOutputs } from './report/outputs.js'
import { commentOnPullRequest } from './report/pr-comment.js'
import { ProgressLog } from './report/progress-log.js'
import { sumOf, type RunResult } from './report/result.js'
import { startImport } from './start/create.js'
import { gateAndCommit } from './start/gated-commit.js'
import {
  readStartInputs,
  START_SECRETS,
  type StartConfig
} from './start/inputs.js'
import { renderSummary } from './report/summary.js'
import { safeLogText } from './text/escape.js'
import { GitHubRunner } from './runner/github.js'
import type { Runner } from './runner/runner.js'
import { defaultCredentialsWarning, rememberSecret, redact } from './secrets.js'
import { findJobs } from './wait/find-jobs.js'
import { RateLimiter } from './wait/rate-limit.js'
import { outcomeOf, worstOutcome, type Outcome } from './wait/verdict.js'
import { waitForJobs, type JobResult } from './wait/wait-for-jobs.js'

/** What run() may be given instead of the real world. */
export interface RunDeps {
  runner?: Runner
  clock?: Clock
  /** Aborts the wait (the entry point wires SIGINT/SIGTERM to it). */
  signal?: AbortSignal
  /** Called with the result before the step is failed or passed. */
  onResult?: (result: RunResult, config: Config) => Promise<void>
  /** Called after every successful poll (the CLI's status line). */
  onPoll?: (job: ImportJob, jobCount: number) => void
}

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/i

/** Masks the secrets before anything else can print them. */
function maskSecrets(runner: Runner): void {
  for (const name of ['api-key', 'github-token', ...START_SECRETS]) {
    const value = runner.getInput(name)
    // The whole value is always masked; rememberSecret adds the password of
    // a user:password token.
    if (value) runner.setSecret(value)
    for (const part of rememberSecret(value))
      if (part !== value) runner.setSecret(part)
  }
  const warning = defaultCredentialsWarning(runner.getInput('api-key'))
  if (warning) runner.warning(warning)
}

/** Reads and validates every input. */
function readConfig(runner: Runner): Config {
  return parseInputs(
    Object.fromEntries(INPUT_NAMES.map((n) => [n, runner.getInput(n)]))
  )
}

/** Warns once when a key would cross the network in clear text. */
function warnPlainHttp(runner: Runner, config: Config): void {
  const url = new URL(config.endpoint)
  if (
    config.apiKey &&
    (url.protocol === 'http:' || url.protocol === 'grpc:') &&
    !LOOPBACK.test(url.hostname)
  ) {
    runner.warning(plainTextKeyLine(url))
  }
}

/** Finds the job IDs to wait for: the inputs, or the list API. */
async function jobIdsToWaitFor(
  runner: Runner,
  api: ImportApi,
  config: Config,
  clock: Clock,
  deadline: number,
  signal?: AbortSignal
): Promise<string[]> {
  if (config.jobIds.length) return config.jobIds
  const found = await findJobs(
    api,
    config.collectionName ?? '',
    config.waitFor,
    {
      clock,
      signal,
      deadline,
      maxDelayMs: config.pollIntervalMs,
      maxFailures: config.maxFailures,
      requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS
    }
  )
  runner.info(safeLogText(found.note, 2000))
  return found.jobIds
}

/** Waits for the import job(s) named by the inputs and reports the result. */
export async function run(deps: RunDeps = {}): Promise<RunResult | undefined> {
  const runner = deps.runner ?? new GitHubRunner()
  try {
    return await waitAndReport(runner, deps)
  } catch (error) {
    // A bug or a broken runner file, not an import result: one line, and the
    // stack only in the debug log. Never a pass.
    runner.debug(error instanceof Error ? (error.stack ?? '') : String(error))
    runner.setFailed(redact(`Unexpected error: ${errorMessage(error)}`))
    return undefined
  }
}

async function waitAndReport(
  runner: Runner,
  deps: RunDeps
): Promise<RunResult | undefined> {
  const clock = deps.clock ?? realClock
  const startedAt = clock.now()
  let config: Config
  let start: StartConfig
  try {
    maskSecrets(runner)
    start = readStartInputs(runner)
    config = readConfig(runner)
  } catch (error) {
    // Even a bad input gets every output and a summary, like any other end.
    const reason = redact(errorLine(error, runner.inputNaming))
    const result: RunResult = {
      outcome: 'error',
      jobs: [],
      elapsedMs: clock.now() - startedAt,
      reason
    }
    setOutputs(runner, result)
    if (!/^false$/i.test(runner.getInput('summary')))
      runner.writeSummary(renderSummary(result))
    runner.setFailed(reason)
    return undefined
  }

  const deadline = startedAt + config.timeoutMs
  let api: ImportApi | undefined
  let jobs: JobResult[] = []
  // Set when no job result could be had at all (list failed, cancelled early).
  let fatal: { outcome: Outcome; reason: string } | undefined
  try {
    warnPlainHttp(runner, config)
    api = await createImportApi(config)
    const step = { clock, deadline, signal: deps.signal }
    const ids =
      (await startImport(runner, api, config, start, step)) ??
      (await jobIdsToWaitFor(runner, api, config, clock, deadline, deps.signal))
    runner.info(waitingLine(ids, api.name, config))
    const log = new ProgressLog(runner, clock, startedAt, ids)
    try {
      jobs = await waitForJobs(api, ids, {
        clock,
        intervalMs: config.pollIntervalMs,
        deadline,
        signal: deps.signal,
        limiter: new RateLimiter(clock),
        maxFailures: config.maxFailures,
        collectionName: config.collectionName,
        onPoll: (job) => {
          log.poll(job)
          deps.onPoll?.(job, ids.length)
        },
        onEnd: (result) => log.end(result),
        onRetry: (jobId, error, delayMs) =>
          log.retry(
            jobId,
            `${errorMessage(error)} Retrying in ${formatDuration(delayMs)}.`
          )
      })
    } finally {
      log.finish()
    }
    const gated = await gateAndCommit(jobs, {
      runner,
      api,
      config,
      start,
      ...step
    })
    jobs = gated.jobs
    if (gated.fatal)
      fatal = {
        outcome: gated.fatal.outcome,
        reason: gateReason(gated.fatal.ending)
      }
  } catch (error) {
    const ending = outcomeOf(error, deps.signal)
    if (ending.kind === 'error' && !(error instanceof ActionError))
      runner.debug(error instanceof Error ? (error.stack ?? '') : String(error))
    fatal = {
      outcome: ending.kind,
      reason: fatalReason(ending, config.timeoutMs, runner.inputNaming)
    }
  } finally {
    await api?.close?.().catch(() => undefined)
    closeConnections()
  }

  let outcome = fatal?.outcome ?? worstOutcome(jobs.map((j) => j.outcome))
  let reason = fatal?.reason ?? overallReason(outcome, jobs, config.timeoutMs)
  if (outcome === 'success') {
    const gate = checkGates(config, jobs)
    if (gate) {
      outcome = 'failed'
      reason = gate
    }
  }
  const result: RunResult = {
    outcome,
    jobs,
    elapsedMs: clock.now() - startedAt,
    reason: redact(reason),
    apiName: api?.name
  }

  // Outputs first, then the summary, then the verdict: later steps (with
  // if: always()) see the outputs whatever happens next.
  setOutputs(runner, result)
  if (config.summary) {
    try {
      runner.writeSummary(renderSummary(result))
    } catch (error) {
      runner.warning(`Could not write the job summary: ${errorMessage(error)}`)
    }
  }
  annotateFailedFiles(runner, jobs)
  if (config.commentOnPr)
    await commentOnPullRequest(runner, result, config.githubToken)
  if (deps.onResult) {
    try {
      await deps.onResult(result, config)
    } catch (error) {
      runner.warning(errorMessage(error))
    }
  }
  finish(runner, result, config)
  return result
}

/** Passes or fails the step with one line. */
function finish(runner: Runner, result: RunResult, config: Config): void {
  const line = safeLogText(result.reason, 4000)
  switch (result.outcome) {
    case 'success': {
      const rows = sumOf(result.jobs, (j) => j.job?.importedRows)
      runner.info(successLine(rows, result.elapsedMs))
      return
    }
    case 'timeout':
      if (!config.failOnTimeout) {
        runner.warning(
          `${line} (fail-on-timeout is false, so the step passes.)`
        )
        return
      }
      runner.setFailed(line)
      return
    case 'cancelled':
      runner.setFailed(line)
      return
    default:
      runner.setFailed(line || 'The import did not succeed.')
  }
}
