/**
 * Hosted login security without a browser (issue 8): what the page refuses before it is shown,
 * the brute-force limits on its form, an expired page, and that the password appears in no URL,
 * log or page. The browser-level behaviour is in test/browser/hosted-login.test.ts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DovecotPeer } from '../peers/dovecot.ts';
import { startHostedApp } from '../support/hosted-app.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';

const REDIRECT = 'https://app.example/cb?tenant=7';
let dovecot: DovecotPeer;
let lk: Latchkey;

before(async () => {
  ({ dovecot, lk } = await startHostedApp(REDIRECT, { LATCHKEY_LIMIT_PAIR_FAILURES: '2' }));
});
after(async () => {
  await lk?.stop();
  await dovecot?.stop();
});

const url = (p: Record<string, string>) => `${lk.url}/oauth/authorize?${new URLSearchParams({ client_id: lk.app.client_id, redirect_uri: REDIRECT, response_type: 'code', ...p })}`;

async function page(p: Record<string, string> = {}) {
  const res = await fetch(url(p), { redirect: 'manual' });
  const html = await res.text();
  const field = (n: string) => new RegExp(`name="${n}" value="([^"]+)"`).exec(html)?.[1];
  return { res, html, request: field('request'), csrf: field('csrf_token'), cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

async function post(p: Awaited<ReturnType<typeof page>>, form: Record<string, string>) {
  const res = await fetch(`${lk.url}/oauth/authorize`, {
    method: 'POST', redirect: 'manual', headers: { cookie: p.cookie! },
    body: new URLSearchParams({ request: p.request!, csrf_token: p.csrf!, ...form }),
  });
  return { res, html: await res.text() };
}

describe('hosted login: refusals, limits, secrecy', () => {
  test('redirect URIs match exactly: case, trailing slash, other query, other scheme are 400 pages, never redirects', async () => {
    for (const bad of ['https://app.example/cb', 'https://APP.example/cb?tenant=7', 'https://app.example/cb/?tenant=7', 'http://app.example/cb?tenant=7', 'https://app.example/cb?tenant=7&x=1', 'javascript:alert(1)', '']) {
      const res = await fetch(url({ redirect_uri: bad, redirect_on_error: 'true', state: 's' }), { redirect: 'manual' });
      assert.equal(res.status, 400, bad);
      assert.equal(res.headers.get('location'), null);
      assert.match(res.headers.get('content-type')!, /^text\/html/);
    }
    const ok = await page({ state: 's' });
    assert.equal(ok.res.status, 200);
    for (const provider of ['imap', 'testmail', 'yahoo']) assert.equal((await page({ provider })).res.status, 200, `${provider}: a password provider is shown the form`);
  });

  test('a registered URI keeps its own query; parameters are added to it', async () => {
    const p = await page({ state: 'q' });
    const { res } = await post(p, { name: 'Alice', email_address: 'alice@example.test', password: 'alice-secret' });
    assert.equal(res.status, 303);
    const loc = new URL(res.headers.get('location')!);
    assert.deepEqual([loc.origin + loc.pathname, loc.searchParams.get('tenant'), loc.searchParams.get('state')], ['https://app.example/cb', '7', 'q']);
    assert.match(loc.searchParams.get('code')!, /^lkc_/);
    const t = await lk.post('/oauth/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: loc.searchParams.get('code'), grant_type: 'authorization_code', redirect_uri: REDIRECT });
    assert.equal(t.status, 200, JSON.stringify(t.body));
    const events = await lk.ctx.store.listAuditEvents(lk.app.client_id, { sinceMs: 0, limit: 10 });
    assert.deepEqual(events.slice(0, 2).map((e) => [e.event, e.outcome]), [['oauth.token', 'ok'], ['connect.authorize', 'ok']], 'the hosted login and its exchange are audited');
  });

  test('bad parameters after a good redirect URI: a 400 page, or a redirect with error only when asked', async () => {
    for (const [p, reason] of [
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ scopes: 'email,root' }, 'invalid_scope'],
      [{ state: 'x'.repeat(256) }, 'invalid_value'],
      [{ code_challenge: 'short', code_challenge_method: 'S256' }, 'invalid_value'],
      [{ code_challenge: 'a'.repeat(43) }, 'invalid_value'],
      [{ provider: 'gmail' }, 'unsupported_provider'],
      [{ provider: 'office365' }, 'unsupported_provider'],
      [{ provider: 'exchange' }, 'unsupported_provider'],
      [{ provider: 'hotmail' }, 'unsupported_provider'],
      [{ provider: 'no-such-provider' }, 'unsupported_provider'],
    ] as const) {
      const shown = await fetch(url(p), { redirect: 'manual' });
      assert.equal(shown.status, 400, reason);
      const sent = await fetch(url({ ...p, redirect_on_error: 'true' }), { redirect: 'manual' });
      assert.equal(sent.status, 303);
      assert.equal(new URL(sent.headers.get('location')!).searchParams.get('reason'), reason);
    }
  });

  test('the page expires after 30 minutes', async () => {
    const p = await page();
    lk.advance(31 * 60 * 1000);
    try {
      const { res, html } = await post(p, { name: 'Alice', email_address: 'alice@example.test', password: 'alice-secret' });
      assert.equal(res.status, 400);
      assert.match(html, /expired/);
    } finally {
      lk.advance(-31 * 60 * 1000);
    }
  });

  test('the brute-force limits apply to the form: after 2 refusals the pair answers 429 without asking the provider', async () => {
    const p = await page();
    for (let i = 0; i < 2; i++) {
      const { res, html } = await post(p, { name: 'Bob', email_address: 'bob@example.test', password: `guess-${i}` });
      assert.equal(res.status, 403);
      assert.match(html, /id="password-error"/);
    }
    const { res, html } = await post(p, { name: 'Bob', email_address: 'bob@example.test', password: 'bob-secret' });
    assert.equal(res.status, 429);
    assert.match(html, /Too many attempts/);
  });

  test('the password is in no URL, log line or page; the form is not cached', async () => {
    const p = await page();
    const { res, html } = await post(p, { name: 'Quote', email_address: 'quote@example.test', password: 'secret-"<script>' });
    assert.equal(res.status, 403);
    assert.ok(!html.includes('secret-'), 'not echoed');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const csp = res.headers.get('content-security-policy')!;
    assert.doesNotMatch(csp, /unsafe/);
    assert.match(csp, /script-src 'nonce-[A-Za-z0-9+/=]{24}';/, 'the only script is the page\'s own, by nonce');
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)![1]!;
    assert.deepEqual([...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]), [` nonce="${nonce}"`], 'one script element, carrying the nonce');
    const all = lk.logs.join('\n');
    for (const s of ['secret-', 'alice-secret', 'guess-0']) assert.ok(!all.includes(s), `${s} not logged`);
  });
});

describe('hosted login: detection is throttled', () => {
  test('the form\'s provider detection (DNS, autoconfig) has a per-client budget: past it 429, and no more lookups', async () => {
    const { startDnsServer } = await import('../peers/dns-server.ts');
    const dns = await startDnsServer({});
    const lk2 = await startLatchkey({ LATCHKEY_DNS_SERVERS: dns.address, LATCHKEY_LIMIT_CLIENT_PER_MINUTE: '3' });
    try {
      await lk2.ctx.store.updateApplication(lk2.app.client_id, { redirectUris: [REDIRECT] });
      const res = await fetch(`${lk2.url}/oauth/authorize?${new URLSearchParams({ client_id: lk2.app.client_id, redirect_uri: REDIRECT, response_type: 'code' })}`);
      const html = await res.text();
      const field = (n: string) => new RegExp(`name="${n}" value="([^"]+)"`).exec(html)?.[1]!;
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
      const statuses: number[] = [];
      let queriesAtLimit = 0;
      for (let i = 0; i < 5; i++) {
        const r = await fetch(`${lk2.url}/oauth/authorize`, {
          method: 'POST', redirect: 'manual', headers: { cookie },
          body: new URLSearchParams({ request: field('request'), csrf_token: field('csrf_token'), name: 'N', email_address: `n@unknown${i}.test`, password: 'pw-123456' }),
        });
        statuses.push(r.status);
        if (i === 2) queriesAtLimit = dns.queries.length;
        if (r.status === 429) assert.match(await r.text(), /Too many attempts/);
      }
      assert.deepEqual(statuses, [400, 400, 400, 429, 429]);
      assert.ok(queriesAtLimit > 0, 'detection asked DNS');
      assert.equal(dns.queries.length, queriesAtLimit, 'nothing looked up past the budget');
    } finally {
      await lk2.stop();
      await dns.close();
    }
  });
});
