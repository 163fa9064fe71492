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

  /**
   * Resolves true when a request may start, or false at once when its slot
   * would come after the deadline (nothing is reserved then).
   */
  async acquire(signal?: AbortSignal, deadline = Infinity): Promise<boolean> {
    const now = this.clock.now()
    // Reserve a slot before waiting, so concurrent callers queue in order.
    const at = Math.max(now, this.next)
    if (at > now && at > deadline) return false
    this.next = at + this.gapMs
    if (at > now) await this.clock.sleep(at - now, signal)
    return true
  }
}
