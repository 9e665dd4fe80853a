/**
 * Property-based fuzzing (fast-check) of every public endpoint's body and headers (issue 6
 * "Tests"): no 500 (only the catalogue's provider 502/503/504), no crash, and every error body valid against the catalogue (`reason` listed,
 * status and `type` as the catalogue says). Bounded in `npm test` (LATCHKEY_FUZZ_RUNS, default
 * 200 per endpoint); a long campaign: `LATCHKEY_FUZZ_RUNS=20000 node --import tsx --test
 * test/security/fuzz.test.ts` (a failure prints its seed; replay with LATCHKEY_FUZZ_SEED=…).
 *
 * No packet leaves loopback: generated hosts are 127.0.0.0/8 literals or names (resolved by a
 * closed loopback DNS port), and every TCP connection the server process opens is recorded and
 * checked. The server is a `latchkey serve` child: its PID must be alive after the campaign.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { CATALOGUE, isReason } from '../../src/errors/catalogue.ts';
import { createApplication } from '../../src/app/applications.ts';
import { openStore } from '../../src/store/open.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

const RUNS = Number(process.env.LATCHKEY_FUZZ_RUNS ?? 200);
const SEED = process.env.LATCHKEY_FUZZ_SEED === undefined ? undefined : Number(process.env.LATCHKEY_FUZZ_SEED);
/** The redirect URI registered for the fuzzed application (hosted login). */
const REDIRECT = 'https://app.example/cb';
const RECORDER = fileURLToPath(new URL('../support/record-dials.ts', import.meta.url));

/**
 * The server runs as its own `latchkey serve` process, so a fault that ends it (an unhandled
 * 'error' event, issue 18) shows as a dead PID, not as this test process vanishing. Every address
 * its sockets dial is recorded by test/support/record-dials.ts.
 */
let server: ServerProcess;
let pid: number | undefined;
let lk: { url: string; app: { client_id: string; client_secret: string } };
let dir: string;
let dialledFile: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'latchkey-fuzz-'));
  const dbUrl = `sqlite:${join(dir, 'latchkey.db')}`;
  dialledFile = join(dir, 'dialled');
  writeFileSync(dialledFile, '');
  const store = openStore(dbUrl);
  await store.migrate();
  const app = await createApplication(store, 'Fuzz', [REDIRECT], Date.now());
  await store.close();
  server = await startServerProcess({
    LATCHKEY_DATABASE_URL: dbUrl, LATCHKEY_DATA_DIR: dir, LATCHKEY_PORT: '0', LATCHKEY_LOG_LEVEL: 'info',
    LATCHKEY_ENCRYPTION_KEYS: `t1:${randomBytes(32).toString('base64')}`, LATCHKEY_ALLOWED_DESTINATIONS: '127.0.0.0/8',
    LATCHKEY_EHLO_NAME: 'latchkey.test', LATCHKEY_DNS_SERVERS: '127.0.0.1:1',
    LATCHKEY_HEALTH_INTERVAL_S: '0', LATCHKEY_WEBHOOK_POLL_MS: '0',
    LATCHKEY_LIMIT_PAIR_FAILURES: '1000', LATCHKEY_LIMIT_IP_FAILURES: '100000',
    LATCHKEY_CONNECT_TIMEOUT_MS: '500', LATCHKEY_GREETING_TIMEOUT_MS: '1000', LATCHKEY_COMMAND_TIMEOUT_MS: '1000',
    LATCHKEY_AUTHORIZE_TIMEOUT_MS: '2000', LATCHKEY_DETECT_TIMEOUT_MS: '1000', LATCHKEY_LIMIT_CLIENT_PER_MINUTE: '1000000',
    LK_TEST_DIALLED_FILE: dialledFile,
  }, false, ['--import', 'tsx', '--import', RECORDER]);
  pid = server.child.pid;
  lk = { url: server.url, app: { client_id: app.client_id, client_secret: app.client_secret } };
});
after(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * What a response must be: an error body exactly as the catalogue says, and never a fault of
 * ours (500). The only 5xx allowed are the catalogue's provider answers (502/503/504,
 * `provider_error`, with the failing `step`): "nothing listens on 127.0.0.9:993" is a 502 by
 * design (DECISIONS "Errors"), not a crash.
 */
function assertWellFormed(r: { status: number; body: any; headers: Headers }, what: string): void {
  assert.notEqual(r.status, 500, `${what}: ${JSON.stringify(r.body)}`);
  if (r.status >= 500) {
    assert.equal(r.body?.type, 'provider_error', `${what}: ${r.status} ${JSON.stringify(r.body)}`);
    assert.equal(typeof r.body.step, 'string', what);
  }
  if (r.status < 400) return;
  assert.match(r.headers.get('content-type') ?? '', /^application\/json/, what);
  const reason = r.body?.reason;
  assert.ok(typeof reason === 'string' && isReason(reason), `${what}: reason ${JSON.stringify(reason)}`);
  assert.equal(r.status, CATALOGUE[reason].status, `${what}: status of ${reason}`);
  assert.equal(r.body.type, CATALOGUE[reason].type, `${what}: type of ${reason}`);
  assert.equal(typeof r.body.message, 'string', what);
}

// --- generators -----------------------------------------------------------------------------

/** Visible ASCII and spaces: what fetch lets a header value hold. */
const headerValue = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 });
const anyScalar = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const anyValue = fc.oneof(anyScalar, fc.array(anyScalar, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), anyScalar, { maxKeys: 3 }));
/** Hosts that can only reach loopback: 127.0.0.0/8 literals (dotted, decimal, hex) or names. */
const loopbackHost = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 })).map(([a, b, c]) => `127.${a}.${b}.${c}`),
  fc.integer({ min: 0x7f000001, max: 0x7fffffff }).map(String),
  fc.integer({ min: 0x7f000001, max: 0x7fffffff }).map((n) => `0x${n.toString(16)}`),
  fc.constantFrom('localhost', 'mail.localhost', '[::1]', 'imap.example.test', 'xn--bcher-kva.example', 'a..b', ''),
  fc.domain(),
);
const port = fc.oneof(fc.constantFrom(25, 143, 465, 587, 993, 2525, 0, 65536, -1), fc.integer({ min: 1, max: 65535 }), fc.string({ maxLength: 6 }));
const settings = fc.record({
  imap_host: loopbackHost, imap_port: port, imap_username: anyScalar, imap_password: anyScalar,
  smtp_host: loopbackHost, smtp_port: port, smtp_password: anyScalar, password: anyScalar,
  ssl_required: fc.oneof(fc.boolean(), fc.string({ maxLength: 5 })),
  imap_security: fc.oneof(fc.constantFrom('ssl', 'starttls', 'none', 'auto'), fc.string({ maxLength: 6 })),
  smtp_security: fc.oneof(fc.constantFrom('ssl', 'starttls', 'none', 'auto'), fc.string({ maxLength: 6 })),
}, { requiredKeys: [] });

const clientId = () => fc.oneof(fc.constant(lk.app.client_id), anyValue);
const email = fc.oneof(fc.emailAddress(), fc.string({ maxLength: 30 }), anyValue);

/** A body: a structured object (JSON, form or text/plain), or raw text with any content type. */
function bodyOf(fields: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<{ payload: string; contentType: string | undefined }> {
  const structured = fc.tuple(fields, fc.constantFrom('json', 'text', 'form')).map(([obj, enc]) => {
    if (enc === 'form') {
      const form = new URLSearchParams();
      for (const [k, v] of Object.entries(obj)) {
        if (v && typeof v === 'object' && !Array.isArray(v)) for (const [sk, sv] of Object.entries(v)) form.append(`${k}[${sk}]`, String(sv));
        else form.append(k, String(v));
      }
      return { payload: form.toString(), contentType: 'application/x-www-form-urlencoded' as string | undefined };
    }
    return { payload: JSON.stringify(obj), contentType: enc === 'json' ? 'application/json' : 'text/plain;charset=UTF-8' };
  });
  const raw = fc.record({
    payload: fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 3 }), fc.constantFrom('{', '[]', 'null', '"x"', '{"client_id":{"$gt":""}}', 'a=1&a=2&settings[=x')),
    contentType: fc.option(fc.oneof(fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16'), headerValue), { nil: undefined }),
  });
  return fc.oneof(structured, raw);
}

async function send(method: 'GET' | 'POST', path: string, body: { payload: string; contentType: string | undefined } | undefined, headers: Record<string, string>) {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body) {
    init.body = body.payload;
    // fetch would add text/plain for a string body; an absent type must stay absent.
    (init.headers as Record<string, string>)['content-type'] = body.contentType ?? '';
  }
  const res = await fetch(lk.url + path, init);
  const text = await res.text();
  let parsed: unknown = text;
  try { parsed = JSON.parse(text); } catch { /* asserted by assertWellFormed */ }
  return { status: res.status, body: parsed as any, headers: res.headers };
}

const authHeader = fc.option(fc.oneof(
  headerValue,
  headerValue.map((v) => `Bearer ${v}`),
  fc.string({ maxLength: 40 }).map((v) => `Basic ${Buffer.from(v).toString('base64')}`),
  fc.constantFrom('Basic', 'Bearer', 'Basic !!!', 'Basic Og=='),
), { nil: undefined });

/** A generated value as query-string text (objects may have no prototype, so no String()). */
const text = (v: unknown): string => (v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v));

/** `/oauth/token` fields (issue 8): the real client or junk, codes, verifiers, grant types. */
const tokenFields = () => fc.record({
  client_id: clientId(), client_secret: fc.oneof(fc.constant(lk.app.client_secret), anyValue), code: fc.oneof(fc.string({ maxLength: 50 }).map((s) => `lkc_${s}`), anyValue),
  grant_type: fc.oneof(fc.constant('authorization_code'), anyValue), redirect_uri: fc.oneof(fc.constant(REDIRECT), anyValue),
  code_verifier: fc.oneof(fc.string({ unit: fc.constantFrom(...'abcXYZ019-._~'), minLength: 40, maxLength: 130 }), anyValue),
}, { requiredKeys: [] });

const cases: Array<{ name: string; method: 'GET' | 'POST'; path: () => fc.Arbitrary<string>; fields?: () => fc.Arbitrary<Record<string, unknown>> }> = [
  {
    name: 'POST /connect/authorize', method: 'POST', path: () => fc.constant('/connect/authorize'),
    fields: () => fc.record({ client_id: clientId(), name: anyValue, email_address: email, provider: fc.oneof(fc.constantFrom('imap', 'yahoo', 'gmail', 'exchange', 'icloud'), anyValue), settings: fc.oneof(settings, anyValue), scopes: anyValue, reauth_account_id: anyValue }, { requiredKeys: [] }),
  },
  {
    // Well-formed enough to reach the provider step: these dial (loopback only) and exercise the policy.
    name: 'POST /connect/authorize (well-formed, loopback servers)', method: 'POST', path: () => fc.constant('/connect/authorize'),
    fields: () => fc.record({
      client_id: fc.constant(lk.app.client_id), name: fc.string({ maxLength: 20 }), email_address: fc.emailAddress(), provider: fc.constant('imap'),
      settings: fc.record({
        imap_host: loopbackHost, imap_port: fc.constantFrom(143, 993, 25, 587, 8080), imap_password: fc.string({ maxLength: 30 }),
        smtp_host: loopbackHost, smtp_port: fc.constantFrom(465, 587, 2525), imap_security: fc.constantFrom('ssl', 'starttls', 'none', 'auto'),
        ssl_required: fc.boolean(),
      }),
    }),
  },
  {
    name: 'POST /connect/token', method: 'POST', path: () => fc.constant('/connect/token'),
    fields: () => fc.record({ client_id: clientId(), client_secret: fc.oneof(fc.constant(lk.app.client_secret), anyValue), code: fc.oneof(fc.string({ maxLength: 50 }).map((s) => `lkc_${s}`), anyValue) }, { requiredKeys: [] }),
  },
  {
    name: 'POST /connect/detect-provider', method: 'POST', path: () => fc.constant('/connect/detect-provider'),
    fields: () => fc.record({ client_id: clientId(), client_secret: fc.oneof(fc.constant(lk.app.client_secret), anyValue), email_address: email }, { requiredKeys: [] }),
  },
  { name: 'GET /account', method: 'GET', path: () => fc.constant('/account') },
  {
    name: 'POST /oauth/token', method: 'POST', path: () => fc.constant('/oauth/token'),
    fields: () => tokenFields(),
  },
  {
    name: 'GET /oauth/token (query parameters)', method: 'GET',
    path: () => tokenFields().map((f) => `/oauth/token?${new URLSearchParams(Object.entries(f).map(([k, v]) => [k, text(v)]))}`),
  },
  {
    name: 'GET /a/{client_id}/audit', method: 'GET',
    path: () => fc.tuple(fc.oneof(fc.constant(lk.app.client_id), fc.string({ maxLength: 20 }).map(encodeURIComponent)), fc.option(fc.string({ maxLength: 20 }), { nil: undefined }), fc.option(fc.string({ maxLength: 6 }), { nil: undefined }))
      .map(([id, since, limit]) => `/a/${id}/audit?${new URLSearchParams({ ...(since !== undefined && { since }), ...(limit !== undefined && { limit }) })}`),
  },
];

describe(`fuzzing the public endpoints (${RUNS} runs each)`, () => {
  for (const c of cases) {
    test(`${c.name}: no 5xx, every error in the catalogue`, async () => {
      const headers = fc.record({ authorization: authHeader, 'x-forwarded-for': fc.option(headerValue, { nil: undefined }), accept: fc.option(headerValue, { nil: undefined }) });
      await fc.assert(
        fc.asyncProperty(c.path(), c.fields ? bodyOf(c.fields()) : fc.constant(undefined), headers, async (path, body, h) => {
          const clean = Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>;
          assertWellFormed(await send(c.method, path, body, clean), `${c.method} ${path}`);
        }),
        { numRuns: RUNS, ...(SEED !== undefined && { seed: SEED }) },
      );
    });
  }

  test('GET /oauth/authorize: never a 5xx; a redirect only ever to the registered URI; errors are HTML pages', async () => {
    const query = fc.record({
      client_id: clientId(), redirect_uri: fc.oneof(fc.constant(REDIRECT), fc.webUrl(), fc.constantFrom(`${REDIRECT}/`, 'https://APP.example/cb', 'javascript:alert(1)', '//evil.example', `${REDIRECT}#x`), anyValue),
      response_type: fc.oneof(fc.constant('code'), anyValue), scopes: anyValue, state: anyValue, login_hint: anyValue, provider: anyValue,
      redirect_on_error: fc.oneof(fc.constant('true'), anyValue), code_challenge: anyValue, code_challenge_method: fc.oneof(fc.constantFrom('S256', 'plain'), anyValue),
    }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(query, async (q) => {
      const qs = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, text(v)]));
      // redirect: 'manual' — a followed redirect would leave loopback.
      const res = await fetch(`${lk.url}/oauth/authorize?${qs}`, { redirect: 'manual' });
      await res.arrayBuffer();
      assert.ok([200, 303, 400].includes(res.status), `GET /oauth/authorize?${qs}: ${res.status}`);
      if (res.status === 303) assert.ok(res.headers.get('location')!.startsWith(`${REDIRECT}?`), `redirected to ${res.headers.get('location')}`);
      else assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    }), { numRuns: RUNS, ...(SEED !== undefined && { seed: SEED }) });
  });

  test('POST /oauth/authorize: without a sealed request and its CSRF cookie, never a redirect and never a 5xx', async () => {
    const fields = fc.record({ request: anyValue, csrf_token: anyValue, name: anyValue, email_address: email, password: anyScalar, imap_host: loopbackHost, imap_port: port, smtp_host: loopbackHost }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(bodyOf(fields), fc.option(headerValue, { nil: undefined }), async (body, cookie) => {
      const res = await fetch(`${lk.url}/oauth/authorize`, { method: 'POST', redirect: 'manual', body: body.payload, headers: { 'content-type': body.contentType ?? '', ...(cookie ? { cookie } : {}) } });
      const text = await res.text();
      assert.ok([400, 403, 413, 415].includes(res.status), `${res.status} ${text.slice(0, 200)}`);
    }), { numRuns: RUNS, ...(SEED !== undefined && { seed: SEED }) });
  });

  test('the server process is still alive (same PID) and up, and every connection any case opened stayed on loopback', async () => {
    assert.ok(server.child.exitCode === null && server.child.signalCode === null && server.child.pid === pid, `the server process ended:\n${server.out().slice(-3000)}`);
    assert.equal((await fetch(`${lk.url}/healthz`)).status, 200);
    const dialled = readFileSync(dialledFile, 'utf8').split('\n').filter(Boolean);
    // The provider step dialled many loopback addresses.
    assert.ok(new Set(dialled).size > 10, `provider connections were recorded: ${new Set(dialled).size} addresses`);
    const off = dialled.filter((a) => !(a.startsWith('127.') || a === '::1' || a === '::ffff:127.0.0.1'));
    assert.deepEqual(off, []);
  });
});
