import type { Config } from '../../inputs.js'
import type { ImportApi } from '../client.js'

/** The inputs a flavour looks at to be chosen and to run. */
export interface FlavourInputs {
  clusterId?: string
  projectId?: string
  regionId?: string
  apiKey?: string
}

/** An input a flavour needs but lacks, and what to pass. */
export interface MissingInput {
  input: string
  problem: string
}

/**
 * One import API the action speaks. Adding an API means one module like this,
 * one line in the registry (client.ts), action.yml and the README.
 */
export interface Flavour {
  /** Its name in logs, errors and the summary. */
  readonly name: string
  /** The value of the api input that selects it. */
  readonly api: string
  /** True when this flavour serves this endpoint with these inputs. */
  detect(endpoint: URL, inputs: FlavourInputs): boolean
  /** The input it needs but lacks; else undefined. */
  missingInput(endpoint: URL, inputs: FlavourInputs): MissingInput | undefined
  /** Builds its client. */
  create(config: Config): Promise<ImportApi>
}

/** A Zilliz Cloud endpoint called without an API key. */
export function missingApiKey(
  endpoint: URL,
  inputs: FlavourInputs
): MissingInput | undefined {
  return inputs.apiKey
    ? undefined
    : {
        input: 'api-key',
        problem: `is required for Zilliz Cloud (${endpoint.hostname}): pass your API key from a secret, such as \${{ secrets.ZILLIZ_API_KEY }}.`
      }
}
