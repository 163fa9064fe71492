import { forgetSecrets, redact, rememberSecret } from '../src/secrets.js'

afterEach(() => forgetSecrets())

describe('rememberSecret', () => {
  it('remembers a plain API key', () => {
    expect(rememberSecret('sk-live-0042')).toEqual(['sk-live-0042'])
    expect(redact('Bearer sk-live-0042')).toBe('Bearer ***')
  })

  it('masks the password of user:password on its own too', () => {
    expect(rememberSecret('root:Milvus-pw-77')).toEqual([
      'root:Milvus-pw-77',
      'Milvus-pw-77'
    ])
    expect(
      redact(
        'token root:Milvus-pw-77 refused; user root, password Milvus-pw-77'
      )
    ).toBe('token *** refused; user root, password ***')
  })

  it('keeps the password after the first colon whole', () => {
    expect(rememberSecret('admin:pa:ss:word')).toEqual([
      'admin:pa:ss:word',
      'pa:ss:word'
    ])
    expect(redact('pa:ss:word')).toBe('***')
  })

  it('does not split a value that only starts or ends with a colon', () => {
    expect(rememberSecret(':leading')).toEqual([':leading'])
    expect(rememberSecret('trailing:')).toEqual(['trailing:'])
    expect(redact('leading trailing')).toBe('leading trailing')
  })

  it('does not register values shorter than 3 characters', () => {
    expect(rememberSecret('ab')).toEqual([])
    expect(redact('ab cab')).toBe('ab cab')
    // The whole token is long enough; its 2-character password is not.
    expect(rememberSecret('root:pw')).toEqual(['root:pw'])
    expect(redact('root:pw, pw, password')).toBe('***, pw, password')
  })

  it('registers a value of exactly 3 characters', () => {
    expect(rememberSecret('abc')).toEqual(['abc'])
    expect(redact('abc')).toBe('***')
  })

  it('ignores empty and missing values', () => {
    expect(rememberSecret('')).toEqual([])
    expect(rememberSecret(undefined)).toEqual([])
    expect(redact('nothing to hide')).toBe('nothing to hide')
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
