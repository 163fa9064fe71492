// Builds every bundle into dist/ with ncc: the action, the CLI, the import
// simulator and the demo. dist/ is committed, so the build starts clean and
// must be reproducible. Bundles are not minified and ship source maps, with
// ncc's source-map register: a stack trace in a user's log points at src/.
import { execFileSync } from 'node:child_process'
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
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
      '--source-map',
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

// The CLI is the same code as the action: its lazy gRPC chunks (and their
// maps) come out byte for byte like the action's. So only its entry is
// kept, as dist/cli.js beside the action's chunks, instead of a second copy.
const temp = mkdtempSync(path.join(tmpdir(), 'cli-build-'))
try {
  ncc('src/cli.ts', temp)
  for (const file of readdirSync(temp).filter(
    (f) => /^\d+\.index\.js(\.map)?$/.test(f) || f === 'sourcemap-register.cjs'
  )) {
    const shared = path.join('dist', file)
    if (!readFileSync(path.join(temp, file)).equals(readFileSync(shared))) {
      throw new Error(`The CLI's ${file} differs from the action's.`)
    }
  }
  const entry = readFileSync(path.join(temp, 'index.js'), 'utf8')
  const mapLine = '//# sourceMappingURL=index.js.map'
  if (!entry.trimEnd().endsWith(mapLine)) {
    throw new Error("The CLI's bundle does not end with its source map line.")
  }
  const at = entry.lastIndexOf(mapLine)
  writeFileSync(
    'dist/cli.js',
    `${entry.slice(0, at)}//# sourceMappingURL=cli.js.map${entry.slice(at + mapLine.length)}`,
    { mode: 0o755 }
  )
  const map = JSON.parse(readFileSync(path.join(temp, 'index.js.map'), 'utf8'))
  writeFileSync('dist/cli.js.map', JSON.stringify({ ...map, file: 'cli.js' }))
} finally {
  rmSync(temp, { recursive: true, force: true })
}
