import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';

/**
 * Brute-force limits end to end (issue 6 §2): wrong passwords against the real Dovecot, counted
 * on Dovecot's own log, and refused destinations (no packet sent) for the per-IP limit.
 */
let dovecot: DovecotPeer;
let lk: Latchkey;
const PAIR_LIMIT = 5;

before(async () => {
  dovecot = await startDovecot({ users: { 'carol@example.test': 'carol-secret', 'dave@example.test': 'dave-secret', 'x0@example.test': 'x0-secret', 'x1@example.test': 'x1-secret', 'x2@example.test': 'x2-secret' } });
  lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: dovecot.caPath, LATCHKEY_LIMIT_PAIR_FAILURES: String(PAIR_LIMIT), LATCHKEY_LIMIT_IP_FAILURES: '1000' });
});
after(async () => {
  await lk?.stop();
  await dovecot?.stop();
});

function body(user: string, password: string) {
  return {
    client_id: lk.app.client_id, name: 'Carol', email_address: user, provider: 'imap', scopes: 'email.read_only',
    settings: {
      imap_host: dovecot.host, imap_port: dovecot.imapTlsPort, imap_username: user, imap_password: password, imap_security: 'ssl',
      smtp_host: dovecot.host, smtp_port: dovecot.submissionStartTlsPort, smtp_security: 'starttls',
    },
  };
}

/** Lines Dovecot logged so far, once the log has stopped growing (lines are written at disconnect). */
async function settledLog(): Promise<string[]> {
  let last = -1;
  for (;;) {
    const lines = readFileSync(dovecot.logPath, 'utf8').split('\n').filter(Boolean);
    if (lines.length === last) return lines;
    last = lines.length;
    await new Promise((r) => setTimeout(r, 400));
  }
}

/** Failed logins Dovecot itself logged for `user` ("auth failed, N attempts"). */
const failuresOf = (lines: string[], user: string) => lines.filter((l) => l.includes('auth failed') && l.includes(`user=<${user}>`)).length;

describe('brute-force limits', () => {
  test('20 wrong passwords: 429 from the configured threshold on, and Dovecot sees nothing after it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < PAIR_LIMIT; i++) statuses.push((await lk.post('/connect/authorize', body('carol@example.test', `wrong-${i}`))).status);
    const atThreshold = await settledLog();
    // One authorize may try PLAIN then LOGIN (DECISIONS "Verifying credentials"): at least one login each.
    assert.ok(failuresOf(atThreshold, 'carol@example.test') >= PAIR_LIMIT);
    let first429: { headers: Headers; body: any } | undefined;
    for (let i = PAIR_LIMIT; i < 20; i++) {
      const r = await lk.post('/connect/authorize', body('carol@example.test', `wrong-${i}`));
      statuses.push(r.status);
      first429 ??= r.status === 429 ? r : undefined;
    }
    assert.deepEqual(statuses, [...Array(PAIR_LIMIT).fill(403), ...Array(20 - PAIR_LIMIT).fill(429)]);
    // Not one more line: no login, not even a connection.
    assert.deepEqual(await settledLog(), atThreshold);

    assert.ok(first429);
    assert.deepEqual({ reason: first429.body.reason, type: first429.body.type }, { reason: 'rate_limited', type: 'api_error' });
    const retryAfter = Number(first429.headers.get('retry-after'));
    assert.ok(retryAfter > 890 && retryAfter <= 900, `Retry-After ${retryAfter}`);
    assert.equal(first429.headers.get('x-ratelimit-limit'), String(PAIR_LIMIT));
    const reset = Number(first429.headers.get('x-ratelimit-reset'));
    assert.ok(Math.abs(reset - (Math.ceil(Date.now() / 1000) + retryAfter)) <= 2, `X-RateLimit-Reset ${reset}`);

    // The right password does not get through a lock either (it would be a free guess).
    const right = await lk.post('/connect/authorize', body('carol@example.test', 'carol-secret'));
    assert.equal(right.status, 429);
  });

  test('a different address of the same client is unaffected, and its success resets only its own count', async () => {
    for (let i = 0; i < PAIR_LIMIT - 1; i++) assert.equal((await lk.post('/connect/authorize', body('dave@example.test', `wrong-${i}`))).status, 403);
    assert.equal((await lk.post('/connect/authorize', body('dave@example.test', 'dave-secret'))).status, 200);
    // The count started over: another PAIR_LIMIT - 1 failures do not lock.
    for (let i = 0; i < PAIR_LIMIT - 1; i++) assert.equal((await lk.post('/connect/authorize', body('dave@example.test', `again-${i}`))).status, 403);
    assert.equal((await lk.post('/connect/authorize', body('dave@example.test', 'dave-secret'))).status, 200);
    // …and carol stays locked.
    assert.equal((await lk.post('/connect/authorize', body('carol@example.test', 'carol-secret'))).status, 429);
  });
});

/** A request the outbound policy refuses before any connection (10.0.0.1 is private): a failure, no packet. */
function refusedBody(lk2: Latchkey, email: string) {
  return {
    client_id: lk2.app.client_id, name: 'Eve', email_address: email, provider: 'imap',
    settings: { imap_host: '10.0.0.1', imap_port: 993, imap_password: 'x', smtp_host: '10.0.0.1', smtp_port: 465 },
  };
}

describe('brute-force limits without a provider (refused destinations count as failures)', () => {
  test('the per-IP limit locks every address from that IP; a pair lock doubles on repeat', async () => {
    const lk2 = await startLatchkey({ LATCHKEY_LIMIT_PAIR_FAILURES: '2', LATCHKEY_LIMIT_IP_FAILURES: '6', LATCHKEY_LIMIT_LOCK_S: '1' });
    try {
      const first = [];
      for (let i = 0; i < 2; i++) first.push((await lk2.post('/connect/authorize', refusedBody(lk2, 'eve@example.test'))).status);
      assert.deepEqual(first, [422, 422]);
      const locked = await lk2.post('/connect/authorize', refusedBody(lk2, 'eve@example.test'));
      assert.equal(locked.status, 429);
      assert.equal(locked.headers.get('retry-after'), '1');
      await new Promise((r) => setTimeout(r, 1100));
      // Second lock-out of the same pair: twice as long.
      for (let i = 0; i < 2; i++) assert.equal((await lk2.post('/connect/authorize', refusedBody(lk2, 'eve@example.test'))).status, 422);
      const again = await lk2.post('/connect/authorize', refusedBody(lk2, 'eve@example.test'));
      assert.equal(again.status, 429);
      assert.equal(again.headers.get('retry-after'), '2');
      // 4 IP failures so far; two more from other addresses reach the IP's threshold of 6.
      assert.equal((await lk2.post('/connect/authorize', refusedBody(lk2, 'f1@example.test'))).status, 422);
      assert.equal((await lk2.post('/connect/authorize', refusedBody(lk2, 'f2@example.test'))).status, 422);
      const ipLocked = await lk2.post('/connect/authorize', refusedBody(lk2, 'fresh@example.test'));
      assert.equal(ipLocked.status, 429);
      assert.equal(ipLocked.body.reason, 'rate_limited');
      assert.equal(ipLocked.headers.get('x-ratelimit-limit'), '6');
    } finally {
      await lk2.stop();
    }
  });

  test('requests per client per minute, whatever their outcome', async () => {
    const lk3 = await startLatchkey({ LATCHKEY_LIMIT_CLIENT_PER_MINUTE: '4' });
    try {
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await lk3.post('/connect/authorize', refusedBody(lk3, `c${i}@example.test`))).status);
      assert.deepEqual(statuses, [422, 422, 422, 422, 429, 429]);
      const r = await lk3.post('/connect/authorize', refusedBody(lk3, 'c9@example.test'));
      assert.equal(r.headers.get('x-ratelimit-limit'), '4');
      assert.ok(Number(r.headers.get('retry-after')) <= 60);
    } finally {
      await lk3.stop();
    }
  });
});

describe('the limit follows the mailbox, not the spelling of the request', () => {
  test('decoy addresses with the victim’s imap_username, a second application and address variants share one count', async () => {
    const lk4 = await startLatchkey({ LATCHKEY_LIMIT_PAIR_FAILURES: '3', LATCHKEY_LIMIT_IP_FAILURES: '1000' });
    try {
      const other = await (await import('../../src/app/applications.ts')).createApplication(lk4.ctx.store, 'Second app', [], Date.now());
      const attempt = (clientId: string, email: string, login: string) => lk4.post('/connect/authorize', {
        client_id: clientId, name: 'M', email_address: email, provider: 'imap',
        settings: { imap_host: '10.0.0.1', imap_port: 993, imap_username: login, imap_password: 'x', smtp_host: '10.0.0.1', smtp_port: 465 },
      });
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await attempt(lk4.app.client_id, `decoy${i}@example.test`, 'victim@example.test')).status);
      statuses.push((await attempt(other.client_id, 'decoy9@example.test', 'VICTIM@example.test')).status);
      assert.deepEqual(statuses, [422, 422, 422, 429], 'the login tried is one mailbox whatever the address or the application');
      for (const variant of ['ｖｉｃｔｉｍ@example.test', 'victim@example.test.', 'vic\u200btim@example.test']) {
        assert.equal((await attempt(lk4.app.client_id, variant, variant)).status, 429, JSON.stringify(variant));
      }
    } finally {
      await lk4.stop();
    }
  });
});

describe('the SMTP login counts too', () => {
  test('wrong smtp_password guesses for one smtp_username behind IMAP logins that succeed (a new address and IMAP user each time) → 429 at the threshold', async () => {
    const lk5 = await startLatchkey({ LATCHKEY_TLS_CA_FILE: dovecot.caPath, LATCHKEY_LIMIT_PAIR_FAILURES: '2', LATCHKEY_LIMIT_IP_FAILURES: '1000' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await lk5.post('/connect/authorize', {
          client_id: lk5.app.client_id, name: 'X', email_address: `x${i}@example.test`, provider: 'imap',
          settings: {
            imap_host: dovecot.host, imap_port: dovecot.imapTlsPort, imap_security: 'ssl', imap_username: `x${i}@example.test`, imap_password: `x${i}-secret`,
            smtp_host: dovecot.host, smtp_port: dovecot.submissionStartTlsPort, smtp_security: 'starttls', smtp_username: 'dave@example.test', smtp_password: `guess-${i}`,
          },
        });
        statuses.push(r.status);
        if (i === 0) assert.equal(r.body.step, 'smtp.auth', JSON.stringify(r.body));
      }
      assert.deepEqual(statuses, [403, 403, 429]);
    } finally {
      await lk5.stop();
    }
  });
});
