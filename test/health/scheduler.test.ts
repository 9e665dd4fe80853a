/**
 * The credential health scheduler with an injected clock, random source and check function, over
 * a real (in-memory SQLite) store: first checks spread over one interval, jitter, the concurrency
 * bound, one check per account at a time, 403 → invalid, 5xx → backoff and never invalid.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { openStore } from '../../src/store/open.ts';
import type { Account, Store } from '../../src/store/store.ts';
import { HealthChecker, type HealthSchedule } from '../../src/health/checker.ts';
import { ApiError } from '../../src/errors/api-error.ts';
import { managementAccountView } from '../../src/connect/account-view.ts';
import { ConfigError, loadConfig } from '../../src/config/env.ts';

const HOUR = 3_600_000;
const schedule: HealthSchedule = { intervalMs: HOUR, jitter: 0, concurrency: 2, maxBackoffMs: 24 * HOUR };

async function storeWith(n: number): Promise<Store> {
  const store = openStore('sqlite::memory:');
  await store.migrate();
  await store.createApplication({ clientId: 'app', name: 'App', secretHash: '00', iconUrl: null, redirectUris: [], createdAt: 1 });
  for (let i = 0; i < n; i++) {
    await store.upsertAccount({ clientId: 'app', emailKey: `u${i}@x.test`, emailAddress: `u${i}@x.test`, name: 'U', provider: 'imap', settings: {}, scopes: 'email', newId: `a${i}`, now: 100 });
  }
  return store;
}

function checker(store: Store, check: (a: Account) => Promise<void>, o: { random?: () => number; s?: Partial<HealthSchedule> } = {}) {
  let now = 1_000_000_000_000;
  const hc = new HealthChecker({ store, log: pino({ level: 'silent' }), now: () => now, random: o.random ?? (() => 0), check }, { ...schedule, ...o.s });
  return { hc, advance: (ms: number) => { now += ms; }, now: () => now };
}

test('a new account’s first check is spread over one interval; later ones come one jittered interval apart', async () => {
  const store = await storeWith(1);
  let r = 0.5;
  const calls: string[] = [];
  const { hc, advance, now } = checker(store, async (a) => { calls.push(a.id); }, { random: () => r, s: { jitter: 0.2 } });
  assert.equal((await hc.runOnce()).checked, 0);
  assert.equal(hc.nextCheckAt('a0'), now() + 0.5 * HOUR);
  advance(0.5 * HOUR);
  r = 1; // the largest jitter: +20 %
  assert.deepEqual(await hc.runOnce(), { checked: 1, ok: 1, invalid: 0, deferred: 0 });
  assert.equal(hc.nextCheckAt('a0'), now() + 1.2 * HOUR);
  advance(1.19 * HOUR);
  assert.equal((await hc.runOnce()).checked, 0, 'not due yet');
  assert.deepEqual(calls, ['a0']);
  await store.close();
});

test('at most `concurrency` checks at once, and never two checks of one account, even across overlapping passes', async () => {
  const store = await storeWith(5);
  let running = 0;
  let peak = 0;
  const perAccount = new Map<string, number>();
  const gates: Array<() => void> = [];
  const { hc } = checker(store, async (a) => {
    perAccount.set(a.id, (perAccount.get(a.id) ?? 0) + 1);
    running++;
    peak = Math.max(peak, running);
    await new Promise<void>((release) => gates.push(release));
    running--;
  });
  const first = hc.runOnce(); // first sight with random 0: every account is due at once
  await new Promise((r) => setTimeout(r, 20));
  const second = await hc.runOnce(); // all five are in flight or queued: nothing to start
  assert.equal(second.checked, 0);
  while (gates.length || running) {
    gates.shift()?.();
    await new Promise((r) => setTimeout(r, 5));
  }
  assert.equal((await first).checked, 5);
  assert.equal(peak, 2);
  assert.deepEqual([...perAccount.values()], [1, 1, 1, 1, 1]);
  await store.close();
});

test('a 403 marks the account invalid (management: invalid-credentials) and it is not re-checked; 5xx backs off and never marks it', async () => {
  const store = await storeWith(2);
  const outcome: Record<string, ApiError | undefined> = { a0: new ApiError('invalid_credentials', { step: 'imap.login' }), a1: new ApiError('connect_refused', { step: 'imap.connect' }) };
  const calls: string[] = [];
  const { hc, advance, now } = checker(store, async (a) => {
    calls.push(a.id);
    if (outcome[a.id]) throw outcome[a.id];
  });
  assert.deepEqual(await hc.runOnce(), { checked: 2, ok: 0, invalid: 1, deferred: 1 });
  assert.equal((await store.findAccountById('a0'))!.syncState, 'invalid');
  assert.equal(managementAccountView((await store.findAccountById('a0'))!).sync_state, 'invalid-credentials');
  assert.equal((await store.findAccountById('a1'))!.syncState, 'running');
  assert.equal(hc.nextCheckAt('a1'), now() + 2 * HOUR, 'first backoff: 2 intervals');
  advance(2 * HOUR);
  outcome.a1 = new ApiError('greeting_timeout');
  assert.deepEqual(await hc.runOnce(), { checked: 1, ok: 0, invalid: 0, deferred: 1 });
  assert.equal(hc.nextCheckAt('a1'), now() + 4 * HOUR);
  for (let i = 0; i < 4; i++) {
    advance(24 * HOUR);
    await hc.runOnce();
  }
  assert.equal(hc.nextCheckAt('a1'), now() + 24 * HOUR, 'capped at maxBackoffMs');
  assert.equal((await store.findAccountById('a1'))!.syncState, 'running', 'provider errors never mark an account invalid');
  outcome.a1 = undefined;
  advance(24 * HOUR);
  assert.deepEqual(await hc.runOnce(), { checked: 1, ok: 1, invalid: 0, deferred: 0 });
  assert.equal(hc.nextCheckAt('a1'), now() + HOUR, 'a success resets the backoff');
  assert.equal(calls.filter((id) => id === 'a0').length, 1, 'an invalid account is not re-checked');
  await store.deleteAccount('a1');
  await hc.runOnce();
  assert.equal(hc.nextCheckAt('a1'), undefined, 'a deleted account leaves the schedule');
  await store.close();
});

test('a refresh token that now names another account marks the account invalid, like a 403; a 400 of any other kind is deferred', async () => {
  const store = await storeWith(2);
  const outcome: Record<string, ApiError> = { a0: new ApiError('oauth_account_mismatch', { step: 'oauth.userinfo' }), a1: new ApiError('invalid_value') };
  const { hc } = checker(store, async (a) => { throw outcome[a.id]; });
  assert.deepEqual(await hc.runOnce(), { checked: 2, ok: 0, invalid: 1, deferred: 1 });
  assert.equal((await store.findAccountById('a0'))!.syncState, 'invalid');
  assert.equal((await store.findAccountById('a1'))!.syncState, 'running');
  await store.close();
});

test('an account re-authorized while its check ran is not marked invalid', async () => {
  const store = await storeWith(1);
  const { hc } = checker(store, async () => {
    await store.upsertAccount({ clientId: 'app', emailKey: 'u0@x.test', emailAddress: 'u0@x.test', name: 'U', provider: 'imap', settings: {}, scopes: 'email', newId: 'x', now: 200 });
    throw new ApiError('invalid_credentials');
  });
  assert.deepEqual(await hc.runOnce(), { checked: 1, ok: 0, invalid: 0, deferred: 0 });
  assert.equal((await store.findAccountById('a0'))!.syncState, 'running');
  await store.close();
});

test('schedule configuration: defaults, and bad values named', () => {
  assert.deepEqual(loadConfig({}).health, { intervalMs: 6 * HOUR, jitter: 0.2, concurrency: 4, maxBackoffMs: 24 * HOUR });
  assert.deepEqual(loadConfig({ LATCHKEY_HEALTH_INTERVAL_S: '0', LATCHKEY_HEALTH_JITTER_PCT: '0', LATCHKEY_HEALTH_CONCURRENCY: '1' }).health, { intervalMs: 0, jitter: 0, concurrency: 1, maxBackoffMs: 24 * HOUR });
  assert.throws(() => loadConfig({ LATCHKEY_HEALTH_INTERVAL_S: 'hourly', LATCHKEY_HEALTH_JITTER_PCT: '90', LATCHKEY_HEALTH_CONCURRENCY: '0' }), (err: unknown) =>
    err instanceof ConfigError && ['LATCHKEY_HEALTH_INTERVAL_S', 'LATCHKEY_HEALTH_JITTER_PCT', 'LATCHKEY_HEALTH_CONCURRENCY'].every((n) => err.problems.some((p) => p.startsWith(n))));
});
