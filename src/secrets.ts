/**
 * Secrets we must never print. The runner masks what it is told with
 * ::add-mask::, but errors, outputs and the summary go through redact() too,
 * so the key stays out even where no runner masks it (the CLI, local runs).
 * Every text helper masks before it escapes or cuts: an escaped or cut secret
 * no longer matches its mask.
 */
const secrets = new Set<string>()
let pattern: RegExp | undefined

// Shorter values would mask ordinary words.
const MIN_LENGTH = 3
// A base64 form at another byte offset loses its edges; below this length the
// rest could match unrelated text.
const MIN_SHIFTED_BASE64 = 8

// Passwords published as defaults. Masking one alone would hide ordinary
// words ("Milvus import completed"); the whole token is still masked.
const DEFAULT_PASSWORDS = new Set(['Milvus'])
const DEFAULT_TOKENS = new Set(['root:Milvus'])

/** Base64 and base64url forms of text, at each of the three byte offsets. */
function base64Forms(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8')
  const forms: string[] = []
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes])
      .toString('base64')
      .replace(/=+$/, '')
    // Leading characters that carry the padding bytes, and a trailing one
    // that would carry whatever follows the secret, are not the secret's own.
    const start = [0, 2, 3][shift]
    const end = (shift + bytes.length) % 3 === 0 ? encoded.length : -1
    const core = encoded.slice(start, end)
    if (shift === 0 || core.length >= MIN_SHIFTED_BASE64) forms.push(core)
  }
  forms.push(bytes.toString('base64'))
  return forms.flatMap((f) => [f, f.replace(/\+/g, '-').replace(/\//g, '_')])
}

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
 * Every form a secret may take on its way out: the raw value, its base64
 * (the gRPC client sends the token so), URL-encoded and JSON-escaped forms.
 */
export function secretForms(value: string): string[] {
  return [
    ...new Set([
      value,
      ...base64Forms(value),
      ...urlForms(value),
      ...jsonForms(value)
    ])
  ].filter((form) => form.length >= MIN_LENGTH)
}

/**
 * Remembers a secret in all its forms, and the password of a user:password
 * token too (unless it is a published default). Returns the forms, for the
 * runner to mask as well.
 */
export function rememberSecret(value: string | undefined): string[] {
  if (!value) return []
  const parts = [value]
  const colon = value.indexOf(':')
  // The password part leaks through "user:***"-style messages unless it is
  // masked on its own.
  if (colon > 0 && colon < value.length - 1) {
    const password = value.slice(colon + 1)
    if (!DEFAULT_PASSWORDS.has(password)) parts.push(password)
  }
  const added = [...new Set(parts.flatMap(secretForms))]
  for (const form of added) secrets.add(form)
  pattern = undefined
  return added
}

/** The warning for a published default token, or undefined for any other. */
export function defaultCredentialsWarning(
  value: string | undefined
): string | undefined {
  if (!value || !DEFAULT_TOKENS.has(value)) return undefined
  return 'api-key is the default Milvus token of user root. Anyone who knows Milvus knows it: change the root password and pass the new token from a secret.'
}

/** One pattern for every secret, longest first, so none is half-masked. */
function secretPattern(): RegExp | undefined {
  if (!pattern && secrets.size) {
    const sorted = [...secrets].sort((a, b) => b.length - a.length)
    pattern = new RegExp(
      sorted.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
      'g'
    )
  }
  return pattern
}

/** Replaces every remembered secret, in any of its forms, with ***. */
export function redact(text: string): string {
  const re = secretPattern()
  return re ? text.replace(re, '***') : text
}

/** Forgets every secret (tests only). */
export function forgetSecrets(): void {
  secrets.clear()
  pattern = undefined
}
