/**
 * Key rotation covers every secret Latchkey keeps reversibly: the webhooks' signing secrets too.
 * `keys retire` refuses while one still uses the old key (retiring it would break deliveries).
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

test('webhooks add with an unknown --trigger is bad usage (exit 2), refused before any callback is contacted', async () => {
  const env = { LATCHKEY_DATABASE_URL: `sqlite:${db}`, LATCHKEY_DATA_DIR: dir, LATCHKEY_ENCRYPTION_KEYS: `${V2},${V1}` };
  const r = await runCli(['webhooks', 'add', '--client', 'any', '--url', 'https://hooks.example.test/y', '--trigger', 'account.exploded'], env);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /account\.exploded/);
  assert.match(r.stderr, /account\.connected/);
});
