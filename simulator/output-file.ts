/**
 * Reads a $GITHUB_OUTPUT file as the GitHub runner does: `name<<DELIMITER`
 * blocks (what @actions/core writes) and `name=value` lines. Shared by the
 * demo and the tests, so both read the action's outputs one way.
 */

/** The outputs in the order they were set; a name set twice keeps the last value. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const end = lines.indexOf(delimiter, i + 1)
      // The runner fails the step on an unclosed block; so do we.
      if (end < 0)
        throw new Error(
          `GITHUB_OUTPUT: no closing "${delimiter}" for output "${name}"`
        )
      outputs[name] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (line.includes('=')) {
      const eq = line.indexOf('=')
      outputs[line.slice(0, eq)] = line.slice(eq + 1)
    } else if (line.trim() !== '') {
      throw new Error(`GITHUB_OUTPUT: cannot read line ${i + 1}: ${line}`)
    }
  }
  return outputs
}
