export const id = 236;
export const ids = [236];
export const modules = {

/***/ 4236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createGrpcApi: () => (/* binding */ createGrpcApi)
});

// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/proxy.js
var proxy = __webpack_require__(9783);
// EXTERNAL MODULE: ./node_modules/@grpc/grpc-js/build/src/index.js
var src = __webpack_require__(3033);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/text/escape.ts
var text_escape = __webpack_require__(7388);
// EXTERNAL MODULE: ./src/text/userinfo.ts
var userinfo = __webpack_require__(4028);
;// CONCATENATED MODULE: ./src/clients/grpc-address.ts
/**
 * Where the gRPC client connects: the endpoint input read as the SDK's
 * host:port and a TLS flag. Kept apart from the client because it is plain
 * URL parsing, with no gRPC in it.
 */



// Milvus serves gRPC and REST on one port, so with api: grpc an http(s)://
// endpoint means the same host and port, in plain text or TLS.
const DEFAULT_PORTS = {
    'grpc:': '19530',
    'grpcs:': '443',
    'http:': '19530',
    'https:': '443'
};
/** Splits grpc://host:port into the SDK's host:port and the TLS flag. */
function parseAddress(address) {
    let url;
    try {
        url = new URL(address);
    }
    catch {
        url = new URL('invalid:');
    }
    if (!(url.protocol in DEFAULT_PORTS) || !url.hostname) {
        throw new errors/* InputError */.dz(['endpoint'], `must look like grpc://host:19530 or grpcs://host:443 for the gRPC API (http:// and https:// name the same port) (got "${(0,text_escape/* safeLogText */.Ht)((0,userinfo/* withoutUserinfo */.Q)(address), 200)}").`);
    }
    const port = url.port || DEFAULT_PORTS[url.protocol];
    return {
        hostPort: `${url.hostname}:${port}`,
        tls: url.protocol === 'grpcs:' || url.protocol === 'https:'
    };
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/text/server-text.ts
var server_text = __webpack_require__(9094);
// EXTERNAL MODULE: ./src/clients/codes.ts
var codes = __webpack_require__(7866);
// EXTERNAL MODULE: ./src/clients/states.ts
var states = __webpack_require__(2356);
// EXTERNAL MODULE: ./src/clients/wire.ts
var wire = __webpack_require__(2487);
;// CONCATENATED MODULE: ./src/clients/grpc-jobs.ts
/**
 * The Milvus gRPC import task, read as the action's job model: the task ID a
 * user passes, the GetImportState and ListImportTasks reply shapes, and their
 * mapping to ImportJob and JobListing. Kept apart from the client because it
 * is pure: no gRPC, only the decoded replies.
 */






/** The API's name in every message of the gRPC client. */
const API = 'Milvus gRPC';
const INT64_MAX = 2n ** 63n - 1n;
// The SDK decodes with longs: String and enums: String, so int64 fields are
// decimal strings and enums are names (or numbers the SDK's proto lacks).
// Task IDs are positive int64s; 0 means the server did not say.
const TaskId = schemas/* string */.YjP().regex(/^\d{1,19}$/, 'must be an int64 task ID');
const KeyValue = schemas/* object */.Ikc({ key: schemas/* string */.YjP(), value: server_text/* serverString */.Zv });
// infos is the gRPC answer's map: a key given twice is as ambiguous as a
// repeated JSON key, so the reply is unreadable.
const Infos = schemas/* array */.YOg(KeyValue)
    .refine((list) => new Set(list.map((kv) => kv.key)).size === list.length, 'a key is given twice');
const ImportState = schemas/* object */.Ikc({
    state: schemas/* union */.KCZ([schemas/* string */.YjP().min(1).transform(server_text/* fromServer */.Wj), schemas/* number */.aig().int()]),
    row_count: wire/* rows */.Ge,
    infos: Infos,
    id: TaskId
});
const TaskList = schemas/* object */.Ikc({ tasks: schemas/* array */.YOg(ImportState) });
/** Validates a decoded reply; names the first bad field in one line. */
function parseReply(reply, schema, method) {
    const parsed = schema.safeParse(reply);
    if (parsed.success)
        return parsed.data;
    const issue = parsed.error.issues[0];
    const field = issue.path.length ? issue.path.join('.') : 'reply';
    throw new errors/* MalformedResponseError */.f7(`${API} ${method} returned an unexpected reply (${field}: ${(0,text_escape/* safeLogText */.Ht)(issue.message, 200)}).`);
}
/** Checks that a job ID is a Milvus task ID: a decimal int64. */
function taskId(jobId) {
    const id = jobId.trim();
    if (!/^\d{1,19}$/.test(id) || BigInt(id) > INT64_MAX) {
        throw new errors/* InputError */.dz([], `Job ID "${(0,text_escape/* safeLogText */.Ht)(jobId, 100)}" is not a Milvus import task ID. The gRPC API takes the number bulk_insert returned, such as 463071155436633601.`);
    }
    return id;
}
/** Reads the key/value infos into a plain map. */
function infoMap(infos) {
    return new Map(infos.map((kv) => [kv.key, kv.value]));
}
/** progress_percent as 0-100; absent means 100 once completed, else 0. */
function readProgress(infos, completed, method) {
    const raw = infos.get('progress_percent');
    if (raw === undefined || raw === '')
        return completed ? 100 : 0;
    const value = Number(raw);
    if (!Number.isFinite(value)) {
        throw new errors/* MalformedResponseError */.f7(`${API} ${method} returned an unexpected reply (infos.progress_percent: "${(0,text_escape/* safeLogText */.Ht)(raw, 50)}" is not a number).`);
    }
    return Math.min(100, Math.max(0, Math.round(value)));
}
/** Normalises a GetImportState reply. */
function toJob(jobId, reply) {
    const { state, rawState, status } = (0,states/* grpcState */._n)(reply.state);
    const infos = infoMap(reply.infos);
    const progress = readProgress(infos, status === 'completed', 'GetImportState');
    const reason = infos.get('failed_reason') || undefined;
    // Only servers before 2.4 list the task's files (comma-separated paths).
    const files = (infos.get('files') ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean)
        .map((fileName) => ({ fileName, state, progress }));
    return {
        jobId: jobId.trim(),
        state,
        rawState,
        status,
        progress,
        importedRows: reply.row_count,
        collectionName: infos.get('collection') || undefined,
        reason,
        files
    };
}
/** Normalises ListImportTasks tasks, newest (highest ID) first. */
function toListings(tasks, collectionName) {
    // Milvus 2.4+ answers this RPC without task IDs (id is 0 for every task).
    const withIds = tasks.filter((task) => task.id !== '0');
    if (tasks.length > 0 && withIds.length === 0) {
        throw new errors/* ApiError */.hD(`${API} lists the import jobs of "${(0,text_escape/* safeLogText */.Ht)(collectionName, 200)}" without their IDs (Milvus 2.4 and later do), so the latest job cannot be chosen. Set job-id, or use api: v2 with the Milvus REST endpoint (http://host:19530).`);
    }
    return withIds
        .map((task) => {
        const { state, status } = (0,states/* grpcState */._n)(task.state);
        const infos = infoMap(task.infos);
        return {
            jobId: task.id,
            collectionName: infos.get('collection') || collectionName,
            state,
            status,
            progress: readProgress(infos, status === 'completed', 'ListImportTasks')
        };
    })
        .sort((a, b) => compareIds(b.jobId, a.jobId));
}
/** Orders int64 decimal strings numerically without losing precision. */
function compareIds(a, b) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/clients/grpc-call.ts
/**
 * One unary Milvus gRPC call, made safe for the poller: its deadline, the
 * step's cancel, the common.Status every reply carries, and grpc-js errors,
 * all turned into ActionErrors. Kept apart from the client so the client
 * only says which calls it makes and what it reads from them.
 */







const Status = schemas/* object */.Ikc({
    code: schemas/* number */.aig().int().optional(),
    error_code: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()]).optional(),
    reason: server_text/* serverString */.Zv.optional()
});
const WithStatus = schemas/* object */.Ikc({ status: Status });
/**
 * Runs one unary call with its deadline, cancels it when the step is
 * cancelled, checks the reply's status and turns every failure into an
 * ActionError.
 */
async function call(client, method, request, metadata, jobId, options) {
    const { signal, timeoutMs } = options;
    if (signal?.aborted)
        throw cancelled(method);
    const reply = await new Promise((resolve, reject) => {
        const onAbort = () => pending.cancel();
        const pending = client[method](request, metadata.clone(), { deadline: Date.now() + Math.max(1, timeoutMs) }, (error, value) => {
            signal?.removeEventListener('abort', onAbort);
            if (!error)
                return resolve(value);
            reject(signal?.aborted
                ? cancelled(method)
                : transportError(error, method, timeoutMs));
        });
        signal?.addEventListener('abort', onAbort, { once: true });
    }).catch((error) => {
        // grpc-js throws synchronously when it cannot encode the request.
        if (error instanceof errors/* ActionError */.lZ)
            throw error;
        throw new errors/* ApiError */.hD(`${API} could not send ${method}: ${(0,text_escape/* safeLogText */.Ht)(String(error), 300)}.`);
    });
    checkStatus(reply, method, jobId);
    return reply;
}
function cancelled(method) {
    return new errors/* CancelledError */.cc(`${API} ${method} was cancelled.`);
}
/**
 * Every reply carries a common.Status; a non-zero code means the other
 * fields are defaults, not data. Servers before 2.3 set only error_code.
 */
function checkStatus(reply, method, jobId) {
    const { status } = parseReply(reply, WithStatus, method);
    const code = status.code ?? 0;
    const legacy = status.error_code ?? 'Success';
    const reason = status.reason ?? '';
    if (code !== 0) {
        throw (0,codes/* apiCodeError */.QH)(code, reason, { api: API, jobId });
    }
    if (legacy !== 'Success' && legacy !== 0) {
        // Classified as Milvus's own unclassified code, 65535, but named as sent.
        throw (0,codes/* apiCodeError */.QH)(65535, reason, {
            api: API,
            jobId,
            codeName: `error_code ${(0,text_escape/* safeLogText */.Ht)((0,server_text/* fromServer */.Wj)(String(legacy)), 60)}`
        });
    }
}
/** Maps a grpc-js call error to an ActionError. */
function transportError(error, method, timeoutMs) {
    const details = (0,text_escape/* safeLogText */.Ht)((0,server_text/* fromServer */.Wj)(error.details || error.message), 300);
    switch (error.code) {
        case src/* status */.h5.UNAUTHENTICATED:
            return new errors/* ApiError */.hD(`Authentication failed. ${API} refused ${method} (UNAUTHENTICATED: ${details}). Check the secret passed to api-key: a Milvus token "user:password" or an API key.`, 'UNAUTHENTICATED');
        case src/* status */.h5.PERMISSION_DENIED:
            return new errors/* ApiError */.hD(`Permission denied. ${API} refused ${method} (PERMISSION_DENIED: ${details}). Give the api-key's user the import privilege on this collection and database.`, 'PERMISSION_DENIED');
        case src/* status */.h5.UNIMPLEMENTED:
            return new errors/* ApiError */.hD(`${API} does not serve ${method} at this endpoint (UNIMPLEMENTED: ${details}). Check endpoint, or use api: v2 with the Milvus REST endpoint (http://host:19530).`, 'UNIMPLEMENTED');
        case src/* status */.h5.INVALID_ARGUMENT:
            return new errors/* ApiError */.hD(`${API} rejected ${method} (INVALID_ARGUMENT: ${details}). Check job-id, collection-name and db-name.`, 'INVALID_ARGUMENT');
        case src/* status */.h5.DEADLINE_EXCEEDED:
            return new errors/* TransientError */.N_(`${API} ${method} got no answer within ${formatDuration(timeoutMs)}.`);
        case src/* status */.h5.UNAVAILABLE:
            return new errors/* TransientError */.N_(`Cannot reach ${API} for ${method} (UNAVAILABLE: ${details}). Check endpoint (grpc:// for plain, grpcs:// for TLS) and that Milvus is running.`);
        default:
            return new errors/* TransientError */.N_(`${API} ${method} failed (${src/* status */.h5[error.code] ?? `gRPC code ${error.code}`}: ${details}).`);
    }
}
function formatDuration(ms) {
    return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10}s`;
}

// EXTERNAL MODULE: ./node_modules/@grpc/proto-loader/build/src/index.js
var build_src = __webpack_require__(6081);
// EXTERNAL MODULE: ./node_modules/@zilliz/milvus2-sdk-node/dist/milvus/proto-json/milvus.js
var milvus = __webpack_require__(6375);
;// CONCATENATED MODULE: ./src/clients/milvus-proto.ts
/**
 * The Milvus gRPC service definitions, from the Milvus Node SDK's own
 * precompiled proto JSON, loaded the way the SDK loads them. The client and
 * the local gRPC simulator share this, so both speak exactly the SDK's wire.
 */



// The SDK's loader options (milvus/grpc/GrpcClient.ts LOADER_OPTIONS): int64
// fields decode as decimal strings, enums as names.
const LOADER_OPTIONS = {
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true
};
let loaded;
/** Returns the milvus.proto.milvus package (services by name), loaded once. */
function milvusPackage() {
    if (loaded)
        return loaded;
    // Node hands an ESM importer the CommonJS module.exports ({ default: json });
    // bundlers such as ncc hand over exports.default (the json itself).
    const mod = milvus/* default */.A;
    const json = (mod.nested ? mod : mod.default);
    const root = src/* loadPackageDefinition */.ex((0,build_src/* fromJSON */.rS)(json, LOADER_OPTIONS));
    loaded = root.milvus.proto.milvus;
    return loaded;
}

;// CONCATENATED MODULE: ./src/clients/milvus-grpc.ts
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








// The SDK's channel options (milvus/grpc/BaseClient.ts), minus its retries:
// retrying belongs to the poller alone.
const CHANNEL_OPTIONS = {
    'grpc.max_receive_message_length': -1,
    'grpc.max_send_message_length': -1,
    'grpc.keepalive_time_ms': 10_000,
    'grpc.keepalive_timeout_ms': 5_000,
    'grpc.keepalive_permit_without_calls': 1,
    'grpc.enable_retries': 0
};
let serviceCtor;
/** Builds the MilvusService client class from the SDK's proto JSON, once. */
function milvusService() {
    if (!serviceCtor) {
        serviceCtor = milvusPackage().MilvusService;
    }
    return serviceCtor;
}
/** Creates the gRPC client; it connects on the first call. */
async function createGrpcApi(config) {
    const { hostPort, tls } = parseAddress(config.address);
    const Service = milvusService();
    // grpc-js reads the proxy variables itself but ignores a host:port entry
    // of NO_PROXY; the REST path's rule (http-client's) decides for both.
    const bypass = (0,proxy/* checkBypass */.H)(new URL(`${tls ? 'https' : 'http'}://${hostPort}`));
    const client = new Service(hostPort, tls ? src/* credentials */.z3.createSsl() : src/* credentials */.z3.createInsecure(), bypass
        ? { ...CHANNEL_OPTIONS, 'grpc.enable_http_proxy': 0 }
        : CHANNEL_OPTIONS);
    // The metadata the SDK sends: the token base64-encoded, and the database.
    const metadata = new src/* Metadata */.OS();
    if (config.token) {
        metadata.set('authorization', Buffer.from(config.token, 'utf-8').toString('base64'));
    }
    if (config.dbName)
        metadata.set('dbname', config.dbName);
    const unary = (method, request, jobId, options) => call(client, method, request, metadata, jobId, options);
    return {
        name: API,
        endpointKey: hostPort,
        async getJob(jobId, options) {
            // int64 goes out as a decimal string: protobufjs encodes it exactly,
            // where a JS number would round IDs above 2^53.
            const task = taskId(jobId);
            const reply = await unary('GetImportState', { task }, jobId, options);
            const state = parseReply(reply, ImportState, 'GetImportState');
            if (state.id !== '0')
                (0,wire/* checkEchoedJobId */.z8)(task, state.id, `${API} GetImportState`);
            return toJob(task, state);
        },
        async listJobs(query, options) {
            const collectionName = query.collectionName;
            if (!collectionName) {
                throw new errors/* InputError */.dz([], 'The Milvus gRPC API lists import jobs per collection only. Set collection-name, or set job-id.');
            }
            const request = {
                collection_name: collectionName,
                // 0 asks for every task the server keeps; pre-2.4 servers would
                // otherwise cut the list.
                limit: 0,
                db_name: config.dbName ?? ''
            };
            const reply = await unary('ListImportTasks', request, undefined, options);
            const { tasks } = parseReply(reply, TaskList, 'ListImportTasks');
            return toListings(tasks, collectionName);
        },
        async close() {
            client.close();
        }
    };
}


/***/ })

};

//# sourceMappingURL=236.index.js.map