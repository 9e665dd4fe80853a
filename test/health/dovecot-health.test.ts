/**
 * The credential health check against a real Dovecot: the password is changed in Dovecot's
 * passwd-file (Dovecot re-reads it when it changes) → the next check marks the account invalid
 * (management view `invalid-credentials`); restored and re-authorized → `running`; Dovecot stopped
 * → the check fails with a network error and the account is NOT marked invalid.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { basic, connectAccount } from '../support/connect.ts';
import { HealthChecker } from '../../src/health/checker.ts';
import { verifyStoredCredentials } from '../../src/health/verify-account.ts';

const USER = 'hana@example.test';
let dovecot: DovecotPeer;
let lk: Latchkey;
let hc: HealthChecker;
let clock = Date.now();

before(async () => {
  dovecot = await startDovecot({ users: { [USER]: 'hana-first-secret' } });
  lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: dovecot.caPath, LATCHKEY_CONNECT_TIMEOUT_MS: '2000' });
  hc = new HealthChecker(
    { store: lk.ctx.store, log: lk.ctx.log, now: () => clock, random: () => 0, check: (a) => verifyStoredCredentials(lk.ctx, a) },
    { intervalMs: 60_000, jitter: 0, concurrency: 2, maxBackoffMs: 600_000 },
  );
});
after(async () => {
  await lk?.stop();
  await dovecot?.stop();
});

/** Rewrites the user's line of Dovecot's passwd-file and waits past the file's mtime granularity. */
async function setPassword(from: string, to: string): Promise<void> {
  const file = join(dovecot.dir, 'users');
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(`{PLAIN}${from}:`));
  await new Promise((r) => setTimeout(r, 1100)); // Dovecot notices a change by mtime (seconds)
  writeFileSync(file, text.replace(`{PLAIN}${from}:`, `{PLAIN}${to}:`));
}

/** `sync_state` as `GET /account` and as the management API say it. */
const state = async (acct: { id: string; access_token: string }) => ({
  account: (await lk.get('/account', { authorization: `Bearer ${acct.access_token}` })).body.sync_state,
  management: (await lk.get(`/a/${lk.app.client_id}/accounts/${acct.id}`, basic(lk.app.client_secret))).body.sync_state,
});

test('changed password → invalid; restored and re-authorized → running; Dovecot down → not invalid', async () => {
  const acct = await connectAccount(lk, dovecot, USER);
  assert.deepEqual(await hc.runOnce(), { checked: 1, ok: 1, invalid: 0, deferred: 0 });
  assert.deepEqual(await state(acct), { account: 'running', management: 'running' });

  await setPassword('hana-first-secret', 'hana-changed-secret');
  clock += 60_000;
  assert.deepEqual(await hc.runOnce(), { checked: 1, ok: 0, invalid: 1, deferred: 0 });
  assert.deepEqual(await state(acct), { account: 'invalid', management: 'invalid-credentials' });
  assert.ok(lk.logs.some((l) => l.includes('"event":"health.check"') && l.includes('"outcome":"invalid_credentials"')));
  clock += 60_000;
  assert.equal((await hc.runOnce()).checked, 0, 'an invalid account is not re-checked with the refused password');

  await setPassword('hana-changed-secret', 'hana-first-secret');
  const again = await connectAccount(lk, dovecot, USER);
  assert.equal(again.id, acct.id);
  assert.deepEqual(await state(acct), { account: 'running', management: 'running' });
  clock += 60_000;
  assert.deepEqual(await hc.runOnce(), { checked: 1, ok: 1, invalid: 0, deferred: 0 });

  await dovecot.stop();
  clock += 60_000;
  assert.deepEqual(await hc.runOnce(), { checked: 1, ok: 0, invalid: 0, deferred: 1 });
  assert.deepEqual(await state(acct), { account: 'running', management: 'running' });
  assert.equal(hc.nextCheckAt(acct.id), clock + 120_000, 'backed off: two intervals');
  for (const secret of ['hana-first-secret', 'hana-changed-secret']) assert.equal(lk.logs.join('\n').includes(secret), false, 'no password in the logs');
});
