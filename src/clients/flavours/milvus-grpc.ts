import type { Flavour } from './flavour.js'

/** The legacy Milvus gRPC bulk insert (GetImportState). */
export const milvusGrpc: Flavour = {
  name: 'Milvus gRPC',
  api: 'grpc',
  detect: (endpoint) => /^grpcs?:$/.test(endpoint.protocol),
  missingInput: () => undefined,
  async create(config) {
    // The gRPC SDK is large; it is loaded (as its own chunk) only here.
    const { createGrpcApi } = await import('../milvus-grpc.js')
    return createGrpcApi({
      address: config.endpoint,
      token: config.apiKey,
      dbName: config.dbName
    })
  }
}
