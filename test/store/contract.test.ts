/**
 * One store contract, run against every backend Latchkey supports: SQLite on a file, SQLite in
 * memory, and the machine's PostgreSQL (a database of its own, dropped afterwards). Each backend
 * must give the same answers to the same calls — including the one-winner guarantees several
 * nodes rely on (code redemption, delivery and health-check claims) and the normalised errors.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.ts';
import { Conflict, type Store } from '../../src/store/store.ts';
import { createPgDatabase } from '../peers/postgres.ts';

interface Backend {
  name: string;
  open(): Promise<{ url: string; cleanup(): Promise<void> }>;
}

const BACKENDS: Backend[] = [
  {
    name: 'sqlite file',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'lk-contract-'));
      return { url: `sqlite:${join(dir, 'db.sqlite')}`, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  { name: 'sqlite memory', open: async () => ({ url: 'sqlite::memory:', cleanup: async () => undefined }) },
  {
    name: 'postgresql',
    open: async () => {
      const db = await createPgDatabase();
      return { url: db.url, cleanup: () => db.drop() };
    },
  },
];

const app = (clientId: string) => ({ clientId, name: `App ${clientId}`, secretHash: `h-${clientId}`, iconUrl: null, redirectUris: ['https://a.example/cb'], createdAt: 1_700_000_000 });
const upsert = (clientId: string, email: string, newId: string, now = 1_700_000_100) => ({
  clientId, emailKey: email, emailAddress: email, name: 'N', provider: 'imap', settings: { imap_host: 'h' }, scopes: 'email', newId, now,
});

for (const backend of BACKENDS) {
  describe(`store contract: ${backend.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    before(async () => {
      const b = await backend.open();
      cleanup = b.cleanup;
      store = openStore(b.url, { poolSize: 20 });
      await store.migrate();
      await store.migrate(); // idempotent
    });
    after(async () => {
      await store.close();
      await cleanup();
    });

    test('reports its dialect and answers ping', async () => {
      assert.equal(store.dialect, backend.name === 'postgresql' ? 'postgres' : 'sqlite');
      assert.equal(await store.ping(), true);
      if (store.dialect === 'postgres') assert.ok(store.poolStats()!.total >= 1);
      else assert.equal(store.poolStats(), undefined);
    });

    test('OAuth token cache (issue 14): one refresh lease at a time; the token and a rotated refresh token saved together; a lost lease saves nothing', async () => {
      await store.createApplication(app('app-lease'));
      const acct = await store.upsertAccount(upsert('app-lease', 'lease@x.test', 'acct-lease'));
      await store.replaceCredentials(acct.id, [{ field: 'google_refresh_token', envelope: 'old', keyVersion: 'v1' }], 1);
      const claims = await Promise.all(['n1', 'n2', 'n3', 'n4'].map((o) => store.claimTokenRefresh(acct.id, o, 1_000, 31_000)));
      assert.equal(claims.filter(Boolean).length, 1, 'exactly one claimer wins');
      const owner = ['n1', 'n2', 'n3', 'n4'][claims.indexOf(true)]!;
      assert.equal(await store.saveRefreshedToken(acct.id, 'not-the-owner', { envelope: 'x', keyVersion: 'v1', expiresAtMs: 9 }, undefined, 2), false);
      assert.equal(await store.saveRefreshedToken(acct.id, owner, { envelope: 'tok', keyVersion: 'v1', expiresAtMs: 3_600_000 }, { field: 'google_refresh_token', envelope: 'new', keyVersion: 'v1' }, 2), true);
      const state = await store.oauthTokenState(acct.id);
      assert.deepEqual({ ...state }, { envelope: 'tok', keyVersion: 'v1', expiresAtMs: 3_600_000, leaseOwner: null, leaseUntilMs: null, failedReason: null, failedAtMs: null });
      assert.deepEqual((await store.credentialsOf(acct.id)).map((c) => c.envelope), ['new']);
      assert.equal(await store.claimTokenRefresh(acct.id, 'a', 5_000, 35_000), true);
      assert.equal(await store.claimTokenRefresh(acct.id, 'b', 6_000, 36_000), false, 'held');
      assert.equal(await store.claimTokenRefresh(acct.id, 'b', 35_000, 65_000), true, 'an expired lease can be taken over');
      assert.equal(await store.saveRefreshedToken(acct.id, 'a', { envelope: 'late', keyVersion: 'v1', expiresAtMs: 1 }, undefined, 3), false, 'the old holder lost it');
      await store.releaseTokenRefresh(acct.id, 'b', 'refresh_token_revoked', 40_000);
      assert.deepEqual([(await store.oauthTokenState(acct.id))?.failedReason, (await store.oauthTokenState(acct.id))?.failedAtMs, (await store.oauthTokenState(acct.id))?.leaseOwner], ['refresh_token_revoked', 40_000, null]);
      assert.equal((await store.oauthTokenState(acct.id))?.envelope, 'tok', 'a failure keeps the last token');
      // A caller that read the account at 40_000 or earlier hears that failure instead of claiming a second refresh.
      assert.equal(await store.claimTokenRefresh(acct.id, 'c', 41_000, 71_000, 40_000), false, 'failed since the caller read the account');
      assert.equal((await store.oauthTokenState(acct.id))?.failedReason, 'refresh_token_revoked', 'the refused claim keeps the failure');
      assert.equal(await store.claimTokenRefresh(acct.id, 'c', 41_000, 71_000, 40_001), true, 'a failure before the caller read the account');
      assert.equal((await store.oauthTokenState(acct.id))?.failedReason, null, 'a claim clears the old failure');
      await store.deleteAccount(acct.id);
      assert.equal(await store.oauthTokenState(acct.id), undefined, 'goes with its account');
    });

    test('applications: create, find, list, update, rotate; a duplicate id is a Conflict', async () => {
      await store.createApplication(app('app-a'));
      await assert.rejects(store.createApplication(app('app-a')), (e) => e instanceof Conflict);
      const found = await store.findApplication('app-a');
      assert.deepEqual(found, { ...app('app-a'), previousSecretHash: null, previousSecretExpiresAt: null, accentColor: null, credentialsRelease: false });
      assert.equal((await store.updateApplication('app-a', { accentColor: '#0a7f6f' }))?.accentColor, '#0a7f6f');
      assert.equal((await store.updateApplication('app-a', { credentialsRelease: true }))?.credentialsRelease, true);
      assert.equal(await store.findApplication('nope'), undefined);
      assert.ok((await store.listApplications()).some((a) => a.clientId === 'app-a'));
      const updated = await store.updateApplication('app-a', { name: 'Renamed', redirectUris: [] });
      assert.equal(updated?.name, 'Renamed');
      assert.deepEqual(updated?.redirectUris, []);
      assert.equal(await store.rotateApplicationSecret('app-a', 'h2', 1_800_000_000), true);
      const rotated = await store.findApplication('app-a');
      assert.equal(rotated?.secretHash, 'h2');
      assert.equal(rotated?.previousSecretHash, 'h-app-a');
      assert.equal(rotated?.previousSecretExpiresAt, 1_800_000_000);
      assert.equal(await store.rotateApplicationSecret('missing', 'x', null), false);
    });

    test('codes: exactly one of 50 concurrent redemptions wins; the rest see a replay; expired and foreign codes are invalid', async () => {
      await store.createApplication(app('app-c'));
      await store.saveCode({ codeHash: 'code-1', clientId: 'app-c', payload: 'lk1:v:secret', createdAt: 100, expiresAt: 1000 });
      await assert.rejects(store.saveCode({ codeHash: 'code-1', clientId: 'app-c', payload: 'x', createdAt: 100, expiresAt: 1000 }), (e) => e instanceof Conflict);
      const results = await Promise.all(Array.from({ length: 50 }, () => store.atomically((tx) => tx.consumeCode('code-1', 'app-c', 500))));
      assert.equal(results.filter((r) => r.status === 'consumed').length, 1);
      assert.deepEqual(results.find((r) => r.status === 'consumed'), { status: 'consumed', payload: 'lk1:v:secret' });
      assert.equal(results.filter((r) => r.status === 'replayed').length, 49);
      await store.saveCode({ codeHash: 'code-2', clientId: 'app-c', payload: 'p', createdAt: 100, expiresAt: 200 });
      assert.deepEqual(await store.consumeCode('code-2', 'app-c', 500), { status: 'invalid' });
      await store.saveCode({ codeHash: 'code-3', clientId: 'app-c', payload: 'p', createdAt: 100, expiresAt: 1000 });
      assert.deepEqual(await store.consumeCode('code-3', 'other', 500), { status: 'invalid' });
      assert.equal(await store.liveCodesUnder('v', 500), 0);
      assert.equal(await store.purgeCodes(300), 1);
    });

    test('hosted codes: bound to their redirect URI and PKCE challenge; a wrong binding does not burn them; never redeemable as /connect codes', async () => {
      await store.createApplication(app('app-hosted'));
      const hosted = { codeHash: 'h-code', clientId: 'app-hosted', payload: 'lk1:v:p', createdAt: 100, expiresAt: 1000, redirectUri: 'https://a.example/cb', codeChallenge: 'chal' };
      await store.saveCode(hosted);
      assert.deepEqual(await store.consumeCode('h-code', 'app-hosted', 500), { status: 'invalid' }, 'not at /connect/token');
      assert.deepEqual(await store.consumeCode('h-code', 'app-hosted', 500, { hosted: true, redirectUri: 'https://a.example/other', codeChallenge: 'chal' }), { status: 'invalid' });
      assert.deepEqual(await store.consumeCode('h-code', 'app-hosted', 500, { hosted: true, codeChallenge: 'wrong' }), { status: 'invalid' });
      assert.deepEqual(await store.consumeCode('h-code', 'app-hosted', 500, { hosted: true, codeChallenge: null }), { status: 'invalid' });
      assert.deepEqual(await store.consumeCode('h-code', 'app-hosted', 500, { hosted: true, redirectUri: 'https://a.example/cb', codeChallenge: 'chal' }), { status: 'consumed', payload: 'lk1:v:p' });
      assert.deepEqual(await store.consumeCode('h-code', 'app-hosted', 500, { hosted: true, codeChallenge: 'chal' }), { status: 'replayed' });
      await store.saveCode({ ...hosted, codeHash: 'h-code-2', codeChallenge: null });
      assert.deepEqual(await store.consumeCode('h-code-2', 'app-hosted', 500, { hosted: true, codeChallenge: null }), { status: 'consumed', payload: 'lk1:v:p' });
    });

    test('accounts: upsert keeps one row per (client, address), lists in order, metadata and states', async () => {
      await store.createApplication(app('app-u'));
      const a1 = await store.upsertAccount(upsert('app-u', 'a@x.test', 'acc-1'));
      const again = await store.upsertAccount({ ...upsert('app-u', 'a@x.test', 'acc-ignored', 1_700_000_200), name: 'New' });
      assert.equal(again.id, 'acc-1');
      assert.equal(again.name, 'New');
      assert.equal(again.linkedAt, a1.linkedAt);
      assert.equal(again.updatedAt, 1_700_000_200);
      await store.upsertAccount(upsert('app-u', 'b@x.test', 'acc-2'));
      assert.deepEqual((await store.listAccounts('app-u', { limit: 10, offset: 0 })).map((a) => a.id), ['acc-1', 'acc-2']);
      assert.deepEqual((await store.listAccounts('app-u', { limit: 1, offset: 1 })).map((a) => a.id), ['acc-2']);
      assert.equal((await store.findAccountByEmail('app-u', 'b@x.test'))?.id, 'acc-2');
      assert.deepEqual((await store.setAccountMetadata('acc-1', { k: 'v' }, 1_700_000_300))?.metadata, { k: 'v' });
      assert.equal((await store.setBillingState('acc-1', 'cancelled', 1_700_000_301))?.billingState, 'cancelled');
      assert.equal(await store.setSyncState('acc-1', 'invalid', 1_700_000_302, 1), undefined, 'stale updatedAt: no change');
      assert.equal((await store.setSyncState('acc-1', 'invalid', 1_700_000_303, 1_700_000_301))?.syncState, 'invalid');
      assert.deepEqual((await store.findAccountById('acc-1'))?.settings, { imap_host: 'h' });
    });

    test('credentials and tokens: replace, re-encrypt by compare-and-swap, revoke, cascade on delete', async () => {
      await store.createApplication(app('app-t'));
      const acc = await store.upsertAccount(upsert('app-t', 't@x.test', 'acc-t'));
      await store.replaceCredentials(acc.id, [{ field: 'imap_password', envelope: 'e1', keyVersion: 'v1' }, { field: 'smtp_password', envelope: 'e2', keyVersion: 'v1' }], 10);
      assert.equal((await store.credentialsOf(acc.id)).length, 2);
      assert.equal((await store.credentialCountsByVersion()).v1! >= 2, true);
      const old = await store.credentialsNotUnder('v2', undefined, 100);
      assert.ok(old.length >= 2);
      const row = old.find((r) => r.accountId === acc.id && r.field === 'imap_password')!;
      assert.equal(await store.reencryptCredential({ ...row, envelope: 'e1b', keyVersion: 'v2' }, 'e1', 11), true);
      assert.equal(await store.reencryptCredential({ ...row, envelope: 'e1c', keyVersion: 'v2' }, 'e1', 12), false, 'changed meanwhile');
      const token = { tokenHash: 'tok-1', accountId: acc.id, clientId: 'app-t', scopes: 'email', codeHash: 'code-x', createdAt: 1, updatedAt: 1, revokedAt: null };
      await store.insertToken(token);
      await assert.rejects(store.insertToken(token), (e) => e instanceof Conflict);
      await store.insertToken({ ...token, tokenHash: 'tok-2', codeHash: null });
      assert.deepEqual((await store.findToken('tok-1'))?.token, token);
      assert.equal(await store.countActiveTokens(acc.id), 2);
      assert.equal(await store.revokeTokensFromCode('code-x', 5), 1);
      assert.equal(await store.revokeToken('tok-2', 6), true);
      assert.equal(await store.revokeToken('tok-2', 7), false);
      assert.equal(await store.countActiveTokens(acc.id), 0);
      assert.equal(await store.deleteAccount(acc.id), true);
      assert.equal(await store.findToken('tok-1'), undefined);
      assert.deepEqual(await store.credentialsOf(acc.id), []);
    });

    test('atomically: a throw rolls every write back', async () => {
      await store.createApplication(app('app-r'));
      await assert.rejects(store.atomically(async (tx) => {
        await tx.upsertAccount(upsert('app-r', 'r@x.test', 'acc-r'));
        throw new Error('boom');
      }), /boom/);
      assert.equal(await store.findAccountById('acc-r'), undefined);
    });

    test('webhook outbox: of concurrent claims of one due delivery exactly one wins', async () => {
      await store.createApplication(app('app-w'));
      await store.createWebhook({ id: 'wh-1', clientId: 'app-w', callbackUrl: 'https://h.example/x', triggers: ['account.created'], secretEnvelope: 'env', keyVersion: 'v1', createdAt: 1 });
      await assert.rejects(store.createWebhook({ id: 'wh-1', clientId: 'app-w', callbackUrl: 'https://h.example/x', triggers: [], secretEnvelope: 'env', keyVersion: 'v1', createdAt: 1 }), (e) => e instanceof Conflict);
      await store.enqueueDeliveries([{ id: 'd-1', webhookId: 'wh-1', event: 'account.created', body: '{}', attempts: 0, nextAttemptAt: 1_000, deliveredAt: null, failedAt: null, lastError: null, createdAt: 1 }]);
      const due = await store.dueDeliveries(2_000, 10);
      assert.deepEqual(due.map((d) => d.id), ['d-1']);
      const claims = await Promise.all(Array.from({ length: 20 }, () => store.claimDelivery('d-1', 1_000, 60_000)));
      assert.equal(claims.filter(Boolean).length, 1);
      assert.deepEqual(await store.dueDeliveries(2_000, 10), []);
      await store.recordDelivery('d-1', { attempts: 1, nextAttemptAt: 60_000, deliveredAt: 3_000, failedAt: null, lastError: null });
      assert.equal((await store.deliveriesOf('wh-1'))[0]!.deliveredAt, 3_000);
      assert.equal(await store.deleteWebhook('app-w', 'wh-1'), true);
    });

    test('health schedule: one claimer per due account; not again before its next due time', async () => {
      await store.createApplication(app('app-h'));
      const acc = await store.upsertAccount(upsert('app-h', 'h@x.test', 'acc-h'));
      const claims = await Promise.all(Array.from({ length: 20 }, () => store.claimHealthCheck(acc.id, 1_000, 601_000)));
      assert.equal(claims.filter(Boolean).length, 1);
      assert.equal(await store.claimHealthCheck(acc.id, 2_000, 602_000), false, 'claimed until 601 000');
      await store.scheduleHealthCheck(acc.id, 50_000);
      assert.equal(await store.claimHealthCheck(acc.id, 49_999, 700_000), false, 'not due yet');
      assert.equal(await store.claimHealthCheck(acc.id, 50_000, 700_000), true);
    });

    test('audit events: recorded and listed newest first', async () => {
      await store.createApplication(app('app-audit'));
      for (let i = 0; i < 3; i++) {
        await store.recordAuditEvent({ id: `ev-${i}`, atMs: 1_000 + i, event: 'connect.authorize', clientId: 'app-audit', outcome: 'ok', emailHash: null, accountId: null, sourceIp: '127.0.0.1', durationMs: 12, revokedTokens: null });
      }
      const rows = await store.listAuditEvents('app-audit', { sinceMs: 1_001, limit: 10 });
      assert.deepEqual(rows.map((r) => r.id), ['ev-2', 'ev-1']);
      assert.equal(rows[0]!.atMs, 1_002);
      assert.equal(rows[0]!.durationMs, 12);
    });

    test('audit events: several in one statement, every field kept, all listed', async () => {
      await store.createApplication(app('app-audit-n'));
      const ev = (i: number) => ({ id: `evn-${i}`, atMs: 2_000 + i, event: 'credentials.released' as const, clientId: 'app-audit-n', outcome: i % 2 ? 'ok' : 'insufficient_scope', emailHash: null, accountId: `acc-${i}`, sourceIp: '10.0.0.1', durationMs: null, revokedTokens: null, protocol: i % 2 ? 'imap' : 'smtp' });
      await store.recordAuditEvents([]);
      await store.recordAuditEvents([ev(0), ev(1), ev(2)]);
      await store.recordAuditEvents([ev(3)]);
      const rows = await store.listAuditEvents('app-audit-n', { sinceMs: 0, limit: 10 });
      assert.deepEqual(rows, [ev(3), ev(2), ev(1), ev(0)]);
      await assert.rejects(store.recordAuditEvents([ev(4), ev(0)]), 'a duplicate id fails the whole statement');
      assert.equal((await store.listAuditEvents('app-audit-n', { sinceMs: 0, limit: 10 })).length, 4, 'all of them or none');
    });

    test('searchAccounts: filters by provider, state, address and time; sorts both ways with id as tie-break; pages', async () => {
      await store.createApplication(app('app-s'));
      await store.upsertAccount({ ...upsert('app-s', 's1@x.test', 'acc-s1', 100), provider: 'gmail' });
      await store.upsertAccount(upsert('app-s', 's2@x.test', 'acc-s2', 200));
      await store.upsertAccount(upsert('app-s', 's3@x.test', 'acc-s3', 200));
      await store.setSyncState('acc-s3', 'invalid', 300);
      const ids = async (q: Partial<Parameters<Store['searchAccounts']>[1]>) =>
        (await store.searchAccounts('app-s', { sortBy: 'linked_at', order: 'asc', limit: 10, offset: 0, ...q })).map((a) => a.id);
      assert.deepEqual(await ids({}), ['acc-s1', 'acc-s2', 'acc-s3']);
      assert.deepEqual(await ids({ order: 'desc' }), ['acc-s3', 'acc-s2', 'acc-s1']);
      assert.deepEqual(await ids({ sortBy: 'updated_at', order: 'desc' }), ['acc-s3', 'acc-s2', 'acc-s1']);
      assert.deepEqual(await ids({ providers: ['gmail', 'office365'] }), ['acc-s1']);
      assert.deepEqual(await ids({ providers: [] }), []);
      assert.deepEqual(await ids({ syncState: { is: 'running' } }), ['acc-s1', 'acc-s2']);
      assert.deepEqual(await ids({ syncState: { isNot: 'running' } }), ['acc-s3']);
      assert.deepEqual(await ids({ emailKey: 's2@x.test' }), ['acc-s2']);
      assert.deepEqual(await ids({ linkedSince: 200 }), ['acc-s2', 'acc-s3']);
      assert.deepEqual(await ids({ linkedBefore: 200 }), ['acc-s1']);
      assert.deepEqual(await ids({ limit: 1, offset: 1 }), ['acc-s2']);
      assert.deepEqual(await store.searchAccounts('other', { sortBy: 'linked_at', order: 'asc', limit: 10, offset: 0 }), []);
    });

    test('API keys: created, found by hash with their application, listed, revoked once; a duplicate hash is a Conflict; they go with the application', async () => {
      await store.createApplication(app('app-k'));
      const key = (id: string, keyHash: string) => ({ id, clientId: 'app-k', keyHash, hint: 'lkak_abcd', name: null, createdAt: 1_700_000_000, expiresAt: null, revokedAt: null });
      await store.createApiKey({ ...key('k1', 'hash-1'), name: 'one', expiresAt: 1_800_000_000 });
      await store.createApiKey(key('k2', 'hash-2'));
      await assert.rejects(store.createApiKey(key('k3', 'hash-1')), Conflict);
      const found = await store.findApiKey('hash-1');
      assert.equal(found?.application.clientId, 'app-k');
      assert.deepEqual({ id: found?.apiKey.id, name: found?.apiKey.name, expiresAt: found?.apiKey.expiresAt, revokedAt: found?.apiKey.revokedAt }, { id: 'k1', name: 'one', expiresAt: 1_800_000_000, revokedAt: null });
      assert.equal(await store.findApiKey('hash-none'), undefined);
      assert.deepEqual((await store.listApiKeys('app-k')).map((k) => k.id), ['k1', 'k2']);
      assert.equal(await store.revokeApiKey('other-app', 'k1', 5), false, 'another application cannot revoke it');
      assert.equal(await store.revokeApiKey('app-k', 'k1', 1_700_000_500), true);
      assert.equal(await store.revokeApiKey('app-k', 'k1', 1_700_000_600), false, 'already revoked');
      assert.equal((await store.findApiKey('hash-1'))?.apiKey.revokedAt, 1_700_000_500);
      assert.equal(await store.deleteApplication('app-k'), true);
      assert.equal(await store.findApiKey('hash-2'), undefined);
      assert.deepEqual(await store.listApiKeys('app-k'), []);
    });

    test('deleting an application removes its accounts, codes and webhooks', async () => {
      await store.createApplication(app('app-d'));
      await store.upsertAccount(upsert('app-d', 'd@x.test', 'acc-d'));
      await store.saveCode({ codeHash: 'code-d', clientId: 'app-d', payload: 'p', createdAt: 1, expiresAt: 10_000 });
      assert.equal(await store.deleteApplication('app-d'), true);
      assert.equal(await store.findAccountById('acc-d'), undefined);
      assert.deepEqual(await store.consumeCode('code-d', 'app-d', 5), { status: 'invalid' });
      assert.equal(await store.deleteApplication('app-d'), false);
    });
  });
}
