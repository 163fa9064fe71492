import { appendFileSync } from 'node:fs'
import { EOL } from 'node:os'
import { redact } from '../secrets.js'
import type { AnnotationProps, Runner } from './runner.js'

// The workflow-command encoding of the runner (what @actions/core does),
// written out here because loading @actions/core doubles the start-up time.
const escapeData = (s: string) =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (s: string) =>
  escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')

function command(
  name: string,
  message: string,
  props: Record<string, string | undefined> = {}
): string {
  const list = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(redact(v as string))}`)
  const head = list.length ? `${name} ${list.join(',')}` : name
  return `::${head}::${escapeData(message)}`
}

// A heredoc delimiter that server text cannot guess. Math.random is enough:
// node:crypto would add its load time to every run.
const randomToken = () =>
  Array.from({ length: 4 }, () =>
    Math.floor(Math.random() * 2 ** 32).toString(16)
  ).join('-')

/** Writes to the GitHub Actions runner: workflow commands and env files. */
export class GitHubRunner implements Runner {
  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly write: (text: string) => void = (t) =>
      void process.stdout.write(t)
  ) {}

  private line(text: string): void {
    this.write(redact(text) + EOL)
  }

  getInput(name: string): string {
    const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
    return (this.env[key] ?? '').trim()
  }

  setSecret(value: string): void {
    if (value) this.write(command('add-mask', value) + EOL)
  }

  info(message: string): void {
    this.line(message)
  }

  debug(message: string): void {
    this.line(command('debug', message))
  }

  warning(message: string, props: AnnotationProps = {}): void {
    this.line(command('warning', message, { ...props }))
  }

  error(message: string, props: AnnotationProps = {}): void {
    this.line(command('error', message, { ...props }))
  }

  startGroup(name: string): void {
    this.line(command('group', name))
  }

  endGroup(): void {
    this.line('::endgroup::')
  }

  setOutput(name: string, value: string): void {
    const safe = redact(value)
    const file = this.env.GITHUB_OUTPUT
    if (file) {
      let delimiter = `ghadelimiter_${randomToken()}`
      while (safe.includes(delimiter))
        delimiter = `ghadelimiter_${randomToken()}`
      appendFileSync(
        file,
        `${name}<<${delimiter}${EOL}${safe}${EOL}${delimiter}${EOL}`
      )
    } else {
      this.write(EOL + command('set-output', safe, { name }) + EOL)
    }
  }

  writeSummary(markdown: string): boolean {
    const file = this.env.GITHUB_STEP_SUMMARY
    if (!file) {
      this.warning(
        'GITHUB_STEP_SUMMARY is not set, so no job summary was written. Set summary: false to silence this.'
      )
      return false
    }
    try {
      appendFileSync(file, redact(markdown) + EOL)
      return true
    } catch (error) {
      this.warning(
        `Could not write the job summary to ${file}: ${(error as Error).message}`
      )
      return false
    }
  }

  setFailed(message: string): void {
    process.exitCode = 1
    this.error(message)
  }
}
