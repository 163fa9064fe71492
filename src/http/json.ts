import { parse, stringify } from 'lossless-json'

/**
 * Strict JSON for answers that decide a verdict. JSON.parse keeps the last of
 * two equal keys ({"state":"Failed","state":"Completed"} reads Completed) and
 * rounds integers past 2^53; here a repeated key makes the body unreadable,
 * and integers stay exact.
 */
export type JsonBody =
  { ok: true; value: unknown } | { ok: false; duplicate?: string }

const INTEGER = /^-?\d+$/
const DECIMAL = /^-?\d+(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/

/** True when a decimal literal has a fractional part, whatever its value. */
function hasFraction(text: string): boolean {
  const m = DECIMAL.exec(text)
  if (!m) return true
  const digits = (m[1] ?? '').replace(/0+$/, '').length
  return digits > Number(m[2] ?? 0)
}

/**
 * Reads a JSON number: an integer as a number while it is exact, else as a
 * bigint; any other number as a double. A fraction that the double rounds to
 * a whole number (9007199254740993.5) reads as NaN, so no schema takes it
 * for an integer.
 */
export function parseNumber(text: string): number | bigint {
  const n = Number(text)
  if (INTEGER.test(text)) return Number.isSafeInteger(n) ? n : BigInt(text)
  return Number.isInteger(n) && hasFraction(text) ? Number.NaN : n
}

/** Index just past the string literal that opens at start. */
function endOfString(text: string, start: number): number {
  let i = start + 1
  for (;;) {
    const quote = text.indexOf('"', i)
    if (quote < 0) return text.length
    let slashes = 0
    while (text.charCodeAt(quote - 1 - slashes) === 92) slashes++
    if (slashes % 2 === 0) return quote + 1
    i = quote + 1
  }
}

const STRUCTURE = /["{}[\]]/g

/**
 * Finds a key that occurs twice in one object of valid JSON text, comparing
 * keys as decoded ("st\u0061te" is state), or returns undefined.
 */
export function firstDuplicateKey(text: string): string | undefined {
  // One entry per open object (its keys so far) or array (null).
  const open: (Set<string> | null)[] = []
  STRUCTURE.lastIndex = 0
  for (let m = STRUCTURE.exec(text); m; m = STRUCTURE.exec(text)) {
    const at = m.index
    const c = text[at]
    if (c === '{') open.push(new Set())
    else if (c === '[') open.push(null)
    else if (c === '}' || c === ']') open.pop()
    else {
      const end = endOfString(text, at)
      STRUCTURE.lastIndex = end
      const keys = open.at(-1)
      if (!keys) continue
      let next = end
      while (/\s/.test(text[next] ?? '')) next++
      if (text[next] !== ':') continue
      const literal = text.slice(at, end)
      const key = literal.includes('\\')
        ? (JSON.parse(literal) as string)
        : literal.slice(1, -1)
      if (keys.has(key)) return key
      keys.add(key)
    }
  }
  return undefined
}

// A number token that JSON.parse might not read exactly: 16 or more digits
// (and dots), or an exponent. Text inside strings may match too; that only
// costs the slower parser.
const INEXACT = /[:,[]\s*-?(?:\d[\d.]{15,}|\d[\d.]*[eE])/

/** Parses JSON text, numbers exactly (see parseNumber), keys not checked. */
function parseExact(text: string): unknown {
  // JSON.parse reads every number of up to 15 digits exactly, and is ten
  // times faster than the lossless parser; that one is needed only past it.
  if (!INEXACT.test(text)) return JSON.parse(text)
  return parse(text, null, {
    parseNumber,
    onDuplicateKey: ({ key }) => {
      throw new DuplicateKey(key)
    }
  })
}

/** Parses an answer strictly; says which key repeats when one does. */
export function readServerJson(text: string): JsonBody {
  let value: unknown
  try {
    value = parseExact(text)
  } catch (error) {
    if (error instanceof DuplicateKey)
      return { ok: false, duplicate: error.key }
    return { ok: false }
  }
  const duplicate = firstDuplicateKey(text)
  return duplicate === undefined
    ? { ok: true, value }
    : { ok: false, duplicate }
}

class DuplicateKey extends Error {
  constructor(readonly key: string) {
    super(`duplicate key ${key}`)
  }
}

/** JSON text of a value whose bigints are written as exact integers. */
export function exactJson(value: unknown): string {
  return stringify(value) ?? 'null'
}
