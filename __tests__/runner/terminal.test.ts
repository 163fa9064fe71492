import { TerminalRunner } from '../../src/runner/terminal.js'

const CLEAR = '\r\u001b[2K'

/** A TerminalRunner writing into one screen transcript. */
function terminal(options: {
  tty?: boolean
  colour?: boolean
  quiet?: boolean
  columns?: number
}) {
  const screen: string[] = []
  const runner = new TerminalRunner({
    inputs: {},
    tty: options.tty,
    quiet: options.quiet,
    columns: options.columns,
    colour: { stdout: options.colour, stderr: options.colour },
    stdout: (t) => screen.push(t),
    stderr: (t) => screen.push(`[err]${t}`)
  })
  return { runner, screen }
}

const importing = {
  state: 'Importing',
  status: 'running' as const,
  detail: '40% · 4,000 / 10,000 rows · 2,000 rows/s · ETA 3s'
}

describe('TerminalRunner status line', () => {
  it('redraws one line in place and keeps it below other lines', () => {
    const { runner, screen } = terminal({ tty: true })

    runner.showStatus(importing)
    runner.info('a log line')
    runner.warning('careful')
    runner.showStatus({
      ...importing,
      state: 'Completed',
      status: 'completed',
      detail: '100%'
    })
    runner.endStatus()
    runner.info('after')

    expect(screen).toEqual([
      `${CLEAR}Importing ${importing.detail}`,
      CLEAR,
      'a log line\n',
      `Importing ${importing.detail}`,
      CLEAR,
      '[err]warning: careful\n',
      `Importing ${importing.detail}`,
      `${CLEAR}Completed 100%`,
      '\n',
      'after\n'
    ])
  })

  it('colours the state by its meaning and dims the rest', () => {
    const { runner, screen } = terminal({ tty: true, colour: true })

    runner.showStatus(importing)
    runner.showStatus({ state: 'Failed', status: 'failed', detail: '0%' })
    runner.error('Import job 1 failed.')

    expect(screen[0]).toBe(
      `${CLEAR}\u001b[36mImporting\u001b[39m \u001b[2m${importing.detail}\u001b[22m`
    )
    expect(screen[1]).toBe(
      `${CLEAR}\u001b[31mFailed\u001b[39m \u001b[2m0%\u001b[22m`
    )
    expect(screen).toContain(
      '[err]\u001b[31merror:\u001b[39m Import job 1 failed.\n'
    )
  })

  it('cuts the line to the terminal width and defuses escape codes', () => {
    const { runner, screen } = terminal({ tty: true, columns: 30 })

    runner.showStatus({
      state: '\u001b]0;owned\u0007Importing',
      status: 'unknown',
      detail: importing.detail
    })

    const drawn = screen[0].slice(CLEAR.length)
    expect([...drawn].filter((c) => c < ' ')).toEqual([])
    expect(drawn).toHaveLength(29)
  })

  it.each([
    { name: 'not a terminal', tty: false, quiet: false },
    { name: '--json (quiet)', tty: true, quiet: true }
  ])('draws nothing when $name', ({ tty, quiet }) => {
    const { runner, screen } = terminal({ tty, quiet })

    runner.showStatus(importing)
    runner.endStatus()
    runner.info('plain')

    expect(screen).toEqual([quiet ? '[err]plain\n' : 'plain\n'])
  })
})

describe('TerminalRunner outputs', () => {
  it('prints name=value lines, and a value of several lines as name<<delimiter', () => {
    const { runner, screen } = terminal({})
    runner.setOutput('outcome', 'failed')
    runner.setOutput('reason', 'one\noutcome=success\r\ntwo')
    runner.printOutputs()
    const lines = screen.join('').split('\n')
    expect(lines[0]).toBe('outcome=failed')
    const delimiter = lines[1].replace(/^reason<</, '')
    expect(delimiter).toMatch(/^ghadelimiter_[0-9a-f-]{36}$/)
    expect(lines.slice(2, 6)).toEqual([
      'one',
      'outcome=success',
      'two',
      delimiter
    ])
  })
})
