import { z } from 'zod'
import { haveSecrets, redact, secretRanges } from '../secrets.js'
import { markControls, neutralise } from './escape.js'

/**
 * The trust boundary for text a server sends. Every string of every answer
 * passes here as the client parses it, so no later code holds server text
 * that carries a secret or can run as a workflow command. Escaping for a
 * destination and cutting come later, where the text is printed.
 */
export function fromServer(raw: string): string {
  return neutralise(redact(markHidden(joinSplitSecrets(raw))))
}

// Characters that do not show: zero-width, bidi controls, soft hyphen.
const INVISIBLE =
  /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/

/**
 * Server text with each control or invisible character shown as U+FFFD:
 * none can restyle or hide a log line, and a state, ID or name that holds
 * one ("Completed\u200b") stays unlike the word it imitates.
 */
function markHidden(text: string): string {
  return markControls(text).replace(INVISIBLE_ALL, '\ufffd')
}
const INVISIBLE_ALL = new RegExp(INVISIBLE, 'g')

// What a server may put inside a secret to break its mask while a reader
// still sees the secret: invisible characters, spaces and line breaks.
const GAP = new RegExp(`\\s|${INVISIBLE.source}`)

/**
 * Masks a secret that a server split with gaps (a zero-width space, a line
 * break): matched on the text without them, masked in the text as sent.
 */
function joinSplitSecrets(raw: string): string {
  if (!haveSecrets() || !GAP.test(raw)) return raw
  const at: number[] = []
  let joined = ''
  for (let i = 0; i < raw.length; i++) {
    if (GAP.test(raw[i])) continue
    at.push(i)
    joined += raw[i]
  }
  let out = ''
  let from = 0
  for (const [start, end] of secretRanges(joined)) {
    out += `${raw.slice(from, at[start])}***`
    from = at[end - 1] + 1
  }
  return out + raw.slice(from)
}

/** A server string, through the trust boundary. */
export const serverString = z.string().transform(fromServer)

/** A server string that may be absent or null; null reads as absent. */
export const optionalServerString = z
  .string()
  .nullish()
  .transform((v) => (v === null || v === undefined ? undefined : fromServer(v)))
