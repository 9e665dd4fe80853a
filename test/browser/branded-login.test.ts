/**
 * examples/branded-login in headless Chromium, started as its README says (node server.js with
 * the LATCHKEY_* environment), against a real Latchkey and a real Dovecot: provider detection as
 * the address is typed, the advanced panel for an unknown domain, errors beside their fields,
 * keyboard-only and JavaScript-free use, CSRF refusal; the browser only ever talks to the example
 * app. Screenshots: test-output/screenshots/branded-*.png.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { guardedContext, launchBrowser, screenshot, type GuardedContext } from '../support/browser.ts';
import { issueCert, makeCA } from '../peers/pki.ts';
import { startFakeImap, type FakeImapServer } from '../peers/fake-imap.ts';

const EXAMPLE = new URL('../../examples/branded-login/', import.meta.url).pathname;
const DANA = 'dana@elsewhere.test';
let dovecot: DovecotPeer;
let lk: Latchkey;
let example: ChildProcess;
let exampleUrl: string;
let exampleOutput = '';
let browser: Browser;
/** Scripted IMAP for what Dovecot cannot say: Yahoo-style "app password required" (the DECISIONS C18 reply). */
let appPasswordImap: FakeImapServer;
const contexts: GuardedContext[] = [];

before(async () => {
  dovecot = await startDovecot({ users: { [DANA]: 'dana-secret', 'kim@example.test': 'kim-secret' } });
  const ca = await makeCA(dovecot.dir, 'fake-imap-ca');
  const leaf = await issueCert(dovecot.dir, ca, { name: 'fake-imap', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
  appPasswordImap = await startFakeImap({ tls: { key: leaf.keyPem, cert: leaf.certPem }, login: () => 'NO [ALERT] Application-specific password required: https://help.yahoo.com/kb/SLN15241.html (Failure)' });
  const caBundle = join(dovecot.dir, 'ca-bundle.pem');
  writeFileSync(caBundle, dovecot.caPem + '\n' + ca.certPem);
  const providersFile = join(dovecot.dir, 'providers.json');
  writeFileSync(providersFile, JSON.stringify({
    testmail: { label: 'Test Mail', auth: 'password', domains: ['example.test'], imap: { host: dovecot.host, port: dovecot.imapTlsPort, security: 'ssl' }, smtp: { host: dovecot.host, port: dovecot.submissionStartTlsPort, security: 'starttls' } },
    // The built-in Yahoo entry, found for yahoo.test, pointed at the scripted server.
    yahoo: { domains: ['yahoo.test'], imap: { host: '127.0.0.1', port: appPasswordImap.port, security: 'ssl' }, smtp: { host: dovecot.host, port: dovecot.submissionStartTlsPort, security: 'starttls' } },
  }));
  lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: caBundle, LATCHKEY_PROVIDERS_FILE: providersFile, LATCHKEY_ISPDB_URL: 'https://127.0.0.1:1/v1.1' });
  example = spawn(process.execPath, ['server.js'], {
    cwd: EXAMPLE,
    env: { PATH: process.env.PATH ?? '', LATCHKEY_URL: lk.url, LATCHKEY_CLIENT_ID: lk.app.client_id, LATCHKEY_CLIENT_SECRET: lk.app.client_secret, PORT: '0', APP_NAME: 'Acme Calendar' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  exampleUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`example did not start: ${exampleOutput}`)), 15_000);
    const read = (b: Buffer) => {
      exampleOutput += b.toString();
      const m = /on (http:\/\/127\.0\.0\.1:\d+)\//.exec(exampleOutput);
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    };
    example.stdout!.on('data', read);
    example.stderr!.on('data', read);
    example.once('exit', (c) => reject(new Error(`example exited ${c}: ${exampleOutput}`)));
  });
  browser = await launchBrowser();
});
after(async () => {
  for (const c of contexts) await c.context.close().catch(() => undefined);
  await browser?.close();
  if (example && example.exitCode === null) {
    const exited = new Promise((r) => example.once('exit', r));
    example.kill('SIGTERM');
    await exited;
  }
  await lk?.stop();
  await appPasswordImap?.close();
  await dovecot?.stop();
});

/** A context recording every URL the browser requests (all must be the example app's). */
async function open(options: { javaScriptEnabled?: boolean } = {}): Promise<GuardedContext & { requested: string[] }> {
  const c = await guardedContext(browser, options);
  contexts.push(c);
  const requested: string[] = [];
  c.context.on('request', (r) => requested.push(r.url()));
  return { ...c, requested };
}

async function submit(page: Page): Promise<number | undefined> {
  const [res] = await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  return res?.status();
}

function assertNoSecrets(html: string): void {
  assert.ok(!html.includes(lk.app.client_secret), 'the client secret never reaches the browser');
  assert.doesNotMatch(html, /lkat_|lkc_/, 'no access token or code in the page');
}

describe('examples/branded-login in Chromium', () => {
  test('the example is its own package started by one command, and type-checks', async () => {
    const pkg = JSON.parse(readFileSync(join(EXAMPLE, 'package.json'), 'utf8'));
    assert.equal(pkg.scripts.start, 'node server.js');
    assert.equal(pkg.dependencies, undefined, 'no dependencies: plain fetch and node:http');
    await promisify(execFile)(process.execPath, [new URL('../../node_modules/typescript/bin/tsc', import.meta.url).pathname,
      '--noEmit', '--allowJs', '--checkJs', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--skipLibCheck', join(EXAMPLE, 'server.js')]);
    const { describeError, APP_PASSWORD_HELP } = await import(join(EXAMPLE, 'lib/errors.js') as string);
    const app = describeError({ status: 403, body: { reason: 'app_password_required', message: 'x', step: 'imap.login' } }, 'yahoo');
    assert.deepEqual(app, { field: 'password', message: 'Your provider wants an app password here, not your usual password.', help: APP_PASSWORD_HELP.yahoo });
    assert.equal(describeError({ status: 502, body: { reason: 'connect_refused', step: 'smtp.connect' } }).field, 'smtp_host');
    assert.equal(describeError({ status: 502, body: { reason: 'dns_not_found', step: 'imap.connect' } }).field, 'imap_host');
  });

  test('success: the provider appears as the address is typed; the account is shown; the browser talks only to the app', async () => {
    const { page, requested, refused } = await open();
    const res = await page.goto(exampleUrl + '/');
    assert.match((await res!.allHeaders())['content-security-policy']!, /default-src 'none'; script-src 'self'/);
    await screenshot(page, 'branded-login');
    await page.fill('#name', 'Alice');
    await page.locator('#email_address').pressSequentially('alice@example.test', { delay: 10 });
    await page.waitForFunction(() => document.getElementById('provider-status')?.dataset.state === 'found');
    assert.equal(await page.textContent('#provider-status'), 'Provider found: Testmail.');
    await screenshot(page, 'branded-provider-found');
    await page.fill('#password', 'alice-secret');
    assert.equal(await submit(page), 200);
    assert.equal(await page.textContent('#account-email'), 'alice@example.test');
    assert.equal(await page.textContent('#account-provider'), 'testmail');
    const accountId = (await page.textContent('#account-id'))!;
    assert.equal((await lk.get(`/a/${lk.app.client_id}/accounts/${accountId}`, { authorization: `Basic ${Buffer.from(`${lk.app.client_secret}:`).toString('base64')}` })).status, 200);
    assertNoSecrets(await page.content());
    await screenshot(page, 'branded-connected');
    assert.ok(requested.every((u) => u.startsWith(exampleUrl)), `only the example app was asked: ${requested.filter((u) => !u.startsWith(exampleUrl))}`);
    assert.deepEqual(refused, []);
    assert.ok(!lk.logs.join('\n').includes('alice-secret') && !exampleOutput.includes('alice-secret'), 'the password is logged nowhere');
  });

  test('wrong password: the message is beside the password field, which has focus', async () => {
    const { page } = await open();
    await page.goto(exampleUrl + '/');
    await page.fill('#name', 'Alice');
    await page.fill('#email_address', 'alice@example.test');
    await page.fill('#password', 'wrong-password');
    assert.equal(await submit(page), 403);
    assert.equal(await page.textContent('#password-error'), 'That password was not accepted by your mail provider. Check it and try again.');
    assert.equal(await page.getAttribute('#password', 'aria-describedby'), 'password-error');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'password');
    assert.equal(await page.inputValue('#email_address'), 'alice@example.test');
    assert.equal(await page.inputValue('#password'), '');
    assert.ok(!(await page.content()).includes('wrong-password'));
    await screenshot(page, 'branded-wrong-password');
  });

  test('app password required: the message beside the password links to the provider’s help page', async () => {
    const { page } = await open();
    await page.goto(exampleUrl + '/');
    await page.fill('#name', 'Sam');
    await page.fill('#email_address', 'sam@yahoo.test');
    await page.fill('#password', 'usual-password');
    assert.equal(await submit(page), 403);
    assert.match((await page.textContent('#password-error'))!, /^Your provider wants an app password here, not your usual password\./);
    assert.equal(await page.getAttribute('#password-error a', 'href'), 'https://help.yahoo.com/kb/SLN15241.html');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'password');
    await screenshot(page, 'branded-app-password');
  });

  test('unknown domain: typing it opens the advanced panel; a dead SMTP port is shown beside the SMTP host; then it connects', async () => {
    const { page } = await open();
    await page.goto(exampleUrl + '/');
    await page.fill('#name', 'Dana');
    assert.equal(await page.locator('#advanced').getAttribute('open'), null);
    await page.locator('#email_address').pressSequentially(DANA, { delay: 10 });
    await page.waitForFunction(() => document.getElementById('provider-status')?.dataset.state === 'unknown');
    assert.equal(await page.locator('#advanced').getAttribute('open'), '');
    assert.match((await page.textContent('#provider-status'))!, /could not find the mail servers of elsewhere\.test/);
    await screenshot(page, 'branded-advanced-panel');
    await page.fill('#password', 'dana-secret');
    await page.fill('#imap_host', dovecot.host);
    await page.fill('#imap_port', String(dovecot.imapTlsPort));
    await page.selectOption('#imap_security', 'ssl');
    await page.fill('#smtp_host', dovecot.host);
    await page.fill('#smtp_port', '1');
    assert.equal(await submit(page), 502);
    assert.match((await page.textContent('#smtp_host-error'))!, /Nothing answered at this host and port/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'smtp_host');
    await screenshot(page, 'branded-server-unreachable');
    await page.fill('#password', 'dana-secret');
    await page.fill('#smtp_port', String(dovecot.submissionStartTlsPort));
    await page.selectOption('#smtp_security', 'starttls');
    assert.equal(await submit(page), 200);
    assert.equal(await page.textContent('#account-email'), DANA);
    assert.equal(await page.textContent('#account-provider'), 'imap');
  });

  test('keyboard only: Tab, type, Enter', async () => {
    const { page } = await open();
    await page.goto(exampleUrl + '/');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'name');
    await page.keyboard.type('Kim');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'email_address');
    await page.keyboard.type('kim@example.test');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'password');
    await page.keyboard.type('kim-secret');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(await page.textContent('#account-email'), 'kim@example.test');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'connected', 'focus moves to the result heading');
  });

  test('without JavaScript: the basic form connects, and an unknown domain comes back with the advanced panel open', async () => {
    const { page, requested } = await open({ javaScriptEnabled: false });
    await page.goto(exampleUrl + '/');
    await page.fill('#name', 'Bob');
    await page.fill('#email_address', 'bob@example.test');
    await page.fill('#password', 'bob-secret');
    assert.equal(await submit(page), 200);
    assert.equal(await page.textContent('#account-email'), 'bob@example.test');
    assert.ok(!requested.some((u) => u.endsWith('/detect')), 'no script ran');

    await page.goto(exampleUrl + '/');
    await page.fill('#name', 'Dana');
    await page.fill('#email_address', DANA);
    await page.fill('#password', 'dana-secret');
    assert.equal(await submit(page), 400);
    assert.equal(await page.locator('#advanced').getAttribute('open'), '');
    assert.match((await page.textContent('#imap_host-error'))!, /could not find the mail servers of elsewhere\.test/);
    await screenshot(page, 'branded-nojs-advanced');
  });

  test('CSRF: a form without its token, and /detect without the header, are refused', async () => {
    const { page } = await open();
    await page.goto(exampleUrl + '/');
    await page.fill('#name', 'Alice');
    await page.fill('#email_address', 'alice@example.test');
    await page.fill('#password', 'alice-secret');
    await page.evaluate(() => document.querySelector('input[name=csrf_token]')!.remove());
    assert.equal(await submit(page), 403);
    assert.match((await page.textContent('[role=alert]'))!, /not sent from this site/);
    await screenshot(page, 'branded-csrf-refused');
    const detect = await fetch(`${exampleUrl}/detect`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email_address":"a@example.test"}' });
    assert.equal(detect.status, 403);
    const post = await fetch(`${exampleUrl}/connect`, { method: 'POST', body: new URLSearchParams({ name: 'A', email_address: 'alice@example.test', password: 'alice-secret', csrf_token: 'forged' }) });
    assert.equal(post.status, 403);
  });
});
