import { parseInputs, resolveApi } from '../src/inputs.js'
import { parseDuration } from '../src/duration.js'

const base = { 'job-id': '463071155436633601', endpoint: 'http://milvus:19530' }

describe('parseInputs', () => {
  it('applies the defaults', () => {
    const config = parseInputs({
      'job-id': '1',
      'cluster-id': 'in03-x',
      'api-key': 'k'
    })
    expect(config).toMatchObject({
      jobIds: ['1'],
      endpoint: 'https://api.cloud.zilliz.com',
      api: 'v2',
      timeoutMs: 3_600_000,
      pollIntervalMs: 10_000,
      failOnTimeout: true,
      summary: true,
      waitFor: 'latest',
      allowPartial: false
    })
  })

  it('splits several job IDs on newlines and commas, dropping blanks and repeats', () => {
    const config = parseInputs({ ...base, 'job-id': ' 1,2\n\n3 , 2\n' })
    expect(config.jobIds).toEqual(['1', '2', '3'])
  })

  it('parses durations', () => {
    const config = parseInputs({
      ...base,
      timeout: '1h30m',
      'poll-interval': '90'
    })
    expect(config.timeoutMs).toBe(5_400_000)
    expect(config.pollIntervalMs).toBe(90_000)
  })

  it.each([
    [{ ...base, 'job-id': '' }, 'Input "job-id" is required'],
    [
      { ...base, timeout: 'soon' },
      'Input "timeout" must be a duration such as 90s, 15m, 2h or 1h30m (got "soon").'
    ],
    [
      { ...base, 'poll-interval': '500ms' },
      'Input "poll-interval" must be at least 1s (got "500ms").'
    ],
    [
      { ...base, timeout: '99999999999999999999h' },
      'Input "timeout" must be at most 840h (35 days, the longest a workflow run lasts) (got "99999999999999999999h").'
    ],
    [
      { ...base, endpoint: 'http://milvus:19530/?db=x' },
      'Input "endpoint" must not have a query or fragment (?…): give the server\'s address only, such as https://api.cloud.zilliz.com.'
    ],
    [
      { ...base, 'fail-on-timeout': 'yes' },
      'Input "fail-on-timeout" must be true or false (got "yes").'
    ],
    [
      { ...base, endpoint: 'milvus:19530/x y' },
      'Input "endpoint" must be a URL'
    ],
    [{ ...base, endpoint: 'ftp://x' }, 'Input "endpoint" must be a URL'],
    [
      { ...base, endpoint: 'http://root:Milvus@h:19530' },
      'must not carry credentials'
    ],
    [
      { ...base, api: 'v3' },
      'Input "api" must be auto, v2, v1 or grpc (got "v3").'
    ],
    [
      { ...base, 'wait-for': 'some' },
      'Input "wait-for" must be latest or all (got "some").'
    ],
    [
      { ...base, 'min-rows': 'many' },
      'Input "min-rows" must be a whole number'
    ],
    [
      { ...base, 'job-id': 'a b' },
      'Input "job-id" has a malformed job ID "a b"'
    ],
    [
      { 'job-id': '1', 'api-key': 'k' },
      'Input "cluster-id" is required for Zilliz Cloud'
    ],
    [
      { 'job-id': '1', 'cluster-id': 'in03' },
      'Input "api-key" is required for Zilliz Cloud'
    ]
  ])('rejects %j with one line', (raw, message) => {
    let thrown = ''
    try {
      parseInputs(raw)
    } catch (error) {
      thrown = (error as Error).message
    }
    expect(thrown).toContain(message)
    expect(thrown).not.toMatch(/\n/)
  })

  it.each([
    ['htp://user:hunter2hunter2@127.0.0.1:1', 'htp://***@127.0.0.1:1'],
    ['ftp://user:hunter2hunter2@milvus/x', 'ftp://***@milvus/x'],
    ['user:hunter2hunter2@milvus:19530', '***@milvus:19530'],
    ['htp:user:hunter2hunter2@milvus', '***@milvus'],
    ['http://user:hunter2hunter2@', 'http://***@'],
    ['htp://user:hun/ter2@hunter2@milvus:1', 'htp://***@milvus:1'],
    ['ftp://milvus:19530/x', 'ftp://milvus:19530/x']
  ])(
    'quotes the malformed endpoint %s without its credentials',
    (endpoint, quoted) => {
      let thrown = ''
      try {
        parseInputs({ ...base, endpoint })
      } catch (error) {
        thrown = (error as Error).message
      }
      expect(thrown).toContain(
        `Input "endpoint" must be a URL such as https://api.cloud.zilliz.com or http://milvus:19530 (got "${quoted}").`
      )
      expect(thrown).not.toMatch(/hunter2|ter2/)
    }
  )

  it('accepts row counts with separators', () => {
    expect(
      parseInputs({ ...base, 'expected-rows': '10,000' }).expectedRows
    ).toBe(10000n)
  })
})

describe('gRPC endpoints', () => {
  it('takes host:port as grpc:// with api: grpc', () => {
    const config = parseInputs({
      ...base,
      api: 'grpc',
      endpoint: 'milvus:19530'
    })
    expect(config.endpoint).toBe('grpc://milvus:19530')
    expect(config.api).toBe('grpc')
  })
})

describe('resolveApi', () => {
  it.each([
    ['https://api.cloud.zilliz.com', 'v2'],
    ['https://api.cloud.zilliz.com.cn', 'v2'],
    ['http://127.0.0.1:19530', 'v2'],
    ['https://controller.api.gcp-us-west1.zillizcloud.com', 'v1'],
    // As the v1 document's title spells the host.
    ['https://controller.gcp-us-west1.zillizcloud.com', 'v1'],
    ['grpc://127.0.0.1:19530', 'grpc'],
    ['grpcs://in03.example.com:443', 'grpc']
  ])('auto picks the API of %s', (endpoint, api) => {
    expect(resolveApi('auto', new URL(endpoint))).toBe(api)
  })
  it('keeps an explicit choice', () => {
    expect(resolveApi('v1', new URL('http://127.0.0.1'))).toBe('v1')
  })
})

describe('parseDuration', () => {
  it.each([
    ['90', 90_000],
    ['90s', 90_000],
    ['15m', 900_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['1m30s', 90_000],
    ['250ms', 250]
  ])('%s → %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })
  it.each(['', 'soon', '1d', '-5s', 'm'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined()
  })
})
