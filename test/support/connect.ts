import assert from 'node:assert/strict';
import type { DovecotPeer } from '../peers/dovecot.ts';
import type { Latchkey } from './latchkey.ts';
import { HealthChecker } from '../../src/health/checker.ts';
import { ApiError } from '../../src/errors/api-error.ts';
import { emitAccountEvent } from '../../src/webhooks/events.ts';

/** Variant I settings for a Dovecot user: implicit TLS IMAP, STARTTLS submission. */
export function dovecotSettings(dovecot: DovecotPeer, user: string, password: string): Record<string, unknown> {
  return {
    imap_host: dovecot.host, imap_port: dovecot.imapTlsPort, imap_username: user, imap_password: password, imap_security: 'ssl',
    smtp_host: dovecot.host, smtp_port: dovecot.submissionStartTlsPort, smtp_username: user, smtp_password: password, smtp_security: 'starttls',
  };
}

/**
 * The native flow for one Dovecot user (authorize → token) under the server's test app, or under
 * `app` when given. Asserts each step answers 200.
 * @returns the token response body (the account object plus `access_token`).
 */
export async function connectAccount(lk: Latchkey, dovecot: DovecotPeer, user: string, app = lk.app): Promise<{ id: string; access_token: string } & Record<string, unknown>> {
  const a = await lk.post('/connect/authorize', {
    client_id: app.client_id, name: user, email_address: user, provider: 'imap', settings: dovecotSettings(dovecot, user, dovecot.users[user]!), scopes: 'email.read_only,contacts',
  });
  assert.equal(a.status, 200, JSON.stringify(a.body));
  const t = await lk.post('/connect/token', { client_id: app.client_id, client_secret: app.client_secret, code: a.body.code });
  assert.equal(t.status, 200, JSON.stringify(t.body));
  return t.body;
}

/** `Authorization: Basic base64(user:)` — a client secret or an access token as the username. */
export function basic(user: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${user}:`).toString('base64')}` };
}

/**
 * One credential health pass whose re-check refuses every due account (`invalid_credentials`),
 * each marked invalid with its `account.invalid` event, as a changed password would.
 * @returns how many accounts the pass marked invalid
 */
export async function failHealthCheck(lk: Latchkey): Promise<number> {
  const health = new HealthChecker({
    store: lk.ctx.store, log: lk.ctx.log, now: lk.ctx.now, random: () => 0,
    check: async () => { throw new ApiError('invalid_credentials'); },
    onInvalid: (a) => emitAccountEvent(lk.ctx, a, 'account.invalid'),
  }, { intervalMs: 60_000, jitter: 0, concurrency: 1, maxBackoffMs: 60_000 });
  return (await health.runOnce()).invalid;
}
