/**
 * What the benchmark drives in-process: the simulator and the action's own
 * modules. bench/run.mjs bundles this file with ncc into a temporary folder
 * at start, so the benchmark runs the TypeScript sources as they are.
 */
export {
  startSimulator,
  ScriptedJob,
  milvusDescribeData
} from '../simulator/server.js'
export { renderSummary } from '../src/report/summary.js'
export { ProgressLog } from '../src/report/progress-log.js'
export { waitForJob, waitForJobs } from '../src/wait/wait-for-jobs.js'
export { RateLimiter } from '../src/wait/rate-limit.js'
export { RestV2Api } from '../src/clients/rest-v2.js'
export { closeConnections } from '../src/http/transport.js'
export { USER_AGENT } from '../src/version.js'
