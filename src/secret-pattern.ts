/**
 * The pattern that finds one secret in any form a server or a proxy may echo
 * it in: each character literal in either case, %XX (UTF-8, either hex
 * case), '+' for a space, JSON-escaped (\uXXXX, \" and the like), \xXX or
 * an HTML character reference (&#115; &#x73;), mixed freely; and its base64 (or base64url, or with +, / and = URL-encoded) at
 * each of the three byte offsets, so it is found inside a longer base64 text
 * such as Basic base64(user:password); and the hex of its UTF-8 bytes, in any
 * case, the bytes maybe apart, also inside a longer hex run. Built once per secret.
 */

// A base64 form at another byte offset loses its edges, and its core is
// matched anywhere. Six characters (36 bits, case-sensitive) keep the cores of
// a 5-character secret (6 characters) and of a 6-character password (7): in
// 300k characters of ordinary English and code, no such core of 40,000 random
// secrets occurred, while 3-character cores did for 1 secret in 70.
const MIN_SHIFTED_BASE64 = 6

const JSON_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  '\b': 'b',
  '\f': 'f',
  '\n': 'n',
  '\r': 'r',
  '\t': 't'
}

const BASE64_ESCAPES: Record<string, string> = {
  '+': '(?:\\+|-|%2[bB])',
  '/': '(?:/|_|%2[fF])',
  '=': '(?:=|%3[dD])'
}

/** One secret's pattern source, and how long the secret is. */
export interface SecretPattern {
  length: number
  source: string
}

/** The UTF-16 code units of text. */
function units(text: string): number[] {
  return Array.from({ length: text.length }, (_, i) => text.charCodeAt(i))
}

/** n in hex, every letter matching either case: 0x2f -> 2[fF]. */
function hexDigits(n: number, width: number): string {
  return [...n.toString(16).padStart(width, '0')]
    .map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d))
    .join('')
}

/** A character as itself in a pattern: letters and digits, or \uXXXX. */
function literal(ch: string): string {
  if (/^[A-Za-z0-9]$/.test(ch)) return ch
  return units(ch)
    .map((u) => `\\u${u.toString(16).padStart(4, '0')}`)
    .join('')
}

/** Every way one character (a code point) may be written. */
function charPattern(ch: string): string {
  // Only one-character case mappings: ß upper-cases to SS.
  const cases = [ch, ch.toLowerCase(), ch.toUpperCase()].filter(
    (c) => [...c].length === 1
  )
  const escapes = new Set<string>()
  const plain = new Set<string>()
  for (const c of new Set(cases)) {
    escapes.add(
      units(c)
        .map((u) => `\\\\u${hexDigits(u, 4)}`)
        .join('')
    )
    if (c in JSON_ESCAPES) escapes.add(`\\\\${literal(JSON_ESCAPES[c])}`)
    const bytes = [...Buffer.from(c, 'utf8')]
    escapes.add(bytes.map((b) => `%${hexDigits(b, 2)}`).join(''))
    escapes.add(bytes.map((b) => `\\\\x${hexDigits(b, 2)}`).join(''))
    // HTML character references, which a rendered page shows as the text.
    const point = c.codePointAt(0) ?? 0
    escapes.add(`&#0*${point};?`)
    escapes.add(`&#[xX]0*${hexDigits(point, 1)};?`)
    plain.add(literal(c))
    if (c === ' ') plain.add('\\+')
  }
  // Escapes first: a secret that ends in \ or % must take the whole
  // \u005c or %25, not leave its tail.
  return `(?:${[...escapes, ...plain].join('|')})`
}

/** The hex of text's UTF-8 bytes, in lower and in upper case. */
export function hexForms(text: string): string[] {
  const hex = Buffer.from(text, 'utf8').toString('hex')
  return [hex, hex.toUpperCase()]
}

/** The base64 of text, and its core at each of the three byte offsets. */
export function base64Forms(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8')
  const forms = [bytes.toString('base64')]
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
  return [...new Set(forms)]
}

/**
 * The patterns of one secret: its text in any mix of case and escapes, its
 * base64 forms and its hex in any case. Each pattern is a regular expression
 * source with no flags, to be joined with others (longest first) into one
 * expression.
 */
export function secretPatterns(
  value: string,
  minLength: number
): SecretPattern[] {
  const text: SecretPattern = {
    length: value.length,
    source: [...value].map(charPattern).join('')
  }
  const base64 = base64Forms(value)
    .filter((form) => form.length >= minLength)
    .map((form) => ({
      length: form.length,
      source: [...form].map((c) => BASE64_ESCAPES[c] ?? c).join('')
    }))
  // Each byte is two digits, maybe apart (73 6b, 73:6b); no boundary, so a
  // longer hex run is caught too.
  const hex: SecretPattern = {
    length: 2 * Buffer.byteLength(value, 'utf8'),
    source: [...Buffer.from(value, 'utf8')]
      .map((b) => hexDigits(b, 2))
      .join('[ :.-]?')
  }
  return [text, ...base64, hex]
}
