import type { FastifyInstance } from 'fastify';

/**
 * Headers every response carries (issue 6 §5). Latchkey answers JSON (and the hosted login page), so the strictest
 * policies cost nothing: no sniffing a JSON body into HTML, no framing, no referrer leaking a
 * code in a URL, no resources loaded by anything a browser renders from us.
 * Sources: OWASP HTTP Headers Cheat Sheet; RFC 9111 §5.2.2.5 (no-store).
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * Installs the security headers on every response (404s and errors included), with
 * `Cache-Control: no-store` + `Pragma: no-cache` (HTTP/1.0 caches). Every response is marked
 * no-store, not only those of the routes that hand out codes and tokens: management answers
 * (account data, a webhook's signing secret) have no business in a cache either, and one rule
 * cannot be forgotten on a new route.
 */
/**
 * Every header above plus no-store, for answers written outside Fastify's reply cycle (the HTTP
 * parser's errors, http/client-errors.ts), which no `onSend` hook sees.
 */
export function hygieneHeaders(): Record<string, string> {
  return { ...SECURITY_HEADERS, 'cache-control': 'no-store', pragma: 'no-cache' };
}

export function installHygiene(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      // The hosted login page (issue 8) sets its own, still strict, policy: a nonce for its
      // styles, the app's logo, its form target; everything else stays 'none'.
      if (name === 'content-security-policy' && reply.hasHeader(name)) continue;
      void reply.header(name, value);
    }
    void reply.header('cache-control', 'no-store');
    void reply.header('pragma', 'no-cache');
    return payload;
  });
}
