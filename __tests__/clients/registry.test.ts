import {
  API_CHOICES,
  chooseFlavour,
  createImportApi,
  FLAVOURS
} from '../../src/clients/client.js'
import { parseInputs } from '../../src/inputs.js'

describe('the registry of API flavours', () => {
  it('lists each flavour once, with the api values the input takes', () => {
    expect(FLAVOURS.map((f) => f.name)).toEqual([
      'Milvus gRPC',
      'Zilliz Cloud v1',
      'Zilliz Cloud v2',
      'Milvus REST v2'
    ])
    expect(API_CHOICES).toEqual(['auto', 'v2', 'v1', 'grpc'])
  })

  it.each([
    ['auto', 'https://api.cloud.zilliz.com', {}, 'Zilliz Cloud v2'],
    ['auto', 'https://api.cloud.zilliz.com.cn', {}, 'Zilliz Cloud v2'],
    ['auto', 'http://milvus:19530', {}, 'Milvus REST v2'],
    ['auto', 'http://milvus:19530', { clusterId: 'in03-x' }, 'Zilliz Cloud v2'],
    [
      'auto',
      'http://127.0.0.1:1',
      { projectId: 'p', regionId: 'r' },
      'Zilliz Cloud v2'
    ],
    [
      'auto',
      'https://controller.api.gcp-us-west1.zillizcloud.com',
      {},
      'Zilliz Cloud v1'
    ],
    ['auto', 'grpc://milvus:19530', {}, 'Milvus gRPC'],
    ['auto', 'grpcs://milvus:443', {}, 'Milvus gRPC'],
    ['v1', 'http://127.0.0.1:1', {}, 'Zilliz Cloud v1'],
    ['grpc', 'http://milvus:19530', {}, 'Milvus gRPC'],
    [
      'v2',
      'https://controller.api.gcp-us-west1.zillizcloud.com',
      {},
      'Milvus REST v2'
    ]
  ])('api %s, %s %j → %s', (api, endpoint, inputs, name) => {
    expect(chooseFlavour(api, new URL(endpoint), inputs).name).toBe(name)
  })

  it('builds the chosen client', async () => {
    const config = parseInputs({
      'job-id': 'job-1',
      'project-id': 'proj-1',
      'region-id': 'aws-us-west-2',
      'api-key': 'k'
    })
    expect(config).toMatchObject({
      api: 'v2',
      projectId: 'proj-1',
      regionId: 'aws-us-west-2'
    })
    expect((await createImportApi(config)).name).toBe('Zilliz Cloud v2')
  })
})

describe('the inputs each flavour needs', () => {
  const base = { 'job-id': 'job-1', 'api-key': 'k' }
  it.each([
    [
      {},
      'Input "cluster-id" is required for Zilliz Cloud (api.cloud.zilliz.com): pass your cluster ID, such as in03-xxxxxxxxxxxxxxx, or project-id and region-id for a serverless database.'
    ],
    [
      { 'project-id': 'proj-1' },
      'Input "region-id" is required with project-id'
    ],
    [
      { 'region-id': 'aws-us-west-2' },
      'Input "project-id" is required with region-id'
    ],
    [
      { 'cluster-id': 'in03-x', 'api-key': '' },
      'Input "api-key" is required for Zilliz Cloud'
    ]
  ])('Zilliz Cloud with %j', (inputs, message) => {
    expect(() => parseInputs({ ...base, ...inputs })).toThrow(message)
  })

  it('Zilliz Cloud takes a project and region instead of a cluster', () => {
    expect(() =>
      parseInputs({ ...base, 'project-id': 'p', 'region-id': 'r' })
    ).not.toThrow()
  })

  it('the v1 host needs a cluster ID', () => {
    expect(() =>
      parseInputs({
        ...base,
        endpoint: 'https://controller.api.gcp-us-west1.zillizcloud.com'
      })
    ).toThrow('Input "cluster-id" is required for Zilliz Cloud')
  })

  it('self-hosted Milvus needs neither', () => {
    expect(() =>
      parseInputs({ 'job-id': '1', endpoint: 'http://milvus:19530' })
    ).not.toThrow()
    expect(() =>
      parseInputs({ 'job-id': '1', endpoint: 'grpc://milvus:19530' })
    ).not.toThrow()
  })
})
