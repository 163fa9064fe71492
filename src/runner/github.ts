import * as core from '@actions/core'
import { redact } from '../secrets.js'
import type { AnnotationProps, Runner } from './runner.js'

/** The GitHub Actions runner, through @actions/core; every text is redacted. */
export class GitHubRunner implements Runner {
  /** The job-summary write under way, if any. */
  private summaryWrite: Promise<boolean> = Promise.resolve(true)

  getInput(name: string): string {
    return core.getInput(name)
  }

  setSecret(value: string): void {
    if (value) core.setSecret(value)
  }

  info(message: string): void {
    core.info(redact(message))
  }

  debug(message: string): void {
    core.debug(redact(message))
  }

  warning(message: string, props: AnnotationProps = {}): void {
    core.warning(redact(message), annotation(props))
  }

  error(message: string, props: AnnotationProps = {}): void {
    core.error(redact(message), annotation(props))
  }

  startGroup(name: string): void {
    core.startGroup(redact(name))
  }

  endGroup(): void {
    core.endGroup()
  }

  setOutput(name: string, value: string): void {
    core.setOutput(name, redact(value))
  }

  /**
   * Starts appending markdown to the job summary. The write finishes before
   * the process exits; if it fails, a warning says why.
   */
  writeSummary(markdown: string): boolean {
    const file = process.env.GITHUB_STEP_SUMMARY
    if (!file) {
      this.warning(
        'GITHUB_STEP_SUMMARY is not set, so no job summary was written. Set summary: false to silence this.'
      )
      return false
    }
    const text = redact(markdown)
    this.summaryWrite = this.summaryWrite.then(() =>
      core.summary
        .addRaw(text, true)
        .write()
        .then(
          () => true,
          (error: Error) => {
            core.summary.emptyBuffer()
            this.warning(
              `Could not write the job summary to ${file}: ${error.message}`
            )
            return false
          }
        )
    )
    return true
  }

  /** Resolves when the job summary is written (false when it failed). */
  summaryWritten(): Promise<boolean> {
    return this.summaryWrite
  }

  setFailed(message: string): void {
    core.setFailed(redact(message))
  }
}

/** Annotation properties for core, redacted, with empty ones left out. */
function annotation(props: AnnotationProps): core.AnnotationProperties {
  return props.title ? { title: redact(props.title) } : {}
}
