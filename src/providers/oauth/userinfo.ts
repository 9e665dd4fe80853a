import { ApiError } from '../../errors/api-error.ts';
import type { HttpGetContext } from '../../net/http-get.ts';
import { httpsCall } from '../../net/http-request.ts';

/**
 * The account's address from an OpenID Connect userinfo endpoint (OIDC Core §5.3, Google's
 * `openidconnect.googleapis.com/v1/userinfo`), called with the access token as a Bearer token
 * (RFC 6750 §2.1) through the outbound policy.
 * @returns `email` of the answer, lower-cased
 * @throws ApiError, step `oauth.userinfo`: `refresh_token_revoked` (403: the token does not carry
 *   the `email` scope, or the endpoint refuses it), `provider_unavailable` (503), `protocol_error`
 *   (502), and the transport errors of net/http-request.ts.
 */
export async function userinfoEmail(
  url: URL,
  accessToken: string,
  ctx: HttpGetContext & { signal?: AbortSignal },
  timeoutMs: number,
): Promise<string> {
  const step = 'oauth.userinfo' as const;
  const answer = await httpsCall(
    {
      url,
      method: 'GET',
      step,
      timeoutMs,
      maxBytes: 64 * 1024,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
    },
    ctx,
  );
  if (answer.status >= 500 || answer.status === 429) {
    throw new ApiError('provider_unavailable', {
      step,
      retryAfter: 60,
      message: `The userinfo endpoint at ${url.host} answered HTTP ${answer.status}. Please try again later.`,
    });
  }
  const scopeHint =
    'The refresh token does not give Latchkey the account’s address: it must be issued with the openid, email (userinfo.email) and ' +
    'profile scopes. The user must sign in again.';
  if (answer.status === 401 || answer.status === 403)
    throw new ApiError('refresh_token_revoked', { step, serverError: `HTTP ${answer.status}`, message: scopeHint });
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(answer.body) as Record<string, unknown>;
  } catch {
    /* below */
  }
  if (answer.status !== 200 || !json || typeof json !== 'object') {
    throw new ApiError('protocol_error', {
      step,
      message: `The userinfo endpoint at ${url.host} did not answer with JSON (HTTP ${answer.status}).`,
    });
  }
  if (typeof json.email !== 'string' || !json.email) throw new ApiError('refresh_token_revoked', { step, message: scopeHint });
  return json.email.trim().toLowerCase();
}
