// First: the cancel handlers exist before anything else loads. This module
// stays tiny and imports no other file before them: a SIGINT or SIGTERM
// that comes while the rest loads still ends in outputs and a summary.
import { cancelSignal } from './cancel-signal.js'

// Stack traces point at src/ for every chunk loaded from here on. Node maps
// them itself; ncc's source-map register would load before the handlers.
process.setSourceMapsEnabled(true)

// The action itself is a chunk of its own, loaded once the handlers exist.
/* istanbul ignore next */
void import('./main.js').then(({ run }) => run({ signal: cancelSignal }))
