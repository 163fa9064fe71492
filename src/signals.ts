import { setMaxListeners } from 'node:events'

/**
 * Turns the runner's cancel signals into an AbortSignal. The runner cancels a
 * step with SIGINT, then SIGTERM 7.5 s later: stop polling at once, report
 * what is known, and exit within 2 s. The import itself goes on on the server.
 */
export function abortOnSignals(): AbortSignal {
  const controller = new AbortController()
  // Every concurrent job's sleep and request listens to this one signal.
  setMaxListeners(0, controller.signal)
  const onSignal = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted) controller.abort(signal)
    // The report is written within milliseconds; this is the backstop.
    setTimeout(() => process.exit(process.exitCode || 1), 1500).unref()
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  return controller.signal
}
