import { realClock } from '../src/clock.js'

// The real clock is the one place with real timers; these waits are a few
// milliseconds and assert order, not durations.
describe('realClock', () => {
  it('tells the time in epoch milliseconds', () => {
    const before = Date.now()
    const now = realClock.now()
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
  })

  it('resolves a sleep after its timer, not before', async () => {
    const order: string[] = []
    const sleep = realClock.sleep(5).then(() => order.push('sleep'))
    await Promise.resolve()
    order.push('sync')
    await sleep
    expect(order).toEqual(['sync', 'sleep'])
  })

  it('resolves at once for 0 ms or an aborted signal', async () => {
    const controller = new AbortController()
    controller.abort()
    const order: string[] = []
    const done = Promise.all([
      realClock.sleep(0).then(() => order.push('zero')),
      realClock
        .sleep(60_000, controller.signal)
        .then(() => order.push('aborted'))
    ])
    await done
    expect(order).toEqual(['zero', 'aborted'])
  })

  it('ends a long sleep when the signal aborts, and leaves no timer behind', async () => {
    const timers = () =>
      process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length
    const idle = timers()
    const controller = new AbortController()
    const sleep = realClock.sleep(60_000, controller.signal)
    expect(timers()).toBe(idle + 1)
    setImmediate(() => controller.abort())
    await sleep
    expect(timers()).toBe(idle)
  })
})
