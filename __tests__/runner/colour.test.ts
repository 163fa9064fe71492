import { paint, useColour } from '../../src/runner/colour.js'

describe('useColour', () => {
  it.each([
    { env: {}, tty: true, want: true },
    { env: {}, tty: false, want: false },
    { env: { NO_COLOR: '1' }, tty: true, want: false },
    // An empty NO_COLOR does not count (no-color.org).
    { env: { NO_COLOR: '' }, tty: true, want: true },
    { env: { TERM: 'dumb' }, tty: true, want: false },
    { env: { FORCE_COLOR: '1' }, tty: false, want: true },
    { env: { FORCE_COLOR: '' }, tty: false, want: true },
    { env: { FORCE_COLOR: '0' }, tty: true, want: false },
    { env: { FORCE_COLOR: 'false' }, tty: true, want: false },
    { env: { FORCE_COLOR: '1', NO_COLOR: '1' }, tty: false, want: true }
  ])('$env on a tty: $tty → $want', ({ env, tty, want }) => {
    expect(useColour(env, tty)).toBe(want)
  })
})

describe('paint', () => {
  it('wraps text in a colour and its reset, or leaves it alone', () => {
    expect(paint(true, 'red', 'error:')).toBe('\u001b[31merror:\u001b[39m')
    expect(paint(true, 'dim', 'x')).toBe('\u001b[2mx\u001b[22m')
    expect(paint(false, 'red', 'error:')).toBe('error:')
    expect(paint(true, 'red', '')).toBe('')
  })
})
