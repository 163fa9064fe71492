import {
  base64Forms,
  hexForms,
  secretPatterns,
  type SecretPattern
} from './secret-pattern.js'

/**
 * Secrets we must never print. The runner masks what it is told with
 * ::add-mask::, but errors, outputs and the summary go through redact() too,
 * so the key stays out even where no runner masks it (the CLI, local runs),
 * and in forms no literal mask catches: another case, partly URL-encoded,
 * JSON-escaped, or inside a longer base64 or hex text (see secret-pattern.ts).
 * Every text helper masks before it escapes or cuts: an escaped or cut
 * secret no longer matches its mask.
 */
const patterns = new Map<string, SecretPattern[]>()
let pattern: RegExp | undefined

// Shorter values would mask ordinary words.
const MIN_LENGTH = 3

// Passwords published as defaults. Masking one alone would hide ordinary
// words ("Milvus import completed"), in any case since masking ignores case;
// the whole token is still masked.
const DEFAULT_PASSWORDS = new Set(['milvus'])
const DEFAULT_TOKENS = new Set(['root:Milvus'])

/** URL-encoded forms: upper- and lower-case hex, and form encoding. */
function urlForms(text: string): string[] {
  const encoded = encodeURIComponent(text)
  const lower = encoded.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())
  return [encoded, lower, encoded.replace(/%20/g, '+'), encodeURI(text)]
}

/** JSON-escaped forms, including Go's HTML-safe escapes and "\/". */
function jsonForms(text: string): string[] {
  const plain = JSON.stringify(text).slice(1, -1)
  const go = plain
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
  return [plain, go, plain.replace(/\//g, '\\/')]
}

/**
 * The literal forms of a secret, for the runner's ::add-mask::: the raw
 * value, its base64 (the gRPC client sends the token so), URL-encoded,
 * JSON-escaped and hex forms. redact() finds many more.
 */
export function secretForms(value: string): string[] {
  const base64 = base64Forms(value)
  return [
    ...new Set([
      value,
      ...base64.flatMap((f) => [f, f.replace(/\+/g, '-').replace(/\//g, '_')]),
      ...urlForms(value),
      ...jsonForms(value),
      ...hexForms(value)
    ])
  ].filter((form) => form.length >= MIN_LENGTH)
}

/**
 * Remembers a secret in all its forms, and the password of a user:password
 * token too (unless it is a published default). Returns the literal forms,
 * for the runner to mask as well.
 */
export function rememberSecret(value: string | undefined): string[] {
  if (!value) return []
  const parts = [value]
  const colon = value.indexOf(':')
  // The password part leaks through "user:***"-style messages unless it is
  // masked on its own.
  if (colon > 0 && colon < value.length - 1) {
    const password = value.slice(colon + 1)
    if (!DEFAULT_PASSWORDS.has(password.toLowerCase())) parts.push(password)
  }
  const kept = parts.filter((part) => part.length >= MIN_LENGTH)
  for (const part of kept) {
    if (patterns.has(part)) continue
    patterns.set(part, secretPatterns(part, MIN_LENGTH))
    pattern = undefined
  }
  return [...new Set(kept.flatMap(secretForms))]
}

/** The warning for a published default token, or undefined for any other. */
export function defaultCredentialsWarning(
  value: string | undefined
): string | undefined {
  if (!value || !DEFAULT_TOKENS.has(value)) return undefined
  return 'api-key is the default Milvus token of user root. Anyone who knows Milvus knows it: change the root password and pass the new token from a secret.'
}

/** One expression for every secret, longest first, so none is half-masked. */
function secretPattern(): RegExp | undefined {
  if (!pattern && patterns.size) {
    const sorted = [...patterns.values()]
      .flat()
      .sort((a, b) => b.length - a.length)
    pattern = new RegExp(sorted.map((p) => p.source).join('|'), 'g')
  }
  return pattern
}

/** Replaces every remembered secret, in any of its forms, with ***. */
export function redact(text: string): string {
  const re = secretPattern()
  return re ? text.replace(re, '***') : text
}

/** Whether any secret is remembered. */
export const haveSecrets = (): boolean => patterns.size > 0

/** Where remembered secrets stand in text: [start, end) of each. */
export function secretRanges(text: string): [number, number][] {
  const re = secretPattern()
  if (!re) return []
  return [...text.matchAll(re)]
    .filter((m) => m[0].length > 0)
    .map((m) => [m.index, m.index + m[0].length])
}

/** Forgets every secret (tests only). */
export function forgetSecrets(): void {
  patterns.clear()
  pattern = undefined
}
