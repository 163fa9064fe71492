/** Formats a count with thousands separators: 1,234,567 (bigints exactly). */
export function formatCount(value: number | bigint): string {
  // Not toLocaleString: its first call loads ICU data, which costs more
  // start-up time than the whole poll.
  const text = String(typeof value === 'bigint' ? value : Math.trunc(value))
  return text.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** Formats a row count, or '—' when unknown. */
export function formatRows(value: number | bigint | undefined): string {
  return value === undefined ? '—' : formatCount(value)
}

/** Formats a progress figure: 55%. */
export function formatPercent(value: number | undefined): string {
  return value === undefined ? '—' : `${value}%`
}

/** Formats "imported / total" rows. */
export function formatRowPair(
  imported: bigint | undefined,
  total: bigint | undefined
): string {
  if (imported === undefined && total === undefined) return '—'
  return `${formatRows(imported)} / ${formatRows(total)}`
}
