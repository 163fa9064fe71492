export const id = 282;
export const ids = [282];
export const modules = {

/***/ 7866:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ checkSuccessMessage),
/* harmony export */   QH: () => (/* binding */ apiCodeError),
/* harmony export */   vp: () => (/* binding */ isSuccessCode)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _text_escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7388);


// Codes documented in the API reference, grouped by the fix they need.
const AUTH_CODES = new Set([1800, 80001, 80002, 21119]);
const CLUSTER_CODES = new Set([80020, 90104, 40021, 40022]);
const REQUEST_CODES = new Set([1801, 1802, 1100, 80000]);
const NOT_FOUND_CODES = new Set([90144]);
// A job ID the server cannot parse. Milvus 2.4, 2.5 and 2.6.0-2.6.18 say so
// with code 2100 ("importing data failed"), 2.6.19+ and 3.0 with 1100; the
// message is the one stable part ("parse job id failed").
const BAD_JOB_ID = /parse job id failed|expected=int64 jobId/i;
// The job is gone: Milvus (code 2100, 2101 from 2.6.19) and Zilliz Cloud.
// Milvus before 2.4 reads a task from etcd and answers ErrIoKeyNotFound (1000),
// "key not found[key=by-dev/meta/importtask/<id>]", for a task it never had.
const NO_SUCH_JOB = /import job does not exist|no jobid record found|key not found\[key=[^\]]*\/importtask\//i;
// "service not ready", "service unavailable", rate limited: worth retrying.
const TRANSIENT_CODES = new Set([1, 2, 1807]);
/**
 * True when an envelope's code means success: 0 on every API, and 200 as
 * Zilliz Cloud v1, Milvus 2.4.0-2.4.2 and the published examples send it.
 * Milvus also uses 200 for "partition not found", so a 200 counts only with
 * data beside it.
 */
function isSuccessCode(code, data) {
    return code === 0 || (code === 200 && data !== undefined && data !== null);
}
// A message that reads as a failure, beside a code that means success.
const FAILURE_WORDS = /\b(?:fail|failed|failure|error|errors|denied|invalid)\b/i;
/**
 * Throws when a success code comes with a message that says the call
 * failed ({"code":0,"message":"import failed"}): one of the two is wrong,
 * so the answer is not trusted.
 */
function checkSuccessMessage(message, what) {
    if (!message || !FAILURE_WORDS.test(message))
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MalformedResponseError */ .f7(`${what} answered with a success code and the message ${JSON.stringify((0,_text_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .safeLogText */ .Ht)(message, 120))}, which says otherwise, so the answer is not trusted. Check the server.`);
}
/**
 * Classifies a non-zero API code (REST or gRPC status) into the error to
 * throw. Codes we do not know are treated as transient, so the poller retries
 * them within its error budget and then fails with this message.
 */
function apiCodeError(code, rawMessage, context, httpStatus) {
    // The fix follows as a new sentence; drop the message's own full stop.
    const message = (0,_text_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .safeLogText */ .Ht)(rawMessage || 'no message', 300).replace(/\.+$/, '');
    // A bare HTTP error (no JSON body) has no code worth quoting.
    const said = code === 0 && httpStatus
        ? `${context.api} answered HTTP ${httpStatus}${rawMessage ? `: ${message}` : ''}`
        : `${context.api} answered ${context.codeName ?? `code ${code}`}${httpStatus && httpStatus !== 200 ? ` (HTTP ${httpStatus})` : ''}: ${message}`;
    if (BAD_JOB_ID.test(rawMessage)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`The job ID ${context.jobId ?? ''} was rejected. ${said}. Check job-id: Milvus job IDs are numbers such as 463071155436633601; a job-... ID belongs to Zilliz Cloud (endpoint https://api.cloud.zilliz.com with cluster-id).`, code, httpStatus);
    }
    if (NOT_FOUND_CODES.has(code) || NO_SUCH_JOB.test(rawMessage)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JobNotFoundError */ .Z7(`Import job ${context.jobId ?? ''} was not found. ${said}. Check job-id, and that endpoint, cluster-id and db-name point at the cluster that ran the import.`, code, httpStatus);
    }
    if (AUTH_CODES.has(code) || httpStatus === 401) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`Authentication failed. ${said}. Check the secret passed to api-key (a Zilliz Cloud API key, or a Milvus token user:password).`, code, httpStatus);
    }
    if (httpStatus === 403) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`Permission denied. ${said}. Give the api-key's user the import privilege on this collection and database.`, code, httpStatus);
    }
    if (CLUSTER_CODES.has(code)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`The cluster was rejected. ${said}. Check cluster-id, and that the API key can access that cluster.`, code, httpStatus);
    }
    if (REQUEST_CODES.has(code)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`The request was rejected. ${said}. Check job-id (Milvus job IDs are numbers; Zilliz Cloud job IDs look like job-...) and the api input.`, code, httpStatus);
    }
    // An unknown code may be worth retrying on HTTP 200, but a 4xx status says
    // the request itself is wrong: retrying cannot help.
    if (httpStatus !== undefined && httpStatus >= 400 && httpStatus < 500) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`${said}.`, code, httpStatus);
    }
    if (TRANSIENT_CODES.has(code)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TransientError */ .N_(`${said}.`);
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TransientError */ .N_(`${said}. If this persists, check the server's logs.`);
}


/***/ }),

/***/ 2356:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _n: () => (/* binding */ grpcState),
/* harmony export */   oT: () => (/* binding */ fileState),
/* harmony export */   un: () => (/* binding */ readState)
/* harmony export */ });
/* unused harmony exports v2JobStatus, v1ListState */
const running = (state) => ({ state, status: 'running' });
const completed = { state: 'Completed', status: 'completed' };
const failed = { state: 'Failed', status: 'failed' };
// Every state word a documented server or SDK sends, whatever the API: the
// documents mix them (a v2 list may say ImportCompleted, a v1 list
// Completed), so one table serves every client.
const STATES = {
    // REST v2 (Milvus and Zilliz Cloud). Milvus collapses its internal states
    // into these; see the API reference, "State mapping".
    Pending: running('Pending'),
    Importing: running('Importing'),
    Committing: running('Committing'),
    // The Zilliz Cloud list page names Importing so (it is Milvus's task word).
    InProgress: running('Importing'),
    Completed: completed,
    Failed: failed,
    // Milvus reports None for an internal state it cannot name: not a success.
    None: { state: 'None', status: 'failed' },
    Uncommitted: { state: 'Uncommitted', status: 'uncommitted' },
    // The gRPC ImportState enum, and the legacy v1 list words.
    ImportPending: running('Pending'),
    ImportRunning: running('Importing'),
    ImportStarted: running('Importing'),
    ImportPersisted: running('Importing'),
    ImportFlushed: running('Importing'),
    ImportCompleted: completed,
    ImportFailed: failed,
    ImportFailedAndCleaned: failed,
    // pymilvus BulkInsertState.state_name.
    Started: running('Importing'),
    Persisted: running('Importing'),
    Flushed: running('Importing'),
    FailedAndCleaned: failed,
    'Failed and cleaned': failed
};
/** The numeric ImportState values, for servers or SDKs that send numbers. */
const STATE_NUMBERS = {
    '0': 'ImportPending',
    '1': 'ImportFailed',
    '2': 'ImportStarted',
    '5': 'ImportPersisted',
    '6': 'ImportCompleted',
    '7': 'ImportFailedAndCleaned',
    '8': 'ImportFlushed'
};
/**
 * Reads a job state from any API (a name or an ImportState number) into the
 * v2 vocabulary. A word no table lists is unknown: polled on, never success.
 */
function readState(raw) {
    // Only the gRPC SDK sends numbers (for enum values its proto lacks); a
    // string "6" from a REST server is no state word.
    const text = String(raw);
    const rawState = typeof raw === 'number' && Object.hasOwn(STATE_NUMBERS, text)
        ? STATE_NUMBERS[text]
        : text;
    // Exact words only: a success must be the documented word, so a
    // "completed" or "COMPLETED" is unknown (polled on with a warning).
    const known = Object.hasOwn(STATES, rawState) ? STATES[rawState] : undefined;
    return known
        ? { ...known, rawState }
        : { state: rawState, rawState, status: 'unknown' };
}
/** Maps a job state of any API to what it means to the poller. */
function v2JobStatus(state) {
    return readState(state).status;
}
/** Maps a gRPC ImportState (name or number) to the v2 vocabulary. */
const grpcState = readState;
/** Maps a legacy v1 list state to the v2 vocabulary. */
const v1ListState = (/* unused pure expression or super */ null && (readState));
/**
 * Names a file's state in the v2 vocabulary when it is a job word
 * (ImportCompleted → Completed); task words such as InProgress stay.
 */
function fileState(raw) {
    if (raw === '' || raw === 'InProgress')
        return raw;
    const read = readState(raw);
    return read.status === 'unknown' ? raw : read.state;
}


/***/ }),

/***/ 2487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CX: () => (/* binding */ listedJobId),
/* harmony export */   Ge: () => (/* binding */ rows),
/* harmony export */   IR: () => (/* binding */ rowsInput),
/* harmony export */   Kx: () => (/* binding */ maybeCount),
/* harmony export */   Lh: () => (/* binding */ Envelope),
/* harmony export */   Zv: () => (/* reexport safe */ _text_server_text_js__WEBPACK_IMPORTED_MODULE_2__.Zv),
/* harmony export */   _L: () => (/* binding */ maybeRows),
/* harmony export */   _g: () => (/* binding */ displayFileName),
/* harmony export */   bi: () => (/* binding */ jobIdField),
/* harmony export */   dT: () => (/* binding */ checkNumericEcho),
/* harmony export */   h_: () => (/* binding */ toRows),
/* harmony export */   sx: () => (/* reexport safe */ _text_server_text_js__WEBPACK_IMPORTED_MODULE_2__.XQ),
/* harmony export */   u2: () => (/* binding */ countInput),
/* harmony export */   uQ: () => (/* binding */ ROWS_ISSUE),
/* harmony export */   z8: () => (/* binding */ checkEchoedJobId)
/* harmony export */ });
/* unused harmony exports count, clampProgress */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9691);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8532);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _job_id_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6108);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4001);
/* harmony import */ var _text_server_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9094);





/**
 * A count the server may send as a number or, with int64-as-string options,
 * as a decimal string. Anything else is a malformed body.
 */
const countInput = zod__WEBPACK_IMPORTED_MODULE_3__/* .union */ .KCZ([
    zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig(),
    zod__WEBPACK_IMPORTED_MODULE_3__/* .bigint */ .oad(),
    zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().regex(/^-?\d+(\.\d+)?$/)
]);
const count = countInput.transform((v) => Number(v));
/** A row count as an exact bigint, or undefined when it is not 0 or more. */
function toRows(v) {
    if (typeof v === 'bigint')
        return v >= 0n ? v : undefined;
    if (typeof v === 'number')
        return Number.isSafeInteger(v) && v >= 0 && !Object.is(v, -0)
            ? BigInt(v)
            : undefined;
    return /^\d+$/.test(v) ? BigInt(v) : undefined;
}
/**
 * A row count: a whole number, 0 or more, kept exact past 2^53 (a number,
 * a bigint from the strict parser, or an int64 decimal string). A negative
 * or fractional count is a malformed body, never summed.
 */
const rowsInput = zod__WEBPACK_IMPORTED_MODULE_3__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_3__/* .bigint */ .oad(), zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()]);
const ROWS_ISSUE = 'must be a whole number of rows, 0 or more';
const rows = rowsInput.transform((v, ctx) => {
    const n = toRows(v);
    if (n !== undefined)
        return n;
    ctx.addIssue({ code: 'custom', message: ROWS_ISSUE });
    return zod__WEBPACK_IMPORTED_MODULE_4__/* .NEVER */ .tm;
});
/** A row count that may be absent or null: null is unknown, never 0. */
const maybeRows = rows
    .nullish()
    .transform((v) => (v === null ? undefined : v));
/** A count that may be absent or null: null is unknown, never 0. */
const maybeCount = count
    .nullish()
    .transform((v) => (v === null ? undefined : v));
/**
 * Server strings, through the trust boundary (secrets masked, workflow
 * commands broken); optionalString reads null as absent.
 */

/**
 * Every REST answer: a code, a message on errors, and the data. Success is
 * code 0 on v2 and 200 on v1; each client checks its own.
 */
const Envelope = zod__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({
    code: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig(),
    message: _text_server_text_js__WEBPACK_IMPORTED_MODULE_2__/* .optionalServerString */ .XQ,
    data: zod__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J().optional()
});
/**
 * A job ID the server may send as a string or (wrongly) as a number; a
 * number past 2^53 arrives as a bigint from the strict parser, so its digits
 * stay exact.
 */
const jobIdField = zod__WEBPACK_IMPORTED_MODULE_3__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().int().nonnegative(), zod__WEBPACK_IMPORTED_MODULE_3__/* .bigint */ .oad().nonnegative()])
    .transform(String);
/**
 * A job ID of a list answer: it must pass the rule of the job-id input (and
 * carry no secret), or the list is unreadable. It is printed and sent back.
 */
const listedJobId = jobIdField.refine((id) => _job_id_js__WEBPACK_IMPORTED_MODULE_5__/* .JOB_ID */ .m.test(id) && (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(id) === id, 'must be a job ID such as 463071155436633601 or job-xxxxxxxx');
// A jobId written as a JSON number, as the text has it.
const NUMERIC_JOB_ID = /"job_?[iI][dD]"\s*:\s*(-?[0-9][0-9.eE+-]*)/g;
/**
 * Throws when a progress answer writes its jobId as a JSON number. Every
 * REST API sends job IDs as strings; a number (1000, 1e3, 1000.0) cannot be
 * compared as the decimal string that was asked for, only as a value, so
 * the answer is not trusted.
 */
function checkNumericEcho(text, asked, what) {
    for (const [, written] of text.matchAll(NUMERIC_JOB_ID)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MalformedResponseError */ .f7(`${what} answered with the job ID as the number ${written.slice(0, 40)} when asked for job "${asked}" (the API sends job IDs as strings), so the answer is not trusted. Check endpoint: a proxy or server may be mixing up answers.`);
    }
}
/**
 * Throws when an answer names another job than the one asked for: an
 * answer for someone else's job is unreadable, never progress. Every
 * documented REST answer names its job, so there a missing jobId is as
 * untrusted as a wrong one (`required`); gRPC may leave its id at 0.
 */
function checkEchoedJobId(asked, echoed, what, required = false) {
    if (echoed === undefined && required) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MalformedResponseError */ .f7(`${what} answered without naming the job (no jobId) when asked for job ${asked}, so the answer is not trusted. Check endpoint: a proxy or server may be mixing up answers.`);
    }
    // Exact strings: "0463…" or " 463…" is another job (and a number is
    // refused before: checkNumericEcho).
    if (echoed === undefined || echoed === asked)
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MalformedResponseError */ .f7(`${what} answered for job ${JSON.stringify((0,_text_server_text_js__WEBPACK_IMPORTED_MODULE_2__/* .fromServer */ .Wj)(echoed).slice(0, 80))} when asked for job ${asked}, so the answer is not trusted. Check endpoint: a proxy or server may be mixing up answers.`);
}
/**
 * Turns Milvus's fileName forms into the paths: "[a/1.parquet]" (since
 * 2.4.5) and `id:4487 paths:"a/1.parquet" ` (2.4.0-2.4.4). Zilliz Cloud
 * sends a plain name, which passes through.
 */
function displayFileName(raw) {
    // Called for every file of every answer: the common forms are read
    // without a regular expression's match objects.
    if (raw.includes('paths:"')) {
        const legacy = [...raw.matchAll(/paths:"((?:[^"\\]|\\.)*)"/g)];
        if (legacy.length)
            return legacy.map((m) => m[1]).join(' ');
    }
    const name = raw.trim();
    return name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : raw;
}
/** Clamps a progress figure into 0-100. */
function clampProgress(value) {
    if (value === undefined || !Number.isFinite(value))
        return 0;
    return Math.min(100, Math.max(0, Math.round(value)));
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N_: () => (/* binding */ TransientError),
/* harmony export */   SF: () => (/* binding */ inputSentence),
/* harmony export */   Z7: () => (/* binding */ JobNotFoundError),
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   f7: () => (/* binding */ MalformedResponseError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   hD: () => (/* binding */ ApiError),
/* harmony export */   lZ: () => (/* binding */ ActionError)
/* harmony export */ });
/**
 * The action's error family. Every expected failure is an ActionError whose
 * message is one line that names the problem and the fix; main.ts turns it
 * into the single ::error:: line.
 */
class ActionError extends Error {
    name = 'ActionError';
    /** True when trying again later may succeed (network faults, 5xx, 429). */
    transient = false;
}
/**
 * A missing or malformed input. It names the inputs apart from the problem,
 * so each front end spells the names its own way (inputSentence). The
 * message is the workflow spelling.
 */
class InputError extends ActionError {
    inputs;
    problem;
    name = 'InputError';
    constructor(
    /** The inputs at fault, by action.yml name; [] when none is to blame. */
    inputs, 
    /** The rest of the sentence, after the names. */
    problem) {
        super(inputSentence(inputs, problem, 'workflow'));
        this.inputs = inputs;
        this.problem = problem;
    }
}
/**
 * Writes `Input "a" <problem>` or `Inputs "a" and "b" <problem>` (workflow),
 * `--a <problem>` or `--a and --b <problem>` (flags). A problem that starts
 * with ":" follows the names without a space.
 */
function inputSentence(inputs, problem, naming) {
    if (inputs.length === 0)
        return problem;
    const names = inputs.map((n) => (naming === 'flags' ? `--${n}` : `"${n}"`));
    const list = names.length === 1
        ? names[0]
        : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
    const subject = naming === 'flags' ? list : `Input${names.length > 1 ? 's' : ''} ${list}`;
    return problem.startsWith(':')
        ? `${subject}${problem}`
        : `${subject} ${problem}`;
}
/** A fault that may pass: network error, time-out, 5xx, 429, non-JSON page. */
class TransientError extends ActionError {
    retryAfterMs;
    name = 'TransientError';
    transient = true;
    constructor(message, 
    /** Milliseconds the server asked us to wait (Retry-After), if any. */
    retryAfterMs, options) {
        super(message, options);
        this.retryAfterMs = retryAfterMs;
    }
}
/** The server answered with an error that retrying will not fix. */
class ApiError extends ActionError {
    code;
    httpStatus;
    name = 'ApiError';
    constructor(message, code, httpStatus) {
        super(message);
        this.code = code;
        this.httpStatus = httpStatus;
    }
}
/** The job ID is unknown to the server. */
class JobNotFoundError extends ApiError {
    name = 'JobNotFoundError';
}
/** The server answered with a body we cannot read. */
class MalformedResponseError extends ActionError {
    name = 'MalformedResponseError';
}
/** The step was cancelled (SIGINT/SIGTERM) while waiting. */
class CancelledError extends ActionError {
    name = 'CancelledError';
}
/** Returns a one-line message for anything thrown, never a stack trace. */
function errorMessage(error) {
    const text = error instanceof Error
        ? error.message || error.name
        : typeof error === 'string'
            ? error
            : 'unknown error';
    return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}


/***/ }),

/***/ 6108:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ JOB_ID)
/* harmony export */ });
/**
 * What a job ID may look like, in the job-id input and in a server's list:
 * Milvus int64 IDs, Zilliz Cloud job-... IDs and v1 UUIDs. A leaf module, so
 * the clients can check IDs without importing the inputs (and the registry).
 * Real IDs are under 64 characters; 128 leaves room and keeps a hostile list
 * from flooding the log with one "ID".
 */
const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;


/***/ }),

/***/ 6282:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

;// CONCATENATED MODULE: ./src/clock.ts
/** The real clock; the only place the poll loop touches timers. */
const realClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve) => {
        if (signal?.aborted || ms <= 0)
            return resolve();
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    })
};

;// CONCATENATED MODULE: ./src/clients/flavours/milvus-grpc.ts
/** The legacy Milvus gRPC bulk insert (GetImportState). */
const milvusGrpc = {
    name: 'Milvus gRPC',
    api: 'grpc',
    detect: (endpoint) => /^grpcs?:$/.test(endpoint.protocol),
    missingInput: () => undefined,
    async create(config) {
        // The gRPC SDK is large; it is loaded (as its own chunk) only here.
        const { createGrpcApi } = await Promise.all(/* import() */[__webpack_require__.e(719), __webpack_require__.e(236)]).then(__webpack_require__.bind(__webpack_require__, 4236));
        return createGrpcApi({
            address: config.endpoint,
            token: config.apiKey,
            dbName: config.dbName
        });
    }
};

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:async_hooks"
var external_node_async_hooks_ = __webpack_require__(6698);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js
var lib = __webpack_require__(2779);
;// CONCATENATED MODULE: ./src/version.ts
/** The action's version, sent in the User-Agent header. */
const VERSION = '1.0.0';
/** The User-Agent every request carries. */
const USER_AGENT = `wait-for-milvus-import/${VERSION} (+https://github.com/acme/wait-for-milvus-import)`;

;// CONCATENATED MODULE: ./src/http/transport.ts





/**
 * Empties an answer's body once it is read. The answer is the value of
 * promises made when its request started; under load V8 may have moved
 * those to its old generation, and what an old object points at outlives
 * every young collection. Left there, each poll's body (156 kB for 1,024
 * files) waits for a full collection, and the heap grows by them between.
 */
function forgetBody(res) {
    res.text = '';
}
// A body past this is not an import-progress answer; refuse to buffer it.
const MAX_BODY_BYTES = 64 * 1024 * 1024;
// Each request's abort signal, handed to node:http by the handler below:
// HttpClient has no per-request options of its own.
const requestSignal = new external_node_async_hooks_.AsyncLocalStorage();
const attachSignal = {
    prepareRequest(options) {
        options.signal = requestSignal.getStore();
    },
    canHandleAuthentication: () => false,
    handleAuthentication: () => Promise.reject(new Error('not supported'))
};
// One keep-alive client per scheme (HttpClient keeps a single agent, so
// http and https cannot share one). It takes HTTP(S)_PROXY and NO_PROXY from
// the environment on every Node version. Retries are ours (retry.ts),
// and a 3xx is an answer to report, not to follow.
const clients = new Map();
function clientFor(protocol) {
    let client = clients.get(protocol);
    if (!client) {
        client = new lib/* HttpClient */.Qq(USER_AGENT, [attachSignal], {
            keepAlive: true,
            maxSockets: 32,
            allowRetries: false,
            allowRedirects: false
        });
        clients.set(protocol, client);
    }
    return client;
}
/** Closes every keep-alive connection so the process can exit at once. */
function closeConnections() {
    for (const client of clients.values())
        client.dispose();
    clients.clear();
}
/** Names the endpoint in messages: scheme, host and path, never a query. */
function describeUrl(url) {
    try {
        const u = new URL(url);
        return `${u.protocol}//${u.host}${u.pathname}`;
    }
    catch {
        return 'the endpoint';
    }
}
/**
 * Sends one request and reads the whole answer. No retries here: socket
 * faults and time-outs become TransientError, an abort CancelledError.
 */
async function send(request) {
    const where = describeUrl(request.url);
    if (request.signal?.aborted)
        throw new errors/* CancelledError */.cc('Cancelled.');
    // One signal ends the exchange: the caller's abort or the time limit.
    const stop = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
        timedOut = true;
        stop.abort();
    }, request.timeoutMs);
    const onAbort = () => stop.abort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const failure = (error) => {
        if (request.signal?.aborted)
            return new errors/* CancelledError */.cc('Cancelled.');
        if (timedOut) {
            return new errors/* TransientError */.N_(`${where} did not answer within ${Math.ceil(request.timeoutMs / 1000)}s.`);
        }
        return unreachable(request.url, error);
    };
    try {
        const client = clientFor(new URL(request.url).protocol);
        const res = await requestSignal
            .run(stop.signal, () => client.request(request.method, request.url, request.body ?? null, request.headers))
            .catch((error) => {
            throw failure(error);
        });
        // The body comes in a box that is emptied here, for the reason told
        // at forgetBody: the promises that carried it must not keep it.
        const body = await readCapped(res.message, where).catch((error) => {
            throw request.signal?.aborted || timedOut ? failure(error) : error;
        });
        const text = body.text;
        body.text = '';
        return {
            status: res.message.statusCode ?? 0,
            headers: res.message.headers,
            text
        };
    }
    finally {
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', onAbort);
    }
}
/** A request that found no server (or no way through the proxy). */
function unreachable(url, error) {
    const { code, message } = error;
    const where = describeUrl(url);
    const proxy = (0,lib/* getProxyUrl */.s_)(url);
    // http-client's proxy tunnel reports every fault as one message.
    const cause = /^tunneling socket/.test(message ?? '')
        ? message.replace(/^.*cause=/, '')
        : (code ?? message);
    const through = proxy ? ` through the proxy ${new URL(proxy).host}` : '';
    return new errors/* TransientError */.N_(`Could not reach ${where}${through}: ${cause}. Check endpoint and that the server is up.`, undefined, { cause: error });
}
/**
 * Reads a body as it arrives, decoded on the way (no second copy in
 * memory), and stops reading once it is past the size cap. The text comes
 * in a box, for send to empty, and the listeners let go of it once it is
 * handed over: they are made when the answer starts, so under load they are
 * old by its end, and hold on to what they point at (see forgetBody).
 */
function readCapped(res, where) {
    return new Promise((resolve, reject) => {
        const decoder = new external_node_string_decoder_.StringDecoder('utf8');
        let text = '';
        let size = 0;
        let done = false;
        const end = (fn) => {
            if (done)
                return;
            done = true;
            fn();
            text = '';
        };
        res.on('data', (chunk) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
                end(() => reject(new errors/* MalformedResponseError */.f7(`${where} sent a body larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB; this is not an import-progress answer. Check endpoint.`)));
                res.destroy();
                return;
            }
            text += decoder.write(chunk);
        });
        res.on('end', () => end(() => resolve({ text: text + decoder.end() })));
        res.on('error', (error) => end(() => reject(new errors/* TransientError */.N_(`${where} broke off its answer: ${error.message}.`, undefined, { cause: error }))));
        // A close before the end that brought no error of its own.
        res.on('close', () => end(() => reject(new errors/* TransientError */.N_(`${where} closed the connection mid-answer.`))));
    });
}

;// CONCATENATED MODULE: ./src/http/parse.ts
/**
 * What any HTTP answer says before its API is known: a status that may pass
 * and when to try again. The import APIs' own bodies and codes are read in
 * clients/answer.ts.
 */

/** Reads Retry-After (seconds or an HTTP date) as milliseconds from now. */
function retryAfterMs(value, now = Date.now()) {
    const text = Array.isArray(value) ? value[0] : value;
    if (!text)
        return undefined;
    if (/^\s*\d+(\.\d+)?\s*$/.test(text))
        return Math.round(Number(text) * 1000);
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** Parses JSON, or returns undefined when the text is not JSON. */
function tryJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/**
 * Throws the TransientError of a status that may pass on its own (5xx,
 * 429), with the wait the server asked for.
 */
function throwIfTransient(res, what) {
    if (res.status === 429 || res.status >= 500) {
        throw new errors/* TransientError */.N_(`${what} answered HTTP ${res.status}${res.status === 429 ? ' (rate limited)' : ''}.`, retryAfterMs(res.headers['retry-after']));
    }
}

// EXTERNAL MODULE: ./node_modules/lossless-json/lib/esm/index.js + 6 modules
var esm = __webpack_require__(875);
;// CONCATENATED MODULE: ./src/http/json.ts

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
/** True when a decimal literal has a fractional part, whatever its value. */
function hasFraction(text) {
    const m = DECIMAL.exec(text);
    if (!m)
        return true;
    const digits = (m[1] ?? '').replace(/0+$/, '').length;
    return digits > Number(m[2] ?? 0);
}
/**
 * Reads a JSON number: an integer as a number while it is exact, else as a
 * bigint; any other number as a double. A fraction that the double rounds to
 * a whole number (9007199254740993.5) reads as NaN, so no schema takes it
 * for an integer.
 */
function parseNumber(text) {
    const n = Number(text);
    if (INTEGER.test(text))
        return Number.isSafeInteger(n) ? n : BigInt(text);
    return Number.isInteger(n) && hasFraction(text) ? Number.NaN : n;
}
/** Index just past the string literal that opens at start. */
function endOfString(text, start) {
    let i = start + 1;
    for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0)
            return text.length;
        let slashes = 0;
        while (text.charCodeAt(quote - 1 - slashes) === 92)
            slashes++;
        if (slashes % 2 === 0)
            return quote + 1;
        i = quote + 1;
    }
}
// Past this many keys an object's keys go into a Set: comparing each new
// key with every earlier one costs keys² steps.
const FEW_KEYS = 16;
/** Whether two escape-free string literals of text hold the same chars. */
function sameLiteral(text, a, b, len) {
    for (let k = 1; k < len - 1; k++)
        if (text.charCodeAt(a + k) !== text.charCodeAt(b + k))
            return false;
    return true;
}
/** Whether the string literal from start to end holds an escape. */
function hasEscape(text, start, end) {
    for (let k = start + 1; k < end - 1; k++)
        if (text.charCodeAt(k) === 92)
            return true;
    return false;
}
/** Index of the first char at or past i that is not JSON whitespace. */
function skipSpace(text, i) {
    let c = text.charCodeAt(i);
    while (c === 32 || c === 10 || c === 13 || c === 9)
        c = text.charCodeAt(++i);
    return i;
}
/**
 * Finds a key that occurs twice in one object of valid JSON text, comparing
 * keys as decoded ("st\u0061te" is state), or returns undefined. Up to
 * FEW_KEYS escape-free keys are compared in place, so a common answer is
 * scanned without a substring or a Set per object.
 */
function firstDuplicateKey(text) {
    // Per open container: -1 for an array, else where its keys start in spans.
    const open = [];
    // Start and end of each key literal of the open objects.
    const spans = [];
    // The decoded keys of an open object, by depth, once it needs a Set.
    let sets;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 123 || c === 91)
            open.push(c === 123 ? spans.length : -1);
        else if (c === 125 || c === 93) {
            const from = open.pop() ?? -1;
            if (from >= 0)
                spans.length = from;
            sets?.delete(open.length);
        }
        else if (c === 34) {
            const end = endOfString(text, i);
            const start = i;
            i = end - 1;
            const from = open.at(-1) ?? -1;
            if (from < 0 || text.charCodeAt(skipSpace(text, end)) !== 58)
                continue;
            const depth = open.length - 1;
            const escaped = hasEscape(text, start, end);
            let keys = sets?.get(depth);
            if (!keys && (escaped || spans.length - from >= 2 * FEW_KEYS)) {
                keys = new Set();
                for (let k = from; k < spans.length; k += 2)
                    keys.add(text.slice(spans[k] + 1, spans[k + 1] - 1));
                spans.length = from;
                (sets ??= new Map()).set(depth, keys);
            }
            if (keys) {
                const key = escaped
                    ? JSON.parse(text.slice(start, end))
                    : text.slice(start + 1, end - 1);
                if (keys.has(key))
                    return key;
                keys.add(key);
                continue;
            }
            const len = end - start;
            for (let k = from; k < spans.length; k += 2)
                if (spans[k + 1] - spans[k] === len &&
                    sameLiteral(text, spans[k], start, len))
                    return text.slice(start + 1, end - 1);
            spans.push(start, end);
        }
    }
    return undefined;
}
// A number token that JSON.parse might not read exactly: 16 or more digits
// (and dots), or an exponent. Text inside strings may match too; that only
// costs the slower parser.
const INEXACT = /[:,[]\s*-?(?:\d[\d.]{15,}|\d[\d.]*[eE])/;
/** Parses JSON text, numbers exactly (see parseNumber), keys not checked. */
function parseExact(text) {
    // JSON.parse reads every number of up to 15 digits exactly, and is ten
    // times faster than the lossless parser; that one is needed only past it.
    if (!INEXACT.test(text))
        return JSON.parse(text);
    return (0,esm/* parse */.qg)(text, null, {
        parseNumber,
        onDuplicateKey: ({ key }) => {
            throw new DuplicateKey(key);
        }
    });
}
/** Parses an answer strictly; says which key repeats when one does. */
function readServerJson(text) {
    let value;
    try {
        value = parseExact(text);
    }
    catch (error) {
        if (error instanceof DuplicateKey)
            return { ok: false, duplicate: error.key };
        return { ok: false };
    }
    const duplicate = firstDuplicateKey(text);
    return duplicate === undefined
        ? { ok: true, value }
        : { ok: false, duplicate };
}
class DuplicateKey extends Error {
    key;
    constructor(key) {
        super(`duplicate key ${key}`);
        this.key = key;
    }
}
/** JSON text of a value whose bigints are written as exact integers. */
function exactJson(value) {
    return (0,esm/* stringify */.As)(value) ?? 'null';
}

// EXTERNAL MODULE: ./src/text/escape.ts
var text_escape = __webpack_require__(7388);
// EXTERNAL MODULE: ./src/text/server-text.ts
var server_text = __webpack_require__(9094);
// EXTERNAL MODULE: ./src/clients/codes.ts
var codes = __webpack_require__(7866);
;// CONCATENATED MODULE: ./src/clients/answer.ts






/** Describes the first zod issue as "data.state: expected string". */
function describeIssue(error, root, body) {
    const issue = error.issues[0];
    if (!issue)
        return 'unexpected body';
    const parts = [root, ...issue.path.map(String)].filter(Boolean);
    const where = parts.length ? parts.join('.') : 'body';
    // Say what was found in plain words, not in the validator's.
    if (issue.code === 'invalid_type') {
        const value = valueAt(body, issue.path);
        return value === undefined
            ? `${where} is missing`
            : `${where} is ${kindOf(value)}, not ${article(issue.expected)}`;
    }
    return `${where}: ${issue.message}`;
}
/** The value at a path of a parsed body, or undefined. */
function valueAt(body, path) {
    let value = body;
    for (const key of path) {
        if (value === null || typeof value !== 'object')
            return undefined;
        value = value[key];
    }
    return value;
}
const article = (kind) => /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
function kindOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return article(typeof value);
}
/** Validates a parsed body with a zod schema, or throws a one-line error. */
function validate(schema, body, what, 
/** Where in the body this part sits, such as "data". */
root) {
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
        throw new errors/* MalformedResponseError */.f7(`${what} returned a body this action cannot read (${describeIssue(parsed.error, root, body)}). Check that endpoint and api point at a supported import API.`);
    }
    return parsed.data;
}
/** The code and message of an error body, the message through the boundary. */
function codedOf(body) {
    if (!body || typeof body !== 'object' || !('code' in body))
        return undefined;
    const { code, message } = body;
    return {
        code,
        message: typeof message === 'string' ? (0,server_text/* fromServer */.Wj)(message) : undefined
    };
}
/**
 * Turns an HTTP answer that is not a usable 200 into the error to throw,
 * or returns the parsed JSON body. Faults that may pass (5xx, 429, a proxy's
 * HTML page, a cut-off body) become TransientError. A 200 body with a
 * repeated key is ambiguous, so unreadable.
 */
function readJson(res, what, context) {
    const parsed = readServerJson(res.text);
    const body = parsed.ok ? parsed.value : undefined;
    const coded = codedOf(body);
    if (res.status === 401 || res.status === 403) {
        throw (0,codes/* apiCodeError */.QH)(typeof coded?.code === 'number' ? coded.code : 0, coded?.message ?? '', context, res.status);
    }
    throwIfTransient(res, what);
    if (res.status !== 200) {
        if (typeof coded?.code === 'number' && coded.code !== 0) {
            const error = (0,codes/* apiCodeError */.QH)(coded.code, coded.message ?? '', context, res.status);
            // apiCodeError makes an unknown code on a 4xx permanent itself.
            throw error;
        }
        throw new errors/* ApiError */.hD(`${what} answered HTTP ${res.status}. Check endpoint and api: this URL does not serve that import API.`, undefined, res.status);
    }
    if (!parsed.ok && parsed.duplicate !== undefined) {
        throw new errors/* MalformedResponseError */.f7(`${what} returned a body with the key "${(0,text_escape/* safeLogText */.Ht)((0,server_text/* fromServer */.Wj)(parsed.duplicate), 40)}" twice, so its answer is ambiguous and this action does not trust it. Check endpoint: a proxy or server may be tampering with the answers.`);
    }
    if (!parsed.ok) {
        const type = String(res.headers['content-type'] ?? 'no content type');
        throw new errors/* TransientError */.N_(`${what} answered with a body that is not JSON (${(0,text_escape/* safeLogText */.Ht)(type.split(';')[0], 60)}, ${res.text.length} bytes), such as a proxy's error page or a cut-off answer. If this persists, check that endpoint and api point at the import API.`);
    }
    return body;
}
/** Returns the error for a body whose code is not the success code. */
function codeError(body, context, status = 200) {
    return (0,codes/* apiCodeError */.QH)(body.code, body.message ?? '', context, status);
}

// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
;// CONCATENATED MODULE: ./src/clients/create-errors.ts
/**
 * The errors of create, each with the fix a user needs: collection not
 * found, a bad file path, a format error, missing keys, too many jobs.
 * Matched on the documented codes of Milvus and Zilliz Cloud, or on their
 * messages (see the create/commit/abort reference, sections 1.5 and 4.3).
 */



// The fix for each kind of create error, matched on code or message.
const CREATE_FIXES = [
    {
        codes: [100, 47005],
        text: /collection not (found|exist)|collection.*not exists/i,
        fix: 'Check collection-name (and db-name or cluster-id): the collection must exist before the import starts.'
    },
    {
        codes: [200],
        text: /partition not found|partition name|partition key/i,
        fix: 'Check partition-name: it must exist, and must be empty for a collection with a partition key.'
    },
    {
        codes: [83001],
        text: /getObjectMeta|access denied|access ?key|secret ?key|credential/i,
        fix: 'Check access-key and secret-key: they must be able to read every object-url.'
    },
    {
        codes: [10003, 47053, 83004, 90142, 90145],
        text: /objecturl|checkFiles|across clouds|import request is empty|no import content|no such key|does not exist/i,
        fix: 'Check files or object-url: each line names a file (or, for object-url, a folder) that exists, such as s3://bucket/data/1.parquet on Zilliz Cloud or data/1.parquet in the Milvus bucket.'
    },
    {
        codes: [47035, 47036],
        text: /file type|accepts only one file|inconsistency in file types|no file for field|number of objects/i,
        fix: 'Check the file format: one .parquet, .json, .jsonl or .csv file per line of files, or the .npy files of one batch (one per field) on one line, separated by commas.'
    },
    {
        codes: [1801],
        text: /auto_commit|options|timeout|json format/i,
        fix: 'Check import-options: key=value lines with string values, such as timeout=30m; auto_commit is set by commit: gated.'
    },
    {
        codes: [2101, 47039, 47055],
        text: /reached the limit|currently importing|multiple imports/i,
        fix: 'Wait for the running imports of the cluster to finish, then run the step again.'
    },
    {
        codes: [1802],
        text: /missing required parameters/i,
        fix: 'Check collection-name and files (or object-url).'
    }
];
/** The one-line error for a create the server refused, with its fix. */
function createError(api, code, rawMessage, httpStatus) {
    const known = CREATE_FIXES.find((f) => f.codes.includes(code) || f.text.test(rawMessage));
    // Credentials, permissions and cluster errors read as they do on a poll.
    const polled = known
        ? undefined
        : (0,codes/* apiCodeError */.QH)(code, rawMessage, { api }, httpStatus);
    if (polled && !polled.transient)
        return new errors/* ApiError */.hD(polled.message, code, httpStatus);
    const message = (0,text_escape/* safeLogText */.Ht)(rawMessage || 'no message', 300).replace(/\.+$/, '');
    const fix = known?.fix ??
        'Check collection-name, files or object-url, partition-name and import-options; the server log may say more.';
    return new errors/* ApiError */.hD(`${api} refused to create the import job (code ${code}: ${message}). ${fix}`, code, httpStatus);
}

// EXTERNAL MODULE: ./src/clients/wire.ts
var wire = __webpack_require__(2487);
;// CONCATENATED MODULE: ./src/clients/import-control.ts
/**
 * The calls that start and finish an import on the v2 REST API (Milvus and
 * Zilliz Cloud): create, commit and abort, and the probe for two-phase
 * support. Create is not idempotent, so its errors say whether the request
 * may have reached the server; commit and abort are safe to repeat.
 */










/**
 * The create request went out, but its answer was lost or unreadable: a job
 * may exist. Never retried; the caller looks for the job with list.
 */
class LostAnswerError extends errors/* ActionError */.lZ {
    name = 'LostAnswerError';
}
// Socket faults that happen before a byte is sent: retrying cannot create
// a second job.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
/** True when a transport error proves the request never left this host. */
function neverSent(error) {
    for (let e = error, depth = 0; e && depth < 5; depth++) {
        const code = e.code;
        if (typeof code === 'string' && NOT_SENT.has(code))
            return true;
        e = e.cause;
    }
    return false;
}
// A job ID is used in later requests and printed: same rule as job-id.
const SafeJobId = wire/* jobIdField */.bi.pipe(schemas/* string */.YjP().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/));
// Current servers send an object; some documentation shows an array.
const CreateData = schemas/* union */.KCZ([
    schemas/* looseObject */._H3({ jobId: SafeJobId }),
    schemas/* array */.YOg(schemas/* looseObject */._H3({
        jobId: SafeJobId.optional(),
        jobID: SafeJobId.optional()
    }))
        .length(1)
        .transform((a, ctx) => {
        const jobId = a[0].jobId ?? a[0].jobID;
        if (jobId === undefined) {
            ctx.addIssue({ code: 'custom', message: 'no jobId' });
            return core/* NEVER */.tm;
        }
        return { jobId };
    })
]);
/** Where a job lives on Zilliz Cloud: a cluster, or project and region. */
function zillizTarget(scope) {
    const { clusterId, projectId, regionId } = scope;
    return {
        ...(clusterId ? { clusterId } : {}),
        ...(projectId ? { projectId } : {}),
        ...(regionId ? { regionId } : {})
    };
}
/** The create, commit, abort and probe calls of one v2 server. */
class ImportControl {
    post;
    api;
    scope;
    constructor(post, api, scope) {
        this.post = post;
        this.api = api;
        this.scope = scope;
    }
    target() {
        return zillizTarget(this.scope);
    }
    /**
     * Creates a job and returns its ID. Throws TransientError only when the
     * request provably did not reach the server (safe to retry), and
     * LostAnswerError when a job may have been created.
     */
    async create(request, options) {
        const what = `${this.api} /create`;
        const body = {
            collectionName: request.collectionName,
            ...this.target()
        };
        if (this.scope.dbName)
            body.dbName = this.scope.dbName;
        if (request.partitionName)
            body.partitionName = request.partitionName;
        if (request.files)
            body.files = request.files;
        if (request.objectUrls) {
            body.objectUrls = request.objectUrls;
            body.accessKey = request.accessKey ?? '';
            body.secretKey = request.secretKey ?? '';
        }
        if (request.options && Object.keys(request.options).length)
            body.options = request.options;
        let res;
        try {
            res = await this.post('create', body, options);
        }
        catch (error) {
            if (neverSent(error))
                throw error;
            const why = error instanceof errors/* CancelledError */.cc
                ? 'the step was cancelled while it was on its way'
                : error.message.replace(/\.$/, '');
            throw new LostAnswerError(`${what} got no answer (${why}).`);
        }
        if (res.status === 429 || res.status === 503) {
            // An explicit refusal: the server did not take the job.
            throw new errors/* TransientError */.N_(`${what} answered HTTP ${res.status}.`, retryAfterMs(res.headers['retry-after']));
        }
        if (isRouteMiss(res)) {
            throw new errors/* ApiError */.hD(`${what} answered HTTP 404: this server cannot start imports over REST (Milvus before 2.4 has no /v2/vectordb/jobs/import/create). Upgrade Milvus to 2.4 or later, check endpoint, or start the import with pymilvus and pass job-id.`, undefined, 404);
        }
        // Credentials and permissions: refused before anything was made.
        if (res.status === 401 || res.status === 403)
            readJson(res, what, { api: this.api });
        // Strict, as every answer that decides something: a repeated jobId
        // names two jobs, and neither is taken.
        const read = readServerJson(res.text);
        const envelope = wire/* Envelope */.Lh.safeParse(read.ok ? read.value : undefined);
        if (res.status !== 200 || !envelope.success) {
            // A coded refusal made no job; anything else (a 500, a proxy's page,
            // a cut-off body) may have come after the job was made.
            if (envelope.success && envelope.data.code !== 0)
                throw createError(this.api, envelope.data.code, envelope.data.message ?? '', res.status);
            throw new LostAnswerError(`${what} answered HTTP ${res.status} with ${envelope.success ? 'no job ID' : 'a body this action cannot read'}.`);
        }
        const { code, message, data } = envelope.data;
        // Milvus 2.4.0-2.4.1 sent code 200 on success.
        if (code !== 0 && code !== 200) {
            throw createError(this.api, code, message ?? '', res.status);
        }
        const parsed = CreateData.safeParse(data);
        if (!parsed.success) {
            throw new LostAnswerError(`${what} succeeded without a readable job ID.`);
        }
        return parsed.data.jobId;
    }
    /** Commits or aborts a job; retried like a poll, as both are idempotent. */
    async decide(action, jobId, options) {
        const what = `${this.api} /${action}`;
        const res = await this.post(action, this.jobBody(jobId), options);
        if (isRouteMiss(res)) {
            throw new errors/* ApiError */.hD(`${what} answered HTTP 404: this server has no two-phase imports (Milvus 3.0 or later has them).`, undefined, 404);
        }
        const body = validate(wire/* Envelope */.Lh, readJson(res, what, { api: this.api, jobId }), what);
        // As for every answer: 200 is a success only with data beside it
        // (Milvus sends 200 for "partition not found" too).
        if ((0,codes/* isSuccessCode */.vp)(body.code, body.data)) {
            (0,codes/* checkSuccessMessage */.J)(body.message, what);
            return;
        }
        const error = (0,codes/* apiCodeError */.QH)(body.code, body.message ?? '', { api: this.api, jobId }, res.status);
        // Import errors (wrong state, unknown job) are answers, not faults.
        if (error.transient && ![1, 2, 1807].includes(body.code)) {
            throw new errors/* ApiError */.hD(`${this.api} refused to ${action} import job ${jobId} (code ${body.code}: ${(0,text_escape/* safeLogText */.Ht)(body.message ?? 'no message', 300).replace(/\.+$/, '')}).`, body.code, res.status);
        }
        throw error;
    }
    /**
     * Asks whether the server has /commit, without touching a job: a job ID
     * that is not a number is refused (Milvus 3.0: code 1100), while a server
     * without two-phase imports has no route at all (HTTP 404).
     */
    async supportsTwoPhase(options) {
        const what = `${this.api} /commit`;
        const res = await this.post('commit', this.jobBody('x'), options);
        if (isRouteMiss(res))
            return false;
        const body = readJson(res, what, { api: this.api });
        if (!wire/* Envelope */.Lh.safeParse(body).success) {
            throw new errors/* MalformedResponseError */.f7(`${what} answered the two-phase probe with a body this action cannot read. Check endpoint.`);
        }
        return true;
    }
    jobBody(jobId) {
        return { jobId, ...this.target() };
    }
}

;// CONCATENATED MODULE: ./src/clients/progress.ts

/** What a progress figure may arrive as: a number or a decimal string. */
const progressInput = schemas/* union */.KCZ([
    schemas/* number */.aig(),
    schemas/* string */.YjP().regex(/^\s*\d+(\.\d+)?\s*$/)
]);
/** A progress figure read: null, absent or not finite is unknown. */
function toProgress(v) {
    return v === null || v === undefined || !Number.isFinite(Number(v))
        ? undefined
        : Number(v);
}
/** A progress field: a number, a decimal string, or null (unknown). */
const progressField = progressInput.nullish().transform(toProgress);
/**
 * Decides the scale of one body from all its figures (the job's and its
 * files'): a figure above 1 means 0-100; one strictly between 0 and 1, or
 * exactly 1 on an entry that is Completed or has every row imported, means
 * 0-1. A body of only 0s and 1s says nothing, so the job keeps the scale it
 * showed before, else `fallback`.
 */
function bodyScale(figures, fallback) {
    let fraction = false;
    for (const { value, completed, allRows } of figures) {
        if (value === undefined)
            continue;
        if (value > 1)
            return 'percent';
        if ((value > 0 && value < 1) || (value === 1 && (completed || allRows)))
            fraction = true;
    }
    return fraction ? 'fraction' : fallback;
}
/** A figure as 0-100 on the given scale; a Completed entry is always 100. */
function toPercent(value, scale, completed = false) {
    if (completed)
        return 100;
    if (value === undefined)
        return undefined;
    const percent = scale === 'fraction' ? value * 100 : value;
    return Math.min(100, Math.max(0, Math.round(percent)));
}
/**
 * Remembers the scale each job showed, so a later body of only 0s and 1s is
 * read the same way (0.5 then 1 is 50 % then 100 %, not 1 %).
 */
class ScaleMemory {
    fallback;
    seen = new Map();
    constructor(fallback) {
        this.fallback = fallback;
    }
    /** Decides a body's scale for a job and remembers a decided one. */
    decide(jobId, figures) {
        const before = this.seen.get(jobId) ?? this.fallback;
        const scale = bodyScale(figures, before);
        // Only evidence is remembered; a fallback stays a fallback.
        if (bodyScale(figures, 'percent') !== bodyScale(figures, 'fraction'))
            return scale;
        this.seen.set(jobId, scale);
        return scale;
    }
}

// EXTERNAL MODULE: ./src/clients/states.ts
var states = __webpack_require__(2356);
;// CONCATENATED MODULE: ./src/clients/list-page.ts




/** A paging figure: a number or a decimal string; null reads as absent. */
const pagingNumber = schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP().regex(/^\s*\d+\s*$/)])
    .nullish()
    .transform((v) => (v === null || v === undefined ? undefined : Number(v)));
const ListRecord = schemas/* looseObject */._H3({
    // Printed and polled: it must pass the job-id input's rule.
    jobId: wire/* listedJobId */.CX,
    collectionName: wire/* optionalString */.sx,
    // A word: the gRPC enum's numbers are no REST API's answer.
    state: wire/* serverString */.Zv,
    // Optional: the Zilliz Cloud and v1 lists leave it out.
    progress: progressField,
    createTime: wire/* optionalString */.sx
});
/**
 * One page of any list API. The documents show the jobs under "records"
 * (Milvus, Zilliz Cloud v2, the v1 schema) and under "tasks" (the v1 example,
 * and a pymilvus example of a v2 call), with or without count, currentPage
 * and pageSize: every API accepts both.
 */
const ListPage = schemas/* looseObject */._H3({
    records: schemas/* array */.YOg(ListRecord).nullish(),
    tasks: schemas/* array */.YOg(ListRecord).nullish(),
    count: pagingNumber,
    pageSize: pagingNumber,
    currentPage: pagingNumber
})
    // Two lists in one answer may disagree, and either could be the truth.
    .refine((p) => !(p.records && p.tasks), {
    message: 'holds both records and tasks, which may disagree',
    path: ['tasks']
});
/** The jobs of a page: records or tasks, never both (that is ambiguous). */
function pageRecords(page) {
    return page.records ?? page.tasks ?? [];
}
/** The jobs of one page, states read from any API's words. */
function pageListings(page) {
    const records = pageRecords(page);
    return records.map((r) => {
        const { state, status } = (0,states/* readState */.un)(r.state);
        // A list record has one figure: a Completed one is 100 whatever its
        // scale, and a fraction shows itself as one (0 < p < 1).
        const fraction = r.progress !== undefined && r.progress > 0 && r.progress < 1;
        return {
            jobId: r.jobId,
            collectionName: r.collectionName,
            state,
            status,
            progress: toPercent(r.progress, fraction ? 'fraction' : 'percent', status === 'completed'),
            createTime: r.createTime
        };
    });
}
/**
 * True when a list has another page to ask for: the server pages (it says
 * count and pageSize, and echoes the page asked for) and this page was not
 * the last. Milvus ignores paging and sends every job at once.
 */
function hasNextPage(page, pageNo, requestedSize) {
    const listed = pageRecords(page).length;
    if (listed === 0 || page.count === undefined)
        return false;
    if (page.currentPage !== undefined && page.currentPage !== pageNo)
        return false;
    return pageNo * (page.pageSize || requestedSize) < page.count;
}
/** Adds a page's jobs to those found, skipping IDs already listed. */
function addListings(found, more) {
    const seen = new Set(found.map((j) => j.jobId));
    let added = 0;
    for (const job of more) {
        if (seen.has(job.jobId))
            continue;
        seen.add(job.jobId);
        found.push(job);
        added += 1;
    }
    return added;
}
/**
 * Adds a page's new jobs to those found; true when there is another page to
 * ask for. A page that adds nothing new ends the list too (a server that
 * ignores paging sends the same jobs again).
 */
function takePage(found, page, pageNo, requestedSize) {
    const added = addListings(found, pageListings(page));
    return added > 0 && hasNextPage(page, pageNo, requestedSize);
}

;// CONCATENATED MODULE: ./src/clients/file-entries.ts





/**
 * The file entries of a v2 describe answer; a job has up to 1,024 of them
 * (Milvus' maxFilesPerImportReq), read on every poll. Both shapes: Zilliz
 * Cloud may lack importedRows; Milvus sorts keys and leaves reason out when
 * empty. The fields are checked for their types only, and one transform per
 * entry reads them (server strings through fromServer, rows exact): a
 * transform per field costs zod a pipe and a closure each, five times the
 * memory of the entry itself. Unknown keys are dropped.
 */
const file_entries_text = schemas/* string */.YjP().nullish();
const Detail = schemas/* object */.Ikc({
    fileName: file_entries_text,
    fileSize: wire/* countInput */.u2.nullish(),
    state: file_entries_text,
    progress: progressInput.nullish(),
    importedRows: wire/* rowsInput */.IR.nullish(),
    totalRows: wire/* rowsInput */.IR.nullish(),
    reason: file_entries_text,
    errorMessage: file_entries_text,
    failedReason: file_entries_text,
    completeTime: file_entries_text
})
    .transform((d, ctx) => {
    const rowsOf = (key) => {
        const v = d[key];
        if (v === null || v === undefined)
            return undefined;
        const n = (0,wire/* toRows */.h_)(v);
        if (n === undefined)
            ctx.addIssue({ code: 'custom', message: wire/* ROWS_ISSUE */.uQ, path: [key] });
        return n;
    };
    const importedRows = rowsOf('importedRows');
    const totalRows = rowsOf('totalRows');
    if (ctx.issues.length)
        return core/* NEVER */.tm;
    return {
        fileName: (0,wire/* displayFileName */._g)((0,server_text/* fromServer */.Wj)(d.fileName ?? '')),
        state: (0,states/* fileState */.oT)((0,server_text/* fromServer */.Wj)(d.state ?? '')),
        progress: toProgress(d.progress),
        importedRows,
        totalRows,
        fileSize: d.fileSize === null || d.fileSize === undefined
            ? undefined
            : Number(d.fileSize),
        reason: failure(d.reason || d.failedReason || d.errorMessage),
        completeTime: d.completeTime ? (0,server_text/* fromServer */.Wj)(d.completeTime) : undefined
    };
});
/** A file's failure reason, through the trust boundary; none when empty. */
const failure = (said) => said ? (0,server_text/* fromServer */.Wj)(said) : undefined;
/** Whether an entry says what a file read now says, progress as given. */
function sameFile(a, b, progress) {
    return (a.fileName === b.fileName &&
        a.state === b.state &&
        a.progress === progress &&
        a.importedRows === b.importedRows &&
        a.totalRows === b.totalRows &&
        a.fileSize === b.fileSize &&
        a.reason === b.reason &&
        a.completeTime === b.completeTime);
}
/**
 * Remembers the file entries of each job's last answer and hands back the
 * earlier entry when a file is unchanged. Between two polls most files of a
 * large job are unchanged (done, or not started); the poller holds each
 * answer until the next, long enough for V8 to move it to the old
 * generation, where a fresh copy of every entry per poll piles up as garbage
 * until the next full collection.
 *
 * An entry is made only for a file that is new or changed, so every entry
 * made here is kept: V8 moves the objects of an allocation site straight to
 * the old generation once most of them live long (pretenuring), and a site
 * whose copies were kept on the first poll and dropped on the next ones
 * would then put every poll's garbage there. Entries are shared between
 * answers, so they are read, never changed (freezing them would cost V8 a
 * map each).
 */
class FileMemory {
    last = new Map();
    /** The entries of the files read now, each with its progress. */
    entries(jobId, read, progressOf) {
        const before = this.last.get(jobId);
        let same = before?.length === read.length;
        const files = read.map((file, i) => {
            const progress = progressOf(file);
            const old = before?.[i];
            if (old && sameFile(old, file, progress))
                return old;
            same = false;
            return { ...file, progress };
        });
        // An answer of only unchanged files keeps the earlier array too.
        const kept = same && before ? before : files;
        this.last.set(jobId, kept);
        return kept;
    }
}

;// CONCATENATED MODULE: ./src/clients/zilliz-cloud-v1.ts










// readyPercentage is documented as a 0-1 fraction. Should a server send 0-100
// instead, a body with a figure above 1 is read as percentages.
const zilliz_cloud_v1_Detail = schemas/* looseObject */._H3({
    fileName: wire/* optionalString */.sx,
    fileSize: wire/* maybeCount */.Kx,
    readyPercentage: progressField,
    completeTime: wire/* optionalString */.sx,
    errorMessage: wire/* optionalString */.sx,
    // Not v1's own fields: a body that carries them anyway must agree.
    state: wire/* optionalString */.sx,
    reason: wire/* optionalString */.sx
});
const Job = zilliz_cloud_v1_Detail.extend({
    jobId: wire/* jobIdField */.bi.optional(),
    collectionName: wire/* optionalString */.sx,
    details: schemas/* array */.YOg(zilliz_cloud_v1_Detail).nullish()
});
const PAGE_SIZE = 100;
const MAX_PAGES = 50;
/** The legacy Zilliz Cloud v1 API: GET /v1/vector/collections/import/... */
class ZillizCloudV1Api {
    config;
    name = 'Zilliz Cloud v1';
    endpointKey;
    scales = new ScaleMemory('fraction');
    constructor(config) {
        this.config = config;
        this.endpointKey = new URL(config.endpoint).host;
    }
    async get(path, params, what, options, jobId) {
        const url = new URL(`${this.config.endpoint}/v1/vector/collections/import/${path}`);
        for (const [k, v] of Object.entries(params))
            if (v)
                url.searchParams.set(k, v);
        const headers = {
            Accept: 'application/json',
            'User-Agent': USER_AGENT
        };
        if (this.config.apiKey)
            headers.Authorization = `Bearer ${this.config.apiKey}`;
        const res = await send({
            method: 'GET',
            url: url.href,
            headers,
            timeoutMs: options.timeoutMs,
            signal: options.signal
        });
        const context = { api: this.name, jobId };
        const body = readJson(res, what, context);
        if (jobId !== undefined)
            (0,wire/* checkNumericEcho */.dT)(res.text, jobId, what);
        forgetBody(res);
        const envelope = validate(wire/* Envelope */.Lh, body, what);
        // v1 signals success with code 200; 0 (the v2 convention) is taken too.
        if (!(0,codes/* isSuccessCode */.vp)(envelope.code, envelope.data)) {
            throw codeError({ code: envelope.code, message: envelope.message }, context);
        }
        if (envelope.data === undefined || envelope.data === null) {
            throw new errors/* MalformedResponseError */.f7(`${what} returned code 200 without data. Check that endpoint points at the v1 import API.`);
        }
        return envelope.data;
    }
    async getJob(jobId, options) {
        const what = `${this.name} /import/get`;
        const data = validate(Job, await this.get('get', { jobId, clusterId: this.config.clusterId }, what, options, jobId), what, 'data');
        (0,wire/* checkEchoedJobId */.z8)(jobId, data.jobId, what, true);
        return toImportJob(jobId, data, this.scales);
    }
    async listJobs(query, options) {
        const what = `${this.name} /import/list`;
        const found = [];
        for (let page = 1; page <= MAX_PAGES; page++) {
            const data = validate(ListPage, await this.get('list', {
                clusterId: this.config.clusterId,
                pageSize: String(PAGE_SIZE),
                currentPage: String(page)
            }, what, options), what, 'data');
            if (!takePage(found, data, page, PAGE_SIZE))
                break;
        }
        // The v1 list has no collection filter of its own.
        return found.filter((j) => !query.collectionName || j.collectionName === query.collectionName);
    }
}
/**
 * v1 has no state word. Failed on an errorMessage (or a failing state or
 * reason the body carries anyway); Completed only when both
 * signs of the end agree: completeTime is set and readyPercentage is full
 * (1 as documented, or 100). A job that shows one without the other is
 * still running, never a success.
 */
function v1State(p, needFull = true) {
    const said = p.state ? (0,states/* readState */.un)(p.state).status : undefined;
    if (failureOf(p) || said === 'failed')
        return { state: 'Failed', status: 'failed' };
    const full = p.readyPercentage === 1 || p.readyPercentage === 100;
    const agrees = said === undefined || said === 'completed';
    if (p.completeTime && (full || !needFull) && agrees)
        return { state: 'Completed', status: 'completed' };
    return { state: 'Importing', status: 'running' };
}
/** The failure a v1 body gives: its errorMessage, or a reason it carries. */
const failureOf = (p) => p.errorMessage || p.reason || undefined;
/** Maps a v1 get body to the normalised job. */
function toImportJob(jobId, data, scales = new ScaleMemory('fraction')) {
    const { state, status } = v1State(data);
    // A file's completeTime is its end; its figure may be left out.
    const details = (data.details ?? []).map((d) => ({
        d,
        ...v1State(d, false)
    }));
    const scale = scales.decide(jobId, [
        { value: data.readyPercentage, completed: status === 'completed' },
        ...details.map(({ d, status }) => ({
            value: d.readyPercentage,
            completed: status === 'completed'
        }))
    ]);
    const files = details.map(({ d, state, status }) => ({
        fileName: d.fileName ?? '',
        fileSize: d.fileSize,
        progress: toPercent(d.readyPercentage, scale, status === 'completed') ?? 0,
        state,
        reason: failureOf(d),
        completeTime: d.completeTime
    }));
    return {
        jobId,
        state,
        status,
        progress: toPercent(data.readyPercentage, scale, status === 'completed') ?? 0,
        collectionName: data.collectionName,
        reason: failureOf(data),
        completeTime: data.completeTime,
        files
    };
}
/**
 * True for a v1-shaped progress body (readyPercentage or errorMessage, and
 * no state key at all), as some documents show for the v2 call too. A
 * state of null is a v2 body without its state: unreadable.
 */
function isLegacyBody(data) {
    if (!data || typeof data !== 'object' || Array.isArray(data))
        return false;
    const d = data;
    return !('state' in d) && ('readyPercentage' in d || 'errorMessage' in d);
}
/** Reads a v1-shaped progress body, whichever API sent it. */
function readLegacyJob(jobId, data, what, scales) {
    const job = validate(Job, data, what, 'data');
    // As for v1 itself: an answer that names no job is about no job.
    (0,wire/* checkEchoedJobId */.z8)(jobId, job.jobId, what, true);
    return toImportJob(jobId, job, scales);
}

;// CONCATENATED MODULE: ./src/clients/rest-v2.ts














const rest_v2_Job = schemas/* looseObject */._H3({
    jobId: wire/* jobIdField */.bi.optional(),
    collectionName: wire/* optionalString */.sx,
    fileName: wire/* optionalString */.sx,
    // A word: the gRPC enum's numbers are no REST API's answer.
    state: wire/* serverString */.Zv,
    progress: progressField,
    // null is kept apart from absent: null is unknown, absent is Zilliz
    // Cloud's way (see toImportJob).
    importedRows: wire/* rows */.Ge.nullish(),
    totalRows: wire/* maybeRows */._L,
    reason: wire/* optionalString */.sx,
    // Not in the reference; a server that sends either says the job failed.
    errorMessage: wire/* optionalString */.sx,
    failedReason: wire/* optionalString */.sx,
    completeTime: wire/* optionalString */.sx,
    details: schemas/* array */.YOg(Detail).nullish()
});
const rest_v2_PAGE_SIZE = 100;
const rest_v2_MAX_PAGES = 50;
/** The v2 import API: POST /v2/vectordb/jobs/import/{describe,list}. */
class RestV2Api {
    config;
    name;
    endpointKey;
    // /describe is the current name (Milvus 2.4.13+, and an alias on Zilliz
    // Cloud). Older Milvus has only /get_progress; Zilliz Cloud documents
    // /getProgress. On a 404 the next name is tried, and the one that answers
    // is kept for later polls.
    progressPaths = ['describe', 'get_progress', 'getProgress'];
    pathFound = false;
    // Milvus sends 0-100; the pymilvus documents say 0-1.
    scales = new ScaleMemory('percent');
    lastFiles = new FileMemory();
    constructor(config) {
        this.config = config;
        const url = new URL(config.endpoint);
        this.endpointKey = url.host;
        this.name =
            config.clusterId || config.projectId
                ? 'Zilliz Cloud v2'
                : 'Milvus REST v2';
    }
    headers() {
        const headers = {
            'Content-Type': 'application/json',
            Accept: 'application/json',
            'User-Agent': USER_AGENT
        };
        if (this.config.apiKey)
            headers.Authorization = `Bearer ${this.config.apiKey}`;
        if (this.config.dbName)
            headers['DB-Name'] = this.config.dbName;
        return headers;
    }
    async post(path, body, options) {
        return send({
            method: 'POST',
            url: `${this.config.endpoint}/v2/vectordb/jobs/import/${path}`,
            headers: this.headers(),
            body: JSON.stringify(body),
            timeoutMs: options.timeoutMs,
            signal: options.signal
        });
    }
    // Starting and finishing jobs: see import-control.ts.
    control() {
        return new ImportControl((p, b, o) => this.post(p, b, o), this.name, this.config);
    }
    createJob(request, options) {
        return this.control().create(request, options);
    }
    commitJob(jobId, options) {
        return this.control().decide('commit', jobId, options);
    }
    abortJob(jobId, options) {
        return this.control().decide('abort', jobId, options);
    }
    supportsTwoPhase(options) {
        return this.control().supportsTwoPhase(options);
    }
    /** Reads the data of a v2 envelope, or throws the error it carries. */
    unwrap(body, what, jobId) {
        const envelope = validate(wire/* Envelope */.Lh, body, what);
        if (!(0,codes/* isSuccessCode */.vp)(envelope.code, envelope.data)) {
            throw codeError({ code: envelope.code, message: envelope.message }, { api: this.name, jobId });
        }
        (0,codes/* checkSuccessMessage */.J)(envelope.message, what);
        if (envelope.data === undefined || envelope.data === null) {
            throw new errors/* MalformedResponseError */.f7(`${what} returned code ${envelope.code} without data. Check that endpoint points at a supported import API.`);
        }
        return envelope.data;
    }
    async getJob(jobId, options) {
        const body = { jobId, ...this.target() };
        let res = await this.post(this.progressPaths[0], body, options);
        while (!this.pathFound &&
            isRouteMiss(res) &&
            this.progressPaths.length > 1) {
            this.progressPaths.shift();
            res = await this.post(this.progressPaths[0], body, options);
        }
        const what = `${this.name} /${this.progressPaths[0]}`;
        if (this.pathFound && isRouteMiss(res)) {
            // The route answered before: a 404 page now is a proxy's passing fault.
            throw new errors/* TransientError */.N_(`${what} answered HTTP 404, though it answered before.`);
        }
        if (!isRouteMiss(res))
            this.pathFound = true;
        const context = { api: this.name, jobId };
        const answer = readJson(res, what, context);
        (0,wire/* checkNumericEcho */.dT)(res.text, jobId, what);
        forgetBody(res);
        const raw = this.unwrap(answer, what, jobId);
        // Some documents show the v1 body (readyPercentage, no state) for this
        // call: it is read as v1 reads it.
        if (isLegacyBody(raw))
            return readLegacyJob(jobId, raw, what);
        const data = validate(rest_v2_Job, raw, what, 'data');
        (0,wire/* checkEchoedJobId */.z8)(jobId, data.jobId, what, true);
        return rest_v2_toImportJob(jobId, data, this.scales, this.lastFiles);
    }
    /** Where the job lives on Zilliz Cloud: a cluster, or project and region. */
    target() {
        return zillizTarget(this.config);
    }
    async listJobs(query, options) {
        const what = `${this.name} /list`;
        const found = [];
        // Zilliz Cloud pages its list; Milvus ignores paging and sends everything.
        for (let page = 1; page <= rest_v2_MAX_PAGES; page++) {
            const body = {
                pageSize: rest_v2_PAGE_SIZE,
                currentPage: page
            };
            if (query.collectionName)
                body.collectionName = query.collectionName;
            Object.assign(body, this.target());
            if (this.config.dbName)
                body.dbName = this.config.dbName;
            const res = await this.post('list', body, options);
            const data = validate(ListPage, this.unwrap(readJson(res, what, { api: this.name }), what), what, 'data');
            if (!takePage(found, data, page, rest_v2_PAGE_SIZE))
                break;
        }
        return found;
    }
}
/**
 * A 404 whose body carries no API code: the server has no such route (gin's
 * "404 page not found"), as opposed to an API error sent with HTTP 404.
 */
function isRouteMiss(res) {
    if (res.status !== 404)
        return false;
    const body = tryJson(res.text);
    // A gateway may say so in JSON too: {"code":404,"message":"Not Found"}.
    return (!(body && typeof body === 'object' && 'code' in body) || body.code === 404);
}
/** Maps a v2 describe body to the normalised job. */
function rest_v2_toImportJob(requestedId, data, scales = new ScaleMemory('percent'), lastFiles) {
    const { state, rawState, status } = (0,states/* readState */.un)(data.state);
    const details = data.details ?? [];
    const allRows = data.totalRows !== undefined &&
        data.totalRows > 0n &&
        data.importedRows === data.totalRows;
    const scale = scales.decide(requestedId, [
        { value: data.progress, completed: status === 'completed', allRows },
        ...details.map((f) => ({
            value: f.progress,
            completed: f.state === 'Completed'
        }))
    ]);
    const progressOf = (f) => toPercent(f.progress, scale, f.state === 'Completed');
    const files = lastFiles
        ? lastFiles.entries(requestedId, details, progressOf)
        : details.map((f) => ({ ...f, progress: progressOf(f) }));
    // Zilliz Cloud leaves importedRows out; a Completed job imported them all.
    // A null is the server saying it does not know: unknown, never totalRows.
    const importedRows = data.importedRows === null
        ? undefined
        : (data.importedRows ??
            (status === 'completed' ? data.totalRows : undefined));
    return {
        jobId: requestedId,
        state,
        ...(rawState !== state ? { rawState } : {}),
        status,
        progress: toPercent(data.progress, scale, status === 'completed') ?? 0,
        importedRows,
        totalRows: data.totalRows,
        collectionName: data.collectionName,
        reason: data.reason || data.failedReason || data.errorMessage || undefined,
        completeTime: data.completeTime || undefined,
        files
    };
}

;// CONCATENATED MODULE: ./src/clients/flavours/milvus-rest-v2.ts

/** Self-hosted Milvus 2.4+ REST v2: the flavour of any other http(s) URL. */
const milvusRestV2 = {
    name: 'Milvus REST v2',
    api: 'v2',
    detect: (endpoint) => /^https?:$/.test(endpoint.protocol),
    missingInput: () => undefined,
    create: async (config) => new RestV2Api(config)
};

;// CONCATENATED MODULE: ./src/clients/flavours/flavour.ts
/** A Zilliz Cloud endpoint called without an API key. */
function missingApiKey(endpoint, inputs) {
    return inputs.apiKey
        ? undefined
        : {
            input: 'api-key',
            problem: `is required for Zilliz Cloud (${endpoint.hostname}): pass your API key from a secret, such as \${{ secrets.ZILLIZ_API_KEY }}.`
        };
}

;// CONCATENATED MODULE: ./src/clients/flavours/zilliz-cloud-v1.ts


/**
 * True for a legacy v1 controller host: controller.api.<region>.zillizcloud.com,
 * or controller.<region>.zillizcloud.com as a document's title spells it.
 */
function isZillizV1Host(host) {
    return /^controller\.(?:api\.)?[a-z0-9-]+\.(zillizcloud\.com|cloud\.zilliz\.com\.cn)$/i.test(host);
}
/** The legacy Zilliz Cloud v1 controller API. */
const zillizCloudV1 = {
    name: 'Zilliz Cloud v1',
    api: 'v1',
    detect: (endpoint) => isZillizV1Host(endpoint.hostname),
    missingInput(endpoint, inputs) {
        const host = endpoint.hostname;
        if (!isZillizV1Host(host))
            return undefined;
        // The v1 calls take a clusterId only (no serverless project).
        if (!inputs.clusterId)
            return {
                input: 'cluster-id',
                problem: `is required for Zilliz Cloud (${host}): pass your cluster ID, such as in03-xxxxxxxxxxxxxxx.`
            };
        return missingApiKey(endpoint, inputs);
    },
    create: async (config) => new ZillizCloudV1Api(config)
};

;// CONCATENATED MODULE: ./src/clients/flavours/zilliz-cloud-v2.ts


/** True for the Zilliz Cloud control plane (api.cloud.zilliz.com, .com.cn). */
function isZillizControlPlane(host) {
    return /^api\.cloud\.zilliz\.com(\.cn)?$/i.test(host);
}
/**
 * The Zilliz Cloud control plane v2: its host, or any v2 endpoint given a
 * cluster (or a serverless project and region).
 */
const zillizCloudV2 = {
    name: 'Zilliz Cloud v2',
    api: 'v2',
    detect: (endpoint, inputs) => /^https?:$/.test(endpoint.protocol) &&
        (isZillizControlPlane(endpoint.hostname) ||
            Boolean(inputs.clusterId || inputs.projectId || inputs.regionId)),
    missingInput(endpoint, inputs) {
        const { clusterId, projectId, regionId } = inputs;
        // Serverless databases are addressed by project and region together.
        if (projectId && !regionId && !clusterId)
            return {
                input: 'region-id',
                problem: 'is required with project-id: pass the region of the project, such as aws-us-west-2.'
            };
        if (regionId && !projectId && !clusterId)
            return {
                input: 'project-id',
                problem: 'is required with region-id: pass the project ID, such as proj-xxxxxxxxxxxxxxx.'
            };
        const host = endpoint.hostname;
        if (!isZillizControlPlane(host))
            return undefined;
        if (!clusterId && !projectId)
            return {
                input: 'cluster-id',
                problem: `is required for Zilliz Cloud (${host}): pass your cluster ID, such as in03-xxxxxxxxxxxxxxx, or project-id and region-id for a serverless database.`
            };
        return missingApiKey(endpoint, inputs);
    },
    create: async (config) => new RestV2Api(config)
};

;// CONCATENATED MODULE: ./src/clients/client.ts




/**
 * Every import API the action speaks, in the order api: auto tries them: the
 * first whose detect() accepts the endpoint and inputs is chosen. Within one
 * api value, the last one is the fallback.
 */
const FLAVOURS = [
    milvusGrpc,
    zillizCloudV1,
    zillizCloudV2,
    milvusRestV2
];
/** The values the api input takes, the most general API first. */
const API_CHOICES = [
    'auto',
    ...new Set([...FLAVOURS].reverse().map((f) => f.api))
];
/** Chooses the flavour for an api input value, an endpoint and the inputs. */
function chooseFlavour(api, endpoint, inputs = {}) {
    const candidates = api === 'auto' ? FLAVOURS : FLAVOURS.filter((f) => f.api === api);
    if (candidates.length === 0)
        throw new Error(`No API is named "${api}".`);
    return (candidates.find((f) => f.detect(endpoint, inputs)) ??
        candidates[candidates.length - 1]);
}
/** Builds the client of the API the inputs chose. */
async function createImportApi(config) {
    return chooseFlavour(config.api, new URL(config.endpoint), config).create(config);
}

;// CONCATENATED MODULE: ./src/duration.ts
const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1000 };
/**
 * Parses a duration such as 90, 90s, 15m, 2h, 1h30m or 500ms into
 * milliseconds; a bare number is seconds. Returns undefined when malformed.
 */
function parseDuration(text) {
    const value = text.trim().toLowerCase();
    if (/^\d+(\.\d+)?$/.test(value))
        return Math.round(Number(value) * 1000);
    if (/^\d+(\.\d+)?ms$/.test(value))
        return Math.round(parseFloat(value));
    const match = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(value);
    if (!match || value === '')
        return undefined;
    const [, h, m, s] = match;
    return Math.round(Number(h ?? 0) * UNIT_MS.h +
        Number(m ?? 0) * UNIT_MS.m +
        Number(s ?? 0) * UNIT_MS.s);
}
/** Formats milliseconds as 4m 12s, 1h 5m or 850ms. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.max(0, Math.round(ms))}ms`;
    const total = Math.round(ms / 1000);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    if (h)
        return m ? `${h}h ${m}m` : `${h}h`;
    if (m)
        return s ? `${m}m ${s}s` : `${m}m`;
    return `${s}s`;
}

;// CONCATENATED MODULE: ./src/report/format.ts
/** Formats a count with thousands separators: 1,234,567 (bigints exactly). */
function formatCount(value) {
    // Not toLocaleString: its first call loads ICU data, which costs more
    // start-up time than the whole poll.
    const text = String(typeof value === 'bigint' ? value : Math.trunc(value));
    return text.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
/** Formats a row count, or '—' when unknown. */
function formatRows(value) {
    return value === undefined ? '—' : formatCount(value);
}
/** Formats a progress figure: 55%. */
function formatPercent(value) {
    return value === undefined ? '—' : `${value}%`;
}
/** Formats "imported / total" rows. */
function formatRowPair(imported, total) {
    if (imported === undefined && total === undefined)
        return '—';
    return `${formatRows(imported)} / ${formatRows(total)}`;
}

;// CONCATENATED MODULE: ./src/retry.ts

/** The deadline passed while a call kept failing transiently. */
class DeadlineError extends errors/* ActionError */.lZ {
    lastError;
    name = 'DeadlineError';
    constructor(lastError) {
        super(lastError.message);
        this.lastError = lastError;
    }
}
/** Too little time was left before the deadline to start another request. */
class NoTimeLeftError extends DeadlineError {
    name = 'NoTimeLeftError';
    constructor() {
        super(new errors/* ActionError */.lZ('too little time was left for another request'));
    }
}
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const BASE_DELAY_MS = 500;
const MIN_DELAY_MS = 100;
/** A request needs at least this long; with less left, none is started. */
const MIN_REQUEST_MS = 1000;
/**
 * The time limit of a request that starts now: it ends by the deadline.
 * Undefined when too little time is left for a request to finish.
 */
function requestTimeout(policy) {
    const left = policy.deadline - policy.clock.now();
    if (left < (policy.minRequestMs ?? MIN_REQUEST_MS))
        return undefined;
    return Math.min(policy.requestTimeoutMs, left);
}
/** Full-jitter exponential backoff, capped by maxDelayMs. */
function backoff(failures, maxDelayMs, random = Math.random) {
    const cap = Math.min(maxDelayMs, BASE_DELAY_MS * 2 ** Math.min(failures - 1, 20));
    return Math.max(MIN_DELAY_MS, Math.round(random() * cap));
}
/**
 * Runs call until it succeeds, retrying transient errors with backoff (or the
 * server's Retry-After) within the deadline and the error budget. A permanent
 * error is thrown at once; an exhausted budget throws the last error; a
 * passed deadline throws DeadlineError.
 */
async function withRetry(call, policy) {
    let failures = 0;
    let lastError;
    for (;;) {
        if (policy.signal?.aborted)
            throw new errors/* CancelledError */.cc('Cancelled.');
        const timeoutMs = requestTimeout(policy);
        // A request that cannot finish before the deadline is not started; the
        // failure that came before says why the wait ends.
        if (timeoutMs === undefined)
            throw lastError ? new DeadlineError(lastError) : new NoTimeLeftError();
        try {
            return await call(timeoutMs);
        }
        catch (error) {
            if (policy.signal?.aborted)
                throw new errors/* CancelledError */.cc('Cancelled.');
            if (!(error instanceof errors/* ActionError */.lZ)) {
                throw new errors/* ActionError */.lZ(`Unexpected error: ${(0,errors/* errorMessage */.gJ)(error)}`, {
                    cause: error
                });
            }
            if (!error.transient)
                throw error;
            lastError = error;
            failures++;
            if (failures >= policy.maxFailures) {
                throw new errors/* ActionError */.lZ(`${error.message.replace(/\.?$/, '.')} Gave up after ${failures} failed tries in a row.`, { cause: error });
            }
            const retryAfter = error.retryAfterMs;
            const wanted = retryAfter !== undefined
                ? retryAfter
                : backoff(failures, policy.maxDelayMs, policy.random);
            const left = policy.deadline - policy.clock.now();
            if (left <= 0 || wanted > left) {
                // Sleeping past the deadline helps no one; report where we stand.
                if (left > 0)
                    await policy.clock.sleep(left, policy.signal);
                throw new DeadlineError(error);
            }
            policy.onRetry?.(error, wanted, failures);
            await policy.clock.sleep(wanted, policy.signal);
        }
    }
}

;// CONCATENATED MODULE: ./src/wait/verdict.ts


/**
 * Reads one snapshot: 'poll' to keep waiting, or the outcome it settles.
 * Success needs the server's own Completed; nothing else (progress 100, a
 * completeTime, an unknown state) ever counts as success, and a Completed
 * that also gives a failure reason contradicts itself, so it fails.
 */
function verdict(job) {
    switch (job.status) {
        case 'completed':
            return job.state === 'Completed' && !job.reason ? 'success' : 'failed';
        case 'failed':
        case 'uncommitted':
            return 'failed';
        default:
            return 'poll';
    }
}
// Worst first: a failed import outranks an error, which outranks a timeout.
const SEVERITY = [
    'failed',
    'error',
    'cancelled',
    'timeout',
    'success'
];
/** The worst of several outcomes (an empty list is an error, never success). */
function worstOutcome(outcomes) {
    if (outcomes.length === 0)
        return 'error';
    return SEVERITY.find((o) => outcomes.includes(o)) ?? 'error';
}
/** The rate limit left no request slot before the deadline. */
class NoSlotError extends errors/* ActionError */.lZ {
    name = 'NoSlotError';
}
/** Maps anything thrown while waiting to how the wait ended: the one place. */
function outcomeOf(error, signal) {
    if (error instanceof errors/* CancelledError */.cc || signal?.aborted)
        return { kind: 'cancelled' };
    if (error instanceof NoSlotError || error instanceof NoTimeLeftError)
        return { kind: 'timeout' };
    if (error instanceof DeadlineError)
        return { kind: 'timeout', lastError: error.lastError };
    return { kind: 'error', error };
}

;// CONCATENATED MODULE: ./src/report/result.ts


/** A failed file is one the server marks Failed or gives a reason. */
function isFailedFile(file) {
    return /fail/i.test(file.state) || Boolean(file.reason);
}
/**
 * A file of a completed job that the server does not say is done (Pending,
 * Importing…, or no state at all): the job's Completed then covers only
 * part of the data, as far as the answer shows.
 */
function isUnfinishedFile(file) {
    return !isFailedFile(file) && file.state !== 'Completed';
}
/** The job result with the worst outcome (the first on ties). */
function worstJob(jobs) {
    const outcome = worstOutcome(jobs.map((j) => j.outcome));
    return jobs.find((j) => j.outcome === outcome) ?? jobs[0];
}
/** Sums a per-job row count exactly; undefined when no job reported it. */
function sumOf(jobs, pick) {
    let total;
    for (const j of jobs) {
        const v = pick(j);
        if (v !== undefined)
            total = (total ?? 0n) + v;
    }
    return total;
}
/** The lowest progress of the jobs (0 when none was read). */
function lowestProgress(jobs) {
    if (jobs.length === 0)
        return 0;
    return Math.min(...jobs.map((j) => j.job?.progress ?? 0));
}
/**
 * The overall facts both summaries show, in order: Result, State, Progress,
 * Rows, Collection, Job(s), Elapsed, API and Reason.
 */
function overviewFacts(result, formatDuration) {
    const jobs = result.jobs;
    const job = worstJob(jobs)?.job;
    const collections = [
        ...new Set(jobs.map((j) => j.job?.collectionName).filter(Boolean))
    ];
    const imported = sumOf(jobs, (j) => j.job?.importedRows);
    const total = sumOf(jobs, (j) => j.job?.totalRows);
    const facts = [
        { label: 'Result', value: result.outcome, remote: false },
        { label: 'State', value: job?.state ?? '—', remote: true },
        {
            label: 'Progress',
            value: jobs.length ? `${lowestProgress(jobs)}%` : '—',
            remote: false
        },
        {
            label: 'Rows',
            value: imported === undefined && total === undefined
                ? '—'
                : `${formatRows(imported)} / ${formatRows(total)}`,
            remote: false
        },
        {
            label: 'Collection',
            value: collections.length ? collections.join(', ') : '—',
            remote: true
        },
        {
            label: jobs.length > 1 ? 'Jobs' : 'Job',
            value: jobs.length ? jobs.map((j) => j.jobId).join(', ') : '—',
            remote: true
        },
        { label: 'Elapsed', value: formatDuration(result.elapsedMs), remote: false }
    ];
    if (result.apiName)
        facts.push({ label: 'API', value: result.apiName, remote: false });
    if (result.reason)
        facts.push({ label: 'Reason', value: result.reason, remote: true });
    return facts;
}

;// CONCATENATED MODULE: ./src/gates.ts



/**
 * Checks the data gates on imports that completed (or wait for a commit):
 * no failure reason, min-rows, expected-rows and allow-partial. Returns the
 * one-line reason to fail, or undefined.
 */
function checkGates(config, jobs) {
    // A job that gives a failure reason is not good data, whatever its state
    // (an Uncommitted one must not be committed).
    for (const j of jobs) {
        if (j.job?.reason)
            return `Import job ${j.jobId} reports a failure: ${(0,text_escape/* safeLogText */.Ht)(j.job.reason, 300).replace(/\.+$/, '')}.`;
    }
    if (!config.allowPartial) {
        for (const j of jobs) {
            const files = j.job?.files ?? [];
            const failed = files.filter(isFailedFile).length;
            const unfinished = files.filter(isUnfinishedFile).length;
            const said = [
                failed ? `${failed} of its files failed` : '',
                unfinished
                    ? `${unfinished} of its files ${unfinished > 1 ? 'are' : 'is'} not Completed`
                    : ''
            ].filter(Boolean);
            if (said.length)
                return `Import job ${j.jobId} completed, but ${said.join(' and ')}. Fix the files, or set allow-partial: true to accept a partial import.`;
        }
    }
    if (config.minRows === undefined && config.expectedRows === undefined)
        return undefined;
    // A sum that skips a job of unknown rows proves nothing about the total.
    const unknown = jobs.filter((j) => j.job?.importedRows === undefined);
    if (unknown.length) {
        return jobs.length > 1
            ? `The server did not report imported rows for import job ${unknown.map((j) => j.jobId).join(', ')}, so min-rows/expected-rows cannot be checked. Remove them for this API.`
            : 'The server did not report imported rows, so min-rows/expected-rows cannot be checked. Remove them for this API.';
    }
    const rows = sumOf(jobs, (j) => j.job?.importedRows) ?? 0n;
    if (config.expectedRows !== undefined && rows !== config.expectedRows) {
        return `Imported ${formatRows(rows)} rows, expected ${formatRows(config.expectedRows)} (expected-rows).`;
    }
    if (config.minRows !== undefined && rows < config.minRows) {
        return `Imported ${formatRows(rows)} rows, expected at least ${formatRows(config.minRows)} (min-rows).`;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/job-id.ts
var job_id = __webpack_require__(6108);
// EXTERNAL MODULE: ./src/text/userinfo.ts
var userinfo = __webpack_require__(4028);
;// CONCATENATED MODULE: ./src/endpoint-inputs.ts
/**
 * The inputs that say where the import API is and which one it is
 * (endpoint, api) and what it needs (cluster-id, project-id, region-id,
 * api-key), checked against the registry of API flavours.
 */



/** The endpoint input: an http(s) or grpc(s) URL without credentials. */
const endpointField = schemas/* string */.YjP().transform((value, ctx) => {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        url = undefined;
    }
    if (!url || !/^(https?|grpcs?):$/.test(url.protocol) || !url.hostname) {
        ctx.addIssue({
            code: 'custom',
            message: `must be a URL such as https://api.cloud.zilliz.com or http://milvus:19530 (got "${(0,userinfo/* withoutUserinfo */.Q)(value).slice(0, 200)}").`
        });
        return core/* NEVER */.tm;
    }
    if (url.username || url.password) {
        ctx.addIssue({
            code: 'custom',
            message: 'must not carry credentials: pass them in api-key instead.'
        });
        return core/* NEVER */.tm;
    }
    // The API's path is added after the endpoint's: a query or fragment
    // would end up before it.
    if (url.search || url.hash) {
        ctx.addIssue({
            code: 'custom',
            message: `must not have a query or fragment (${url.search ? '?' : '#'}…): give the server's address only, such as https://api.cloud.zilliz.com.`
        });
        return core/* NEVER */.tm;
    }
    return url;
});
/** The api input: auto, or the api value of a registered flavour. */
const apiField = schemas/* enum */.k5n(API_CHOICES, {
    error: (issue) => `must be ${API_CHOICES.slice(0, -1).join(', ')} or ${API_CHOICES.at(-1)} (got "${String(issue.input)}").`
});
/** The inputs that choose a flavour and that it may need. */
function flavourInputs(raw) {
    const text = (name) => typeof raw[name] === 'string' ? raw[name] : undefined;
    return {
        clusterId: text('cluster-id'),
        projectId: text('project-id'),
        regionId: text('region-id'),
        apiKey: text('api-key')
    };
}
/**
 * The input the chosen API needs but lacks (a cluster and a key for Zilliz
 * Cloud), with what to pass, or undefined.
 */
function missingInput(api, endpoint, raw) {
    const inputs = flavourInputs(raw);
    return chooseFlavour(api, endpoint, inputs).missingInput(endpoint, inputs);
}
/** Picks the API for api: auto from the endpoint and the inputs. */
function resolveApi(api, endpoint, raw = {}) {
    return chooseFlavour(api, endpoint, flavourInputs(raw)).api;
}

;// CONCATENATED MODULE: ./src/inputs.ts





/** Every input of action.yml, by name. */
const INPUT_NAMES = [
    'job-id',
    'collection-name',
    'wait-for',
    'cluster-id',
    'project-id',
    'region-id',
    'api-key',
    'endpoint',
    'api',
    'db-name',
    'timeout',
    'poll-interval',
    'max-failures',
    'fail-on-timeout',
    'summary',
    'min-rows',
    'expected-rows',
    'allow-partial',
    'comment-on-pr',
    'github-token'
];

const DEFAULTS = {
    'wait-for': 'latest',
    endpoint: 'https://api.cloud.zilliz.com',
    api: 'auto',
    timeout: '1h',
    'poll-interval': '10s',
    'max-failures': '10',
    'fail-on-timeout': 'true',
    summary: 'true',
    'allow-partial': 'false',
    'comment-on-pr': 'false'
};
const MIN_POLL_MS = 1000;
// Each refinement says what is wrong with its input and what a right value
// looks like; the issue's path names the input, and toInputError() turns the
// first issue into the one line.
const optionalText = schemas/* string */.YjP().optional();
const inputs_boolean = schemas/* string */.YjP().transform((value, ctx) => {
    // The YAML 1.2 core schema booleans, as @actions/core accepts them.
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    ctx.addIssue({
        code: 'custom',
        message: `must be true or false (got "${value}").`
    });
    return core/* NEVER */.tm;
});
// A workflow run lasts at most 35 days; no wait needs longer, and timers
// cannot count much further.
const MAX_DURATION_MS = 35 * 24 * 3600 * 1000;
const duration = (example, minMs = 1) => schemas/* string */.YjP().transform((value, ctx) => {
    const ms = parseDuration(value);
    const shown = value.slice(0, 40);
    if (ms === undefined || ms < minMs || ms > MAX_DURATION_MS) {
        ctx.addIssue({
            code: 'custom',
            message: ms === undefined
                ? `must be a duration such as ${example} (got "${shown}").`
                : ms < minMs
                    ? `must be at least ${minMs / 1000}s (got "${shown}").`
                    : `must be at most 840h (35 days, the longest a workflow run lasts) (got "${shown}").`
        });
        return core/* NEVER */.tm;
    }
    return ms;
});
const rowCount = schemas/* string */.YjP()
    .optional()
    .transform((value, ctx) => {
    if (value === undefined)
        return undefined;
    const digits = value.replace(/[,_\s]/g, '');
    if (!/^\d+$/.test(digits)) {
        ctx.addIssue({
            code: 'custom',
            message: `must be a whole number of rows such as 10000 (got "${value}").`
        });
        return core/* NEVER */.tm;
    }
    // Exact past 2^53: N and N+1 rows must stay different.
    return BigInt(digits);
});
/**
 * A value sent in a request header (api-key, db-name): one line of printable
 * ASCII, or Node refuses the header after nothing useful was said. The
 * message never quotes the value: it may be a secret.
 */
const headerText = (fix) => schemas/* string */.YjP()
    .optional()
    .superRefine((value, ctx) => {
    if (value === undefined)
        return;
    const why = /[\r\n]/.test(value)
        ? 'a line break (CR or LF)'
        : /[^\x20-\x7e]/.test(value)
            ? 'a character that is not printable ASCII (such as a non-ASCII letter, a curly quote or a tab)'
            : undefined;
    if (why) {
        ctx.addIssue({
            code: 'custom',
            message: `contains ${why}, which cannot be sent in a request header: ${fix}`
        });
    }
});
// 0 means no limit: the deadline alone ends the retries.
const failureBudget = schemas/* string */.YjP().transform((value, ctx) => {
    if (!/^\d{1,9}$/.test(value)) {
        ctx.addIssue({
            code: 'custom',
            message: `must be a whole number such as 10, or 0 to retry until the timeout (got "${value.slice(0, 80)}").`
        });
        return core/* NEVER */.tm;
    }
    return Number(value) || Number.POSITIVE_INFINITY;
});

const InputSchema = schemas/* object */.Ikc({
    'job-id': schemas/* string */.YjP()
        .optional()
        .transform((value, ctx) => {
        const ids = [
            ...new Set((value ?? '')
                .split(/[\n,]/)
                .map((id) => id.trim())
                .filter(Boolean))
        ];
        const bad = ids.find((id) => !job_id/* JOB_ID */.m.test(id));
        if (bad !== undefined) {
            ctx.addIssue({
                code: 'custom',
                message: `has a malformed job ID "${bad.slice(0, 80)}": use the ID bulk_import returned, such as 463071155436633601 or job-xxxxxxxx; separate several with newlines or commas.`
            });
            return core/* NEVER */.tm;
        }
        return ids;
    }),
    'collection-name': optionalText,
    'wait-for': schemas/* enum */.k5n(['latest', 'all'], {
        error: (issue) => `must be latest or all (got "${String(issue.input)}").`
    }),
    'cluster-id': optionalText,
    'project-id': optionalText,
    'region-id': optionalText,
    'api-key': headerText('pass the key or token on one line of plain ASCII, and check the secret for pasted extra text.'),
    endpoint: endpointField,
    api: apiField,
    'db-name': headerText('Milvus database names are ASCII letters, digits and underscores.'),
    timeout: duration('90s, 15m, 2h or 1h30m', 1000),
    'poll-interval': duration('10s or 1m (at least 1s)', MIN_POLL_MS),
    'max-failures': failureBudget,
    'fail-on-timeout': inputs_boolean,
    summary: inputs_boolean,
    'min-rows': rowCount,
    'expected-rows': rowCount,
    'allow-partial': inputs_boolean,
    'comment-on-pr': inputs_boolean,
    'github-token': optionalText
})
    .superRefine((raw, ctx) => {
    if (raw['job-id'].length === 0 && !raw['collection-name']) {
        ctx.addIssue({
            code: 'custom',
            path: ['job-id'],
            message: "is required: pass the job ID that bulk_import returned, or set collection-name to wait for that collection's jobs."
        });
    }
    const missing = missingInput(raw.api, raw.endpoint, raw);
    if (missing)
        ctx.addIssue({
            code: 'custom',
            path: [missing.input],
            message: missing.problem
        });
});
/** The first issue of a failed parse, as the InputError of its input. */
function toInputError(error) {
    const issue = error.issues[0];
    const input = issue?.path[0];
    return new errors/* InputError */.dz(typeof input === 'string' ? [input] : [], issue?.message ?? 'The inputs are invalid.');
}
/**
 * Validates the raw input strings ('' or undefined = unset) into a Config.
 * Throws an InputError whose message names the input and the fix.
 */
function parseInputs(raw) {
    const values = Object.fromEntries(INPUT_NAMES.map((name) => {
        const value = raw[name]?.trim();
        return [name, value ? value : DEFAULTS[name]];
    }));
    // gRPC users often write host:port, as the SDKs take it.
    if (values.api === 'grpc' &&
        !/^[a-z][a-z0-9+.-]*:\/\//i.test(values.endpoint ?? ''))
        values.endpoint = `grpc://${values.endpoint}`;
    const parsed = InputSchema.safeParse(values);
    if (!parsed.success)
        throw toInputError(parsed.error);
    const v = parsed.data;
    const api = resolveApi(v.api, v.endpoint, v);
    return {
        jobIds: v['job-id'],
        collectionName: v['collection-name'],
        waitFor: v['wait-for'],
        clusterId: v['cluster-id'],
        projectId: v['project-id'],
        regionId: v['region-id'],
        apiKey: v['api-key'],
        endpoint: v.endpoint.href.replace(/\/+$/, ''),
        api,
        dbName: v['db-name'],
        timeoutMs: v.timeout,
        pollIntervalMs: v['poll-interval'],
        maxFailures: v['max-failures'],
        failOnTimeout: v['fail-on-timeout'],
        summary: v.summary,
        minRows: v['min-rows'],
        expectedRows: v['expected-rows'],
        allowPartial: v['allow-partial'],
        commentOnPr: v['comment-on-pr'],
        githubToken: v['github-token']
    };
}

;// CONCATENATED MODULE: ./src/report/annotations.ts


// GitHub shows 10 warning annotations per step; the plain-http and
// unknown-state warnings may need one each, and "…and N more" another.
const MAX_FILE_ANNOTATIONS = 7;
/**
 * Annotates each failed file as a warning titled with its name, within
 * GitHub's limit. Warnings, not errors: the step's verdict stays its one
 * ::error:: line, and a partial import allowed by allow-partial still shows.
 */
function annotateFailedFiles(runner, jobs) {
    const failed = jobs.flatMap((j) => (j.job?.files ?? [])
        .filter(isFailedFile)
        .map((f) => ({ jobId: j.jobId, file: f })));
    for (const { jobId, file } of failed.slice(0, MAX_FILE_ANNOTATIONS)) {
        runner.warning(`Import job ${(0,text_escape/* safeLogText */.Ht)(jobId, 100)}: file ${(0,text_escape/* safeLogText */.Ht)(file.fileName, 300)} ${(0,text_escape/* safeLogText */.Ht)(file.state, 40)}${file.reason ? `: ${(0,text_escape/* safeLogText */.Ht)(file.reason)}` : ''}`, { title: (0,text_escape/* safeLogText */.Ht)(file.fileName || 'file', 200) });
    }
    if (failed.length > MAX_FILE_ANNOTATIONS) {
        runner.warning(`…and ${failed.length - MAX_FILE_ANNOTATIONS} more failed files; see the job summary or the details output.`);
    }
}

;// CONCATENATED MODULE: ./src/report/messages.ts




// Past this many jobs, a reason names the first few and counts the rest.
const REASON_JOBS = 5;
/** Joins the first few items with "; " and counts the rest. */
function someOf(items) {
    const shown = items.slice(0, REASON_JOBS).join('; ');
    const more = items.length - REASON_JOBS;
    return more > 0 ? `${shown}; and ${more} more (see the jobs output)` : shown;
}
/** Describes a job that is not finished, for timeout and cancel messages. */
function lastSeen(job) {
    return job
        ? `it was ${job.state} at ${job.progress}%`
        : 'no progress was read';
}
const noStop = (text) => (text.endsWith('.') ? text.slice(0, -1) : text);
/** What was last known of a job that timed out, without a final period. */
function timeoutDetail(job, lastError) {
    const seen = lastSeen(job);
    return lastError === undefined
        ? seen
        : `${seen}, and the last poll failed: ${noStop((0,errors/* errorMessage */.gJ)(lastError))}`;
}
/** The one-line reason of a job that ended without success. */
function failureReason(job) {
    if (job.status === 'uncommitted') {
        return `Import job ${job.jobId} is Uncommitted: it was created with auto_commit=false and waits for a commit. Set commit: gated to commit it once it passes the gates, or call /v2/vectordb/jobs/import/commit (or abort) yourself.`;
    }
    if (job.state === 'Completed' && job.reason) {
        return `Import job ${job.jobId} reports Completed but also a failure reason, so it is not counted as a success: ${(0,text_escape/* cap */.Np)((0,text_escape/* oneLine */.TN)(job.reason))}`;
    }
    const fileReasons = job.files
        .filter((f) => f.reason)
        .map((f) => `${f.fileName}: ${f.reason}`);
    // The reason becomes an output and an error line: one line, capped.
    const reason = job.reason ||
        fileReasons[0] ||
        (job.state === 'None'
            ? 'the server reports state None (unknown import job state)'
            : job.state === 'ImportFailed'
                ? // Milvus 2.4+ maps Uncommitted, Committing and None to ImportFailed.
                    'the server gave no reason. Over gRPC, Milvus 2.4+ also reports a job that waits for a commit (created with auto_commit=false) as ImportFailed; check its state with api: v2'
                : 'the server gave no reason');
    return `Import job ${job.jobId} ${job.state === 'Failed' ? 'failed' : `ended ${job.state}`}: ${(0,text_escape/* cap */.Np)((0,text_escape/* oneLine */.TN)(reason))}`;
}
/**
 * The one line for an error, inputs spelled as the front end names them
 * (`Input "timeout"` in a workflow, `--timeout` on a command line).
 */
function errorLine(error, naming = 'workflow') {
    return error instanceof errors/* InputError */.dz
        ? (0,errors/* inputSentence */.SF)(error.inputs, error.problem, naming)
        : (0,errors/* errorMessage */.gJ)(error);
}
/** The per-job reason of a wait that ended without the server's verdict. */
function endingReason(ending, job) {
    switch (ending.kind) {
        case 'cancelled':
            return `The step was cancelled; ${lastSeen(job)}.`;
        case 'timeout':
            return ending.lastError === undefined
                ? `Timed out; ${lastSeen(job)}.`
                : `Timed out; ${lastSeen(job)}, and the last poll failed: ${(0,errors/* errorMessage */.gJ)(ending.lastError)}`;
        case 'error':
            return (0,errors/* errorMessage */.gJ)(ending.error);
    }
}
/**
 * One line on why a job did not succeed (undefined on success), from how
 * its wait ended or from the job the server reported.
 */
function jobReason(result) {
    if (result.ending)
        return endingReason(result.ending, result.job);
    if (result.outcome === 'failed' && result.job)
        return failureReason(result.job);
    return undefined;
}
/** The reason of a run that ended before any job result could be had. */
function fatalReason(ending, timeoutMs, naming = 'workflow') {
    switch (ending.kind) {
        case 'cancelled':
            return 'The step was cancelled before any job was read.';
        case 'timeout':
            return `Timed out after ${formatDuration(timeoutMs)}: ${(0,errors/* errorMessage */.gJ)(ending.lastError)}`;
        case 'error':
            return ending.error instanceof errors/* ActionError */.lZ
                ? errorLine(ending.error, naming)
                : `Unexpected error: ${(0,errors/* errorMessage */.gJ)(ending.error)}`;
    }
}
/** The overall one-line reason of a run that did not succeed. */
function overallReason(outcome, jobs, timeoutMs) {
    const bad = jobs
        .filter((j) => j.outcome === outcome)
        .map((j) => ({ ...j, reason: jobReason(j) ?? '' }))
        .filter((j) => j.reason);
    if (outcome === 'success' || bad.length === 0)
        return '';
    if (outcome === 'timeout') {
        const head = `Timed out after ${formatDuration(timeoutMs)}`;
        const lines = bad.map((j) => `${j.jobId}: ${timeoutDetail(j.job, j.ending?.kind === 'timeout' ? j.ending.lastError : undefined)}`);
        return `${head} waiting for ${someOf(lines)}. The import goes on on the server; raise timeout to wait longer.`;
    }
    if (bad.length === 1 && jobs.length === 1)
        return bad[0].reason;
    if (outcome === 'cancelled') {
        const seen = bad.map((j) => `${j.jobId} ${lastSeen(j.job)}`);
        return `The step was cancelled while waiting for ${bad.length} of ${jobs.length} import jobs (${someOf(seen)}). The imports go on on the server.`;
    }
    const what = outcome === 'failed'
        ? 'failed'
        : outcome === 'error'
            ? 'could not be checked'
            : outcome;
    return `${bad.length} of ${jobs.length} import jobs ${what}: ${someOf(bad.map((j) => j.reason))}`;
}
/** The first line of the wait: what, where, how often and how long. */
function waitingLine(ids, apiName, { endpoint, pollIntervalMs, timeoutMs }) {
    return `Waiting for import job${ids.length > 1 ? 's' : ''} ${ids.join(', ')} on ${apiName} (${new URL(endpoint).host}), every ${formatDuration(pollIntervalMs)}, for up to ${formatDuration(timeoutMs)}.`;
}
/** The warning for a key sent in clear text to a host off this machine. */
const plainTextKeyLine = (url) => `api-key is sent over plain ${url.protocol.replace(':', '')} to ${url.host}; anyone on the network path can read it. Use https:// (or grpcs://) if the server supports it.`;
/** The last line of a run that succeeded. */
function successLine(rows, elapsedMs) {
    return `Import completed${rows === undefined ? '' : `: ${formatCount(rows)} rows`} in ${formatDuration(elapsedMs)}.`;
}
const jobWord = (ids) => `import job${ids.length > 1 ? 's' : ''} ${ids.join(', ')}`;
/** Lowers the first letter, to run a gate's sentence on after a colon. */
const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);
/** What became of one job's abort; job is as read after a refused one. */
function abortNote({ job, error }) {
    if (error === undefined)
        return 'aborted it, so its data was discarded and never became visible';
    const failed = `the abort failed (${noStop((0,errors/* errorMessage */.gJ)(error))})`;
    const state = job.job?.state;
    if (state === 'Committing' || state === 'Completed')
        return `${failed}, and it is ${state} now: it was committed, so its data is visible`;
    if (state === 'Failed')
        return `${failed}, and it is Failed now, so its data never became visible`;
    return `${failed}; it was never committed, so its data stays invisible: abort it with POST /v2/vectordb/jobs/import/abort`;
}
const saidOf = (notes) => notes.map((n) => `${n.job.jobId} (${lastSeen(n.job.job)}): ${abortNote(n)}`);
/** The reason of a gated flow that decided the outcome. */
function gateReason(ending) {
    switch (ending.kind) {
        case 'held':
            return ending.outcome === 'cancelled'
                ? `The step was cancelled before the import was committed; ${saidOf(ending.notes).join('; ')}.`
                : `Timed out after ${formatDuration(ending.timeoutMs)} before the import was ready to commit; ${saidOf(ending.notes).join('; ')}. Raise timeout to wait longer.`;
        case 'abort-failed': {
            const ids = ending.notes.map((n) => n.job.jobId);
            return `The gates failed: ${lowerFirst(ending.gate)} Not committing ${jobWord(ids)}; ${ending.notes.map(abortNote).join('; ')}.`;
        }
        case 'aborted': {
            const { committed, pending } = ending;
            if (committed.length)
                return `The gates failed: ${lowerFirst(ending.gate)} The abort of ${jobWord(committed)} was accepted, but ${committed.length > 1 ? 'they are' : 'it is'} committed now (Committing or Completed), so ${committed.length > 1 ? 'their' : 'its'} data is visible although the gates failed: check the collection, and delete the imported rows if they must not be served.`;
            return `Aborted ${jobWord(ending.ids)}: ${lowerFirst(ending.gate)} The data was discarded and never became visible.${pending.length ? ` (${jobWord(pending)} had not yet reported Failed when the step ended.)` : ''}`;
        }
        case 'commit-refused': {
            const refused = ending.refused.map((r) => `${r.jobId}: ${(0,errors/* errorMessage */.gJ)(r.error)}`);
            return `Could not commit ${refused.join('; ')} Its data stays invisible until it is committed: commit it with POST /v2/vectordb/jobs/import/commit, or abort it.`;
        }
        case 'committing': {
            const which = `${jobWord(ending.ids)} ${ending.ids.length > 1 ? 'were' : 'was'} Committing`;
            const left = 'the commit was accepted, so it is left to finish, and its data becomes visible when it completes';
            return ending.outcome === 'cancelled'
                ? `The step was cancelled while ${which}: ${left}.`
                : `Timed out while ${which}: ${left}.`;
        }
    }
}
/** The log line of the gates' verdict on jobs ready to commit. */
function gateVerdictLine(gate, ids) {
    return gate
        ? `The gates failed: ${gate} Aborting ${jobWord(ids)}.`
        : `The gates passed: committing ${jobWord(ids)}.`;
}
const committedLine = (ids) => `Committed ${jobWord(ids)}; waiting for Completed.`;
const abortedLine = (jobId) => `Aborted import job ${jobId}.`;
/** The warning for a job that completed with no commit to hold it back. */
const committedWithoutHoldLine = (jobId) => `Import job ${jobId} completed without a commit: it was not created with auto_commit=false, so commit: gated could not hold its data back.`;
/** The warning when a failed or unreadable job stops the commit. */
const notCommittingLine = (notes) => `Not committing the import: ${saidOf(notes).join('; ')}.`;

;// CONCATENATED MODULE: ./src/report/outputs.ts




// GITHUB_OUTPUT holds at most 1 MiB per job in all; the details list is cut
// (failed files first) to stay well inside it.
const DETAILS_BUDGET_BYTES = 256 * 1024;
/** The per-file entries of the details output, failed files first. */
function detailsJson(jobs) {
    const entries = [];
    let used = 2;
    const all = jobs.flatMap((j) => (j.job?.files ?? []).map((f) => ({ jobId: j.jobId, ...f })));
    const ordered = [
        ...all.filter(isFailedFile),
        ...all.filter((f) => !isFailedFile(f))
    ];
    for (const f of ordered) {
        const text = exactJson(f);
        if (used + text.length + 1 > DETAILS_BUDGET_BYTES)
            break;
        entries.push(text);
        used += text.length + 1;
    }
    return `[${entries.join(',')}]`;
}
/** One entry of the jobs output. */
function jobEntry(j) {
    const files = j.job?.files ?? [];
    return {
        jobId: j.jobId,
        outcome: j.outcome,
        state: j.job?.state ?? '',
        progress: j.job?.progress ?? 0,
        // null when the API does not report it, as in the row outputs.
        importedRows: j.job?.importedRows ?? null,
        totalRows: j.job?.totalRows ?? null,
        collectionName: j.job?.collectionName ?? '',
        reason: jobReason(j) ?? '',
        completeTime: j.job?.completeTime ?? '',
        files: files.length,
        failedFiles: files.filter(isFailedFile).length
    };
}
/** Computes every output of action.yml from the run's result. */
function outputValues(result) {
    const jobs = result.jobs;
    const worst = worstJob(jobs);
    const completeTimes = jobs.map((j) => j.job?.completeTime ?? '');
    return {
        outcome: result.outcome,
        // Names, states and times are one line, whatever a server sent.
        state: (0,text_escape/* oneLine */.TN)(worst?.job?.state ?? ''),
        progress: String(lowestProgress(jobs)),
        // Empty, not 0, when the API reports no row counts (v1, gRPC totals).
        importedRows: String(sumOf(jobs, (j) => j.job?.importedRows) ?? ''),
        totalRows: String(sumOf(jobs, (j) => j.job?.totalRows) ?? ''),
        jobId: jobs.map((j) => j.jobId).join(','),
        collectionName: (0,text_escape/* oneLine */.TN)([...new Set(jobs.map((j) => j.job?.collectionName).filter(Boolean))].join(',')),
        reason: result.reason,
        // With several jobs, the last to complete; empty unless all completed.
        completeTime: (0,text_escape/* oneLine */.TN)(completeTimes.every(Boolean)
            ? ([...completeTimes].sort().at(-1) ?? '')
            : ''),
        elapsedSeconds: String(Math.round(result.elapsedMs / 1000)),
        details: detailsJson(jobs),
        jobs: exactJson(jobs.map(jobEntry))
    };
}
/** Sets every output; called on success, failure, timeout and cancel alike. */
function setOutputs(runner, result) {
    for (const [name, value] of Object.entries(outputValues(result)))
        runner.setOutput(name, value);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/secrets.ts + 1 modules
var secrets = __webpack_require__(4001);
;// CONCATENATED MODULE: ./src/report/summary.ts





// GitHub drops a step summary over 1 MiB whole; stay well under it.
const SUMMARY_BUDGET_BYTES = 900 * 1024;
// Reasons in file rows are cut shorter than elsewhere so big tables stay light.
const FILE_REASON_MAX = 300;
const HEADINGS = {
    success: '✅ Milvus import completed',
    failed: '❌ Milvus import failed',
    timeout: '⏱️ Milvus import timed out',
    cancelled: '⚠️ Waiting for the Milvus import was cancelled',
    error: '❌ Could not check the Milvus import'
};
const OUTCOME_LABEL = {
    success: '✅ success',
    failed: '❌ failed',
    timeout: '⏱️ timeout',
    cancelled: '⚠️ cancelled',
    error: '❌ error'
};
const row = (cells) => `| ${cells.join(' | ')} |\n`;
/** Files to show first: the failed ones, then the rest, in server order. */
function* failedFirst(files) {
    for (const f of files)
        if (isFailedFile(f))
            yield f;
    for (const f of files)
        if (!isFailedFile(f))
            yield f;
}
/** Appends text while the byte budget lasts. */
class Budget {
    limit;
    parts = [];
    used = 0;
    constructor(limit) {
        this.limit = limit;
    }
    /** Adds text if it fits; returns false when it does not. */
    add(text, reserve = 0) {
        const bytes = Buffer.byteLength(text);
        if (this.used + bytes + reserve > this.limit)
            return false;
        this.parts.push(text);
        this.used += bytes;
        return true;
    }
    get remaining() {
        return this.limit - this.used;
    }
    toString() {
        return this.parts.join('');
    }
}
// Bytes kept for a job's "…and N more files" line, so that line always fits.
const MORE_LINE_BYTES = 200;
function fileTable(job, out, reserve) {
    const files = job.job?.files ?? [];
    if (files.length === 0) {
        out.add('_The server reported no per-file results (yet)._\n\n', reserve);
        return;
    }
    const failed = files.filter(isFailedFile).length;
    const kept = reserve + MORE_LINE_BYTES;
    const head = `**Files** (${formatCount(files.length)}${failed ? `, ${formatCount(failed)} failed` : ''})\n\n` +
        row(['File', 'State', 'Progress', 'Rows', 'Reason']) +
        row(['---', '---', '---:', '---:', '---']);
    if (!out.add(head, kept)) {
        out.add(`${formatCount(files.length)} files (${formatCount(failed)} failed) are not listed: the summary reached its size limit. See the details output.\n\n`);
        return;
    }
    let shown = 0;
    for (const f of failedFirst(files)) {
        const line = row([
            (0,text_escape/* escapeCell */.kq)(f.fileName || '(unnamed)'),
            `${isFailedFile(f) ? '❌ ' : ''}${(0,text_escape/* escapeCell */.kq)(f.state || '—')}`,
            formatPercent(f.progress),
            formatRowPair(f.importedRows, f.totalRows),
            f.reason ? (0,text_escape/* escapeCell */.kq)(f.reason, FILE_REASON_MAX) : ''
        ]);
        if (!out.add(line, kept))
            break;
        shown++;
    }
    if (shown < files.length) {
        out.add(`\n…and ${formatCount(files.length - shown)} more files (failed files are listed first).\n`);
    }
    out.add('\n');
}
function overview(result, out) {
    const lines = overviewFacts(result, formatDuration).map(({ label, value }) => row([
        `**${label === 'Rows' ? 'Rows (imported / total)' : label}**`,
        label === 'Result'
            ? OUTCOME_LABEL[result.outcome]
            : (0,text_escape/* escapeCell */.kq)(value, label === 'Jobs' ? 20_000 : undefined)
    ]));
    out.add(row(['', '']) + row(['---', '---']) + lines.join('') + '\n');
}
function jobsTable(result, out) {
    out.add(row(['Job', 'Result', 'State', 'Progress', 'Rows', 'Reason']) +
        row(['---', '---', '---', '---:', '---:', '---']));
    for (const j of result.jobs) {
        const line = row([
            (0,text_escape/* escapeCell */.kq)(j.jobId),
            OUTCOME_LABEL[j.outcome],
            (0,text_escape/* escapeCell */.kq)(j.job?.state ?? '—'),
            formatPercent(j.job?.progress),
            formatRowPair(j.job?.importedRows, j.job?.totalRows),
            (0,text_escape/* escapeCell */.kq)(jobReason(j) ?? '', FILE_REASON_MAX)
        ]);
        if (!out.add(line, 200))
            break;
    }
    out.add('\n');
}
/**
 * Renders the job summary in one pass under a byte budget: the overall
 * result, then (with several jobs) a row per job, then each job's files with
 * the failed ones first.
 */
function renderSummary(result, budgetBytes = SUMMARY_BUDGET_BYTES) {
    const out = new Budget(budgetBytes);
    out.add(`## ${HEADINGS[result.outcome]}\n\n`);
    overview(result, out);
    if (result.jobs.length > 1)
        jobsTable(result, out);
    const several = result.jobs.length > 1;
    const headings = result.jobs.map((job) => several
        ? `### Job ${(0,text_escape/* escapeCell */.kq)(job.jobId)} · ${OUTCOME_LABEL[job.outcome]} · ${(0,text_escape/* escapeCell */.kq)(job.job?.state ?? '—')} · ${formatRows(job.job?.importedRows)} rows\n\n`
        : '');
    // Each job keeps room for the heading and the "not listed" line of every
    // job after it, so no job goes unmentioned when the budget runs out.
    const needs = headings.map((h) => Buffer.byteLength(h) + MORE_LINE_BYTES);
    let reserve = needs.reduce((a, b) => a + b, 0);
    result.jobs.forEach((job, i) => {
        reserve -= needs[i];
        if (headings[i] && !out.add(headings[i], reserve))
            return;
        fileTable(job, out, reserve);
    });
    return out.toString();
}

;// CONCATENATED MODULE: ./src/report/pr-comment.ts









/** Starts the one comment this action owns on a pull request. */
const COMMENT_MARKER = '<!-- wait-for-milvus-import -->';
// GitHub refuses comments over 65,536 characters; a byte budget below that
// is below it in characters too.
const COMMENT_BUDGET_BYTES = 60 * 1024;
const PER_PAGE = 100;
// 5,000 comments: past that, post a new comment rather than page for ever.
const pr_comment_MAX_PAGES = 50;
const REQUEST_TIMEOUT_MS = 15_000;
const PR_EVENTS = ['pull_request', 'pull_request_target'];
const EventSchema = schemas/* object */.Ikc({
    pull_request: schemas/* object */.Ikc({ number: schemas/* number */.aig().int().positive() })
});
const CommentSchema = schemas/* object */.Ikc({
    id: schemas/* number */.aig().int(),
    body: schemas/* string */.YjP().nullish(),
    html_url: schemas/* string */.YjP().optional()
});
const CommentListSchema = schemas/* array */.YOg(CommentSchema);
const ErrorBodySchema = schemas/* object */.Ikc({ message: schemas/* string */.YjP() });
/** A failure to comment, worded with its fix. */
class CommentError extends Error {
}
/** Reads the pull request of this run, or says why there is none. */
function pullRequestOf(env) {
    const event = env.GITHUB_EVENT_NAME ?? '';
    if (!PR_EVENTS.includes(event)) {
        return {
            skip: `comment-on-pr: skipped, this run is not for a pull request (event ${event || 'unknown'}).`
        };
    }
    const repo = env.GITHUB_REPOSITORY ?? '';
    if (!/^[\w.-]+\/[\w.-]+$/.test(repo)) {
        throw new CommentError(`GITHUB_REPOSITORY is "${(0,text_escape/* safeLogText */.Ht)(repo, 100)}", not owner/repo.`);
    }
    const path = env.GITHUB_EVENT_PATH;
    if (!path)
        throw new CommentError('GITHUB_EVENT_PATH is not set.');
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new CommentError(`could not read the event file GITHUB_EVENT_PATH (${error.code ?? (0,errors/* errorMessage */.gJ)(error)}).`);
    }
    const parsed = EventSchema.safeParse(tryJson(text));
    if (!parsed.success) {
        throw new CommentError('the event file GITHUB_EVENT_PATH has no pull_request.number.');
    }
    const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
    return { pr: { apiUrl, repo, number: parsed.data.pull_request.number } };
}
/** The one-line reason GitHub gave, with the fix where we know it. */
function pr_comment_failure(status, text, what) {
    const message = ErrorBodySchema.safeParse(tryJson(text));
    const said = message.success ? `: ${(0,text_escape/* safeLogText */.Ht)(message.data.message)}` : '';
    if (status === 401) {
        return new CommentError(`GitHub rejected github-token when trying to ${what} (HTTP 401${said}). Pass a valid token, such as \${{ github.token }}.`);
    }
    if (status === 403 || status === 404) {
        return new CommentError(`GitHub refused to ${what} (HTTP ${status}${said}). Give the job "permissions: pull-requests: write"; pull requests from forks get a read-only token.`);
    }
    return new CommentError(`GitHub answered HTTP ${status} when trying to ${what}${said}.`);
}
/** Calls the GitHub REST API with the token; returns the parsed JSON. */
async function call(pr, token, method, path, what, body) {
    let res;
    try {
        res = await send({
            method,
            url: `${pr.apiUrl}${path}`,
            headers: {
                Authorization: `Bearer ${token}`,
                Accept: 'application/vnd.github+json',
                'X-GitHub-Api-Version': '2022-11-28',
                'User-Agent': USER_AGENT,
                ...(body === undefined ? {} : { 'Content-Type': 'application/json' })
            },
            body: body === undefined ? undefined : JSON.stringify(body),
            timeoutMs: REQUEST_TIMEOUT_MS
        });
    }
    catch (error) {
        const cause = error.cause;
        throw new CommentError(`could not reach the GitHub API at ${pr.apiUrl} to ${what} (${cause?.code ?? (0,errors/* errorMessage */.gJ)(error)}). The import result is not affected.`);
    }
    if (res.status < 200 || res.status > 299)
        throw pr_comment_failure(res.status, res.text, what);
    return tryJson(res.text);
}
/** Finds this action's earlier comment on the pull request, if any. */
async function findComment(pr, token) {
    for (let page = 1; page <= pr_comment_MAX_PAGES; page++) {
        const body = await call(pr, token, 'GET', `/repos/${pr.repo}/issues/${pr.number}/comments?per_page=${PER_PAGE}&page=${page}`, `list the comments of pull request #${pr.number}`);
        const list = CommentListSchema.safeParse(body);
        if (!list.success) {
            throw new CommentError('GitHub answered the comment list with a body this action cannot read.');
        }
        // Our comment starts with the marker; a quote of it does not.
        const mine = list.data.find((c) => c.body?.startsWith(COMMENT_MARKER));
        if (mine)
            return mine;
        if (list.data.length < PER_PAGE)
            return undefined;
    }
    return undefined;
}
/**
 * Posts the result table as a comment on the pull request of this run, or
 * updates the comment an earlier run posted. Never fails the step: any
 * problem becomes one warning with its fix.
 */
async function commentOnPullRequest(runner, result, token, env = process.env) {
    try {
        const target = pullRequestOf(env);
        if ('skip' in target) {
            runner.info(target.skip);
            return;
        }
        const { pr } = target;
        if (!token) {
            throw new CommentError('github-token is empty. Pass github-token: ${{ github.token }} (the default) and give the job "permissions: pull-requests: write".');
        }
        const body = `${COMMENT_MARKER}\n${renderSummary(result, COMMENT_BUDGET_BYTES)}`;
        const existing = await findComment(pr, token);
        const saved = CommentSchema.safeParse(existing
            ? await call(pr, token, 'PATCH', `/repos/${pr.repo}/issues/comments/${existing.id}`, `update comment ${existing.id}`, { body })
            : await call(pr, token, 'POST', `/repos/${pr.repo}/issues/${pr.number}/comments`, `comment on pull request #${pr.number}`, { body }));
        const url = saved.success ? saved.data.html_url : undefined;
        runner.info(`${existing ? 'Updated the result comment on' : 'Commented the result on'} pull request #${pr.number}${url ? `: ${(0,text_escape/* safeLogText */.Ht)(url, 300)}` : '.'}`);
    }
    catch (error) {
        runner.warning((0,secrets/* redact */.E$)(`Could not comment on the pull request: ${(0,errors/* errorMessage */.gJ)(error)}`));
    }
    finally {
        closeConnections();
    }
}

;// CONCATENATED MODULE: ./src/report/progress-log.ts



// With nothing changing, one heartbeat line this often instead of a wall of
// identical lines.
const HEARTBEAT_MS = 60_000;
/** A job's progress on the 0-100 scale the log shows: Completed is 100. */
function shownProgress(job) {
    return job.status === 'completed' ? 100 : job.progress;
}
/** One log line for a job snapshot. */
function progressLine(job) {
    const parts = [
        `${(0,text_escape/* safeLogText */.Ht)(job.jobId, 100)} ${(0,text_escape/* safeLogText */.Ht)(job.state, 60)} ${formatPercent(shownProgress(job))}`
    ];
    // Milvus reports 0/0 rows until its import tasks exist; that says nothing.
    if (job.totalRows) {
        parts.push(`${formatRows(job.importedRows)}/${formatRows(job.totalRows)} rows`);
    }
    else if (job.importedRows) {
        parts.push(`${formatRows(job.importedRows)} rows`);
    }
    if (job.files.length) {
        const done = job.files.filter((f) => f.state === 'Completed').length;
        parts.push(`${done} of ${job.files.length} files done`);
    }
    return parts.join(' · ');
}
/**
 * Logs a line when a job's state or progress changes, and a heartbeat
 * otherwise, in one log group per job. One job's lines stream live inside its
 * group. Groups of concurrent jobs cannot interleave, so with several jobs
 * each job's lines are kept and printed as its group when it ends, while one
 * live line tells how many jobs have ended.
 */
class ProgressLog {
    runner;
    clock;
    startedAt;
    jobIds;
    last = new Map();
    warned = new Set();
    held = new Map();
    ended = new Map();
    lastTally = '';
    lastBeat;
    progress = new Map();
    constructor(runner, clock, startedAt, jobIds) {
        this.runner = runner;
        this.clock = clock;
        this.startedAt = startedAt;
        this.jobIds = jobIds;
        this.lastBeat = startedAt;
        if (this.live)
            runner.startGroup(`Import job ${jobIds[0]}`);
        else
            for (const id of jobIds)
                this.held.set(id, []);
    }
    get live() {
        return this.jobIds.length === 1;
    }
    /** Prints a line of one job: now, or when its group is printed. */
    say(jobId, line) {
        const held = this.held.get(jobId);
        if (held)
            held.push(line);
        else
            this.runner.info(line);
    }
    /** Reports one poll of one job. */
    poll(job) {
        const now = this.clock.now();
        const key = `${job.state}|${job.progress}|${job.importedRows}|${job.files.length}`;
        const prev = this.last.get(job.jobId);
        if (!prev || prev.key !== key) {
            this.say(job.jobId, progressLine(job));
            this.last.set(job.jobId, { key, at: now });
        }
        else if (now - prev.at >= HEARTBEAT_MS) {
            this.say(job.jobId, `${progressLine(job)} (unchanged; waited ${formatDuration(now - this.startedAt)})`);
            prev.at = now;
        }
        this.progress.set(job.jobId, shownProgress(job));
        if (!this.live && now - this.lastBeat >= HEARTBEAT_MS) {
            // Several jobs print their lines as they end; say something meanwhile.
            const open = this.jobIds.filter((id) => !this.ended.has(id));
            const lowest = Math.min(...open.map((id) => this.progress.get(id) ?? 0));
            this.runner.info(`Waiting for ${open.length} of ${this.jobIds.length} import jobs (lowest progress ${lowest}%; waited ${formatDuration(now - this.startedAt)}).`);
            this.lastBeat = now;
        }
        if (job.status === 'unknown' && !this.warned.has(job.state)) {
            this.warned.add(job.state);
            this.runner.warning(`Import job ${(0,text_escape/* safeLogText */.Ht)(job.jobId, 100)} reports state "${(0,text_escape/* safeLogText */.Ht)(job.state, 60)}", which this action does not know. It keeps polling and will not treat it as success.`);
        }
    }
    /** Reports a retry of a job's failed poll. */
    retry(jobId, message) {
        this.say(jobId, `${(0,text_escape/* safeLogText */.Ht)(jobId, 100)}: ${(0,text_escape/* safeLogText */.Ht)(message)}`);
    }
    /** Reports that a job ended: prints its group (several jobs) and the tally. */
    end(result) {
        this.ended.set(result.jobId, result.outcome);
        const held = this.held.get(result.jobId);
        if (!held)
            return;
        this.held.delete(result.jobId);
        this.runner.startGroup(`Import job ${(0,text_escape/* safeLogText */.Ht)(result.jobId, 100)}: ${result.outcome}`);
        for (const line of held)
            this.runner.info(line);
        this.runner.endGroup();
        this.tally();
    }
    /** One live line for several jobs: how many ended, and how. */
    tally() {
        const counts = new Map();
        for (const outcome of this.ended.values())
            counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
        const parts = [...counts].map(([o, n]) => `${n} ${o}`).join(', ');
        const line = `${this.ended.size} of ${this.jobIds.length} import jobs ended (${parts}).`;
        if (line !== this.lastTally)
            this.runner.info(line);
        this.lastTally = line;
    }
    /** Closes the live group of a single job. */
    finish() {
        if (this.live)
            this.runner.endGroup();
    }
}

;// CONCATENATED MODULE: ./src/wait/wait-for-jobs.ts



const MAX_CONSECUTIVE_FAILURES = 10;
/** The least time left for the last poll before the deadline. */
const LAST_POLL_MS = 250;
// Timers fire late, never early: the last poll is planned this much ahead,
// so that it still finds its time left when it wakes.
const TIMER_SLACK_MS = 100;
/**
 * The delay before poll n+1: quick at first, so jobs that are nearly done
 * when the step starts are seen soon, then the user's interval.
 */
function pollDelay(polls, intervalMs) {
    const ramp = Math.max(1000, intervalMs / 4) * 2 ** Math.max(0, polls - 1);
    return Math.min(intervalMs, ramp);
}
/**
 * An answer that puts the job in another collection than collection-name
 * is about someone else's data: unreadable, never progress.
 */
function checkCollection(job, expected, apiName) {
    const said = job.collectionName;
    if (!expected || said === undefined || said === '' || said === expected)
        return;
    throw new errors/* MalformedResponseError */.f7(`${apiName} answered that import job ${job.jobId} belongs to collection ${JSON.stringify(said.slice(0, 80))}, not to collection-name ${JSON.stringify(expected)}, so the answer is not trusted. Check job-id and collection-name.`);
}
/** Polls one job until it ends, the deadline passes or the step is cancelled. */
async function waitForJob(api, jobId, options) {
    const { clock, signal } = options;
    let job;
    let polls = 0;
    // Whether the poll just made was the last that fits before the deadline.
    let last = false;
    // The time a request is given near the deadline: twice the slowest answer
    // so far, within LAST_POLL_MS and MIN_REQUEST_MS; a full MIN_REQUEST_MS
    // until an answer was timed.
    let slowestMs;
    const needMs = () => slowestMs === undefined
        ? MIN_REQUEST_MS
        : Math.min(MIN_REQUEST_MS, Math.max(LAST_POLL_MS, 2 * slowestMs));
    const policy = {
        clock,
        signal,
        deadline: options.deadline,
        maxDelayMs: options.intervalMs,
        maxFailures: options.maxFailures ?? MAX_CONSECUTIVE_FAILURES,
        // A hung request is given up after three intervals (10-30 s), so a fast
        // poller does not sit 30 s on one dead connection.
        requestTimeoutMs: options.requestTimeoutMs ??
            Math.min(DEFAULT_REQUEST_TIMEOUT_MS, Math.max(10_000, 3 * options.intervalMs)),
        minRequestMs: MIN_REQUEST_MS,
        random: options.random,
        onRetry: (error, delayMs) => options.onRetry?.(jobId, error, delayMs)
    };
    const end = (outcome) => ({ jobId, outcome, job, polls });
    const stop = (ending) => ({ ...end(ending.kind), ending });
    // With no time left for a request the wait still ends when the timeout
    // says, not at the last poll.
    const stopAtDeadline = async (ending) => {
        await clock.sleep(options.deadline - clock.now(), signal);
        return stop(signal?.aborted ? { kind: 'cancelled' } : ending);
    };
    for (;;) {
        try {
            job = await withRetry(async (timeoutMs) => {
                // With many jobs the next free request slot may lie past the deadline.
                if (options.limiter &&
                    !(await options.limiter.acquire(signal, options.deadline - (policy.minRequestMs ?? 0))))
                    throw new NoSlotError('no request slot before the deadline');
                // A wait for a slot must not carry the request past the deadline.
                const startedAt = clock.now();
                const read = await api.getJob(jobId, {
                    timeoutMs: Math.min(timeoutMs, options.deadline - startedAt),
                    signal
                });
                slowestMs = Math.max(slowestMs ?? 0, clock.now() - startedAt);
                checkCollection(read, options.collectionName, api.name);
                return read;
            }, policy);
        }
        catch (error) {
            const ending = outcomeOf(error, signal);
            return ending.kind === 'timeout' ? stopAtDeadline(ending) : stop(ending);
        }
        polls++;
        options.onPoll?.(job);
        const settled = verdict(job);
        if (settled === 'success')
            return end('success');
        if (settled === 'failed')
            return end('failed');
        const left = options.deadline - clock.now();
        if (left <= 0)
            return stop({ kind: 'timeout' });
        // When the next poll would come too late to finish, the last one goes
        // out as late as it still can; after it, or with no time for one, the
        // wait ends at the deadline.
        policy.minRequestMs = needMs();
        const spare = left - policy.minRequestMs - TIMER_SLACK_MS;
        if (last || spare <= 0)
            return stopAtDeadline({ kind: 'timeout' });
        const delay = pollDelay(polls, options.intervalMs);
        last = delay >= spare;
        await clock.sleep(Math.min(delay, spare), signal);
        if (signal?.aborted)
            return stop({ kind: 'cancelled' });
    }
}
/** Waits for several jobs at once; each stops as soon as it ends. */
async function waitForJobs(api, jobIds, options) {
    return Promise.all(jobIds.map(async (id) => {
        const result = await waitForJob(api, id, options);
        options.onEnd?.(result);
        return result;
    }));
}

;// CONCATENATED MODULE: ./src/start/create.ts




// A lost answer is looked up for at most this long.
const LOOKUP_MS = 60_000;
/** The retry policy of one call of the step (create, list, commit, abort). */
function callPolicy(config, step) {
    return {
        clock: step.clock,
        signal: step.signal,
        deadline: step.deadline,
        maxDelayMs: config.pollIntervalMs,
        maxFailures: MAX_CONSECUTIVE_FAILURES,
        requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS
    };
}
/** The IDs of a collection's jobs, or undefined when the list fails. */
async function listedIds(api, collectionName, policy) {
    try {
        const listed = await withRetry((timeoutMs) => api.listJobs({ collectionName }, { timeoutMs, signal: policy.signal }), policy);
        return new Set(listed
            .filter((j) => j.collectionName === collectionName)
            .map((j) => j.jobId));
    }
    catch {
        return undefined;
    }
}
/** Refuses a gated import where the server would make the data visible. */
async function requireTwoPhase(api, policy) {
    const supported = api.supportsTwoPhase &&
        (await withRetry((timeoutMs) => api.supportsTwoPhase({ timeoutMs, signal: policy.signal }), policy));
    if (!supported) {
        throw new errors/* ActionError */.lZ(`${api.name} cannot hold an import back until it is committed (POST /v2/vectordb/jobs/import/commit answered HTTP 404; two-phase imports need Milvus 3.0 or later), so commit: gated created nothing. Upgrade the server, or use commit: auto with min-rows/expected-rows to check the data after it becomes visible.`);
    }
}
/** Checks that the server can take what the inputs want to import. */
function checkTarget(api, config, start) {
    if (!api.createJob)
        throw new errors/* InputError */.dz([], `${api.name} cannot start imports: files and object-url need the v2 REST API (api: v2) of Milvus 2.4+ or Zilliz Cloud.`);
    const cloud = Boolean(config.clusterId);
    if (cloud && start.create?.files)
        throw new errors/* InputError */.dz(['files'], 'names keys in the bucket of a self-hosted Milvus; Zilliz Cloud imports from object storage: use object-url (with access-key and secret-key).');
    if (!cloud && start.create?.objectUrls)
        throw new errors/* InputError */.dz(['object-url'], 'is for Zilliz Cloud (with cluster-id); a self-hosted Milvus imports from its own bucket: use files.');
}
/**
 * Creates the import job of the inputs and returns its ID, or undefined when
 * the step waits for existing jobs. The jobId output is set at once, so an
 * `if: always()` step sees it whatever happens next.
 */
async function startImport(runner, api, config, start, step) {
    if (start.gated && !api.commitJob)
        throw new errors/* InputError */.dz([], `${api.name} cannot commit or abort imports: commit: gated needs the v2 REST API (api: v2) of Milvus 3.0 or later.`);
    const request = start.create;
    if (!request)
        return undefined;
    checkTarget(api, config, start);
    const policy = callPolicy(config, step);
    if (start.gated)
        await requireTwoPhase(api, policy);
    // Taken before create, to tell our job from older ones if the answer is
    // lost.
    const before = await listedIds(api, request.collectionName, policy);
    const groups = (request.files ?? request.objectUrls ?? []).length;
    runner.info(`Starting an import of ${groups} file${groups === 1 ? '' : 's'} into "${request.collectionName}" on ${api.name}${start.gated ? ', gated: its data stays invisible until it passes the gates' : ''}.`);
    let jobId;
    try {
        jobId = await withRetry((timeoutMs) => api.createJob(request, { timeoutMs, signal: step.signal }), policy);
    }
    catch (error) {
        if (!(error instanceof LostAnswerError || error instanceof errors/* CancelledError */.cc))
            throw error;
        const found = await findCreated(api, request.collectionName, before, step);
        if (found) {
            runner.warning(`${error.message} Found the job it created with the list API: ${found}.`);
            jobId = found;
        }
        else {
            const line = `${error instanceof errors/* CancelledError */.cc ? 'The step was cancelled while creating the import job.' : error.message} An import job may have been created: list the jobs of collection "${request.collectionName}" (POST /v2/vectordb/jobs/import/list) before running the step again, and pass the new job's ID as job-id to wait for it.`;
            if (error instanceof errors/* CancelledError */.cc)
                runner.warning(line);
            throw error instanceof errors/* CancelledError */.cc ? error : new errors/* ActionError */.lZ(line);
        }
    }
    runner.info(`Created import job ${jobId}.`);
    runner.setOutput('jobId', jobId);
    return [jobId];
}
/** The one job that appeared since `before`, if exactly one did. */
async function findCreated(api, collectionName, before, step) {
    if (!before || step.signal?.aborted)
        return undefined;
    const after = await listedIds(api, collectionName, callPolicy({ pollIntervalMs: 5_000 }, { ...step, deadline: step.clock.now() + LOOKUP_MS }));
    const added = [...(after ?? [])].filter((id) => !before.has(id));
    return added.length === 1 ? added[0] : undefined;
}

// EXTERNAL MODULE: ./src/signals.ts
var signals = __webpack_require__(970);
;// CONCATENATED MODULE: ./src/wait/rate-limit.ts
/**
 * Spaces request starts evenly, at most `perSecond` a second. Zilliz Cloud
 * allows 20 requests per second per endpoint; starts are spread out rather
 * than sent in bursts, because a burst released on the second mark lands
 * beside the previous one at the server (connection set-up delays the first),
 * and the server counts both in one second.
 */
class RateLimiter {
    clock;
    next = 0;
    gapMs;
    constructor(clock, perSecond = 18) {
        this.clock = clock;
        this.gapMs = 1000 / perSecond;
    }
    /**
     * Resolves true when a request may start, or false at once when its slot
     * would come after the deadline (nothing is reserved then).
     */
    async acquire(signal, deadline = Infinity) {
        const now = this.clock.now();
        // Reserve a slot before waiting, so concurrent callers queue in order.
        const at = Math.max(now, this.next);
        if (at > now && at > deadline)
            return false;
        this.next = at + this.gapMs;
        if (at > now)
            await this.clock.sleep(at - now, signal);
        return true;
    }
}

;// CONCATENATED MODULE: ./src/start/gated-commit.ts








// Time given to commit or abort once the step's own deadline has passed.
const FINISH_GRACE_MS = 60_000;
// An abort on cancel holds the exit backstop of signals.ts to 6 s after the
// signal, inside the runner's 7.5 s grace, and must end before it.
const CANCEL_HOLD_MS = 6_000;
const CANCEL_ABORT_MS = 5_500;
const isCommitted = (job) => job?.state === 'Committing' || job?.state === 'Completed';
/**
 * Runs after the wait: with commit: gated, decides the fate of every job
 * that is not yet committed. Without it, returns the jobs as they are.
 */
async function gateAndCommit(jobs, ctx) {
    if (!ctx.start.gated || jobs.length === 0)
        return { jobs };
    const result = await decide(jobs, ctx);
    ctx.runner.setOutput('committed', String(result.jobs.every((j) => isCommitted(j.job))));
    return result;
}
async function decide(jobs, ctx) {
    const { runner, signal } = ctx;
    const ready = jobs.every((j) => j.job?.status === 'uncommitted');
    if (ready && !signal?.aborted) {
        const gate = checkGates(ctx.config, jobs);
        const ids = jobs.map((j) => j.jobId);
        runner.info(gateVerdictLine(gate, ids));
        return gate ? abortAndWait(jobs, ctx, gate) : commitAndWait(jobs, ctx);
    }
    for (const j of jobs.filter((j) => j.outcome === 'success'))
        runner.warning(committedWithoutHoldLine(j.jobId));
    // Cancelled, timed out, failed or unreadable before every job was ready:
    // nothing is committed, and whatever is still open is aborted.
    const open = jobs.filter((j) => !isCommitted(j.job) && j.job?.state !== 'Failed');
    if (open.length === 0)
        return { jobs };
    const cancelled = signal?.aborted || jobs.some((j) => j.outcome === 'cancelled');
    const release = cancelled ? (0,signals/* holdExit */.s)(CANCEL_HOLD_MS) : undefined;
    const notes = await abortAll(open, ctx, cancelled ? CANCEL_ABORT_MS : FINISH_GRACE_MS).finally(release);
    const outcome = cancelled
        ? 'cancelled'
        : jobs.some((j) => j.outcome === 'timeout')
            ? 'timeout'
            : undefined;
    if (outcome) {
        const timeoutMs = ctx.config.timeoutMs;
        return {
            jobs: withNotes(jobs, notes),
            fatal: { outcome, ending: { kind: 'held', outcome, notes, timeoutMs } }
        };
    }
    // A failed or unreadable job already explains itself; say what was done.
    runner.warning(notCommittingLine(notes));
    return { jobs: withNotes(jobs, notes) };
}
/** Aborts each job (retried like a poll); returns one note per job. */
async function abortAll(jobs, ctx, budgetMs) {
    const now = ctx.clock.now();
    // On cancel the step's signal has fired: the abort goes out regardless.
    const policy = callPolicy(ctx.config, {
        clock: ctx.clock,
        deadline: Math.max(ctx.signal?.aborted ? 0 : ctx.deadline, now + budgetMs)
    });
    policy.requestTimeoutMs = Math.min(policy.requestTimeoutMs, budgetMs);
    return Promise.all(jobs.map(async (job) => {
        try {
            await withRetry((timeoutMs) => ctx.api.abortJob(job.jobId, { timeoutMs }), policy);
            ctx.runner.info(abortedLine(job.jobId));
            return { job };
        }
        catch (error) {
            return { job: await readAgain(job, ctx, policy), error };
        }
    }));
}
/**
 * The job as it is now, after a refused abort: someone else may have
 * committed it meanwhile (Milvus refuses to abort a Completed job), and then
 * its data is visible. Unchanged when it cannot be read.
 */
async function readAgain(job, ctx, policy) {
    try {
        const now = await withRetry((timeoutMs) => ctx.api.getJob(job.jobId, { timeoutMs }), { ...policy, maxFailures: Math.min(policy.maxFailures, 3) });
        return { ...job, job: now };
    }
    catch {
        return job;
    }
}
/** jobs, with each job that notes read again replaced by that reading. */
const withNotes = (jobs, notes) => jobs.map((j) => notes.find((n) => n.job.jobId === j.jobId)?.job ?? j);
/** Waits for jobs after a commit or abort: Uncommitted keeps it polling. */
async function settle(ids, ctx, signal) {
    const { api, clock, config, runner } = ctx;
    // Right after the call the server may still say Uncommitted.
    const settling = {
        name: api.name,
        endpointKey: api.endpointKey,
        listJobs: (q, o) => api.listJobs(q, o),
        getJob: async (id, o) => {
            const job = await api.getJob(id, o);
            return job.status === 'uncommitted' ? { ...job, status: 'running' } : job;
        }
    };
    const log = new ProgressLog(runner, clock, clock.now(), ids);
    try {
        return await waitForJobs(settling, ids, {
            clock,
            intervalMs: config.pollIntervalMs,
            deadline: Math.max(ctx.deadline, clock.now() + FINISH_GRACE_MS),
            signal,
            limiter: new RateLimiter(clock),
            collectionName: config.collectionName,
            onPoll: (job) => log.poll(job),
            onEnd: (r) => log.end(r)
        });
    }
    finally {
        log.finish();
    }
}
async function abortAndWait(jobs, ctx, gate) {
    const ids = jobs.map((j) => j.jobId);
    const notes = await abortAll(jobs, ctx, FINISH_GRACE_MS);
    if (notes.some((n) => n.error !== undefined)) {
        return {
            jobs: withNotes(jobs, notes),
            fatal: {
                outcome: 'failed',
                ending: { kind: 'abort-failed', gate, notes }
            }
        };
    }
    // No signal: a cancel now cannot undo the abort, so see it through.
    const settled = await settle(ids, ctx);
    // An accepted abort does not prove the job was not committed meanwhile.
    const committed = settled.filter((j) => isCommitted(j.job));
    const pending = settled
        .filter((j) => j.job?.state !== 'Failed' && !isCommitted(j.job))
        .map((j) => j.jobId);
    return {
        jobs: settled,
        fatal: {
            outcome: 'failed',
            ending: {
                kind: 'aborted',
                gate,
                ids,
                pending,
                committed: committed.map((j) => j.jobId)
            }
        }
    };
}
async function commitAndWait(jobs, ctx) {
    const ids = jobs.map((j) => j.jobId);
    const policy = callPolicy(ctx.config, {
        clock: ctx.clock,
        deadline: Math.max(ctx.deadline, ctx.clock.now() + FINISH_GRACE_MS)
    });
    const refused = [];
    await Promise.all(ids.map(async (id) => {
        try {
            await withRetry((timeoutMs) => ctx.api.commitJob(id, { timeoutMs }), policy);
        }
        catch (error) {
            refused.push({ jobId: id, error });
        }
    }));
    if (refused.length) {
        return {
            jobs,
            fatal: { outcome: 'error', ending: { kind: 'commit-refused', refused } }
        };
    }
    ctx.runner.info(committedLine(ids));
    const settled = await settle(ids, ctx, ctx.signal);
    const committing = settled.filter((j) => j.outcome === 'timeout' || j.outcome === 'cancelled');
    if (committing.length === 0)
        return { jobs: settled };
    const outcome = committing.some((j) => j.outcome === 'cancelled')
        ? 'cancelled'
        : 'timeout';
    const left = committing.map((j) => j.jobId);
    return {
        jobs: settled,
        fatal: { outcome, ending: { kind: 'committing', outcome, ids: left } }
    };
}

;// CONCATENATED MODULE: ./src/start/inputs.ts
/**
 * The inputs that start an import and gate its commit: files or object-url,
 * their keys, partition-name, import-options and commit. Read before the
 * other inputs, so a mix-up names the inputs that clash.
 */



/** The new inputs, in action.yml order. */
const START_INPUT_NAMES = [
    'files',
    'object-url',
    'access-key',
    'secret-key',
    'partition-name',
    'import-options',
    'commit'
];
// The most groups one create accepts (Milvus maxImportFileNumPerReq).
const MAX_GROUPS = 1024;
const ROW_FILES = /\.(parquet|json|jsonl|ndjson|csv)$/i;
const NPY = /\.npy$/i;
/** Fails on the named inputs, with the rest of the sentence. */
const fail = (inputs, problem) => {
    throw new errors/* InputError */.dz(typeof inputs === 'string' ? [inputs] : inputs, problem);
};
/** Splits a multi-line input into trimmed, non-empty lines. */
function lines(value) {
    return value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean);
}
/**
 * Reads files: one group per line, the files of a group separated by
 * commas. Checks the grouping rules Milvus applies, so a format error fails
 * before anything is sent (backup and L0 imports take folders instead).
 */
function parseFiles(value, folders) {
    const groups = lines(value).map((l) => l
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean));
    if (groups.length > MAX_GROUPS)
        fail('files', `has ${groups.length} lines; one import takes at most ${MAX_GROUPS}. Split it over several steps.`);
    if (folders)
        return groups;
    groups.forEach((group, i) => {
        const where = `line ${i + 1}`;
        const odd = group.find((f) => !ROW_FILES.test(f) && !NPY.test(f));
        if (odd !== undefined)
            fail('files', `${where}: "${odd.slice(0, 200)}" is not a .parquet, .json, .jsonl, .ndjson, .csv or .npy file. Name each file (not a folder) by its key in the bucket.`);
        if (group.length > 1 && !group.every((f) => NPY.test(f)))
            fail('files', `${where} holds ${group.length} files: only the .npy files of one batch (one per field) share a line; put each .parquet, .json or .csv file on its own line.`);
    });
    return groups;
}
/** Reads object-url: one URL of a file or folder per line. */
function parseObjectUrls(value) {
    return lines(value).map((url, i) => {
        let parsed;
        try {
            parsed = new URL(url);
        }
        catch {
            parsed = undefined;
        }
        if (!parsed || !/^(s3|gs|https?):$/.test(parsed.protocol))
            fail('object-url', `line ${i + 1} must be an object-storage URL such as s3://bucket/data/1.parquet or https://bucket.s3.us-west-2.amazonaws.com/data/1.parquet (got "${(0,userinfo/* withoutUserinfo */.Q)(url).slice(0, 200)}").`);
        return [url];
    });
}
/** Reads import-options: key=value lines, sent as a string map. */
function parseImportOptions(value) {
    const options = {};
    for (const [i, line] of lines(value).entries()) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
        if (!m)
            fail('import-options', `line ${i + 1} must be key=value, such as timeout=30m (got "${line.slice(0, 200)}").`);
        const [, key, v] = m;
        if (key === 'auto_commit')
            fail('import-options', 'must not set auto_commit: use commit: gated to commit only data that passes the gates.');
        options[key] = v;
    }
    return options;
}
const Commit = schemas/* enum */.k5n(['auto', 'gated'], {
    error: (issue) => `must be auto or gated (got "${String(issue.input)}").`
});
/** Names two inputs that must not be given together. */
function clash(a, b, why) {
    return fail([a, b], `cannot be used together: ${why}`);
}
/** The inputs to mask like api-key, before anything else runs. */
const START_SECRETS = ['access-key', 'secret-key'];
/**
 * Reads and checks the start inputs (their keys are masked already). Throws
 * an InputError that names the inputs and the fix.
 */
function readStartInputs(runner) {
    const raw = Object.fromEntries(START_INPUT_NAMES.map((n) => [n, runner.getInput(n).trim()]));
    const jobId = runner.getInput('job-id').trim();
    const collectionName = runner.getInput('collection-name').trim();
    const parsed = Commit.safeParse(raw.commit || 'auto');
    if (!parsed.success)
        fail('commit', parsed.error.issues[0]?.message ?? 'is invalid.');
    const gated = parsed.data === 'gated';
    const source = raw.files ? 'files' : raw['object-url'] ? 'object-url' : '';
    if (raw.files && raw['object-url'])
        clash('files', 'object-url', 'files names keys in the bucket of a self-hosted Milvus, object-url the URLs Zilliz Cloud imports from. Keep one.');
    if (source && jobId)
        clash('job-id', source, `job-id waits for a job that exists, ${source} starts a new one. Remove job-id to start the import, or ${source} to wait for the job.`);
    if (!source) {
        const stray = START_INPUT_NAMES.find((n) => n !== 'commit' && raw[n]);
        if (stray)
            fail(stray, `is used only to start an import: set files (Milvus) or object-url (Zilliz Cloud) too, or remove it.`);
        return { gated };
    }
    if (!collectionName)
        fail('collection-name', `is required to start an import with ${source}: name the collection to import into.`);
    if (raw.files && (raw['access-key'] || raw['secret-key']))
        fail(['access-key', 'secret-key'], 'go with object-url: Milvus reads files from its own bucket with its own keys. Remove them.');
    if (Boolean(raw['access-key']) !== Boolean(raw['secret-key']))
        fail(raw['access-key'] ? 'secret-key' : 'access-key', `is missing: object-url takes both access-key and secret-key, or neither for a public bucket.`);
    const options = parseImportOptions(raw['import-options']);
    const folders = /^true$/i.test(options.backup ?? options.l0_import ?? '');
    const files = raw.files ? parseFiles(raw.files, folders) : undefined;
    const objectUrls = raw['object-url']
        ? parseObjectUrls(raw['object-url'])
        : undefined;
    if ((files ?? objectUrls ?? []).length === 0)
        fail(source, 'names no file.');
    // Milvus reads the option as a string; a JSON false would be refused.
    if (gated)
        options.auto_commit = 'false';
    return {
        gated,
        create: {
            collectionName,
            partitionName: raw['partition-name'] || undefined,
            files,
            objectUrls,
            accessKey: raw['access-key'] || undefined,
            secretKey: raw['secret-key'] || undefined,
            options
        }
    };
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 12 modules
var lib_core = __webpack_require__(143);
;// CONCATENATED MODULE: ./src/runner/github.ts


/** The GitHub Actions runner, through @actions/core; every text is redacted. */
class GitHubRunner {
    /** The job-summary write under way, if any. */
    summaryWrite = Promise.resolve(true);
    getInput(name) {
        return lib_core/* getInput */.V4(name);
    }
    setSecret(value) {
        if (value)
            lib_core/* setSecret */.Pq(value);
    }
    info(message) {
        lib_core/* info */.pq((0,secrets/* redact */.E$)(message));
    }
    debug(message) {
        lib_core/* debug */.Yz((0,secrets/* redact */.E$)(message));
    }
    warning(message, props = {}) {
        lib_core/* warning */.$e((0,secrets/* redact */.E$)(message), annotation(props));
    }
    error(message, props = {}) {
        lib_core/* error */.z3((0,secrets/* redact */.E$)(message), annotation(props));
    }
    startGroup(name) {
        lib_core/* startGroup */.Oh((0,secrets/* redact */.E$)(name));
    }
    endGroup() {
        lib_core/* endGroup */.N4();
    }
    setOutput(name, value) {
        lib_core/* setOutput */.uH(name, (0,secrets/* redact */.E$)(value));
    }
    /**
     * Starts appending markdown to the job summary. The write finishes before
     * the process exits; if it fails, a warning says why.
     */
    writeSummary(markdown) {
        const file = process.env.GITHUB_STEP_SUMMARY;
        if (!file) {
            this.warning('GITHUB_STEP_SUMMARY is not set, so no job summary was written. Set summary: false to silence this.');
            return false;
        }
        const text = (0,secrets/* redact */.E$)(markdown);
        this.summaryWrite = this.summaryWrite.then(() => lib_core/* summary */.z
            .addRaw(text, true)
            .write()
            .then(() => true, (error) => {
            lib_core/* summary */.z.emptyBuffer();
            this.warning(`Could not write the job summary to ${file}: ${error.message}`);
            return false;
        }));
        return true;
    }
    /** Resolves when the job summary is written (false when it failed). */
    summaryWritten() {
        return this.summaryWrite;
    }
    setFailed(message) {
        lib_core/* setFailed */.C1((0,secrets/* redact */.E$)(message));
    }
}
/** Annotation properties for core, redacted, with empty ones left out. */
function annotation(props) {
    return props.title ? { title: (0,secrets/* redact */.E$)(props.title) } : {};
}

;// CONCATENATED MODULE: ./src/wait/find-jobs.ts


const isNumeric = (id) => /^\d+$/.test(id);
const created = (j) => Date.parse(j.createTime ?? '');
/**
 * Orders listed jobs newest first: by createTime when every record has one;
 * else by ID when all are Milvus int64 IDs, which grow over time; else, for
 * opaque IDs (Zilliz Cloud job-...), in the server's own list order.
 */
function newestFirst(jobs) {
    if (jobs.length && jobs.every((j) => !Number.isNaN(created(j)))) {
        return [...jobs].sort((a, b) => created(b) - created(a));
    }
    if (jobs.length && jobs.every((j) => isNumeric(j.jobId))) {
        return [...jobs].sort((a, b) => {
            const x = BigInt(a.jobId);
            const y = BigInt(b.jobId);
            return x === y ? 0 : x > y ? -1 : 1;
        });
    }
    return jobs;
}
/**
 * Chooses the jobs of a collection to wait for: the newest one, or all that
 * had not finished when the step started.
 */
function chooseJobs(listed, collectionName, waitFor) {
    // A record without a collection name answers a list the server filtered.
    const jobs = newestFirst(listed.filter((j) => j.collectionName === undefined || j.collectionName === collectionName));
    if (jobs.length === 0) {
        throw new errors/* ApiError */.hD(`No import jobs were found for collection "${collectionName}". Check collection-name (and db-name or cluster-id), or pass job-id.`);
    }
    if (waitFor === 'all') {
        // Only jobs still running (or in a state no table knows) are waited for:
        // an ended job, such as last week's ImportFailed, is not.
        const open = jobs.filter((j) => j.status === 'running' || j.status === 'unknown');
        if (open.length) {
            return {
                jobIds: open.map((j) => j.jobId),
                note: `Found ${open.length} unfinished import job(s) of "${collectionName}": ${open.map((j) => j.jobId).join(', ')}`
            };
        }
        // Nothing is running: report on the newest job rather than pass on none.
        return {
            jobIds: [jobs[0].jobId],
            note: `No unfinished import jobs of "${collectionName}"; checking the newest, ${jobs[0].jobId} (${jobs[0].state})`
        };
    }
    return {
        jobIds: [jobs[0].jobId],
        note: `Newest import job of "${collectionName}": ${jobs[0].jobId} (${jobs[0].state}, ${jobs.length} job(s) listed)`
    };
}
/** Lists the collection's jobs (with retries) and chooses which to wait for. */
async function findJobs(api, collectionName, waitFor, policy) {
    const listed = await withRetry((timeoutMs) => api.listJobs({ collectionName }, { timeoutMs, signal: policy.signal }), policy);
    return chooseJobs(listed, collectionName, waitFor);
}

;// CONCATENATED MODULE: ./src/main.ts

























const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/i;
/** Masks the secrets before anything else can print them. */
function maskSecrets(runner) {
    for (const name of ['api-key', 'github-token', ...START_SECRETS]) {
        const value = runner.getInput(name);
        // The whole value is always masked; rememberSecret adds the password of
        // a user:password token.
        if (value)
            runner.setSecret(value);
        for (const part of (0,secrets/* rememberSecret */.Gz)(value))
            if (part !== value)
                runner.setSecret(part);
    }
    const warning = (0,secrets/* defaultCredentialsWarning */.At)(runner.getInput('api-key'));
    if (warning)
        runner.warning(warning);
}
/** Reads and validates every input. */
function readConfig(runner) {
    return parseInputs(Object.fromEntries(INPUT_NAMES.map((n) => [n, runner.getInput(n)])));
}
/** Warns once when a key would cross the network in clear text. */
function warnPlainHttp(runner, config) {
    const url = new URL(config.endpoint);
    if (config.apiKey &&
        (url.protocol === 'http:' || url.protocol === 'grpc:') &&
        !LOOPBACK.test(url.hostname)) {
        runner.warning(plainTextKeyLine(url));
    }
}
/** Finds the job IDs to wait for: the inputs, or the list API. */
async function jobIdsToWaitFor(runner, api, config, clock, deadline, signal) {
    if (config.jobIds.length)
        return config.jobIds;
    const found = await findJobs(api, config.collectionName ?? '', config.waitFor, {
        clock,
        signal,
        deadline,
        maxDelayMs: config.pollIntervalMs,
        maxFailures: config.maxFailures,
        requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS
    });
    runner.info((0,text_escape/* safeLogText */.Ht)(found.note, 2000));
    return found.jobIds;
}
/** Waits for the import job(s) named by the inputs and reports the result. */
async function run(deps = {}) {
    const runner = deps.runner ?? new GitHubRunner();
    try {
        return await waitAndReport(runner, deps);
    }
    catch (error) {
        // A bug or a broken runner file, not an import result: one line, and the
        // stack only in the debug log. Never a pass.
        runner.debug(error instanceof Error ? (error.stack ?? '') : String(error));
        runner.setFailed((0,secrets/* redact */.E$)(`Unexpected error: ${(0,errors/* errorMessage */.gJ)(error)}`));
        return undefined;
    }
}
async function waitAndReport(runner, deps) {
    const clock = deps.clock ?? realClock;
    const startedAt = clock.now();
    let config;
    let start;
    try {
        maskSecrets(runner);
        start = readStartInputs(runner);
        config = readConfig(runner);
    }
    catch (error) {
        // Even a bad input gets every output and a summary, like any other end.
        const reason = (0,secrets/* redact */.E$)(errorLine(error, runner.inputNaming));
        const result = {
            outcome: 'error',
            jobs: [],
            elapsedMs: clock.now() - startedAt,
            reason
        };
        setOutputs(runner, result);
        if (!/^false$/i.test(runner.getInput('summary')))
            runner.writeSummary(renderSummary(result));
        runner.setFailed(reason);
        return undefined;
    }
    const deadline = startedAt + config.timeoutMs;
    let api;
    let jobs = [];
    // Set when no job result could be had at all (list failed, cancelled early).
    let fatal;
    try {
        warnPlainHttp(runner, config);
        api = await createImportApi(config);
        const step = { clock, deadline, signal: deps.signal };
        const ids = (await startImport(runner, api, config, start, step)) ??
            (await jobIdsToWaitFor(runner, api, config, clock, deadline, deps.signal));
        runner.info(waitingLine(ids, api.name, config));
        const log = new ProgressLog(runner, clock, startedAt, ids);
        try {
            jobs = await waitForJobs(api, ids, {
                clock,
                intervalMs: config.pollIntervalMs,
                deadline,
                signal: deps.signal,
                limiter: new RateLimiter(clock),
                maxFailures: config.maxFailures,
                collectionName: config.collectionName,
                onPoll: (job) => {
                    log.poll(job);
                    deps.onPoll?.(job, ids.length);
                },
                onEnd: (result) => log.end(result),
                onRetry: (jobId, error, delayMs) => log.retry(jobId, `${(0,errors/* errorMessage */.gJ)(error)} Retrying in ${formatDuration(delayMs)}.`)
            });
        }
        finally {
            log.finish();
        }
        const gated = await gateAndCommit(jobs, {
            runner,
            api,
            config,
            start,
            ...step
        });
        jobs = gated.jobs;
        if (gated.fatal)
            fatal = {
                outcome: gated.fatal.outcome,
                reason: gateReason(gated.fatal.ending)
            };
    }
    catch (error) {
        const ending = outcomeOf(error, deps.signal);
        if (ending.kind === 'error' && !(error instanceof errors/* ActionError */.lZ))
            runner.debug(error instanceof Error ? (error.stack ?? '') : String(error));
        fatal = {
            outcome: ending.kind,
            reason: fatalReason(ending, config.timeoutMs, runner.inputNaming)
        };
    }
    finally {
        await api?.close?.().catch(() => undefined);
        closeConnections();
    }
    let outcome = fatal?.outcome ?? worstOutcome(jobs.map((j) => j.outcome));
    let reason = fatal?.reason ?? overallReason(outcome, jobs, config.timeoutMs);
    if (outcome === 'success') {
        const gate = checkGates(config, jobs);
        if (gate) {
            outcome = 'failed';
            reason = gate;
        }
    }
    const result = {
        outcome,
        jobs,
        elapsedMs: clock.now() - startedAt,
        reason: (0,secrets/* redact */.E$)(reason),
        apiName: api?.name
    };
    // Outputs first, then the summary, then the verdict: later steps (with
    // if: always()) see the outputs whatever happens next.
    setOutputs(runner, result);
    if (config.summary) {
        try {
            runner.writeSummary(renderSummary(result));
        }
        catch (error) {
            runner.warning(`Could not write the job summary: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    annotateFailedFiles(runner, jobs);
    if (config.commentOnPr)
        await commentOnPullRequest(runner, result, config.githubToken);
    if (deps.onResult) {
        try {
            await deps.onResult(result, config);
        }
        catch (error) {
            runner.warning((0,errors/* errorMessage */.gJ)(error));
        }
    }
    finish(runner, result, config);
    return result;
}
/** Passes or fails the step with one line. */
function finish(runner, result, config) {
    const line = (0,text_escape/* safeLogText */.Ht)(result.reason, 4000);
    switch (result.outcome) {
        case 'success': {
            const rows = sumOf(result.jobs, (j) => j.job?.importedRows);
            runner.info(successLine(rows, result.elapsedMs));
            return;
        }
        case 'timeout':
            if (!config.failOnTimeout) {
                runner.warning(`${line} (fail-on-timeout is false, so the step passes.)`);
                return;
            }
            runner.setFailed(line);
            return;
        case 'cancelled':
            runner.setFailed(line);
            return;
        default:
            runner.setFailed(line || 'The import did not succeed.');
    }
}


/***/ }),

/***/ 4001:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  At: () => (/* binding */ defaultCredentialsWarning),
  gR: () => (/* binding */ haveSecrets),
  E$: () => (/* binding */ redact),
  Gz: () => (/* binding */ rememberSecret),
  xv: () => (/* binding */ secretRanges)
});

// UNUSED EXPORTS: forgetSecrets, secretForms

;// CONCATENATED MODULE: ./src/secret-pattern.ts
/**
 * The pattern that finds one secret in any form a server or a proxy may echo
 * it in: each character literal in either case, %XX (UTF-8, either hex
 * case), '+' for a space, JSON-escaped (\uXXXX, \" and the like), \xXX or
 * an HTML character reference (&#115; &#x73;), mixed freely; and its base64 (or base64url, or with +, / and = URL-encoded) at
 * each of the three byte offsets, so it is found inside a longer base64 text
 * such as Basic base64(user:password); and the hex of its UTF-8 bytes, in any
 * case, the bytes maybe apart, also inside a longer hex run. Built once per secret.
 */
// A base64 form at another byte offset loses its edges, and its core is
// matched anywhere. Six characters (36 bits, case-sensitive) keep the cores of
// a 5-character secret (6 characters) and of a 6-character password (7): in
// 300k characters of ordinary English and code, no such core of 40,000 random
// secrets occurred, while 3-character cores did for 1 secret in 70.
const MIN_SHIFTED_BASE64 = 6;
const JSON_ESCAPES = {
    '"': '"',
    '\\': '\\',
    '/': '/',
    '\b': 'b',
    '\f': 'f',
    '\n': 'n',
    '\r': 'r',
    '\t': 't'
};
const BASE64_ESCAPES = {
    '+': '(?:\\+|-|%2[bB])',
    '/': '(?:/|_|%2[fF])',
    '=': '(?:=|%3[dD])'
};
/** The UTF-16 code units of text. */
function units(text) {
    return Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
}
/** n in hex, every letter matching either case: 0x2f -> 2[fF]. */
function hexDigits(n, width) {
    return [...n.toString(16).padStart(width, '0')]
        .map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d))
        .join('');
}
/** A character as itself in a pattern: letters and digits, or \uXXXX. */
function literal(ch) {
    if (/^[A-Za-z0-9]$/.test(ch))
        return ch;
    return units(ch)
        .map((u) => `\\u${u.toString(16).padStart(4, '0')}`)
        .join('');
}
/** Every way one character (a code point) may be written. */
function charPattern(ch) {
    // Only one-character case mappings: ß upper-cases to SS.
    const cases = [ch, ch.toLowerCase(), ch.toUpperCase()].filter((c) => [...c].length === 1);
    const escapes = new Set();
    const plain = new Set();
    for (const c of new Set(cases)) {
        escapes.add(units(c)
            .map((u) => `\\\\u${hexDigits(u, 4)}`)
            .join(''));
        if (c in JSON_ESCAPES)
            escapes.add(`\\\\${literal(JSON_ESCAPES[c])}`);
        const bytes = [...Buffer.from(c, 'utf8')];
        escapes.add(bytes.map((b) => `%${hexDigits(b, 2)}`).join(''));
        escapes.add(bytes.map((b) => `\\\\x${hexDigits(b, 2)}`).join(''));
        // HTML character references, which a rendered page shows as the text.
        const point = c.codePointAt(0) ?? 0;
        escapes.add(`&#0*${point};?`);
        escapes.add(`&#[xX]0*${hexDigits(point, 1)};?`);
        plain.add(literal(c));
        if (c === ' ')
            plain.add('\\+');
    }
    // Escapes first: a secret that ends in \ or % must take the whole
    // \u005c or %25, not leave its tail.
    return `(?:${[...escapes, ...plain].join('|')})`;
}
/** The hex of text's UTF-8 bytes, in lower and in upper case. */
function hexForms(text) {
    const hex = Buffer.from(text, 'utf8').toString('hex');
    return [hex, hex.toUpperCase()];
}
/** The base64 of text, and its core at each of the three byte offsets. */
function base64Forms(text) {
    const bytes = Buffer.from(text, 'utf8');
    const forms = [bytes.toString('base64')];
    for (let shift = 0; shift < 3; shift++) {
        const encoded = Buffer.concat([Buffer.alloc(shift), bytes])
            .toString('base64')
            .replace(/=+$/, '');
        // Leading characters that carry the padding bytes, and a trailing one
        // that would carry whatever follows the secret, are not the secret's own.
        const start = [0, 2, 3][shift];
        const end = (shift + bytes.length) % 3 === 0 ? encoded.length : -1;
        const core = encoded.slice(start, end);
        if (shift === 0 || core.length >= MIN_SHIFTED_BASE64)
            forms.push(core);
    }
    return [...new Set(forms)];
}
/**
 * The patterns of one secret: its text in any mix of case and escapes, its
 * base64 forms and its hex in any case. Each pattern is a regular expression
 * source with no flags, to be joined with others (longest first) into one
 * expression.
 */
function secretPatterns(value, minLength) {
    const text = {
        length: value.length,
        source: [...value].map(charPattern).join('')
    };
    const base64 = base64Forms(value)
        .filter((form) => form.length >= minLength)
        .map((form) => ({
        length: form.length,
        source: [...form].map((c) => BASE64_ESCAPES[c] ?? c).join('')
    }));
    // Each byte is two digits, maybe apart (73 6b, 73:6b); no boundary, so a
    // longer hex run is caught too.
    const hex = {
        length: 2 * Buffer.byteLength(value, 'utf8'),
        source: [...Buffer.from(value, 'utf8')]
            .map((b) => hexDigits(b, 2))
            .join('[ :.-]?')
    };
    return [text, ...base64, hex];
}

;// CONCATENATED MODULE: ./src/secrets.ts

/**
 * Secrets we must never print. The runner masks what it is told with
 * ::add-mask::, but errors, outputs and the summary go through redact() too,
 * so the key stays out even where no runner masks it (the CLI, local runs),
 * and in forms no literal mask catches: another case, partly URL-encoded,
 * JSON-escaped, or inside a longer base64 or hex text (see secret-pattern.ts).
 * Every text helper masks before it escapes or cuts: an escaped or cut
 * secret no longer matches its mask.
 */
const patterns = new Map();
let pattern;
// Shorter values would mask ordinary words.
const MIN_LENGTH = 3;
// Passwords published as defaults. Masking one alone would hide ordinary
// words ("Milvus import completed"), in any case since masking ignores case;
// the whole token is still masked.
const DEFAULT_PASSWORDS = new Set(['milvus']);
const DEFAULT_TOKENS = new Set(['root:Milvus']);
/** URL-encoded forms: upper- and lower-case hex, and form encoding. */
function urlForms(text) {
    const encoded = encodeURIComponent(text);
    const lower = encoded.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
    return [encoded, lower, encoded.replace(/%20/g, '+'), encodeURI(text)];
}
/** JSON-escaped forms, including Go's HTML-safe escapes and "\/". */
function jsonForms(text) {
    const plain = JSON.stringify(text).slice(1, -1);
    const go = plain
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026');
    return [plain, go, plain.replace(/\//g, '\\/')];
}
/**
 * The literal forms of a secret, for the runner's ::add-mask::: the raw
 * value, its base64 (the gRPC client sends the token so), URL-encoded,
 * JSON-escaped and hex forms. redact() finds many more.
 */
function secretForms(value) {
    const base64 = base64Forms(value);
    return [
        ...new Set([
            value,
            ...base64.flatMap((f) => [f, f.replace(/\+/g, '-').replace(/\//g, '_')]),
            ...urlForms(value),
            ...jsonForms(value),
            ...hexForms(value)
        ])
    ].filter((form) => form.length >= MIN_LENGTH);
}
/**
 * Remembers a secret in all its forms, and the password of a user:password
 * token too (unless it is a published default). Returns the literal forms,
 * for the runner to mask as well.
 */
function rememberSecret(value) {
    if (!value)
        return [];
    const parts = [value];
    const colon = value.indexOf(':');
    // The password part leaks through "user:***"-style messages unless it is
    // masked on its own.
    if (colon > 0 && colon < value.length - 1) {
        const password = value.slice(colon + 1);
        if (!DEFAULT_PASSWORDS.has(password.toLowerCase()))
            parts.push(password);
    }
    const kept = parts.filter((part) => part.length >= MIN_LENGTH);
    for (const part of kept) {
        if (patterns.has(part))
            continue;
        patterns.set(part, secretPatterns(part, MIN_LENGTH));
        pattern = undefined;
    }
    return [...new Set(kept.flatMap(secretForms))];
}
/** The warning for a published default token, or undefined for any other. */
function defaultCredentialsWarning(value) {
    if (!value || !DEFAULT_TOKENS.has(value))
        return undefined;
    return 'api-key is the default Milvus token of user root. Anyone who knows Milvus knows it: change the root password and pass the new token from a secret.';
}
/** One expression for every secret, longest first, so none is half-masked. */
function secretPattern() {
    if (!pattern && patterns.size) {
        const sorted = [...patterns.values()]
            .flat()
            .sort((a, b) => b.length - a.length);
        pattern = new RegExp(sorted.map((p) => p.source).join('|'), 'g');
    }
    return pattern;
}
/** Replaces every remembered secret, in any of its forms, with ***. */
function redact(text) {
    const re = secretPattern();
    return re ? text.replace(re, '***') : text;
}
/** Whether any secret is remembered. */
const haveSecrets = () => patterns.size > 0;
/** Where remembered secrets stand in text: [start, end) of each. */
function secretRanges(text) {
    const re = secretPattern();
    if (!re)
        return [];
    return [...text.matchAll(re)]
        .filter((m) => m[0].length > 0)
        .map((m) => [m.index, m.index + m[0].length]);
}
/** Forgets every secret (tests only). */
function forgetSecrets() {
    patterns.clear();
    pattern = undefined;
}


/***/ }),

/***/ 7388:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $0: () => (/* binding */ neutralise),
/* harmony export */   Ht: () => (/* binding */ safeLogText),
/* harmony export */   Np: () => (/* binding */ cap),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   kq: () => (/* binding */ escapeCell),
/* harmony export */   m$: () => (/* binding */ markControls)
/* harmony export */ });
/* unused harmony exports MAX_TEXT, CUT_MARK, escapeMarkdown */
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4001);

/**
 * The one rule for printing text: mask the secrets first, then break workflow
 * commands, then escape for where it goes (a log line, markdown), and cut
 * last. In any other order a secret that was escaped or cut no longer
 * matches its mask.
 */
/** Longest piece of server text we print or render. */
const MAX_TEXT = 1000;
const CUT_MARK = '… (cut)';
const ZWSP = '\u200b';
/**
 * Breaks workflow commands: the runner runs `::cmd::` at the start of any
 * line (CR included) and `##[cmd]` anywhere, so each gets a zero-width space.
 */
function neutralise(text) {
    return text.replace(/:(?=:)/g, `:${ZWSP}`).replace(/#(?=#\[)/g, `#${ZWSP}`);
}
/** Joins the lines of text with spaces. */
function oneLine(text) {
    return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
/**
 * Cuts text to max characters, marking the cut. The cut never splits an
 * HTML entity or a surrogate pair.
 */
function cap(text, max = MAX_TEXT) {
    if (text.length <= max)
        return text;
    let end = max;
    const amp = text.lastIndexOf('&', end - 1);
    if (amp >= 0 && amp > end - 8 && !text.slice(amp, end).includes(';')) {
        const semi = text.indexOf(';', amp);
        if (semi >= end && /^&#?\w+$/.test(text.slice(amp, semi)))
            end = amp;
    }
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        end--;
    return `${text.slice(0, end)}${CUT_MARK}`;
}
/** Makes text safe for one log line: masked, unable to run, one line, capped. */
function safeLogText(text, max = MAX_TEXT) {
    return cap(oneLine(neutralise((0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(markControls(text)))), max);
}
// Control characters but tab and line breaks: ANSI colours, cursor moves
// and OSC links all start with ESC.
const CONTROL = 
// eslint-disable-next-line no-control-regex -- finding them is the point
/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Text with each control character shown as U+FFFD, so none acts. */
function markControls(text) {
    return text.replace(CONTROL, '\ufffd');
}
const MARKDOWN = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '|': '&#124;',
    '`': '&#96;',
    '[': '&#91;',
    ']': '&#93;',
    '\\': '&#92;'
};
// What starts a GFM autolink: a scheme before its colon, or www before its
// dot. GitHub starts links after `_`, digits and other non-letters, not only
// at a word boundary, so each is broken wherever it stands. An email (with or
// without mailto: or xmpp:) needs an @, which is broken too.
const AUTOLINK = /(?:https?|ftps?|mailto|xmpp)(?=:)|www(?=\.)/gi;
/**
 * Escapes text for markdown so that it renders as inert text: no HTML, no
 * link or image (brackets), no autolink (a zero-width space after the scheme
 * or www), no @mention or #123 / GH-123 reference, no table break, one
 * line.
 */
function escapeMarkdown(text) {
    // Zero-width spaces first: the entities added next carry a # of their own.
    return text
        .replace(/@|#(?=\d)|GH(?=-\d)/gi, (c) => `${c}${ZWSP}`)
        .replace(AUTOLINK, (scheme) => `${scheme}${ZWSP}`)
        .replace(/[&<>|`[\]\\]/g, (c) => MARKDOWN[c])
        .replace(/\s*[\r\n]+\s*/g, ' ');
}
/** Makes text safe for a markdown table cell: masked, inert, one line, capped. */
function escapeCell(text, max = MAX_TEXT) {
    return cap(escapeMarkdown(neutralise((0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(markControls(text)))), max);
}


/***/ }),

/***/ 9094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wj: () => (/* binding */ fromServer),
/* harmony export */   XQ: () => (/* binding */ optionalServerString),
/* harmony export */   Zv: () => (/* binding */ serverString)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9691);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4001);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7388);



/**
 * The trust boundary for text a server sends. Every string of every answer
 * passes here as the client parses it, so no later code holds server text
 * that carries a secret or can run as a workflow command. Escaping for a
 * destination and cutting come later, where the text is printed.
 */
function fromServer(raw) {
    return (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralise */ .$0)((0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(markHidden(joinSplitSecrets(raw))));
}
// Characters that do not show: zero-width, bidi controls, soft hyphen.
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/;
/**
 * Server text with each control or invisible character shown as U+FFFD:
 * none can restyle or hide a log line, and a state, ID or name that holds
 * one ("Completed\u200b") stays unlike the word it imitates.
 */
function markHidden(text) {
    return (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .markControls */ .m$)(text).replace(INVISIBLE_ALL, '\ufffd');
}
const INVISIBLE_ALL = new RegExp(INVISIBLE, 'g');
// What a server may put inside a secret to break its mask while a reader
// still sees the secret: invisible characters, spaces and line breaks.
const GAP = new RegExp(`\\s|${INVISIBLE.source}`);
/**
 * Masks a secret that a server split with gaps (a zero-width space, a line
 * break): matched on the text without them, masked in the text as sent.
 */
function joinSplitSecrets(raw) {
    if (!(0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .haveSecrets */ .gR)() || !GAP.test(raw))
        return raw;
    const at = [];
    let joined = '';
    for (let i = 0; i < raw.length; i++) {
        if (GAP.test(raw[i]))
            continue;
        at.push(i);
        joined += raw[i];
    }
    let out = '';
    let from = 0;
    for (const [start, end] of (0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .secretRanges */ .xv)(joined)) {
        out += `${raw.slice(from, at[start])}***`;
        from = at[end - 1] + 1;
    }
    return out + raw.slice(from);
}
/** A server string, through the trust boundary. */
const serverString = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().transform(fromServer);
/** A server string that may be absent or null; null reads as absent. */
const optionalServerString = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .nullish()
    .transform((v) => (v === null || v === undefined ? undefined : fromServer(v)));


/***/ }),

/***/ 4028:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ withoutUserinfo)
/* harmony export */ });
/**
 * A URL given as input, fit to quote back in an error: whatever may be a
 * user:password in it becomes ***. The URL is quoted because it did not
 * parse, or not as expected, so the parser cannot say where its userinfo
 * ends: everything from after "//" (or from the start, when there is no
 * "//" before it) up to the last @ is taken for it, since a password may hold
 * "/", "?", "#" or "@" itself.
 */
function withoutUserinfo(url) {
    const at = url.lastIndexOf('@');
    if (at < 0)
        return url;
    const slashes = url.indexOf('//');
    const start = slashes >= 0 && slashes < at ? slashes + 2 : 0;
    return `${url.slice(0, start)}***${url.slice(at)}`;
}


/***/ })

};

//# sourceMappingURL=282.index.js.map