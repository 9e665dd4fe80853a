/**
 * CPU profile of one Latchkey node under load (how the bench's hot spots were found): starts
 * bench/peers/latchkey-node.ts with `--cpu-prof` (profiles under /tmp/latchkey-prof), loads
 * `GET /account` (default) or `/connect/token` (`token`) with wrk for 4 s, stops the node.
 *   node --import tsx bench/profile.ts [account|token]    (DB=postgres://… to profile PostgreSQL; C=connections)
 * Open the .cpuprofile in Chrome DevTools (Performance → Load profile).
 */
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startChild, freePort } from './lib/child.ts';
import { mintCodes, newKeys, prepareDatabase } from './lib/setup.ts';
import { wrk } from './lib/wrk.ts';
import { readFileSync } from 'node:fs';
const dir = mkdtempSync(join(tmpdir(), 'lkprof-'));
const keys = newKeys();
const url = process.env.DB ?? `sqlite:${join(dir, 'db.sqlite')}`;
const app = await prepareDatabase(url);
await mintCodes(url, keys, app, 20000, join(dir, 'codes.txt'), 'x');
const port = await freePort();
const c = await startChild(['--cpu-prof', '--cpu-prof-dir', '/tmp/latchkey-prof', '--import', 'tsx', 'bench/peers/latchkey-node.ts'], {
  LATCHKEY_PORT: String(port), LATCHKEY_DATA_DIR: dir, LATCHKEY_LOG_LEVEL: 'info', LATCHKEY_DATABASE_URL: url, LATCHKEY_ENCRYPTION_KEYS: keys,
  LATCHKEY_HEALTH_INTERVAL_S: '0', LATCHKEY_DATABASE_POOL_SIZE: '16', LATCHKEY_WEBHOOK_POLL_MS: '0', LATCHKEY_DNS_SERVERS: '127.0.0.1:1',
});
const mode = process.argv[2] ?? 'account';
if (mode === 'account') {
  const line = readFileSync(join(dir, 'codes.txt'), 'utf8').split('\n')[0]!;
  const t = await (await fetch(`${c.url}/connect/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: line })).json() as any;
  console.log(await wrk({ url: c.url, path: '/account', authorization: `Bearer ${t.access_token}`, connections: 32, seconds: 4 }));
} else {
  console.log(await wrk({ url: c.url, method: 'POST', path: '/connect/token', contentType: 'application/json', bodyFile: join(dir, 'codes.txt'), connections: Number(process.env.C ?? 32), seconds: 4 }));
}
await c.stop();
