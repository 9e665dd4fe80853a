import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startLatchkey, type Latchkey } from './latchkey.ts';

/**
 * What the hosted login tests sign in against: a real Dovecot, known to detection as the password
 * provider `testmail` for `example.test` (a providers file), and a Latchkey that trusts it, with
 * `redirect` registered as its application's redirect URI. `env` adds to the Latchkey's settings.
 */
export async function startHostedApp(redirect: string, env: Record<string, string> = {}): Promise<{ dovecot: DovecotPeer; lk: Latchkey }> {
  const dovecot = await startDovecot();
  const providersFile = join(dovecot.dir, 'providers.json');
  const imap = { host: dovecot.host, port: dovecot.imapTlsPort, security: 'ssl' };
  const smtp = { host: dovecot.host, port: dovecot.submissionStartTlsPort, security: 'starttls' };
  writeFileSync(providersFile, JSON.stringify({ testmail: { auth: 'password', domains: ['example.test'], imap, smtp } }));
  const lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: dovecot.caPath, LATCHKEY_PROVIDERS_FILE: providersFile, ...env });
  await lk.ctx.store.updateApplication(lk.app.client_id, { redirectUris: [redirect] });
  return { dovecot, lk };
}

/**
 * What a browser does on the hosted login page at `pageUrl`: GET it (asserting 200), then post the
 * form — its hidden `request` and `csrf_token`, the name Ada, `email` and `password` — with the
 * page's cookie. Returns the answer to the post, not followed.
 */
export async function submitHostedLogin(lk: Latchkey, pageUrl: string | URL, email: string, password: string): Promise<Response> {
  const page = await fetch(pageUrl);
  assert.equal(page.status, 200, await page.clone().text());
  const html = await page.text();
  const field = (n: string) => new RegExp(`name="${n}" value="([^"]+)"`).exec(html)![1]!;
  const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
  return fetch(`${lk.url}/oauth/authorize`, {
    method: 'POST', redirect: 'manual', headers: { cookie },
    body: new URLSearchParams({ request: field('request'), csrf_token: field('csrf_token'), name: 'Ada', email_address: email, password }),
  });
}
