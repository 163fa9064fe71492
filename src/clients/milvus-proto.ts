/**
 * The Milvus gRPC service definitions, from the Milvus Node SDK's own
 * precompiled proto JSON, loaded the way the SDK loads them. The client and
 * the local gRPC simulator share this, so both speak exactly the SDK's wire.
 */
import * as grpc from '@grpc/grpc-js'
import { fromJSON } from '@grpc/proto-loader'
import protoJson from '@zilliz/milvus2-sdk-node/dist/milvus/proto-json/milvus.js'

// The SDK's loader options (milvus/grpc/GrpcClient.ts LOADER_OPTIONS): int64
// fields decode as decimal strings, enums as names.
export const LOADER_OPTIONS = {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true
}

type MilvusPackage = Record<string, grpc.ServiceClientConstructor>
let loaded: MilvusPackage | undefined

/** Returns the milvus.proto.milvus package (services by name), loaded once. */
export function milvusPackage(): MilvusPackage {
  if (loaded) return loaded
  // Node hands an ESM importer the CommonJS module.exports ({ default: json });
  // bundlers such as ncc hand over exports.default (the json itself).
  const mod = protoJson as unknown as { nested?: object; default?: object }
  const json = (mod.nested ? mod : mod.default) as Parameters<
    typeof fromJSON
  >[0]
  const root = grpc.loadPackageDefinition(
    fromJSON(json, LOADER_OPTIONS)
  ) as unknown as { milvus: { proto: { milvus: MilvusPackage } } }
  loaded = root.milvus.proto.milvus
  return loaded
}
