import { RateLimiter } from '../../src/wait/rate-limit.js'
import { FakeClock } from '../helpers/fake-clock.js'

describe('RateLimiter', () => {
  it('lets at most 20 requests start in any one-second window', async () => {
    const clock = new FakeClock()
    const limiter = new RateLimiter(clock, 20, 1000)
    const starts: number[] = []
    await Promise.all(
      Array.from({ length: 50 }, () =>
        limiter.acquire().then(() => starts.push(clock.now()))
      )
    )
    const t0 = starts[0]
    expect(starts.filter((t) => t < t0 + 1000)).toHaveLength(20)
    for (const t of starts) {
      expect(
        starts.filter((u) => u >= t && u < t + 1000).length
      ).toBeLessThanOrEqual(20)
    }
    expect(starts.at(-1)! - t0).toBe(2000)
  })
})
