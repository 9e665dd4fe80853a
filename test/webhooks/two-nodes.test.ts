/**
 * Webhooks with two nodes on one PostgreSQL database (issue 7, "several nodes behave as one"):
 * each node runs its own WebhookDispatcher over its own pool, their passes start together, and
 * every delivery in the outbox reaches the receiver exactly once — the claim in the database
 * decides which node sends it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { KeyRing } from '../../src/crypto/keyring.ts';
import { WebhookDispatcher, sign } from '../../src/webhooks/dispatcher.ts';
import { dialContext } from '../../src/app/dial-context.ts';
import { loadConfig } from '../../src/config/env.ts';
import { issueCert, makeCA } from '../peers/pki.ts';
import { createPgDatabase, type PgDatabase } from '../peers/postgres.ts';

const DELIVERIES = 40;
const SECRET = 'lkws_two-nodes-signing-secret';
const keys = KeyRing.parse(`v1:${randomBytes(32).toString('base64')}`);
let dir: string;
let caFile: string;
let pgdb: PgDatabase;
let stores: Store[];
let receiver: Server;
const received: Array<{ delivery: string; signatureOk: boolean }> = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'latchkey-webhooks-2n-'));
  const ca = await makeCA(dir, 'webhook-2n-ca');
  caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, ca.certPem);
  const leaf = await issueCert(dir, ca, { name: 'receiver', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
  receiver = createServer({ key: leaf.keyPem, cert: leaf.certPem }, (req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString(); });
    req.on('end', () => {
      // A slow receiver: both nodes' passes are certainly in flight at once.
      setTimeout(() => {
        received.push({ delivery: String(req.headers['x-latchkey-delivery']), signatureOk: req.headers['x-latchkey-signature'] === sign(body, SECRET) });
        res.writeHead(200).end();
      }, 10);
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  const port = (receiver.address() as { port: number }).port;

  pgdb = await createPgDatabase();
  stores = [openStore(pgdb.url), openStore(pgdb.url)];
  await Promise.all(stores.map((s) => s.migrate()));
  const s = stores[0]!;
  await s.createApplication({ clientId: 'app', name: 'App', secretHash: '00', iconUrl: null, redirectUris: [], createdAt: 1 });
  await s.createWebhook({
    id: 'wh', clientId: 'app', callbackUrl: `https://127.0.0.1:${port}/hook`, triggers: ['account.connected'],
    secretEnvelope: keys.encrypt(SECRET, 'webhook:wh:signing_secret'), keyVersion: keys.current, createdAt: 1,
  });
  await s.enqueueDeliveries(Array.from({ length: DELIVERIES }, (_, i) => ({
    id: `d${i}`, webhookId: 'wh', event: 'account.connected', body: JSON.stringify({ n: i }), attempts: 0,
    nextAttemptAt: 1_000, deliveredAt: null, failedAt: null, lastError: null, createdAt: 1_000,
  })));
});
after(async () => {
  await Promise.all((stores ?? []).map((s) => s.close()));
  await pgdb?.drop();
  receiver?.closeAllConnections();
  await new Promise((r) => receiver?.close(r));
  rmSync(dir, { recursive: true, force: true });
});

test('two dispatchers on one PostgreSQL: every delivery is sent exactly once, signed', async () => {
  const config = loadConfig({ LATCHKEY_ALLOWED_DESTINATIONS: '127.0.0.0/8', LATCHKEY_TLS_CA_FILE: caFile, LATCHKEY_DNS_SERVERS: '127.0.0.1:1', LATCHKEY_DATA_DIR: dir });
  const http = dialContext(config);
  const nodes = stores.map((store) => new WebhookDispatcher(
    { store, keys, http, log: pino({ level: 'silent' }), now: () => 2_000 },
    { baseMs: 30_000, maxMs: 3_600_000, maxAttempts: 20, timeoutMs: 5_000 },
  ));
  const reports = await Promise.all(nodes.map((n) => n.runOnce()));
  assert.equal(reports[0]!.attempted + reports[1]!.attempted, DELIVERIES, 'each delivery claimed by one node');
  assert.ok(reports.every((r) => r.attempted > 0), `both nodes sent some (${reports.map((r) => r.attempted).join(' + ')}): the passes really overlapped`);
  assert.equal(reports[0]!.delivered + reports[1]!.delivered, DELIVERIES);
  const ids = received.map((r) => r.delivery).sort();
  assert.equal(ids.length, DELIVERIES, 'no delivery sent twice');
  assert.equal(new Set(ids).size, DELIVERIES);
  assert.ok(received.every((r) => r.signatureOk));
  // A later pass of either node finds nothing left to send.
  assert.deepEqual(await Promise.all(nodes.map((n) => n.runOnce())), [{ attempted: 0, delivered: 0 }, { attempted: 0, delivered: 0 }]);
  assert.equal(received.length, DELIVERIES);
});
