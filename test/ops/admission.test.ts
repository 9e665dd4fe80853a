/**
 * Admission control for provider verifications (src/limits/admission.ts, issue 16): a bounded
 * number run at once, a bounded queue with a deadline, 503 `verification_busy` with Retry-After
 * beyond — first the class alone, then through POST /connect/authorize against a slow fake IMAP.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Admission } from '../../src/limits/admission.ts';
import { ApiError } from '../../src/errors/api-error.ts';
import { makeCA, issueCert } from '../peers/pki.ts';
import { startFakeImap } from '../peers/fake-imap.ts';
import { startFakeSmtp } from '../peers/fake-smtp.ts';
import { startLatchkey } from '../support/latchkey.ts';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => { resolve = r; });
  return { promise, resolve };
};
const isBusy = (e: unknown) => e instanceof ApiError && e.reason === 'verification_busy' && e.status === 503 && e.toHeaders()['retry-after'] !== undefined;

test('at most maxInFlight run; the next wait in order; a full queue is refused at once', async () => {
  const a = new Admission({ maxInFlight: 2, maxQueued: 2, queueWaitMs: 10_000 });
  const gates = [deferred(), deferred(), deferred(), deferred()];
  const started: number[] = [];
  const runs = gates.map((g, i) => a.run(async () => { started.push(i); await g.promise; return i; }));
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(started, [0, 1]);
  assert.deepEqual(a.stats, { running: 2, queued: 2 });
  await assert.rejects(a.run(async () => 'never'), isBusy);
  gates[1]!.resolve();
  assert.equal(await runs[1], 1);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(started, [0, 1, 2], 'the first waiter got the freed slot');
  for (const g of gates) g.resolve();
  assert.deepEqual(await Promise.all(runs), [0, 1, 2, 3]);
  assert.deepEqual(a.stats, { running: 0, queued: 0 });
});

test('a wait that outlasts queueWaitMs is refused, and its turn passes to the next', async () => {
  const a = new Admission({ maxInFlight: 1, maxQueued: 10, queueWaitMs: 150 });
  const g = deferred();
  const first = a.run(() => g.promise);
  const late = a.run(async () => 'late');
  await assert.rejects(late, isBusy);
  const next = a.run(async () => 'next');
  g.resolve();
  await first;
  assert.equal(await next, 'next');
  assert.deepEqual(a.stats, { running: 0, queued: 0 });
});

test('a failing verification frees its slot', async () => {
  const a = new Admission({ maxInFlight: 1, maxQueued: 1, queueWaitMs: 1000 });
  await assert.rejects(a.run(async () => { throw new Error('provider said no'); }), /provider said no/);
  assert.equal(await a.run(async () => 'ok'), 'ok');
});

test('POST /connect/authorize: beyond the slots and the queue, 503 verification_busy with Retry-After, no provider contacted', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'latchkey-admission-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const ca = await makeCA(dir, 'admission-ca');
  const leaf = await issueCert(dir, ca, { name: 'slow', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
  const tls = { key: leaf.keyPem, cert: leaf.certPem };
  const imap = await startFakeImap({ tls, greetingDelayMs: 600, login: () => 'OK LOGIN completed' });
  const smtp = await startFakeSmtp({ tls, auth: () => '235 2.7.0 Authentication successful' });
  t.after(() => Promise.all([imap.close(), smtp.close()]));
  const lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: ca.certPath, LATCHKEY_VERIFY_MAX_IN_FLIGHT: '1', LATCHKEY_VERIFY_QUEUE: '1', LATCHKEY_VERIFY_QUEUE_WAIT_MS: '20000' });
  t.after(() => lk.stop());
  const authorize = (i: number) => lk.post('/connect/authorize', {
    client_id: lk.app.client_id, name: 'U', email_address: `u${i}@slow.test`, provider: 'imap',
    settings: { imap_host: '127.0.0.1', imap_port: imap.port, imap_security: 'ssl', imap_password: 'pw', smtp_host: '127.0.0.1', smtp_port: smtp.port, smtp_security: 'ssl' },
  });
  const [a, b, c] = await Promise.all([authorize(1), authorize(2), authorize(3)]);
  const statuses = [a, b, c].map((r) => r.status).sort();
  assert.deepEqual(statuses, [200, 200, 503], JSON.stringify([a.body, b.body, c.body]));
  const busy = [a, b, c].find((r) => r.status === 503)!;
  assert.equal(busy.body.reason, 'verification_busy');
  assert.equal(busy.body.type, 'provider_error');
  assert.match(busy.headers.get('retry-after') ?? '', /^\d+$/);
  assert.equal(imap.auths.length, 2, 'the refused request never reached the provider');
  // The slot and the queue are free again.
  assert.equal((await authorize(4)).status, 200);
});
