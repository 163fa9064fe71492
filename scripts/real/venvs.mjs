// Python virtual environments for the real tier, one per client version,
// each installed from its fully pinned requirements file and cached under
// ~/.cache/wait-for-milvus-import (or $WFMI_REAL_CACHE). A cached venv is
// keyed by the hash of its requirements, so a changed pin installs afresh.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = path.dirname(fileURLToPath(import.meta.url))

/** The venvs the real tier uses: name -> requirements file. */
export const VENVS = {
  grpc: 'requirements-grpc.txt',
  'rest-v2': 'requirements-rest-v2.txt',
  'zilliz-v1': 'requirements-zilliz-v1.txt'
}

/** Where venvs are cached. */
export function cacheDir() {
  if (process.env.WFMI_REAL_CACHE)
    return path.resolve(process.env.WFMI_REAL_CACHE)
  const base = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache')
  return path.join(base, 'wait-for-milvus-import')
}

/** The python3 to build venvs with; throws one clear line when missing. */
function python() {
  const candidate = process.env.PYTHON || 'python3'
  try {
    execFileSync(candidate, ['-c', 'import venv, ensurepip'], {
      stdio: 'ignore'
    })
  } catch {
    throw new Error(
      `npm run test:real needs python3 with pip and venv ("${candidate}" is missing or has no venv/ensurepip); install python3 and python3-venv, or set PYTHON.`
    )
  }
  return candidate
}

/**
 * Makes sure every venv exists; returns { name: pythonPath } and, per venv,
 * whether it was installed now and how long that took.
 */
export function ensureVenvs(log = (line) => process.stdout.write(`${line}\n`)) {
  const pythons = {}
  const installs = []
  let interpreter
  for (const [name, file] of Object.entries(VENVS)) {
    const requirements = path.join(HERE, file)
    const hash = createHash('sha256')
      .update(readFileSync(requirements))
      .digest('hex')
      .slice(0, 12)
    const dir = path.join(cacheDir(), `venv-${name}-${hash}`)
    const bin = path.join(dir, 'bin', 'python')
    const marker = path.join(dir, '.installed')
    if (!existsSync(marker)) {
      interpreter ??= python()
      log(`real tier: installing ${file} into ${dir} (first run only)`)
      const started = Date.now()
      rmSync(dir, { recursive: true, force: true })
      mkdirSync(path.dirname(dir), { recursive: true })
      execFileSync(interpreter, ['-m', 'venv', dir], { stdio: 'inherit' })
      execFileSync(
        bin,
        [
          '-m',
          'pip',
          'install',
          '--quiet',
          '--disable-pip-version-check',
          '-r',
          requirements
        ],
        { stdio: 'inherit' }
      )
      writeFileSync(marker, `${new Date().toISOString()}\n`)
      installs.push({ name, seconds: (Date.now() - started) / 1000 })
    }
    pythons[name] = bin
  }
  return { pythons, installs }
}
