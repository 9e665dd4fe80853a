import { ApiError } from '../../errors/api-error.ts';
import type { Step } from '../../errors/api-error.ts';
import type { HttpGetContext } from '../../net/http-get.ts';
import { MICROSOFT_MAIL_AUDIENCES, MICROSOFT_MAIL_SCOPES, type OAuthEndpoints } from './endpoints.ts';
import { audiences, jwtClaims } from './jwt-claims.ts';
import { refreshAccessToken } from './refresh.ts';
import { userinfoEmail } from './userinfo.ts';

/** The OAuth settings of a gmail (G1) or office365/graph (M1) request (reference §2.4). */
export interface OAuthCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** M1 only. */
  redirectUri?: string;
}

/** A fresh access token for the mailbox's IMAP and SMTP. */
export interface MailToken {
  accessToken: string;
  /** A refresh token the endpoint rotated in, to be stored instead of the old one. */
  rotatedRefreshToken: string | undefined;
  /** The access token's lifetime in seconds (`expires_in`), when the endpoint said. */
  expiresIn?: number | undefined;
}

/**
 * Mints a fresh access token from the refresh token — always, never reusing an access token the
 * caller may hold (case C23 B: an hour-old token is refused by IMAP) — and checks that it names
 * `email`:
 * - Google (reference §9.2): refresh, then userinfo's `email` must equal `email_address`.
 * - Microsoft (reference §9.3): refresh with the Outlook IMAP/SMTP scopes; an access token that
 *   is a readable JWT must be for the Outlook resource (else `token_audience_invalid`); the ID
 *   token's `email` / `preferred_username` (without an ID token: the readable access token's
 *   `upn` / `preferred_username` / `unique_name` / `email`), when present, must equal `email_address`.
 * @param onStep told each step as it starts (for the authorize deadline's message)
 * @throws ApiError — see refreshAccessToken and userinfoEmail; `oauth_account_mismatch` (400),
 *   `token_audience_invalid` (403).
 */
export async function mintMailToken(
  endpoints: OAuthEndpoints,
  creds: OAuthCredentials,
  email: string,
  ctx: HttpGetContext & { signal?: AbortSignal },
  timeoutMs: number,
  onStep?: (step: Step) => void,
): Promise<MailToken> {
  onStep?.('oauth.refresh');
  const microsoft = endpoints.platform === 'microsoft';
  const tokens = await refreshAccessToken(
    {
      tokenUrl: endpoints.tokenUrl,
      clientId: creds.clientId,
      clientSecret: creds.clientSecret,
      refreshToken: creds.refreshToken,
      ...(creds.redirectUri ? { redirectUri: creds.redirectUri } : {}),
      ...(microsoft ? { scope: MICROSOFT_MAIL_SCOPES.join(' ') } : {}),
    },
    ctx,
    timeoutMs,
  );
  const wanted = email.trim().toLowerCase();
  let account: string | undefined;
  if (microsoft) {
    const aud = audiences(jwtClaims(tokens.accessToken) ?? {});
    if (aud.length && !aud.some((a) => MICROSOFT_MAIL_AUDIENCES.includes(a.replace(/\/$/, '')))) {
      throw new ApiError('token_audience_invalid', {
        step: 'oauth.refresh',
        serverError: `aud=${aud.join(' ')}`,
        message:
          `The access token minted from this refresh token is for ${aud.join(', ')}, not for Outlook IMAP/SMTP ` +
          `(https://outlook.office.com). The app registration must be granted IMAP.AccessAsUser.All and SMTP.Send and the user must ` +
          `sign in again.`,
      });
    }
    const id = jwtClaims(tokens.idToken);
    // Without an ID token (a refresh token granted without openid) the access token, when it is
    // a readable JWT, names its user itself (Microsoft access token claims: upn, unique_name,
    // preferred_username, email); otherwise a token for one mailbox would pass for any address.
    const at = id ? undefined : jwtClaims(tokens.accessToken);
    const named = [id?.email, id?.preferred_username, id?.upn, at?.upn, at?.preferred_username, at?.unique_name, at?.email].find(
      (v): v is string => typeof v === 'string' && v.includes('@'),
    );
    account = named?.trim().toLowerCase();
  } else {
    onStep?.('oauth.userinfo');
    account = await userinfoEmail(endpoints.userinfoUrl!, tokens.accessToken, ctx, timeoutMs);
  }
  if (account !== undefined && account !== wanted) {
    throw new ApiError('oauth_account_mismatch', {
      step: microsoft ? 'oauth.refresh' : 'oauth.userinfo',
      message:
        `The refresh token belongs to ${account}, not ${email}. Sign in with ${email}, or send the address of the account that ` +
        `signed in.`,
    });
  }
  return { accessToken: tokens.accessToken, rotatedRefreshToken: tokens.refreshToken, expiresIn: tokens.expiresIn };
}
