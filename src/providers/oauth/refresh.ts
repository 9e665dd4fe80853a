import { ApiError } from '../../errors/api-error.ts';
import { redactSecrets } from '../../errors/redact.ts';
import type { HttpGetContext } from '../../net/http-get.ts';
import { httpsCall } from '../../net/http-request.ts';

/** A refresh-token grant (RFC 6749 §6) with the client that obtained the token. */
export interface RefreshGrant {
  tokenUrl: URL;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** Microsoft: the redirect URI the refresh token was obtained with (reference §2.4 M1). */
  redirectUri?: string;
  /** Space-separated scopes to ask for (Microsoft v2 endpoint); omitted for Google. */
  scope?: string;
}

/** The token endpoint's success answer (RFC 6749 §5.1), the fields Latchkey reads. */
export interface TokenSet {
  accessToken: string;
  /** Seconds. */
  expiresIn: number | undefined;
  /** OpenID Connect ID token, when `openid` was granted. */
  idToken: string | undefined;
  scope: string | undefined;
  /** A rotated refresh token (Microsoft may issue a new one); undefined when the old one stays valid. */
  refreshToken: string | undefined;
}

/**
 * Exchanges a refresh token for a fresh access token: one form POST (RFC 6749 §6, client
 * credentials in the body as §2.3.1 allows and Google/Microsoft document) through the outbound
 * policy. Exactly one attempt: a refused grant is never retried (case C23 A).
 * @param ctx resolver, outbound policy, trust anchors; `signal` ends the call (the authorize deadline)
 * @param timeoutMs for the whole exchange
 * @throws ApiError, step `oauth.refresh`: `refresh_token_revoked` (403, `invalid_grant` or
 *   `invalid_scope`, RFC 6749 §5.2), `oauth_client_invalid` (403, `invalid_client` /
 *   `unauthorized_client`), `provider_unavailable` (503, 5xx / 429 / `temporarily_unavailable`),
 *   `protocol_error` (502, an answer that is not a token response, or an access token that is not
 *   1*VSCHAR), and the transport errors of
 *   net/http-request.ts (502 / 504 / 422).
 */
export async function refreshAccessToken(
  grant: RefreshGrant,
  ctx: HttpGetContext & { signal?: AbortSignal },
  timeoutMs: number,
): Promise<TokenSet> {
  const step = 'oauth.refresh' as const;
  const form = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: grant.refreshToken,
    client_id: grant.clientId,
    client_secret: grant.clientSecret,
  });
  if (grant.redirectUri) form.set('redirect_uri', grant.redirectUri);
  if (grant.scope) form.set('scope', grant.scope);
  const answer = await httpsCall(
    {
      url: grant.tokenUrl,
      method: 'POST',
      step,
      timeoutMs,
      maxBytes: 64 * 1024,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
    },
    ctx,
  );
  const secrets = [grant.refreshToken, grant.clientSecret];
  const json = parseJson(answer.body);
  const where = grant.tokenUrl.host;
  // RFC 6749 Appendix A.12: access-token = 1*VSCHAR (%x20-7E). Anything else cannot travel in
  // an Authorization header (Node throws on CR, LF or non-ASCII) and is not a token.
  if (
    answer.status === 200 &&
    json &&
    typeof json.access_token === 'string' &&
    json.access_token &&
    !/^[\x20-\x7e]+$/.test(json.access_token)
  ) {
    return Promise.reject(
      new ApiError('protocol_error', {
        step,
        message: `The token endpoint at ${where} answered an access token with characters RFC 6749 does not allow.`,
      }),
    );
  }
  if (answer.status === 200 && json && typeof json.access_token === 'string' && json.access_token) {
    return {
      accessToken: json.access_token,
      expiresIn: typeof json.expires_in === 'number' ? json.expires_in : Number(json.expires_in) || undefined,
      idToken: typeof json.id_token === 'string' ? json.id_token : undefined,
      scope: typeof json.scope === 'string' ? json.scope : undefined,
      refreshToken: typeof json.refresh_token === 'string' && json.refresh_token ? json.refresh_token : undefined,
    };
  }
  const error = typeof json?.error === 'string' ? json.error : '';
  const description = typeof json?.error_description === 'string' ? json.error_description : '';
  const serverError = redactSecrets([error, description].filter(Boolean).join(': ') || `HTTP ${answer.status}`, secrets);
  switch (error) {
    case 'invalid_grant':
      return Promise.reject(new ApiError('refresh_token_revoked', { step, serverError }));
    case 'invalid_scope':
      return Promise.reject(
        new ApiError('refresh_token_revoked', {
          step,
          serverError,
          message:
            'The refresh token was not granted the scopes Latchkey needs (mail access and the account’s address): the user must sign in ' +
            'again and consent to them.',
        }),
      );
    case 'invalid_client':
    case 'unauthorized_client':
      return Promise.reject(new ApiError('oauth_client_invalid', { step, serverError }));
    case 'temporarily_unavailable':
      return Promise.reject(
        new ApiError('provider_unavailable', {
          step,
          serverError,
          retryAfter: 60,
          message: `The token endpoint at ${where} is temporarily unavailable. Please try again later.`,
        }),
      );
  }
  if (answer.status >= 500 || answer.status === 429) {
    return Promise.reject(
      new ApiError('provider_unavailable', {
        step,
        serverError,
        retryAfter: 60,
        message: `The token endpoint at ${where} answered HTTP ${answer.status}. Please try again later.`,
      }),
    );
  }
  if (answer.status === 401) return Promise.reject(new ApiError('oauth_client_invalid', { step, serverError }));
  return Promise.reject(
    new ApiError('protocol_error', {
      step,
      serverError,
      message: `The token endpoint at ${where} did not answer with an access token (HTTP ${answer.status}).`,
    }),
  );
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
