/**
 * Key rotation covers every secret Latchkey keeps reversibly: the webhooks' signing secrets too.
 * `keys retire` refuses while one still uses the old key (retiring it would break deliveries),
 * and refuses a version that exists nowhere (a typo must not be told "safe to remove"); the
 * rotate messages count every kind of stored secret (issue 18).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.ts';
import { KeyRing } from '../../src/crypto/keyring.ts';
import { createApplication } from '../../src/app/applications.ts';
import { runCli } from '../support/cli.ts';

const V1 = `v1:${randomBytes(32).toString('base64')}`;
const V2 = `v2:${randomBytes(32).toString('base64')}`;
let dir: string;
let db: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'latchkey-keys-hooks-'));
  db = join(dir, 'latchkey.db');
  const store = openStore(`sqlite:${db}`);
  await store.migrate();
  const app = await createApplication(store, 'Hooks', [], Date.now());
  await store.createWebhook({
    id: 'wh1', clientId: app.client_id, callbackUrl: 'https://hooks.example.test/x', triggers: ['account.connected'],
    secretEnvelope: KeyRing.parse(V1).encrypt('lkws_signing-secret-1', 'webhook:wh1:signing_secret'), keyVersion: 'v1', createdAt: 1,
  });
  await store.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('retire refuses while a webhook secret uses the key; rotate re-encrypts it; then retire agrees', async () => {
  const env = { LATCHKEY_DATABASE_URL: `sqlite:${db}`, LATCHKEY_DATA_DIR: dir, LATCHKEY_ENCRYPTION_KEYS: `${V2},${V1}` };
  const refused = await runCli(['keys', 'retire', 'v1'], env);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /still used by 1 webhook signing secret/);
  const rotate = await runCli(['keys', 'rotate', '--json'], env);
  assert.equal(rotate.code, 0, rotate.stderr);
  assert.equal(JSON.parse(rotate.stdout).remaining, 0);
  const store = openStore(`sqlite:${db}`);
  const [hook] = await store.webhooksNotUnder('none');
  await store.close();
  assert.equal(hook?.keyVersion, 'v2');
  assert.equal(KeyRing.parse(V2).decrypt(hook!.secretEnvelope, 'webhook:wh1:signing_secret'), 'lkws_signing-secret-1');
  assert.equal((await runCli(['keys', 'retire', 'v1'], env)).code, 0);
});

test('retire refuses a version that is in neither the key ring nor the database (V2, " v2", v9), naming the versions that exist', async () => {
  const env = { LATCHKEY_DATABASE_URL: `sqlite:${db}`, LATCHKEY_DATA_DIR: dir, LATCHKEY_ENCRYPTION_KEYS: `${V2},${V1}` };
  for (const typo of ['V1', ' v1', 'v9']) {
    const r = await runCli(['keys', 'retire', typo], env);
    assert.equal(r.code, 1, `retire ${JSON.stringify(typo)}: ${r.stdout}`);
    assert.match(r.stderr, /unknown key version/);
    assert.match(r.stderr, /LATCHKEY_ENCRYPTION_KEYS has v2, v1/);
    assert.doesNotMatch(r.stdout, /Remove/);
  }
});

test('rotate counts credentials and webhook signing secrets alike, in its progress and its summary', async () => {
  const own = mkdtempSync(join(tmpdir(), 'latchkey-keys-count-'));
  const file = join(own, 'latchkey.db');
  try {
    const ring = KeyRing.parse(V1);
    const store = openStore(`sqlite:${file}`);
    await store.migrate();
    const app = await createApplication(store, 'Count', [], Date.now());
    const account = await store.upsertAccount({ clientId: app.client_id, emailKey: 'c@example.test', emailAddress: 'c@example.test', name: 'C', provider: 'imap', settings: {}, scopes: 'email', newId: 'acc-count', now: 1 });
    await store.replaceCredentials(account.id, ['imap_password', 'smtp_password'].map((field) => ({ field, envelope: ring.encrypt('pw', `account:${account.id}:${field}`), keyVersion: 'v1' })), 1);
    await store.createWebhook({
      id: 'wh-count', clientId: app.client_id, callbackUrl: 'https://hooks.example.test/c', triggers: ['account.connected'],
      secretEnvelope: ring.encrypt('lkws_s', 'webhook:wh-count:signing_secret'), keyVersion: 'v1', createdAt: 1,
    });
    await store.close();
    const r = await runCli(['keys', 'rotate'], { LATCHKEY_DATABASE_URL: `sqlite:${file}`, LATCHKEY_DATA_DIR: own, LATCHKEY_ENCRYPTION_KEYS: `${V2},${V1}` });
    assert.equal(r.code, 0, r.stderr);
    const progress = r.stdout.split('\n').filter((l) => l.startsWith('processed'));
    assert.equal(progress.at(-1), 'processed 3 of 3 stored secrets (credentials, webhook signing secrets, connector client secrets)', r.stdout);
    assert.match(r.stdout, /key v2: 3 re-encrypted \(2 credentials, 1 webhook signing secrets, 0 connector client secrets\), 0 changed meanwhile \(already current\), 0 failed, 0 not yet under v2/);
  } finally {
    rmSync(own, { recursive: true, force: true });
  }
});

test('a v3 connector client secret under the old key: retire refuses, rotate re-encrypts it (still readable by connectorFor), then retire agrees', async () => {
  const own = mkdtempSync(join(tmpdir(), 'latchkey-keys-conn-'));
  const file = join(own, 'latchkey.db');
  const env = { LATCHKEY_DATABASE_URL: `sqlite:${file}`, LATCHKEY_DATA_DIR: own, LATCHKEY_ENCRYPTION_KEYS: `${V2},${V1}` };
  try {
    const store = openStore(`sqlite:${file}`);
    await store.migrate();
    const app = await createApplication(store, 'Conn', [], Date.now());
    const aad = `connector:${app.client_id}:google:client_secret`;
    await store.createConnector({
      clientId: app.client_id, provider: 'google', name: 'Google', settings: { client_id: 'g-client' }, scope: ['openid'],
      secretEnvelope: KeyRing.parse(V1).encrypt('g-client-secret', aad), keyVersion: 'v1', createdAt: 1, updatedAt: 1,
    });
    await store.close();
    const refused = await runCli(['keys', 'retire', 'v1'], env);
    assert.equal(refused.code, 1, refused.stdout);
    assert.match(refused.stderr, /still used by 1 connector client secret/);
    const r = await runCli(['keys', 'rotate'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /key v2: 1 re-encrypted \(0 credentials, 0 webhook signing secrets, 1 connector client secrets\), .* 0 not yet under v2/);
    const after = openStore(`sqlite:${file}`);
    const connector = await after.findConnector(app.client_id, 'google');
    await after.close();
    assert.equal(connector?.keyVersion, 'v2');
    assert.equal(KeyRing.parse(V2).decrypt(connector!.secretEnvelope, aad), 'g-client-secret');
    assert.equal((await runCli(['keys', 'retire', 'v1'], env)).code, 0);
  } finally {
    rmSync(own, { recursive: true, force: true });
  }
});

test('webhooks add with an unknown --trigger is bad usage (exit 2), refused before any callback is contacted', async () => {
  const env = { LATCHKEY_DATABASE_URL: `sqlite:${db}`, LATCHKEY_DATA_DIR: dir, LATCHKEY_ENCRYPTION_KEYS: `${V2},${V1}` };
  const r = await runCli(['webhooks', 'add', '--client', 'any', '--url', 'https://hooks.example.test/y', '--trigger', 'account.exploded'], env);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /account\.exploded/);
  assert.match(r.stderr, /account\.connected/);
});
