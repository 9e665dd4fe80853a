import type { AppContext } from '../app/context.ts';
import { ApiError } from '../errors/api-error.ts';
import { verifyContext } from '../mail/context.ts';
import { verifyCredentials } from '../providers/verify.ts';
import type { Security, ServerLogin } from '../mail/login.ts';
import type { Account } from '../store/store.ts';
import type { AuthorizeRequest } from '../connect/request.ts';
import { oauthPlatform, storedOAuthCredentials } from '../credentials/stored.ts';

/**
 * Re-verifies one account's stored credentials exactly as authorize did (IMAP, then SMTP; OAuth
 * providers mint a fresh access token from the stored refresh token first; Exchange asks EWS),
 * with the server's resolver, destination policy, trust anchors and timeouts, bounded by the
 * authorize timeout. Secrets are decrypted with the key ring under AAD `account:<id>:<field>`
 * and live only for the duration of the check; they are never logged. A refresh token the
 * endpoint rotates during the check is stored in place of the old one.
 * @throws ApiError as verification does (403 = the provider refused the credentials, a revoked
 *   refresh token among them; 5xx = the provider was unreachable, slow or refusing for now;
 *   422 = settings that no longer work).
 */
export async function verifyStoredCredentials(ctx: AppContext, account: Account): Promise<void> {
  const secrets = new Map<string, string>();
  for (const row of await ctx.store.credentialsOf(account.id)) {
    secrets.set(row.field, ctx.keys.decrypt(row.envelope, `account:${account.id}:${row.field}`));
  }
  const request = storedRequest(ctx, account, secrets);
  const controller = new AbortController();
  const v = { ...verifyContext(ctx.dial, ctx.config, request), signal: controller.signal };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ApiError('response_timeout')), ctx.config.timeouts.authorizeMs);
  });
  const deps = { config: ctx.config, providers: ctx.providers, dns: ctx.detect.dns, metrics: ctx.metrics };
  try {
    const facts = await Promise.race([verifyCredentials(deps, request, v), deadline]);
    if (facts.rotatedRefreshToken && request.method === 'oauth')
      await storeRotated(ctx, account, `${request.platform}_refresh_token`, facts.rotatedRefreshToken);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** The stored account as the request that created it (settings in clear, secrets decrypted). */
function storedRequest(ctx: AppContext, account: Account, secrets: Map<string, string>): AuthorizeRequest {
  const s = account.settings;
  const entry = ctx.providers[account.provider];
  const base = {
    clientId: account.clientId,
    name: account.name,
    emailAddress: account.emailAddress,
    emailKey: account.emailKey,
    provider: account.provider,
    scopes: account.scopes,
    reauthAccountId: undefined,
    providerLabel: entry?.label,
    appPasswordsUsual: Boolean(entry?.appPasswords),
    imapLoginAfterPlain: Boolean(entry?.imapLoginAfterPlain),
  };
  if (entry?.auth === 'exchange' && account.provider !== 'imap') {
    const host = typeof s.exchange_server_host === 'string' ? s.exchange_server_host : undefined;
    const [h, port] = host ? splitHostPort(host) : [undefined, 443];
    return {
      ...base,
      method: 'exchange',
      exchange: {
        username: String(s.username ?? account.emailAddress),
        password: secrets.get('password') ?? '',
        server: h ? { host: h, port } : undefined,
        ...(typeof s.ews_url === 'string' ? { ewsUrl: new URL(s.ews_url) } : {}),
      },
    };
  }
  const sslRequired = s.ssl_required !== false;
  const login = (side: 'imap' | 'smtp'): ServerLogin => ({
    host: String(s[`${side}_host`] ?? ''),
    port: Number(s[`${side}_port`]),
    security: (s[`${side}_security`] ?? 'auto') as Security,
    sslRequired,
    username: String(s[`${side}_username`] ?? account.emailAddress),
    password: secrets.get(`${side}_password`) ?? '',
    usernameDefaulted: false,
  });
  const platform = oauthPlatform(secrets);
  if (platform) {
    return {
      ...base,
      method: 'oauth',
      platform,
      oauth: storedOAuthCredentials(account, platform, secrets),
      imap: login('imap'),
      smtp: login('smtp'),
    };
  }
  return { ...base, method: 'password', imap: login('imap'), smtp: login('smtp') };
}

/** `host`, `host:port`, `[v6]`, `[v6]:port` or a bare IPv6 address; port 443 when absent. */
function splitHostPort(value: string): [string, number] {
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(value) ?? /^([^:]+)(?::(\d+))?$/.exec(value);
  return m ? [m[1]!, m[2] ? Number(m[2]) : 443] : [value, 443];
}

/** Replaces one stored secret (the other fields stay as they are). */
async function storeRotated(ctx: AppContext, account: Account, field: string, value: string): Promise<void> {
  const nowSec = Math.floor(ctx.now() / 1000);
  const rows = await ctx.store.credentialsOf(account.id);
  await ctx.store.replaceCredentials(
    account.id,
    rows.map((row) =>
      row.field === field
        ? { field, envelope: ctx.keys.encrypt(value, `account:${account.id}:${field}`), keyVersion: ctx.keys.current }
        : { field: row.field, envelope: row.envelope, keyVersion: row.keyVersion },
    ),
    nowSec,
  );
}
