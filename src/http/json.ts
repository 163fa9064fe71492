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

// Past this many keys an object's keys go into a Set: comparing each new
// key with every earlier one costs keys² steps.
const FEW_KEYS = 16

/** Whether two escape-free string literals of text hold the same chars. */
function sameLiteral(text: string, a: number, b: number, len: number): boolean {
  for (let k = 1; k < len - 1; k++)
    if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false
  return true
}

/** Whether the string literal from start to end holds an escape. */
function hasEscape(text: string, start: number, end: number): boolean {
  for (let k = start + 1; k < end - 1; k++)
    if (text.charCodeAt(k) === 92) return true
  return false
}

/** Index of the first char at or past i that is not JSON whitespace. */
function skipSpace(text: string, i: number): number {
  let c = text.charCodeAt(i)
  while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++i)
  return i
}

/**
 * Finds a key that occurs twice in one object of valid JSON text, comparing
 * keys as decoded ("st\u0061te" is state), or returns undefined. Up to
 * FEW_KEYS escape-free keys are compared in place, so a common answer is
 * scanned without a substring or a Set per object.
 */
export function firstDuplicateKey(text: string): string | undefined {
  // Per open container: -1 for an array, else where its keys start in spans.
  const open: number[] = []
  // Start and end of each key literal of the open objects.
  const spans: number[] = []
  // The decoded keys of an open object, by depth, once it needs a Set.
  let sets: Map<number, Set<string>> | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 123 || c === 91) open.push(c === 123 ? spans.length : -1)
    else if (c === 125 || c === 93) {
      const from = open.pop() ?? -1
      if (from >= 0) spans.length = from
      sets?.delete(open.length)
    } else if (c === 34) {
      const end = endOfString(text, i)
      const start = i
      i = end - 1
      const from = open.at(-1) ?? -1
      if (from < 0 || text.charCodeAt(skipSpace(text, end)) !== 58) continue
      const depth = open.length - 1
      const escaped = hasEscape(text, start, end)
      let keys = sets?.get(depth)
      if (!keys && (escaped || spans.length - from >= 2 * FEW_KEYS)) {
        keys = new Set()
        for (let k = from; k < spans.length; k += 2)
          keys.add(text.slice(spans[k] + 1, spans[k + 1] - 1))
        spans.length = from
        ;(sets ??= new Map()).set(depth, keys)
      }
      if (keys) {
        const key = escaped
          ? (JSON.parse(text.slice(start, end)) as string)
          : text.slice(start + 1, end - 1)
        if (keys.has(key)) return key
        keys.add(key)
        continue
      }
      const len = end - start
      for (let k = from; k < spans.length; k += 2)
        if (
          spans[k + 1] - spans[k] === len &&
          sameLiteral(text, spans[k], start, len)
        )
          return text.slice(start + 1, end - 1)
      spans.push(start, end)
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
