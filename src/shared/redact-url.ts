/**
 * A connection URL (`scheme://user:password@host…`) with its password replaced by `…`, for
 * messages and logs. The userinfo ends at the LAST `@` before the path (an unencoded `@` in a
 * password is accepted by WHATWG URL parsing, RFC 3986 §3.2.1 notwithstanding); text without a
 * `user:password@` part is returned unchanged.
 */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/^([^:/?#]*:\/\/[^:/?#@]*:)[^/?#]*@/, '$1…@');
}
