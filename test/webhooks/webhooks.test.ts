/**
 * Webhooks end to end on loopback: registration with the v2 challenge handshake, the four account
 * events from their real causes (token exchange against Dovecot, a failed health check, a
 * re-authorization, DELETE), each signed with the webhook's secret, and the durable outbox: a
 * delivery that failed before a restart is sent exactly once by the next server process.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { basic, connectAccount, failHealthCheck } from '../support/connect.ts';
import { webhookDispatcher } from '../../src/app/serve.ts';
import { runCli } from '../support/cli.ts';
import { startWebhookReceiver, type ReceivedDelivery, type WebhookReceiver } from '../support/webhook-receiver.ts';

let dir: string;
let receiver: WebhookReceiver;
let dovecot: DovecotPeer;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'latchkey-webhooks-'));
  receiver = await startWebhookReceiver();
  dovecot = await startDovecot();
});
after(async () => {
  await receiver?.close();
  await dovecot?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A server whose CA file trusts both Dovecot and the receiver; `db` and `keys` survive restarts. */
async function server(db: string, keys: string): Promise<Latchkey> {
  const caFile = join(dir, 'both-cas.pem');
  writeFileSync(caFile, receiver.ca.certPem + dovecot.caPem);
  return startLatchkey({ LATCHKEY_TLS_CA_FILE: caFile, LATCHKEY_DATABASE_URL: `sqlite:${db}`, LATCHKEY_ENCRYPTION_KEYS: keys });
}

const hookUrl = () => receiver.url('/hooks/latchkey');
const verified = (r: ReceivedDelivery, secret: string) => r.latchkeySignature === createHmac('sha256', secret).update(r.body).digest('hex');
const types = (rs: ReceivedDelivery[]) => rs.map((r) => JSON.parse(r.body).deltas[0].type as string);

describe('webhooks', () => {
  let lk: Latchkey;
  before(async () => {
    lk = await server(join(dir, 'one.db'), `w1:${randomBytes(32).toString('base64')}`);
  });
  after(async () => lk?.stop());

  test('registration: https only, the challenge must be echoed, the signing secret is shown once and stored encrypted', async () => {
    const admin = basic(lk.app.client_secret);
    const http = await lk.post(`/a/${lk.app.client_id}/webhooks`, { callback_url: receiver.url('/x').replace('https:', 'http:') }, admin);
    assert.deepEqual([http.status, http.body.reason], [400, 'invalid_value']);
    const badTrigger = await lk.post(`/a/${lk.app.client_id}/webhooks`, { callback_url: hookUrl(), triggers: ['message.created'] }, admin);
    assert.deepEqual([badTrigger.status, badTrigger.body.reason], [400, 'invalid_value']);
    Object.assign(receiver.mode, { challenge: 'wrong', status: 200 });
    const wrong = await lk.post(`/a/${lk.app.client_id}/webhooks`, { callback_url: hookUrl() }, admin);
    assert.deepEqual([wrong.status, wrong.body.type, wrong.body.reason], [400, 'invalid_request_error', 'webhook_challenge_failed']);
    Object.assign(receiver.mode, { challenge: 'echo', status: 200 });
    const ok = await lk.post(`/a/${lk.app.client_id}/webhooks`, { callback_url: hookUrl() }, admin);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual({ ...ok.body, id: 'x', signing_secret: 'x' }, { id: 'x', application_id: lk.app.client_id, callback_url: hookUrl(), state: 'active', triggers: ['account.connected', 'account.invalid', 'account.running', 'account.deleted'], version: '2.0', signing_secret: 'x' });
    assert.match(ok.body.signing_secret, /^lkws_/);
    const list = await lk.get(`/a/${lk.app.client_id}/webhooks`, admin);
    assert.deepEqual(list.body, [{ ...ok.body, signing_secret: undefined }].map(({ signing_secret: _s, ...w }) => w));
    const stored = Buffer.concat([lk.dbPath, `${lk.dbPath}-wal`].map((f) => { try { return readFileSync(f); } catch { return Buffer.alloc(0); } }));
    assert.equal(stored.includes(Buffer.from(ok.body.signing_secret)), false, 'the signing secret is not in the database in clear');
    assert.equal(lk.logs.join('\n').includes(ok.body.signing_secret), false);
    const other = await lk.get(`/a/${lk.app.client_id}/webhooks/nosuch`, admin);
    assert.deepEqual([other.status, other.body.reason], [404, 'webhook_not_found']);
  });

  test('account.connected, .invalid, .running and .deleted arrive from their real causes, signed', async () => {
    const secretOf = async () => {
      const hooks = await lk.ctx.store.listWebhooks(lk.app.client_id);
      return lk.ctx.keys.decrypt(hooks[0]!.secretEnvelope, `webhook:${hooks[0]!.id}:signing_secret`);
    };
    receiver.received.length = 0;
    const send = webhookDispatcher(lk.ctx);
    // The application's redirect URI makes account.invalid carry a reconnect link (issue 19).
    await lk.ctx.store.updateApplication(lk.app.client_id, { redirectUris: ['https://app.example/cb'] });
    const acct = await connectAccount(lk, dovecot, 'alice@example.test');
    assert.equal(await failHealthCheck(lk), 1);
    await connectAccount(lk, dovecot, 'alice@example.test'); // re-authorized: running again
    await connectAccount(lk, dovecot, 'alice@example.test'); // already running: no event
    assert.equal((await lk.delete(`/a/${lk.app.client_id}/accounts/${acct.id}`, basic(lk.app.client_secret))).status, 200);
    assert.deepEqual(await send.runOnce(), { attempted: 4, delivered: 4 });
    assert.deepEqual(types(receiver.received), ['account.connected', 'account.invalid', 'account.running', 'account.deleted']);
    const secret = await secretOf();
    for (const r of receiver.received) {
      assert.ok(verified(r, secret), 'X-Latchkey-Signature is the HMAC-SHA256 of the body');
      const delta = JSON.parse(r.body).deltas[0];
      const { attributes, ...rest } = delta.object_data;
      assert.deepEqual(rest, { namespace_id: acct.id, account_id: acct.id, object: 'account', id: acct.id, metadata: null });
      if (delta.type !== 'account.invalid') assert.equal(attributes, null);
      else {
        const link = new URL(attributes.reconnect_url);
        assert.equal(link.pathname, '/oauth/authorize');
        assert.deepEqual(Object.fromEntries(link.searchParams), { client_id: lk.app.client_id, redirect_uri: 'https://app.example/cb', response_type: 'code', scopes: 'email.read_only,contacts', reauth_account_id: acct.id });
        // The account was deleted since: its link now answers an error page (the live link is
        // walked in test/browser/hosted-experience.test.ts).
        const page = await fetch(`${lk.url}${link.pathname}${link.search}`);
        assert.equal(page.status, 400);
        assert.match(await page.text(), new RegExp(`No account ${acct.id} exists`));
      }
      assert.equal(typeof delta.date, 'number');
    }
    assert.equal(new Set(receiver.received.map((r) => r.delivery)).size, 4);
    assert.deepEqual(await send.runOnce(), { attempted: 0, delivered: 0 }, 'nothing is sent twice');
  });
});

test('a delivery that failed before a restart is delivered exactly once by the next process', async () => {
  const db = join(dir, 'restart.db');
  const keys = `w1:${randomBytes(32).toString('base64')}`;
  const first = await server(db, keys);
  Object.assign(receiver.mode, { challenge: 'echo', status: 200 });
  const hook = await first.post(`/a/${first.app.client_id}/webhooks`, { callback_url: hookUrl(), triggers: ['account.connected'] }, basic(first.app.client_secret));
  assert.equal(hook.status, 200);
  receiver.received.length = 0;
  Object.assign(receiver.mode, { challenge: 'echo', status: 503 });
  const acct = await connectAccount(first, dovecot, 'bob@example.test');
  assert.deepEqual(await webhookDispatcher(first.ctx).runOnce(), { attempted: 1, delivered: 0 });
  const [pending] = await first.ctx.store.deliveriesOf(hook.body.id);
  assert.deepEqual([pending!.attempts, pending!.deliveredAt, pending!.lastError], [1, null, 'HTTP 503']);
  assert.ok(pending!.nextAttemptAt >= first.ctx.now() + 29_000, 'the next attempt waits the base delay (30 s)');
  assert.deepEqual(await webhookDispatcher(first.ctx).runOnce(), { attempted: 0, delivered: 0 }, 'not before it is due');
  await first.stop();

  Object.assign(receiver.mode, { challenge: 'echo', status: 200 });
  const second = await server(db, keys);
  try {
    second.advance(31_000);
    const send = webhookDispatcher(second.ctx);
    assert.deepEqual(await send.runOnce(), { attempted: 1, delivered: 1 });
    second.advance(3_600_000);
    assert.deepEqual(await send.runOnce(), { attempted: 0, delivered: 0 });
    const ok = receiver.received.filter((r) => r.status === 200);
    assert.equal(ok.length, 1, 'exactly once after it answers 200');
    assert.equal(receiver.received.length, 2);
    assert.equal(ok[0]!.delivery, receiver.received[0]!.delivery, 'the same delivery id as the failed attempt');
    assert.equal(JSON.parse(ok[0]!.body).deltas[0].object_data.account_id, acct.id);
    const [done] = await second.ctx.store.deliveriesOf(hook.body.id);
    assert.deepEqual([done!.attempts, typeof done!.deliveredAt], [2, 'number']);
  } finally {
    await second.stop();
  }
});

test('latchkey webhooks add (challenge, secret once) | list | delete', async () => {
  const env = {
    LATCHKEY_DATABASE_URL: `sqlite:${join(dir, 'cli.db')}`, LATCHKEY_DATA_DIR: dir, LATCHKEY_EHLO_NAME: 'cli.latchkey.test',
    LATCHKEY_TLS_CA_FILE: receiver.ca.certPath, LATCHKEY_ALLOWED_DESTINATIONS: '127.0.0.0/8', LATCHKEY_DNS_SERVERS: '127.0.0.1:1',
  };
  const app = JSON.parse((await runCli(['apps', 'create', '--name', 'Hooks', '--json'], env)).stdout);
  Object.assign(receiver.mode, { challenge: 'wrong', status: 200 });
  const refused = await runCli(['webhooks', 'add', '--client', app.client_id, '--url', hookUrl()], env);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /^latchkey: The callback URL answered the challenge with HTTP 200 but not with the challenge value/);
  Object.assign(receiver.mode, { challenge: 'echo', status: 200 });
  const added = await runCli(['webhooks', 'add', '--client', app.client_id, '--url', hookUrl(), '--trigger', 'account.invalid', 'account.deleted', '--json'], env);
  assert.equal(added.code, 0, added.stderr);
  const hook = JSON.parse(added.stdout);
  assert.deepEqual([hook.triggers, hook.callback_url], [['account.invalid', 'account.deleted'], hookUrl()]);
  assert.match(hook.signing_secret, /^lkws_/);
  const list = await runCli(['webhooks', 'list', '--client', app.client_id, '--json'], env);
  assert.deepEqual(JSON.parse(list.stdout), [{ id: hook.id, application_id: app.client_id, callback_url: hookUrl(), state: 'active', triggers: ['account.invalid', 'account.deleted'], version: '2.0' }]);
  assert.equal(list.stdout.includes('lkws_'), false, 'list never shows the secret');
  const del = await runCli(['webhooks', 'delete', '--client', app.client_id, hook.id], env);
  assert.deepEqual([del.code, del.stdout], [0, `Deleted webhook ${hook.id}.\n`]);
  const again = await runCli(['webhooks', 'delete', '--client', app.client_id, hook.id], env);
  assert.equal(again.code, 1);
});
