/**
 * A scripted Exchange 2016+ stand-in on loopback HTTPS (no real Exchange can run here): EWS at
 * `/EWS/Exchange.asmx` answering GetFolder, and POX Autodiscover at
 * `/autodiscover/autodiscover.xml`. It checks credentials the way IIS does in front of Exchange:
 * an anonymous request gets 401 with one `WWW-Authenticate` line per offered scheme; Basic
 * (RFC 7617) is checked against the user table; NTLM (MS-NLMP) runs NEGOTIATE → CHALLENGE →
 * AUTHENTICATE on one connection and the NTLMv2 response is verified against the password
 * (NTProofStr = HMAC-MD5(NTOWFv2, server challenge ‖ blob), MS-NLMP §3.3.2).
 * The NT hash (MD4, which Node's OpenSSL 3 no longer offers) comes from httpntlm's js-md4 export;
 * the NTLMv2 check itself is written here from the spec.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { create_NT_hashed_password } from 'httpntlm/ntlm.js';

export type EwsScheme = 'Negotiate' | 'NTLM' | 'Basic' | 'Bearer';

export interface EwsFakeOptions {
  host: string;
  port?: number;
  key: string;
  cert: string;
  /** Offered schemes, in order (Exchange on-premises: Negotiate, NTLM, Basic). */
  schemes: EwsScheme[];
  /** Login (`user@domain` or `DOMAIN\user`, case-insensitive) → password. */
  users: Record<string, string>;
  /** Mailbox address → logins allowed to open it. A login not listed here may open only its own address. */
  mailboxes?: Record<string, string[]>;
  /** Autodiscover answers name this EWS URL; without it the server answers no Autodiscover. */
  autodiscoverEwsUrl?: string;
  /** Exchange Online with basic auth off: Basic credentials get 401 and this X-MS-Diagnostics text. */
  basicDisabledDiagnostics?: string;
}

export interface EwsRequestLog {
  path: string;
  /** Scheme of the Authorization header, '' for none; NTLM messages as `NTLM1` / `NTLM3`. */
  auth: string;
  /** The login the request was authenticated as, if any. */
  user?: string;
  /** Whether a clear-text password crossed the wire (Basic). */
  sawPassword: boolean;
}

export interface EwsFake {
  host: string;
  port: number;
  requests: EwsRequestLog[];
  users: Record<string, string>;
  close(): Promise<void>;
}

const hmacMd5 = (key: Buffer, data: Buffer) => createHmac('md5', key).update(data).digest();

/** NTLM CHALLENGE message (MS-NLMP §2.2.1.2): Unicode, NTLM, extended session security, target info. */
function challengeMessage(serverChallenge: Buffer): Buffer {
  const target = Buffer.from('CORP', 'utf16le');
  const av = (id: number, value: Buffer) => Buffer.concat([Buffer.from([id & 0xff, id >> 8, value.length & 0xff, value.length >> 8]), value]);
  const targetInfo = Buffer.concat([av(2, target), av(1, Buffer.from('EXCH01', 'utf16le')), av(0, Buffer.alloc(0))]);
  const header = Buffer.alloc(48);
  header.write('NTLMSSP\0', 0, 'latin1');
  header.writeUInt32LE(2, 8);
  header.writeUInt16LE(target.length, 12);
  header.writeUInt16LE(target.length, 14);
  header.writeUInt32LE(48, 16);
  header.writeUInt32LE(0x00000001 | 0x00000004 | 0x00000200 | 0x00008000 | 0x00010000 | 0x00080000 | 0x00800000, 20);
  serverChallenge.copy(header, 24);
  header.writeUInt16LE(targetInfo.length, 40);
  header.writeUInt16LE(targetInfo.length, 42);
  header.writeUInt32LE(48 + target.length, 44);
  return Buffer.concat([header, target, targetInfo]);
}

/** Fields of an AUTHENTICATE message (MS-NLMP §2.2.1.3). */
function readAuthenticate(msg: Buffer): { user: string; domain: string; nt: Buffer } | undefined {
  if (msg.length < 64 || msg.toString('latin1', 0, 8) !== 'NTLMSSP\0' || msg.readUInt32LE(8) !== 3) return undefined;
  const field = (at: number) => msg.subarray(msg.readUInt32LE(at + 4), msg.readUInt32LE(at + 4) + msg.readUInt16LE(at));
  return { nt: field(20), domain: field(28).toString('utf16le'), user: field(36).toString('utf16le') };
}

export async function startEwsFake(opts: EwsFakeOptions): Promise<EwsFake> {
  const requests: EwsRequestLog[] = [];
  const users = { ...opts.users };
  const lookup = (login: string) => Object.entries(users).find(([u]) => u.toLowerCase() === login.toLowerCase());
  /** Per connection: the challenge sent, then the login NTLM authenticated the connection as. */
  const ntlm = new WeakMap<Socket, { challenge?: Buffer; user?: string }>();

  const unauthorized = (res: ServerResponse, extra: Record<string, string> = {}) => {
    res.writeHead(401, { ...extra, 'www-authenticate': opts.schemes.map((s) => (s === 'Basic' ? `Basic realm="${opts.host}"` : s === 'Bearer' ? 'Bearer client_id="00000002-0000-0ff1-ce00-000000000000", trusted_issuers="00000001-0000-0000-c000-000000000000@*"' : s)), 'content-length': '0' });
    res.end();
  };

  /** Authenticates the request; answers it (401) and returns undefined when it is not. */
  const authenticate = (req: IncomingMessage, res: ServerResponse, log: EwsRequestLog): string | undefined => {
    const header = req.headers.authorization ?? '';
    const conn = ntlm.get(req.socket);
    if (!header && conn?.user) return (log.user = conn.user);
    const [scheme = '', token = ''] = header.split(' ');
    log.auth = scheme;
    if (/^basic$/i.test(scheme) && opts.schemes.includes('Basic')) {
      log.sawPassword = true;
      const [user, ...rest] = Buffer.from(token, 'base64').toString('utf8').split(':');
      const entry = lookup(user ?? '');
      if (opts.basicDisabledDiagnostics) {
        unauthorized(res, { 'x-ms-diagnostics': opts.basicDisabledDiagnostics });
        return undefined;
      }
      if (entry && entry[1] === rest.join(':')) return (log.user = entry[0]);
      unauthorized(res);
      return undefined;
    }
    if (/^(ntlm|negotiate)$/i.test(scheme) && (opts.schemes.includes('NTLM') || opts.schemes.includes('Negotiate'))) {
      const msg = Buffer.from(token, 'base64');
      const type = msg.length >= 12 ? msg.readUInt32LE(8) : 0;
      if (type === 1) {
        log.auth = 'NTLM1';
        const challenge = randomBytes(8);
        ntlm.set(req.socket, { challenge });
        res.writeHead(401, { 'www-authenticate': `${scheme} ${challengeMessage(challenge).toString('base64')}`, 'content-length': '0' });
        res.end();
        return undefined;
      }
      log.auth = 'NTLM3';
      const auth = readAuthenticate(msg);
      const challenge = conn?.challenge;
      const login = auth ? (auth.domain ? `${auth.domain}\\${auth.user}` : auth.user) : '';
      const entry = lookup(login);
      if (auth && challenge && entry && auth.nt.length > 16) {
        const ntowf = hmacMd5(create_NT_hashed_password(entry[1]), Buffer.from(auth.user.toUpperCase() + auth.domain, 'utf16le'));
        const proof = hmacMd5(ntowf, Buffer.concat([challenge, auth.nt.subarray(16)]));
        if (timingSafeEqual(proof, auth.nt.subarray(0, 16))) {
          ntlm.set(req.socket, { user: entry[0] });
          return (log.user = entry[0]);
        }
      }
      ntlm.delete(req.socket);
      unauthorized(res);
      return undefined;
    }
    unauthorized(res);
    return undefined;
  };

  const server: Server = createServer({ key: opts.key, cert: opts.cert }, (req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => { raw += c.toString(); });
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      const log: EwsRequestLog = { path, auth: '', sawPassword: false };
      requests.push(log);
      if (req.method !== 'POST' || !['/ews/exchange.asmx', '/autodiscover/autodiscover.xml'].includes(path.toLowerCase())) {
        res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>404 - File or directory not found.</body></html>');
        return;
      }
      if (path.toLowerCase() === '/autodiscover/autodiscover.xml' && !opts.autodiscoverEwsUrl) {
        res.writeHead(404).end();
        return;
      }
      const user = authenticate(req, res, log);
      if (!user) return;
      res.setHeader('content-type', 'text/xml; charset=utf-8');
      res.setHeader('x-feserver', 'EXCH01');
      if (path.toLowerCase() === '/autodiscover/autodiscover.xml') {
        const email = /<EMailAddress>([^<]*)<\/EMailAddress>/.exec(raw)?.[1] ?? '';
        res.end(`<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
  <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
    <User><DisplayName>${email}</DisplayName><AutoDiscoverSMTPAddress>${email}</AutoDiscoverSMTPAddress></User>
    <Account>
      <AccountType>email</AccountType><Action>settings</Action>
      <Protocol><Type>WEB</Type><Internal><OWAUrl AuthenticationMethod="Basic, Fba">https://owa.invalid/owa/</OWAUrl></Internal></Protocol>
      <Protocol><Type>EXCH</Type><Server>EXCH01</Server><ASUrl>${opts.autodiscoverEwsUrl}</ASUrl><EwsUrl>${opts.autodiscoverEwsUrl}</EwsUrl></Protocol>
    </Account>
  </Response>
</Autodiscover>`);
        return;
      }
      if (!/<(\w+:)?GetFolder\b/.test(raw)) {
        res.writeHead(500).end(soapFault('ErrorInvalidRequest', 'The request is invalid.'));
        return;
      }
      const mailbox = (/<(?:\w+:)?EmailAddress>([^<]*)<\/(?:\w+:)?EmailAddress>/.exec(raw)?.[1] ?? '').toLowerCase();
      const allowed = opts.mailboxes?.[mailbox]?.some((u) => u.toLowerCase() === user.toLowerCase()) ?? user.toLowerCase() === mailbox;
      const known = Object.keys(opts.mailboxes ?? {}).includes(mailbox) || lookup(mailbox) !== undefined;
      res.end(getFolderResponse(allowed ? undefined : known ? 'ErrorAccessDenied' : 'ErrorNonExistentMailbox'));
    });
  });
  server.keepAliveTimeout = 5000;
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host, resolve);
  });
  return {
    host: opts.host,
    port: (server.address() as { port: number }).port,
    requests,
    users,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function getFolderResponse(error: string | undefined): string {
  const message = error
    ? `<m:GetFolderResponseMessage ResponseClass="Error"><m:MessageText>${error === 'ErrorAccessDenied' ? 'Access is denied. Check credentials and try again.' : 'The SMTP address has no mailbox associated with it.'}</m:MessageText><m:ResponseCode>${error}</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey><m:Folders/></m:GetFolderResponseMessage>`
    : '<m:GetFolderResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:Folders><t:Folder><t:FolderId Id="AAMkAGI2TG93AAA=" ChangeKey="AQAAABYAAAAPxolXAHv3TaHUnjW8wWqXAAAAAAA"/></t:Folder></m:Folders></m:GetFolderResponseMessage>';
  return `<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
  <s:Header><h:ServerVersionInfo MajorVersion="15" MinorVersion="1" MajorBuildNumber="2507" MinorBuildNumber="6" Version="V2017_07_11" xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types" xmlns="http://schemas.microsoft.com/exchange/services/2006/types"/></s:Header>
  <s:Body>
    <m:GetFolderResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
      <m:ResponseMessages>${message}</m:ResponseMessages>
    </m:GetFolderResponse>
  </s:Body>
</s:Envelope>`;
}

function soapFault(code: string, text: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring xml:lang="en-US">${text}</faultstring><detail><e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">${code}</e:ResponseCode></detail></s:Fault></s:Body></s:Envelope>`;
}
