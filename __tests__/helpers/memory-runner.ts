import type { AnnotationProps, Runner } from '../../src/runner/runner.js'

/** A Runner that keeps everything in memory, for in-process tests. */
export class MemoryRunner implements Runner {
  readonly lines: string[] = []
  readonly outputs: Record<string, string> = {}
  readonly secrets: string[] = []
  summary = ''
  failed?: string
  constructor(private readonly inputs: Record<string, string> = {}) {}
  getInput(name: string): string {
    return this.inputs[name] ?? ''
  }
  setSecret(value: string): void {
    this.secrets.push(value)
  }
  info(message: string): void {
    this.lines.push(message)
  }
  debug(message: string): void {
    this.lines.push(`debug: ${message}`)
  }
  warning(message: string, props?: AnnotationProps): void {
    this.lines.push(
      `warning${props?.title ? `(${props.title})` : ''}: ${message}`
    )
  }
  error(message: string, props?: AnnotationProps): void {
    this.lines.push(
      `error${props?.title ? `(${props.title})` : ''}: ${message}`
    )
  }
  startGroup(name: string): void {
    this.lines.push(`group: ${name}`)
  }
  endGroup(): void {
    this.lines.push('endgroup')
  }
  setOutput(name: string, value: string): void {
    this.outputs[name] = value
  }
  writeSummary(markdown: string): boolean {
    this.summary += markdown
    return true
  }
  setFailed(message: string): void {
    this.failed = message
    this.lines.push(`error: ${message}`)
  }
  /** Everything printed, outputs and summary together, for leak checks. */
  everything(): string {
    return [...this.lines, JSON.stringify(this.outputs), this.summary].join(
      '\n'
    )
  }
}
