/**
 * The body shapes the documents show besides each flavour's own: progress
 * on the 0-1 scale, the legacy v1 body from a v2 call, ImportCompleted-style
 * state names, nulls for unknown counts, code 200 for success, and lists
 * under "tasks" or "records", paged or not, with or without progress. Any
 * flavour can be told to answer in any of them.
 */
import type { JobSnapshot, ScriptedJob } from './job-model.js'
import type { ApiSettings, Call } from './route.js'
import type { Paging } from './zilliz.js'

/** How a list is laid out. */
export interface ListLayout {
  /** The key the jobs sit under. */
  key: 'records' | 'tasks'
  /** With count, currentPage and pageSize (and one page per call). */
  paged: boolean
  /** Each record with its progress. */
  progress: boolean
  /** Newest first (Zilliz Cloud) or oldest first (Milvus). */
  order: 'newest' | 'oldest'
  /** A failed record with its reason (Milvus). */
  reasons: boolean
  /** Paging keys before the jobs (Zilliz Cloud v2) or after (v1). */
  pagingFirst?: boolean
}

// The Import* words of the gRPC enum and the v1 list, by v2 state.
const IMPORT_WORDS: Record<string, string> = {
  Pending: 'ImportPending',
  Importing: 'ImportRunning',
  Completed: 'ImportCompleted',
  Failed: 'ImportFailed',
  None: 'ImportFailed',
  Uncommitted: 'ImportRunning',
  Committing: 'ImportRunning'
}

/** A job state in the words the settings ask for. */
export function stateWord(state: string, settings: ApiSettings): string {
  return settings.stateNames === 'import'
    ? (IMPORT_WORDS[state] ?? state)
    : state
}

/** A 0-100 figure on the scale the settings ask for. */
export function progressFigure(percent: number, settings: ApiSettings): number {
  return settings.progressScale === 'fraction' ? percent / 100 : percent
}

/** The success code the settings ask for (0 unless told 200). */
export function successCode(settings: ApiSettings, usual = 0): number {
  return settings.successCode ?? usual
}

type Body = Record<string, unknown>

/**
 * Reshapes a v2 describe body as the settings ask: the progress scale,
 * state words, and nulls where a server does not know a count or a reason.
 */
export function reshapeDescribe(data: Body, settings: ApiSettings): Body {
  const out: Body = {
    ...data,
    progress: progressFigure(Number(data.progress), settings),
    state: stateWord(String(data.state), settings)
  }
  const details = (data.details as Body[] | undefined)?.map((d) => ({
    ...d,
    progress: progressFigure(Number(d.progress), settings),
    ...(settings.nulls ? { importedRows: null, totalRows: null } : {})
  }))
  if (details) out.details = details
  if (settings.nulls) {
    out.importedRows = null
    out.totalRows = null
    out.reason = null
    if (!details?.length) out.details = null
  }
  return out
}

/**
 * One page of a list (jobs oldest first), laid out as the settings or else
 * the flavour say.
 */
export function listBody(
  { jobs, settings }: Call,
  all: ScriptedJob[],
  layout: ListLayout,
  paging: Paging,
  stateName: (state: string) => string = (s) => stateWord(s, settings)
): Body {
  const key = settings.listKey ?? layout.key
  const paged = settings.listPaged ?? layout.paged
  const withProgress = settings.listProgress ?? layout.progress
  const ordered = layout.order === 'newest' ? [...all].reverse() : all
  const from = paged ? (paging.current - 1) * paging.size : 0
  const shown = paged ? ordered.slice(from, from + paging.size) : ordered
  const records = shown.map((j) => {
    const s: JobSnapshot = j.peek(jobs.now())
    return {
      collectionName: s.collectionName,
      jobId: s.jobId,
      ...(withProgress
        ? { progress: progressFigure(s.progress, settings) }
        : {}),
      ...(layout.reasons && s.reason ? { reason: s.reason } : {}),
      state: stateName(s.state)
    }
  })
  const pages = paged
    ? { count: all.length, currentPage: paging.current, pageSize: paging.size }
    : {}
  return layout.pagingFirst
    ? { ...pages, [key]: records }
    : { [key]: records, ...pages }
}
