/**
 * `latchkey accounts revoke|delete` as child processes against a SQLite file, as an operator would
 * run them; accounts and tokens are put in that store with the store's own domain operations.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.ts';
import { hashSecret } from '../../src/crypto/tokens.ts';
import type { Store } from '../../src/store/store.ts';
import { runCli } from '../support/cli.ts';

let dir: string;
let env: Record<string, string>;
const TOKENS = ['lkat_cli-one', 'lkat_cli-two', 'lkat_cli-three'];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'latchkey-cli-actions-'));
  env = { LATCHKEY_DATABASE_URL: `sqlite:${join(dir, 'latchkey.db')}`, LATCHKEY_DATA_DIR: dir, LATCHKEY_EHLO_NAME: 'cli.latchkey.test' };
  await withStore(async (store) => {
    await store.createApplication({ clientId: 'app1', name: 'App', secretHash: hashSecret('lkcs_x'), iconUrl: null, redirectUris: [], createdAt: 1 });
    for (const id of ['acctA', 'acctB']) {
      await store.upsertAccount({ clientId: 'app1', emailKey: `${id}@example.test`, emailAddress: `${id}@example.test`, name: id, provider: 'imap', settings: {}, scopes: 'email', newId: id, now: 1 });
      await store.replaceCredentials(id, [{ field: 'imap_password', envelope: 'sealed', keyVersion: 't1' }], 1);
    }
    for (const token of TOKENS) await store.insertToken({ tokenHash: hashSecret(token), accountId: 'acctA', clientId: 'app1', scopes: 'email', codeHash: null, createdAt: 1, updatedAt: 1, revokedAt: null });
    await store.insertToken({ tokenHash: hashSecret('lkat_cli-b'), accountId: 'acctB', clientId: 'app1', scopes: 'email', codeHash: null, createdAt: 1, updatedAt: 1, revokedAt: null });
  });
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function withStore<T>(fn: (s: Store) => Promise<T>): Promise<T> {
  const store = openStore(env.LATCHKEY_DATABASE_URL!);
  try {
    await store.migrate();
    return await fn(store);
  } finally {
    await store.close();
  }
}

const revokedState = () => withStore(async (s) => Promise.all(TOKENS.map(async (t) => (await s.findToken(hashSecret(t)))!.token.revokedAt !== null)));

test('accounts revoke ID --keep-token-stdin keeps exactly that token; again without it revokes it; then none → exit 1', async () => {
  const kept = await runCli(['accounts', 'revoke', 'acctA', '--keep-token-stdin', '--json'], env, `${TOKENS[1]}\n`);
  assert.equal(kept.code, 0, kept.stderr);
  assert.deepEqual(JSON.parse(kept.stdout), { account_id: 'acctA', revoked: 2 });
  assert.deepEqual(await revokedState(), [true, false, true]);
  const all = await runCli(['accounts', 'revoke', 'acctA'], env);
  assert.deepEqual([all.code, all.stdout], [0, 'Revoked 1 token of account acctA.\n']);
  assert.deepEqual(await revokedState(), [true, true, true]);
  const none = await runCli(['accounts', 'revoke', 'acctA'], env);
  assert.deepEqual([none.code, none.stderr], [1, 'latchkey: no tokens found for account acctA\n']);
  const unknown = await runCli(['accounts', 'revoke', 'nosuch'], env);
  assert.deepEqual([unknown.code, unknown.stderr], [1, 'latchkey: no account with id nosuch\n']);
  assert.equal((await runCli(['accounts', 'revoke', 'acctB', '--keep-token-stdin'], env, '\n')).code, 2);
  assert.equal((await withStore((s) => s.findToken(hashSecret('lkat_cli-b'))))!.token.revokedAt, null, 'a refused command changes nothing');
});

test('accounts delete ID removes the account, its credentials and its tokens; a second delete → exit 1', async () => {
  const del = await runCli(['accounts', 'delete', 'acctB'], env);
  assert.deepEqual([del.code, del.stdout], [0, 'Deleted account acctB, its stored credentials and every token.\n']);
  await withStore(async (s) => {
    assert.equal(await s.findAccountById('acctB'), undefined);
    assert.deepEqual(await s.credentialsOf('acctB'), []);
    assert.equal(await s.countActiveTokens('acctB'), 0, 'the token rows went with the account');
    assert.ok(await s.findAccountById('acctA'), 'the other account stays');
  });
  const again = await runCli(['accounts', 'delete', 'acctB', '--json'], env);
  assert.deepEqual([again.code, again.stderr], [1, 'latchkey: no account with id acctB\n']);
});
