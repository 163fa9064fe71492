/** Formats a count with thousands separators: 1,234,567. */
export function formatCount(value: number): string {
  // Not toLocaleString: its first call loads ICU data, which costs more
  // start-up time than the whole poll.
  const text = String(Math.trunc(value))
  return text.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** Formats a row count, or '—' when unknown. */
export function formatRows(value: number | undefined): string {
  return value === undefined ? '—' : formatCount(value)
}

/** Formats a progress figure: 55%. */
export function formatPercent(value: number | undefined): string {
  return value === undefined ? '—' : `${value}%`
}

/** Formats "imported / total" rows. */
export function formatRowPair(
  imported: number | undefined,
  total: number | undefined
): string {
  if (imported === undefined && total === undefined) return '—'
  return `${formatRows(imported)} / ${formatRows(total)}`
}
