/**
 * Secrets we must never print. The runner masks what it is told with
 * ::add-mask::, but errors, outputs and the summary go through redact() too,
 * so the key stays out even where no runner masks it (the CLI, local runs).
 */
const secrets = new Set<string>()

/** Remembers a secret (and the password of a user:password token). */
export function rememberSecret(value: string | undefined): string[] {
  if (!value) return []
  const added = [value]
  const colon = value.indexOf(':')
  // The password part of user:password leaks through "user:***"-style
  // messages unless it is masked on its own.
  if (colon > 0 && colon < value.length - 1) added.push(value.slice(colon + 1))
  for (const s of added) if (s.length >= 3) secrets.add(s)
  return added.filter((s) => s.length >= 3)
}

/** Replaces every remembered secret in text with ***. */
export function redact(text: string): string {
  let out = text
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('***')
  return out
}

/** Forgets every secret (tests only). */
export function forgetSecrets(): void {
  secrets.clear()
}
