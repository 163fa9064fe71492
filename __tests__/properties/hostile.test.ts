/**
 * Properties against a lying server, over real HTTP on 127.0.0.1: whatever
 * sequence of answers it sends, the wait succeeds only on a Completed state
 * read for the very job asked for, from a body with no repeated key; and
 * whatever it echoes, no registered secret in any encoding reaches stdout,
 * the summary or the outputs.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import fc from 'fast-check'
import { RestV2Api } from '../../src/clients/rest-v2.js'
import { closeConnections } from '../../src/http/transport.js'
import { outputValues } from '../../src/report/outputs.js'
import { renderSummary } from '../../src/report/summary.js'
import { safeLogText } from '../../src/text/escape.js'
import { forgetSecrets, rememberSecret } from '../../src/secrets.js'
import { failureReason, jobReason } from '../../src/report/messages.js'
import { waitForJob } from '../../src/wait/wait-for-jobs.js'
import { FakeClock } from '../helpers/fake-clock.js'

const JOB = '463071155436633601'

/** One answer the server may give, and whether it may count as success. */
interface Answer {
  body: string
  trustworthyCompleted: boolean
}

const STATES = [
  'Completed',
  'Failed',
  'Importing',
  'Pending',
  'COMPLETED',
  'ImportCompleted',
  'Done',
  'Success',
  ''
]

// Only the exact words Completed and ImportCompleted complete: COMPLETED is
// an unknown state, polled on and never success.
const readsCompleted = (state: string) =>
  state === 'Completed' || state === 'ImportCompleted'

/** A describe answer built from hostile parts. */
const answerArb: fc.Arbitrary<Answer> = fc
  .record({
    code: fc.constantFrom(
      '0',
      '0',
      '1800',
      '65535',
      '0,"code":1800',
      '1800,"code":0'
    ),
    jobId: fc.constantFrom(
      `"${JOB}"`,
      JOB,
      '463071155436633600',
      '"999"',
      null,
      `"${JOB}","jobId":"999"`
    ),
    state: fc.constantFrom(...STATES),
    duplicateState: fc.option(fc.constantFrom(...STATES), { nil: undefined }),
    rows: fc.constantFrom('10', '-100', '10.5', '9007199254740993', '"12"')
  })
  .map((p) => {
    const fields = [
      p.jobId === null ? undefined : `"jobId":${p.jobId}`,
      `"state":"${p.state}"`,
      p.duplicateState === undefined
        ? undefined
        : `"state":"${p.duplicateState}"`,
      `"progress":100`,
      `"importedRows":${p.rows}`,
      `"totalRows":${p.rows}`
    ].filter(Boolean)
    const body = `{"code":${p.code},"data":{${fields.join(',')}}}`
    const trustworthyCompleted =
      p.code === '0' &&
      // An answer that names no job is as untrusted as one for another job,
      // and so is the ID echoed as a number (digits may have been rounded).
      p.jobId === `"${JOB}"` &&
      readsCompleted(p.state) &&
      p.duplicateState === undefined &&
      !['-100', '10.5'].includes(p.rows)
    return { body, trustworthyCompleted }
  })

let server: http.Server
let endpoint = ''
let script: Answer[] = []
let served: Answer[] = []

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      const answer = script[Math.min(served.length, script.length - 1)]
      served.push(answer)
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(answer.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  closeConnections()
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

afterEach(() => forgetSecrets())

describe('no false success', () => {
  it('succeeds only on a trustworthy Completed answer for the asked job', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(answerArb, { minLength: 1, maxLength: 6 }),
        async (answers) => {
          script = answers
          served = []
          const clock = new FakeClock()
          const result = await waitForJob(new RestV2Api({ endpoint }), JOB, {
            clock,
            intervalMs: 1000,
            deadline: clock.now() + 8_000,
            maxFailures: 3
          })
          const success = result.outcome === 'success'
          // Success only on the answer that ended the wait being trustworthy.
          expect(!success || served.at(-1)?.trustworthyCompleted).toBe(true)
          expect(!success || result.job?.state === 'Completed').toBe(true)
          // And a trustworthy Completed first answer is never missed.
          expect(success || !answers[0].trustworthyCompleted).toBe(true)
        }
      ),
      { numRuns: 150 }
    )
  })
})

/** A secret written with each character in its own way, as draw says. */
function mixed(secret: string, draw: number[]): string {
  const hex = (c: string) =>
    [...Buffer.from(c)].map((b) => `%${b.toString(16).padStart(2, '0')}`)
  return [...secret]
    .map((c, i) => {
      const u = `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
      switch (draw[i % draw.length] % 6) {
        case 1:
          return c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()
        case 2:
          return hex(c).join('').toUpperCase()
        case 3:
          return hex(c).join('')
        case 4:
          return u
        case 5:
          return c === ' ' ? '+' : u.toUpperCase().replace('\\U', '\\u')
        default:
          return c
      }
    })
    .join('')
}

/** The ways a server may echo a secret back. */
function echoes(secret: string, draw: number[]): string[] {
  const b64 = Buffer.from(secret).toString('base64')
  const json = JSON.stringify(secret).slice(1, -1)
  // Inside a longer base64 text, at any byte offset.
  const prefix = 'Bearer '.slice(0, 1 + (draw[0] % 7))
  const run = Buffer.from(`${prefix}${secret} and more`).toString('base64')
  return [
    secret,
    secret.toUpperCase(),
    secret.toLowerCase(),
    mixed(secret, draw),
    b64,
    b64.replace(/=+$/, ''),
    Buffer.from(`Basic ${secret}`).toString('base64'),
    run,
    run.replace(/\+/g, '-').replace(/\//g, '_'),
    encodeURIComponent(secret),
    encodeURIComponent(secret).toLowerCase(),
    json,
    json
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
  ]
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&#124;': '|',
  '&#96;': '`',
  '&#91;': '[',
  '&#93;': ']',
  '&#92;': '\\'
}
const JSON_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/' }

/** Text as a reader sees it: no zero-width spaces, entities rendered. */
const shown = (text: string) =>
  text.replace(/\u200b/g, '').replace(/&#?\w+;/g, (e) => ENTITIES[e] ?? e)

/**
 * Whether a reader finds the secret in what they see: in any case, with URL
 * and JSON escapes undone, as one of the echoes the server sent, or inside
 * any base64 text, at any offset.
 */
function leaks(seen: string, secret: string, said: string[]): boolean {
  const text = shown(seen)
  const unjson = (t: string) =>
    t.replace(/\\(?:u([0-9a-fA-F]{4})|(["\\/]))/g, (_, u, c) =>
      u ? String.fromCharCode(parseInt(u, 16)) : JSON_ESCAPES[c]
    )
  const unurl = (t: string) =>
    t.replace(/(?:%[0-9a-fA-F]{2})+/g, (m) =>
      Buffer.from(m.replace(/%/g, ''), 'hex').toString()
    )
  const readings = [text, unjson(text), unurl(text), unurl(unjson(text))]
  const plus = readings.map((t) => unurl(t.replace(/\+/g, ' ')))
  if (
    [...readings, ...plus].some((t) =>
      t.toLowerCase().includes(secret.toLowerCase())
    )
  )
    return true
  if (said.some((echo) => echo.length >= 8 && text.includes(echo))) return true
  const bytes = Buffer.from(secret)
  for (const run of text.match(/[A-Za-z0-9+/_-]{8,}/g) ?? [])
    for (let offset = 0; offset < 4; offset++) {
      const decoded = Buffer.from(
        run.slice(offset).replace(/-/g, '+').replace(/_/g, '/'),
        'base64'
      )
      if (decoded.includes(bytes)) return true
    }
  return false
}

const secretArb = fc
  .tuple(
    fc.stringMatching(/^[a-z]{3,8}$/),
    fc.string({
      unit: fc.constantFrom(...'abcXYZ019:#[]<>&"\\/%+ -_@!|`'.split('')),
      minLength: 8,
      maxLength: 24
    })
  )
  .map(([user, password]) => ({ user, password, token: `${user}:${password}` }))

describe('no leak', () => {
  it('no registered secret in any encoding reaches the log, summary or outputs', async () => {
    await fc.assert(
      fc.asyncProperty(
        secretArb,
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.nat(400),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        async ({ password, token }, picks, pad, draw) => {
          forgetSecrets()
          rememberSecret(token)
          const said = [...echoes(token, draw), ...echoes(password, draw)]
          const text =
            'x'.repeat(pad) + picks.map((i) => said[i % said.length]).join(' ')
          script = [
            {
              body: JSON.stringify({
                code: 0,
                data: {
                  jobId: JOB,
                  state: 'Failed',
                  collectionName: text,
                  reason: text,
                  details: [{ fileName: text, state: 'Failed', reason: text }]
                }
              }),
              trustworthyCompleted: false
            }
          ]
          served = []
          const clock = new FakeClock()
          const result = await waitForJob(
            new RestV2Api({ endpoint, apiKey: token }),
            JOB,
            {
              clock,
              intervalMs: 1000,
              deadline: clock.now() + 5_000
            }
          )
          const run = {
            outcome: result.outcome,
            jobs: [result],
            elapsedMs: 1000,
            reason: result.job
              ? failureReason(result.job)
              : (jobReason(result) ?? '')
          }
          const seen = [
            safeLogText(run.reason, 300),
            safeLogText(run.reason),
            renderSummary(run),
            ...Object.values(outputValues(run))
          ].join('\n')
          for (const secret of [token, password])
            expect(leaks(seen, secret, said) ? seen : '').toBe('')
        }
      ),
      { numRuns: 100 }
    )
  })
})
