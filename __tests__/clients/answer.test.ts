import { z } from 'zod'
import { readJson, validate } from '../../src/clients/answer.js'
import { ApiError, JobNotFoundError, TransientError } from '../../src/errors.js'

const context = { api: 'Milvus REST v2', jobId: '1' }

describe('readJson', () => {
  const res = (status: number, text: string, headers = {}) => ({
    status,
    text,
    headers
  })

  it('classifies HTTP 401 as an authentication error', () => {
    expect(() =>
      readJson(
        res(401, '{"code":1800,"message":"user hasn\'t authenticated"}'),
        'describe',
        context
      )
    ).toThrow(
      /Authentication failed\. Milvus REST v2 answered code 1800 \(HTTP 401\): user hasn't authenticated\. Check the secret passed to api-key/
    )
  })

  it('classifies HTTP 403 as permission denied', () => {
    expect(() =>
      readJson(
        res(
          403,
          '{"code":65535,"message":"PrivilegeImport: permission deny to test"}'
        ),
        'describe',
        context
      )
    ).toThrow(/Permission denied/)
  })

  it('makes 5xx, 429 and non-JSON bodies transient, with Retry-After', () => {
    let caught: unknown
    try {
      readJson(res(503, 'busy', { 'retry-after': '7' }), 'describe', context)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(TransientError)
    expect((caught as TransientError).retryAfterMs).toBe(7000)
    expect(() => readJson(res(429, ''), 'describe', context)).toThrow(
      /rate limited/
    )
    expect(() =>
      readJson(
        res(200, '<html>502 Bad Gateway</html>', {
          'content-type': 'text/html'
        }),
        'describe',
        context
      )
    ).toThrow(/not JSON \(text\/html/)
    expect(() =>
      readJson(res(200, '{"code":0,"da'), 'describe', context)
    ).toThrow(TransientError)
  })

  it('makes other HTTP statuses permanent', () => {
    expect(() =>
      readJson(res(405, 'method not allowed'), 'describe', context)
    ).toThrow(ApiError)
  })

  it('recognises job not found by message on any status', () => {
    expect(() =>
      readJson(
        res(
          400,
          '{"code":2100,"message":"import job does not exist, jobID=1: importing data failed"}'
        ),
        'describe',
        context
      )
    ).toThrow(JobNotFoundError)
  })
})

describe('readJson on a 4xx with an unknown code', () => {
  it('is permanent: retrying a rejected request cannot help', () => {
    let caught: unknown
    try {
      readJson(
        {
          status: 400,
          text: '{"code":404,"message":"route gone"}',
          headers: {}
        },
        'describe',
        context
      )
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ApiError)
    expect((caught as ApiError).transient).toBe(false)
    expect((caught as Error).message).toContain(
      'answered code 404 (HTTP 400): route gone'
    )
  })
})

describe('validate', () => {
  const Job = z.object({ state: z.string(), progress: z.number() })

  it('says in plain words what is missing or of the wrong kind', () => {
    expect(() => validate(Job, { progress: 1 }, 'describe', 'data')).toThrow(
      'describe returned a body this action cannot read (data.state is missing). Check that endpoint and api point at a supported import API.'
    )
    expect(() =>
      validate(Job, { state: 'Completed', progress: '1' }, 'describe', 'data')
    ).toThrow('(data.progress is a string, not a number)')
    expect(() => validate(Job, [], 'describe')).toThrow(
      '(body is an array, not an object)'
    )
  })
})

describe('readJson names the fix', () => {
  it('for a page that is not JSON', () => {
    expect(() =>
      readJson(
        {
          status: 200,
          text: '<html>Welcome to nginx!</html>',
          headers: { 'content-type': 'text/html' }
        },
        'describe',
        context
      )
    ).toThrow(/check that endpoint and api point at the import API\.$/)
  })

  it('for a 401 with no body, without saying the status twice', () => {
    expect(() =>
      readJson({ status: 401, text: '', headers: {} }, 'describe', context)
    ).toThrow(
      'Authentication failed. Milvus REST v2 answered HTTP 401. Check the secret passed to api-key'
    )
  })
})
