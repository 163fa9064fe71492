/** The markdown tables of a summary: runs of lines starting with `|`. */
export function tables(markdown: string): string[][] {
  const found: string[][] = []
  let current: string[] = []
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) current.push(line)
    else if (current.length) {
      found.push(current)
      current = []
    }
  }
  if (current.length) found.push(current)
  return found
}

/** Cell separators of a table line: every `|` not escaped with `\`. */
export function pipes(line: string): number {
  return (line.match(/(?<!\\)\|/g) ?? []).length
}
