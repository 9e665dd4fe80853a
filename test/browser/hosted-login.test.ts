/**
 * Latchkey's hosted login page (issue 8; reference §6.7) in headless Chromium against a real
 * Dovecot: redirect with code and state, the token exchange (POST and GET), PKCE, errors beside
 * their fields, the advanced panel, keyboard-only and JavaScript-free use, redirect_on_error, CSRF
 * and open-redirect refusals. Screenshots: test-output/screenshots/hosted-*.png.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { startCallbackServer, type CallbackServer } from '../support/callback-server.ts';
import { guardedContext, launchBrowser, screenshot, solidPng, type GuardedContext } from '../support/browser.ts';

const LOGO = 'https://assets.shop.example/logo.png';
const DANA = 'dana@elsewhere.test';
let dovecot: DovecotPeer;
let lk: Latchkey;
let cb: CallbackServer;
let browser: Browser;
const contexts: GuardedContext[] = [];

before(async () => {
  dovecot = await startDovecot({ users: { [DANA]: 'dana-secret', 'erin@example.test': 'erin-secret', 'kim@example.test': 'kim-secret' } });
  const providersFile = join(dovecot.dir, 'providers.json');
  // example.test is a known password provider whose servers are the test Dovecot; elsewhere.test is unknown.
  writeFileSync(providersFile, JSON.stringify({
    testmail: { label: 'Test Mail', auth: 'password', domains: ['example.test'], imap: { host: dovecot.host, port: dovecot.imapTlsPort, security: 'ssl' }, smtp: { host: dovecot.host, port: dovecot.submissionStartTlsPort, security: 'starttls' } },
  }));
  lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: dovecot.caPath, LATCHKEY_PROVIDERS_FILE: providersFile, LATCHKEY_ISPDB_URL: 'https://127.0.0.1:1/v1.1' });
  cb = await startCallbackServer();
  await lk.ctx.store.updateApplication(lk.app.client_id, { name: 'Shop', iconUrl: LOGO, redirectUris: [cb.url], accentColor: '#0f766e' });
  browser = await launchBrowser();
});
after(async () => {
  for (const c of contexts) await c.context.close().catch(() => undefined);
  await browser?.close();
  await cb?.close();
  await lk?.stop();
  await dovecot?.stop();
});

async function open(options: { javaScriptEnabled?: boolean } = {}): Promise<GuardedContext> {
  const c = await guardedContext(browser, options, { [LOGO]: { contentType: 'image/png', body: solidPng(64, [15, 118, 110]) } });
  contexts.push(c);
  return c;
}

function authorizeUrl(params: Record<string, string> = {}): string {
  const q = new URLSearchParams({ client_id: lk.app.client_id, redirect_uri: cb.url, response_type: 'code', scopes: 'email.read_only', ...params });
  return `${lk.url}/oauth/authorize?${q}`;
}

/**
 * Walks the form's steps with the mouse-free Playwright helpers: the address (when the page asks
 * for it) → Continue → name and password → Connect; waits for each next page.
 */
async function signIn(page: Page, name: string, email: string | undefined, password: string): Promise<void> {
  if (await page.locator('input[name=action][value=detect]').count()) {
    if (email !== undefined) await page.fill('#email_address', email);
    await Promise.all([page.waitForNavigation(), page.click('#login button[type=submit]')]);
    if (await page.locator('#email_address-error').count()) return;
  }
  await page.fill('#name', name);
  await page.fill('#password', password);
  await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.click('#login button[type=submit]')]);
}

function lastCallback(): URLSearchParams {
  const q = cb.received.at(-1);
  assert.ok(q, 'the application received a callback');
  return q;
}

function noSecretsLogged(...secrets: string[]): void {
  const all = lk.logs.join('\n');
  for (const s of secrets) assert.ok(!all.includes(s), 'a secret reached the log');
}

describe('hosted login page in Chromium', () => {
  test('success: themed page → redirect with code and state → POST /oauth/token → GET /account', async () => {
    const { page, refused } = await open();
    const res = await page.goto(authorizeUrl({ state: 'st-42', login_hint: 'alice@example.test' }));
    assert.equal(res?.status(), 200);
    const h = await res!.allHeaders();
    assert.match(h['content-security-policy']!, /default-src 'none'; script-src 'nonce-([^']+)'; style-src 'nonce-\1'; img-src https:\/\/assets\.shop\.example; form-action 'self' http:\/\/127\.0\.0\.1:\d+; frame-ancestors 'none'; base-uri 'none'/);
    assert.equal(h['x-frame-options'], 'DENY');
    assert.equal(h['cache-control'], 'no-store');
    assert.match(h['set-cookie']!, /lk_csrf=[A-Za-z0-9_-]{43}; Path=\/oauth\/authorize; HttpOnly; SameSite=Strict/);
    assert.equal(await page.locator('h1').textContent(), 'Connect your mailbox to Shop');
    assert.equal(await page.inputValue('#email_address'), 'alice@example.test', 'login_hint prefills the address');
    assert.equal(await page.locator('header img').evaluate((img: HTMLImageElement) => img.naturalWidth), 64, 'the logo loaded');
    assert.equal(await page.locator('main').evaluate((m) => getComputedStyle(m).borderTopColor), 'rgb(15, 118, 110)', 'accent colour applied');
    assert.equal(await page.locator('label[for=email_address]').count(), 1, 'the address has a label');
    assert.equal(await page.locator('#password').count(), 0, 'the address comes first, alone');
    await screenshot(page, 'hosted-login');
    await Promise.all([page.waitForNavigation(), page.click('#login button[type=submit]')]);
    assert.equal(await page.locator('#servers').count(), 0, 'a detected provider needs no server settings');
    for (const id of ['name', 'password']) assert.equal(await page.locator(`label[for=${id}]`).count(), 1, `${id} has a label`);

    await signIn(page, 'Alice', undefined, 'alice-secret');
    assert.match(page.url(), new RegExp(`^${cb.url}\\?code=lkc_[A-Za-z0-9_-]{43}&state=st-42$`));
    assert.ok(!page.url().includes('alice-secret'));
    await screenshot(page, 'hosted-redirected-to-app');
    const code = lastCallback().get('code')!;

    const t = await lk.post('/oauth/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code, grant_type: 'authorization_code', redirect_uri: cb.url });
    assert.equal(t.status, 200, JSON.stringify(t.body));
    assert.deepEqual(Object.keys(t.body).sort(), ['access_token', 'account_id', 'email_address', 'provider', 'token_type']);
    assert.equal(t.body.email_address, 'alice@example.test');
    assert.equal(t.body.provider, 'testmail');
    assert.equal(t.body.token_type, 'bearer');
    const acct = await lk.get('/account', { authorization: `Bearer ${t.body.access_token}` });
    assert.equal(acct.status, 200);
    assert.equal(acct.body.id, t.body.account_id);
    assert.equal(acct.body.name, 'Alice');

    const again = await lk.post('/oauth/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code, grant_type: 'authorization_code' });
    assert.equal(again.body.reason, 'invalid_code', 'a code is used once');
    assert.equal((await lk.get('/account', { authorization: `Bearer ${t.body.access_token}` })).status, 401, 'the replay revoked the token');
    assert.deepEqual(refused, [], 'the browser asked for nothing off loopback');
    noSecretsLogged('alice-secret', code, t.body.access_token);
  });

  test('GET /oauth/token with query parameters (the v2 Node SDK); hosted codes are refused at /connect/token and vice versa', async () => {
    const { page } = await open();
    await page.goto(authorizeUrl({ state: 'g' }));
    await signIn(page, 'Erin', 'erin@example.test', 'erin-secret');
    const code = lastCallback().get('code')!;
    const wrongRoute = await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code });
    assert.equal(wrongRoute.body.reason, 'invalid_code', '/connect/token does not redeem a hosted code');
    const wrongUri = await lk.get(`/oauth/token?${new URLSearchParams({ client_id: lk.app.client_id, client_secret: lk.app.client_secret, code, grant_type: 'authorization_code', redirect_uri: `${cb.url}/other` })}`);
    assert.equal(wrongUri.body.reason, 'invalid_code', 'another redirect_uri is refused');
    const q = new URLSearchParams({ client_id: lk.app.client_id, client_secret: lk.app.client_secret, code, grant_type: 'authorization_code' });
    const t = await lk.get(`/oauth/token?${q}`);
    assert.equal(t.status, 200, JSON.stringify(t.body));
    assert.equal(t.body.email_address, 'erin@example.test');
    const bad = await lk.get(`/oauth/token?${new URLSearchParams({ client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: 'x', grant_type: 'password' })}`);
    assert.deepEqual([bad.status, bad.body.reason], [400, 'unsupported_grant_type']);
  });

  test('wrong password: shown beside the password field, focused, never echoed', async () => {
    const { page } = await open();
    await page.goto(authorizeUrl({ state: 'w' }));
    const before = cb.received.length;
    await signIn(page, 'Alice', 'alice@example.test', 'not-the-password');
    assert.equal(cb.received.length, before, 'no redirect');
    const err = page.locator('#password-error .plain');
    assert.equal(await err.textContent(), 'Your mail provider did not accept this email address and password. Check them and try again.');
    assert.match((await page.locator('#password-error details').textContent())!, /Technical details.*invalid_credentials/s, 'the exact words behind a disclosure');
    assert.equal(await page.getAttribute('#password', 'aria-invalid'), 'true');
    assert.equal(await page.getAttribute('#password', 'aria-describedby'), 'password-error');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'password', 'focus moves to the field in error');
    assert.equal(await page.inputValue('#password'), '');
    assert.equal(await page.inputValue('#name'), 'Alice', 'what was typed stays');
    assert.ok(!(await page.content()).includes('not-the-password'));
    await screenshot(page, 'hosted-wrong-password');
    noSecretsLogged('not-the-password');
  });

  test('unknown domain: the server settings are asked for after the address; filled in, it connects', async () => {
    const { page } = await open();
    await page.goto(authorizeUrl({ state: 'adv' }));
    await page.fill('#email_address', DANA);
    await Promise.all([page.waitForNavigation(), page.click('#login button[type=submit]')]);
    assert.equal(await page.locator('#servers').count(), 1);
    assert.match((await page.locator('#servers .lead').textContent())!, /could not find the mail servers of elsewhere\.test/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'name');
    await screenshot(page, 'hosted-advanced-panel');
    await page.fill('#imap_host', dovecot.host);
    await page.fill('#imap_port', String(dovecot.imapTlsPort));
    await page.selectOption('#imap_security', 'ssl');
    await page.fill('#smtp_host', dovecot.host);
    await page.fill('#smtp_port', '1');
    await signIn(page, 'Dana', undefined, 'dana-secret');
    assert.match((await page.locator('#smtp_host-error').textContent())!, /.+/, 'an unreachable SMTP server is shown beside the SMTP host');
    await screenshot(page, 'hosted-server-unreachable');
    await page.fill('#smtp_port', String(dovecot.submissionStartTlsPort));
    await page.selectOption('#smtp_security', 'starttls');
    await signIn(page, 'Dana', undefined, 'dana-secret');
    assert.equal(lastCallback().get('state'), 'adv');
    assert.match(lastCallback().get('code')!, /^lkc_/);
  });

  test('keyboard only: type, Enter, type, Tab, type, Enter', async () => {
    const { page } = await open();
    await page.goto(authorizeUrl({ state: 'kb' }));
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'email_address', 'the address has the focus');
    await page.keyboard.type('kim@example.test');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'name', 'then the name');
    await page.keyboard.type('Kim');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'password');
    await page.keyboard.type('kim-secret');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(lastCallback().get('state'), 'kb');
  });

  test('without JavaScript the form works the same', async () => {
    const { page } = await open({ javaScriptEnabled: false });
    await page.goto(authorizeUrl({ state: 'nojs' }));
    await signIn(page, 'Bob', 'bob@example.test', 'bob-secret');
    assert.equal(lastCallback().get('state'), 'nojs');
    assert.match(lastCallback().get('code')!, /^lkc_/);
  });

  test('PKCE: a public client redeems with code_verifier and no secret; a wrong verifier is refused without burning the code', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const { page } = await open();
    await page.goto(authorizeUrl({ state: 'pkce', code_challenge: challenge, code_challenge_method: 'S256' }));
    await signIn(page, 'Bob', 'bob@example.test', 'bob-secret');
    const code = lastCallback().get('code')!;
    const form = (p: Record<string, string>) => lk.post('/oauth/token', new URLSearchParams({ client_id: lk.app.client_id, code, grant_type: 'authorization_code', redirect_uri: cb.url, ...p }).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    const wrong = await form({ code_verifier: randomBytes(32).toString('base64url') });
    assert.deepEqual([wrong.status, wrong.body.reason], [400, 'invalid_code']);
    const none = await form({});
    assert.deepEqual([none.status, none.body.reason], [400, 'missing_fields']);
    const secretOnly = await form({ client_secret: lk.app.client_secret });
    assert.deepEqual([secretOnly.status, secretOnly.body.reason], [400, 'invalid_code'], 'a PKCE code needs its verifier even with the secret');
    const right = await form({ code_verifier: verifier });
    assert.equal(right.status, 200, JSON.stringify(right.body));
    assert.equal(right.body.email_address, 'bob@example.test');

    const plain = await fetch(authorizeUrl({ code_challenge: verifier, code_challenge_method: 'plain' }), { redirect: 'manual' });
    assert.equal(plain.status, 400, 'plain is refused');
    assert.match(await plain.text(), /code_challenge_method must be S256/);
  });

  test('an unregistered redirect URI (or unknown client) is refused with a 400 page before any login page, never redirected', async () => {
    const { page, refused } = await open();
    const before = cb.received.length;
    for (const [name, params] of [
      ['hosted-unregistered-redirect', { redirect_uri: 'https://evil.example/steal' }],
      ['hosted-prefix-redirect', { redirect_uri: `${cb.url}/../evil` }],
      ['hosted-unknown-client', { client_id: 'nope' }],
    ] as const) {
      const res = await page.goto(authorizeUrl({ state: 's', redirect_on_error: 'true', ...params }));
      assert.equal(res?.status(), 400, name);
      assert.ok(page.url().startsWith(lk.url), 'the browser stayed on Latchkey');
      assert.equal(await page.locator('form').count(), 0, 'no login form');
      assert.match((await page.locator('[role=alert]').textContent())!, /registered|does not exist/);
      await screenshot(page, name);
    }
    assert.equal(cb.received.length, before);
    assert.deepEqual(refused, [], 'nothing was requested from evil.example');
  });

  test('redirect_on_error=true: a refused login goes back to the app with error, reason and state', async () => {
    const { page } = await open();
    await page.goto(authorizeUrl({ state: 'roe', redirect_on_error: 'true' }));
    await signIn(page, 'Alice', 'alice@example.test', 'wrong');
    const q = lastCallback();
    assert.deepEqual([q.get('error'), q.get('reason'), q.get('state'), q.get('code')], ['auth_error', 'invalid_credentials', 'roe', null]);
    assert.ok(!page.url().includes('wrong'));
    await screenshot(page, 'hosted-redirect-on-error');
    const bad = await fetch(authorizeUrl({ state: 'roe2', redirect_on_error: 'true', response_type: 'token' }), { redirect: 'manual' });
    assert.equal(bad.status, 303);
    const loc = new URL(bad.headers.get('location')!);
    assert.deepEqual([loc.origin + loc.pathname, loc.searchParams.get('reason'), loc.searchParams.get('state')], [cb.url, 'unsupported_response_type', 'roe2']);
  });

  test('CSRF: the form without its token, or without the cookie, is refused (403) and nothing is verified', async () => {
    const { page } = await open();
    await page.goto(authorizeUrl({ state: 'csrf' }));
    await page.fill('#email_address', 'alice@example.test');
    await page.evaluate(() => document.querySelector('#login input[name=csrf_token]')!.remove());
    const [res] = await Promise.all([page.waitForNavigation(), page.click('#login button[type=submit]')]);
    assert.equal(res?.status(), 403);
    assert.match((await page.locator('[role=alert]').textContent())!, /could not be verified/);
    await screenshot(page, 'hosted-csrf-refused');

    // Outside the browser: a form posted with a valid token but no cookie (a cross-site post).
    const get = await fetch(authorizeUrl());
    const html = await get.text();
    const field = (n: string) => new RegExp(`name="${n}" value="([^"]+)"`).exec(html)![1]!;
    const body = new URLSearchParams({ request: field('request'), csrf_token: field('csrf_token'), name: 'A', email_address: 'alice@example.test', password: 'alice-secret' });
    const noCookie = await fetch(`${lk.url}/oauth/authorize`, { method: 'POST', body, redirect: 'manual' });
    assert.equal(noCookie.status, 403);
    const otherCookie = await fetch(`${lk.url}/oauth/authorize`, { method: 'POST', body, redirect: 'manual', headers: { cookie: `lk_csrf=${randomBytes(32).toString('base64url')}` } });
    assert.equal(otherCookie.status, 403);
    const cookie = /lk_csrf=([^;]+)/.exec(get.headers.get('set-cookie')!)![1];
    const tampered = new URLSearchParams(body);
    tampered.set('request', field('request').slice(0, -4) + 'AAAA');
    const t = await fetch(`${lk.url}/oauth/authorize`, { method: 'POST', body: tampered, redirect: 'manual', headers: { cookie: `lk_csrf=${cookie}` } });
    assert.equal(t.status, 400, 'a tampered request is refused');
    const ok = await fetch(`${lk.url}/oauth/authorize`, { method: 'POST', body, redirect: 'manual', headers: { cookie: `lk_csrf=${cookie}` } });
    assert.equal(ok.status, 303, 'with its cookie the same form goes through');
  });
});
