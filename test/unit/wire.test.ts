import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { renderErrorsDoc } from '../../scripts/errors-doc.ts';
import { CATALOGUE } from '../../src/errors/catalogue.ts';
import { ApiError } from '../../src/errors/api-error.ts';
import { redactSecrets } from '../../src/errors/redact.ts';
import { parseScopes, DEFAULT_SCOPES } from '../../src/connect/scopes.ts';
import { tokenFromHeader } from '../../src/connect/account.ts';
import { parseForm } from '../../src/http/body-parsers.ts';
import { createLogger } from '../../src/log/logger.ts';

test('docs/errors.md is generated from the catalogue and up to date (npm run docs:errors)', () => {
  assert.equal(readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8'), renderErrorsDoc());
});

test('the catalogue follows DECISIONS: status → type', () => {
  for (const [reason, e] of Object.entries(CATALOGUE)) {
    if (e.status === 403 || e.status === 422) assert.equal(e.type, 'auth_error', reason);
    if ([502, 503, 504].includes(e.status)) assert.equal(e.type, 'provider_error', reason);
    if (e.status === 401) assert.equal(e.type, 'invalid_request_error', reason);
  }
  assert.equal(CATALOGUE.invalid_code.status, 400);
  assert.equal(CATALOGUE.invalid_code.type, 'api_error');
  assert.equal(CATALOGUE.rate_limited.status, 429);
});

test('500 bodies are generic; details stay out of the wire', () => {
  const e = new ApiError('internal', { message: 'SQLITE_CORRUPT at /var/db', cause: new Error('boom') });
  assert.deepEqual(e.toBody(), { message: 'An unexpected error occurred during authentication.', type: 'api_error', reason: 'internal' });
  const m = new ApiError('missing_fields', { missingFields: ['name'] });
  assert.deepEqual(m.toBody(), { message: 'Please include the missing fields', type: 'auth_error', reason: 'missing_fields', missing_fields: ['name'], error: 'Missing fields.' });
  assert.deepEqual(new ApiError('provider_unavailable', { retryAfter: 59.2 }).toHeaders(), { 'retry-after': '60' });
});

test('server replies are stripped of the password in every form a protocol carries it', () => {
  const pw = 'a"b\\c!secret';
  const b64 = Buffer.from(pw).toString('base64');
  const out = redactSecrets(`NO LOGIN "a\\"b\\\\c!secret" refused; echo ${pw}; sasl ${b64}`, [pw]);
  assert.ok(!out.includes('secret'), out);
  assert.equal(redactSecrets('x'.repeat(900), []).length, 501);
});

test('scopes: default, string and array forms, unknown scopes named', () => {
  assert.equal(parseScopes(undefined), DEFAULT_SCOPES);
  assert.equal(parseScopes(''), 'email,calendar,contacts');
  assert.equal(parseScopes('email.read_only,calendar.read_only'), 'email.read_only,calendar.read_only');
  assert.equal(parseScopes(['contacts', 'contacts']), 'contacts');
  assert.throws(() => parseScopes('email,everything'), (e: unknown) => e instanceof ApiError && e.reason === 'invalid_scope' && /everything/.test(e.message));
  assert.throws(() => parseScopes(42), (e: unknown) => e instanceof ApiError && e.reason === 'invalid_value');
});

test('access tokens are read from Bearer, from Basic (token as username) and bare', () => {
  assert.equal(tokenFromHeader('Bearer lkat_x'), 'lkat_x');
  assert.equal(tokenFromHeader(`Basic ${Buffer.from('lkat_y:').toString('base64')}`), 'lkat_y');
  assert.equal(tokenFromHeader('lkat_z'), 'lkat_z');
  assert.equal(tokenFromHeader('Bearer'), undefined);
  assert.equal(tokenFromHeader(undefined), undefined);
  assert.equal(tokenFromHeader(`Basic ${Buffer.from(':pw').toString('base64')}`), undefined);
});

test('form bodies: bracketed settings keys become an object', () => {
  assert.deepEqual(JSON.parse(JSON.stringify(parseForm('client_id=a&settings%5Bimap_host%5D=h&settings[imap_port]=993&scopes=email'))), { client_id: 'a', settings: { imap_host: 'h', imap_port: '993' }, scopes: 'email' });
});

test('form bodies cannot reach Object.prototype (prototype pollution)', () => {
  const parsed = parseForm('__proto__[ssl_required]=false&constructor[prototype][x]=1&settings[__proto__]=y&prototype=z&name=ok');
  assert.equal(({} as Record<string, unknown>).ssl_required, undefined);
  assert.equal(({} as Record<string, unknown>).x, undefined);
  assert.deepEqual(Object.keys(parsed), ['constructor[prototype][x]', 'name'], 'nested brackets stay one literal key; the forbidden keys are dropped');
  assert.equal(Object.getPrototypeOf(parsed), null);
});

test('the logger redacts nested secret paths (pino * matches one level only)', async () => {
  const lines: string[] = [];
  const log = createLogger('info', new Writable({ write(c, _e, cb) { lines.push(c.toString()); cb(); } }));
  log.info({ body: { settings: { imap_password: 'S1', smtp_password: 'S2', password: 'S3' }, client_secret: 'S4', code: 'S5' }, req: { headers: { authorization: 'Bearer S6' } }, access_token: 'S7', refresh_token: 'S8' }, 'x');
  await new Promise((r) => setImmediate(r));
  const text = lines.join('');
  for (const s of ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8']) assert.ok(!text.includes(`"${s}"`) && !text.includes(`Bearer ${s}`), `${s} leaked: ${text}`);
  assert.match(text, /\[redacted\]/);
});

test('the logger redacts OAuth settings and tokens at every depth they are passed (issue 4)', async () => {
  const lines: string[] = [];
  const log = createLogger('info', new Writable({ write(c, _e, cb) { lines.push(c.toString()); cb(); } }));
  const oauth = (n: number) => ({ google_client_secret: `G${n}a`, google_refresh_token: `G${n}b`, microsoft_client_secret: `M${n}a`, microsoft_refresh_token: `M${n}b` });
  log.info({ body: { settings: oauth(1) }, settings: oauth(2), ...oauth(3), grant: { ...oauth(4), accessToken: 'A4', refreshToken: 'R4', clientSecret: 'C4' } }, 'x');
  await new Promise((r) => setImmediate(r));
  const text = lines.join('');
  for (const n of [1, 2, 3, 4]) for (const s of Object.values(oauth(n))) assert.ok(!text.includes(`"${s}"`), `${s} leaked: ${text}`);
  for (const s of ['A4', 'R4', 'C4']) assert.ok(!text.includes(`"${s}"`), `${s} leaked: ${text}`);
});
