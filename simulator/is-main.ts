import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * True when the module at `moduleUrl` (its import.meta.url) is the script
 * node was started with, so a bundle runs only when executed, not imported.
 */
export function isMain(moduleUrl: string): boolean {
  try {
    return (
      realpathSync(process.argv[1] ?? '') ===
      realpathSync(fileURLToPath(moduleUrl))
    )
  } catch {
    return false
  }
}
