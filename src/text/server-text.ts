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
  return neutralise(redact(raw))
}

/** A server string, through the trust boundary. */
export const serverString = z.string().transform(fromServer)

/** A server string that may be absent or null; null reads as absent. */
export const optionalServerString = z
  .string()
  .nullish()
  .transform((v) => (v === null || v === undefined ? undefined : fromServer(v)))
