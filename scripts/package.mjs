// Builds every bundle into dist/ with ncc: the action, the CLI, the import
// simulator and the demo. dist/ is committed, so the build starts clean and
// must be reproducible.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'

const bundles = [
  ['src/index.ts', 'dist', ['--license', 'licenses.txt']],
  ['src/cli.ts', 'dist/cli', []],
  ['simulator/cli.ts', 'dist/simulator', []],
  ['simulator/demo.ts', 'dist/demo', []]
]

rmSync('dist', { recursive: true, force: true })
for (const [entry, out, extra] of bundles) {
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
