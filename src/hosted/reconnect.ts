import type { Config } from '../config/env.ts';
import type { Store } from '../store/store.ts';

/**
 * A ready-made reconnect link for an account (issue 19), carried by the `account.invalid` webhook
 * so an application can send it to the person whose password changed: the hosted login page for
 * the account's application, its first registered redirect URI and the account's scopes, with
 * `reauth_account_id` — the page fills in the address, fixed, and authorizing keeps the account
 * id. The application appends its own `state` (and PKCE `code_challenge`) before sending it.
 * Origin: `LATCHKEY_PUBLIC_URL`, else `http://LATCHKEY_HOST:LATCHKEY_PORT`.
 * @returns the URL, or null when the application has no redirect URI registered.
 */
export async function reconnectUrl(
  deps: { store: Store; config: Pick<Config, 'publicUrl' | 'host' | 'port'> },
  account: { id: string; clientId: string; scopes?: string },
): Promise<string | null> {
  const app = await deps.store.findApplication(account.clientId);
  const redirectUri = app?.redirectUris[0];
  if (!redirectUri) return null;
  const { publicUrl, host, port } = deps.config;
  const origin =
    publicUrl ?? `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${port}`;
  const q = new URLSearchParams({
    client_id: account.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    ...(account.scopes ? { scopes: account.scopes } : {}),
    reauth_account_id: account.id,
  });
  return `${origin}/oauth/authorize?${q}`;
}
