/**
 * An OAuth 2.0 authorization server on loopback standing in for Google and Microsoft: the
 * `oauth2-mock-server` package (HTTPS, a real token endpoint issuing RS256-signed JWT access and
 * ID tokens, userinfo), given an account model through its hooks:
 * - refresh tokens are registered per account (address, client id/secret, audience of the access
 *   tokens minted from it); an unknown or revoked refresh token gets RFC 6749 §5.2 `invalid_grant`,
 *   a wrong client id/secret `invalid_client` (401);
 * - every access token minted is remembered with its account, audience and expiry; userinfo
 *   (Bearer, OIDC Core §5.3) answers only for a live token;
 * - a plain-HTTP token introspection endpoint (RFC 7662, `POST token=…`) for the mail servers
 *   (Dovecot's oauth2 passdb, the smtp-server peer): `active` only for a live token whose audience
 *   is one the mail servers accept.
 * Nothing listens beyond 127.0.0.1.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { OAuth2Server } from 'oauth2-mock-server';
import { issueCert, makeCA, type CA } from './pki.ts';

export interface OAuthAccount {
  email: string;
  refreshToken: string;
  clientId: string;
  clientSecret: string;
  /** `aud` of the access tokens minted for this refresh token (default: the peer's first mail audience). */
  audience?: string;
  /** Seconds the access tokens live (default 3600). */
  ttlSeconds?: number;
  revoked?: boolean;
  /** Answer each refresh with a new refresh token (Microsoft's rotation). */
  rotate?: boolean;
  /** Answer without an ID token (a refresh token granted without `openid`). */
  noIdToken?: boolean;
}

interface Minted {
  email: string;
  audience: string;
  expiresAt: number;
}

export interface OAuthPeer {
  /** https://127.0.0.1:PORT */
  origin: string;
  tokenUrl: string;
  userinfoUrl: string;
  /** http://127.0.0.1:PORT/introspect — for Dovecot and the SMTP peer, never for Latchkey. */
  introspectionUrl: string;
  /** CA that signed the HTTPS certificate (PEM), for LATCHKEY_TLS_CA_FILE. */
  caPem: string;
  /** Audiences the introspection endpoint accepts as mail tokens. */
  mailAudiences: string[];
  addAccount(account: OAuthAccount): void;
  revoke(refreshToken: string): void;
  /** Every request to the token endpoint (the form fields, client secret and tokens included). */
  tokenRequests: Array<Record<string, string>>;
  /** Access tokens minted, in order. */
  minted: string[];
  /** Refresh tokens issued by rotation, in order. */
  rotated: string[];
  /** Whether an access token is live (known, unexpired): what introspection reports as `active`. */
  active(token: string): boolean;
  /** Ends an access token's life now (an "hour-old" token). */
  expire(token: string): void;
  /** Introspection calls answered, with their verdict. */
  introspections: Array<{ active: boolean }>;
  stop(): Promise<void>;
}

const now = () => Math.floor(Date.now() / 1000);

export async function startOAuthServer(opts: { mailAudiences?: string[]; ca?: CA; dir?: string } = {}): Promise<OAuthPeer> {
  const ownDir = opts.dir ? undefined : mkdtempSync(join(tmpdir(), 'lk-oauth-'));
  const dir = opts.dir ?? ownDir!;
  const ca = opts.ca ?? (await makeCA(dir, 'oauth-ca'));
  const leaf = await issueCert(dir, ca, { name: 'oauth-server', dnsNames: ['oauth.latchkey.test'], ipAddresses: ['127.0.0.1'] });
  const mailAudiences = opts.mailAudiences ?? ['https://mail.google.com/', 'https://outlook.office.com'];
  const accounts = new Map<string, OAuthAccount>();
  const tokens = new Map<string, Minted>();
  const tokenRequests: Array<Record<string, string>> = [];
  const minted: string[] = [];
  const rotated: string[] = [];
  const introspections: Array<{ active: boolean }> = [];
  const signedFor = new WeakMap<object, number>();

  const server = new OAuth2Server(leaf.keyPath, leaf.certPath);
  await server.issuer.keys.generate('RS256');
  const service = server.service;

  // Claims of the tokens minted for a refresh-token grant: the access token first, then the ID token.
  service.on('beforeTokenSigning', (token: { payload: Record<string, unknown> }, req: { body: Record<string, string> }) => {
    const account = accounts.get(req.body.refresh_token ?? '');
    if (!account) return;
    const n = (signedFor.get(req) ?? 0) + 1;
    signedFor.set(req, n);
    if (n === 1) {
      Object.assign(token.payload, { sub: account.email, email: account.email, aud: account.audience ?? mailAudiences[0], azp: account.clientId, exp: now() + (account.ttlSeconds ?? 3600), jti: randomUUID() });
    } else {
      Object.assign(token.payload, { sub: account.email, email: account.email, preferred_username: account.email, aud: account.clientId });
    }
  });

  service.on('beforeResponse', (response: { body: Record<string, unknown>; statusCode: number }, req: { body: Record<string, string> }) => {
    const form = { ...req.body };
    tokenRequests.push(form);
    const account = accounts.get(form.refresh_token ?? '');
    if (form.grant_type !== 'refresh_token' || !account || account.revoked) {
      response.statusCode = 400;
      response.body = { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' };
      return;
    }
    if (form.client_id !== account.clientId || form.client_secret !== account.clientSecret) {
      response.statusCode = 401;
      response.body = { error: 'invalid_client', error_description: 'The OAuth client was not found.' };
      return;
    }
    const access = String(response.body.access_token);
    tokens.set(access, { email: account.email, audience: account.audience ?? mailAudiences[0]!, expiresAt: now() + (account.ttlSeconds ?? 3600) });
    minted.push(access);
    if (account.noIdToken) delete response.body.id_token;
    // Google keeps the refresh token; Microsoft may rotate it (the old one stays valid until it expires).
    if (account.rotate) {
      const next = `${account.refreshToken.split('~')[0]}~${randomUUID()}`;
      accounts.set(next, { ...account, refreshToken: next });
      response.body.refresh_token = next;
      rotated.push(next);
    } else {
      delete response.body.refresh_token;
    }
  });

  const live = (token: string): Minted | undefined => {
    const t = tokens.get(token);
    return t && t.expiresAt > now() ? t : undefined;
  };

  service.on('beforeUserinfo', (response: { body: Record<string, unknown>; statusCode: number }, req: { headers: Record<string, string | undefined> }) => {
    const bearer = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const t = live(bearer);
    if (!t) {
      response.statusCode = 401;
      response.body = { error: 'invalid_token' };
      return;
    }
    response.body = { sub: t.email, email: t.email, email_verified: true };
  });

  await server.start(0, '127.0.0.1');
  const port = server.address().port;

  // RFC 7662 introspection for the mail servers (plain HTTP on loopback: Dovecot's http client).
  const introspect: Server = createHttpServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => { raw += c.toString(); });
    req.on('end', () => {
      const form = new URLSearchParams(raw);
      const fromHeader = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const token = form.get('token') ?? fromHeader ?? new URL(req.url ?? '/', 'http://x').searchParams.get('token') ?? '';
      const t = live(token);
      const active = Boolean(t && mailAudiences.includes(t.audience));
      introspections.push({ active });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(active ? { active: true, email: t!.email, aud: t!.audience, token_type: 'Bearer' } : { active: false }));
    });
  });
  await new Promise<void>((resolve) => introspect.listen(0, '127.0.0.1', resolve));
  const introspectPort = (introspect.address() as AddressInfo).port;

  const origin = `https://127.0.0.1:${port}`;
  return {
    origin,
    tokenUrl: `${origin}/token`,
    userinfoUrl: `${origin}/userinfo`,
    introspectionUrl: `http://127.0.0.1:${introspectPort}/introspect`,
    caPem: ca.certPem,
    mailAudiences,
    addAccount: (a) => { accounts.set(a.refreshToken, { ...a }); },
    revoke: (rt) => {
      const a = accounts.get(rt);
      if (a) a.revoked = true;
    },
    tokenRequests,
    minted,
    rotated,
    active: (t) => Boolean(live(t)),
    expire: (t) => {
      const m = tokens.get(t);
      if (m) m.expiresAt = now() - 1;
    },
    introspections,
    async stop() {
      await server.stop();
      introspect.closeAllConnections();
      await new Promise<void>((r) => introspect.close(() => r()));
      if (ownDir) rmSync(ownDir, { recursive: true, force: true });
    },
  };
}
