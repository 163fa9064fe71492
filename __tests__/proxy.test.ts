/**
 * The bundled action and CLI behind an HTTP proxy: the endpoint's host name
 * (milvus.internal) resolves only inside the proxy, as on a self-hosted
 * runner in a closed network. HTTP_PROXY must carry the requests there, and
 * NO_PROXY must send them direct.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { startGrpcSimulator } from '../simulator/grpc-server.js'
import { startSimulator, type Simulator } from '../simulator/server.js'
import { errorLines, runAction } from './helpers/action.js'
import { startProxy, type TestProxy } from './helpers/proxy.js'

const JOB = '463071155436633601'
const HOST = 'milvus.internal'
const CLI = path.resolve('dist/cli.js')

let sim: Simulator
let proxy: TestProxy

beforeEach(async () => {
  sim = await startSimulator({
    jobs: [
      {
        jobId: JOB,
        collectionName: 'articles',
        polls: 2,
        files: [{ name: 'data/1.parquet', rows: 12_000 }]
      }
    ]
  })
  proxy = await startProxy([HOST])
})

afterEach(async () => {
  await proxy.close()
  await sim.close()
})

const endpoint = () => `http://${HOST}:${sim.port}`

const inputs = (extra: Record<string, string> = {}) => ({
  'job-id': JOB,
  endpoint: endpoint(),
  'poll-interval': '1s',
  timeout: '20s',
  ...extra
})

/** Runs dist/cli.js with a clean environment plus env. */
function cli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, [CLI, ...args], {
        env: { PATH: process.env.PATH ?? '', ...env },
        stdio: ['ignore', 'pipe', 'pipe']
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
      child.on('error', reject)
      child.on('close', (code) => resolve({ code, stdout, stderr }))
    }
  )
}

describe('behind an HTTP proxy', () => {
  it('the action reaches a host only the proxy knows, through HTTP_PROXY', async () => {
    const run = await runAction(inputs(), {
      env: { HTTP_PROXY: proxy.url }
    })
    expect(errorLines(run)).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      outcome: 'success',
      state: 'Completed',
      importedRows: '12000',
      collectionName: 'articles'
    })
    expect(run.summary).toContain('## ✅ Milvus import completed')
    // Every describe the simulator answered came through the proxy.
    expect(sim.requests.length).toBeGreaterThanOrEqual(2)
    expect(proxy.seen.length).toBeGreaterThanOrEqual(1)
    for (const seen of proxy.seen) {
      expect([
        `${HOST}:${sim.port}`,
        `${endpoint()}/v2/vectordb/jobs/import/describe`
      ]).toContain(seen.target)
    }
  })

  it('the CLI reaches it too, with lower-case http_proxy', async () => {
    const { code, stdout, stderr } = await cli(
      [
        '--endpoint',
        endpoint(),
        '--job-id',
        JOB,
        '--poll-interval',
        '1s',
        '--timeout',
        '20s'
      ],
      { http_proxy: proxy.url }
    )
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toContain('Result      success')
    expect(stdout).toContain('Rows        12,000 / 12,000')
    expect(proxy.seen.length).toBeGreaterThanOrEqual(1)
    expect(proxy.seen[0].target).toContain(`${HOST}:${sim.port}`)
  })

  it('goes direct for a host in NO_PROXY, and says it could not reach it', async () => {
    const run = await runAction(inputs({ 'max-failures': '1' }), {
      env: { HTTP_PROXY: proxy.url, NO_PROXY: `localhost,${HOST}` }
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('error')
    expect(errorLines(run)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::error::.*Could not reach http://${HOST.replace('.', '\\.')}:${sim.port}/v2/vectordb/jobs/import/describe: (ENOTFOUND|EAI_AGAIN)\\b`
        )
      )
    ])
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /)
    expect(proxy.seen).toEqual([])
    expect(sim.requests).toEqual([])
  })
})

describe('gRPC behind an HTTP proxy', () => {
  it('goes direct for a host:port in NO_PROXY, as the REST path does', async () => {
    const grpc = await startGrpcSimulator({
      tasks: [{ task: JOB, outcome: 'completed' }]
    })
    const port = new URL(grpc.address).port
    try {
      const run = await runAction(
        {
          'job-id': JOB,
          endpoint: `grpc://${HOST}:${port}`,
          'api-key': 'alice:Pw0rdSekret77x',
          'poll-interval': '1s',
          timeout: '3s',
          'max-failures': '1'
        },
        {
          env: {
            HTTP_PROXY: proxy.url,
            HTTPS_PROXY: proxy.url,
            grpc_proxy: proxy.url,
            NO_PROXY: `${HOST}:${port}`
          }
        }
      )
      // Direct, the name does not resolve: the token never went to the proxy.
      expect(run.exitCode).toBe(1)
      expect(proxy.seen).toEqual([])
    } finally {
      await grpc.close()
    }
  })
})
