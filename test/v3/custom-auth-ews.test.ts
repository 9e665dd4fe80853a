/**
 * Nylas v3 custom authentication with provider `ews` (issue 15): v2's Exchange verification
 * (E1) behind v3's names, against the scripted EWS server (test/peers/ews-server.ts: no real
 * Exchange can run here), through the official `nylas` SDK.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueCert, makeCA } from '../peers/pki.ts';
import { startDnsServer, type DnsServer } from '../peers/dns-server.ts';
import { startEwsFake, type EwsFake } from '../peers/ews-server.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { NylasApiError, nylasClient, type NylasClient } from '../support/nylas-sdk.ts';
import { createApiKey } from '../../src/manage/api-keys.ts';

const PASSWORD = 'Spring2026!ews';
let dir: string;
let dns: DnsServer;
let ews: EwsFake;
let lk: Latchkey;
let nylas: NylasClient;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lk-v3-ews-'));
  const ca = await makeCA(dir, 'v3-ews-ca');
  const leaf = await issueCert(dir, ca, { name: 'ews', dnsNames: ['mail.corp.test'], ipAddresses: ['127.0.0.1'] });
  ews = await startEwsFake({ host: '127.0.0.1', key: leaf.keyPem, cert: leaf.certPem, schemes: ['NTLM', 'Basic'], users: { 'kim@corp.test': PASSWORD } });
  dns = await startDnsServer({ 'mail.corp.test': { A: ['127.0.0.1'] } });
  writeFileSync(join(dir, 'ca.pem'), ca.certPem);
  lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: join(dir, 'ca.pem'), LATCHKEY_DNS_SERVERS: dns.address });
  nylas = nylasClient(lk.url, (await createApiKey(lk.ctx.store, lk.app.client_id, {}, Date.now())).api_key);
});
after(async () => {
  await lk?.stop();
  await ews?.close();
  await dns?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('ews: right password → a grant named ews (exchange on v2); wrong password → api.provider_error at ews.request', async () => {
  const settings = { username: 'kim@corp.test', password: PASSWORD, exchange_server_host: `mail.corp.test:${ews.port}` };
  const grant = (await nylas.auth.customAuthentication({ requestBody: { provider: 'ews', settings } })).data;
  assert.deepEqual({ provider: grant.provider, email: grant.email }, { provider: 'ews', email: 'kim@corp.test' });
  assert.equal((await lk.ctx.store.findAccountById(grant.id))?.provider, 'exchange');
  await assert.rejects(nylas.auth.customAuthentication({ requestBody: { provider: 'ews', settings: { ...settings, password: 'wrong' } } }), (err: unknown) => {
    assert.ok(err instanceof NylasApiError);
    assert.equal(err.type, 'api.provider_error');
    assert.equal(err.providerError.step, 'ews.request');
    return true;
  });
});
