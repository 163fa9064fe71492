// First: the cancel handlers exist before anything slow loads.
import { cancelSignal } from './cancel-signal.js'

// The action itself is a chunk of its own, loaded once the handlers exist.
/* istanbul ignore next */
void import('./main.js').then(({ run }) => run({ signal: cancelSignal }))
