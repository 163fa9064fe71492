import type { Clock } from '../../src/clock.js'

/** A clock whose sleeps return at once, advancing now() and recording ms. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = []
  constructor(private time = 1_700_000_000_000) {}
  now(): number {
    return this.time
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return
    this.sleeps.push(ms)
    this.time += Math.max(0, ms)
  }
  advance(ms: number): void {
    this.time += ms
  }
}
