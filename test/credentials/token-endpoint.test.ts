/**
 * Credentials release when the OAuth token endpoint misbehaves during a refresh (issue 14, the
 * adversarial pass adv-14): it never answers, answers a page that is not JSON, an answer larger
 * than 64 KiB, or an `expires_in` no provider sends (Google and Microsoft send about 3,600 s).
 * A real OAuth server cannot be made to do these, so the endpoint is scripted here on loopback
 * (HTTPS with a test CA); the server must answer each with its catalogue error and stay up, and
 * must never cache a token for longer than a provider could have meant.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCA, issueCert } from '../peers/pki.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { basic } from '../support/connect.ts';
import { newId } from '../../src/crypto/tokens.ts';

type Mode = 'ok' | 'silent' | 'html' | 'oversized' | 'absurd_expiry';
let dir: string;
let lk: Latchkey;
let endpoint: Server;
let mode: Mode = 'ok';
let tokenRequests = 0;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lk-cred-tokenep-'));
  const ca = await makeCA(dir, 'cred-tokenep-ca');
  const leaf = await issueCert(dir, ca, { name: 'token-endpoint', dnsNames: ['oauth.latchkey.test'], ipAddresses: ['127.0.0.1'] });
  endpoint = createServer({ key: readFileSync(leaf.keyPath), cert: readFileSync(leaf.certPath) }, (req, res) => {
    req.on('error', () => undefined);
    res.setHeader('content-type', 'application/json');
    // userinfo: the address the access token was minted for (`at:<email>:<n>`).
    if (req.url === '/userinfo') return void res.end(JSON.stringify({ email: String(req.headers.authorization).split(':')[1] }));
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      tokenRequests++;
      const email = (new URLSearchParams(body).get('refresh_token') ?? '').split(':')[1];
      const token = `at:${email}:${tokenRequests}`;
      if (mode === 'silent') return; // never answers
      if (mode === 'html') return void res.end('<html><body>Service Unavailable</body></html>');
      if (mode === 'oversized') return void res.end(JSON.stringify({ access_token: 'A'.repeat(200_000), expires_in: 3600 }));
      res.end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: mode === 'absurd_expiry' ? 1e300 : 3599 }));
    });
  });
  endpoint.on('clientError', () => undefined);
  await new Promise<void>((r) => endpoint.listen(0, '127.0.0.1', r));
  const origin = `https://127.0.0.1:${(endpoint.address() as { port: number }).port}`;
  writeFileSync(join(dir, 'ca.pem'), ca.certPem);
  lk = await startLatchkey({
    LATCHKEY_TLS_CA_FILE: join(dir, 'ca.pem'),
    LATCHKEY_GOOGLE_TOKEN_URL: `${origin}/token`,
    LATCHKEY_GOOGLE_USERINFO_URL: `${origin}/userinfo`,
    LATCHKEY_COMMAND_TIMEOUT_MS: '700',
    LATCHKEY_AUTHORIZE_TIMEOUT_MS: '1000',
  });
  assert.equal((await lk.put(`/a/${lk.app.client_id}`, { credentials_release: true }, basic(lk.app.client_secret))).status, 200);
});

after(async () => {
  await lk?.stop();
  endpoint?.closeAllConnections();
  endpoint?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A gmail account as /connect/token stores it (refresh token `rt:<email>`). */
async function storeAccount(email: string): Promise<string> {
  const account = await lk.ctx.store.upsertAccount({
    clientId: lk.app.client_id, emailKey: email, emailAddress: email, name: 'N', provider: 'gmail', scopes: 'email', newId: newId(), now: Math.floor(Date.now() / 1000),
    settings: { imap_host: 'imap.example.test', imap_port: 993, imap_username: email, imap_security: 'ssl', smtp_host: 'smtp.example.test', smtp_port: 465, smtp_username: email, smtp_security: 'ssl', ssl_required: true, google_client_id: 'google-app.apps.test' },
  });
  const seal = (field: string, value: string) => ({ field, envelope: lk.ctx.keys.encrypt(value, `account:${account.id}:${field}`), keyVersion: lk.ctx.keys.current });
  await lk.ctx.store.replaceCredentials(account.id, [seal('google_client_secret', 'google-client-secret-XYZ'), seal('google_refresh_token', `rt:${email}`)], 0);
  return account.id;
}

const imap = (id: string) => lk.get(`/a/${lk.app.client_id}/accounts/${id}/credentials?protocol=imap`, basic(lk.app.client_secret));

test('an endpoint that never answers, answers HTML or more than 64 KiB: 504 / 502 catalogue errors, the server stays up, the next call asks again', async () => {
  const id = await storeAccount('slow@gmail.test');
  for (const [m, status, reason] of [['silent', 504, 'response_timeout'], ['html', 502, 'protocol_error'], ['oversized', 502, 'protocol_error']] as const) {
    mode = m;
    const before = tokenRequests;
    const r = await imap(id);
    assert.deepEqual([r.status, r.body.reason, r.body.step], [status, reason, 'oauth.refresh'], `${m}: ${JSON.stringify(r.body)}`);
    assert.equal(tokenRequests, before + 1);
  }
  mode = 'ok';
  const ok = await imap(id);
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.match(ok.body.imap.access_token, /^at:slow@gmail\.test:/);
  assert.equal((await fetch(`${lk.url}/healthz`)).status, 200);
});

test('an absurd expires_in (1e300 s) is not believed: the token is cached at most 24 hours, then minted again', async () => {
  const id = await storeAccount('forever@gmail.test');
  mode = 'absurd_expiry';
  const first = await imap(id);
  assert.equal(first.status, 200, JSON.stringify(first.body));
  const expiresAt = first.body.imap.expires_at as number;
  assert.ok(Number.isSafeInteger(expiresAt) && expiresAt <= Math.ceil(Date.now() / 1000) + 24 * 3600, `expires_at ${expiresAt}`);
  mode = 'ok';
  lk.advance(24 * 3600_000);
  const later = await imap(id);
  assert.equal(later.status, 200, JSON.stringify(later.body));
  assert.notEqual(later.body.imap.access_token, first.body.imap.access_token, 'a token cached past any real lifetime');
});
