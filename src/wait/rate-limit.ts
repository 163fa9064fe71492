import type { Clock } from '../clock.js'

/**
 * Spaces request starts evenly, at most `perSecond` a second. Zilliz Cloud
 * allows 20 requests per second per endpoint; starts are spread out rather
 * than sent in bursts, because a burst released on the second mark lands
 * beside the previous one at the server (connection set-up delays the first),
 * and the server counts both in one second.
 */
export class RateLimiter {
  private next = 0
  private readonly gapMs: number

  constructor(
    private readonly clock: Clock,
    perSecond = 18
  ) {
    this.gapMs = 1000 / perSecond
  }

  /** Resolves when a request may start. */
  async acquire(signal?: AbortSignal): Promise<void> {
    const now = this.clock.now()
    // Reserve a slot before waiting, so concurrent callers queue in order.
    const at = Math.max(now, this.next)
    this.next = at + this.gapMs
    if (at > now) await this.clock.sleep(at - now, signal)
  }
}
