import fc from 'fast-check'
import {
  exactJson,
  firstDuplicateKey,
  parseNumber,
  readServerJson
} from '../../src/http/json.js'

describe('readServerJson', () => {
  it.each([
    ['a differing repeat', '{"state":"Failed","state":"Completed"}', 'state'],
    ['an equal repeat', '{"code":0,"code":0}', 'code'],
    ['an escaped repeat', '{"state":"a","st\\u0061te":"b"}', 'state'],
    ['a nested repeat', '{"data":{"jobId":"1","x":[1],"jobId":"2"}}', 'jobId'],
    ['a repeat in an array item', '{"d":[{"a":1},{"b":1,"b":2}]}', 'b']
  ])('finds %s', (_name, text, key) => {
    expect(readServerJson(text)).toEqual({ ok: false, duplicate: key })
  })

  it('does not take a key in one object for a repeat in another', () => {
    const text = '{"a":{"state":1},"b":{"state":2},"state":"x"}'
    expect(readServerJson(text)).toEqual({
      ok: true,
      value: { a: { state: 1 }, b: { state: 2 }, state: 'x' }
    })
  })

  it('is not fooled by braces, quotes and colons inside strings', () => {
    const text = '{"r":"{\\"state\\":1} \\\\","state":"Completed","s":"a\\":b"}'
    expect(readServerJson(text)).toEqual({
      ok: true,
      value: JSON.parse(text)
    })
  })

  it('keeps integers past 2^53 exact and others as numbers', () => {
    const parsed = readServerJson(
      '{"a":9007199254740993,"b":12,"c":0.5,"id":463071155436633601}'
    )
    expect(parsed).toEqual({
      ok: true,
      value: { a: 9007199254740993n, b: 12, c: 0.5, id: 463071155436633601n }
    })
  })

  it('says a body is not JSON without naming a key', () => {
    expect(readServerJson('<html>')).toEqual({ ok: false })
    expect(readServerJson('{"a":1')).toEqual({ ok: false })
  })

  it('reads any JSON as JSON.parse does, when no key repeats and numbers are small', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const text = JSON.stringify(value)
        const parsed = readServerJson(text)
        // fc.jsonValue has unique keys; -0 prints as 0.
        if (/\d{16,}|[eE]/.test(text)) return
        expect(parsed).toEqual({ ok: true, value: JSON.parse(text) })
      })
    )
  })
})

describe('parseNumber', () => {
  it.each([
    ['12', 12],
    ['-3', -3],
    ['9007199254740991', 9007199254740991],
    ['9007199254740993', 9007199254740993n],
    ['-9007199254740993', -9007199254740993n],
    ['0.5', 0.5],
    ['1e2', 100],
    ['100.0', 100]
  ])('reads %s exactly', (text, value) => {
    expect(parseNumber(text)).toEqual(value)
  })

  it('reads a fraction the double rounds to a whole number as NaN', () => {
    expect(parseNumber('9007199254740990.5')).toBeNaN()
  })

  it('finds duplicates in any object', () => {
    expect(firstDuplicateKey('[{"a":1,"b":{"a":2}},{"a":3}]')).toBeUndefined()
    expect(firstDuplicateKey('[{"a":1,"a":2}]')).toBe('a')
  })

  it('finds a duplicate after a nested object closes', () => {
    expect(firstDuplicateKey('{"a":{"b":1,"c":[{"d":2}]},"b":3}')).toBe(
      undefined
    )
    expect(firstDuplicateKey('{"ab":{"b":1},"b" :2,"ab":3}')).toBe('ab')
  })

  it('finds duplicates among many keys', () => {
    const keys = Array.from({ length: 40 }, (_, i) => `"k${i}":${i}`)
    expect(firstDuplicateKey(`{${keys.join(',')}}`)).toBeUndefined()
    expect(firstDuplicateKey(`{${keys.join(',')},"k3":0}`)).toBe('k3')
    expect(firstDuplicateKey(`{${keys.join(',')},"k\\u0033":0}`)).toBe('k3')
  })

  it('compares an escaped key with earlier plain ones as decoded', () => {
    expect(firstDuplicateKey('{"state":1,"st\\u0061te":2}')).toBe('state')
    expect(firstDuplicateKey('{"st\\u0061te":1,"state":2}')).toBe('state')
    expect(firstDuplicateKey('{"a\\"":1,"a\\\\":2}')).toBeUndefined()
  })
})

describe('exactJson', () => {
  it('writes bigints as exact integers', () => {
    expect(exactJson({ rows: 9007199254740993n, n: null })).toBe(
      '{"rows":9007199254740993,"n":null}'
    )
  })
})
