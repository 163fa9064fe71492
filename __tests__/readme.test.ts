/**
 * Keeps the README's Inputs and Outputs tables in step with action.yml: the
 * same names in the same order, the same defaults and required flags.
 *
 * Expected format (GitHub-flavoured markdown tables):
 *
 *   | Input | Required | Default | Description |
 *   | --- | --- | --- | --- |
 *   | `job-id` | no | | Import job ID ... |
 *   | `wait-for` | no | `latest` | Which jobs ... |
 *
 *   | Output | Description |
 *   | --- | --- |
 *   | `outcome` | success, failed, ... |
 *
 * Names and defaults are in backticks; Required is "yes" or "no"; an input
 * without a default has an empty Default cell (or "—"). A "|" inside a cell
 * is written "\|".
 */
import { existsSync, readFileSync } from 'node:fs'
import { NoOperationTraceWriter } from '@actions/workflow-parser'
import {
  convertActionTemplate,
  parseAction,
  type ActionTemplate
} from '@actions/workflow-parser/actions/index'

type Table = { header: string[]; rows: string[][] }

/** Splits one markdown table row into trimmed cells, honouring "\|". */
function cells(line: string): string[] {
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'))
}

/** Finds every markdown table (header, delimiter row, body) in a document. */
function tables(markdown: string): Table[] {
  const lines = markdown.split(/\r?\n/)
  const found: Table[] = []
  let inFence = false
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*(```|~~~)/.test(lines[i])) inFence = !inFence
    if (inFence || !lines[i].trim().startsWith('|')) continue
    const delimiter = lines[i + 1] ?? ''
    if (!/^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(delimiter)) continue
    const table: Table = { header: cells(lines[i]), rows: [] }
    i += 2
    while (i < lines.length && lines[i].trim().startsWith('|')) {
      table.rows.push(cells(lines[i]))
      i++
    }
    found.push(table)
  }
  return found
}

/** Returns the one table whose first header cell is `first`. */
function tableNamed(markdown: string, first: string): Table {
  const matches = tables(markdown).filter((t) => t.header[0] === first)
  if (matches.length !== 1) {
    throw new Error(
      `README.md should have exactly one table starting "| ${first} |", found ${matches.length}`
    )
  }
  return matches[0]
}

/** Reads `name` out of a cell written as `name` in backticks. */
function code(cell: string): string | undefined {
  return /^`([^`]+)`$/.exec(cell)?.[1]
}

/** Reads a Default cell: a value in backticks, or undefined when empty. */
function defaultOf(cell: string): string | undefined {
  return cell === '' || cell === '—' ? undefined : (code(cell) ?? cell)
}

/** Loads action.yml through GitHub's parser. */
function loadAction(): ActionTemplate {
  const res = parseAction(
    { name: 'action.yml', content: readFileSync('action.yml', 'utf8') },
    new NoOperationTraceWriter()
  )
  return convertActionTemplate(res.context, res.value!)
}

describe('the README table reader', () => {
  it('reads names, defaults, escaped pipes and skips code fences', () => {
    const md = [
      '```',
      '| Input | not | a | table |',
      '| --- | --- | --- | --- |',
      '```',
      '| Input | Required | Default | Description |',
      '| :--- | :---: | --- | --- |',
      '| `a` | yes | | first \\| second |',
      '| `b` | no | `1h` | x |',
      '',
      '| Output | Description |',
      '|---|---|',
      '| `c` | y |'
    ].join('\n')
    const inputs = tableNamed(md, 'Input')
    expect(inputs.header).toEqual([
      'Input',
      'Required',
      'Default',
      'Description'
    ])
    expect(inputs.rows).toEqual([
      ['`a`', 'yes', '', 'first | second'],
      ['`b`', 'no', '`1h`', 'x']
    ])
    expect(inputs.rows.map((r) => defaultOf(r[2]))).toEqual([undefined, '1h'])
    expect(tableNamed(md, 'Output').rows).toEqual([['`c`', 'y']])
    expect(() => tableNamed(md, 'Inputs')).toThrow(/found 0/)
  })
})

describe('README.md', () => {
  const readme = existsSync('README.md')
    ? readFileSync('README.md', 'utf8')
    : ''
  const action = loadAction()
  const actionInputs = action.inputs ?? []
  const actionOutputs = action.outputs ?? []

  it('exists', () => {
    expect(readme).not.toBe('')
  })

  it('has an Inputs table with the columns Input | Required | Default | Description', () => {
    expect(tableNamed(readme, 'Input').header).toEqual([
      'Input',
      'Required',
      'Default',
      'Description'
    ])
  })

  it('lists every input of action.yml, in order', () => {
    const names = tableNamed(readme, 'Input').rows.map(
      (r) => code(r[0]) ?? r[0]
    )
    expect(names).toEqual(actionInputs.map((i) => i.id))
  })

  it('gives each input the default and required flag of action.yml', () => {
    const rows = tableNamed(readme, 'Input').rows.map((r) => ({
      input: code(r[0]) ?? r[0],
      required: r[1].toLowerCase(),
      default: defaultOf(r[2] ?? '')
    }))
    const expected = actionInputs.map((i) => ({
      input: i.id,
      required: i.required ? 'yes' : 'no',
      default: i.default?.toString() || undefined
    }))
    expect(rows).toEqual(expected)
  })

  it('has an Outputs table with the columns Output | Description', () => {
    expect(tableNamed(readme, 'Output').header).toEqual([
      'Output',
      'Description'
    ])
  })

  it('lists every output of action.yml, in order', () => {
    const names = tableNamed(readme, 'Output').rows.map(
      (r) => code(r[0]) ?? r[0]
    )
    expect(names).toEqual(actionOutputs.map((o) => o.id))
  })

  it('describes every input and output', () => {
    const empty = [
      ...tableNamed(readme, 'Input').rows.filter((r) => !r[3]),
      ...tableNamed(readme, 'Output').rows.filter((r) => !r[1])
    ].map((r) => r[0])
    expect(empty).toEqual([])
  })
})
