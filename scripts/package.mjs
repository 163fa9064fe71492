// Builds every bundle into dist/ with ncc: the action, the CLI, the import
// simulator and the demo. dist/ is committed, so the build starts clean and
// must be reproducible.
import { execFileSync } from 'node:child_process'
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

function ncc(entry, out, extra = []) {
  execFileSync(
    'npx',
    [
      'ncc',
      'build',
      entry,
      '-o',
      out,
      '--minify',
      '--transpile-only',
      '--quiet',
      ...extra
    ],
    { stdio: 'inherit' }
  )
}

rmSync('dist', { recursive: true, force: true })
ncc('src/index.ts', 'dist', ['--license', 'licenses.txt'])
ncc('simulator/cli.ts', 'dist/simulator')
ncc('simulator/demo.ts', 'dist/demo')

// The CLI is the same code as the action: its lazy gRPC chunks come out
// byte for byte like the action's. So only its entry is kept, as
// dist/cli.js beside the action's chunks, instead of a second 2 MB copy.
const temp = mkdtempSync(path.join(tmpdir(), 'cli-build-'))
try {
  ncc('src/cli.ts', temp)
  for (const file of readdirSync(temp).filter((f) =>
    /^\d+\.index\.js$/.test(f)
  )) {
    const shared = path.join('dist', file)
    if (!readFileSync(path.join(temp, file)).equals(readFileSync(shared))) {
      throw new Error(`The CLI's chunk ${file} differs from the action's.`)
    }
  }
  copyFileSync(path.join(temp, 'index.js'), 'dist/cli.js')
} finally {
  rmSync(temp, { recursive: true, force: true })
}
