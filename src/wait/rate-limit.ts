import type { Clock } from '../clock.js'

/**
 * Lets at most `limit` requests start in any window of `windowMs`. Zilliz
 * Cloud allows 20 requests per second per endpoint.
 */
export class RateLimiter {
  private readonly starts: number[] = []
  private queue: Promise<void> = Promise.resolve()

  constructor(
    private readonly clock: Clock,
    private readonly limit = 20,
    private readonly windowMs = 1000
  ) {}

  /** Resolves when a request may start. */
  acquire(signal?: AbortSignal): Promise<void> {
    // Callers queue so the window is checked by one at a time, in order.
    const turn = this.queue.then(() => this.wait(signal))
    this.queue = turn.catch(() => undefined)
    return turn
  }

  private async wait(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) return
      const now = this.clock.now()
      while (this.starts.length && now - this.starts[0] >= this.windowMs)
        this.starts.shift()
      if (this.starts.length < this.limit) {
        this.starts.push(now)
        return
      }
      await this.clock.sleep(this.starts[0] + this.windowMs - now, signal)
    }
  }
}
