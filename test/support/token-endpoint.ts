import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { issueCert, makeCA } from '../peers/pki.ts';
import { newId } from '../../src/crypto/tokens.ts';
import type { Latchkey } from './latchkey.ts';

/**
 * A scripted OAuth 2.0 token endpoint on loopback (HTTPS under a test CA written to `dir`), for
 * what a real OAuth server cannot be made to do (never answer, answer HTML, answer at the moment
 * a test cuts the database). `/userinfo` answers the address an access token `at:<email>:<n>` was
 * minted for; any other request is a token request, handed to `answer` with the address its
 * refresh token `rt:<email>` names. `env` points a Latchkey's Google endpoints and trust here.
 */
export interface ScriptedTokenEndpoint {
  env: Record<string, string>;
  close(): void;
}

export async function startScriptedTokenEndpoint(
  dir: string,
  answer: (email: string, res: ServerResponse) => void,
): Promise<ScriptedTokenEndpoint> {
  const ca = await makeCA(dir, 'token-endpoint-ca');
  const leaf = await issueCert(dir, ca, { name: 'token-endpoint', dnsNames: ['oauth.latchkey.test'], ipAddresses: ['127.0.0.1'] });
  const endpoint: Server = createServer({ key: leaf.keyPem, cert: leaf.certPem }, (req, res) => {
    req.on('error', () => undefined);
    res.setHeader('content-type', 'application/json');
    if (req.url === '/userinfo') return void res.end(JSON.stringify({ email: String(req.headers.authorization).split(':')[1] }));
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => answer((new URLSearchParams(body).get('refresh_token') ?? '').split(':')[1] ?? '', res));
  });
  endpoint.on('clientError', () => undefined);
  await new Promise<void>((r) => endpoint.listen(0, '127.0.0.1', r));
  const origin = `https://127.0.0.1:${(endpoint.address() as { port: number }).port}`;
  writeFileSync(join(dir, 'ca.pem'), ca.certPem);
  return {
    env: {
      LATCHKEY_TLS_CA_FILE: join(dir, 'ca.pem'),
      LATCHKEY_GOOGLE_TOKEN_URL: `${origin}/token`,
      LATCHKEY_GOOGLE_USERINFO_URL: `${origin}/userinfo`,
    },
    close: () => {
      endpoint.closeAllConnections();
      endpoint.close();
    },
  };
}

/** A gmail account as /connect/token stores it, its refresh token `rt:<email>`; returns its id. */
export async function storeGmailAccount(lk: Latchkey, email: string): Promise<string> {
  const account = await lk.ctx.store.upsertAccount({
    clientId: lk.app.client_id, emailKey: email, emailAddress: email, name: 'N', provider: 'gmail', scopes: 'email', newId: newId(),
    now: Math.floor(Date.now() / 1000),
    settings: {
      imap_host: 'imap.example.test', imap_port: 993, imap_username: email, imap_security: 'ssl', smtp_host: 'smtp.example.test',
      smtp_port: 465, smtp_username: email, smtp_security: 'ssl', ssl_required: true, google_client_id: 'google-app.apps.test',
    },
  });
  const seal = (field: string, value: string) => ({
    field,
    envelope: lk.ctx.keys.encrypt(value, `account:${account.id}:${field}`),
    keyVersion: lk.ctx.keys.current,
  });
  await lk.ctx.store.replaceCredentials(account.id, [seal('google_client_secret', 'google-client-secret-XYZ'), seal('google_refresh_token', `rt:${email}`)], 0);
  return account.id;
}
