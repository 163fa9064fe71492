/**
 * `npm run demo`: starts the import simulator, runs the bundled action
 * (dist/index.js) against it the way the GitHub runner does, streams its log
 * and then shows the outputs and the job summary as a terminal can.
 * Uses node built-ins only, so it runs on a fresh clone without an install.
 */
import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import {
  DEMO_JOB_ID,
  failingScenarios,
  scenarioNotes,
  scenarios
} from './scenarios.js'
import { startSimulator } from './server.js'
import { isMain } from './is-main.js'

/** The API key the demo's simulator requires and the action is given. */
export const DEMO_API_KEY = 'demo-secret-key'

// ---------------------------------------------------------------------------
// Terminal styling.
// ---------------------------------------------------------------------------

/** ANSI styles, or no-ops when colour is off. */
export interface Styles {
  bold(s: string): string
  dim(s: string): string
  underline(s: string): string
  italic(s: string): string
  red(s: string): string
  yellow(s: string): string
  green(s: string): string
  cyan(s: string): string
}

/** Returns ANSI styles, or identity functions when colour is off. */
export function styles(color: boolean): Styles {
  const wrap = (open: number, close: number) => (s: string) =>
    color ? `\x1b[${open}m${s}\x1b[${close}m` : s
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    italic: wrap(3, 23),
    underline: wrap(4, 24),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39)
  }
}

/** True when stdout should get colour (a TTY; NO_COLOR/FORCE_COLOR honoured). */
export function wantsColor(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env.NO_COLOR) return false
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0'
  return isTTY && env.TERM !== 'dumb'
}

// Built from a string: a control character in a regex literal trips lint.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g')

/** Removes ANSI styling. */
export function stripAnsi(s: string): string {
  return s.replace(ANSI, '')
}

// Code points a terminal draws two columns wide: CJK and emoji.
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    [0x231a, 0x231b, 0x23f0, 0x23f3, 0x2705, 0x274c, 0x274e, 0x2753, 0x2757]
      .concat([0x2b50, 0x2b55, 0x26a1, 0x26aa, 0x26ab, 0x26d4, 0x2728, 0x23e9])
      .includes(cp)
  )
}

/** Columns a string takes in a terminal (ANSI ignored, emoji two wide). */
export function displayWidth(s: string): number {
  let width = 0
  let lastNarrow = false
  for (const ch of stripAnsi(s)) {
    const cp = ch.codePointAt(0) ?? 0
    if (cp === 0xfe0f) {
      // An emoji presentation selector widens the symbol before it.
      if (lastNarrow) width += 1
      lastNarrow = false
    } else if (
      (cp >= 0x200b && cp <= 0x200f) ||
      (cp >= 0x300 && cp <= 0x36f) ||
      (cp >= 0xfe00 && cp <= 0xfe0e)
    ) {
      lastNarrow = false
    } else if (isWide(cp)) {
      width += 2
      lastNarrow = false
    } else {
      width += 1
      lastNarrow = cp >= 0x2000
    }
  }
  return width
}

/** Cuts plain text to a display width, ending in an ellipsis. */
export function truncate(s: string, max: number): string {
  if (displayWidth(s) <= max) return s
  let out = ''
  for (const ch of stripAnsi(s)) {
    if (displayWidth(out + ch) > max - 1) break
    out += ch
  }
  return `${out}…`
}

function pad(s: string, width: number, align: Align): string {
  const gap = Math.max(0, width - displayWidth(s))
  if (align === 'right') return ' '.repeat(gap) + s
  if (align === 'center') {
    const left = Math.floor(gap / 2)
    return ' '.repeat(left) + s + ' '.repeat(gap - left)
  }
  return s + ' '.repeat(gap)
}

type Align = 'left' | 'right' | 'center'

/** Lays rows out in aligned columns; the first row is the header. */
export function formatTable(
  rows: string[][],
  st: Styles,
  aligns: Align[] = [],
  indent = '  '
): string {
  if (rows.length === 0) return ''
  const columns = Math.max(...rows.map((r) => r.length))
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(1, ...rows.map((r) => displayWidth(r[c] ?? '')))
  )
  const line = (r: string[]) =>
    indent +
    widths
      .map((w, c) => pad(r[c] ?? '', w, aligns[c] ?? 'left'))
      .join('  ')
      .trimEnd()
  const [head, ...body] = rows
  return [
    st.bold(line(head)),
    st.dim(indent + widths.map((w) => '─'.repeat(w)).join('  ')),
    ...body.map(line)
  ].join('\n')
}

// ---------------------------------------------------------------------------
// The runner's side: workflow commands and the env files.
// ---------------------------------------------------------------------------

const unescapeData = (s: string) =>
  s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%')
const unescapeProperty = (s: string) =>
  unescapeData(s).replace(/%3A/gi, ':').replace(/%2C/gi, ',')

/**
 * Turns the action's stdout into what the Actions log view shows: workflow
 * commands rendered (errors, warnings, groups), masked values hidden, debug
 * lines shown only when asked.
 */
export class LogRenderer {
  private readonly masks: string[] = []
  private inGroup = false
  private stopToken?: string

  constructor(
    private readonly st: Styles,
    private readonly showDebug = false,
    secrets: string[] = []
  ) {
    for (const s of secrets) this.mask(s)
  }

  private mask(value: string): void {
    if (value && !this.masks.includes(value)) this.masks.push(value)
  }

  private hide(text: string): string {
    let out = text
    for (const m of this.masks) out = out.split(m).join('***')
    return out
  }

  private body(text: string): string {
    const bar = this.inGroup ? this.st.dim('│ ') : ''
    return text
      .split('\n')
      .map((l) => bar + l)
      .join('\n')
  }

  /** Renders one line of output; undefined when the line shows nothing. */
  render(raw: string): string | undefined {
    const line = raw.replace(/\r$/, '')
    if (this.stopToken !== undefined) {
      if (line === `::${this.stopToken}::`) {
        this.stopToken = undefined
        return undefined
      }
      return this.body(this.hide(line))
    }
    const legacy = /^##\[(\w+)\](.*)$/.exec(line)
    const match =
      /^::([A-Za-z][\w-]*)(?: ([^]*?))?::(.*)$/.exec(line) ??
      (legacy ? [line, legacy[1], undefined, legacy[2]] : null)
    if (!match) return this.body(this.hide(line))
    const [, name, rawProps, rawData] = match
    const data = unescapeData(rawData ?? '')
    const props: Record<string, string> = {}
    for (const part of (rawProps ?? '').split(',')) {
      const eq = part.indexOf('=')
      if (eq > 0)
        props[part.slice(0, eq).trim()] = unescapeProperty(part.slice(eq + 1))
    }
    const st = this.st
    switch (name) {
      case 'add-mask':
        this.mask(data)
        return undefined
      case 'stop-commands':
        this.stopToken = data
        return undefined
      case 'group':
        this.inGroup = true
        return st.bold(`▾ ${this.hide(data)}`)
      case 'endgroup':
        this.inGroup = false
        return undefined
      case 'error':
      case 'warning':
      case 'notice': {
        const label = { error: 'Error', warning: 'Warning', notice: 'Notice' }[
          name
        ]
        const paint = { error: st.red, warning: st.yellow, notice: st.cyan }[
          name
        ]
        const title = props.title ? `${props.title}: ` : ''
        return this.body(
          paint(`${st.bold(`${label}:`)} ${this.hide(title + data)}`)
        )
      }
      case 'debug':
        return this.showDebug
          ? this.body(st.dim(`Debug: ${this.hide(data)}`))
          : undefined
      case 'echo':
      case 'save-state':
        return undefined
      default:
        return this.body(st.dim(this.hide(line)))
    }
  }
}

/** Reads a GITHUB_OUTPUT file: `name<<DELIM` blocks and `name=value` lines. */
export function parseOutputs(text: string): [string, string][] {
  const lines = text.split(/\r?\n/)
  const out: [string, string][] = []
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i])
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++)
        value.push(lines[i])
      out.push([name, value.join('\n')])
      continue
    }
    const eq = lines[i].indexOf('=')
    if (eq > 0) out.push([lines[i].slice(0, eq), lines[i].slice(eq + 1)])
  }
  return out
}

/** Lays outputs out as a name/value table that fits the terminal. */
export function formatOutputs(
  outputs: [string, string][],
  st: Styles,
  width: number
): string {
  if (outputs.length === 0) return st.dim('  (no outputs were set)')
  const nameWidth = Math.max(4, ...outputs.map(([n]) => n.length))
  const room = Math.max(30, width - nameWidth - 4)
  const rows = outputs.map(([name, value]) => {
    const oneLine = value.replace(/\s*\n\s*/g, ' ')
    const shown =
      value === ''
        ? st.dim('(empty)')
        : displayWidth(oneLine) > room
          ? `${truncate(oneLine, room - 14)}${st.dim(` (${value.length} chars)`)}`
          : oneLine
    return [name, shown]
  })
  return formatTable([['name', 'value'], ...rows], st)
}

// ---------------------------------------------------------------------------
// Markdown (job summary) for a terminal.
// ---------------------------------------------------------------------------

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  times: '×',
  middot: '·',
  rarr: '→',
  larr: '←'
}

/** Decodes HTML entities (named, decimal and hex). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n =
        code[1] === 'x' || code[1] === 'X'
          ? parseInt(code.slice(2), 16)
          : parseInt(code.slice(1), 10)
      return Number.isFinite(n) && n <= 0x10ffff
        ? String.fromCodePoint(n)
        : whole
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? whole
  })
}

// Rewrites the HTML a summary may hold into markdown, then drops other tags.
function htmlToMarkdown(html: string): string {
  let s = html.replace(/<!--[^]*?-->/g, '')
  s = s.replace(/<table[^>]*>([^]*?)<\/table>/gi, (_, inner: string) => {
    const rows = [...inner.matchAll(/<tr[^>]*>([^]*?)<\/tr>/gi)].map((m) => ({
      header: /<th[\s>]/i.test(m[1]),
      cells: [...m[1].matchAll(/<t[hd][^>]*>([^]*?)<\/t[hd]>/gi)].map((c) =>
        c[1]
          .replace(/<br\s*\/?>/gi, ' ')
          .replace(/\s*\n\s*/g, ' ')
          .replace(/\|/g, '&#124;')
          .trim()
      )
    }))
    const lines = rows.map((r) => `| ${r.cells.join(' | ')} |`)
    if (rows[0]?.header) {
      lines.splice(1, 0, `|${rows[0].cells.map(() => ' --- ').join('|')}|`)
    }
    return `\n${lines.join('\n')}\n`
  })
  s = s.replace(
    /<h([1-6])[^>]*>([^]*?)<\/h\1>/gi,
    (_, n: string, t: string) => `\n${'#'.repeat(Number(n))} ${t.trim()}\n`
  )
  s = s.replace(
    /<summary[^>]*>([^]*?)<\/summary>/gi,
    (_, t: string) => `\n**▸ ${t.trim()}**\n`
  )
  s = s.replace(/<li[^>]*>/gi, '\n- ')
  s = s.replace(/<\/?(p|div|details|ul|ol|pre)[^>]*>/gi, '\n')
  s = s
    .split('\n')
    .map((l) => l.replace(/<br\s*\/?>/gi, /^\s*\|/.test(l) ? ' ' : '\n'))
    .join('\n')
  return s.replace(/<\/?[A-Za-z][^>]*>/g, '')
}

function inline(text: string, st: Styles): string {
  const s = text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_, t: string, url: string) =>
      /^https?:/.test(url) && url !== t ? `${t} (${url})` : t
    )
    .replace(/`([^`]+)`/g, (_, c: string) => st.cyan(c))
    .replace(/\*\*([^*]+)\*\*|__([^_]+)__/g, (_, a?: string, b?: string) =>
      st.bold(a ?? b ?? '')
    )
    .replace(
      /(^|[\s(])\*([^*\s][^*]*)\*(?=[\s).,:;!?]|$)/g,
      (_, pre: string, t: string) => pre + st.italic(t)
    )
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
  return decodeEntities(s)
}

function splitRow(line: string): string[] {
  const cells: string[] = []
  let cell = ''
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '')
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && body[i + 1] === '|') {
      cell += '|'
      i++
    } else if (body[i] === '|') {
      cells.push(cell.trim())
      cell = ''
    } else cell += body[i]
  }
  cells.push(cell.trim())
  return cells
}

const MAX_CELL = 80

function renderTable(lines: string[], st: Styles): string {
  const rows = lines.map(splitRow)
  const isSep = (r: string[]) => r.every((c) => /^:?-{1,}:?$/.test(c))
  let aligns: Align[] = []
  const sepAt = rows.findIndex(isSep)
  if (sepAt === 1) {
    aligns = rows[1].map((c) =>
      c.startsWith(':') && c.endsWith(':')
        ? 'center'
        : c.endsWith(':')
          ? 'right'
          : 'left'
    )
    rows.splice(1, 1)
  }
  const cells = rows.map((r) =>
    r.map((c) => {
      const text = inline(c, st)
      return displayWidth(text) > MAX_CELL
        ? truncate(stripAnsi(text), MAX_CELL)
        : text
    })
  )
  if (sepAt !== 1) {
    // No header row: print the rows aligned, without a rule.
    return formatTable([[], ...cells], st, aligns)
      .split('\n')
      .slice(2)
      .join('\n')
  }
  return formatTable(cells, st, aligns)
}

/**
 * Renders job-summary markdown for a terminal: headings bold and underlined,
 * tables aligned, HTML tags dropped and entities decoded.
 */
export function renderMarkdown(
  markdown: string,
  st: Styles,
  width = 80
): string {
  const lines = htmlToMarkdown(markdown.replace(/\r\n?/g, '\n')).split('\n')
  const out: string[] = []
  let fence = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (/^\s*(```|~~~)/.test(line)) {
      fence = !fence
      continue
    }
    if (fence) {
      out.push(st.dim(`    ${line}`))
      continue
    }
    if (/^\s*\|/.test(line)) {
      const block: string[] = []
      while (i < lines.length && /^\s*\|/.test(lines[i])) block.push(lines[i++])
      i--
      out.push(renderTable(block, st), '')
      continue
    }
    const heading = /^\s*(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line)
    if (heading) {
      const text = stripAnsi(inline(heading[2], st))
      const level = heading[1].length
      if (out.length && out[out.length - 1] !== '') out.push('')
      out.push(st.bold(level <= 2 ? st.underline(text) : text))
      const plain = st.bold('x') === 'x'
      if (plain && level <= 2) {
        out.push((level === 1 ? '=' : '-').repeat(displayWidth(text)))
      }
      out.push('')
      continue
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push(st.dim('─'.repeat(Math.min(width, 60))))
      continue
    }
    const item = /^(\s*)[-*+]\s+(.*)$/.exec(line)
    if (item) {
      out.push(`${item[1]}  • ${inline(item[2], st)}`)
      continue
    }
    const quote = /^\s*>\s?(.*)$/.exec(line)
    if (quote) {
      out.push(st.dim('│ ') + inline(quote[1], st))
      continue
    }
    out.push(inline(line.trimEnd(), st))
  }
  // One blank line between blocks, none at the ends.
  return out
    .join('\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

// ---------------------------------------------------------------------------
// Running the action.
// ---------------------------------------------------------------------------

/**
 * Reads the input defaults from action.yml (the runner sets INPUT_<NAME> for
 * every input that has one). Expressions such as ${{ github.token }} are left
 * out: there is no GitHub context here.
 */
export function actionDefaults(actionYml: string): Record<string, string> {
  const defaults: Record<string, string> = {}
  let inInputs = false
  let current: string | undefined
  for (const line of actionYml.split(/\r?\n/)) {
    if (/^\S/.test(line)) {
      inInputs = /^inputs:\s*$/.test(line)
      current = undefined
      continue
    }
    if (!inInputs) continue
    const name = /^ {2}([\w-]+):\s*$/.exec(line)
    if (name) {
      current = name[1]
      continue
    }
    const value = /^ {4}default:\s*(.*?)\s*$/.exec(line)
    if (current && value) {
      let v = value[1]
      if (/^'.*'$/.test(v)) v = v.slice(1, -1).replace(/''/g, "'")
      else if (/^".*"$/.test(v)) v = JSON.parse(v) as string
      if (!v.includes('${{')) defaults[current] = v
    }
  }
  return defaults
}

/** The runner's name for an input's environment variable. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

// Joins a path at run time only. The bundler resolves path.join() calls whose
// parts it can see and copies the files they name into the bundle; the demo
// must read the repository's own dist/index.js and action.yml instead.
function runtimePath(base: string, ...parts: string[]): string {
  return path.resolve(base, ...parts)
}

// The demo bundle lives at dist/demo/index.js and the action at dist/index.js;
// `npm run demo` runs from the repository root.
function findAction(explicit: string | undefined): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url))
  const candidates = explicit
    ? [path.resolve(explicit)]
    : [
        runtimePath(here, '..', 'index.js'),
        runtimePath(process.cwd(), 'dist', 'index.js')
      ]
  return candidates.find((p) => existsSync(p))
}

function findActionYml(actionPath: string): string | undefined {
  const candidates = [
    runtimePath(path.dirname(actionPath), '..', 'action.yml'),
    runtimePath(process.cwd(), 'action.yml')
  ]
  return candidates.find((p) => existsSync(p))
}

/** Where the demo writes; tests pass their own. */
export interface DemoIo {
  out(text: string): void
  err(text: string): void
  color: boolean
  width: number
}

const HELP = `Usage: npm run demo -- [--scenario NAME] [--debug] [--poll-interval 2s] [--timeout 2m]

Starts a local import simulator, runs the bundled action (dist/index.js)
against it as the GitHub runner would, then prints the outputs and the
job summary.

Scenarios:
`

/** Runs the demo; resolves with the action's exit code. */
export async function runDemo(argv: string[], io: DemoIo): Promise<number> {
  const st = styles(io.color)
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        scenario: { type: 'string', default: 'demo' },
        debug: { type: 'boolean', default: false },
        'poll-interval': { type: 'string', default: '2s' },
        timeout: { type: 'string', default: '2m' },
        action: { type: 'string' },
        help: { type: 'boolean', short: 'h' }
      }
    }))
  } catch (error) {
    io.err(`demo: ${(error as Error).message}\n`)
    return 2
  }
  const names = Object.keys(scenarios)
  if (values.help) {
    const w = Math.max(...names.map((n) => n.length))
    io.out(
      HELP +
        names.map((n) => `  ${n.padEnd(w)}  ${scenarioNotes[n]}`).join('\n') +
        '\n'
    )
    return 0
  }
  const scenario = values.scenario
  if (!Object.hasOwn(scenarios, scenario)) {
    io.err(
      `demo: unknown scenario "${scenario}". Choose one of: ${names.join(', ')}.\n`
    )
    return 2
  }
  const actionPath = findAction(values.action)
  if (!actionPath) {
    io.err(
      'demo: dist/index.js was not found. Build the action first with `npm run bundle`.\n'
    )
    return 1
  }

  const options = scenarios[scenario]({ apiKey: DEMO_API_KEY })
  const simulator = await startSimulator(options)
  const temp = mkdtempSync(path.join(tmpdir(), 'milvus-import-demo-'))
  try {
    const outputFile = path.join(temp, 'output.txt')
    const summaryFile = path.join(temp, 'summary.md')
    writeFileSync(outputFile, '')
    writeFileSync(summaryFile, '')
    const jobIds = (options.jobs ?? []).map((j) => j.jobId)
    const inputs: Record<string, string> = {}
    const yml = findActionYml(actionPath)
    if (yml) Object.assign(inputs, actionDefaults(readFileSync(yml, 'utf8')))
    Object.assign(inputs, {
      endpoint: simulator.url,
      'job-id': jobIds.join(',') || DEMO_JOB_ID,
      'poll-interval': values['poll-interval'],
      timeout: values.timeout,
      'api-key': DEMO_API_KEY,
      ...(options.clusterId ? { 'cluster-id': options.clusterId } : {}),
      ...(options.flavour === 'v1' ? { api: 'v1' } : {})
    })

    io.out(
      `${st.bold('Import simulator')} ${st.dim(`(scenario ${scenario}: ${scenarioNotes[scenario]})`)}\n` +
        `  listening on ${simulator.url}\n\n` +
        `${st.bold('Action inputs')}\n` +
        formatTable(
          [
            ['input', 'value'],
            ...Object.entries(inputs).map(([k, v]) => [
              k,
              k === 'api-key' ? '***' : v
            ])
          ],
          st
        ) +
        `\n\n${st.bold(`Running node ${path.relative(process.cwd(), actionPath) || actionPath}`)}\n\n`
    )

    const env: NodeJS.ProcessEnv = {}
    for (const [k, v] of Object.entries(process.env)) {
      if (!/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_)/.test(k)) env[k] = v
    }
    for (const [k, v] of Object.entries(inputs)) env[inputEnvName(k)] = v
    Object.assign(env, {
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: temp,
      ...(values.debug ? { RUNNER_DEBUG: '1' } : {})
    })

    const code = await runAction(actionPath, env, io, st, values.debug)

    io.out(`\n${st.bold(st.underline('Outputs'))}\n`)
    io.out(
      `${formatOutputs(parseOutputs(readFileSync(outputFile, 'utf8')), st, io.width)}\n`
    )
    const summary = readFileSync(summaryFile, 'utf8').trim()
    io.out(`\n${st.bold(st.underline('Job summary'))}\n\n`)
    io.out(
      summary
        ? `${renderMarkdown(summary, st, io.width)}\n`
        : `${st.dim('  (the action wrote no job summary)')}\n`
    )
    io.out(`\n${closingLine(scenario, code, st)}\n`)
    return code
  } finally {
    await simulator.close()
    rmSync(temp, { recursive: true, force: true })
  }
}

function closingLine(scenario: string, code: number, st: Styles): string {
  if (code === 0) {
    return `${st.green('The step passed (exit code 0).')}\nRun ${st.bold('npm run demo -- --help')} to see every scenario.`
  }
  const planned = failingScenarios.has(scenario)
  const lines = [
    st.red(`The step failed (exit code ${code}).`) +
      (planned
        ? scenario === 'demo'
          ? ' That is planned: the demo job has a file with vectors of the wrong dimension, so the import fails.'
          : ` That is planned for the "${scenario}" scenario.`
        : '')
  ]
  lines.push(
    `Run ${st.bold('npm run demo -- --scenario completed')} to see a passing import, or ${st.bold('npm run demo -- --help')} for every scenario.`
  )
  return lines.join('\n')
}

function runAction(
  actionPath: string,
  env: NodeJS.ProcessEnv,
  io: DemoIo,
  st: Styles,
  debug: boolean
): Promise<number> {
  const renderer = new LogRenderer(st, debug, [DEMO_API_KEY])
  const child = spawn(process.execPath, [actionPath], {
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  // Ctrl-C reaches the action too (same process group); it cancels, and the
  // demo still shows what the action wrote.
  const onSignal = () => {
    if (child.exitCode === null) child.kill('SIGINT')
  }
  process.on('SIGINT', onSignal)
  const stream = (input: NodeJS.ReadableStream, write: (s: string) => void) =>
    new Promise<void>((resolve) => {
      const rl = createInterface({ input, crlfDelay: Infinity })
      rl.on('line', (line) => {
        const shown = renderer.render(line)
        if (shown !== undefined) write(`${shown}\n`)
      })
      rl.on('close', resolve)
    })
  const streams = Promise.all([
    stream(child.stdout, io.out),
    stream(child.stderr, io.err)
  ])
  return new Promise<number>((resolve) => {
    child.on('error', (error) => {
      io.err(`demo: cannot start the action: ${error.message}\n`)
    })
    child.on('close', (code, signal) => {
      process.off('SIGINT', onSignal)
      void streams.then(() => resolve(code ?? (signal ? 1 : 0)))
    })
  })
}

// Run only when executed (node dist/demo/index.js), not when imported.
if (isMain(import.meta.url)) {
  runDemo(process.argv.slice(2), {
    out: (s) => void process.stdout.write(s),
    err: (s) => void process.stderr.write(s),
    color: wantsColor(process.env, Boolean(process.stdout.isTTY)),
    width: process.stdout.columns || 100
  }).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`demo: ${(error as Error).message}\n`)
      process.exitCode = 1
    }
  )
}
