/**
 * `latchkey apps …` and `latchkey accounts …` run as child processes against a SQLite file in a
 * temp dir (LATCHKEY_DATABASE_URL), as an operator would; accounts are put in that store with
 * the store's own domain operations. Exit codes as documented: 0, 1 failure, 2 usage/config.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.ts';
import { runCli } from '../support/cli.ts';

let dir: string;
let env: Record<string, string>;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'latchkey-cli-'));
  env = { LATCHKEY_DATABASE_URL: `sqlite:${join(dir, 'latchkey.db')}`, LATCHKEY_DATA_DIR: dir, LATCHKEY_EHLO_NAME: 'cli.latchkey.test' };
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function ok(args: string[]): Promise<string> {
  const r = await runCli(args, env);
  assert.equal(r.code, 0, `latchkey ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

describe('apps', () => {
  test('create → list (table and --json) → show (fields and --json); the secret is shown once', async () => {
    const created = JSON.parse(await ok(['apps', 'create', '--name', 'Shop', '--redirect-uri', 'https://shop.example/cb', '--json']));
    assert.match(created.client_id, /^[0-9a-z]{1,25}$/);
    assert.match(created.client_secret, /^lkcs_/);
    const human = await ok(['apps', 'create', '--name', 'Blog']);
    assert.match(human, /^client_id:\s+\S+\nclient_secret:\s+lkcs_\S+\n$/);

    const list = JSON.parse(await ok(['apps', 'list', '--json']));
    assert.deepEqual(list.map((a: { name: string }) => a.name), ['Shop', 'Blog']);
    assert.deepEqual(Object.keys(list[0]).sort(), ['client_id', 'created_at', 'name', 'redirect_uris']);
    assert.equal(JSON.stringify(list).includes('lkcs_'), false, 'list never shows a secret');

    const table = (await ok(['apps', 'list'])).trimEnd().split('\n');
    assert.match(table[0]!, /^CLIENT_ID\s+NAME\s+CREATED\s+REDIRECT_URIS$/);
    assert.equal(table.length, 3);
    assert.match(table[1]!, new RegExp(`^${created.client_id}\\s+Shop\\s+\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\s+https://shop\\.example/cb$`));

    const shown = JSON.parse(await ok(['apps', 'show', created.client_id, '--json']));
    assert.deepEqual(shown, list[0]);
    const fields = await ok(['apps', 'show', created.client_id]);
    assert.match(fields, new RegExp(`^client_id:\\s+${created.client_id}\nname:\\s+Shop\ncreated:\\s+\\S+Z\nredirect_uris:\\s+https://shop\\.example/cb\n$`));
  });

  test('show of an unknown client_id fails with exit 1; a bad redirect URI too', async () => {
    const r = await runCli(['apps', 'show', 'nosuchapp'], env);
    assert.deepEqual([r.code, r.stdout, r.stderr], [1, '', 'latchkey: no application with client_id nosuchapp\n']);
    const bad = await runCli(['apps', 'create', '--name', 'X', '--redirect-uri', 'http://evil.example/cb'], env);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /must be https/);
  });
});

describe('accounts', () => {
  test('list --client (table, --json, --limit/--offset) and show ID, in the v2 management shape', async () => {
    const app = JSON.parse(await ok(['apps', 'create', '--name', 'Mail', '--json']));
    const store = openStore(env.LATCHKEY_DATABASE_URL!);
    const ids: string[] = [];
    try {
      for (const [i, email] of ['ann@example.test', 'ben@example.test', 'cy@example.test'].entries()) {
        const a = await store.upsertAccount({ clientId: app.client_id, emailKey: email, emailAddress: email, name: email, provider: i === 2 ? 'yahoo' : 'imap', settings: {}, scopes: 'email', newId: `acct${i}`, now: 1_700_000_000 + i });
        ids.push(a.id);
      }
    } finally {
      await store.close();
    }
    const all = JSON.parse(await ok(['accounts', 'list', '--client', app.client_id, '--json']));
    assert.deepEqual(all[0], { id: 'acct0', account_id: 'acct0', email: 'ann@example.test', provider: 'imap', sync_state: 'running', billing_state: 'paid', trial: false, authentication_type: 'password', metadata: {}, linked_at: 1_700_000_000 });
    assert.deepEqual(all.map((a: { id: string }) => a.id), ids);
    const page = JSON.parse(await ok(['accounts', 'list', '--client', app.client_id, '--limit', '1', '--offset', '1', '--json']));
    assert.deepEqual(page.map((a: { email: string }) => a.email), ['ben@example.test']);

    const table = (await ok(['accounts', 'list', '--client', app.client_id])).trimEnd().split('\n');
    assert.match(table[0]!, /^ID\s+EMAIL\s+PROVIDER\s+SYNC_STATE\s+BILLING_STATE\s+LINKED_AT$/);
    assert.match(table[3]!, /^acct2\s+cy@example\.test\s+yahoo\s+running\s+paid\s+2023-11-14T22:13:22Z$/);

    assert.deepEqual(JSON.parse(await ok(['accounts', 'show', 'acct1', '--json'])), all[1]);
    assert.match(await ok(['accounts', 'show', 'acct1']), /^id:\s+acct1\naccount_id:\s+acct1\nemail:\s+ben@example\.test\nprovider:\s+imap\nsync_state:\s+running\nbilling_state:\s+paid\nlinked_at:\s+2023-11-14T22:13:21Z\n$/);
  });

  test('unknown account or application: exit 1; a missing --client or a bad --limit: exit 2', async () => {
    const show = await runCli(['accounts', 'show', 'nosuchaccount'], env);
    assert.deepEqual([show.code, show.stderr], [1, 'latchkey: no account with id nosuchaccount\n']);
    const list = await runCli(['accounts', 'list', '--client', 'nosuchapp'], env);
    assert.deepEqual([list.code, list.stderr], [1, 'latchkey: no application with client_id nosuchapp\n']);
    assert.equal((await runCli(['accounts', 'list'], env)).code, 2);
    const limit = await runCli(['accounts', 'list', '--client', 'x', '--limit', 'ten'], env);
    assert.equal(limit.code, 2);
    assert.match(limit.stderr, /expected a whole number/);
  });
});

describe('usage and configuration errors', () => {
  test('an unknown command is exit 2; --help is exit 0; a bad LATCHKEY_* value is exit 2 naming it', async () => {
    const unknown = await runCli(['frobnicate'], env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command 'frobnicate'/);
    const help = await runCli(['--help'], env);
    assert.equal(help.code, 0);
    for (const cmd of ['serve', 'migrate', 'apps', 'accounts', 'doctor']) assert.match(help.stdout, new RegExp(`\\n  ${cmd}\\b`));
    const config = await runCli(['apps', 'list'], { ...env, LATCHKEY_LOG_LEVEL: 'chatty' });
    assert.equal(config.code, 2);
    assert.match(config.stderr, /LATCHKEY_LOG_LEVEL="chatty"/);
  });

  test('migrate applies the schema and says so', async () => {
    assert.equal(await ok(['migrate']), 'migrations applied\n');
  });
});
