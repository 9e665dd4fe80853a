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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { basic } from '../support/connect.ts';
import { startScriptedTokenEndpoint, storeGmailAccount, type ScriptedTokenEndpoint } from '../support/token-endpoint.ts';

type Mode = 'ok' | 'silent' | 'html' | 'oversized' | 'absurd_expiry';
let dir: string;
let lk: Latchkey;
let endpoint: ScriptedTokenEndpoint;
let mode: Mode = 'ok';
let tokenRequests = 0;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lk-cred-tokenep-'));
  endpoint = await startScriptedTokenEndpoint(dir, (email, res) => {
    tokenRequests++;
    const token = `at:${email}:${tokenRequests}`;
    if (mode === 'silent') return; // never answers
    if (mode === 'html') return void res.end('<html><body>Service Unavailable</body></html>');
    if (mode === 'oversized') return void res.end(JSON.stringify({ access_token: 'A'.repeat(200_000), expires_in: 3600 }));
    res.end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: mode === 'absurd_expiry' ? 1e300 : 3599 }));
  });
  lk = await startLatchkey({ ...endpoint.env, LATCHKEY_COMMAND_TIMEOUT_MS: '700', LATCHKEY_AUTHORIZE_TIMEOUT_MS: '1000' });
  assert.equal((await lk.put(`/a/${lk.app.client_id}`, { credentials_release: true }, basic(lk.app.client_secret))).status, 200);
});

after(async () => {
  await lk?.stop();
  endpoint?.close();
  rmSync(dir, { recursive: true, force: true });
});

const storeAccount = (email: string) => storeGmailAccount(lk, email);
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
