#!/usr/bin/env node
// The command's entry point (dist/cli.js). Node maps stack traces to src/
// only for code it loads after this call, so the CLI is a chunk of its own.
/* istanbul ignore next */
process.setSourceMapsEnabled(true)
/* istanbul ignore next */
void import('./cli.js')
