import { RateLimiter } from '../../src/wait/rate-limit.js'
import { FakeClock } from '../helpers/fake-clock.js'

describe('RateLimiter', () => {
  it('spaces starts so no one-second window holds more than the limit', async () => {
    const clock = new FakeClock()
    const limiter = new RateLimiter(clock, 18)
    const starts: number[] = []
    for (let i = 0; i < 60; i++) {
      await limiter.acquire()
      starts.push(clock.now())
    }
    for (const t of starts) {
      const inWindow = starts.filter((u) => u >= t && u <= t + 1000)
      expect(inWindow.length).toBeLessThanOrEqual(19)
    }
    expect(starts[1] - starts[0]).toBeCloseTo(1000 / 18, 2)
  })

  it('does not delay a lone request', async () => {
    const clock = new FakeClock()
    const limiter = new RateLimiter(clock)
    await limiter.acquire()
    clock.advance(5000)
    await limiter.acquire()
    expect(clock.sleeps).toEqual([])
  })
})
