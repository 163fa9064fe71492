const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000 }

/**
 * Parses a duration such as 90, 90s, 15m, 2h, 1h30m or 500ms into
 * milliseconds; a bare number is seconds. Returns undefined when malformed.
 */
export function parseDuration(text: string): number | undefined {
  const value = text.trim().toLowerCase()
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000)
  if (/^\d+(\.\d+)?ms$/.test(value)) return Math.round(parseFloat(value))
  const match =
    /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(
      value
    )
  if (!match || value === '') return undefined
  const [, h, m, s] = match
  return Math.round(
    Number(h ?? 0) * UNIT_MS.h +
      Number(m ?? 0) * UNIT_MS.m +
      Number(s ?? 0) * UNIT_MS.s
  )
}

/** Formats milliseconds as 4m 12s, 1h 5m or 850ms. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`
  const total = Math.round(ms / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (h) return m ? `${h}h ${m}m` : `${h}h`
  if (m) return s ? `${m}m ${s}s` : `${m}m`
  return `${s}s`
}
