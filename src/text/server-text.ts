import { z } from 'zod'
import { redact } from '../secrets.js'
import { neutralise } from './escape.js'

/**
 * The trust boundary for text a server sends. Every string of every answer
 * passes here as the client parses it, so no later code holds server text
 * that carries a secret or can run as a workflow command. Escaping for a
 * destination and cutting come later, where the text is printed.
 */
export function fromServer(raw: string): string {
  return neutralise(redact(visible(raw)))
}

// Control characters but tab and line breaks (ANSI colours and OSC links
// start with ESC), and invisible format characters (zero-width, bidi).
const HIDDEN =
  // eslint-disable-next-line no-control-regex -- finding them is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g

/**
 * Server text without what does not show: with it a server could restyle or
 * hide log lines, or split a secret so that its mask misses. It goes before
 * masking.
 */
export function visible(raw: string): string {
  return raw.replace(HIDDEN, '')
}

/** A server string, through the trust boundary. */
export const serverString = z.string().transform(fromServer)

/** A server string that may be absent or null; null reads as absent. */
export const optionalServerString = z
  .string()
  .nullish()
  .transform((v) => (v === null || v === undefined ? undefined : fromServer(v)))
