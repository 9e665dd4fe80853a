/**
 * The claims of a JWT (RFC 7519 §7.2 steps 1–7: split, base64url-decode, parse the JSON
 * payload) WITHOUT checking its signature. Latchkey reads only tokens it has just received from
 * the token endpoint over a verified TLS connection, which OpenID Connect Core §3.1.3.7 (6)
 * allows in place of a signature check; the claims only pick a clearer error message or check
 * the account's address, never grant anything.
 * @returns the payload object, or undefined when the value is not a readable JWT (opaque or
 *   encrypted tokens are normal).
 */
export function jwtClaims(token: string | undefined): Record<string, unknown> | undefined {
  if (!token) return undefined;
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
    return payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `aud` as a list (RFC 7519 §4.1.3: a string or an array of strings). */
export function audiences(claims: Record<string, unknown>): string[] {
  const aud = claims.aud;
  if (typeof aud === 'string') return [aud];
  return Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [];
}
