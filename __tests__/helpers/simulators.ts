import { afterEach } from '@jest/globals'
import { closeConnections } from '../../src/http/transport.js'
import {
  startSimulator,
  type Simulator,
  type SimulatorOptions
} from '../../simulator/server.js'

/**
 * Starts simulators for the tests of one file and closes them (and the
 * client's kept-alive sockets) after each test.
 */
export function useSimulators(): ((
  options: SimulatorOptions
) => Promise<Simulator>) & {
  /** Closes a simulator started elsewhere after the test too. */
  adopt(sim: Simulator): Simulator
} {
  let sims: Simulator[] = []
  afterEach(async () => {
    closeConnections()
    await Promise.all(sims.map((s) => s.close()))
    sims = []
  })
  const adopt = (sim: Simulator) => {
    sims.push(sim)
    return sim
  }
  return Object.assign(
    async (options: SimulatorOptions) => adopt(await startSimulator(options)),
    { adopt }
  )
}
