/**
 * A URL given as input, fit to quote back in an error: whatever may be a
 * user:password in it becomes ***. The URL is quoted because it did not
 * parse, or not as expected, so the parser cannot say where its userinfo
 * ends: everything from after "//" (or from the start, when there is no
 * "//" before it) up to the last @ is taken for it, since a password may hold
 * "/", "?", "#" or "@" itself.
 */
export function withoutUserinfo(url: string): string {
  const at = url.lastIndexOf('@')
  if (at < 0) return url
  const slashes = url.indexOf('//')
  const start = slashes >= 0 && slashes < at ? slashes + 2 : 0
  return `${url.slice(0, start)}***${url.slice(at)}`
}
