import { StatusLine } from '../../src/report/status-line.js'
import { job } from '../helpers/fake-import-api.js'

const T0 = 1_700_000_000_000

describe('StatusLine', () => {
  it('shows state, percent, rows, the rate since the first poll and the ETA', () => {
    const line = new StatusLine(1)

    const first = line.update(job('Pending', 0), T0)
    const middle = line.update(
      job('Importing', 40, { importedRows: 4_000n, totalRows: 10_000n }),
      T0 + 2_000
    )
    const last = line.update(
      job('Completed', 100, { importedRows: 10_000n, totalRows: 10_000n }),
      T0 + 5_000
    )

    expect(first).toEqual({
      state: 'Pending',
      status: 'running',
      detail: '0% · — rows · — rows/s · ETA —'
    })
    // 4,000 rows in 2 s; 6,000 to go at that rate: 3 s.
    expect(middle.detail).toBe(
      '40% · 4,000 / 10,000 rows · 2,000 rows/s · ETA 3s'
    )
    // Ended: no rate or ETA left to tell.
    expect(last).toEqual({
      state: 'Completed',
      status: 'completed',
      detail: '100% · 10,000 / 10,000 rows'
    })
  })

  it('estimates from the percent when the API reports no rows', () => {
    const line = new StatusLine(1)

    line.update(job('Importing', 20), T0)
    const view = line.update(job('Importing', 60), T0 + 10_000)

    // 40 points in 10 s; 40 to go: 10 s.
    expect(view.detail).toBe('60% · — rows · — rows/s · ETA 10s')
  })

  it('speaks for several jobs by the one furthest behind, rows summed', () => {
    const line = new StatusLine(3)

    line.update(job('Completed', 100, { jobId: 'a', importedRows: 5n }), T0)
    const view = line.update(
      job('Importing', 30, { jobId: 'b', importedRows: 2n }),
      T0 + 1_000
    )

    expect(view.state).toBe('Importing')
    expect(view.detail).toMatch(/^1 of 3 jobs done · 30% · 7 rows · /)
  })
})
