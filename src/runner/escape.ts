// Text escaping lives in src/text/escape.ts; re-exported for older imports.
export {
  cap,
  escapeCell,
  escapeMarkdown,
  MAX_TEXT,
  neutralise,
  oneLine,
  safeLogText
} from '../text/escape.js'
