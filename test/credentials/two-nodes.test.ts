/**
 * The OAuth refresh lease with two Latchkey nodes on one PostgreSQL database (issue 14): 50
 * concurrent credential requests spread over both nodes, for an account whose cached access token
 * is within five minutes of expiry, reach the token endpoint exactly once and all get the token it
 * minted; a refresh token rotated under that concurrency ends up stored (the newest); a revoked one
 * is asked about once, answers every caller 403 and leaves the account invalid. The accounts are
 * written to the store directly (as /connect/token would), so no mail server is involved.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCA } from '../peers/pki.ts';
import { startOAuthServer, type OAuthPeer } from '../peers/oauth-server.ts';
import { createPgDatabase, type PgDatabase } from '../peers/postgres.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { basic } from '../support/connect.ts';
import { newId } from '../../src/crypto/tokens.ts';

const GOOGLE = { clientId: 'google-app.apps.test', clientSecret: 'google-client-secret-XYZ' };
const MS = { clientId: '6731de76-14a6-49ae-97bc-6eba6914391e', clientSecret: 'ms-client-secret~ABC' };
const MINUTE = 60_000;

let dir: string;
let pgdb: PgDatabase;
let oauth: OAuthPeer;
let nodes: Latchkey[];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lk-cred-2n-'));
  const ca = await makeCA(dir, 'cred-2n-ca');
  oauth = await startOAuthServer({ ca, dir });
  writeFileSync(join(dir, 'ca.pem'), ca.certPem);
  pgdb = await createPgDatabase();
  const env = {
    LATCHKEY_DATABASE_URL: pgdb.url,
    LATCHKEY_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    LATCHKEY_TLS_CA_FILE: join(dir, 'ca.pem'),
    LATCHKEY_GOOGLE_TOKEN_URL: oauth.tokenUrl,
    LATCHKEY_GOOGLE_USERINFO_URL: oauth.userinfoUrl,
    LATCHKEY_MICROSOFT_TOKEN_URL: oauth.tokenUrl,
  };
  nodes = [await startLatchkey(env), await startLatchkey(env)];
  await nodes[0]!.put(`/a/${nodes[0]!.app.client_id}`, { credentials_release: true }, basic(nodes[0]!.app.client_secret));
});

after(async () => {
  for (const n of nodes ?? []) await n.stop();
  await pgdb?.drop();
  await oauth?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** An OAuth account as /connect/token stores it: settings in clear, secrets encrypted per field. */
async function storeAccount(email: string, platform: 'google' | 'microsoft', refreshToken: string): Promise<string> {
  const lk = nodes[0]!;
  const creds = platform === 'google' ? GOOGLE : MS;
  const account = await lk.ctx.store.upsertAccount({
    clientId: lk.app.client_id, emailKey: email, emailAddress: email, name: 'N', provider: platform === 'google' ? 'gmail' : 'office365', scopes: 'email', newId: newId(), now: Math.floor(Date.now() / 1000),
    settings: { imap_host: 'imap.example.test', imap_port: 993, imap_username: email, imap_security: 'ssl', smtp_host: 'smtp.example.test', smtp_port: 465, smtp_username: email, smtp_security: 'ssl', ssl_required: true, [`${platform}_client_id`]: creds.clientId },
  });
  const seal = (field: string, value: string) => ({ field, envelope: lk.ctx.keys.encrypt(value, `account:${account.id}:${field}`), keyVersion: lk.ctx.keys.current });
  await lk.ctx.store.replaceCredentials(account.id, [seal(`${platform}_client_secret`, creds.clientSecret), seal(`${platform}_refresh_token`, refreshToken)], 0);
  return account.id;
}

/** `n` concurrent releases, alternating between the two nodes. */
function burst(id: string, n: number): Promise<Array<{ status: number; body: any }>> {
  return Promise.all(Array.from({ length: n }, (_, i) => {
    const lk = nodes[i % 2]!;
    return lk.get(`/a/${nodes[0]!.app.client_id}/accounts/${id}/credentials?protocol=imap`, basic(nodes[0]!.app.client_secret));
  }));
}

const refreshesFor = (rt: string) => oauth.tokenRequests.filter((r) => r.refresh_token?.split('~')[0] === rt.split('~')[0]).length;

test('50 concurrent requests on two nodes for an account whose cached token is about to expire → exactly one refresh', async () => {
  oauth.addAccount({ email: 'cat@gmail.test', refreshToken: 'rt-cat', ...GOOGLE, audience: 'https://mail.google.com/' });
  const id = await storeAccount('cat@gmail.test', 'google', 'rt-cat');
  const cold = await burst(id, 50);
  assert.deepEqual([...new Set(cold.map((r) => r.status))], [200], JSON.stringify(cold.find((r) => r.status !== 200)?.body));
  assert.equal(refreshesFor('rt-cat'), 1, 'no cached token yet: one refresh for 50 callers');
  for (const n of nodes) n.advance(56 * MINUTE);
  const expired = await burst(id, 50);
  assert.deepEqual([...new Set(expired.map((r) => r.status))], [200]);
  assert.equal(refreshesFor('rt-cat'), 2, 'the expiring token: exactly one more refresh');
  const tokens = new Set(expired.map((r) => r.body.imap.access_token));
  assert.deepEqual([...tokens], [oauth.minted.at(-1)], 'every caller got the token that refresh minted');
});

test('a refresh token rotated under concurrency: the newest is stored, and the next refresh uses it', async () => {
  oauth.addAccount({ email: 'rio@contoso.test', refreshToken: 'rt-rio', ...MS, audience: 'https://outlook.office.com', rotate: true });
  const id = await storeAccount('rio@contoso.test', 'microsoft', 'rt-rio');
  const stored = async () => {
    const row = (await nodes[1]!.ctx.store.credentialsOf(id)).find((c) => c.field === 'microsoft_refresh_token')!;
    return nodes[1]!.ctx.keys.decrypt(row.envelope, `account:${id}:microsoft_refresh_token`);
  };
  for (let round = 1; round <= 2; round++) {
    const answers = await burst(id, 50);
    assert.deepEqual([...new Set(answers.map((r) => r.status))], [200]);
    assert.equal(refreshesFor('rt-rio'), round);
    assert.equal(await stored(), oauth.rotated.at(-1));
    for (const n of nodes) n.advance(60 * MINUTE);
  }
  const asked = oauth.tokenRequests.filter((r) => r.refresh_token?.startsWith('rt-rio')).map((r) => r.refresh_token);
  assert.equal(asked[1], oauth.rotated.at(-2), 'the second refresh presented the token the first one rotated in');
});

test('invalid_grant: one request to the token endpoint, every caller 403 refresh_token_revoked, the account invalid', async () => {
  oauth.addAccount({ email: 'rex@gmail.test', refreshToken: 'rt-rex', ...GOOGLE, revoked: true });
  const id = await storeAccount('rex@gmail.test', 'google', 'rt-rex');
  const answers = await burst(id, 20);
  assert.deepEqual([...new Set(answers.map((r) => `${r.status} ${r.body.reason}`))], ['403 refresh_token_revoked']);
  assert.equal(refreshesFor('rt-rex'), 1);
  assert.equal((await nodes[1]!.ctx.store.findAccountById(id))!.syncState, 'invalid');
});
