import fc from 'fast-check'
import {
  defaultCredentialsWarning,
  forgetSecrets,
  redact,
  rememberSecret,
  secretForms
} from '../src/secrets.js'

afterEach(() => forgetSecrets())

const b64 = (text: string) => Buffer.from(text).toString('base64')

describe('rememberSecret', () => {
  it('remembers a plain API key and its base64', () => {
    const forms = rememberSecret('sk-live-0042')
    expect(forms).toContain('sk-live-0042')
    expect(forms).toContain(b64('sk-live-0042'))
    expect(redact('Bearer sk-live-0042')).toBe('Bearer ***')
  })

  it('masks the password of user:password on its own too', () => {
    const forms = rememberSecret('root:Milvus-pw-77')
    expect(forms.slice(0, 1)).toEqual(['root:Milvus-pw-77'])
    expect(forms).toContain('Milvus-pw-77')
    expect(
      redact(
        'token root:Milvus-pw-77 refused; user root, password Milvus-pw-77'
      )
    ).toBe('token *** refused; user root, password ***')
  })

  it('keeps the password after the first colon whole', () => {
    expect(rememberSecret('admin:pa:ss:word')).toContain('pa:ss:word')
    expect(redact('pa:ss:word')).toBe('***')
  })

  it('does not split a value that only starts or ends with a colon', () => {
    rememberSecret(':leading')
    rememberSecret('trailing:')
    expect(redact('leading trailing')).toBe('leading trailing')
    expect(redact(':leading trailing:')).toBe('*** ***')
  })

  it('does not register values shorter than 3 characters', () => {
    expect(rememberSecret('ab')).not.toContain('ab')
    expect(redact('ab cab')).toBe('ab cab')
    // The whole token is long enough; its 2-character password is not.
    expect(rememberSecret('root:pw')).toContain('root:pw')
    expect(redact('root:pw, pw, password')).toBe('***, pw, password')
  })

  it('ignores empty and missing values', () => {
    expect(rememberSecret('')).toEqual([])
    expect(rememberSecret(undefined)).toEqual([])
    expect(redact('nothing to hide')).toBe('nothing to hide')
  })
})

describe('secret forms', () => {
  const token = 'alice:p@ss/w<rd>&"x"+ \\z'

  it.each([
    ['raw', token],
    ['base64', b64(token)],
    ['base64url', b64(token).replace(/\+/g, '-').replace(/\//g, '_')],
    ['URL-encoded', encodeURIComponent(token)],
    [
      'URL-encoded, lower-case hex',
      encodeURIComponent(token).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())
    ],
    ['form-encoded', encodeURIComponent(token).replace(/%20/g, '+')],
    ['JSON-escaped', JSON.stringify(token).slice(1, -1)],
    [
      'JSON-escaped the Go way',
      JSON.stringify(token)
        .slice(1, -1)
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026')
    ],
    ['password, base64', b64('p@ss/w<rd>&"x"+ \\z')]
  ])('masks the %s form', (_name, form) => {
    rememberSecret(token)
    expect(redact(`echo: ${form} :end`)).toBe('echo: *** :end')
  })

  it('masks base64 of the token inside a longer base64 text, at any offset', () => {
    rememberSecret('user01:a-long-password')
    for (const prefix of ['', 'B', 'Ba', 'Bas', 'Basic ']) {
      const echoed = b64(`${prefix}user01:a-long-password and more`)
      const out = redact(echoed)
      expect(out).toContain('***')
      // What is left cannot be decoded back to the password.
      expect(
        Buffer.from(out.replace('***', ''), 'base64').toString()
      ).not.toContain('a-long-password')
    }
  })

  it('lists every form once', () => {
    const forms = secretForms('plainkey123')
    expect(new Set(forms).size).toBe(forms.length)
  })
})

describe('secret variants', () => {
  const token = 'user01:Pa55 w/rd+<x>'
  const password = 'Pa55 w/rd+<x>'
  const pct = (c: string) =>
    [...Buffer.from(c)].map((b) => `%${b.toString(16).padStart(2, '0')}`)

  it.each([
    ['upper-cased', password.toUpperCase()],
    ['lower-cased', password.toLowerCase()],
    ['in mixed case', 'pA55 W/RD+<X>'],
    ['with only some characters %-encoded', 'Pa55%20w%2Frd+<x>'],
    ['%-encoded with lower-case hex', 'Pa55%20w%2frd%2b%3cx%3e'],
    ['%-encoded with + for the space', 'Pa55+w%2Frd%2B%3Cx%3E'],
    ['with every character %-encoded', pct(password).join('')],
    ['%-encoded and upper-cased', 'PA55%20W%2FRD%2B%3CX%3E'],
    ['with some characters as \\uXXXX', 'Pa\\u00355 w\\/rd+\\u003Cx\\u003e'],
    ['mixing every escape', 'p\\u0041%355+W\\/r%44%2b<x%3E'],
    ['with characters as \\xXX', 'Pa\\x355\\x20w\\x2Frd+\\x3cx>'],
    ['as HTML character references', 'Pa&#53;5&#x20;w&#X2f;rd&#43<x&#062;']
  ])('masks the password %s', (_name, echo) => {
    rememberSecret(token)
    expect(redact(`echo: ${echo} :end`)).toBe('echo: *** :end')
  })

  it('masks the whole token in another case and partly %-encoded', () => {
    rememberSecret(token)
    expect(redact('USER01:PA55 W/RD+<X>')).toBe('***')
    expect(redact('user01%3aPa55%20w/rd+<x>')).toBe('***')
  })

  it('masks a non-ASCII secret %-encoded as UTF-8, in either case', () => {
    rememberSecret('clé-Ünïcode-9')
    expect(redact(encodeURIComponent('CLÉ-ünïcode-9'))).toBe('***')
    expect(redact(`k=${pct('é').join('').toUpperCase()}`)).toBe('k=%C3%A9')
    expect(redact('cl%c3%a9-\\u00dcn\\u00EFcode-9')).toBe('***')
  })

  it('masks base64 inside a longer base64 text at every offset, with a suffix', () => {
    rememberSecret(token)
    for (const prefix of ['', 'B', 'Ba', 'Basic ', 'Authorization: Basic ']) {
      const run = b64(`${prefix}${token}\r\nX-Other: 1`)
      for (const echoed of [
        run,
        run.replace(/\+/g, '-').replace(/\//g, '_'),
        encodeURIComponent(run)
      ]) {
        const out = redact(echoed)
        expect(out).toContain('***')
        for (const piece of out.split('***'))
          for (let offset = 0; offset < 4; offset++)
            expect(
              Buffer.from(decodeURIComponent(piece).slice(offset), 'base64')
                .toString()
                .toLowerCase()
            ).not.toContain('pa55 w/rd')
      }
    }
  })

  it('masks any mix of case and escapes, character by character', () => {
    const secretArb = fc.string({
      unit: fc.constantFrom(...'abcXYZ019:#[]<>&"\\/%+ -_@!|`é'.split('')),
      minLength: 3,
      maxLength: 20
    })
    fc.assert(
      fc.property(
        secretArb,
        fc.array(fc.nat(5), { minLength: 1 }),
        (secret, draw) => {
          forgetSecrets()
          rememberSecret(secret)
          const echo = [...secret]
            .map((c, i) => {
              const u = `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
              return [
                c,
                c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase(),
                pct(c).join('').toUpperCase(),
                pct(c).join(''),
                u,
                c === ' ' ? '+' : u.toUpperCase().replace('\\U', '\\u')
              ][draw[i % draw.length]]
            })
            .join('')
          expect(redact(`<${echo}>`)).toBe('<***>')
        }
      ),
      { numRuns: 500 }
    )
  })

  it('does not mask text that only looks like the secret', () => {
    rememberSecret(token)
    expect(redact('Pa55 w/rd+<y> Pa55%2Fw/rd+<x> Pa5 w/rd+<x>')).toBe(
      'Pa55 w/rd+<y> Pa55%2Fw/rd+<x> Pa5 w/rd+<x>'
    )
  })
})

describe('hex forms', () => {
  const token = 'user01:Pa55 w/rd+<x>é'
  const hex = (text: string) => Buffer.from(text).toString('hex')

  it.each([
    ['token, lower-case hex', hex(token)],
    ['token, upper-case hex', hex(token).toUpperCase()],
    ['password, lower-case hex', hex('Pa55 w/rd+<x>é')],
    ['password, upper-case hex', hex('Pa55 w/rd+<x>é').toUpperCase()],
    [
      'password, mixed-case hex',
      hex('Pa55 w/rd+<x>é').replace(/[a-f]/, (c) => c.toUpperCase())
    ],
    [
      'password, hex bytes apart',
      hex('Pa55 w/rd+<x>é').replace(/(..)(?=.)/g, '$1 ')
    ],
    [
      'password, hex bytes with colons',
      hex('Pa55 w/rd+<x>é').replace(/(..)(?=.)/g, '$1:')
    ]
  ])('masks the %s', (_name, form) => {
    rememberSecret(token)
    expect(redact(`echo: ${form} :end`)).toBe('echo: *** :end')
  })

  it('masks the hex inside a longer hex run, in either case', () => {
    rememberSecret(token)
    for (const prefix of ['', 'B', 'Ba', 'Basic ']) {
      const run = hex(`${prefix}${token}\r\n`)
      for (const echoed of [run, run.toUpperCase()]) {
        const out = redact(`dump=${echoed};`)
        expect(out).toMatch(/^dump=[0-9a-fA-F]*\*\*\*[0-9a-fA-F]*;$/)
        expect(out.toLowerCase()).not.toContain(hex('Pa55'))
      }
    }
  })

  it('lists the hex in both cases for the runner to mask', () => {
    const forms = rememberSecret('root:Pa55wd')
    expect(forms).toEqual(
      expect.arrayContaining([
        hex('Pa55wd'),
        hex('Pa55wd').toUpperCase(),
        hex('root:Pa55wd')
      ])
    )
  })

  it('leaves hex and digits that are not the secret alone', () => {
    rememberSecret('root:Pa55wd')
    const text = `job 453240863839750922, sha ${hex('Pa55we')} ${hex('root')}`
    expect(redact(text)).toBe(text)
  })
})

describe('short passwords in a longer base64 text', () => {
  it.each([
    ['offset 1', 'pwd='],
    ['offset 2', 'p='],
    ['offset 0', 'pw=']
  ])('masks a 6-character password at %s', (_name, prefix) => {
    rememberSecret('root:Pa55wd')
    const echoed = b64(`${prefix}Pa55wd`)
    const out = redact(`auth ${echoed} end`)
    expect(out).toContain('***')
    for (const piece of out.split('***'))
      for (let offset = 0; offset < 4; offset++)
        expect(
          Buffer.from(piece.replace(/^auth /, '').slice(offset), 'base64')
            .toString()
            .toLowerCase()
        ).not.toContain('a55w')
  })

  it('masks a 5-character password at every offset, and not ordinary text', () => {
    rememberSecret('admin:Qx7#k')
    for (const prefix of ['', 'x', 'xy', 'pwd=', 'Basic '])
      expect(redact(b64(`${prefix}Qx7#k and more`))).toContain('***')
    const ordinary =
      '## ✅ Milvus import completed: 10000 rows in 2 files (data/1.parquet)'
    expect(redact(ordinary)).toBe(ordinary)
  })
})

describe('default credentials', () => {
  it('masks the whole default token but not the word Milvus alone', () => {
    rememberSecret('root:Milvus')
    expect(redact('token root:Milvus sent')).toBe('token *** sent')
    expect(redact('## ✅ Milvus import completed')).toBe(
      '## ✅ Milvus import completed'
    )
    expect(redact(b64('root:Milvus'))).toBe('***')
    expect(redact('ROOT:MILVUS root%3AMilvus')).toBe('*** ***')
    expect(redact('MILVUS milvus')).toBe('MILVUS milvus')
  })

  it('does not mask the word Milvus alone for a password that only differs in case', () => {
    rememberSecret('admin:milvus')
    expect(redact('Milvus import completed for admin:milvus')).toBe(
      'Milvus import completed for ***'
    )
  })

  it('warns about the default token only', () => {
    expect(defaultCredentialsWarning('root:Milvus')).toMatch(
      /default Milvus token/
    )
    expect(defaultCredentialsWarning('root:Milvus')).not.toContain(
      'root:Milvus'
    )
    expect(defaultCredentialsWarning('root:s3cret')).toBeUndefined()
    expect(defaultCredentialsWarning(undefined)).toBeUndefined()
  })
})

describe('redact', () => {
  it('replaces every occurrence, not just the first', () => {
    rememberSecret('s3cr3t')
    expect(redact('s3cr3t/s3cr3ts3cr3t and s3cr3t')).toBe('***/****** and ***')
  })

  it('replaces every remembered secret', () => {
    rememberSecret('first-key')
    rememberSecret('ghp_secondtoken')
    expect(redact('first-key then ghp_secondtoken then first-key')).toBe(
      '*** then *** then ***'
    )
  })

  it('masks the longest secret first, so none is half-masked', () => {
    rememberSecret('pw-123')
    rememberSecret('admin:pw-123-long')
    expect(redact('admin:pw-123-long')).toBe('***')
  })

  it('matches secrets literally, regex characters included', () => {
    rememberSecret('p@$$.w*rd(')
    expect(redact('key=p@$$.w*rd( near p@$$Xw*rd(')).toBe(
      'key=*** near p@$$Xw*rd('
    )
  })

  it('forgets everything when told to', () => {
    rememberSecret('s3cr3t')
    forgetSecrets()
    expect(redact('s3cr3t')).toBe('s3cr3t')
  })
})
