/** Formats a count with thousands separators: 1,234,567; '—' when unknown. */
export function formatRows(value: number | undefined): string {
  return value === undefined ? '—' : value.toLocaleString('en-US')
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
