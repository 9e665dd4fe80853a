import type { OAuthPlatform } from '../providers/oauth/endpoints.ts';
import type { OAuthCredentials } from '../providers/oauth/mint.ts';
import type { Account } from '../store/store.ts';

/**
 * How a stored OAuth account signs in to its provider, read back the way authorize stored it
 * (connect/authorize.ts storedCredentials) and shared by the health re-check
 * (health/verify-account.ts) and the credentials release's token refresh
 * (credentials/oauth-token.ts).
 */

/** gmail → google, office365 / graph → microsoft, by the refresh token among the stored `fields`; undefined for password accounts. */
export function oauthPlatform(fields: { has(field: string): boolean }): OAuthPlatform | undefined {
  if (fields.has('google_refresh_token')) return 'google';
  if (fields.has('microsoft_refresh_token')) return 'microsoft';
  return undefined;
}

/**
 * The account's client id and redirect URI (settings) with its client secret and refresh token
 * (`secrets`, decrypted, by field); a field absent is ''.
 */
export function storedOAuthCredentials(account: Account, platform: OAuthPlatform, secrets: ReadonlyMap<string, string>): OAuthCredentials {
  const s = account.settings;
  return {
    clientId: String(s[`${platform}_client_id`] ?? ''),
    clientSecret: secrets.get(`${platform}_client_secret`) ?? '',
    refreshToken: secrets.get(`${platform}_refresh_token`) ?? '',
    ...(typeof s.redirect_uri === 'string' ? { redirectUri: s.redirect_uri } : {}),
  };
}
