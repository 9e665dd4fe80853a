/**
 * What a live server cannot show on demand: 429 and 500 answers, a proxy's HTML page, no
 * answer at all, an aborted call, and Retry-After as an HTTP date. A scripted `fetch` stands in
 * for the network; it also records what the client sent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Latchkey, LatchkeyError, parseRetryAfter } from '../../packages/sdk/src/index.ts';

type Sent = { url: string; init: RequestInit };

function scripted(answer: (sent: Sent) => Response | Promise<Response>): { client: Latchkey; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetchStub = async (input: string | URL | Request, init?: RequestInit) => {
    const s = { url: String(input), init: init ?? {} };
    sent.push(s);
    return answer(s);
  };
  return { client: new Latchkey({ baseUrl: 'https://lk.example.test/base/', clientId: 'app1', clientSecret: 'lkcs_s', fetch: fetchStub as typeof fetch }), sent };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

async function rejection(p: Promise<unknown>): Promise<LatchkeyError> {
  const err = await p.then(() => assert.fail('resolved'), (e: unknown) => e);
  assert.ok(err instanceof LatchkeyError, String(err));
  return err;
}

test('requests: JSON bodies with client_id; token adds the secret; account.get sends Bearer; a base path is kept', async () => {
  const { client, sent } = scripted(() => json(200, { code: 'lkc_1' }));
  await client.connect.authorize({ name: 'A', email_address: 'a@example.test', provider: 'yahoo', settings: { password: 'pw' } });
  await client.connect.token('lkc_1');
  await client.account.get('lkat_1');
  assert.deepEqual(sent.map((s) => [s.init.method, s.url]), [
    ['POST', 'https://lk.example.test/base/connect/authorize'],
    ['POST', 'https://lk.example.test/base/connect/token'],
    ['GET', 'https://lk.example.test/base/account'],
  ]);
  assert.deepEqual(JSON.parse(String(sent[0]!.init.body)), { name: 'A', email_address: 'a@example.test', provider: 'yahoo', settings: { password: 'pw' }, client_id: 'app1' });
  assert.deepEqual(JSON.parse(String(sent[1]!.init.body)), { client_id: 'app1', client_secret: 'lkcs_s', code: 'lkc_1' });
  assert.equal((sent[0]!.init.headers as Record<string, string>)['content-type'], 'application/json');
  assert.equal((sent[2]!.init.headers as Record<string, string>).authorization, 'Bearer lkat_1');
  assert.equal(sent[2]!.init.body, undefined);
});

test('429 rate_limited: retryAfter from delay-seconds', async () => {
  const { client } = scripted(() => json(429, { message: 'Too many requests. Please wait and try again.', type: 'api_error', reason: 'rate_limited' }, { 'retry-after': '120' }));
  const err = await rejection(client.connect.authorize({ name: 'A', email_address: 'a@example.test', provider: 'imap', settings: {} }));
  assert.deepEqual([err.status, err.type, err.reason, err.retryAfter], [429, 'api_error', 'rate_limited', 120]);
});

test('Retry-After as an HTTP date is seconds from now; junk is ignored', () => {
  const now = Date.parse('2030-01-01T00:00:00Z');
  assert.equal(parseRetryAfter('Tue, 01 Jan 2030 00:01:30 GMT', now), 90);
  assert.equal(parseRetryAfter('Mon, 31 Dec 2029 23:00:00 GMT', now), 0);
  assert.equal(parseRetryAfter('soon', now), undefined);
  assert.equal(parseRetryAfter(null, now), undefined);
});

test('500 internal: the generic body maps like any other', async () => {
  const { client } = scripted(() => json(500, { message: 'An unexpected error occurred during authentication.', type: 'api_error', reason: 'internal' }));
  const err = await rejection(client.account.get('lkat_1'));
  assert.deepEqual([err.status, err.reason, err.message], [500, 'internal', 'An unexpected error occurred during authentication.']);
});

test('a non-JSON error page (a proxy) keeps the status, with no reason', async () => {
  const { client } = scripted(() => new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } }));
  const err = await rejection(client.account.get('lkat_1'));
  assert.deepEqual([err.status, err.reason, err.type], [502, undefined, undefined]);
  assert.match(err.message, /HTTP 502 Bad Gateway without its JSON error body/);
});

test('no answer at all: status 0, the network error as cause', async () => {
  const { client } = scripted(() => {
    throw new TypeError('fetch failed');
  });
  const err = await rejection(client.account.get('lkat_1'));
  assert.equal(err.status, 0);
  assert.match(err.message, /Could not reach Latchkey at https:\/\/lk\.example\.test\/base\/account: fetch failed/);
  assert.ok(err.cause instanceof TypeError);
});

test('an aborted call rejects with the abort, not a LatchkeyError', async () => {
  const { client } = scripted(({ init }) => new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason))));
  const ctl = new AbortController();
  const pending = client.account.get('lkat_1', { signal: ctl.signal });
  ctl.abort();
  await assert.rejects(pending, (err: Error) => err.name === 'AbortError' && !(err instanceof LatchkeyError));
});
