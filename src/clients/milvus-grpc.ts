/**
 * The legacy Milvus gRPC import API (MilvusService GetImportState and
 * ListImportTasks). It speaks through @grpc/grpc-js with the Milvus Node SDK's
 * own precompiled proto definitions and loader options, so requests and
 * replies are exactly what the SDK's MilvusClient sends and returns. The SDK's
 * root module is not used: it also loads the bulk writer (parquetjs, the AWS
 * S3 client), which adds over 6 MB to the bundle and cannot load under jest.
 * The action loads this module only with a dynamic import(), so gRPC stays
 * out of the main bundle; its parts (grpc-address, grpc-call, grpc-jobs) are
 * imported from here alone, so they load with it.
 */
import { checkBypass } from '@actions/http-client/lib/proxy'
import * as grpc from '@grpc/grpc-js'
import { InputError } from '../errors.js'
import type { ImportApi } from './client.js'
import { parseAddress } from './grpc-address.js'
import { call, type MilvusServiceClient } from './grpc-call.js'
import {
  API,
  ImportState,
  TaskList,
  parseReply,
  taskId,
  toJob,
  toListings
} from './grpc-jobs.js'
import { milvusPackage } from './milvus-proto.js'
import type { CallOptions, ImportJob, JobListing, ListQuery } from './job.js'
import { checkEchoedJobId } from './wire.js'

/** Where and how to reach Milvus over gRPC. */
export interface GrpcConfig {
  /** grpc://host:19530, or grpcs://host:443 for TLS. */
  address: string
  /** user:password or an API key. */
  token?: string
  dbName?: string
}

// The SDK's channel options (milvus/grpc/BaseClient.ts), minus its retries:
// retrying belongs to the poller alone.
const CHANNEL_OPTIONS: grpc.ChannelOptions = {
  'grpc.max_receive_message_length': -1,
  'grpc.max_send_message_length': -1,
  'grpc.keepalive_time_ms': 10_000,
  'grpc.keepalive_timeout_ms': 5_000,
  'grpc.keepalive_permit_without_calls': 1,
  'grpc.enable_retries': 0
}

let serviceCtor: grpc.ServiceClientConstructor | undefined

/** Builds the MilvusService client class from the SDK's proto JSON, once. */
function milvusService(): grpc.ServiceClientConstructor {
  if (!serviceCtor) {
    serviceCtor = milvusPackage().MilvusService
  }
  return serviceCtor
}

/** Creates the gRPC client; it connects on the first call. */
export async function createGrpcApi(config: GrpcConfig): Promise<ImportApi> {
  const { hostPort, tls } = parseAddress(config.address)
  const Service = milvusService()
  // grpc-js reads the proxy variables itself but ignores a host:port entry
  // of NO_PROXY; the REST path's rule (http-client's) decides for both.
  const bypass = checkBypass(new URL(`${tls ? 'https' : 'http'}://${hostPort}`))
  const client = new Service(
    hostPort,
    tls ? grpc.credentials.createSsl() : grpc.credentials.createInsecure(),
    bypass
      ? { ...CHANNEL_OPTIONS, 'grpc.enable_http_proxy': 0 }
      : CHANNEL_OPTIONS
  ) as MilvusServiceClient
  // The metadata the SDK sends: the token base64-encoded, and the database.
  const metadata = new grpc.Metadata()
  if (config.token) {
    metadata.set(
      'authorization',
      Buffer.from(config.token, 'utf-8').toString('base64')
    )
  }
  if (config.dbName) metadata.set('dbname', config.dbName)

  const unary = (
    method: string,
    request: object,
    jobId: string | undefined,
    options: CallOptions
  ) => call(client, method, request, metadata, jobId, options)

  return {
    name: API,
    endpointKey: hostPort,

    async getJob(jobId: string, options: CallOptions): Promise<ImportJob> {
      // int64 goes out as a decimal string: protobufjs encodes it exactly,
      // where a JS number would round IDs above 2^53.
      const task = taskId(jobId)
      const reply = await unary('GetImportState', { task }, jobId, options)
      const state = parseReply(reply, ImportState, 'GetImportState')
      if (state.id !== '0')
        checkEchoedJobId(task, state.id, `${API} GetImportState`)
      return toJob(task, state)
    },

    async listJobs(
      query: ListQuery,
      options: CallOptions
    ): Promise<JobListing[]> {
      const collectionName = query.collectionName
      if (!collectionName) {
        throw new InputError(
          [],
          'The Milvus gRPC API lists import jobs per collection only. Set collection-name, or set job-id.'
        )
      }
      const request = {
        collection_name: collectionName,
        // 0 asks for every task the server keeps; pre-2.4 servers would
        // otherwise cut the list.
        limit: 0,
        db_name: config.dbName ?? ''
      }
      const reply = await unary('ListImportTasks', request, undefined, options)
      const { tasks } = parseReply(reply, TaskList, 'ListImportTasks')
      return toListings(tasks, collectionName)
    },

    async close(): Promise<void> {
      client.close()
    }
  }
}
