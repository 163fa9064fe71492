/** Longest piece of server text we print or render. */
export const MAX_TEXT = 1000

/**
 * Makes server text safe for one log line: one line, capped, and unable to
 * run as a workflow command. The runner executes `::cmd::` at the start of a
 * line and `##[cmd]` anywhere in it, so both get a zero-width space.
 */
export function safeLogText(text: string, max = MAX_TEXT): string {
  return cap(
    oneLine(text)
      .replace(/:(?=:)/g, ':\u200b')
      .replace(/#(?=#\[)/g, '#\u200b'),
    max
  )
}

/** Joins the lines of text with spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ')
}

/** Cuts text to max characters, marking the cut. */
export function cap(text: string, max = MAX_TEXT): string {
  return text.length > max ? `${text.slice(0, max)}… (cut)` : text
}

/**
 * Makes server text safe for a markdown table cell: HTML-escaped, pipes and
 * backticks neutralised, one line, capped. Names keep their underscores and
 * brackets, so they read (and search) as the server wrote them.
 */
export function escapeCell(text: string, max = MAX_TEXT): string {
  // Most names need no escaping; skip the replace chain for them.
  if (text.length <= max && !/[&<>|`\r\n]/.test(text)) return text
  return cap(text, max)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;')
    .replace(/`/g, '&#96;')
    .replace(/\r?\n|\r/g, ' ')
}
