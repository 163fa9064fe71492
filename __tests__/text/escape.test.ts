import fc from 'fast-check'
import {
  cap,
  escapeCell,
  MAX_TEXT,
  safeLogText
} from '../../src/text/escape.js'
import { forgetSecrets, rememberSecret } from '../../src/secrets.js'
import { fromServer } from '../../src/text/server-text.js'

afterEach(() => forgetSecrets())

const ZWSP = '\u200b'

describe('safeLogText', () => {
  it('joins lines into one, swallowing the whitespace around each break', () => {
    expect(safeLogText('bad row 12\r\n   at column 3\n\nend')).toBe(
      'bad row 12 at column 3 end'
    )
    expect(safeLogText('cr\ronly')).toBe('cr only')
  })

  it('breaks up workflow commands at the start of a line and anywhere', () => {
    expect(safeLogText('::set-output name=x::pwned')).toBe(
      `:${ZWSP}:set-output name=x:${ZWSP}:pwned`
    )
    expect(safeLogText('boom ##[error]bad')).toBe(`boom #${ZWSP}#[error]bad`)
  })

  it('breaks up a command that a line break would have started', () => {
    const safe = safeLogText('fine\n::add-mask::secret')
    expect(safe).toBe(`fine :${ZWSP}:add-mask:${ZWSP}:secret`)
    expect(safe).not.toContain('::')
  })

  it('breaks up every pair in a run of colons', () => {
    expect(safeLogText(':::')).not.toContain('::')
    expect(safeLogText('a::::b')).not.toContain('::')
  })

  it('leaves ordinary text alone', () => {
    expect(safeLogText('data/1.parquet: dim 512, expected 768 (100%)')).toBe(
      'data/1.parquet: dim 512, expected 768 (100%)'
    )
  })

  it('cuts at 1000 characters by default, and at a given limit', () => {
    expect(safeLogText('x'.repeat(MAX_TEXT))).toBe('x'.repeat(MAX_TEXT))
    expect(safeLogText('x'.repeat(MAX_TEXT + 1))).toBe(
      `${'x'.repeat(MAX_TEXT)}… (cut)`
    )
    expect(safeLogText('abcdef', 3)).toBe('abc… (cut)')
  })

  it('stays within the limit even when the text needs escaping', () => {
    const safe = safeLogText('::'.repeat(600), 1000)
    expect(safe.length).toBeLessThanOrEqual(1000 + '… (cut)'.length)
  })
})

describe('escapeCell', () => {
  it('escapes HTML so server text cannot add tags', () => {
    expect(escapeCell('<script>alert(1)</script>')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt;'
    )
  })

  it('escapes & first, so entities in server text show as written', () => {
    expect(escapeCell('&lt;b&gt; & co')).toBe('&amp;lt;b&amp;gt; &amp; co')
  })

  it('neutralises pipes and backticks, which would break the table', () => {
    expect(escapeCell('a|b `code`')).toBe('a&#124;b &#96;code&#96;')
  })

  it('puts every kind of line break on one line', () => {
    expect(escapeCell('a\r\nb\nc\rd')).toBe('a b c d')
  })

  it('keeps underscores and stars, and writes brackets as entities', () => {
    expect(escapeCell('data/[part_1]*.parquet')).toBe(
      'data/&#91;part_1&#93;*.parquet'
    )
  })

  it('cuts after escaping, and never inside an entity', () => {
    expect(escapeCell('<'.repeat(5), 6)).toBe('&lt;… (cut)')
    expect(escapeCell('ab<', 4)).toBe('ab… (cut)')
    expect(escapeCell('<'.repeat(MAX_TEXT))).toBe(
      `${'&lt;'.repeat(MAX_TEXT / 4)}… (cut)`
    )
  })

  it.each([
    ['an @mention', '@octocat please look', '@octocat'],
    ['an image', '![px](https://evil.example/p.png)', '!['],
    ['a link', '[Click to fix](https://evil.example/login)', ']('],
    ['an autolink', 'see https://evil.example/login', 'https://'],
    ['a www autolink', 'see www.evil.example', 'www.'],
    ['an email autolink', 'mail admin@evil.example', '@evil'],
    ['an issue reference', 'fixed in #123', '#123'],
    ['a GH- issue reference', 'fixed in GH-123', 'GH-123'],
    ['a lower-case gh- reference', 'fixed in gh-123', 'gh-123'],
    ['an HTML tag', '<img src=x onerror=alert(1)>', '<img'],
    ['a table break', 'a | b\n| c |', '|'],
    ['a code span', '`rm -rf`', '`'],
    ['a www autolink after _', 'see _www.evil.example/x', 'www.'],
    ['an autolink after _', 'see _https://evil.example/x', 'https://'],
    ['an autolink after a digit', 'see 1https://evil.example/x', 'https://'],
    ['an autolink inside a word', 'seehttp://evil.example/x', 'http://'],
    ['an upper-case autolink', 'see HTTPS://EVIL.EXAMPLE', 'HTTPS://'],
    ['a mixed-case www autolink', 'see x_WwW.evil.example', 'WwW.'],
    ['an ftp autolink', 'see _ftp://evil.example', 'ftp://'],
    ['a mailto: autolink', 'mail_mailto:admin@evil.example', 'mailto:'],
    ['an xmpp: autolink', 'chat 1xmpp:admin@evil.example', 'xmpp:']
  ])('renders %s as inert text', (_name, text, live) => {
    expect(escapeCell(text)).not.toContain(live)
  })

  it('breaks an autolink inside the scheme, keeping the text readable', () => {
    expect(escapeCell('see _https://evil.example/x and 2www.a.example')).toBe(
      `see _https${ZWSP}://evil.example/x and 2www${ZWSP}.a.example`
    )
    expect(escapeCell('mailto:a@b.example').replaceAll(ZWSP, '')).toBe(
      'mailto:a@b.example'
    )
  })

  it('leaves no autolink in any text, whatever stands before the scheme', () => {
    const piece = fc.constantFrom(
      ...['http', 'https', 'HTTPS', 'ftp', 'ftps', 'www', 'WWW', 'mailto'],
      ...['xmpp', '://', ':', '.', '@', '_', '1', 'x', ' ', '*', '(', '~'],
      ...['\n', 'evil.example', 'a', '/', '\u200b']
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const out = escapeCell(pieces.join(''))
        expect(out).not.toMatch(/(https?|ftps?|mailto|xmpp):|www\./i)
        expect(out).not.toMatch(/@[A-Za-z0-9]/)
      }),
      { numRuns: 1000 }
    )
  })

  it('masks a secret before escaping it, so the escape cannot hide it', () => {
    rememberSecret('pw<with>|pipes::and##[x')
    expect(escapeCell('token pw<with>|pipes::and##[x')).toBe('token ***')
  })
})

describe('the print rule: mask, neutralise, escape, cut', () => {
  it('masks a password that holds :: or ##[ before breaking commands', () => {
    rememberSecret('root:pa::ss##[w0rd')
    expect(safeLogText('login root:pa::ss##[w0rd failed')).toBe(
      'login *** failed'
    )
    expect(safeLogText('password pa::ss##[w0rd')).toBe('password ***')
  })

  it('masks a key that straddles the cut before cutting', () => {
    const key = 'sk-' + 'k'.repeat(40)
    rememberSecret(key)
    for (const at of [280, 290, 299, 995]) {
      const text = 'x'.repeat(at) + key + ' tail'
      const cut = safeLogText(text, at < 900 ? 300 : 1000)
      expect(cut).not.toContain('kkkkk')
      expect(escapeCell(text, at < 900 ? 300 : 1000)).not.toContain('kkkkk')
    }
  })
})

describe('fromServer', () => {
  it('masks secrets and breaks workflow commands where server text enters', () => {
    rememberSecret('server-echoed-key')
    const text = fromServer(
      '7\n::set-output name=x::y server-echoed-key ##[error]z'
    )
    expect(text).not.toContain('server-echoed-key')
    expect(text).not.toMatch(/::|##\[/)
  })

  it('leaves ordinary text alone', () => {
    expect(fromServer('data/1.parquet: dim 512')).toBe(
      'data/1.parquet: dim 512'
    )
  })
})

describe('cap', () => {
  it('returns text up to the limit unchanged', () => {
    expect(cap('')).toBe('')
    expect(cap('abc', 3)).toBe('abc')
    expect(cap('y'.repeat(MAX_TEXT))).toBe('y'.repeat(MAX_TEXT))
  })

  it('cuts longer text at the limit and marks the cut', () => {
    expect(cap('abcd', 3)).toBe('abc… (cut)')
    expect(cap('z'.repeat(5000))).toBe(`${'z'.repeat(MAX_TEXT)}… (cut)`)
  })
})

describe('fromServer, invisible text', () => {
  const R = '\ufffd'
  it.each([
    ['an ANSI colour', 'a\u001b[31mred\u001b[0m b', `a${R}[31mred${R}[0m b`],
    [
      'an OSC link',
      '\u001b]8;;http://x\u0007t\u001b]8;;\u0007',
      `${R}]8;;http://x${R}t${R}]8;;${R}`
    ],
    ['a zero-width space', 'Completed\u200b', `Completed${R}`],
    ['bidi overrides', 'a\u202eb\u2066c\u2069', `a${R}b${R}c${R}`],
    ['a BOM and a soft hyphen', '\ufeffab\u00adc', `${R}ab${R}c`],
    ['NUL and DEL', 'a\u0000b\u007fc', `a${R}b${R}c`]
  ])('shows %s as U+FFFD', (_name, raw, shown) => {
    expect(fromServer(raw)).toBe(shown)
  })

  it('masks a secret split by a line break or spaces, keeping the text around it', () => {
    rememberSecret('sk-split-0a1b2c3d4e')
    expect(fromServer('key: sk-split-0a1b\n2c3d4e, retry')).toBe(
      'key: ***, retry'
    )
    expect(fromServer('key sk-split -0a1b 2c3d4e.')).toBe('key ***.')
    expect(fromServer('nothing to hide here')).toBe('nothing to hide here')
  })

  it('keeps tabs and line breaks for the later steps', () => {
    expect(fromServer('a\tb\nc')).toBe('a\tb\nc')
  })

  it('masks a secret split by an invisible character', () => {
    rememberSecret('sk-split-0a1b2c3d4e')
    expect(
      fromServer('key sk-split\u200b-0a1b\u2060c3d4e.'.replace('c3', '2c3'))
    ).toBe('key ***.')
  })
})
