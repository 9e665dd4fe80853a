/**
 * Headless Debian Chromium for the browser tests (issue 8), driven by playwright-core — never a
 * downloaded browser. One browser per test file; a fresh context per test. Nothing may leave
 * loopback: the resolver maps every name except loopback addresses to NOTFOUND, a dead proxy
 * takes anything that still tries, and every context's router refuses (and records) any request
 * to a host that is not a loopback address.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** Where screenshots go: `test-output/screenshots/*.png` under the repository (gitignored). */
export const SCREENSHOT_DIR = new URL('../../test-output/screenshots/', import.meta.url).pathname;

const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-domain-reliability',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE 127.0.0.2',
  '--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=127.0.0.1;127.0.0.2',
];

/** Launches Chromium headless. Playwright gives each launch a fresh temporary profile (`--user-data-dir`). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 30_000 });
}

export interface GuardedContext {
  context: BrowserContext;
  page: Page;
  /** Requests the router refused because their host was not loopback. */
  refused: string[];
}

/**
 * A new context whose every request to a non-loopback host is aborted and recorded, except the
 * ones `fulfil` answers locally (e.g. an application's logo URL).
 */
export async function guardedContext(browser: Browser, options: BrowserContextOptions = {}, fulfil: Record<string, { contentType: string; body: Buffer }> = {}): Promise<GuardedContext> {
  const context = await browser.newContext({ viewport: { width: 720, height: 900 }, ...options });
  const refused: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const local = fulfil[url];
    if (local) return route.fulfill({ status: 200, contentType: local.contentType, body: local.body });
    const host = new URL(url).hostname;
    if (host === '127.0.0.1' || host === '127.0.0.2' || url.startsWith('data:')) return route.continue();
    refused.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page, refused };
}

/**
 * Writes a full-page screenshot to test-output/screenshots/NAME.png and checks it is a PNG
 * (signature, IHDR) of a plausible size.
 * @returns the file's path.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  const bytes = readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${name}.png has the PNG signature`);
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  assert.ok(bytes.readUInt32BE(16) >= 300 && bytes.readUInt32BE(20) >= 300, `${name}.png is at least 300×300`);
  assert.ok(statSync(file).size > 5_000, `${name}.png is not empty (${statSync(file).size} bytes)`);
  return file;
}

/** A solid-colour square PNG (for a logo served locally), built by hand: signature, IHDR, IDAT, IEND. */
export function solidPng(size: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3).map((_, i) => rgb[i % 3]!)]);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

