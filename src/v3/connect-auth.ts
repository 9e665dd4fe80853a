import { ApiError } from '../errors/api-error.ts';
import { v2ProviderName } from '../providers/v3-names.ts';

/**
 * `GET /v3/connect/auth` (Nylas v3 hosted OAuth; the SDK's `urlForOAuth2` / `urlForOAuth2PKCE`)
 * as a request to Latchkey's hosted login page, `GET /oauth/authorize` (hosted/*): the page, its
 * checks (client, exact redirect URI, response_type, state) and the code it issues are the v2
 * flow's, unchanged. This only renames v3's parameters and brings the PKCE challenge to the one
 * form the page stores (RFC 7636 S256).
 *
 * Parameters: `client_id`, `redirect_uri`, `response_type` (`code`), `provider` (v3 names:
 * `imap`, `icloud`, `yahoo`, …; `google` / `microsoft` / `ews` are OAuth or Exchange, which the
 * page refuses with its error page), `login_hint`, `state`, `code_challenge`,
 * `code_challenge_method`. v3's `scope` (provider OAuth scopes), `access_type`, `prompt`,
 * `include_grant_scopes`, `options` and `credential_id` concern provider OAuth consent, which
 * the password page has none of: they are accepted and not used.
 */
export function hostedLoginQuery(q: Record<string, unknown>): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of ['client_id', 'redirect_uri', 'response_type', 'login_hint', 'state'] as const) {
    if (typeof q[k] === 'string') out.set(k, q[k]);
  }
  if (typeof q.provider === 'string' && q.provider) out.set('provider', v2ProviderName(q.provider));
  const challenge = typeof q.code_challenge === 'string' && q.code_challenge ? q.code_challenge : undefined;
  const method = typeof q.code_challenge_method === 'string' && q.code_challenge_method ? q.code_challenge_method : undefined;
  if (challenge !== undefined || method !== undefined) {
    // The page itself refuses a method without a challenge, `plain`, and malformed challenges.
    if (challenge !== undefined) out.set('code_challenge', rfc7636Challenge(challenge));
    if (method !== undefined) out.set('code_challenge_method', method.toUpperCase() === 'S256' ? 'S256' : method);
  }
  return out;
}

/** The SDK's challenge: base64 (padding removed) of the 64 hex digits of SHA-256(secret). */
const SDK_CHALLENGE = /^[A-Za-z0-9+/]{86}$/;

/**
 * A PKCE challenge in RFC 7636's S256 form, `BASE64URL(SHA-256(verifier))` (43 characters).
 * The official SDK's `urlForOAuth2PKCE` sends `code_challenge_method=s256` with
 * `code_challenge = base64(hex(SHA-256(secret)))` without padding (its `hashPKCESecret`: 86
 * characters), and later `code_verifier = secret`. Decoding that back to the 32-byte digest gives
 * exactly the RFC challenge of the same verifier, so one comparison at the token endpoint,
 * `s256(code_verifier)`, serves both. Anything else is passed on unchanged for the page to judge.
 * @throws ApiError `invalid_value` when an 86-character challenge does not decode to 64 hex digits.
 */
export function rfc7636Challenge(challenge: string): string {
  if (!SDK_CHALLENGE.test(challenge)) return challenge;
  const hex = Buffer.from(challenge, 'base64').toString('latin1');
  if (!/^[0-9a-f]{64}$/.test(hex))
    throw new ApiError('invalid_value', {
      message: 'code_challenge is neither BASE64URL(SHA-256(code_verifier)) (RFC 7636 S256) nor the nylas SDK’s base64 of its hex SHA-256.',
    });
  return Buffer.from(hex, 'hex').toString('base64url');
}

/**
 * A `code_verifier` the v3 token endpoint accepts: RFC 7636 §4.1's (43–128 characters of
 * `[A-Za-z0-9._~-]`), or the SDK's PKCE secret, a UUID (36 characters, 122 random bits) — what
 * `urlForOAuth2PKCE` returns as `secret` and the application sends back as `codeVerifier`.
 */
export function isV3CodeVerifier(v: unknown): v is string {
  return (
    typeof v === 'string' &&
    (/^[A-Za-z0-9._~-]{43,128}$/.test(v) || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v))
  );
}
