/** The action's version, sent in the User-Agent header. */
export const VERSION = '1.0.0'

/** The User-Agent every request carries. */
export const USER_AGENT = `wait-for-milvus-import/${VERSION} (+https://github.com/acme/wait-for-milvus-import)`
