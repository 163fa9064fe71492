import { redact } from '../secrets.js'

/**
 * The one rule for printing text: mask the secrets first, then break workflow
 * commands, then escape for where it goes (a log line, markdown), and cut
 * last. In any other order a secret that was escaped or cut no longer
 * matches its mask.
 */

/** Longest piece of server text we print or render. */
export const MAX_TEXT = 1000
export const CUT_MARK = '… (cut)'

const ZWSP = '\u200b'

/**
 * Breaks workflow commands: the runner runs `::cmd::` at the start of any
 * line (CR included) and `##[cmd]` anywhere, so each gets a zero-width space.
 */
export function neutralise(text: string): string {
  return text.replace(/:(?=:)/g, `:${ZWSP}`).replace(/#(?=#\[)/g, `#${ZWSP}`)
}

/** Joins the lines of text with spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ')
}

/**
 * Cuts text to max characters, marking the cut. The cut never splits an
 * HTML entity or a surrogate pair.
 */
export function cap(text: string, max = MAX_TEXT): string {
  if (text.length <= max) return text
  let end = max
  const amp = text.lastIndexOf('&', end - 1)
  if (amp >= 0 && amp > end - 8 && !text.slice(amp, end).includes(';')) {
    const semi = text.indexOf(';', amp)
    if (semi >= end && /^&#?\w+$/.test(text.slice(amp, semi))) end = amp
  }
  const code = text.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end--
  return `${text.slice(0, end)}${CUT_MARK}`
}

/** Makes text safe for one log line: masked, unable to run, one line, capped. */
export function safeLogText(text: string, max = MAX_TEXT): string {
  return cap(oneLine(neutralise(redact(markControls(text)))), max)
}

// Control characters but tab and line breaks: ANSI colours, cursor moves
// and OSC links all start with ESC.
const CONTROL =
  // eslint-disable-next-line no-control-regex -- finding them is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g

/** Text with each control character shown as U+FFFD, so none acts. */
export function markControls(text: string): string {
  return text.replace(CONTROL, '\ufffd')
}

const MARKDOWN: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '|': '&#124;',
  '`': '&#96;',
  '[': '&#91;',
  ']': '&#93;',
  '\\': '&#92;'
}

// What starts a GFM autolink: a scheme before its colon, or www before its
// dot. GitHub starts links after `_`, digits and other non-letters, not only
// at a word boundary, so each is broken wherever it stands. An email (with or
// without mailto: or xmpp:) needs an @, which is broken too.
const AUTOLINK = /(?:https?|ftps?|mailto|xmpp)(?=:)|www(?=\.)/gi

/**
 * Escapes text for markdown so that it renders as inert text: no HTML, no
 * link or image (brackets), no autolink (a zero-width space after the scheme
 * or www), no @mention or #123 / GH-123 reference, no table break, one
 * line.
 */
export function escapeMarkdown(text: string): string {
  // Zero-width spaces first: the entities added next carry a # of their own.
  return text
    .replace(/@|#(?=\d)|GH(?=-\d)/gi, (c) => `${c}${ZWSP}`)
    .replace(AUTOLINK, (scheme) => `${scheme}${ZWSP}`)
    .replace(/[&<>|`[\]\\]/g, (c) => MARKDOWN[c])
    .replace(/\s*[\r\n]+\s*/g, ' ')
}

/** Makes text safe for a markdown table cell: masked, inert, one line, capped. */
export function escapeCell(text: string, max = MAX_TEXT): string {
  return cap(escapeMarkdown(neutralise(redact(markControls(text)))), max)
}
