import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { RestV2Api } from '../../src/clients/rest-v2.js'
import { JobNotFoundError, TransientError } from '../../src/errors.js'
import { closeConnections } from '../../src/http/transport.js'

const COMPLETED = JSON.stringify({
  code: 0,
  data: {
    jobId: 'job-1',
    collectionName: 'c',
    fileName: 'a.json',
    state: 'Completed',
    progress: 100,
    completeTime: '2024-04-01T06:17:55Z',
    reason: '',
    totalRows: 10,
    details: []
  }
})

/** A server that routes only the given paths; every other path is gin's 404. */
async function serve(routes: Record<string, () => [number, string]>) {
  const paths: string[] = []
  const server = http.createServer((req, res) => {
    paths.push(req.url ?? '')
    req.resume()
    const route = routes[req.url ?? ''] as (() => [number, string]) | undefined
    const [status, body] = route ? route() : [404, '404 page not found']
    res.writeHead(status, {
      'content-type': route ? 'application/json' : 'text/plain'
    })
    res.end(body)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    paths,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r()))
  }
}

afterEach(() => closeConnections())

describe('RestV2Api progress route', () => {
  it('falls back from /describe to /get_progress to /getProgress on route misses, and keeps the one that answers', async () => {
    const srv = await serve({
      '/v2/vectordb/jobs/import/getProgress': () => [200, COMPLETED]
    })
    const api = new RestV2Api({ endpoint: srv.url, clusterId: 'in03-x' })
    const job = await api.getJob('job-1', { timeoutMs: 2000 })
    await api.getJob('job-1', { timeoutMs: 2000 })
    expect(job).toMatchObject({
      state: 'Completed',
      status: 'completed',
      importedRows: 10n
    })
    expect(srv.paths.map((p) => p.split('/').pop())).toEqual([
      'describe',
      'get_progress',
      'getProgress',
      'getProgress'
    ])
    await srv.close()
  })

  it('does not fall back on an API error sent with HTTP 404', async () => {
    const srv = await serve({
      '/v2/vectordb/jobs/import/describe': () => [
        404,
        '{"code":2100,"message":"import job does not exist, jobID=5: importing data failed"}'
      ]
    })
    const api = new RestV2Api({ endpoint: srv.url })
    await expect(api.getJob('5', { timeoutMs: 2000 })).rejects.toThrow(
      JobNotFoundError
    )
    expect(srv.paths).toHaveLength(1)
    await srv.close()
  })
})

describe('RestV2Api after the route answered', () => {
  it('takes a later 404 page as a passing fault, not a missing route', async () => {
    let calls = 0
    const srv = await serve({
      '/v2/vectordb/jobs/import/describe': () =>
        ++calls === 2
          ? [404, '{"code":404,"message":"Not Found"}']
          : [200, COMPLETED]
    })
    const api = new RestV2Api({ endpoint: srv.url })
    await api.getJob('job-1', { timeoutMs: 2000 })
    await expect(api.getJob('job-1', { timeoutMs: 2000 })).rejects.toThrow(
      TransientError
    )
    await expect(
      api.getJob('job-1', { timeoutMs: 2000 })
    ).resolves.toMatchObject({
      state: 'Completed'
    })
    expect(srv.paths.every((p) => p.endsWith('/describe'))).toBe(true)
    await srv.close()
  })
})

describe('RestV2Api and the echoed job ID', () => {
  const body = (jobId: string) =>
    COMPLETED.replace('"jobId":"job-1"', `"jobId":${jobId}`)

  it.each([
    ['a string with a leading zero', '"01000"'],
    ['a string with a space', '" 1000"'],
    ['an exponent', '1e3'],
    ['a decimal point', '1000.0'],
    ['another number', '1001'],
    ['the same digits as a number', '1000']
  ])('does not trust %s for job 1000', async (_name, written) => {
    const server = await serve({
      '/v2/vectordb/jobs/import/describe': () => [200, body(written)]
    })
    try {
      const error = await new RestV2Api({ endpoint: server.url })
        .getJob('1000', { timeoutMs: 2000 })
        .catch((e: unknown) => e)
      expect((error as Error).message).toMatch(
        /(answered for job .*|the job ID as the number .*) when asked for job "?1000"?.*, so the answer is not trusted/
      )
    } finally {
      await server.close()
    }
  })

  it.each([['the same digits as a string', '"1000"']])(
    'reads %s',
    async (_name, written) => {
      const server = await serve({
        '/v2/vectordb/jobs/import/describe': () => [200, body(written)]
      })
      try {
        const job = await new RestV2Api({ endpoint: server.url }).getJob(
          '1000',
          {
            timeoutMs: 2000
          }
        )
        expect(job.state).toBe('Completed')
      } finally {
        await server.close()
      }
    }
  )
})
