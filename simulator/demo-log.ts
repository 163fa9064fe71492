/**
 * Shows a step's stdout as the Actions log view does: workflow commands
 * (::error::, ::group::...) as labelled lines, masked values as ***, debug
 * lines only when asked.
 */
import * as util from 'node:util'

type Format = Parameters<typeof util.styleText>[0]
/** Styles text for a terminal (bold, red...), or leaves it plain. */
export type Style = (format: Format, text: string) => string

/**
 * Node's own styling when colour is on. The caller decides about colour
 * (stdout.hasColors() reads NO_COLOR, FORCE_COLOR and TERM); Node before
 * 20.12 has no styleText and gets plain text.
 */
export function styler(color: boolean): Style {
  const styleText = color ? util.styleText : undefined
  return (format, text) =>
    styleText ? styleText(format, text, { validateStream: false }) : text
}

const COMMAND = /^::([a-z-]+)(?: ([^]*?))?::(.*)$/
const LABELS: Record<string, [string, Format]> = {
  error: ['Error', 'red'],
  warning: ['Warning', 'yellow'],
  notice: ['Notice', 'cyan']
}

// Command data and properties are percent-escaped (@actions/core escapeData).
function unescape(text: string): string {
  return text
    .replace(/%0D/gi, '\r')
    .replace(/%0A/gi, '\n')
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%25/g, '%')
}

/** Returns a function that turns one stdout line into what the log view shows. */
export function logView(options: {
  color: boolean
  debug: boolean
  masks: string[]
}): (line: string) => string | undefined {
  const style = styler(options.color)
  const masks = options.masks.filter(Boolean)
  const hide = (text: string) =>
    masks.reduce((t, m) => t.split(m).join('***'), text)
  let inGroup = false
  const body = (text: string) =>
    inGroup ? text.replace(/^/gm, style('dim', '│ ')) : text
  return (line) => {
    const command = COMMAND.exec(line)
    if (!command) return body(hide(line))
    const [, name, props = '', rawData] = command
    const data = hide(unescape(rawData))
    switch (name) {
      case 'add-mask':
        masks.push(unescape(rawData))
        return undefined
      case 'group':
        inGroup = true
        return style('bold', `▾ ${data}`)
      case 'endgroup':
        inGroup = false
        return undefined
      case 'debug':
        return options.debug ? body(style('dim', `Debug: ${data}`)) : undefined
      default: {
        if (!LABELS[name]) return body(hide(line))
        const [label, color] = LABELS[name]
        const title = /(?:^|,)title=([^,]*)/.exec(props)?.[1]
        const text = title ? `${hide(unescape(title))}: ${data}` : data
        return body(style(color, `${style('bold', `${label}:`)} ${text}`))
      }
    }
  }
}
