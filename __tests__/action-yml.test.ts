/**
 * Checks action.yml with GitHub's own parser (@actions/workflow-parser, the
 * one behind the Actions VS Code extension) plus the rules the Marketplace
 * and this project add: node24, a built entry point, documented inputs and
 * outputs, branding.
 */
import { existsSync, readFileSync } from 'node:fs'
import { NoOperationTraceWriter } from '@actions/workflow-parser'
import {
  convertActionTemplate,
  parseAction,
  type ActionRunsNode,
  type ActionTemplate
} from '@actions/workflow-parser/actions/index'

const ACTION_YML = readFileSync('action.yml', 'utf8')

/** Parses action.yml text and returns the parser's error messages. */
function parseErrors(content: string): string[] {
  const res = parseAction(
    { name: 'action.yml', content },
    new NoOperationTraceWriter()
  )
  return res.context.errors.getErrors().map((e) => e.message)
}

/** Parses and converts action.yml into the typed template. */
function loadAction(): ActionTemplate {
  const res = parseAction(
    { name: 'action.yml', content: ACTION_YML },
    new NoOperationTraceWriter()
  )
  expect(res.value).toBeDefined()
  return convertActionTemplate(res.context, res.value!)
}

describe('action.yml', () => {
  it('passes GitHub’s action schema', () => {
    expect(parseErrors(ACTION_YML)).toEqual([])
  })

  it('would be rejected by the parser if it were broken', () => {
    // Guards the check above: the parser must see the file's real problems.
    const broken = ACTION_YML.replace('using: node24', 'using: node18')
    expect(broken).not.toBe(ACTION_YML)
    expect(parseErrors(broken).join('\n')).toMatch(/node18/)
  })

  it('runs dist/index.js on node24, and dist/index.js exists', () => {
    const runs = loadAction().runs as ActionRunsNode
    expect(runs.using).toBe('node24')
    expect(runs.main).toBe('dist/index.js')
    expect(existsSync(runs.main)).toBe(true)
  })

  it('has a name, a description and Marketplace branding', () => {
    const action = loadAction()
    expect(action.name).toBeTruthy()
    expect(action.description).toBeTruthy()
    expect(action.branding?.icon).toBeTruthy()
    expect(action.branding?.color).toBeTruthy()
  })

  it('describes every input', () => {
    const inputs = loadAction().inputs ?? []
    expect(inputs.length).toBeGreaterThan(0)
    const undocumented = inputs
      .filter((i) => !i.description?.trim())
      .map((i) => i.id)
    expect(undocumented).toEqual([])
  })

  it('describes every output', () => {
    const outputs = loadAction().outputs ?? []
    expect(outputs.length).toBeGreaterThan(0)
    const undocumented = outputs
      .filter((o) => !o.description?.trim())
      .map((o) => o.id)
    expect(undocumented).toEqual([])
  })
})
