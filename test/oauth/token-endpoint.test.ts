/**
 * The token-endpoint and userinfo answers Latchkey maps (RFC 6749 §5.1/§5.2, OIDC Core §5.3),
 * each from a scripted HTTPS endpoint on loopback: the error codes, a 5xx, an answer that is not
 * JSON, a userinfo without `email`; and the JWT reading used for Microsoft's audience check.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueCert, makeCA } from '../peers/pki.ts';
import { refreshAccessToken } from '../../src/providers/oauth/refresh.ts';
import { userinfoEmail } from '../../src/providers/oauth/userinfo.ts';
import { audiences, jwtClaims } from '../../src/providers/oauth/jwt-claims.ts';
import { ewsUrlOf } from '../../src/providers/exchange/autodiscover.ts';
import { DestinationPolicy } from '../../src/net/policy.ts';
import { createResolver } from '../../src/net/resolve.ts';
import { outboundTlsContext } from '../../src/net/tls.ts';
import { parseCidrList } from '../../src/shared/cidr.ts';
import { ApiError } from '../../src/errors/api-error.ts';
import type { HttpGetContext } from '../../src/net/http-get.ts';

let dir: string;
let server: Server;
let base: string;
let ctx: HttpGetContext;
/** What the endpoint answers next: status and body. */
let next: { status: number; body: string } = { status: 200, body: '{}' };
const forms: URLSearchParams[] = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lk-token-endpoint-'));
  const ca = await makeCA(dir, 'te-ca');
  const leaf = await issueCert(dir, ca, { name: 'te', dnsNames: [], ipAddresses: ['127.0.0.1'] });
  server = createServer({ key: leaf.keyPem, cert: leaf.certPem }, (req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => { raw += c.toString(); });
    req.on('end', () => {
      forms.push(new URLSearchParams(raw));
      res.writeHead(next.status, { 'content-type': 'application/json' }).end(next.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
  ctx = { resolve: createResolver([]), policy: new DestinationPolicy(parseCidrList('127.0.0.0/8'), new Set([993])), secureContext: outboundTlsContext(ca.certPem) };
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

const grant = () => ({ tokenUrl: new URL(`${base}/token`), clientId: 'cid', clientSecret: 'csecret-123', refreshToken: 'rtoken-456', redirectUri: 'https://app.test/cb', scope: 'a b' });

async function refused(status: number, body: unknown): Promise<ApiError> {
  next = { status, body: typeof body === 'string' ? body : JSON.stringify(body) };
  try {
    await refreshAccessToken(grant(), ctx, 5000);
  } catch (err) {
    assert.ok(err instanceof ApiError, String(err));
    return err;
  }
  assert.fail('expected a refusal');
}

test('a success is read (RFC 6749 §5.1); the grant is a form with the client, redirect_uri and scope', async () => {
  next = { status: 200, body: JSON.stringify({ access_token: 'at-1', token_type: 'Bearer', expires_in: 3599, id_token: 'x.y.z', refresh_token: 'rt-2' }) };
  const t = await refreshAccessToken(grant(), ctx, 5000);
  assert.deepEqual({ a: t.accessToken, e: t.expiresIn, r: t.refreshToken }, { a: 'at-1', e: 3599, r: 'rt-2' });
  const f = forms.at(-1)!;
  assert.deepEqual(Object.fromEntries(f), { grant_type: 'refresh_token', refresh_token: 'rtoken-456', client_id: 'cid', client_secret: 'csecret-123', redirect_uri: 'https://app.test/cb', scope: 'a b' });
});

test('RFC 6749 §5.2 errors each map to their reason; secrets never appear in server_error', async () => {
  const cases: Array<[number, unknown, string, number]> = [
    [400, { error: 'invalid_grant', error_description: 'Bad Request rtoken-456' }, 'refresh_token_revoked', 403],
    [400, { error: 'invalid_scope' }, 'refresh_token_revoked', 403],
    [401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided: csecret-123' }, 'oauth_client_invalid', 403],
    [400, { error: 'unauthorized_client' }, 'oauth_client_invalid', 403],
    [503, { error: 'temporarily_unavailable' }, 'provider_unavailable', 503],
    [500, '<html>oops</html>', 'provider_unavailable', 503],
    [429, '', 'provider_unavailable', 503],
    [200, '<html>captive portal</html>', 'protocol_error', 502],
    [400, { error: 'invalid_request' }, 'protocol_error', 502],
  ];
  for (const [status, body, reason, httpStatus] of cases) {
    const e = await refused(status, body);
    assert.equal(e.reason, reason, `${status} ${JSON.stringify(body)}`);
    assert.equal(e.status, httpStatus);
    assert.equal(e.details.step, 'oauth.refresh');
    const shown = JSON.stringify(e.toBody());
    assert.ok(!shown.includes('csecret-123') && !shown.includes('rtoken-456'), shown);
  }
});

test('an access token outside RFC 6749 A.12 VSCHAR (CR LF, non-ASCII) → 502 protocol_error, never sent as a header', async () => {
  for (const token of ['at\r\nX-Injected: 1', 'at-\u2603']) {
    const e = await refused(200, { access_token: token, token_type: 'Bearer' });
    assert.equal(e.reason, 'protocol_error', JSON.stringify(token));
    assert.equal(e.details.step, 'oauth.refresh');
  }
});

test('userinfo: the email, lower-cased; 401 or no email → refresh_token_revoked (scopes); 5xx → 503', async () => {
  next = { status: 200, body: JSON.stringify({ sub: '1', email: 'Ann@Gmail.test', email_verified: true }) };
  assert.equal(await userinfoEmail(new URL(`${base}/userinfo`), 'at', ctx, 5000), 'ann@gmail.test');
  for (const [status, body, reason] of [[401, '{}', 'refresh_token_revoked'], [200, '{"sub":"1"}', 'refresh_token_revoked'], [502, '', 'provider_unavailable'], [200, 'not json', 'protocol_error']] as const) {
    next = { status, body };
    await assert.rejects(userinfoEmail(new URL(`${base}/userinfo`), 'at', ctx, 5000), (e: unknown) => e instanceof ApiError && e.reason === reason && e.details.step === 'oauth.userinfo');
  }
});

test('an http:// token URL is never dialled; a private address outside the allowance is refused by the policy', async () => {
  await assert.rejects(refreshAccessToken({ ...grant(), tokenUrl: new URL('http://127.0.0.1/token') }, ctx, 5000), (e: unknown) => e instanceof ApiError && e.reason === 'destination_not_allowed');
  await assert.rejects(refreshAccessToken({ ...grant(), tokenUrl: new URL('https://10.0.0.1/token') }, ctx, 5000), (e: unknown) => e instanceof ApiError && e.reason === 'destination_not_allowed' && e.details.step === 'oauth.refresh');
});

test('JWT claims are read without trusting them; opaque tokens give nothing', () => {
  const jwt = (p: unknown) => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(p)).toString('base64url')}.sig`;
  assert.deepEqual(audiences(jwtClaims(jwt({ aud: 'https://outlook.office.com' }))!), ['https://outlook.office.com']);
  assert.deepEqual(audiences(jwtClaims(jwt({ aud: ['a', 1, 'b'] }))!), ['a', 'b']);
  assert.equal(jwtClaims('EwBwA8l6BAAU…opaque'), undefined);
  assert.equal(jwtClaims('a.!!!.c'), undefined);
  assert.equal(jwtClaims(`x.${Buffer.from('[1]').toString('base64url')}.y`), undefined);
});

test('Autodiscover answers: EXCH before EXPR before WEB, https only', () => {
  const doc = (protocols: string) => `<?xml version="1.0"?><Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"><Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"><Account>${protocols}</Account></Response></Autodiscover>`;
  assert.equal(ewsUrlOf(doc('<Protocol><Type>EXPR</Type><EwsUrl>https://ext.test/EWS/Exchange.asmx</EwsUrl></Protocol><Protocol><Type>EXCH</Type><EwsUrl>https://int.test/EWS/Exchange.asmx</EwsUrl></Protocol>'))?.href, 'https://int.test/EWS/Exchange.asmx');
  assert.equal(ewsUrlOf(doc('<Protocol><Type>EXCH</Type><EwsUrl>http://plain.test/EWS/Exchange.asmx</EwsUrl></Protocol><Protocol><Type>EXPR</Type><EwsUrl>https://ext.test/EWS/Exchange.asmx</EwsUrl></Protocol>'))?.href, 'https://ext.test/EWS/Exchange.asmx');
  assert.equal(ewsUrlOf('<Autodiscover><Response><Error><ErrorCode>500</ErrorCode></Error></Response></Autodiscover>'), undefined);
  assert.equal(ewsUrlOf('not xml <<<'), undefined);
});
