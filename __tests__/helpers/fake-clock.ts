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

/** One pending sleep of a VirtualClock. */
interface Timer {
  at: number
  seq: number
  wake: () => void
}

// Event-loop turns without any clock call before the next timer fires. A
// loopback HTTP exchange finishes in a few turns, so the clock only moves
// while every task is asleep, as real time would seem to from inside.
const QUIET_TURNS = 40

/**
 * A clock for concurrent tasks: each sleep ends at its own virtual time, and
 * time jumps to the earliest one once the process has gone quiet. Sleeps do
 * not add up as on FakeClock, so several jobs polling at once see the same
 * time line they would see for real, without the wait.
 */
export class VirtualClock implements Clock {
  readonly sleeps: number[] = []
  private timers: Timer[] = []
  private seq = 0
  private quiet = 0
  private ticking = false
  constructor(private time = 1_700_000_000_000) {}

  now(): number {
    this.quiet = 0
    return this.time
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.quiet = 0
    if (signal?.aborted) return Promise.resolve()
    this.sleeps.push(ms)
    if (ms <= 0) return Promise.resolve()
    return new Promise<void>((resolve) => {
      const timer: Timer = {
        at: this.time + ms,
        seq: this.seq++,
        wake: () => {
          signal?.removeEventListener('abort', abort)
          resolve()
        }
      }
      const abort = () => {
        this.timers = this.timers.filter((t) => t !== timer)
        timer.wake()
      }
      signal?.addEventListener('abort', abort, { once: true })
      this.timers.push(timer)
      this.tick()
    })
  }

  /** Sleeps not yet ended. */
  get pending(): number {
    return this.timers.length
  }

  private tick(): void {
    if (this.ticking) return
    this.ticking = true
    setImmediate(this.turn)
  }

  private readonly turn = (): void => {
    if (this.timers.length === 0) {
      this.ticking = false
      return
    }
    if (++this.quiet >= QUIET_TURNS) {
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const next = this.timers.shift() as Timer
      this.time = Math.max(this.time, next.at)
      this.quiet = 0
      next.wake()
    }
    setImmediate(this.turn)
  }
}
