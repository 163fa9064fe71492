import { run } from './main.js'
import { abortOnSignals } from './signals.js'

/* istanbul ignore next */
void run({ signal: abortOnSignals() })
