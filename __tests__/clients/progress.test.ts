import {
  bodyScale,
  ScaleMemory,
  toPercent
} from '../../src/clients/progress.js'

describe('bodyScale', () => {
  it.each([
    [
      'a figure above 1 means 0-100',
      [{ value: 55, completed: false }],
      'percent'
    ],
    [
      'a figure between 0 and 1 means 0-1',
      [{ value: 0.5, completed: false }],
      'fraction'
    ],
    [
      'exactly 1 with every row imported means 0-1',
      [{ value: 1, completed: false, allRows: true }],
      'fraction'
    ],
    [
      'exactly 1 with rows still to import says nothing',
      [{ value: 1, completed: false, allRows: false }],
      'percent'
    ],
    [
      'a Completed entry at 1 means 0-1',
      [{ value: 1, completed: true }],
      'fraction'
    ],
    [
      'a file at 100 beside a job at 1 means 0-100',
      [
        { value: 1, completed: false },
        { value: 100, completed: true }
      ],
      'percent'
    ],
    [
      'an in-progress 1 alone says nothing',
      [{ value: 1, completed: false }],
      'percent'
    ],
    ['zeros say nothing', [{ value: 0, completed: false }], 'percent']
  ] as const)('%s', (_name, figures, scale) => {
    expect(bodyScale([...figures], 'percent')).toBe(scale)
  })
})

describe('toPercent', () => {
  it('reads fractions as percent and never shows one as a percent', () => {
    expect(toPercent(0.5, 'fraction')).toBe(50)
    expect(toPercent(0.004, 'fraction')).toBe(0)
    expect(toPercent(55, 'percent')).toBe(55)
  })
  it('shows a Completed entry as 100 on either scale', () => {
    expect(toPercent(1, 'percent', true)).toBe(100)
    expect(toPercent(undefined, 'fraction', true)).toBe(100)
  })
  it('keeps unknown unknown and clamps', () => {
    expect(toPercent(undefined, 'percent')).toBeUndefined()
    expect(toPercent(250, 'percent')).toBe(100)
  })
})

describe('ScaleMemory', () => {
  it('reads a later in-progress 1 on the scale the job showed', () => {
    const memory = new ScaleMemory('percent')
    expect(memory.decide('j', [{ value: 0.5, completed: false }])).toBe(
      'fraction'
    )
    expect(memory.decide('j', [{ value: 1, completed: false }])).toBe(
      'fraction'
    )
    // Another job has shown nothing: its in-progress 1 is 1 %.
    expect(memory.decide('k', [{ value: 1, completed: false }])).toBe('percent')
  })
})
