import { readFileSync } from 'node:fs'
import { USER_AGENT, VERSION } from '../src/version.js'

it('sends the version of package.json in the User-Agent', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    version: string
  }
  expect(VERSION).toBe(pkg.version)
  expect(USER_AGENT.startsWith(`wait-for-milvus-import/${pkg.version} `)).toBe(
    true
  )
})
