// npm run test:real: installs the pinned Python clients and embedded Milvus
// (once, cached), then runs the real tier's jest files (__tests__/real/
// *.real.ts) against a real Milvus process and the real pymilvus clients, and
// prints "real tier: N passed, N failed" with the figures it measured.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ensureVenvs } from './venvs.mjs'

const started = Date.now()
let venvs
try {
  venvs = ensureVenvs()
} catch (error) {
  console.error(`real tier: ${error.message}`)
  process.exit(1)
}
const installed = venvs.installs
  .map((i) => `${i.name} ${i.seconds.toFixed(1)}s`)
  .join(', ')
console.log(
  `real tier: venvs ready in ${((Date.now() - started) / 1000).toFixed(1)}s${installed ? ` (installed: ${installed})` : ' (cached)'}`
)

const work = mkdtempSync(path.join(tmpdir(), 'wfmi-real-'))
// The tests run a copy of the bundle taken now, so a rebuild of dist/ while
// they run cannot change what they test.
const dist = path.join(work, 'dist')
try {
  cpSync('dist', dist, { recursive: true })
} catch (error) {
  console.error(
    `real tier: cannot copy dist/ (${error.message}); build it with npm run package first.`
  )
  process.exit(1)
}
const results = path.join(work, 'jest-results.json')
const facts = path.join(work, 'facts.json')
const jest = spawnSync(
  process.execPath,
  [
    path.resolve('node_modules/jest/bin/jest.js'),
    '--testMatch',
    '<rootDir>/__tests__/real/**/*.real.ts',
    '--runInBand',
    '--testTimeout',
    '300000',
    '--json',
    '--outputFile',
    results,
    ...process.argv.slice(2)
  ],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_OPTIONS: '--experimental-vm-modules',
      NODE_NO_WARNINGS: '1',
      WFMI_REAL_PYTHONS: JSON.stringify(venvs.pythons),
      WFMI_REAL_FACTS: facts,
      WFMI_REAL_DIST: dist
    }
  }
)
if (existsSync(facts)) {
  for (const [key, value] of Object.entries(
    JSON.parse(readFileSync(facts, 'utf8'))
  ))
    console.log(`real tier: ${key}: ${value}`)
}
let line = 'real tier: no results (jest did not finish)'
if (existsSync(results)) {
  const r = JSON.parse(readFileSync(results, 'utf8'))
  line = `real tier: ${r.numPassedTests} passed, ${r.numFailedTests} failed`
}
console.log(line)
console.log(
  `real tier: wall time ${((Date.now() - started) / 1000).toFixed(1)}s`
)
rmSync(work, { recursive: true, force: true })
process.exit(jest.status ?? 1)
