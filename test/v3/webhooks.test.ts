/**
 * Nylas v3 webhooks (issue 15, stage C) with the official `nylas` SDK, unchanged: create (the
 * challenge handshake, `webhook_secret` once), list, find, update, destroy; the four grant
 * triggers from their real causes (a connection against Dovecot, a failed health check, a
 * re-authorization, a deletion) arrive at a real HTTPS receiver as v3 notification bodies whose
 * `X-Nylas-Signature` it checks — sent by the same outbox and dispatcher as a v2 webhook beside it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { basic, connectAccount, failHealthCheck } from '../support/connect.ts';
import { NylasApiError, nylasClient, type NylasClient } from '../support/nylas-sdk.ts';
import { webhookDispatcher } from '../../src/app/serve.ts';
import { createApiKey } from '../../src/manage/api-keys.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

let dir: string;
let receiver: WebhookReceiver;
let dovecot: DovecotPeer;
let lk: Latchkey;
let nylas: NylasClient;
/** The secrets shown once at creation, for the delivery test. */
const secrets = { v2: '', v3: '' };

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'latchkey-v3-webhooks-'));
  receiver = await startWebhookReceiver();
  dovecot = await startDovecot();
  const caFile = join(dir, 'cas.pem');
  writeFileSync(caFile, receiver.ca.certPem + dovecot.caPem);
  lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: caFile });
  nylas = nylasClient(lk.url, (await createApiKey(lk.ctx.store, lk.app.client_id, {}, Date.now())).api_key);
});
after(async () => {
  await lk?.stop();
  await receiver?.close();
  await dovecot?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const url = (path: string) => receiver.url(path);
const hmac = (body: string, secret: string) => createHmac('sha256', secret).update(body).digest('hex');
const ALL = ['grant.created', 'grant.updated', 'grant.deleted', 'grant.expired'] as never[];

test('create (challenge, secret once), list, find, update, destroy through the SDK; each surface lists its own webhooks', async () => {
  receiver.mode.challenge = 'wrong';
  await assert.rejects(nylas.webhooks.create({ requestBody: { triggerTypes: ALL, webhookUrl: url('/v3') } }), (err: unknown) => {
    assert.ok(err instanceof NylasApiError);
    assert.equal(err.statusCode, 400);
    assert.match(err.message, /challenge/);
    return true;
  });
  receiver.mode.challenge = 'echo';
  await assert.rejects(nylas.webhooks.create({ requestBody: { triggerTypes: ['message.created'] as never[], webhookUrl: url('/v3') } }), (err: unknown) => err instanceof NylasApiError && /trigger_types/.test(err.message));
  await assert.rejects(nylas.webhooks.create({ requestBody: { triggerTypes: ALL, webhookUrl: url('/v3').replace('https:', 'http:') } }), (err: unknown) => err instanceof NylasApiError && /webhook_url must be an https URL/.test(err.message));

  const made = await nylas.webhooks.create({ requestBody: { triggerTypes: ALL, webhookUrl: url('/v3'), description: 'grants' } });
  assert.match(made.data.webhookSecret, /^lkws_/);
  assert.deepEqual([made.data.webhookUrl, made.data.status, made.data.triggerTypes], [url('/v3'), 'active', ALL]);
  const v2 = await lk.post(`/a/${lk.app.client_id}/webhooks`, { callback_url: url('/v2') }, basic(lk.app.client_secret));
  assert.equal(v2.status, 200);

  const listed = await nylas.webhooks.list();
  assert.deepEqual(listed.data.map((w) => w.id), [made.data.id]);
  assert.ok(!JSON.stringify(listed).includes(made.data.webhookSecret));
  const v2List = await lk.get(`/a/${lk.app.client_id}/webhooks`, basic(lk.app.client_secret));
  assert.deepEqual(v2List.body.map((w: { id: string }) => w.id), [v2.body.id]);
  assert.equal((await nylas.webhooks.find({ webhookId: made.data.id })).data.webhookUrl, url('/v3'));
  await assert.rejects(nylas.webhooks.find({ webhookId: v2.body.id }), (err: unknown) => err instanceof NylasApiError && err.statusCode === 404);

  const changed = await nylas.webhooks.update({ webhookId: made.data.id, requestBody: { triggerTypes: ['grant.deleted'] as never[] } });
  assert.deepEqual(changed.data.triggerTypes, ['grant.deleted']);
  await nylas.webhooks.update({ webhookId: made.data.id, requestBody: { triggerTypes: ALL } });

  const spare = await nylas.webhooks.create({ requestBody: { triggerTypes: ALL, webhookUrl: url('/spare') } });
  const gone = await nylas.webhooks.destroy({ webhookId: spare.data.id });
  assert.equal(gone.data?.status, 'success');
  await assert.rejects(nylas.webhooks.find({ webhookId: spare.data.id }), (err: unknown) => err instanceof NylasApiError && err.statusCode === 404);
  secrets.v3 = made.data.webhookSecret;
  secrets.v2 = v2.body.signing_secret;
});

test('grant.created, .expired, .updated and .deleted from their real causes: v3 bodies signed with X-Nylas-Signature, from the one outbox beside v2', async () => {
  const { v3: v3Secret, v2: v2Secret } = secrets;
  assert.ok(v3Secret && v2Secret, 'the first test registered both webhooks');
  receiver.received.length = 0;
  const acct = await connectAccount(lk, dovecot, 'alice@example.test');
  assert.equal(await failHealthCheck(lk), 1);
  await connectAccount(lk, dovecot, 'alice@example.test');
  assert.equal((await lk.delete(`/a/${lk.app.client_id}/accounts/${acct.id}`, basic(lk.app.client_secret))).status, 200);

  assert.deepEqual(await webhookDispatcher(lk.ctx).runOnce(), { attempted: 8, delivered: 8 });
  const v3 = receiver.received.filter((r) => r.path === '/v3');
  const v2 = receiver.received.filter((r) => r.path === '/v2');
  assert.deepEqual(v3.map((r) => JSON.parse(r.body).type), ['grant.created', 'grant.expired', 'grant.updated', 'grant.deleted']);
  assert.deepEqual(v2.map((r) => JSON.parse(r.body).deltas[0].type), ['account.connected', 'account.invalid', 'account.running', 'account.deleted']);
  for (const r of v3) {
    assert.equal(r.nylasSignature, hmac(r.body, v3Secret), 'X-Nylas-Signature is the HMAC-SHA256 of the raw body under webhook_secret');
    assert.equal(r.latchkeySignature, undefined);
    const n = JSON.parse(r.body);
    assert.equal(n.specversion, '1.0');
    assert.ok(Math.abs(n.time - Date.now() / 1000) < 60);
    assert.deepEqual({ app: n.data.application_id, grant: n.data.object.grant_id, email: n.data.object.email, provider: n.data.object.provider }, { app: lk.app.client_id, grant: acct.id, email: 'alice@example.test', provider: 'imap' });
  }
  for (const r of v2) assert.equal(r.latchkeySignature, hmac(r.body, v2Secret));
  assert.notEqual(hmac(v3[0]!.body, randomBytes(8).toString('hex')), v3[0]!.nylasSignature);
});
