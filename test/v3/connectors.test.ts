/**
 * Nylas v3 connectors (issue 15, stage C): the official `nylas` SDK, unchanged, creates, lists,
 * finds, updates and destroys an application's Google / Microsoft OAuth client; the client secret
 * is stored only encrypted, bound to its row, and never shown again.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { NylasApiError, nylasClient, type NylasClient } from '../support/nylas-sdk.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { createApiKey } from '../../src/manage/api-keys.ts';
import { createApplication } from '../../src/app/applications.ts';
import { connectorFor } from '../../src/connectors/connectors.ts';

let lk: Latchkey;
let nylas: NylasClient;
let apiKey: string;

before(async () => {
  lk = await startLatchkey();
  apiKey = (await createApiKey(lk.ctx.store, lk.app.client_id, {}, Date.now())).api_key;
  nylas = nylasClient(lk.url, apiKey);
});
after(() => lk.stop());

const GOOGLE_SECRET = 'GOCSPX-test-secret-value-1234567890';

test('the SDK creates, finds, lists, updates and destroys connectors; the secret is never shown and is stored encrypted', async () => {
  const made = await nylas.connectors.create({ requestBody: { name: 'Gmail', provider: 'google', settings: { clientId: 'g-client.apps.googleusercontent.com', clientSecret: GOOGLE_SECRET } } });
  assert.equal(made.data.provider, 'google');
  assert.deepEqual(made.data.settings, { clientId: 'g-client.apps.googleusercontent.com' });
  assert.deepEqual(made.data.scope, ['https://mail.google.com/']);
  assert.match(made.requestId, /^[0-9a-f-]{36}$/);

  const ms = await nylas.connectors.create({
    requestBody: { name: 'M365', provider: 'microsoft', settings: { clientId: 'ms-app-id', clientSecret: 'ms~secret', tenant: 'contoso.onmicrosoft.com' }, scope: ['offline_access', 'https://outlook.office.com/IMAP.AccessAsUser.All'] },
  });
  assert.deepEqual(ms.data.settings, { clientId: 'ms-app-id', tenant: 'contoso.onmicrosoft.com' });

  const found = await nylas.connectors.find({ provider: 'google' });
  assert.equal((found.data as { name?: string }).name, 'Gmail');
  const listed = await nylas.connectors.list({});
  assert.deepEqual(listed.data.map((c) => c.provider), ['google', 'microsoft']);
  assert.ok(!JSON.stringify(listed).includes(GOOGLE_SECRET));

  // The database holds an envelope, not the secret; connectorFor (used by custom auth) decrypts it.
  const db = new Database(lk.dbPath, { readonly: true });
  const rows = db.prepare('SELECT * FROM connectors').all() as Array<Record<string, string>>;
  db.close();
  assert.ok(!JSON.stringify(rows).includes(GOOGLE_SECRET));
  assert.equal((await connectorFor(lk.ctx, lk.app.client_id, 'google'))?.clientSecret, GOOGLE_SECRET);
  assert.deepEqual(await connectorFor(lk.ctx, lk.app.client_id, 'microsoft'), {
    provider: 'microsoft', clientId: 'ms-app-id', clientSecret: 'ms~secret', scope: ['offline_access', 'https://outlook.office.com/IMAP.AccessAsUser.All'], tenant: 'contoso.onmicrosoft.com',
  });

  // Update: scopes and name; the secret stays unless a new one is given.
  const upd = await nylas.connectors.update({ provider: 'google', requestBody: { name: 'Google Workspace', scope: ['https://mail.google.com/', 'openid'] } });
  assert.equal((upd.data as { name?: string }).name, 'Google Workspace');
  assert.equal((await connectorFor(lk.ctx, lk.app.client_id, 'google'))?.clientSecret, GOOGLE_SECRET);
  await nylas.connectors.update({ provider: 'google', requestBody: { settings: { clientSecret: 'rotated-secret' } } });
  const rotated = await connectorFor(lk.ctx, lk.app.client_id, 'google');
  assert.deepEqual([rotated?.clientId, rotated?.clientSecret], ['g-client.apps.googleusercontent.com', 'rotated-secret']);

  await nylas.connectors.destroy({ provider: 'microsoft' });
  assert.equal(await connectorFor(lk.ctx, lk.app.client_id, 'microsoft'), undefined);
  await assert.rejects(nylas.connectors.find({ provider: 'microsoft' }), (err: unknown) => {
    assert.ok(err instanceof NylasApiError);
    assert.equal(err.statusCode, 404);
    assert.equal(err.type, 'api.not_found_error');
    return true;
  });
});

test('connector errors: a second one for a provider, a password provider, a missing secret, no API key, another application', async () => {
  const auth = { authorization: `Bearer ${apiKey}` };
  const body = { provider: 'microsoft', settings: { client_id: 'a', client_secret: 'b' } };
  assert.equal((await lk.post('/v3/connectors', body, auth)).status, 200);
  const twice = await lk.post('/v3/connectors', body, auth);
  assert.equal(twice.status, 409);
  assert.equal(twice.body.error.reason, 'connector_exists');
  assert.equal(twice.body.request_id, twice.headers.get('x-request-id'));

  const imap = await lk.post('/v3/connectors', { provider: 'imap', settings: {} }, auth);
  assert.equal(imap.status, 400);
  assert.equal(imap.body.error.reason, 'unsupported_provider');
  const noSecret = await lk.post('/v3/connectors', { provider: 'google', settings: { client_id: 'x' } }, auth);
  assert.equal(noSecret.status, 400);
  assert.deepEqual(noSecret.body.error.missing_fields, ['settings.client_secret']);
  const badScope = await lk.post('/v3/connectors', { provider: 'google', settings: { client_id: 'x', client_secret: 'y' }, scope: ['a b'] }, auth);
  assert.equal(badScope.status, 400);
  assert.equal(badScope.body.error.reason, 'invalid_value');

  assert.equal((await lk.get('/v3/connectors')).status, 401);
  assert.equal((await lk.delete('/v3/connectors/microsoft')).status, 401);

  // Another application sees none of these, and cannot delete them.
  const other = await createApplication(lk.ctx.store, 'Other app', [], Date.now());
  const otherKey = (await createApiKey(lk.ctx.store, other.client_id, {}, Date.now())).api_key;
  const theirs = await lk.get('/v3/connectors', { authorization: `Bearer ${otherKey}` });
  assert.deepEqual(theirs.body.data, []);
  assert.equal((await lk.delete('/v3/connectors/microsoft', { authorization: `Bearer ${otherKey}` })).status, 404);
  assert.equal((await lk.get('/v3/connectors/microsoft', auth)).status, 200);
});

test('an envelope moved to another application’s row does not decrypt (the row is its associated data)', async () => {
  const other = await createApplication(lk.ctx.store, 'Third app', [], Date.now());
  const otherKey = (await createApiKey(lk.ctx.store, other.client_id, {}, Date.now())).api_key;
  await nylasClient(lk.url, otherKey).connectors.create({ requestBody: { name: 'g', provider: 'google', settings: { clientId: 'theirs', clientSecret: 'their-secret' } } });
  const mine = await lk.ctx.store.findConnector(lk.app.client_id, 'google');
  const theirs = await lk.ctx.store.findConnector(other.client_id, 'google');
  assert.ok(mine && theirs);
  await lk.ctx.store.updateConnector({ ...theirs, secretEnvelope: mine.secretEnvelope });
  await assert.rejects(connectorFor(lk.ctx, other.client_id, 'google'));
});
