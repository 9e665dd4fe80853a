/**
 * Hosted authentication helpers (reference §6.7; RFC 6749 §4.1; RFC 7636): the URL of
 * Latchkey's login page and PKCE pairs. Browser-safe: WebCrypto (`crypto.getRandomValues`,
 * `crypto.subtle`) and `btoa` only — no Node modules.
 */

/** Parameters of `GET /oauth/authorize`. */
export interface HostedAuthOptions {
  /** Exactly one of the application's registered `redirect_uris`. */
  redirectUri: string;
  /** v2 scopes, comma-separated or a list (default on the server: `email,calendar,contacts`). */
  scopes?: string | string[];
  /** Prefills the email address. */
  loginHint?: string;
  /** Echoed back on the redirect (≤ 255 characters): use it against CSRF on your callback. */
  state?: string;
  /** `imap` or a known password provider; default: detected from the address. */
  provider?: string;
  /** true: a failed login redirects back with `error`, `reason` and `state` instead of showing the error. */
  redirectOnError?: boolean;
  /** PKCE: the S256 challenge from {@link createPkcePair} (the method is always S256). */
  codeChallenge?: string;
  /** Reconnect this account: the page fills in its address (fixed), and the account keeps its id. */
  reauthAccountId?: string;
}

/** The login page's URL: `${baseUrl}/oauth/authorize?client_id=…&redirect_uri=…&response_type=code…`. */
export function hostedAuthUrl(baseUrl: string, clientId: string, o: HostedAuthOptions): string {
  const q = new URLSearchParams({ client_id: clientId, redirect_uri: o.redirectUri, response_type: 'code' });
  if (o.scopes !== undefined) q.set('scopes', Array.isArray(o.scopes) ? o.scopes.join(',') : o.scopes);
  if (o.loginHint !== undefined) q.set('login_hint', o.loginHint);
  if (o.state !== undefined) q.set('state', o.state);
  if (o.provider !== undefined) q.set('provider', o.provider);
  if (o.redirectOnError !== undefined) q.set('redirect_on_error', String(o.redirectOnError));
  if (o.reauthAccountId !== undefined) q.set('reauth_account_id', o.reauthAccountId);
  if (o.codeChallenge !== undefined) {
    q.set('code_challenge', o.codeChallenge);
    q.set('code_challenge_method', 'S256');
  }
  return `${baseUrl.replace(/\/+$/, '')}/oauth/authorize?${q}`;
}

/** A PKCE pair (RFC 7636 §4.1–4.2): keep `verifier` secret until the exchange; send `challenge` in the URL. */
export interface PkcePair {
  /** 43 characters of base64url (32 random bytes). */
  verifier: string;
  /** BASE64URL(SHA-256(verifier)). */
  challenge: string;
}

/** A fresh PKCE pair from the platform CSPRNG. */
export async function createPkcePair(): Promise<PkcePair> {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  const verifier = base64url(bytes);
  return { verifier, challenge: await pkceChallenge(verifier) };
}

/** RFC 7636 §4.2 S256: `BASE64URL(SHA-256(ASCII(verifier)))`. */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
