/**
 * Credentials release when PostgreSQL goes away during an OAuth refresh (issue 14, adversarial
 * pass adv-14). The node reaches PostgreSQL through a TCP relay on loopback that the test cuts the
 * moment the token endpoint is asked: the refresh can then neither save its token nor give its
 * lease back. The caller must hear `store_unavailable` (not a generic `internal`), the node must
 * stay up, and once the database is back the next release must not sit out the abandoned lease
 * (authorize timeout + 5 s, 65 s by default): this node knows nobody is refreshing.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgDatabase, type PgDatabase } from '../peers/postgres.ts';
import { startTcpRelay, type TcpRelay } from '../peers/tcp-relay.ts';
import { startScriptedTokenEndpoint, storeGmailAccount, type ScriptedTokenEndpoint } from '../support/token-endpoint.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { basic } from '../support/connect.ts';

let dir: string;
let pg: PgDatabase;
let relay: TcpRelay;
let endpoint: ScriptedTokenEndpoint;
let lk: Latchkey;
let onTokenRequest: (() => void) | undefined;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lk-cred-cut-'));
  endpoint = await startScriptedTokenEndpoint(dir, (email, res) => {
    onTokenRequest?.();
    res.end(JSON.stringify({ access_token: `at:${email}:${randomBytes(4).toString('hex')}`, token_type: 'Bearer', expires_in: 3599 }));
  });
  pg = await createPgDatabase();
  const target = new URL(pg.url);
  relay = await startTcpRelay({ host: target.hostname, port: Number(target.port || 5432) });
  const viaRelay = new URL(pg.url);
  viaRelay.host = `127.0.0.1:${relay.port}`;
  lk = await startLatchkey({ LATCHKEY_DATABASE_URL: viaRelay.toString(), ...endpoint.env });
  assert.equal((await lk.put(`/a/${lk.app.client_id}`, { credentials_release: true }, basic(lk.app.client_secret))).status, 200);
});

after(async () => {
  await lk?.stop();
  await relay?.close();
  endpoint?.close();
  await pg?.drop();
  rmSync(dir, { recursive: true, force: true });
});

test('PostgreSQL cut mid-refresh: store_unavailable, the node stays up, and the next release after it is back does not wait out the dead lease', async () => {
  const email = 'cut@gmail.test';
  const account = { id: await storeGmailAccount(lk, email) };
  const release = (signal?: AbortSignal) => fetch(`${lk.url}/a/${lk.app.client_id}/accounts/${account.id}/credentials?protocol=imap`, { headers: basic(lk.app.client_secret), ...(signal ? { signal } : {}) });

  onTokenRequest = () => relay.cut();
  const during = await release();
  onTokenRequest = undefined;
  const body = await during.json() as { reason: string };
  assert.equal(body.reason, 'store_unavailable', JSON.stringify(body));
  assert.equal((await fetch(`${lk.url}/healthz`)).status, 200);

  relay.restore();
  // Without the fix this waits the whole 65 s lease that nobody holds any more.
  const back = await release(AbortSignal.timeout(20_000));
  const view = await back.json() as { imap?: { access_token: string } };
  assert.equal(back.status, 200, JSON.stringify(view));
  assert.match(view.imap!.access_token, /^at:cut@gmail\.test:/);
});
