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
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { connect as connectTcp, createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCA, issueCert } from '../peers/pki.ts';
import { createPgDatabase, type PgDatabase } from '../peers/postgres.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { basic } from '../support/connect.ts';
import { newId } from '../../src/crypto/tokens.ts';

let dir: string;
let pg: PgDatabase;
let relay: TcpServer;
let endpoint: Server;
let lk: Latchkey;
let cut = false;
let onTokenRequest: (() => void) | undefined;
const sockets = new Set<Socket>();

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lk-cred-cut-'));
  const ca = await makeCA(dir, 'cred-cut-ca');
  const leaf = await issueCert(dir, ca, { name: 'token-endpoint', dnsNames: ['oauth.latchkey.test'], ipAddresses: ['127.0.0.1'] });
  endpoint = createServer({ key: readFileSync(leaf.keyPath), cert: readFileSync(leaf.certPath) }, (req, res) => {
    req.on('error', () => undefined);
    res.setHeader('content-type', 'application/json');
    if (req.url === '/userinfo') return void res.end(JSON.stringify({ email: String(req.headers.authorization).split(':')[1] }));
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      onTokenRequest?.();
      const email = (new URLSearchParams(body).get('refresh_token') ?? '').split(':')[1];
      res.end(JSON.stringify({ access_token: `at:${email}:${randomBytes(4).toString('hex')}`, token_type: 'Bearer', expires_in: 3599 }));
    });
  });
  endpoint.on('clientError', () => undefined);
  await new Promise<void>((r) => endpoint.listen(0, '127.0.0.1', r));

  pg = await createPgDatabase();
  const target = new URL(pg.url);
  relay = createTcpServer((client) => {
    client.on('error', () => undefined);
    if (cut) return void client.destroy();
    const upstream = connectTcp({ host: target.hostname, port: Number(target.port || 5432) });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
  const viaRelay = new URL(pg.url);
  viaRelay.host = `127.0.0.1:${(relay.address() as { port: number }).port}`;

  writeFileSync(join(dir, 'ca.pem'), ca.certPem);
  const origin = `https://127.0.0.1:${(endpoint.address() as { port: number }).port}`;
  lk = await startLatchkey({
    LATCHKEY_DATABASE_URL: viaRelay.toString(),
    LATCHKEY_TLS_CA_FILE: join(dir, 'ca.pem'),
    LATCHKEY_GOOGLE_TOKEN_URL: `${origin}/token`,
    LATCHKEY_GOOGLE_USERINFO_URL: `${origin}/userinfo`,
  });
  assert.equal((await lk.put(`/a/${lk.app.client_id}`, { credentials_release: true }, basic(lk.app.client_secret))).status, 200);
});

after(async () => {
  await lk?.stop();
  for (const s of sockets) s.destroy();
  relay?.close();
  endpoint?.closeAllConnections();
  endpoint?.close();
  await pg?.drop();
  rmSync(dir, { recursive: true, force: true });
});

test('PostgreSQL cut mid-refresh: store_unavailable, the node stays up, and the next release after it is back does not wait out the dead lease', async () => {
  const email = 'cut@gmail.test';
  const account = await lk.ctx.store.upsertAccount({
    clientId: lk.app.client_id, emailKey: email, emailAddress: email, name: 'N', provider: 'gmail', scopes: 'email', newId: newId(), now: Math.floor(Date.now() / 1000),
    settings: { imap_host: 'imap.example.test', imap_port: 993, imap_username: email, imap_security: 'ssl', smtp_host: 'smtp.example.test', smtp_port: 465, smtp_username: email, smtp_security: 'ssl', ssl_required: true, google_client_id: 'google-app.apps.test' },
  });
  const seal = (field: string, value: string) => ({ field, envelope: lk.ctx.keys.encrypt(value, `account:${account.id}:${field}`), keyVersion: lk.ctx.keys.current });
  await lk.ctx.store.replaceCredentials(account.id, [seal('google_client_secret', 'google-client-secret-XYZ'), seal('google_refresh_token', `rt:${email}`)], 0);
  const release = (signal?: AbortSignal) => fetch(`${lk.url}/a/${lk.app.client_id}/accounts/${account.id}/credentials?protocol=imap`, { headers: basic(lk.app.client_secret), ...(signal ? { signal } : {}) });

  onTokenRequest = () => {
    cut = true;
    for (const s of sockets) s.destroy();
    sockets.clear();
  };
  const during = await release();
  onTokenRequest = undefined;
  const body = await during.json() as { reason: string };
  assert.equal(body.reason, 'store_unavailable', JSON.stringify(body));
  assert.equal((await fetch(`${lk.url}/healthz`)).status, 200);

  cut = false;
  // Without the fix this waits the whole 65 s lease that nobody holds any more.
  const back = await release(AbortSignal.timeout(20_000));
  const view = await back.json() as { imap?: { access_token: string } };
  assert.equal(back.status, 200, JSON.stringify(view));
  assert.match(view.imap!.access_token, /^at:cut@gmail\.test:/);
});
