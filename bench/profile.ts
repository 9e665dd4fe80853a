/**
 * CPU profile of one Latchkey node under load (how the bench's hot spots were found): starts
 * bench/peers/latchkey-node.mjs with `--cpu-prof` (profiles under /tmp/latchkey-prof), loads
 * `GET /account` (default), `/connect/token` (`token`) or a credentials release of a cached OAuth
 * token (`credentials`, `GET /a/{client_id}/accounts/{id}/credentials?protocol=imap`) with wrk
 * for 4 s, stops the node.
 *   node --import tsx bench/profile.ts [account|token|credentials]    (DB=postgres://… to profile PostgreSQL; C=connections)
 * Open the .cpuprofile in Chrome DevTools (Performance → Load profile).
 */
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startChild, freePort } from './lib/child.ts';
import { mintCodes, newKeys, prepareDatabase } from './lib/setup.ts';
import { wrk } from './lib/wrk.ts';
import { readFileSync } from 'node:fs';
import { openStore } from '../src/store/open.ts';
import { KeyRing } from '../src/crypto/keyring.ts';
const dir = mkdtempSync(join(tmpdir(), 'lkprof-'));
const keys = newKeys();
const url = process.env.DB ?? `sqlite:${join(dir, 'db.sqlite')}`;
const app = await prepareDatabase(url);
await mintCodes(url, keys, app, 20000, join(dir, 'codes.txt'), 'x');
const port = await freePort();
const c = await startChild(['--cpu-prof', '--cpu-prof-dir', '/tmp/latchkey-prof', '--import', 'tsx', 'bench/peers/latchkey-node.mjs'], {
  LATCHKEY_PORT: String(port), LATCHKEY_DATA_DIR: dir, LATCHKEY_LOG_LEVEL: 'info', LATCHKEY_DATABASE_URL: url, LATCHKEY_ENCRYPTION_KEYS: keys,
  LATCHKEY_HEALTH_INTERVAL_S: '0', LATCHKEY_LIMIT_CREDENTIALS_PER_MINUTE: '10000000', LATCHKEY_DATABASE_POOL_SIZE: '16', LATCHKEY_WEBHOOK_POLL_MS: '0', LATCHKEY_DNS_SERVERS: '127.0.0.1:1',
});
const mode = process.argv[2] ?? 'account';
if (mode === 'account') {
  const line = readFileSync(join(dir, 'codes.txt'), 'utf8').split('\n')[0]!;
  const t = await (await fetch(`${c.url}/connect/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: line })).json() as any;
  console.log(await wrk({ url: c.url, path: '/account', authorization: `Bearer ${t.access_token}`, connections: 32, seconds: 4 }));
} else if (mode === 'credentials') {
  // A gmail account as /connect/token stores it, with a cached access token (no provider round trip).
  const line = readFileSync(join(dir, 'codes.txt'), 'utf8').split('\n')[0]!;
  const t = await (await fetch(`${c.url}/connect/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: line })).json() as any;
  const id = t.account_id as string;
  const ring = KeyRing.parse(keys);
  const store = openStore(url);
  const seal = (field: string, v: string) => ({ field, envelope: ring.encrypt(v, `account:${id}:${field}`), keyVersion: ring.current });
  await store.replaceCredentials(id, [seal('google_client_secret', 'cs'), seal('google_refresh_token', 'rt')], 0);
  await store.claimTokenRefresh(id, 'profile', Date.now(), Date.now() + 60_000);
  await store.saveRefreshedToken(id, 'profile', { envelope: ring.encrypt('ya29.profile', `account:${id}:access_token`), keyVersion: ring.current, expiresAtMs: Date.now() + 3_600_000 }, undefined, 0);
  await store.updateApplication(app.client_id, { credentialsRelease: true });
  await store.close();
  const basic = `Basic ${Buffer.from(`${app.client_secret}:`).toString('base64')}`;
  console.log(await wrk({ url: c.url, path: `/a/${app.client_id}/accounts/${id}/credentials?protocol=imap`, authorization: basic, connections: 32, seconds: 4 }));
} else {
  console.log(await wrk({ url: c.url, method: 'POST', path: '/connect/token', contentType: 'application/json', bodyFile: join(dir, 'codes.txt'), connections: Number(process.env.C ?? 32), seconds: 4 }));
}
await c.stop();
