/**
 * Requests Node's HTTP parser or Fastify's router refuse before any route runs (issue 18): raw
 * bytes on a socket, as an attacker or a broken proxy sends them. Each answer must be the
 * documented JSON error (`message`, `type`, `reason`) with the headers every response carries
 * (no-store, X-Frame-Options, CSP…); before the fix they were Fastify's `{"error":"Bad Request",
 * …}` without those headers. The server keeps answering afterwards.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';

let lk: Latchkey;
let port: number;
before(async () => {
  lk = await startLatchkey();
  port = Number(new URL(lk.url).port);
});
after(async () => { await lk?.stop(); });

/** Writes `request` and reads until the server closes (or 3 s): status, headers, body. */
function raw(request: string): Promise<{ status: number; headers: Record<string, string>; body: any; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let text = '';
    socket.on('data', (d: Buffer) => { text += d.toString('latin1'); });
    socket.on('error', () => undefined);
    const timer = setTimeout(() => socket.destroy(), 3000);
    socket.on('close', () => {
      clearTimeout(timer);
      const split = text.indexOf('\r\n\r\n');
      if (split === -1) return reject(new Error(`no HTTP answer: ${JSON.stringify(text.slice(0, 200))}`));
      const [statusLine, ...lines] = text.slice(0, split).split('\r\n');
      const headers: Record<string, string> = {};
      for (const l of lines) {
        const i = l.indexOf(':');
        headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
      }
      const bodyText = text.slice(split + 4);
      let body: unknown = bodyText;
      try { body = JSON.parse(bodyText); } catch { /* shown by the assertion */ }
      resolve({ status: Number(statusLine!.split(' ')[1]), headers, body, text });
    });
    socket.write(request);
  });
}

const CASES: Array<{ name: string; request: string; status: number; reason: string }> = [
  { name: 'GET /%ZZ (bad percent-encoding)', request: 'GET /%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', status: 400, reason: 'malformed_request' },
  { name: 'a header line without a colon', request: 'GET /healthz HTTP/1.1\r\nHost: x\r\nNot a header\r\nConnection: close\r\n\r\n', status: 400, reason: 'malformed_request' },
  { name: 'Content-Length with Transfer-Encoding (smuggling)', request: 'POST /connect/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', status: 400, reason: 'malformed_request' },
  { name: 'a Content-Length that is not a number', request: 'POST /connect/token HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', status: 400, reason: 'malformed_request' },
  { name: 'a request line that is not HTTP', request: 'GARBAGE\r\n\r\n', status: 400, reason: 'malformed_request' },
  { name: 'a 20,000-character Authorization header', request: `GET /account HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'a'.repeat(20_000)}\r\n\r\n`, status: 431, reason: 'headers_too_large' },
  { name: 'a 20,000-character URL', request: `GET /healthz?${'q'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, status: 431, reason: 'headers_too_large' },
  { name: 'a path parameter over the router’s limit', request: `GET /a/${'x'.repeat(300)}/webhooks HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, status: 414, reason: 'uri_too_long' },
];

for (const c of CASES) {
  test(`${c.name} → ${c.status} ${c.reason}, documented shape and every security header`, async () => {
    const r = await raw(c.request);
    assert.equal(r.status, c.status, r.text.slice(0, 500));
    assert.match(r.headers['content-type'] ?? '', /^application\/json/);
    assert.deepEqual(Object.keys(r.body).sort(), ['message', 'reason', 'type'], JSON.stringify(r.body));
    assert.equal(r.body.reason, c.reason);
    assert.equal(r.body.type, 'invalid_request_error');
    assert.ok(r.body.message.length > 10);
    assert.ok(!r.text.includes('a'.repeat(200)) && !r.text.includes('x'.repeat(200)), 'the answer echoes the oversized input');
    // The same headers as every other response (src/http/hygiene.ts).
    const ok = await lk.get('/healthz');
    for (const h of ['cache-control', 'pragma', 'x-frame-options', 'x-content-type-options', 'content-security-policy', 'referrer-policy', 'cross-origin-resource-policy']) {
      assert.equal(r.headers[h], ok.headers.get(h), `${h} differs from a normal response`);
    }
    assert.equal(ok.status, 200, 'the server still answers');
  });
}
