import type { FastifyInstance } from 'fastify';

/**
 * Headers every response carries (issue 6 §5). Latchkey answers JSON only, so the strictest
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

/** Route option `config.carriesSecrets`: the response (success or error) may hold a code or token. */
export interface RouteHygiene {
  carriesSecrets?: boolean;
}

/**
 * Installs the security headers on every response (404s and errors included), and
 * `Cache-Control: no-store` + `Pragma: no-cache` (HTTP/1.0 caches) on every response of a route
 * declared with `config: { carriesSecrets: true }` — so no proxy or browser cache keeps a code
 * or an access token.
 */
export function installHygiene(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) void reply.header(name, value);
    if ((request.routeOptions.config as RouteHygiene | undefined)?.carriesSecrets) {
      void reply.header('cache-control', 'no-store');
      void reply.header('pragma', 'no-cache');
    }
    return payload;
  });
}
