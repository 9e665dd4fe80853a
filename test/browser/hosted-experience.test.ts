/**
 * The hosted page as a person meets it (issue 19), in headless Chromium against a real Dovecot:
 * progress at once and no second submit; the address first, then the provider found with its
 * sign-in hint; the password kept (sealed, never rendered) across a server-settings error; 390 px
 * without sideways scrolling; dark mode; Cancel; German and an operator-added language; the
 * reconnect link. Screenshots (1280 and 390 px, light and dark): test-output/screenshots/hosted-*.png
 * (docs/hosted-login-*.png are copies of these).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { startCallbackServer, type CallbackServer } from '../support/callback-server.ts';
import { guardedContext, launchBrowser, screenshot, type GuardedContext } from '../support/browser.ts';
import { createApplication } from '../../src/app/applications.ts';
import { reconnectUrl } from '../../src/hosted/reconnect.ts';

let dovecot: DovecotPeer;
let lk: Latchkey;
let cb: CallbackServer;
let browser: Browser;
let silent: Server;
const held: Socket[] = [];
const contexts: GuardedContext[] = [];
const LONG_NAME = 'W'.repeat(256);
let longApp: string;

before(async () => {
  dovecot = await startDovecot({ users: { 'dana@elsewhere.test': 'dana-secret', 'yuki@yahoo.test': 'yuki-secret' } });
  const providersFile = join(dovecot.dir, 'providers.json');
  const imap = { host: dovecot.host, port: dovecot.imapTlsPort, security: 'ssl' };
  const smtp = { host: dovecot.host, port: dovecot.submissionStartTlsPort, security: 'starttls' };
  // example.test: a password provider; yahoo.test: the built-in Yahoo entry (app passwords, help page) on the test Dovecot.
  writeFileSync(providersFile, JSON.stringify({ testmail: { label: 'Test Mail', auth: 'password', domains: ['example.test'], imap, smtp }, yahoo: { domains: ['yahoo.test'], imap, smtp } }));
  const locales = join(dovecot.dir, 'locales');
  mkdirSync(locales);
  writeFileSync(join(locales, 'fr.json'), JSON.stringify({ 'page.title': 'Connectez votre boîte mail à {app}', 'button.continue': 'Continuer' }));
  // A mail server that accepts connections and never greets.
  silent = createServer((s) => {
    held.push(s);
    s.on('error', () => undefined);
  });
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  lk = await startLatchkey({
    LATCHKEY_TLS_CA_FILE: dovecot.caPath, LATCHKEY_PROVIDERS_FILE: providersFile, LATCHKEY_ISPDB_URL: 'https://127.0.0.1:1/v1.1',
    LATCHKEY_HOSTED_LOCALES_DIR: locales, LATCHKEY_GREETING_TIMEOUT_MS: '3000',
  });
  cb = await startCallbackServer();
  await lk.ctx.store.updateApplication(lk.app.client_id, { name: 'Shop', redirectUris: [cb.url], accentColor: '#0f766e' });
  longApp = (await createApplication(lk.ctx.store, LONG_NAME, [cb.url], Date.now())).client_id;
  browser = await launchBrowser();
});
after(async () => {
  for (const c of contexts) await c.context.close().catch(() => undefined);
  await browser?.close();
  for (const s of held) s.destroy();
  silent?.close();
  await cb?.close();
  await lk?.stop();
  await dovecot?.stop();
});

async function open(options: Parameters<typeof guardedContext>[1] = {}): Promise<Page> {
  const c = await guardedContext(browser, options);
  contexts.push(c);
  return c.page;
}

function authorizeUrl(params: Record<string, string> = {}, clientId = lk.app.client_id): string {
  return `${lk.url}/oauth/authorize?${new URLSearchParams({ client_id: clientId, redirect_uri: cb.url, response_type: 'code', scopes: 'email.read_only,contacts.read_only', ...params })}`;
}

async function submit(page: Page): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click('#login button[type=submit]')]);
}

async function toPasswordStep(page: Page, email: string, params: Record<string, string> = {}, clientId?: string): Promise<void> {
  await page.goto(authorizeUrl(params, clientId));
  await page.fill('#email_address', email);
  await submit(page);
  assert.equal(await page.locator('input[name=action][value=verify]').count(), 1, 'the password step');
}

async function fillServers(page: Page, smtpPort: number): Promise<void> {
  await page.fill('#imap_host', dovecot.host);
  await page.fill('#imap_port', String(dovecot.imapTlsPort));
  await page.selectOption('#imap_security', 'ssl');
  await page.fill('#smtp_host', dovecot.host);
  await page.fill('#smtp_port', String(smtpPort));
  await page.selectOption('#smtp_security', 'starttls');
}

describe('the hosted page, as a person meets it', () => {
  test('progress shows at once on submit, and a second submit sends nothing', async () => {
    const page = await open();
    await toPasswordStep(page, 'dana@elsewhere.test');
    await page.fill('#imap_host', '127.0.0.1');
    await page.fill('#imap_port', String((silent.address() as { port: number }).port));
    await page.selectOption('#imap_security', 'starttls');
    await page.fill('#smtp_host', '127.0.0.1');
    await page.fill('#smtp_port', '25');
    await page.fill('#name', 'Dana');
    await page.fill('#password', 'dana-secret');
    const posts: string[] = [];
    page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.url()); });
    const before = held.length;
    const state = await page.evaluate(() => {
      const button = document.querySelector<HTMLButtonElement>('#login button[type=submit]')!;
      const status = document.getElementById('progress')!;
      const t0 = performance.now();
      button.click();
      const seen = { ms: performance.now() - t0, disabled: button.disabled, shown: !status.hidden && getComputedStyle(status).display !== 'none', text: status.textContent, live: status.getAttribute('role') };
      // Again, while the first answer is awaited: a click, a scripted submit; then Enter (below).
      button.click();
      document.querySelector<HTMLFormElement>('#login')!.requestSubmit();
      document.querySelector<HTMLInputElement>('#password')!.focus();
      return seen;
    });
    await page.keyboard.press('Enter');
    assert.ok(state.ms < 300, `progress state within 300 ms (${state.ms.toFixed(1)} ms)`);
    assert.deepEqual([state.disabled, state.shown, state.live], [true, true, 'status']);
    assert.match(state.text!, /Checking with your mail server/);
    await screenshot(page, 'hosted-progress');
    await page.waitForSelector('#imap_host-error', { timeout: 15_000 });
    assert.equal(posts.length, 1, `one POST reached the server: ${posts.join(', ')}`);
    assert.ok(held.length > before, 'the verification reached the silent server');
    assert.match((await page.locator('#imap_host-error .plain').textContent())!, /did not answer properly/);
    assert.match((await page.locator('#imap_host-error details').textContent())!, /greeting_timeout/);
  });

  test('the address first; then the provider found, its app-password hint and help link, no server settings', async () => {
    const page = await open();
    await page.goto(authorizeUrl());
    assert.equal(await page.locator('#password').count(), 0);
    assert.equal(await page.getAttribute('#email_address', 'dir'), 'auto');
    assert.equal(await page.locator('#scopes').textContent(), 'Shop will be able to read your email and see your contacts.');
    await page.fill('#email_address', 'yuki@yahoo.test');
    await submit(page);
    assert.equal(await page.locator('.identity strong').textContent(), 'yuki@yahoo.test');
    assert.match((await page.locator('#provider').textContent())!, /^Provider: Yahoo.*app password/);
    assert.equal(await page.locator('#provider a').getAttribute('href'), 'https://help.yahoo.com/kb/generate-third-party-passwords-sln15241.html');
    assert.equal(await page.locator('#servers').count(), 0, 'no server settings for a known provider');
    assert.equal(await page.getAttribute('#name', 'dir'), 'auto');
    await screenshot(page, 'hosted-provider-found');
    // "Use another address" goes back to the first step, the address kept.
    await Promise.all([page.waitForNavigation(), page.click('.identity button')]);
    assert.equal(await page.inputValue('#email_address'), 'yuki@yahoo.test');
    await submit(page);
    await page.fill('#name', 'Yuki');
    await page.fill('#password', 'yuki-secret');
    await submit(page);
    assert.ok(page.url().startsWith(`${cb.url}?code=lkc_`), page.url());
  });

  test('the password is kept (sealed, never rendered) across a server-settings error, and used again', async () => {
    const page = await open();
    await toPasswordStep(page, 'dana@elsewhere.test', { state: 'kept' });
    await page.fill('#name', 'Dana');
    await page.fill('#password', 'dana-secret');
    await fillServers(page, 1);
    await submit(page);
    const err = page.locator('#smtp_host-error');
    assert.match((await err.locator('.plain').textContent())!, /could not be reached/);
    const [errBox, rowBox] = [await err.boundingBox(), await page.locator('#smtp_host').locator('xpath=ancestor::div[@class="row"]').boundingBox()];
    assert.ok(errBox && rowBox && errBox.width >= rowBox.width - 1 && errBox.y >= rowBox.y + rowBox.height, 'the error spans the row, below it');
    assert.equal(await page.inputValue('#password'), '', 'the password is never rendered');
    assert.ok(!(await page.content()).includes('dana-secret'));
    assert.equal(await page.locator('#password-kept').count(), 1, 'the page says the password is kept');
    assert.deepEqual([await page.inputValue('#name'), await page.inputValue('#imap_host'), await page.inputValue('#smtp_port')], ['Dana', dovecot.host, '1'], 'what was typed stays');
    await page.fill('#smtp_port', String(dovecot.submissionStartTlsPort));
    await submit(page);
    assert.equal(cb.received.at(-1)?.get('state'), 'kept', 'connected without typing the password again');
    assert.ok(!lk.logs.join('\n').includes('dana-secret'));
  });

  test('390 px: a 256-character name wraps, nothing scrolls sideways, port and security stay readable', async () => {
    const page = await open({ viewport: { width: 390, height: 844 } });
    await toPasswordStep(page, 'dana@elsewhere.test', {}, longApp);
    await page.fill('#imap_port', '12345');
    await page.selectOption('#imap_security', 'starttls');
    const m = await page.evaluate(() => {
      const port = document.querySelector<HTMLInputElement>('#imap_port')!;
      const sec = document.querySelector<HTMLSelectElement>('#imap_security')!;
      return { scroll: document.documentElement.scrollWidth, view: window.innerWidth, portFits: port.scrollWidth <= port.clientWidth, portWidth: port.clientWidth, secWidth: sec.clientWidth, h1: document.querySelector('h1')!.getBoundingClientRect().width };
    });
    assert.ok(m.scroll <= m.view, `no horizontal scroll (${m.scroll} > ${m.view})`);
    assert.ok(m.h1 <= m.view, 'the title wraps');
    assert.ok(m.portFits && m.portWidth >= 80, `the port is readable (${m.portWidth} px)`);
    assert.ok(m.secWidth >= 110, `the security choice is readable (${m.secWidth} px)`);
    await screenshot(page, 'hosted-390-long-name');
  });

  test('dark mode follows prefers-color-scheme; screenshots at 1280 and 390 px, light and dark', async () => {
    const colours: Record<string, string[]> = {};
    for (const scheme of ['light', 'dark'] as const) {
      const page = await open({ colorScheme: scheme, viewport: { width: 1280, height: 800 } });
      await toPasswordStep(page, 'yuki@yahoo.test');
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
        colours[`${scheme}-${width}`] = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('main')!).backgroundColor, getComputedStyle(document.body).color, getComputedStyle(document.querySelector('#password')!).backgroundColor]);
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
        await screenshot(page, `hosted-login-${width}-${scheme}`);
      }
    }
    assert.deepEqual(colours['light-1280'], ['rgb(244, 245, 247)', 'rgb(255, 255, 255)', 'rgb(28, 28, 30)', 'rgb(255, 255, 255)']);
    assert.deepEqual(colours['dark-1280'], ['rgb(17, 18, 20)', 'rgb(30, 31, 34)', 'rgb(236, 236, 241)', 'rgb(30, 31, 34)']);
  });

  test('Cancel goes back to the application with error=access_denied and the state', async () => {
    const page = await open();
    await toPasswordStep(page, 'yuki@yahoo.test', { state: 'bye' });
    await Promise.all([page.waitForNavigation(), page.click('#cancel')]);
    const q = cb.received.at(-1)!;
    assert.deepEqual([q.get('error'), q.get('state'), q.get('code')], ['access_denied', 'bye', null]);
  });

  test('Accept-Language picks the language: German, an operator-added French, English otherwise', async () => {
    const de = await open({ locale: 'de-DE', extraHTTPHeaders: { 'accept-language': 'de-AT,de;q=0.9,en;q=0.5' } });
    const res = await de.goto(authorizeUrl());
    assert.equal(res?.headers()['content-language'], 'de');
    assert.equal(await de.getAttribute('html', 'lang'), 'de');
    assert.equal(await de.locator('h1').textContent(), 'Ihr Postfach mit Shop verbinden');
    assert.equal(await de.locator('#login button').textContent(), 'Weiter');
    assert.equal(await de.locator('#scopes').textContent(), 'Shop kann dann Ihre E-Mails lesen und Ihre Kontakte sehen.');
    await de.fill('#email_address', 'dana@elsewhere.test');
    await submit(de);
    await de.fill('#name', 'Dana');
    await de.fill('#password', 'wrong');
    await fillServers(de, dovecot.submissionStartTlsPort);
    await submit(de);
    assert.match((await de.locator('#password-error .plain').textContent())!, /hat diese Adresse und dieses Passwort nicht angenommen/);
    await screenshot(de, 'hosted-german-error');

    const fr = await open({ extraHTTPHeaders: { 'accept-language': 'fr-CA, en;q=0.3' } });
    await fr.goto(authorizeUrl());
    assert.equal(await fr.getAttribute('html', 'lang'), 'fr');
    assert.equal(await fr.locator('h1').textContent(), 'Connectez votre boîte mail à Shop');
    assert.equal(await fr.locator('#login button').textContent(), 'Continuer');
    assert.equal(await fr.locator('label[for=email_address]').textContent(), 'Email address', 'a key the file leaves out stays English');

    const other = await open({ extraHTTPHeaders: { 'accept-language': 'ja, *;q=0.1' } });
    await other.goto(authorizeUrl());
    assert.equal(await other.getAttribute('html', 'lang'), 'en');
  });

  test('the reconnect link keeps the account id: the address filled in and fixed, the password step at once', async () => {
    const page = await open();
    await toPasswordStep(page, 'alice@example.test', { state: 'first' });
    await page.fill('#name', 'Alice');
    await page.fill('#password', 'alice-secret');
    await submit(page);
    const first = await lk.post('/oauth/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: cb.received.at(-1)!.get('code'), grant_type: 'authorization_code' });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const link = new URL((await reconnectUrl(lk.ctx, { id: first.body.account_id, clientId: lk.app.client_id, scopes: 'email.read_only' }))!);
    link.searchParams.set('state', 'again');
    await page.goto(`${lk.url}${link.pathname}${link.search}`);
    assert.equal(await page.locator('.identity strong').textContent(), 'alice@example.test');
    assert.equal(await page.locator('.identity button').count(), 0, 'the address cannot be changed');
    assert.equal(await page.locator('#email_address').count(), 0);
    assert.equal(await page.inputValue('#name'), 'Alice', 'the account\'s name is filled in');
    assert.match((await page.locator('.lead').first().textContent())!, /reconnect/);
    await screenshot(page, 'hosted-reconnect');
    await page.fill('#password', 'alice-secret');
    await submit(page);
    assert.equal(cb.received.at(-1)!.get('state'), 'again');
    const again = await lk.post('/oauth/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: cb.received.at(-1)!.get('code'), grant_type: 'authorization_code' });
    assert.equal(again.body.account_id, first.body.account_id, 'the same account');
    const bad = await fetch(authorizeUrl({ reauth_account_id: 'no-such-account' }));
    assert.equal(bad.status, 400);
  });
});
