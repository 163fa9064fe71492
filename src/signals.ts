import { setMaxListeners } from 'node:events'

// The report is written within milliseconds of a cancel; this is the backstop.
const BACKSTOP_MS = 1500
let holdMs = 0
let signalledAt: number | undefined
let backstop: NodeJS.Timeout | undefined

function scheduleExit(): void {
  if (signalledAt === undefined) return
  clearTimeout(backstop)
  const wait = signalledAt + Math.max(BACKSTOP_MS, holdMs) - Date.now()
  backstop = setTimeout(
    () => process.exit(process.exitCode || 1),
    Math.max(0, wait)
  ).unref()
}

/**
 * Gives work that must outlive a cancel (aborting an uncommitted job) up to
 * ms after the signal before the backstop exits, instead of 1.5 s. Stay well
 * inside the runner's 7.5 s between SIGINT and SIGTERM. Returns the release.
 */
export function holdExit(ms: number): () => void {
  holdMs = Math.max(holdMs, ms)
  scheduleExit()
  return () => {
    holdMs = 0
    scheduleExit()
  }
}

/**
 * Turns the runner's cancel signals into an AbortSignal. The runner cancels a
 * step with SIGINT, then SIGTERM 7.5 s later: stop polling at once, report
 * what is known, and exit within 2 s. The import itself goes on on the server.
 */
export function abortOnSignals(): AbortSignal {
  const controller = new AbortController()
  // A new run counts its backstop from its own first signal.
  signalledAt = undefined
  // Every concurrent job's sleep and request listens to this one signal.
  setMaxListeners(0, controller.signal)
  const onSignal = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted) controller.abort(signal)
    signalledAt ??= Date.now()
    scheduleExit()
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  return controller.signal
}
