/**
 * `latchkey keys rotate|retire` as child processes against a SQLite file holding credentials
 * under an old key (issue 6 §3): batches, progress and counts, resumable after SIGKILL,
 * retire refused while any row still uses the version.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.ts';
import { KeyRing } from '../../src/crypto/keyring.ts';
import { createApplication } from '../../src/app/applications.ts';
import type { Store } from '../../src/store/store.ts';
import { BIN, runCli } from '../support/cli.ts';

const V1 = `v1:${randomBytes(32).toString('base64')}`;
const V2 = `v2:${randomBytes(32).toString('base64')}`;
const ACCOUNTS = 150;
let dir: string;
let db: string;
const passwords = new Map<string, string>();

/** ACCOUNTS accounts, each with an IMAP and an SMTP password under key v1. */
async function seed(): Promise<void> {
  const store = openStore(`sqlite:${db}`);
  await store.migrate();
  const ring = KeyRing.parse(V1);
  const app = await createApplication(store, 'Keys', [], Date.now());
  for (let i = 0; i < ACCOUNTS; i++) {
    const account = await store.upsertAccount({ clientId: app.client_id, emailKey: `u${i}@example.test`, emailAddress: `u${i}@example.test`, name: 'U', provider: 'imap', settings: {}, scopes: 'email', newId: `acc${String(i).padStart(4, '0')}`, now: 1 });
    const rows = ['imap_password', 'smtp_password'].map((field) => {
      const pw = `pw-${i}-${field}-${randomBytes(4).toString('hex')}`;
      passwords.set(`${account.id}:${field}`, pw);
      return { field, envelope: ring.encrypt(pw, `account:${account.id}:${field}`), keyVersion: 'v1' };
    });
    await store.replaceCredentials(account.id, rows, 1);
  }
  await store.close();
}

async function withDb<T>(fn: (s: Store) => Promise<T>): Promise<T> {
  const store = openStore(`sqlite:${db}`);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Every credential decrypts to its own password with the two-key ring, under its own AAD. */
async function assertAllIntact(): Promise<Record<string, number>> {
  const ring = KeyRing.parse(`${V2},${V1}`);
  return withDb(async (store) => {
    for (let i = 0; i < ACCOUNTS; i++) {
      const id = `acc${String(i).padStart(4, '0')}`;
      const creds = await store.credentialsOf(id);
      assert.equal(creds.length, 2, id);
      for (const c of creds) {
        assert.equal(KeyRing.versionOf(c.envelope), c.keyVersion);
        assert.equal(ring.decrypt(c.envelope, `account:${id}:${c.field}`), passwords.get(`${id}:${c.field}`));
      }
    }
    return store.credentialCountsByVersion();
  });
}

const env = (keys: string) => ({ LATCHKEY_DATABASE_URL: `sqlite:${db}`, LATCHKEY_DATA_DIR: dir, LATCHKEY_EHLO_NAME: 'cli.latchkey.test', LATCHKEY_ENCRYPTION_KEYS: keys });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'latchkey-keys-'));
  db = join(dir, 'latchkey.db');
  await seed();
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('keys', () => {
  test('retire refuses the newest key, and a version still in use (naming the count)', async () => {
    const current = await runCli(['keys', 'retire', 'v1'], env(V1));
    assert.equal(current.code, 1);
    assert.match(current.stderr, /v1 is the newest key/);
    const inUse = await runCli(['keys', 'retire', 'v1'], env(`${V2},${V1}`));
    assert.equal(inUse.code, 1);
    assert.match(inUse.stderr, new RegExp(`key v1 is still used by ${ACCOUNTS * 2} stored credential`));
    assert.equal((await runCli(['keys', 'rotate'], { ...env(''), LATCHKEY_ENCRYPTION_KEYS: '' })).code, 2);
  });

  test('rotate in slices: --batches stops early, the rest stays readable, a rerun continues', async () => {
    const slice = await runCli(['keys', 'rotate', '--batch-size', '40', '--batches', '2'], env(`${V2},${V1}`));
    assert.equal(slice.code, 0, slice.stderr);
    assert.deepEqual(slice.stdout.split('\n').filter((l) => l.startsWith('processed')), [`processed 40 of ${ACCOUNTS * 2} stored secrets (credentials, webhook signing secrets, connector client secrets)`, `processed 80 of ${ACCOUNTS * 2} stored secrets (credentials, webhook signing secrets, connector client secrets)`]);
    assert.match(slice.stdout, new RegExp(`key v2: 80 re-encrypted \\(80 credentials, 0 webhook signing secrets, 0 connector client secrets\\), 0 changed meanwhile \\(already current\\), 0 failed, ${ACCOUNTS * 2 - 80} not yet under v2`));
    assert.deepEqual(await assertAllIntact(), { v1: ACCOUNTS * 2 - 80, v2: 80 });
  });

  test('SIGKILL during a rotation, then a rerun: every credential intact and under the new key; then retire succeeds', async () => {
    // One row per transaction, killed as soon as the first batch reports.
    const child = spawn(process.execPath, [BIN, 'keys', 'rotate', '--batch-size', '1'], { env: { ...process.env, ...env(`${V2},${V1}`) }, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve) => {
      child.stdout.once('data', () => { child.kill('SIGKILL'); resolve(); });
      child.once('close', () => resolve());
    });
    if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('close', r));
    const mid = await assertAllIntact();
    assert.equal((mid.v1 ?? 0) + (mid.v2 ?? 0), ACCOUNTS * 2, 'no row lost');

    const rerun = await runCli(['keys', 'rotate', '--json'], env(`${V2},${V1}`));
    assert.equal(rerun.code, 0, rerun.stderr);
    const report = JSON.parse(rerun.stdout);
    assert.deepEqual({ ...report, rotated: undefined, rotatedCredentials: undefined }, { target: 'v2', rotated: undefined, rotatedCredentials: undefined, rotatedWebhookSecrets: 0, rotatedConnectorSecrets: 0, skipped: 0, failed: [], remaining: 0 });
    assert.equal(report.rotated, mid.v1 ?? 0);
    assert.equal(report.rotatedCredentials, mid.v1 ?? 0);
    assert.deepEqual(await assertAllIntact(), { v2: ACCOUNTS * 2 });

    const again = await runCli(['keys', 'rotate'], env(`${V2},${V1}`));
    assert.match(again.stdout, /key v2: 0 re-encrypted.*0 not yet under v2/);
    const retire = await runCli(['keys', 'retire', 'v1'], env(`${V2},${V1}`));
    assert.equal(retire.code, 0, retire.stderr);
    assert.match(retire.stdout, /No stored secret uses key v1/);
  });

  test('a credential the ring cannot decrypt is reported by account and field, left as is, and exits 1', async () => {
    await withDb((s) => s.replaceCredentials('acc0000', [{ field: 'imap_password', envelope: 'lk1:v0:AAAA:BBBB', keyVersion: 'v0' }], 2));
    const r = await runCli(['keys', 'rotate'], env(`${V2},${V1}`));
    assert.equal(r.code, 1);
    assert.match(r.stdout, /failed: account acc0000 imap_password: no key for version v0/);
    assert.match(r.stdout, /1 failed, 1 not yet under v2/);
    assert.equal((await runCli(['keys', 'retire', 'v0'], env(`${V2},${V1}`))).code, 1);
  });
});
