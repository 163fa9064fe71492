import type { FileProgress } from '../../src/clients/job.js'
import type { RunResult } from '../../src/report/result.js'
import { renderSummary } from '../../src/report/summary.js'
import { job } from '../helpers/fake-import-api.js'

const files = (n: number, failEvery = 0): FileProgress[] =>
  Array.from({ length: n }, (_, i) => ({
    fileName: `data/part-${i}.parquet`,
    state: failEvery && i % failEvery === 0 ? 'Failed' : 'Completed',
    progress: 100,
    importedRows: 1000n,
    totalRows: 1000n,
    reason: failEvery && i % failEvery === 0 ? `bad row ${i}` : undefined
  }))

const result = (over: Partial<RunResult> = {}): RunResult => ({
  outcome: 'success',
  elapsedMs: 252_000,
  reason: '',
  jobs: [
    {
      jobId: '463071155436633601',
      outcome: 'success',
      polls: 3,
      job: job('Completed', 100, {
        jobId: '463071155436633601',
        importedRows: 20000n,
        totalRows: 20000n,
        collectionName: 'articles',
        files: files(2)
      })
    }
  ],
  ...over
})

describe('renderSummary', () => {
  it('shows the overall result, then one row per file', () => {
    const md = renderSummary(result())
    expect(md).toContain('## ✅ Milvus import completed')
    expect(md).toContain('| **State** | Completed |')
    expect(md).toContain('| **Progress** | 100% |')
    expect(md).toContain('| **Rows (imported / total)** | 20,000 / 20,000 |')
    expect(md).toContain('| **Collection** | articles |')
    expect(md).toContain('| **Elapsed** | 4m 12s |')
    expect(md).toContain('| File | State | Progress | Rows | Reason |')
    expect(md).toContain(
      '| data/part-1.parquet | Completed | 100% | 1,000 / 1,000 |  |'
    )
  })

  it('lists failed files first', () => {
    const r = result({ outcome: 'failed' })
    r.jobs[0].job!.files = [
      { fileName: 'ok.parquet', state: 'Completed' },
      {
        fileName: 'bad.parquet',
        state: 'Failed',
        reason: 'dim 512, expected 768'
      }
    ]
    const md = renderSummary(r)
    expect(md.indexOf('bad.parquet')).toBeLessThan(md.indexOf('ok.parquet'))
    expect(md).toContain('❌ Failed')
    expect(md).toContain('## ❌ Milvus import failed')
  })

  it('escapes markup and table breakers in server text', () => {
    const r = result({ outcome: 'failed', reason: '<script>alert(1)</script>' })
    r.jobs[0].job!.files = [
      {
        fileName: 'a|b`c<img src=x>.parquet',
        state: 'Failed',
        reason: 'x\n| y'
      }
    ]
    const md = renderSummary(r)
    expect(md).not.toContain('<script>')
    expect(md).not.toContain('<img')
    expect(md).toContain('&lt;script&gt;')
    expect(md).toContain('a&#124;b&#96;c&lt;img src=x&gt;.parquet')
    expect(md).toContain('x &#124; y')
  })

  it('stays under 1 MiB with 100,000 files and says how many were left out', () => {
    const r = result({ outcome: 'failed' })
    r.jobs[0].job!.files = files(100_000, 1000)
    const md = renderSummary(r)
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024)
    expect(md).toMatch(/…and [\d,]+ more files/)
    // All 100 failed files come before any completed one.
    expect(md).toContain('bad row 99000')
  })

  it('has an overall table and a section per job when there are several', () => {
    const r = result({ outcome: 'failed' })
    r.jobs.push({
      jobId: '2',
      outcome: 'failed',
      polls: 1,
      job: job('Failed', 0, { jobId: '2', files: [], reason: 'boom' })
    })
    const md = renderSummary(r)
    expect(md).toContain('| Job | Result | State | Progress | Rows | Reason |')
    expect(md).toContain('### Job 463071155436633601 · ✅ success')
    expect(md).toContain('### Job 2 · ❌ failed · Failed')
    expect(md).toContain('| **State** | Failed |')
  })
})
