import { run } from './main.js'

// The runner cancels a step with SIGINT, then SIGTERM 7.5 s later. Stop
// polling at once, report what is known, and exit within 2 s; the import
// itself goes on on the server.
const controller = new AbortController()
const onSignal = (signal: NodeJS.Signals) => {
  if (!controller.signal.aborted) controller.abort(signal)
  setTimeout(() => process.exit(process.exitCode || 1), 1500).unref()
}
process.once('SIGINT', onSignal)
process.once('SIGTERM', onSignal)

/* istanbul ignore next */
void run({ signal: controller.signal })
