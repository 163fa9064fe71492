import { abortOnSignals } from './signals.js'

/**
 * The step's cancel signal, listened for as soon as this module is
 * evaluated. The entry point imports it first, so a SIGINT or SIGTERM that
 * comes while the rest of the action loads still ends in outputs and a
 * summary, not in a killed process.
 */
export const cancelSignal: AbortSignal = abortOnSignals()
