// Builds every bundle into dist/ with ncc: the action, the CLI, the import
// simulator and the demo. dist/ is committed, so the build starts clean and
// must be reproducible. Bundles are not minified and ship source maps. The
// action and the CLI have no ncc source-map register: it would load before
// the action's cancel handlers. Their tiny entries turn on Node's own source
// maps instead, so a stack trace in a user's log still points at src/.
import { execFileSync } from 'node:child_process'
import {
  existsSync,
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
const noRegister = '--no-source-map-register'
ncc('src/index.ts', 'dist', [noRegister, '--license', 'licenses.txt'])
ncc('simulator/cli.ts', 'dist/simulator')
ncc('simulator/demo.ts', 'dist/demo')

// The CLI is the same code as the action: the chunks both load (the HTTP
// runtime, the lazy gRPC client, and their maps) come out byte for byte like
// the action's, so only the CLI's entry and its own chunks are added beside
// them, as dist/cli.js and <id>.index.js, instead of a second copy.
const temp = mkdtempSync(path.join(tmpdir(), 'cli-build-'))
try {
  ncc('src/bin.ts', temp, [noRegister])
  for (const file of readdirSync(temp).filter((f) =>
    /^\d+\.index\.js(\.map)?$/.test(f)
  )) {
    const built = readFileSync(path.join(temp, file))
    const shared = path.join('dist', file)
    if (!existsSync(shared)) writeFileSync(shared, built)
    else if (!built.equals(readFileSync(shared))) {
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
