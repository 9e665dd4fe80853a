import type { AppContext } from '../app/context.ts';
import type { Account } from '../store/store.ts';
import type { Security } from '../mail/login.ts';
import { planTls } from '../mail/starttls.ts';
import { releasedAccessToken } from './oauth-token.ts';
import { oauthPlatform } from './stored.ts';

/** One mail protocol's connection as released: settings plus a password or a live XOAUTH2 token. */
export type MailMember = {
  host: string;
  port: number;
  /** `ssl` (implicit TLS), `starttls`, or `none`: what the account was verified with (`auto` resolved by port). */
  security: 'ssl' | 'starttls' | 'none';
  username: string;
} & ({ auth: 'password'; password: string } | { auth: 'xoauth2'; access_token: string; expires_at: number });

/** Exchange (EWS): the endpoint that answered at authorize, the username and the password. */
export interface EwsMember {
  url: string;
  username: string;
  password: string;
}

export type Protocol = 'imap' | 'smtp' | 'ews';

/** Which protocols an account of this provider has: Exchange has EWS, every other IMAP and SMTP. */
export function protocolsOf(ctx: AppContext, account: Account): Protocol[] {
  return isExchange(ctx, account) ? ['ews'] : ['imap', 'smtp'];
}

function isExchange(ctx: AppContext, account: Account): boolean {
  return ctx.providers[account.provider]?.auth === 'exchange' && account.provider !== 'imap';
}

/**
 * Builds the members asked for. Secrets are decrypted with the key ring under AAD
 * `account:<id>:<field>` (passwords) and the OAuth access token comes from oauth-token.ts (cached
 * or freshly minted; one token serves IMAP and SMTP). Nothing here logs a secret.
 * @param sinceMs when the caller read the account (ms): a refresh failed since then answers with its error.
 * @throws ApiError from the token refresh (oauth-token.ts).
 */
export async function buildMembers(
  ctx: AppContext,
  account: Account,
  wanted: Protocol[],
  sinceMs: number,
): Promise<{ imap?: MailMember; smtp?: MailMember; ews?: EwsMember }> {
  const rows = await ctx.store.credentialsOf(account.id);
  const fields = new Set(rows.map((r) => r.field));
  const secret = (field: string): string => {
    const row = rows.find((r) => r.field === field);
    return row ? ctx.keys.decrypt(row.envelope, `account:${account.id}:${field}`) : '';
  };
  const s = account.settings;
  const out: { imap?: MailMember; smtp?: MailMember; ews?: EwsMember } = {};
  if (wanted.includes('ews')) {
    const host = typeof s.exchange_server_host === 'string' ? s.exchange_server_host : undefined;
    out.ews = {
      url: typeof s.ews_url === 'string' ? s.ews_url : `https://${host ?? account.emailAddress.split('@')[1]}/EWS/Exchange.asmx`,
      username: String(s.username ?? account.emailAddress),
      password: secret('password'),
    };
  }
  const mail = wanted.filter((p): p is 'imap' | 'smtp' => p === 'imap' || p === 'smtp');
  if (!mail.length) return out;
  const platform = oauthPlatform(fields);
  const token = platform ? await releasedAccessToken(ctx, account, platform, sinceMs) : undefined;
  for (const side of mail) {
    const base = {
      host: String(s[`${side}_host`] ?? ''),
      port: Number(s[`${side}_port`]),
      security: resolvedSecurity(s, side),
      username: String(s[`${side}_username`] ?? account.emailAddress),
    };
    out[side] = token
      ? { ...base, auth: 'xoauth2', access_token: token.accessToken, expires_at: token.expiresAt }
      : { ...base, auth: 'password', password: secret(`${side}_password`) };
  }
  return out;
}

/** `auto` as the verification resolved it (mail/starttls.ts planTls): implicit TLS on 993/465, STARTTLS elsewhere. */
function resolvedSecurity(s: Record<string, unknown>, side: 'imap' | 'smtp'): MailMember['security'] {
  const security = (s[`${side}_security`] ?? 'auto') as Security;
  const plan = planTls({ port: Number(s[`${side}_port`]), security, sslRequired: s.ssl_required !== false }, side === 'imap' ? 993 : 465);
  if (plan.implicitTls) return 'ssl';
  return plan.starttls === 'never' ? 'none' : 'starttls';
}
