import type { AppContext } from '../app/context.ts';
import { ApiError } from '../errors/api-error.ts';
import { verifyImap } from '../verify/imap.ts';
import { verifySmtp } from '../verify/smtp.ts';
import { verifyContext } from '../verify/context.ts';
import type { Security, ServerLogin } from '../verify/types.ts';
import type { Account } from '../store/store.ts';

/**
 * Re-verifies one account's stored credentials exactly as authorize did (IMAP, then SMTP, with the
 * server's resolver, destination policy, trust anchors and timeouts), bounded by the authorize
 * timeout. The passwords are decrypted with the key ring under AAD `account:<id>:<field>` and
 * live only for the duration of the check; they are never logged.
 * @throws ApiError as verification does (403 = the provider refused the credentials; 5xx = the
 *   provider was unreachable, slow or refusing for now; 422 = settings that no longer work).
 */
export async function verifyStoredCredentials(ctx: AppContext, account: Account): Promise<void> {
  const secrets = new Map<string, string>();
  for (const row of await ctx.store.credentialsOf(account.id)) {
    secrets.set(row.field, ctx.keys.decrypt(row.envelope, `account:${account.id}:${row.field}`));
  }
  const s = account.settings;
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
  const entry = ctx.providers[account.provider];
  const v = verifyContext(ctx.dial, ctx.config, { providerLabel: entry?.label, appPasswordsUsual: Boolean(entry?.appPasswords) });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ApiError('response_timeout')), ctx.config.timeouts.authorizeMs);
  });
  try {
    await Promise.race([(async () => {
      await verifyImap(login('imap'), v);
      await verifySmtp(login('smtp'), v);
    })(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
