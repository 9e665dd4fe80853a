/**
 * `latchkey apps rotate-secret|delete` as child processes, and `GET /a/{client_id}/ip_addresses`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.ts';
import { authenticateClient } from '../../src/connect/clients.ts';
import { runCli } from '../support/cli.ts';
import { startLatchkey } from '../support/latchkey.ts';

let dir: string;
let env: Record<string, string>;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'latchkey-apps-'));
  env = { LATCHKEY_DATABASE_URL: `sqlite:${join(dir, 'latchkey.db')}`, LATCHKEY_DATA_DIR: dir };
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function accepts(clientId: string, secret: string): Promise<boolean> {
  const store = openStore(env.LATCHKEY_DATABASE_URL!.replace(/^/, ''));
  try {
    await authenticateClient(store, clientId, secret);
    return true;
  } catch {
    return false;
  } finally {
    await store.close();
  }
}

test('rotate-secret: a new secret, the old one valid for the grace period; --grace 0 ends it at once', async () => {
  const created = JSON.parse((await runCli(['apps', 'create', '--name', 'Rot', '--json'], env)).stdout);
  const r1 = await runCli(['apps', 'rotate-secret', created.client_id, '--grace', '3600', '--json'], env);
  assert.equal(r1.code, 0, r1.stderr);
  const rotated = JSON.parse(r1.stdout);
  assert.match(rotated.client_secret, /^lkcs_/);
  assert.notEqual(rotated.client_secret, created.client_secret);
  assert.ok(rotated.previous_secret_valid_until > Date.now() / 1000 + 3500);
  assert.equal(await accepts(created.client_id, rotated.client_secret), true);
  assert.equal(await accepts(created.client_id, created.client_secret), true, 'the old secret overlaps');
  const r2 = JSON.parse((await runCli(['apps', 'rotate-secret', created.client_id, '--grace', '0', '--json'], env)).stdout);
  assert.equal(await accepts(created.client_id, r2.client_secret), true);
  assert.equal(await accepts(created.client_id, rotated.client_secret), false, 'no grace: the previous secret stops at once');
  assert.equal(await accepts(created.client_id, created.client_secret), false);
  const missing = await runCli(['apps', 'rotate-secret', 'nosuchclient'], env);
  assert.equal(missing.code, 1);
});

test('delete needs --yes, then removes the application', async () => {
  const created = JSON.parse((await runCli(['apps', 'create', '--name', 'Gone', '--json'], env)).stdout);
  assert.equal((await runCli(['apps', 'delete', created.client_id], env)).code, 2, 'refused without --yes');
  const del = await runCli(['apps', 'delete', created.client_id, '--yes'], env);
  assert.equal(del.code, 0, del.stderr);
  assert.equal((await runCli(['apps', 'show', created.client_id], env)).code, 1);
  assert.equal(await accepts(created.client_id, created.client_secret), false);
});

test('GET /a/{client_id}/ip_addresses answers the configured egress addresses', async () => {
  const lk = await startLatchkey({ LATCHKEY_EGRESS_IPS: '203.0.113.7, 2001:db8::7' });
  try {
    const auth = { authorization: `Basic ${Buffer.from(`${lk.app.client_secret}:`).toString('base64')}` };
    const r = await lk.get(`/a/${lk.app.client_id}/ip_addresses`, auth);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.ip_addresses, ['203.0.113.7', '2001:db8::7']);
    assert.equal(typeof r.body.updated_at, 'number');
    assert.equal((await lk.get(`/a/${lk.app.client_id}/ip_addresses`)).status, 401);
  } finally {
    await lk.stop();
  }
});
