/**
 * The inputs that start an import: each mistake is one line that names the
 * inputs and the fix, and nothing is sent.
 */
import { forgetSecrets } from '../../src/secrets.js'
import { readStartInputs } from '../../src/start/inputs.js'
import { startSimulator, type Simulator } from '../../simulator/server.js'
import { runAgainst } from '../helpers/in-process.js'
import { MemoryRunner } from '../helpers/memory-runner.js'

let sim: Simulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
  forgetSecrets()
})

const read = (inputs: Record<string, string>) =>
  readStartInputs(new MemoryRunner(inputs))

describe('the start inputs', () => {
  it('reads groups, URLs, keys, options and commit', () => {
    expect(
      read({
        'collection-name': 'c',
        files: ' a/1.parquet \n\n b/id.npy , b/vec.npy\r\nc.csv',
        'partition-name': 'p',
        'import-options': 'timeout = 30m\nsep=;',
        commit: 'gated'
      })
    ).toEqual({
      gated: true,
      create: {
        collectionName: 'c',
        partitionName: 'p',
        files: [['a/1.parquet'], ['b/id.npy', 'b/vec.npy'], ['c.csv']],
        objectUrls: undefined,
        accessKey: undefined,
        secretKey: undefined,
        options: { timeout: '30m', sep: ';', auto_commit: 'false' }
      }
    })
    expect(read({ 'job-id': '1', commit: 'gated' })).toEqual({ gated: true })
    expect(read({})).toEqual({ gated: false })
  })

  it('lets backup imports name folders', () => {
    const config = read({
      'collection-name': 'c',
      files: 'backup/segment-1/',
      'import-options': 'backup=true'
    })
    expect(config.create?.files).toEqual([['backup/segment-1/']])
  })

  it.each([
    {
      name: 'job-id with files',
      inputs: { 'job-id': '1', 'collection-name': 'c', files: 'a.parquet' },
      error:
        'Inputs "job-id" and "files" cannot be used together: job-id waits for a job that exists, files starts a new one. Remove job-id to start the import, or files to wait for the job.'
    },
    {
      name: 'job-id with object-url',
      inputs: { 'job-id': '1', 'object-url': 's3://b/k' },
      error: /^Inputs "job-id" and "object-url" cannot be used together/
    },
    {
      name: 'files with object-url',
      inputs: { files: 'a.parquet', 'object-url': 's3://b/k' },
      error: /^Inputs "files" and "object-url" cannot be used together/
    },
    {
      name: 'no collection-name',
      inputs: { files: 'a.parquet' },
      error:
        'Input "collection-name" is required to start an import with files: name the collection to import into.'
    },
    {
      name: 'a bad commit',
      inputs: { commit: 'yes' },
      error: 'Input "commit" must be auto or gated (got "yes").'
    },
    {
      name: 'a folder in files',
      inputs: { 'collection-name': 'c', files: 'a.parquet\ndata/' },
      error: /^Input "files" line 2: "data\/" is not a \.parquet, \.json/
    },
    {
      name: 'two parquet files on one line',
      inputs: { 'collection-name': 'c', files: 'a.parquet, b.parquet' },
      error: /^Input "files" line 1 holds 2 files: only the \.npy files/
    },
    {
      name: 'an object-url that is no URL',
      inputs: { 'collection-name': 'c', 'object-url': 'bucket/key' },
      error: /^Input "object-url" line 1 must be an object-storage URL/
    },
    {
      name: 'an object-url that carries a key, quoted without it',
      inputs: {
        'collection-name': 'c',
        'object-url': 'ftp://AKIAEXAMPLE:wJalrXUtnFEMI@bucket/key'
      },
      error:
        /^Input "object-url" line 1 must be an object-storage URL .*\(got "ftp:\/\/\*\*\*@bucket\/key"\)\.$/
    },
    {
      name: 'an access-key without its secret-key',
      inputs: {
        'collection-name': 'c',
        'object-url': 's3://b/k',
        'access-key': 'AK'
      },
      error: /^Input "secret-key" is missing/
    },
    {
      name: 'keys with files',
      inputs: {
        'collection-name': 'c',
        files: 'a.parquet',
        'access-key': 'AK',
        'secret-key': 'SK'
      },
      error: /^Inputs "access-key" and "secret-key" go with object-url/
    },
    {
      name: 'a malformed import option',
      inputs: { 'collection-name': 'c', files: 'a.csv', 'import-options': 'x' },
      error:
        'Input "import-options" line 1 must be key=value, such as timeout=30m (got "x").'
    },
    {
      name: 'auto_commit in import-options',
      inputs: {
        'collection-name': 'c',
        files: 'a.csv',
        'import-options': 'auto_commit=false'
      },
      error:
        /^Input "import-options" must not set auto_commit: use commit: gated/
    },
    {
      name: 'partition-name alone',
      inputs: { 'job-id': '1', 'partition-name': 'p' },
      error: /^Input "partition-name" is used only to start an import/
    }
  ] as {
    name: string
    inputs: Record<string, string>
    error: string | RegExp
  }[])('rejects $name', ({ inputs, error }) => {
    expect(() => read(inputs)).toThrow(error)
  })

  it('fails the step with the line, every output and no request', async () => {
    sim = await startSimulator()
    const { runner, result } = await runAgainst(sim, {
      'job-id': '463071155436633601',
      'collection-name': 'c',
      files: 'a.parquet'
    })
    expect(result).toBeUndefined()
    expect(runner.failed).toMatch(
      /^Inputs "job-id" and "files" cannot be used together/
    )
    expect(runner.outputs.outcome).toBe('error')
    expect(sim.requests).toEqual([])
  })

  it('refuses files for Zilliz Cloud and object-url for Milvus before any request', async () => {
    sim = await startSimulator({ flavour: 'zilliz' })
    const cloud = await runAgainst(sim, {
      'collection-name': 'c',
      'cluster-id': 'in03-abc',
      files: 'a.parquet'
    })
    expect(cloud.runner.failed).toMatch(
      /^Input "files" names keys in the bucket/
    )
    const milvus = await runAgainst(sim, {
      'collection-name': 'c',
      'object-url': 's3://b/k.parquet'
    })
    expect(milvus.runner.failed).toMatch(
      /^Input "object-url" is for Zilliz Cloud/
    )
    expect(sim.requests).toEqual([])
  })
})
