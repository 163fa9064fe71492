import { fileState, readState } from '../../src/clients/states.js'

describe('readState', () => {
  it.each([
    // The v2 words, and the Import* words of the gRPC enum and the v1 list.
    ['Pending', 'Pending', 'running'],
    ['Importing', 'Importing', 'running'],
    ['InProgress', 'Importing', 'running'],
    ['Committing', 'Committing', 'running'],
    ['Completed', 'Completed', 'completed'],
    ['Failed', 'Failed', 'failed'],
    ['None', 'None', 'failed'],
    ['Uncommitted', 'Uncommitted', 'uncommitted'],
    ['ImportPending', 'Pending', 'running'],
    ['ImportRunning', 'Importing', 'running'],
    ['ImportStarted', 'Importing', 'running'],
    ['ImportPersisted', 'Importing', 'running'],
    ['ImportFlushed', 'Importing', 'running'],
    ['ImportCompleted', 'Completed', 'completed'],
    ['ImportFailed', 'Failed', 'failed'],
    ['ImportFailedAndCleaned', 'Failed', 'failed'],
    // pymilvus BulkInsertState.state_name
    ['Started', 'Importing', 'running'],
    ['Persisted', 'Importing', 'running'],
    ['FailedAndCleaned', 'Failed', 'failed'],
    [6, 'Completed', 'completed'],
    [1, 'Failed', 'failed'],
    [0, 'Pending', 'running'],
    [7, 'Failed', 'failed']
  ])('%s is %s (%s)', (raw, state, status) => {
    expect(readState(raw)).toMatchObject({ state, status })
  })

  it.each([
    'Unknown',
    'Reindexing',
    '100',
    100,
    '',
    'completed',
    'COMPLETED',
    'toString',
    'constructor',
    '__proto__'
  ])('%s is unknown, never success', (raw) => {
    expect(readState(raw).status).toBe('unknown')
  })

  it('keeps the server word as rawState', () => {
    expect(readState('ImportCompleted').rawState).toBe('ImportCompleted')
    expect(readState(6).rawState).toBe('ImportCompleted')
  })
})

describe('fileState', () => {
  it('names job words the v2 way and keeps task words', () => {
    expect(fileState('ImportCompleted')).toBe('Completed')
    expect(fileState('InProgress')).toBe('InProgress')
    expect(fileState('Retry')).toBe('Retry')
  })
})
