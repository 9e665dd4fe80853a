import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueCert, makeCA } from '../peers/pki.ts';
import { startOAuthServer, type OAuthPeer } from '../peers/oauth-server.ts';
import { startOAuthSmtp, type OAuthSmtpPeer } from '../peers/oauth-smtp.ts';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';

/**
 * The OAuth providers' world on loopback: a real OAuth 2.0 server (oauth2-mock-server), a real
 * Dovecot whose oauth2 passdb checks access tokens by introspection, and two SMTP servers that
 * check them the same way (implicit TLS, and STARTTLS submission). A providers file points gmail's
 * IMAP and SMTP here, office365's and graph's too (SMTP: the submission server, or with
 * `office365Smtp: 'smtps'` the implicit-TLS one); `env` gives a Latchkey the trust anchors, that
 * file and the Google and Microsoft endpoints.
 */
export interface OAuthWorld {
  dir: string;
  oauth: OAuthPeer;
  dovecot: DovecotPeer;
  smtps: OAuthSmtpPeer;
  submission: OAuthSmtpPeer;
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startOAuthWorld(name: string, o: { office365Smtp?: 'submission' | 'smtps' } = {}): Promise<OAuthWorld> {
  const dir = mkdtempSync(join(tmpdir(), `lk-${name}-`));
  const ca = await makeCA(dir, `${name}-ca`);
  const oauth = await startOAuthServer({ ca, dir });
  const dovecot = await startDovecot({ oauth2: { introspectionUrl: oauth.introspectionUrl } });
  const leaf = await issueCert(dir, ca, { name: 'smtp', dnsNames: ['smtp.latchkey.test'], ipAddresses: ['127.0.0.1'] });
  const smtp = (secure: boolean) => startOAuthSmtp({ introspectionUrl: oauth.introspectionUrl, key: leaf.keyPem, cert: leaf.certPem, secure });
  const smtps = await smtp(true);
  const submission = await smtp(false);
  writeFileSync(join(dir, 'ca.pem'), `${ca.certPem}\n${dovecot.caPem}`);
  const imap = { host: dovecot.host, port: dovecot.imapTlsPort, security: 'ssl' };
  const viaSmtps = { host: '127.0.0.1', port: smtps.port, security: 'ssl' };
  const microsoft = { imap, smtp: o.office365Smtp === 'smtps' ? viaSmtps : { host: '127.0.0.1', port: submission.port, security: 'starttls' } };
  writeFileSync(join(dir, 'providers.json'), JSON.stringify({ gmail: { imap, smtp: viaSmtps }, office365: microsoft, graph: microsoft }));
  return {
    dir,
    oauth,
    dovecot,
    smtps,
    submission,
    env: {
      LATCHKEY_TLS_CA_FILE: join(dir, 'ca.pem'),
      LATCHKEY_PROVIDERS_FILE: join(dir, 'providers.json'),
      LATCHKEY_GOOGLE_TOKEN_URL: oauth.tokenUrl,
      LATCHKEY_GOOGLE_USERINFO_URL: oauth.userinfoUrl,
      LATCHKEY_MICROSOFT_TOKEN_URL: oauth.tokenUrl,
    },
    stop: async () => {
      await smtps.close();
      await submission.close();
      await dovecot.stop();
      await oauth.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
