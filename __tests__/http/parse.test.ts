import { retryAfterMs, throwIfTransient } from '../../src/http/parse.js'
import { TransientError } from '../../src/errors.js'

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('3')).toBe(3000)
    expect(retryAfterMs(new Date(10_000).toUTCString(), 5000)).toBe(5000)
    expect(retryAfterMs('soon')).toBeUndefined()
    expect(retryAfterMs(undefined)).toBeUndefined()
  })
})

describe('throwIfTransient', () => {
  const res = (status: number, headers = {}) => ({ status, text: '', headers })

  it('throws for 5xx and 429 only', () => {
    expect(() => throwIfTransient(res(502), 'describe')).toThrow(
      'describe answered HTTP 502.'
    )
    expect(() => throwIfTransient(res(429), 'describe')).toThrow(TransientError)
    expect(() => throwIfTransient(res(404), 'describe')).not.toThrow()
    expect(() => throwIfTransient(res(200), 'describe')).not.toThrow()
  })
})
