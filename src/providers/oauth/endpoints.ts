import type { Config } from '../../config/env.ts';
import type { ProviderEntry } from '../table.ts';

/** Which identity platform a provider value uses (reference §2.3: gmail → Google; office365, graph → Microsoft). */
export type OAuthPlatform = 'google' | 'microsoft';

/**
 * Google's OAuth 2.0 token endpoint (Google Identity "Using OAuth 2.0 for Web Server
 * Applications", refreshing an access token) and its OpenID Connect userinfo endpoint
 * (discovery document `https://accounts.google.com/.well-known/openid-configuration`).
 */
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
export const GOOGLE_USERINFO_URL = 'https://openidconnect.googleapis.com/v1/userinfo';
/** Microsoft identity platform v2 token endpoint, multi-tenant (`common`) authority. */
export const MICROSOFT_TOKEN_URL = 'https://login.microsoftonline.com/common/oauth2/v2.0/token';
/**
 * Scopes asked for at refresh (Microsoft "Authenticate an IMAP, POP or SMTP connection using
 * OAuth"): IMAP and SMTP AUTH for the Outlook resource, plus `openid email` so the answer carries
 * an ID token naming the account, and `offline_access` to keep the refresh token.
 */
export const MICROSOFT_MAIL_SCOPES = [
  'https://outlook.office.com/IMAP.AccessAsUser.All',
  'https://outlook.office.com/SMTP.Send',
  'openid',
  'email',
  'offline_access',
];
/**
 * Audiences an Outlook IMAP/SMTP access token may carry: the resource of the scopes above (also
 * under its office365 name) and Exchange Online's application id.
 */
export const MICROSOFT_MAIL_AUDIENCES = [
  'https://outlook.office.com',
  'https://outlook.office365.com',
  '00000002-0000-0ff1-ce00-000000000000',
];

export interface OAuthEndpoints {
  platform: OAuthPlatform;
  tokenUrl: URL;
  /** Google only: the OpenID Connect userinfo endpoint that names the account. */
  userinfoUrl: URL | undefined;
}

/**
 * The endpoints in force for a platform: the `LATCHKEY_*_URL` override, else the provider table's
 * `oauth` entry (`LATCHKEY_PROVIDERS_FILE`), else the real Google / Microsoft endpoint.
 */
export function oauthEndpoints(
  platform: OAuthPlatform,
  config: Pick<Config, 'oauthEndpoints'>,
  entry: ProviderEntry | undefined,
): OAuthEndpoints {
  const o = config.oauthEndpoints;
  if (platform === 'google') {
    return {
      platform,
      tokenUrl: new URL(o.googleTokenUrl ?? entry?.oauth?.token_url ?? GOOGLE_TOKEN_URL),
      userinfoUrl: new URL(o.googleUserinfoUrl ?? entry?.oauth?.userinfo_url ?? GOOGLE_USERINFO_URL),
    };
  }
  return { platform, tokenUrl: new URL(o.microsoftTokenUrl ?? entry?.oauth?.token_url ?? MICROSOFT_TOKEN_URL), userinfoUrl: undefined };
}
