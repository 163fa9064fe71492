import './sourcemap-register.cjs';import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  eb: () => (/* binding */ UsageError),
  iW: () => (/* binding */ main),
  Qe: () => (/* binding */ startFromArgs),
  CI: () => (/* binding */ usage)
});

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./simulator/shape-scenarios.ts
const CLOUD_JOB_ID = 'job-01fa0e5d42cjxudhpuehyp';
const MILVUS_JOB_ID = '463071155436633601';
const OLD_JOB_ID = '463071155436630001';
// Two files over about 3 s: enough polls to show progress moving.
const moving = (jobId, collectionName) => ({
    jobId,
    collectionName,
    durationMs: 3_000,
    files: [
        { name: 'folder/1/part-1.parquet', rows: 60_000 },
        { name: 'folder/1/part-2.parquet', rows: 40_000 }
    ]
});
/** The shape scenarios, built with the scenario helper of scenarios.ts. */
function shapeScenarios(scenario) {
    return {
        // The example output of pymilvus get_import_progress: code 200,
        // readyPercentage 0-1, completeTime and errorMessage, no state.
        'legacy-body': scenario(() => ({
            flavour: 'zilliz',
            legacyBody: true,
            jobs: [moving(CLOUD_JOB_ID, 'medium_articles')]
        })),
        // Progress 0-1, as the pymilvus documents describe it.
        'fraction-progress': scenario(() => ({
            flavour: 'zilliz',
            progressScale: 'fraction',
            jobs: [moving(CLOUD_JOB_ID, 'medium_articles')]
        })),
        // Milvus 2.4.0-2.4.2: code 200 for success, only /get_progress, and
        // the proto-text fileName.
        'milvus-2.4.1': scenario(() => ({
            milvusVersion: '2.4.1',
            jobs: [{ jobId: MILVUS_JOB_ID, polls: 3 }]
        })),
        'milvus-2.5': scenario(() => ({
            milvusVersion: '2.5.27',
            jobs: [{ jobId: MILVUS_JOB_ID, polls: 3 }]
        })),
        'milvus-3.0': scenario(() => ({
            milvusVersion: '3.0.0',
            jobs: [{ jobId: MILVUS_JOB_ID, polls: 3 }]
        })),
        // ImportPending/ImportRunning/ImportCompleted/ImportFailed on a v2
        // server, its list under "tasks" with paging and without progress, and
        // last week's failed job beside a running one.
        'import-states': scenario(() => ({
            stateNames: 'import',
            listKey: 'tasks',
            listPaged: true,
            listProgress: false,
            jobs: [
                {
                    jobId: OLD_JOB_ID,
                    collectionName: 'articles',
                    createdAt: Date.UTC(2026, 10, 24, 9),
                    files: [{ name: 'old/1.parquet', rows: 5_000, failReason: 'bad row' }]
                },
                {
                    ...moving(MILVUS_JOB_ID, 'articles'),
                    createdAt: Date.UTC(2026, 11, 1)
                }
            ]
        })),
        // importedRows, totalRows, reason and details sent as null.
        nulls: scenario(() => ({
            flavour: 'zilliz',
            nulls: true,
            jobs: [
                { jobId: CLOUD_JOB_ID, collectionName: 'medium_articles', polls: 2 }
            ]
        })),
        // A Zilliz Cloud serverless database: projectId and regionId, no cluster.
        serverless: scenario(() => ({
            flavour: 'zilliz',
            projectId: 'proj-4f8a2c1e9b7d3a5',
            regionId: 'aws-us-west-2',
            jobs: [moving(CLOUD_JOB_ID, 'medium_articles')]
        }))
    };
}
/** One line per shape scenario, for --help and --list. */
const shapeScenarioNotes = {
    'legacy-body': 'Zilliz Cloud v2 answering with the legacy body (code 200, readyPercentage 0-1, no state)',
    'fraction-progress': 'Zilliz Cloud v2 job whose progress runs from 0 to 1',
    'milvus-2.4.1': 'Milvus 2.4.1: code 200 for success, no /describe; completes on the 3rd poll',
    'milvus-2.5': 'Milvus 2.5: bad or unknown job IDs answered with code 2100',
    'milvus-3.0': 'Milvus 3.0: bad job IDs code 1100, unknown ones 2101',
    'import-states': 'ImportRunning/ImportFailed states and a "tasks" list: an old failed job and a running one (collection articles)',
    nulls: 'Zilliz Cloud v2 job with importedRows, totalRows, reason and details null',
    serverless: 'Zilliz Cloud serverless: projectId and regionId instead of clusterId'
};
/** Inputs the shape scenarios need beyond their job IDs (for the demo). */
const shapeScenarioInputs = {
    'import-states': {
        'job-id': '',
        'collection-name': 'articles',
        'wait-for': 'all'
    },
    serverless: {
        'cluster-id': '',
        'project-id': 'proj-4f8a2c1e9b7d3a5',
        'region-id': 'aws-us-west-2'
    }
};

;// CONCATENATED MODULE: ./simulator/scenarios.ts

/** The job ID of the demo scenario (a Milvus int64 job ID). */
const DEMO_JOB_ID = '463071155436633601';
/** The cluster ID the Zilliz scenarios accept. */
const DEMO_CLUSTER_ID = 'in03-5f1c2e8d9a7b4c3';
const scenarios_CLOUD_JOB_ID = 'job-03a8c5e2d1f4b6a7c9e0f';
const DIM_ERROR = 'row 1,204: field "embedding" has dim 512, expected 768';
// Applies the options every scenario shares.
function scenario(build) {
    return (o = {}) => {
        const base = build(o);
        const scale = o.timeScale ?? 1;
        const jobs = (base.jobs ?? []).map((job) => job.durationMs
            ? { ...job, durationMs: Math.round(job.durationMs * scale) }
            : job);
        const flavour = o.flavour ?? base.flavour ?? 'milvus';
        const clusterId = o.clusterId ??
            base.clusterId ??
            (flavour === 'milvus' ? undefined : DEMO_CLUSTER_ID);
        return {
            ...base,
            flavour,
            jobs,
            ...(o.apiKey ? { apiKey: o.apiKey } : {}),
            ...(clusterId ? { clusterId } : {})
        };
    };
}
/** Named scenarios: name → options for startSimulator(). */
const scenarios = {
    // Four files over about 20 s; the third fails on a vector of the wrong
    // dimension, so the job fails.
    demo: scenario(() => ({
        jobs: [
            {
                jobId: DEMO_JOB_ID,
                collectionName: 'product_embeddings',
                durationMs: 20_000,
                files: [
                    { name: 'embeddings/part-0001.parquet', rows: 250_000 },
                    { name: 'embeddings/part-0002.parquet', rows: 180_000 },
                    {
                        name: 'embeddings/part-0003.parquet',
                        rows: 120_000,
                        failReason: DIM_ERROR
                    },
                    { name: 'embeddings/part-0004.parquet', rows: 42_500 }
                ]
            }
        ]
    })),
    // Already Completed on the first poll.
    completed: scenario(() => ({
        jobs: [
            {
                jobId: DEMO_JOB_ID,
                files: [
                    { name: 'data/1.parquet', rows: 10_000 },
                    { name: 'data/2.parquet', rows: 10_000 }
                ]
            }
        ]
    })),
    // Pending → Importing → Completed in about 3 s.
    progression: scenario(() => ({
        jobs: [
            {
                jobId: DEMO_JOB_ID,
                durationMs: 3_000,
                files: [
                    { name: 'data/1.parquet', rows: 60_000 },
                    { name: 'data/2.parquet', rows: 40_000 }
                ]
            }
        ]
    })),
    // Fails after about 2 s: one of two files has a bad vector.
    failed: scenario(() => ({
        jobs: [
            {
                jobId: DEMO_JOB_ID,
                durationMs: 2_000,
                files: [
                    { name: 'data/1.parquet', rows: 10_000 },
                    { name: 'data/2.parquet', rows: 10_000, failReason: DIM_ERROR }
                ]
            }
        ]
    })),
    // A two-phase-commit import that parks in Uncommitted (progress 99).
    uncommitted: scenario(() => ({
        jobs: [{ jobId: DEMO_JOB_ID, durationMs: 1_000, outcome: 'uncommitted' }]
    })),
    // Still importing after an hour.
    slow: scenario(() => ({
        jobs: [{ jobId: DEMO_JOB_ID, durationMs: 3_600_000 }]
    })),
    // A 503 with Retry-After, a connection reset and a 502 page from the
    // proxy, then the job completes on the second good poll.
    flaky: scenario(() => ({
        faults: [
            { kind: 'status', status: 503, retryAfter: '1' },
            { kind: 'reset' },
            { kind: 'status', status: 502 }
        ],
        jobs: [{ jobId: DEMO_JOB_ID, polls: 2 }]
    })),
    // A job in a state no documented server reports.
    'unknown-state': scenario(() => ({
        jobs: [{ jobId: DEMO_JOB_ID, polls: 2, outcome: { state: 'Reindexing' } }]
    })),
    // Milvus before 2.4.13: no /describe route, 2.4-style error codes.
    'milvus-2.4': scenario(() => ({
        noDescribe: true,
        notFoundStyle: '2.4',
        jobs: [{ jobId: DEMO_JOB_ID, polls: 3 }]
    })),
    // Zilliz Cloud v2, already Completed.
    'zilliz-completed': scenario(() => ({
        flavour: 'zilliz',
        jobs: [
            {
                jobId: scenarios_CLOUD_JOB_ID,
                collectionName: 'medium_articles',
                files: [{ name: 'medium_articles_2020_dpr.json', rows: 100_000 }]
            }
        ]
    })),
    // Legacy Zilliz Cloud v1, already Completed.
    'v1-completed': scenario(() => ({
        flavour: 'v1',
        jobs: [
            {
                jobId: scenarios_CLOUD_JOB_ID,
                collectionName: 'medium_articles',
                files: [{ name: 'folder/1/', rows: 8_000 }]
            }
        ]
    })),
    // Milvus 3.0, started by the action with commit: gated (see
    // scenarioInputs): the second file holds 4,800 of its 5,000 rows, so the
    // job is aborted in Uncommitted and its data never becomes visible.
    'gated-short': scenario(() => ({
        // An earlier import of the collection, which the new job must not be
        // taken for.
        jobs: [
            {
                jobId: DEMO_JOB_ID,
                collectionName: 'product_embeddings',
                createdAt: Date.UTC(2026, 0, 5, 10),
                files: [{ name: 'embeddings/base.parquet', rows: 250_000 }]
            }
        ],
        collections: ['product_embeddings'],
        objects: {
            'embeddings/part-0001.parquet': { rows: 5_000 },
            'embeddings/part-0002.parquet': { rows: 4_800 }
        },
        created: { durationMs: 4_000 }
    })),
    // Three jobs into one collection, ending about 2, 4 and 6 s after their
    // first poll.
    ...shapeScenarios(scenario),
    multi: scenario(() => ({
        jobs: [1, 2, 3].map((n) => ({
            jobId: String(BigInt(DEMO_JOB_ID) + BigInt(n - 1)),
            collectionName: 'product_embeddings',
            durationMs: 2_000 * n,
            createdAt: Date.UTC(2026, 0, 5, 10, n),
            files: [{ name: `batch-${n}/data.parquet`, rows: 25_000 * n }]
        }))
    }))
};
/**
 * Inputs a scenario needs beyond endpoint and api-key: those that start an
 * import instead of waiting for a job ID.
 */
const scenarioInputs = {
    ...shapeScenarioInputs,
    'gated-short': {
        'job-id': '',
        'collection-name': 'product_embeddings',
        files: 'embeddings/part-0001.parquet\nembeddings/part-0002.parquet',
        commit: 'gated',
        'expected-rows': '10000'
    }
};
/** One line per scenario, for --help and --list. */
const scenarioNotes = {
    demo: 'Milvus job of four files over ~20 s; one file fails (the step fails)',
    completed: 'Milvus job already Completed',
    progression: 'Milvus job that completes in ~3 s',
    failed: 'Milvus job that fails after ~2 s (the step fails)',
    uncommitted: 'Milvus 2PC job parked in Uncommitted (the step fails)',
    slow: 'Milvus job that takes an hour (the step times out)',
    flaky: '503 + Retry-After, a reset and a 502 page, then Completed',
    'unknown-state': 'Milvus job that stays in a state no server documents (the step times out)',
    'milvus-2.4': 'Milvus 2.4 without /describe; completes on the 3rd poll',
    'zilliz-completed': 'Zilliz Cloud v2 job already Completed',
    'v1-completed': 'legacy Zilliz Cloud v1 job already Completed',
    ...shapeScenarioNotes,
    multi: 'three Milvus jobs ending ~2, 4 and 6 s after the first poll',
    'gated-short': 'gated Milvus 3.0 import started by the action; a file comes up short, so it is aborted unseen (the step fails)'
};
/** Scenarios in which the step is meant to fail. */
const failingScenarios = new Set([
    'demo',
    'failed',
    'uncommitted',
    'slow',
    'unknown-state',
    'gated-short'
]);

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_namespaceObject);
;// CONCATENATED MODULE: ./simulator/milvus-versions.ts
function parts(version) {
    return version
        .replace(/^v/, '')
        .split(/[.-]/)
        .slice(0, 3)
        .map((p) => Number.parseInt(p, 10) || 0);
}
/** True when version a is at least b ("2.6.19" >= "2.6.14"). */
function atLeast(a, b) {
    const x = parts(a);
    const y = parts(b);
    for (let i = 0; i < 3; i++) {
        if ((x[i] ?? 0) !== (y[i] ?? 0))
            return (x[i] ?? 0) > (y[i] ?? 0);
    }
    return true;
}
/** The behaviour of the release the settings name (or of the newest). */
function milvusBehaviour(settings) {
    const v = settings.milvusVersion;
    if (!v) {
        const old = settings.notFoundStyle === '2.4';
        return {
            successCode: settings.successCode ?? 0,
            describe: !settings.noDescribe,
            protoFileName: false,
            createTime: true,
            badId: old ? 'sprint' : 'invalid-parameter',
            notFoundCode: old ? 2100 : 2101
        };
    }
    const newest = atLeast(v, '2.6.19');
    return {
        successCode: settings.successCode ?? (atLeast(v, '2.4.3') ? 0 : 200),
        describe: !settings.noDescribe && atLeast(v, '2.4.13'),
        protoFileName: !atLeast(v, '2.4.5'),
        createTime: atLeast(v, '2.6.0'),
        badId: newest
            ? 'invalid-parameter'
            : atLeast(v, '2.6.14')
                ? 'sprintf'
                : 'sprint',
        notFoundCode: newest ? 2101 : 2100
    };
}
/** The error body for a job ID strconv.ParseInt rejects. */
function badJobIdError(behaviour, parseError) {
    switch (behaviour.badId) {
        case 'sprint':
            // fmt.Sprint with a stray %w: the verb is printed as is.
            return {
                code: 2100,
                message: `parse job id failed, err=%w${parseError}: importing data failed`
            };
        case 'sprintf':
            return {
                code: 2100,
                message: `parse job id failed: ${parseError}: importing data failed`
            };
        default:
            return {
                code: 1100,
                message: `parse job id failed: ${parseError}: invalid parameter`
            };
    }
}
/** The error body for a job ID no job has. */
function noJobError(behaviour, id) {
    return behaviour.notFoundCode === 2100
        ? {
            code: 2100,
            message: `import job does not exist, jobID=${id}: importing data failed`
        }
        : {
            code: 2101,
            message: `import job does not exist, jobID=${id}: importing data failed on server side`
        };
}

;// CONCATENATED MODULE: ./simulator/import-files.ts
const DEFAULT_ROWS = 10_000;
/** True for a JSON [][]string. */
const isGrid = (v) => Array.isArray(v) &&
    v.every((g) => Array.isArray(g) && g.every((p) => typeof p === 'string'));
/** The scripted files of a new job; a key the bucket lacks fails. */
function filesOf(groups, settings) {
    const objects = settings.objects;
    return groups
        .filter((g) => g.length)
        .map((group) => {
        const missing = objects
            ? group.find((p) => !Object.hasOwn(objects, p))
            : undefined;
        const first = objects?.[group[0]];
        return {
            // Milvus prints a task's paths as a Go []string: "[a b]".
            name: group.join(' '),
            rows: first?.rows ?? DEFAULT_ROWS,
            failReason: missing !== undefined
                ? `failed to read file "${missing}": The specified key does not exist.`
                : first?.failReason
        };
    });
}
const FILE_TYPES = [
    [/\.parquet$/i, 'Parquet'],
    [/\.(json|jsonl|ndjson)$/i, 'JSON'],
    [/\.csv$/i, 'CSV'],
    [/\.npy$/i, 'Numpy']
];
/** importutilv2.GetFileType: the error for one group of paths, if any. */
function fileTypeError(paths) {
    const typeOf = (p) => FILE_TYPES.find(([re]) => re.test(p))?.[1];
    const first = typeOf(paths[0]);
    if (!first)
        return `unexpected file type, files=[${paths.join(' ')}]`;
    for (const p of paths.slice(1)) {
        const t = typeOf(p);
        if (!t)
            return `unexpected file type, files=[${paths.join(' ')}]`;
        if (t !== first)
            return `inconsistency in file types, (${paths[0]}) vs (${p})`;
    }
    if (first !== 'Numpy' && paths.length > 1)
        return `for ${first} import, accepts only one file`;
    return undefined;
}

;// CONCATENATED MODULE: ./simulator/two-phase.ts

/** True when this server has /commit, /abort and honours auto_commit. */
function hasTwoPhase(settings, flavour) {
    if (settings.twoPhase !== undefined)
        return settings.twoPhase;
    if (flavour !== 'milvus')
        return false;
    const v = settings.milvusVersion;
    return !v || atLeast(v, '3.0.0');
}
/** True for a job made with auto_commit=false. */
function isTwoPhase(job) {
    return job.script.autoCommit === false || job.script.outcome === 'uncommitted';
}
/** The job as a decision has left it; `counting` is true on a describe. */
function decidedView(job, snap, now, counting) {
    const d = job.decision;
    if (!d)
        return snap;
    if (d.kind === 'abort') {
        // The inspector drops an aborted job's segments: no rows remain.
        return {
            ...snap,
            state: 'Failed',
            progress: 0,
            importedRows: 0,
            totalRows: 0,
            reason: 'aborted by user',
            completeTime: undefined,
            ended: true,
            endTime: d.at
        };
    }
    if (d.committingLeft > 0) {
        if (counting)
            d.committingLeft -= 1;
        return { ...snap, state: 'Committing', progress: 99 };
    }
    d.completedAt ??= now;
    return {
        ...snap,
        state: 'Completed',
        progress: 100,
        completeTime: d.completedAt,
        ended: true
    };
}
const failed = (message) => ({
    code: 2100,
    message: `${message}: importing data failed`
});
/**
 * Applies a commit or abort to a job, as Milvus 3.0 does: undefined on
 * success (code 0), else the error to answer. Both calls are idempotent.
 */
function decide(job, kind, now, committingPolls = 1) {
    const state = job.peek(now).state;
    const id = job.jobId;
    const committed = state === 'Committing' || state === 'Completed';
    if (kind === 'commit') {
        if (committed)
            return undefined;
        if (state !== 'Uncommitted')
            return failed(`job ${id} is in state ${state}, expected Uncommitted`);
        if (!isTwoPhase(job))
            return failed(`job ${id} is auto-commit, manual commit/abort not allowed`);
        job.decision = { kind, at: now, committingLeft: committingPolls };
        return undefined;
    }
    if (committed)
        return failed(`job ${id} is in terminal/committed state ${state}, abort not allowed`);
    if (!isTwoPhase(job))
        return failed(`job ${id} is auto-commit, manual commit/abort not allowed`);
    if (state !== 'Failed')
        job.decision = { kind, at: now, committingLeft: 0 };
    return undefined;
}
/** The error for a commit or abort of a job the server does not know. */
function unknownJob(id, auth) {
    // With auth on, the REST handler looks the job up first (describe's error).
    return {
        code: 2101,
        message: auth
            ? `import job does not exist, jobID=${id}: importing data failed on server side`
            : `job ${id} not found: importing data failed on server side`
    };
}

;// CONCATENATED MODULE: ./simulator/route.ts
/** What an unrouted path gets (Go's net/http default). */
const NOT_FOUND = {
    status: 404,
    headers: { 'Content-Type': 'text/plain' },
    body: '404 page not found'
};
const V2_IMPORT = '/v2/vectordb/jobs/import/';
/** The action of a v2 import-jobs POST (Milvus and Zilliz Cloud alike). */
function v2Action(req) {
    if (req.method !== 'POST' || !req.path.startsWith(V2_IMPORT))
        return undefined;
    return req.path.slice(V2_IMPORT.length);
}
/** Formats epoch ms like Go's time.Format(RFC3339) in UTC. */
function rfc3339(ms) {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** Writes a reply with its exact Content-Length and ends the response. */
function send(res, reply) {
    const body = Buffer.from(reply.body, 'utf8');
    res.writeHead(reply.status, {
        ...reply.headers,
        'Content-Length': String(body.length)
    });
    res.end(body);
}

;// CONCATENATED MODULE: ./simulator/shapes.ts
// The Import* words of the gRPC enum and the v1 list, by v2 state.
const IMPORT_WORDS = {
    Pending: 'ImportPending',
    Importing: 'ImportRunning',
    Completed: 'ImportCompleted',
    Failed: 'ImportFailed',
    None: 'ImportFailed',
    Uncommitted: 'ImportRunning',
    Committing: 'ImportRunning'
};
/** A job state in the words the settings ask for. */
function stateWord(state, settings) {
    return settings.stateNames === 'import'
        ? (IMPORT_WORDS[state] ?? state)
        : state;
}
/** A 0-100 figure on the scale the settings ask for. */
function progressFigure(percent, settings) {
    return settings.progressScale === 'fraction' ? percent / 100 : percent;
}
/** The success code the settings ask for (0 unless told 200). */
function successCode(settings, usual = 0) {
    return settings.successCode ?? usual;
}
/**
 * Reshapes a v2 describe body as the settings ask: the progress scale,
 * state words, and nulls where a server does not know a count or a reason.
 */
function reshapeDescribe(data, settings) {
    const out = {
        ...data,
        progress: progressFigure(Number(data.progress), settings),
        state: stateWord(String(data.state), settings)
    };
    const details = data.details?.map((d) => ({
        ...d,
        progress: progressFigure(Number(d.progress), settings),
        ...(settings.nulls ? { importedRows: null, totalRows: null } : {})
    }));
    if (details)
        out.details = details;
    if (settings.nulls) {
        out.importedRows = null;
        out.totalRows = null;
        out.reason = null;
        if (!details?.length)
            out.details = null;
    }
    return out;
}
/**
 * One page of a list (jobs oldest first), laid out as the settings or else
 * the flavour say.
 */
function listBody({ jobs, settings }, all, layout, paging, stateName = (s) => stateWord(s, settings)) {
    const key = settings.listKey ?? layout.key;
    const paged = settings.listPaged ?? layout.paged;
    const withProgress = settings.listProgress ?? layout.progress;
    const ordered = layout.order === 'newest' ? [...all].reverse() : all;
    const from = paged ? (paging.current - 1) * paging.size : 0;
    const shown = paged ? ordered.slice(from, from + paging.size) : ordered;
    const records = shown.map((j) => {
        const s = j.peek(jobs.now());
        return {
            collectionName: s.collectionName,
            jobId: s.jobId,
            ...(withProgress
                ? { progress: progressFigure(s.progress, settings) }
                : {}),
            ...(layout.reasons && s.reason ? { reason: s.reason } : {}),
            state: stateName(s.state)
        };
    });
    const pages = paged
        ? { count: all.length, currentPage: paging.current, pageSize: paging.size }
        : {};
    return layout.pagingFirst
        ? { ...pages, [key]: records }
        : { [key]: records, ...pages };
}

;// CONCATENATED MODULE: ./simulator/zilliz-v1.ts



const V1_BAD_TOKEN = {
    code: 80002,
    message: 'Token not found or unauthorized: The provided token does not exist in our records, or you do not have the necessary permissions to use this token. Please ensure you have the correct token.'
};
/** The get body of the legacy Zilliz Cloud v1 API. */
function v1GetData(job) {
    const failed = job.ended && job.state !== 'Completed' && job.reason !== '';
    const done = job.state === 'Completed' || failed;
    const endTime = job.completeTime ?? job.endTime;
    return {
        collectionName: job.collectionName,
        fileName: job.files.map((f) => f.name).join(','),
        fileSize: job.files.reduce((s, f) => s + f.fileSize, 0),
        readyPercentage: job.state === 'Completed' ? 1 : job.progress / 100,
        completeTime: done && endTime !== undefined ? rfc3339(endTime) : null,
        errorMessage: failed ? job.reason : null,
        jobId: job.jobId,
        details: job.files.map((f) => ({
            fileName: f.name,
            fileSize: f.fileSize,
            readyPercentage: f.progress / 100,
            completeTime: f.state === 'Completed' && f.completeTime
                ? rfc3339(f.completeTime)
                : null,
            errorMessage: f.state === 'Failed' ? f.reason : null
        }))
    };
}
// Legacy v1 list states.
function v1ListState(state) {
    switch (state) {
        case 'Pending':
        case 'Importing':
        case 'Uncommitted':
        case 'Committing':
            return 'ImportRunning';
        case 'Completed':
            return 'ImportCompleted';
        case 'Failed':
        case 'None':
            return 'ImportFailed';
        default:
            return state;
    }
}
/** Answers a legacy v1 request: route, auth, cluster, then get or list. */
function v1Answer(call) {
    const { req, jobs } = call;
    const isGet = req.path === '/v1/vector/collections/import/get';
    const isList = req.path === '/v1/vector/collections/import/list';
    if (req.method !== 'GET' || (!isGet && !isList))
        return NOT_FOUND;
    const denied = cloudAuth(call, V1_BAD_TOKEN, V1_BAD_TOKEN);
    if (denied)
        return denied;
    const q = req.query;
    const clusterError = clusterCheck(call, q.get('clusterId') ?? undefined, false);
    if (clusterError)
        return cloudReply(clusterError);
    if (isGet) {
        const jobId = q.get('jobId');
        if (!jobId)
            return zillizParamError('jobId');
        const job = jobs.find(jobId);
        if (!job)
            return cloudReply(ZILLIZ_NO_JOB);
        return cloudReply({
            code: successCode(call.settings, 200),
            data: v1GetData(jobs.observe(job, call.dryRun))
        });
    }
    const paging = readPage(q.get('pageSize') ?? undefined, q.get('currentPage') ?? undefined);
    if (!paging)
        return zillizParamError('pageSize or currentPage');
    // v1 names list states ImportRunning...; told stateNames 'v2', it does not.
    const word = (state) => call.settings.stateNames === 'v2'
        ? stateWord(state, call.settings)
        : v1ListState(state);
    return cloudReply({
        code: successCode(call.settings, 200),
        data: listBody(call, jobs.sorted('oldest'), V1_LIST, paging, word)
    });
}
const V1_LIST = {
    key: 'tasks',
    paged: true,
    progress: false,
    order: 'newest',
    reasons: false
};

;// CONCATENATED MODULE: ./simulator/zilliz.ts




/** A reply as the Zilliz Cloud control plane sends it. */
function cloudReply(body, status = 200) {
    return {
        status,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body)
    };
}
// Zilliz Cloud names file states like job states.
const ZILLIZ_FILE_STATE = {
    Pending: 'Pending',
    InProgress: 'Importing',
    Completed: 'Completed',
    Failed: 'Failed'
};
/** The getProgress body of Zilliz Cloud v2, in the documented key order. */
function zillizProgressData(job) {
    const files = job.tasksCreated ? job.files : [];
    return {
        jobId: job.jobId,
        collectionName: job.collectionName,
        fileName: job.files.map((f) => f.name).join(','),
        fileSize: files.reduce((s, f) => s + f.fileSize, 0),
        state: job.state,
        progress: job.progress,
        completeTime: job.completeTime ? rfc3339(job.completeTime) : '',
        reason: job.reason,
        totalRows: job.totalRows,
        details: files.map((f) => ({
            fileName: f.name,
            fileSize: f.fileSize,
            state: ZILLIZ_FILE_STATE[f.state],
            progress: f.progress,
            completeTime: f.completeTime ? rfc3339(f.completeTime) : '',
            reason: f.reason
        }))
    };
}
function cloudBody(body) {
    try {
        const parsed = JSON.parse(body || '{}');
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
            ? parsed
            : undefined;
    }
    catch {
        return undefined;
    }
}
/** The reply to a missing or malformed parameter. */
const zillizParamError = (name) => cloudReply({ code: 80000, message: `Incorrect parameter: ${name}` });
/** The error body for a job ID the cluster does not know. */
const ZILLIZ_NO_JOB = {
    code: 90144,
    message: 'No jobId record found under this cluster, please check your request parameters.'
};
const ZILLIZ_NO_CLUSTER = {
    code: 90104,
    message: 'The clusterId parameter is empty in the request parameter.'
};
const ZILLIZ_BAD_CLUSTER = {
    code: 80020,
    message: 'Invalid clusterId or you do not have permission to access that Cluster.'
};
/** The denial for a missing or wrong API key; undefined when allowed. */
function cloudAuth({ settings, token }, missing, wrong) {
    const { apiKey } = settings;
    if (!apiKey)
        return undefined;
    if (!token)
        return cloudReply(missing);
    return token === apiKey ? undefined : cloudReply(wrong);
}
/** The error for a missing or foreign cluster ID; undefined when accepted. */
function clusterCheck({ settings }, clusterId, hasProject) {
    const expected = settings.clusterId;
    if (!expected)
        return undefined;
    if (clusterId === undefined || clusterId === null || clusterId === '') {
        return hasProject ? undefined : ZILLIZ_NO_CLUSTER;
    }
    return clusterId === expected ? undefined : ZILLIZ_BAD_CLUSTER;
}
/** The error for a serverless project or region it does not serve. */
function projectCheck({ settings }, body) {
    if (!settings.projectId || body.clusterId)
        return undefined;
    if (body.projectId !== settings.projectId)
        return zillizParamError('projectId');
    return body.regionId === settings.regionId
        ? undefined
        : zillizParamError('regionId');
}
/** Reads pageSize and currentPage (defaults 10 and 1); undefined if invalid. */
function readPage(pageSize, currentPage) {
    const size = pageSize === undefined || pageSize === '' ? 10 : Number(pageSize);
    const current = currentPage === undefined || currentPage === '' ? 1 : Number(currentPage);
    if (!Number.isInteger(size) ||
        size < 1 ||
        !Number.isInteger(current) ||
        current < 1) {
        return undefined;
    }
    return { size, current };
}
/** Answers a Zilliz Cloud v2 request: route, auth, body, cluster, then job. */
function zillizAnswer(call) {
    const { req } = call;
    const action = v2Action(req);
    if (action === undefined)
        return NOT_FOUND;
    const describe = ['getProgress', 'get_progress', 'describe'].includes(action);
    const control = controlAction(action, call.settings, 'zilliz');
    if (!describe && action !== 'list' && !control)
        return NOT_FOUND;
    const denied = cloudAuth(call, { code: 80001, message: 'The token is illegal' }, { code: 21119, message: 'The apikey is illegal.' });
    if (denied)
        return denied;
    const body = cloudBody(req.body);
    if (!body)
        return zillizParamError('request body is not valid JSON');
    const clusterError = clusterCheck(call, body.clusterId, Boolean(body.projectId && body.regionId));
    if (clusterError)
        return cloudReply(clusterError);
    const projectError = projectCheck(call, body);
    if (projectError)
        return projectError;
    if (control)
        return zillizControl(call, control, body);
    return describe ? zillizDescribe(call, body) : zillizList(call, body);
}
function zillizDescribe({ jobs, dryRun, settings }, body) {
    const raw = body.jobId;
    if (raw === undefined || raw === null || raw === '')
        return zillizParamError('jobId');
    if (typeof raw !== 'string' && typeof raw !== 'number') {
        return zillizParamError('jobId');
    }
    const job = jobs.find(String(raw));
    if (!job)
        return cloudReply(ZILLIZ_NO_JOB);
    const snap = jobs.observe(job, dryRun);
    // The zdoc_cn pymilvus page shows the legacy v1 body for this call.
    if (settings.legacyBody)
        return cloudReply({ code: 200, data: v1GetData(snap) });
    return cloudReply({
        code: successCode(settings),
        data: reshapeDescribe(zillizProgressData(snap), settings)
    });
}
function zillizList(call, body) {
    const paging = readPage(body.pageSize, body.currentPage);
    if (!paging)
        return zillizParamError('pageSize or currentPage');
    const name = typeof body.collectionName === 'string' ? body.collectionName : '';
    const all = call.jobs
        .sorted('oldest')
        .filter((j) => !name || j.collectionName === name);
    return cloudReply({
        code: successCode(call.settings),
        data: listBody(call, all, ZILLIZ_LIST, paging)
    });
}
const ZILLIZ_LIST = {
    key: 'records',
    paged: true,
    progress: false,
    order: 'newest',
    reasons: false,
    pagingFirst: true
};

;// CONCATENATED MODULE: ./simulator/control.ts
/**
 * The routes that start and finish jobs: /create on Milvus and Zilliz Cloud,
 * and /commit and /abort where the server has two-phase imports. Create
 * errors follow the create/commit/abort reference (section 1.5 for Milvus,
 * 4.3 for Zilliz Cloud); a created job follows a script like any other.
 */





/** The control route an action names on this server, if it has one. */
function controlAction(action, settings, flavour) {
    // Milvus has served /create since 2.4.0; older releases had no REST v2.
    if (action === 'create')
        return flavour === 'milvus' &&
            settings.milvusVersion &&
            !atLeast(settings.milvusVersion, '2.4.0')
            ? undefined
            : 'create';
    if ((action === 'commit' || action === 'abort') &&
        hasTwoPhase(settings, flavour))
        return action;
    return undefined;
}
const MAX_FILES = 1024;
const FIRST_MILVUS_ID = 463071155436700001n;
/** Adds the job a create made, on the simulator's settings. */
function addCreated({ jobs, settings }, jobId, collectionName, groups, autoCommit) {
    const { polls, durationMs } = settings.created ?? {};
    jobs.add({
        jobId,
        collectionName,
        files: filesOf(groups, settings),
        autoCommit,
        ...(durationMs ? { durationMs } : { polls: polls ?? 3 })
    });
}
/** Answers /create, /commit or /abort of Milvus REST v2. */
function milvusControl(call, action, successCode) {
    if (action === 'create')
        return milvusCreate(call, successCode);
    const bound = bindJobId(call.req.body);
    if ('reply' in bound)
        return bound.reply;
    const { jobId } = bound;
    const parsed = parseInt64(jobId);
    if ('error' in parsed)
        return milvusReply({
            code: 1100,
            message: `${parsed.error}: invalid parameter[expected=int64 jobId][actual=${jobId}]`
        });
    const job = findInt64(call.jobs, parsed.value);
    if (!job)
        return milvusReply(unknownJob(parsed.value.toString(), Boolean(call.settings.apiKey)));
    const error = decide(job, action, call.jobs.now(), call.settings.committingPolls);
    return milvusReply(error ?? { code: 0, data: {} });
}
const fail1801 = (detail) => milvusReply({
    code: 1801,
    message: `can only accept json format request, error: ${detail}`
});
const fail1802 = (field) => milvusReply({
    code: 1802,
    message: `missing required parameters, error: Key: 'ImportReq.${field}' Error:Field validation for '${field}' failed on the 'required' tag`
});
const fail2100 = (detail) => milvusReply({ code: 2100, message: `${detail}: importing data failed` });
function milvusCreate(call, successCode) {
    const { req, settings } = call;
    const bound = milvusBind(req.body, 'ImportReq', [
        'dbName',
        'collectionName',
        'partitionName'
    ]);
    if (!bound.ok)
        return bound.reply;
    const raw = JSON.parse(req.body);
    const files = goField(raw, 'files');
    const options = (goField(raw, 'options') ?? {});
    // Decoding (1801) comes before the required-field checks (1802).
    if (files !== undefined && files !== null && !isGrid(files))
        return fail1801(`json: cannot unmarshal ${GO_TYPE(files)} into Go struct field ImportReq.files of type [][]string`);
    if (typeof options !== 'object' || Array.isArray(options))
        return fail1801(`json: cannot unmarshal ${GO_TYPE(options)} into Go struct field ImportReq.options of type map[string]string`);
    for (const v of Object.values(options))
        if (typeof v !== 'string')
            return fail1801(`json: cannot unmarshal ${GO_TYPE(v)} into Go value of type string`);
    const twoPhase = hasTwoPhase(settings, 'milvus');
    const autoCommit = options.auto_commit;
    if (twoPhase &&
        autoCommit !== undefined &&
        !/^(true|false)$/i.test(autoCommit))
        return fail1801('options.auto_commit must be one of "true" or "false": invalid parameter');
    const name = bound.value.collectionName;
    if (!name)
        return fail1802('CollectionName');
    if (!isGrid(files))
        return fail1802('Files');
    if (settings.collections && !settings.collections.includes(name)) {
        const db = bound.value.dbName ||
            String(req.headers['db-name'] ?? '') ||
            'default';
        return milvusReply({
            code: 100,
            message: `collection not found[database=${db}][collection=${name}]`
        });
    }
    const groups = files.filter((g) => g.length);
    if (groups.length === 0)
        return milvusReply({
            code: 1100,
            message: 'import request is empty: invalid parameter'
        });
    if (groups.length > MAX_FILES)
        return fail2100(`The max number of import files should not exceed ${MAX_FILES}, but got ${groups.length}`);
    const folders = /^true$/i.test(String(options.backup ?? options.l0_import ?? ''));
    const typeError = folders
        ? undefined
        : groups.map(fileTypeError).find(Boolean);
    if (typeError)
        return fail2100(typeError);
    const timeout = options.timeout;
    if (timeout && !/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(timeout))
        return fail2100(`parse timeout failed: time: invalid duration ${JSON.stringify(timeout)}`);
    const numeric = call.jobs.all
        .map((j) => parseInt64(j.jobId))
        .flatMap((p) => ('value' in p ? [p.value] : []));
    const jobId = String(numeric.reduce((a, b) => (b >= a ? b + 1n : a), FIRST_MILVUS_ID));
    // An older server ignores the key: the job commits by itself.
    addCreated(call, jobId, name, groups, !(twoPhase && /^false$/i.test(autoCommit ?? '')));
    return milvusReply({ code: successCode, data: { jobId } });
}
/** Answers /create, /commit or /abort of Zilliz Cloud v2. */
function zillizControl(call, action, body) {
    if (action === 'create')
        return zillizCreate(call, body);
    const raw = body.jobId;
    if (typeof raw !== 'string' || raw === '')
        return zillizParamError('jobId');
    const job = call.jobs.find(raw);
    if (!job)
        return cloudReply(ZILLIZ_NO_JOB);
    const error = decide(job, action, call.jobs.now(), call.settings.committingPolls);
    return cloudReply(error ?? { code: 0, data: {} });
}
const OBJECT_URL = /^(s3|gs|https?):\/\/[^/\s]+\/\S+$/i;
function zillizCreate(call, body) {
    const { settings } = call;
    const name = body.collectionName;
    if (typeof name !== 'string' || !name)
        return zillizParamError('collectionName');
    const urls = isGrid(body.objectUrls)
        ? body.objectUrls.filter((g) => g.length)
        : typeof body.objectUrl === 'string' && body.objectUrl
            ? [[body.objectUrl]]
            : [];
    if (urls.length === 0)
        return cloudReply({ code: 90142, message: 'No import content provided.' });
    const bad = urls.flat().find((u) => !OBJECT_URL.test(u));
    if (bad !== undefined)
        return cloudReply({
            code: 10003,
            message: `Invalid s3 ObjectUrl. [${bad}]`
        });
    const keys = settings.bucketKeys;
    if (keys &&
        (body.accessKey !== keys.accessKey || body.secretKey !== keys.secretKey))
        return cloudReply({
            code: 83001,
            message: 'Failed to getObjectMeta {Access denied}.'
        });
    if (settings.collections && !settings.collections.includes(name))
        return cloudReply({
            code: 47005,
            message: 'The specified cluster collection not exists.'
        });
    const options = body.options;
    const gated = hasTwoPhase(settings, 'zilliz') &&
        /^false$/i.test(String(options?.auto_commit ?? ''));
    const n = call.jobs.all.length + 1;
    const jobId = `job-${n.toString(16).padStart(21, '0')}`;
    addCreated(call, jobId, name, urls, !gated);
    return cloudReply({ code: 0, data: { jobId } });
}

;// CONCATENATED MODULE: ./simulator/milvus.ts






const MILVUS_JSON = 'application/json; charset=utf-8';
// gin's c.JSON encodes Go maps: keys sorted, and <, >, & escaped as \u00XX.
function goJson(value) {
    return JSON.stringify(sortKeys(value))
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
}
function sortKeys(value) {
    if (Array.isArray(value))
        return value.map(sortKeys);
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.keys(value)
            .sort()
            .map((k) => [k, sortKeys(value[k])]));
    }
    return value;
}
/** A reply as gin sends it from a Milvus proxy. */
function milvusReply(body, status = 200) {
    return {
        status,
        headers: { 'Content-Type': MILVUS_JSON },
        body: goJson(body)
    };
}
/** The describe body of Milvus REST v2 (2.6+: with createTime). */
function milvusDescribeData(job, echoedJobId, release = {
    createTime: true,
    protoFileName: false
}) {
    const details = job.tasksCreated
        ? job.files.map((f, i) => ({
            completeTime: f.completeTime ? rfc3339(f.completeTime) : '',
            // 2.4.0-2.4.4 printed the task's ImportFile proto as text.
            fileName: release.protoFileName
                ? `id:${BigInt(job.jobId.replace(/\D/g, '') || '0') + BigInt(i + 1)} paths:${JSON.stringify(f.name)} `
                : `[${f.name}]`,
            fileSize: f.fileSize,
            importedRows: f.importedRows,
            progress: f.progress,
            ...(f.reason ? { reason: f.reason } : {}),
            state: f.state,
            totalRows: f.totalRows
        }))
        : [];
    return {
        collectionName: job.collectionName,
        completeTime: job.completeTime ? rfc3339(job.completeTime) : '',
        ...(release.createTime ? { createTime: rfc3339(job.createTime) } : {}),
        details,
        fileSize: details.reduce((s, d) => s + d.fileSize, 0),
        importedRows: job.importedRows,
        jobId: echoedJobId,
        progress: job.progress,
        ...(job.reason ? { reason: job.reason } : {}),
        state: job.state,
        totalRows: job.totalRows
    };
}
const GO_TYPE = (v) => v === null
    ? 'null'
    : Array.isArray(v)
        ? 'array'
        : typeof v === 'object'
            ? 'object'
            : typeof v === 'boolean'
                ? 'bool'
                : typeof v;
// Binds a body as gin's ShouldBindBodyWith(JSON) does for a struct of string
// fields, with the same error codes and Go-style messages.
function milvusBind(body, goStruct, stringFields) {
    const fail = (message) => ({
        ok: false,
        reply: milvusReply({ code: 1801, message })
    });
    if (body.trim() === '') {
        return fail('can only accept json format request, the request body should be nil, however {} is valid');
    }
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        const c = body.trim()[0];
        const detail = /[[{"\-0-9tfn]/.test(c)
            ? 'unexpected end of JSON input'
            : `invalid character '${c}' looking for beginning of value`;
        return fail(`can only accept json format request, error: ${detail}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        return fail(`can only accept json format request, error: json: cannot unmarshal ${GO_TYPE(parsed)} into Go value of type httpserver.${goStruct}`);
    }
    const value = {};
    for (const field of stringFields) {
        const v = goField(parsed, field);
        if (v === undefined || v === null)
            continue;
        if (typeof v !== 'string') {
            return fail(`can only accept json format request, error: json: cannot unmarshal ${GO_TYPE(v)} into Go struct field ${goStruct}.${field} of type string`);
        }
        value[field] = v;
    }
    return { ok: true, value };
}
// Go's encoding/json matches field names case-insensitively (exact first).
function goField(obj, name) {
    if (Object.hasOwn(obj, name))
        return obj[name];
    const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : obj[key];
}
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
/** strconv.ParseInt(s, 10, 64), returning the value or Go's error text. */
function parseInt64(s) {
    if (!/^[+-]?\d+$/.test(s)) {
        return {
            error: `strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax`
        };
    }
    const value = BigInt(s);
    if (value > INT64_MAX || value < INT64_MIN) {
        return {
            error: `strconv.ParseInt: parsing ${JSON.stringify(s)}: value out of range`
        };
    }
    return { value };
}
/** Binds a JobIDReq body: the job ID, or the reply gin sends instead. */
function bindJobId(body) {
    const bound = milvusBind(body, 'JobIDReq', ['jobId']);
    if (!bound.ok)
        return { reply: bound.reply };
    const jobId = bound.value.jobId;
    if (jobId)
        return { jobId };
    return {
        reply: milvusReply({
            code: 1802,
            message: "missing required parameters, error: Key: 'JobIDReq.JobID' Error:Field validation for 'JobID' failed on the 'required' tag"
        })
    };
}
/** The job whose ID is this int64, as Milvus matches IDs. */
function findInt64(jobs, value) {
    return jobs.all.find((j) => {
        const id = parseInt64(j.jobId);
        return 'value' in id && id.value === value;
    });
}
/** Answers a Milvus REST v2 request: route, then auth, then the body. */
function milvusAnswer(call) {
    const { req, settings } = call;
    const action = v2Action(req);
    if (action === undefined)
        return NOT_FOUND;
    const release = milvusBehaviour(settings);
    const describe = action === 'get_progress' || (action === 'describe' && release.describe);
    const control = controlAction(action, settings, 'milvus');
    if (!describe && action !== 'list' && !control)
        return NOT_FOUND;
    if (settings.apiKey && call.token !== settings.apiKey) {
        return milvusReply({ code: 1800, message: "user hasn't authenticated" }, 401);
    }
    if (control)
        return milvusControl(call, control, release.successCode);
    return describe ? milvusDescribe(call, release) : milvusList(call, release);
}
function milvusDescribe({ req, settings, jobs, dryRun }, release) {
    const bound = bindJobId(req.body);
    if ('reply' in bound)
        return bound.reply;
    const { jobId } = bound;
    const parsed = parseInt64(jobId);
    if ('error' in parsed)
        return milvusReply(badJobIdError(release, parsed.error));
    const job = findInt64(jobs, parsed.value);
    if (!job)
        return milvusReply(noJobError(release, parsed.value.toString()));
    const snap = jobs.observe(job, dryRun);
    // Some documents show the legacy v1 body (code 200) for this call.
    if (settings.legacyBody)
        return milvusReply({ code: 200, data: v1GetData(snap) });
    return milvusReply({
        code: release.successCode,
        data: reshapeDescribe(milvusDescribeData(snap, jobId, release), settings)
    });
}
function milvusList(call, release) {
    const { req, jobs } = call;
    const bound = milvusBind(req.body, 'OptionalCollectionNameReq', [
        'dbName',
        'collectionName'
    ]);
    if (!bound.ok)
        return bound.reply;
    const name = bound.value.collectionName;
    const all = jobs
        .sorted('oldest')
        .filter((j) => !name || j.collectionName === name);
    // Milvus ignores paging and sends every job, oldest first; told to page
    // (listPaged), it reads pageSize and currentPage as Zilliz Cloud does.
    const asked = JSON.parse(req.body);
    const paging = readPage(goField(asked, 'pageSize'), goField(asked, 'currentPage')) ?? { size: 10, current: 1 };
    const data = listBody(call, all, MILVUS_LIST, paging);
    return milvusReply({ code: release.successCode, data });
}
const MILVUS_LIST = {
    key: 'records',
    paged: false,
    progress: true,
    order: 'oldest',
    reasons: true
};

;// CONCATENATED MODULE: ./simulator/faults.ts
/**
 * The faults a simulator can serve instead of its next normal answer: HTTP
 * errors, resets, hangs, broken bodies and API error codes.
 */




function nginxPage(status) {
    const title = `${status} ${(external_node_http_default()).STATUS_CODES[status] ?? 'Error'}`;
    return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}
/** The body a well-formed success of this flavour would not have. */
function wrongShape(flavour) {
    const body = { code: flavour === 'v1' ? 200 : 0, data: { state: 42 } };
    return flavour === 'milvus' ? milvusReply(body) : cloudReply(body);
}
/**
 * Serves a fault on res; `peek` gives the normal answer without counting a
 * poll, for the truncated fault to cut short.
 */
function serveFault(fault, res, flavour, peek) {
    switch (fault.kind) {
        case 'status': {
            const body = fault.body ?? nginxPage(fault.status);
            const headers = {
                'Content-Type': fault.contentType ??
                    (body.trimStart().startsWith('<') ? 'text/html' : 'text/plain')
            };
            if (fault.retryAfter !== undefined)
                headers['Retry-After'] = fault.retryAfter;
            send(res, { status: fault.status, headers, body });
            return;
        }
        case 'reset':
            res.socket?.resetAndDestroy();
            return;
        case 'hang':
            // The socket stays open until the client gives up or close() runs.
            return;
        case 'truncated': {
            const full = peek();
            const body = Buffer.from(full.body, 'utf8');
            res.writeHead(200, {
                ...full.headers,
                'Content-Length': String(body.length + 64)
            });
            res.write(body.subarray(0, Math.max(1, Math.floor(body.length / 2))), () => res.socket?.destroy());
            return;
        }
        case 'invalid-json':
            send(res, {
                status: 200,
                headers: { 'Content-Type': 'application/json' },
                body: 'this is not JSON'
            });
            return;
        case 'wrong-shape':
            send(res, wrongShape(flavour));
            return;
        case 'code':
            send(res, cloudReply({ code: fault.code, message: fault.message }, fault.httpStatus ?? 200));
            return;
    }
}

;// CONCATENATED MODULE: ./simulator/job-model.ts
/**
 * The scripted job model: what a job looks like at each point of its script,
 * in the Milvus v2 vocabulary that every flavour's wire format is built from.
 */

// Where the phases of a job end, as fractions of its script (see the API
// reference, "State mapping": Pending 0-10, pre-import 10-40, import 40-70,
// sorting and index building 70-90, commit 99).
const PENDING_END = 0.1;
const PREIMPORT_END = 0.4;
const IMPORT_END = 0.7;
const INDEX_END = 0.9;
// A failing file gets this far through its rows before it fails.
const FAIL_POINT = 0.5;
// About the bytes per row of the reference's 10,000-row parquet example.
const BYTES_PER_ROW = 3157;
/** A job following its script; shared by the REST and gRPC simulators. */
class ScriptedJob {
    script;
    jobId;
    collectionName;
    files;
    createdAt;
    outcome;
    slots;
    describes = 0;
    firstSeen;
    endedAt;
    fileDoneAt = new Map();
    constructor(script, createdAt) {
        this.script = script;
        this.jobId = script.jobId;
        this.collectionName = script.collectionName ?? 'demo_collection';
        this.createdAt = script.createdAt ?? createdAt;
        const files = script.files ?? [{ name: 'data/1.parquet', rows: 10_000 }];
        this.files = files.map((f) => ({
            name: f.name,
            rows: f.rows,
            size: f.size ?? f.rows * BYTES_PER_ROW,
            failReason: f.failReason
        }));
        const failing = files.some((f) => f.failReason);
        const o = script.outcome ??
            (failing
                ? 'failed'
                : script.autoCommit === false
                    ? 'uncommitted'
                    : 'completed');
        this.outcome = typeof o === 'string' ? { kind: o } : { kind: 'state', ...o };
        this.slots = this.schedule();
    }
    /** Answers one describe: counts the poll and starts the job's clock. */
    describe(now) {
        this.describes += 1;
        this.firstSeen ??= now;
        return decidedView(this, this.snapshot(now), now, true);
    }
    /** The job as a list call sees it: no poll is counted. */
    peek(now) {
        return decidedView(this, this.snapshot(now), now, false);
    }
    /** A commit or abort of a two-phase job (see two-phase.ts). */
    decision;
    // Files import one after another, each taking a share of the import phase
    // by rows. When the job is to fail, its failing files go last and fail at
    // the very end, as Milvus fails the job as soon as a task fails.
    schedule() {
        const failsJob = this.outcome.kind === 'failed';
        const weight = (i) => this.files[i].rows + 1;
        const order = this.files.map((_, i) => i);
        const firstGroup = failsJob
            ? order.filter((i) => !this.files[i].failReason)
            : order;
        const lastGroup = failsJob
            ? order.filter((i) => this.files[i].failReason)
            : [];
        const total = firstGroup.reduce((sum, i) => sum + weight(i), 0) +
            Math.max(0, ...lastGroup.map(weight));
        const slots = [];
        let at = 0;
        for (const i of firstGroup) {
            const end = at + weight(i) / total;
            slots[i] = { start: at, end };
            at = end;
        }
        for (const i of lastGroup)
            slots[i] = { start: at, end: 1 };
        return slots;
    }
    fraction(now) {
        const { polls, durationMs = 0 } = this.script;
        if (polls !== undefined) {
            if (polls <= 1)
                return this.describes > 0 || polls <= 0 ? 1 : 0;
            return this.describes === 0
                ? 0
                : Math.min(1, (this.describes - 1) / (polls - 1));
        }
        if (durationMs <= 0)
            return 1;
        if (this.firstSeen === undefined)
            return 0;
        return Math.min(1, (now - this.firstSeen) / durationMs);
    }
    snapshot(now) {
        const f = this.fraction(now);
        const ended = f >= 1;
        if (ended)
            this.endedAt ??= now;
        const failsJob = this.outcome.kind === 'failed';
        const importEnd = failsJob ? 1 : IMPORT_END;
        const tasksCreated = ended || f >= PREIMPORT_END;
        // How far the import phase is, 0..1.
        const g = ended
            ? 1
            : Math.min(1, Math.max(0, (f - PREIMPORT_END) / (importEnd - PREIMPORT_END)));
        const files = this.files.map((file, i) => this.fileAt(i, tasksCreated ? g : 0, ended, failsJob, now));
        const importedRows = files.reduce((s, x) => s + x.importedRows, 0);
        const totalRows = files.reduce((s, x) => s + x.totalRows, 0);
        const base = {
            jobId: this.jobId,
            collectionName: this.collectionName,
            createTime: this.createdAt,
            tasksCreated,
            ended,
            files
        };
        if (ended) {
            return {
                ...base,
                endTime: this.endedAt,
                ...this.endState(importedRows, totalRows)
            };
        }
        let progress;
        if (f < PREIMPORT_END)
            progress = Math.floor(100 * f);
        else if (f < importEnd)
            progress =
                40 + (totalRows ? Math.floor((30 * importedRows) / totalRows) : 0);
        else if (f < INDEX_END)
            progress = Math.floor(100 * f);
        else
            progress = 99;
        return {
            ...base,
            state: f < PENDING_END ? 'Pending' : 'Importing',
            progress,
            importedRows: tasksCreated ? importedRows : 0,
            totalRows: tasksCreated ? totalRows : 0,
            reason: ''
        };
    }
    endState(importedRows, totalRows) {
        const rows = { importedRows, totalRows, reason: '' };
        switch (this.outcome.kind) {
            case 'completed':
                return {
                    ...rows,
                    state: 'Completed',
                    progress: 100,
                    completeTime: this.endedAt
                };
            case 'uncommitted':
                return { ...rows, state: 'Uncommitted', progress: 99 };
            case 'failed':
                // Milvus zeroes progress and rows of a failed job.
                return {
                    state: 'Failed',
                    progress: 0,
                    importedRows: 0,
                    totalRows: 0,
                    reason: this.script.reason ?? this.failureReason()
                };
            case 'none':
                return {
                    state: 'None',
                    progress: 0,
                    importedRows: 0,
                    totalRows: 0,
                    reason: this.script.reason ?? 'unknown import job state'
                };
            default:
                return {
                    ...rows,
                    state: this.outcome.state,
                    progress: 99,
                    reason: this.script.reason ?? ''
                };
        }
    }
    failureReason() {
        const failing = this.files.filter((f) => f.failReason);
        if (failing.length === 0)
            return 'import failed';
        return failing
            .map((f) => `failed to import file "${f.name}": ${f.failReason}`)
            .join('; ');
    }
    fileAt(i, g, ended, failsJob, now) {
        const file = this.files[i];
        const { start, end } = this.slots[i];
        const local = g >= end ? 1 : g <= start ? 0 : (g - start) / (end - start);
        const base = {
            name: file.name,
            fileSize: file.size,
            totalRows: file.rows,
            reason: ''
        };
        if (!file.failReason) {
            if (local >= 1) {
                if (!this.fileDoneAt.has(i))
                    this.fileDoneAt.set(i, now);
                return {
                    ...base,
                    state: 'Completed',
                    progress: 100,
                    importedRows: file.rows,
                    completeTime: this.fileDoneAt.get(i)
                };
            }
            const progress = Math.floor(100 * local);
            return {
                ...base,
                state: local > 0 ? 'InProgress' : 'Pending',
                progress,
                importedRows: Math.floor((progress * file.rows) / 100)
            };
        }
        const failed = ended || (local >= 1 && !failsJob);
        if (failed) {
            // A failed task's segments are dropped: it reports no progress.
            return {
                ...base,
                state: 'Failed',
                progress: 0,
                importedRows: 0,
                reason: file.failReason
            };
        }
        const progress = Math.floor(100 * FAIL_POINT * local);
        return {
            ...base,
            state: local > 0 ? 'InProgress' : 'Pending',
            progress,
            importedRows: Math.floor((progress * file.rows) / 100)
        };
    }
}
/** The scripted jobs of one simulator, on its clock. */
class JobStore {
    now;
    all = [];
    added = 0;
    constructor(now, scripts = []) {
        this.now = now;
        for (const script of scripts)
            this.add(script);
    }
    /** Adds a job; its creation time is now unless its script says. */
    add(script) {
        // Insertion order breaks ties, so jobs added in a row still list in order.
        this.all.push(new ScriptedJob(script, this.now() + this.added++));
    }
    /** The job as a describe sees it; a dry run counts no poll (for faults). */
    observe(job, dryRun) {
        return dryRun ? job.peek(this.now()) : job.describe(this.now());
    }
    /** Every job by creation time, oldest or newest first. */
    sorted(order) {
        const list = [...this.all].sort((a, b) => a.createdAt - b.createdAt);
        return order === 'oldest' ? list : list.reverse();
    }
    /** The job with exactly this ID, as Zilliz Cloud matches it. */
    find(jobId) {
        return this.all.find((j) => j.jobId === jobId);
    }
}

;// CONCATENATED MODULE: ./simulator/zilliz-v1-create.ts
/**
 * The legacy Zilliz Cloud v1 call that starts an import,
 * `POST /v1/vector/collections/import` with
 * `{objectUrl, accessKey, secretKey, clusterId, collectionName}`, as
 * pymilvus 2.4's bulk_import sends it. It answers `{"code":200,"data":
 * {"jobId":"job-..."}}` and adds the job, already completed, so the client's
 * next get or list finds it.
 */

const V1_CREATE = '/v1/vector/collections/import';
const zilliz_v1_create_V1_BAD_TOKEN = {
    code: 80002,
    message: 'Token not found or unauthorized: The provided token does not exist in our records, or you do not have the necessary permissions to use this token. Please ensure you have the correct token.'
};
/** True when the request is a v1 create. */
function isV1Create(call) {
    return call.req.method === 'POST' && call.req.path === V1_CREATE;
}
function jsonObject(body) {
    try {
        const parsed = JSON.parse(body);
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
            ? parsed
            : undefined;
    }
    catch {
        return undefined;
    }
}
/** Answers a v1 create: auth, body, cluster, then the new job's ID. */
function v1CreateAnswer(call) {
    const denied = cloudAuth(call, zilliz_v1_create_V1_BAD_TOKEN, zilliz_v1_create_V1_BAD_TOKEN);
    if (denied)
        return denied;
    const body = jsonObject(call.req.body);
    if (!body)
        return zillizParamError('request body is not valid JSON');
    const clusterError = clusterCheck(call, body.clusterId, false);
    if (clusterError)
        return cloudReply(clusterError);
    for (const field of ['collectionName', 'objectUrl']) {
        if (typeof body[field] !== 'string' || !body[field]) {
            return zillizParamError(field);
        }
    }
    const jobId = `job-${(call.jobs.all.length + 1).toString(16).padStart(21, '0')}`;
    // A faulted request is answered as a dry run: it starts nothing.
    if (!call.dryRun) {
        call.jobs.add({
            jobId,
            collectionName: String(body.collectionName),
            files: [{ name: String(body.objectUrl), rows: 1000 }]
        });
    }
    return cloudReply({ code: 200, data: { jobId } });
}

;// CONCATENATED MODULE: ./simulator/server.ts
/**
 * A local import-job server that answers like Milvus REST v2, Zilliz Cloud v2
 * and the legacy Zilliz Cloud v1 API, following the wire formats of the API
 * reference. Jobs follow a script: they move through the states a
 * real server reports, as polls or wall time pass, and end where the script
 * says. Faults (HTTP errors, resets, hangs, broken bodies) can be queued.
 * Listens on 127.0.0.1 only.
 */












// Each flavour answers its own routes, with its own auth and error bodies.
const ANSWER = {
    milvus: milvusAnswer,
    zilliz: zillizAnswer,
    v1: v1Answer
};
// The credential a request carries: a Bearer token as sent, or Basic
// credentials decoded to user:password.
function bearer(req) {
    const auth = req.headers.authorization;
    if (!auth)
        return undefined;
    if (auth.startsWith('Bearer '))
        return auth.slice(7).trim();
    if (auth.startsWith('Basic ')) {
        return Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
    }
    return undefined;
}
/** Starts a simulator on 127.0.0.1 and resolves once it listens. */
async function startSimulator(options = {}) {
    const now = options.now ?? Date.now;
    const flavour = options.flavour ?? 'milvus';
    const jobs = new JobStore(now, options.jobs);
    // With dryRun no poll is counted (for faults).
    const answer = (req, dryRun) => {
        const call = { req, token: bearer(req), settings: options, jobs, dryRun };
        return flavour === 'v1' && isV1Create(call)
            ? v1CreateAnswer(call)
            : ANSWER[flavour](call);
    };
    const faults = [...(options.faults ?? [])];
    const requests = [];
    const sockets = new Set();
    const server = external_node_http_default().createServer((incoming, res) => {
        const chunks = [];
        incoming.on('data', (c) => chunks.push(c));
        incoming.on('end', () => {
            const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
            const req = {
                method: incoming.method ?? 'GET',
                path: url.pathname,
                query: url.searchParams,
                headers: incoming.headers,
                body: Buffer.concat(chunks).toString('utf8')
            };
            if (req.path === '/__health' && req.method === 'GET') {
                send(res, {
                    status: 200,
                    headers: { 'Content-Type': 'text/plain' },
                    body: 'ok'
                });
                return;
            }
            requests.push({
                method: req.method,
                path: req.path,
                query: url.search.replace(/^\?/, ''),
                headers: { ...incoming.headers },
                body: req.body,
                at: now()
            });
            const at = faults.findIndex((f) => !f.action || req.path.endsWith(`/${f.action}`));
            const fault = at < 0 ? undefined : faults.splice(at, 1)[0];
            if (fault)
                serveFault(fault, res, flavour, () => answer(req, true));
            else
                send(res, answer(req, false));
        });
    });
    server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
        });
    });
    const { port } = server.address();
    return {
        url: `http://127.0.0.1:${port}`,
        port,
        flavour,
        requests,
        addJob: (job) => jobs.add(job),
        pushFaults: (...more) => void faults.push(...more),
        close: () => new Promise((resolve) => {
            for (const socket of sockets)
                socket.destroy();
            server.close(() => resolve());
        })
    };
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./simulator/is-main.ts


/**
 * True when the module at `moduleUrl` (its import.meta.url) is the script
 * node was started with, so a bundle runs only when executed, not imported.
 */
function isMain(moduleUrl) {
    try {
        return ((0,external_node_fs_namespaceObject.realpathSync)(process.argv[1] ?? '') ===
            (0,external_node_fs_namespaceObject.realpathSync)((0,external_node_url_namespaceObject.fileURLToPath)(moduleUrl)));
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./simulator/cli.ts
/**
 * Runs the import simulator from the command line until SIGINT or SIGTERM:
 *
 *   node <bundle> --scenario demo --port 8080 [--flavour milvus] [--api-key K]
 */




const FLAVOURS = ['milvus', 'zilliz', 'v1'];
/** A command-line mistake; printed as one line with exit code 2. */
class UsageError extends Error {
    name = 'UsageError';
}
/** The help text, with the scenario list. */
function usage() {
    const width = Math.max(...Object.keys(scenarios).map((n) => n.length));
    const list = Object.keys(scenarios)
        .map((n) => `  ${n.padEnd(width)}  ${scenarioNotes[n] ?? ''}`)
        .join('\n');
    return `Usage: simulator [--scenario NAME] [--port N] [--flavour milvus|zilliz|v1]
                 [--api-key KEY] [--cluster-id ID] [--time-scale X]

Serves the import-job API of Milvus or Zilliz Cloud on 127.0.0.1.

Scenarios:
${list}
`;
}
/** Starts the simulator the arguments describe; throws UsageError. */
async function startFromArgs(argv) {
    let values;
    try {
        ;
        ({ values } = (0,external_node_util_namespaceObject.parseArgs)({
            args: argv,
            strict: true,
            allowPositionals: false,
            options: {
                scenario: { type: 'string', default: 'demo' },
                port: { type: 'string', default: '0' },
                flavour: { type: 'string' },
                'api-key': { type: 'string' },
                'cluster-id': { type: 'string' },
                'time-scale': { type: 'string' },
                help: { type: 'boolean', short: 'h' }
            }
        }));
    }
    catch (error) {
        throw new UsageError(error.message);
    }
    if (values.help)
        return { help: usage() };
    const name = values.scenario;
    const build = Object.hasOwn(scenarios, name) ? scenarios[name] : undefined;
    if (!build) {
        throw new UsageError(`Unknown scenario "${name}". Choose one of: ${Object.keys(scenarios).join(', ')}.`);
    }
    const port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) {
        throw new UsageError(`--port must be a port number from 0 to 65535 (got "${values.port}").`);
    }
    const flavour = values.flavour;
    if (flavour !== undefined && !FLAVOURS.includes(flavour)) {
        throw new UsageError(`--flavour must be one of ${FLAVOURS.join(', ')} (got "${flavour}").`);
    }
    const timeScale = values['time-scale'] === undefined
        ? undefined
        : Number(values['time-scale']);
    if (timeScale !== undefined && !(timeScale > 0)) {
        throw new UsageError(`--time-scale must be a positive number (got "${values['time-scale']}").`);
    }
    const options = build({
        flavour,
        apiKey: values['api-key'],
        clusterId: values['cluster-id'],
        timeScale
    });
    try {
        const simulator = await startSimulator({ ...options, port });
        return { simulator, scenario: name };
    }
    catch (error) {
        throw new UsageError(`Cannot listen on 127.0.0.1:${port}: ${error.message}`);
    }
}
/** Resolves with the first of SIGINT and SIGTERM. */
function signalled() {
    return new Promise((resolve) => {
        process.once('SIGINT', () => resolve('SIGINT'));
        process.once('SIGTERM', () => resolve('SIGTERM'));
    });
}
/**
 * Runs the CLI; resolves with the exit code once `stop` resolves (by default
 * on SIGINT or SIGTERM).
 */
async function main(argv, stop = signalled) {
    let started;
    try {
        started = await startFromArgs(argv);
    }
    catch (error) {
        if (!(error instanceof UsageError))
            throw error;
        process.stderr.write(`simulator: ${error.message}\n`);
        return 2;
    }
    if ('help' in started) {
        process.stdout.write(started.help);
        return 0;
    }
    const { simulator, scenario } = started;
    process.stdout.write(`simulator listening on ${simulator.url} (scenario ${scenario})\n`);
    const reason = await stop();
    await simulator.close();
    process.stderr.write(`simulator: stopped (${reason})\n`);
    return 0;
}
// Run only when executed (node dist/simulator/index.js), not when imported.
if (isMain(import.meta.url)) {
    main(process.argv.slice(2)).then((code) => process.exit(code), (error) => {
        process.stderr.write(`simulator: ${error.message}\n`);
        process.exit(1);
    });
}

var __webpack_exports__UsageError = __webpack_exports__.eb;
var __webpack_exports__main = __webpack_exports__.iW;
var __webpack_exports__startFromArgs = __webpack_exports__.Qe;
var __webpack_exports__usage = __webpack_exports__.CI;
export { __webpack_exports__UsageError as UsageError, __webpack_exports__main as main, __webpack_exports__startFromArgs as startFromArgs, __webpack_exports__usage as usage };

//# sourceMappingURL=index.js.map