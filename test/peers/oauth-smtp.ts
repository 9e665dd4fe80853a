/**
 * An SMTP submission server (the `smtp-server` package) that accepts only SASL XOAUTH2 and checks
 * each access token by RFC 7662 introspection at the OAuth peer (test/peers/oauth-server.ts), as
 * Gmail and Exchange Online check theirs: the token must be active and name the user. A refusal
 * answers the XOAUTH2 way (a 334 JSON challenge, then 535 5.7.8).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface OAuthSmtpPeer {
  host: '127.0.0.1';
  port: number;
  /** Every XOAUTH2 attempt, with the verdict. */
  auths: Array<{ user: string; ok: boolean }>;
  /** Users refused whatever their token (SMTP AUTH switched off for them). */
  refuse: Set<string>;
  close(): Promise<void>;
}

/**
 * @param opts.secure implicit TLS (465 style); otherwise STARTTLS is offered and required before AUTH (587 style)
 */
export async function startOAuthSmtp(opts: { introspectionUrl: string; key: string; cert: string; secure: boolean }): Promise<OAuthSmtpPeer> {
  const auths: OAuthSmtpPeer['auths'] = [];
  const refuse = new Set<string>();
  const server = new SMTPServer({
    secure: opts.secure,
    key: opts.key,
    cert: opts.cert,
    authMethods: ['XOAUTH2'],
    disableReverseLookup: true,
    logger: false,
    name: 'smtp.latchkey.test',
    async onAuth(auth, _session, cb) {
      if (auth.method !== 'XOAUTH2') return cb(new Error('Unsupported authentication mechanism'));
      let ok = false;
      try {
        const res = await fetch(opts.introspectionUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token: auth.accessToken ?? '' }).toString(),
        });
        const info = (await res.json()) as { active?: boolean; email?: string };
        ok = info.active === true && info.email === auth.username && !refuse.has(auth.username ?? '');
      } catch {
        ok = false;
      }
      auths.push({ user: auth.username ?? '', ok });
      if (ok) return cb(null, { user: auth.username });
      return cb(null, { data: { status: '401', schemes: 'bearer', scope: 'https://mail.google.com/' } });
    },
    onData(stream, _session, cb) {
      stream.resume();
      stream.on('end', () => cb());
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    host: '127.0.0.1',
    port: (server.server.address() as AddressInfo).port,
    auths,
    refuse,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
