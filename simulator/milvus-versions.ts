/**
 * What each Milvus release sends on the REST v2 import routes, read from the
 * server source (milvus-io/milvus: internal/datacoord/services.go
 * GetImportProgress, internal/distributed/proxy/httpserver/handler_v2.go,
 * pkg/util/merr/errors.go):
 *
 * | release          | success | /describe | fileName     | createTime | bad job ID                          | unknown job |
 * | ---------------- | ------- | --------- | ------------ | ---------- | ----------------------------------- | ----------- |
 * | 2.4.0-2.4.2      | 200     | no        | id:N paths:… | no         | 2100 "parse job id failed, err=%w…" | 2100        |
 * | 2.4.3-2.4.4      | 0       | no        | id:N paths:… | no         | same                                | 2100        |
 * | 2.4.5-2.4.12     | 0       | no        | [path]       | no         | same                                | 2100        |
 * | 2.4.13-2.5.x     | 0       | yes       | [path]       | no         | same                                | 2100        |
 * | 2.6.0-2.6.13     | 0       | yes       | [path]       | yes        | same                                | 2100        |
 * | 2.6.14-2.6.18    | 0       | yes       | [path]       | yes        | 2100 "parse job id failed: …"       | 2100        |
 * | 2.6.19+, 3.0     | 0       | yes       | [path]       | yes        | 1100 "parse job id failed: …"       | 2101        |
 *
 * 2100 is ErrImportFailed ("importing data failed"), 2101 ErrImportSysFailed
 * ("importing data failed on server side"), 1100 ErrParameterInvalid
 * ("invalid parameter"). The 2.6.14 change is commit 66e48546 (PR #48438),
 * the 2.6.19 one 39c9b039 (PR #50221); code 200 became 0 in 2.4.3 (PR #33363).
 */
import type { ApiSettings } from './route.js'

/** How one release answers. */
export interface MilvusBehaviour {
  successCode: 0 | 200
  /** /describe is routed (else only /get_progress). */
  describe: boolean
  /** fileName as `id:N paths:"p" ` (2.4.0-2.4.4) instead of "[p]". */
  protoFileName: boolean
  createTime: boolean
  /** How a job ID that is not an int64 is answered. */
  badId: 'sprint' | 'sprintf' | 'invalid-parameter'
  /** The code of an unknown job. */
  notFoundCode: 2100 | 2101
}

function parts(version: string): number[] {
  return version
    .replace(/^v/, '')
    .split(/[.-]/)
    .slice(0, 3)
    .map((p) => Number.parseInt(p, 10) || 0)
}

/** True when version a is at least b ("2.6.19" >= "2.6.14"). */
export function atLeast(a: string, b: string): boolean {
  const x = parts(a)
  const y = parts(b)
  for (let i = 0; i < 3; i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0)
  }
  return true
}

/** The behaviour of the release the settings name (or of the newest). */
export function milvusBehaviour(settings: ApiSettings): MilvusBehaviour {
  const v = settings.milvusVersion
  if (!v) {
    const old = settings.notFoundStyle === '2.4'
    return {
      successCode: settings.successCode ?? 0,
      describe: !settings.noDescribe,
      protoFileName: false,
      createTime: true,
      badId: old ? 'sprint' : 'invalid-parameter',
      notFoundCode: old ? 2100 : 2101
    }
  }
  const newest = atLeast(v, '2.6.19')
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
  }
}

/** The error body for a job ID strconv.ParseInt rejects. */
export function badJobIdError(
  behaviour: MilvusBehaviour,
  parseError: string
): { code: number; message: string } {
  switch (behaviour.badId) {
    case 'sprint':
      // fmt.Sprint with a stray %w: the verb is printed as is.
      return {
        code: 2100,
        message: `parse job id failed, err=%w${parseError}: importing data failed`
      }
    case 'sprintf':
      return {
        code: 2100,
        message: `parse job id failed: ${parseError}: importing data failed`
      }
    default:
      return {
        code: 1100,
        message: `parse job id failed: ${parseError}: invalid parameter`
      }
  }
}

/** The error body for a job ID no job has. */
export function noJobError(
  behaviour: MilvusBehaviour,
  id: string
): { code: number; message: string } {
  return behaviour.notFoundCode === 2100
    ? {
        code: 2100,
        message: `import job does not exist, jobID=${id}: importing data failed`
      }
    : {
        code: 2101,
        message: `import job does not exist, jobID=${id}: importing data failed on server side`
      }
}
