/**
 * Where the action writes: the GitHub runner (workflow commands and files) or
 * a terminal (the CLI). Everything the action prints goes through one Runner,
 * so masking and escaping happen in one place.
 */
import type { InputNaming } from '../errors.js'

export interface AnnotationProps {
  title?: string
}

export interface Runner {
  /**
   * How lines name an input: `Input "timeout"` in a workflow (the default),
   * `--timeout` on a command line.
   */
  readonly inputNaming?: InputNaming
  /** Reads an input by its action.yml name; '' when unset. */
  getInput(name: string): string
  /** Masks a secret in every later log line. */
  setSecret(value: string): void
  info(message: string): void
  debug(message: string): void
  warning(message: string, props?: AnnotationProps): void
  error(message: string, props?: AnnotationProps): void
  startGroup(name: string): void
  endGroup(): void
  setOutput(name: string, value: string): void
  /**
   * Appends markdown to the job summary. Returns false (after a warning) when
   * there is nowhere to write it.
   */
  writeSummary(markdown: string): boolean
  /** The plain-text summary, for terminals; the runner may ignore it. */
  writeText?(text: string): void
  /** Marks the step failed with one line; the process exits non-zero. */
  setFailed(message: string): void
}
