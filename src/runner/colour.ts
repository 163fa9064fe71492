/**
 * Colour for terminal output, by the common conventions: FORCE_COLOR turns
 * it on (or off with 0/false) whatever the stream, NO_COLOR turns it off
 * (https://no-color.org), and otherwise a terminal gets colour, unless it is
 * a dumb one.
 */
export function useColour(
  env: Record<string, string | undefined>,
  isTTY: boolean | undefined
): boolean {
  const force = env.FORCE_COLOR
  if (force !== undefined) return !/^(0|false)$/i.test(force)
  if (env.NO_COLOR) return false
  return Boolean(isTTY) && env.TERM !== 'dumb'
}

export type Colour = 'red' | 'yellow' | 'green' | 'cyan' | 'dim'

// SGR codes: each colour and the code that ends it (so nested text and the
// rest of the line keep their own colour).
const CODES: Record<Colour, [number, number]> = {
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  cyan: [36, 39],
  dim: [2, 22]
}

/** Wraps text in a colour when `on`; returns it unchanged otherwise. */
export function paint(on: boolean, colour: Colour, text: string): string {
  if (!on || !text) return text
  const [start, end] = CODES[colour]
  return `\u001b[${start}m${text}\u001b[${end}m`
}
