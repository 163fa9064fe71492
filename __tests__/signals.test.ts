import { jest } from '@jest/globals'
import { abortOnSignals } from '../src/signals.js'

// No sockets here, so jest's fake timers may stand in for the backstop timer.
describe('abortOnSignals', () => {
  const names: NodeJS.Signals[] = ['SIGINT', 'SIGTERM']
  let before: Map<NodeJS.Signals, unknown[]>
  let exit: ReturnType<typeof jest.spyOn>
  const saved = process.exitCode

  beforeEach(() => {
    jest.useFakeTimers()
    before = new Map(names.map((n) => [n, process.listeners(n)]))
    exit = jest
      .spyOn(process, 'exit')
      .mockImplementation((() => undefined) as never)
  })

  afterEach(() => {
    // Drop what the test added, so the next one starts clean.
    for (const name of names)
      for (const l of process.listeners(name))
        if (!before.get(name)?.includes(l)) process.removeListener(name, l)
    jest.useRealTimers()
    jest.restoreAllMocks()
    process.exitCode = saved
  })

  it.each(names)(
    'aborts the signal on %s, with the signal name as the reason',
    (name) => {
      const signal = abortOnSignals()
      expect(signal.aborted).toBe(false)
      process.emit(name, name)
      expect(signal.aborted).toBe(true)
      expect(signal.reason).toBe(name)
      // A once-listener: a second signal no longer reaches it.
      expect(process.listeners(name)).toEqual(before.get(name))
    }
  )

  it('exits 1.5 s after the signal if the report has not ended the process', () => {
    process.exitCode = undefined
    abortOnSignals()
    process.emit('SIGTERM', 'SIGTERM')
    jest.advanceTimersByTime(1499)
    expect(exit).not.toHaveBeenCalled()
    jest.advanceTimersByTime(1)
    expect(exit).toHaveBeenCalledWith(1)
  })

  it('keeps the exit code the report set when the backstop fires', () => {
    abortOnSignals()
    process.emit('SIGINT', 'SIGINT')
    process.exitCode = 3
    jest.advanceTimersByTime(1500)
    expect(exit).toHaveBeenCalledWith(3)
  })

  it('aborts once, and takes many listeners without a warning', () => {
    const warnings: Error[] = []
    const onWarning = (w: Error) => warnings.push(w)
    process.on('warning', onWarning)
    const signal = abortOnSignals()
    let aborts = 0
    for (let i = 0; i < 100; i++)
      signal.addEventListener('abort', () => aborts++)
    process.emit('SIGINT', 'SIGINT')
    process.emit('SIGTERM', 'SIGTERM')
    process.off('warning', onWarning)
    expect(aborts).toBe(100)
    expect(signal.reason).toBe('SIGINT')
    expect(warnings).toEqual([])
  })

  it('listens as soon as the entry point loads the cancel signal', async () => {
    jest.resetModules()
    const { cancelSignal } = await import('../src/cancel-signal.js')
    expect(process.listeners('SIGTERM')).toHaveLength(
      (before.get('SIGTERM') ?? []).length + 1
    )
    expect(cancelSignal.aborted).toBe(false)
    process.emit('SIGTERM', 'SIGTERM')
    expect(cancelSignal.aborted).toBe(true)
  })
})
