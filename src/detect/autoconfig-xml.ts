import { XMLParser } from 'fast-xml-parser';
import type { Security } from '../mail/login.ts';
import type { ServerCandidate } from './types.ts';

/** A parsed Thunderbird autoconfig document (config-v1.1.xml; ISPDB uses the same format). */
export interface ClientConfig {
  id: string;
  domains: string[];
  displayShortName?: string;
  /** IMAP servers in document order (the order is the publisher's preference). */
  imap: ServerCandidate[];
  smtp: ServerCandidate[];
  /** Every IMAP server accepts only OAuth2. */
  imapOAuthOnly: boolean;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['domain', 'incomingServer', 'outgoingServer', 'authentication', 'emailProvider'].includes(name),
  processEntities: true,
  htmlEntities: false,
});

const SOCKET: Record<string, Security> = { ssl: 'ssl', starttls: 'starttls', plain: 'none' };

/**
 * Parses a Thunderbird autoconfig document. Source: the Thunderbird Autoconfiguration file format
 * (wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat): `clientConfig/emailProvider`
 * with `domain`, `displayShortName`, `incomingServer type="imap"` and `outgoingServer type="smtp"`,
 * each with `hostname`, `port`, `socketType` (`SSL`, `STARTTLS`, `plain`), `username`, `authentication`.
 * Servers without TLS are kept last (a client should never pick them first).
 * @throws Error when the text is not such a document.
 */
export function parseClientConfig(xml: string): ClientConfig {
  const doc = parser.parse(xml) as { clientConfig?: { emailProvider?: Array<Record<string, unknown>> } };
  const provider = doc.clientConfig?.emailProvider?.[0];
  if (!provider) throw new Error('not a clientConfig document (no clientConfig/emailProvider)');
  const servers = (list: unknown, type: string) =>
    (Array.isArray(list) ? list : [])
      .filter((s: Record<string, unknown>) => String(s['@type'] ?? '').toLowerCase() === type)
      .map((s: Record<string, unknown>) => ({
        candidate: toCandidate(s),
        auth: ((s.authentication as unknown[]) ?? []).map((a) => String(a).trim()),
      }))
      .filter((s): s is { candidate: ServerCandidate; auth: string[] } => s.candidate !== undefined);
  const imap = servers(provider.incomingServer, 'imap');
  const smtp = servers(provider.outgoingServer, 'smtp');
  const byTls = (a: { candidate: ServerCandidate }, b: { candidate: ServerCandidate }) =>
    Number(a.candidate.security === 'none') - Number(b.candidate.security === 'none');
  return {
    id: String(provider['@id'] ?? ''),
    domains: ((provider.domain as unknown[]) ?? [])
      .map((d) =>
        String(typeof d === 'object' && d !== null ? ((d as Record<string, unknown>)['#text'] ?? '') : d)
          .trim()
          .toLowerCase(),
      )
      .filter(Boolean),
    ...(provider.displayShortName ? { displayShortName: String(provider.displayShortName) } : {}),
    imap: [...imap].sort(byTls).map((s) => s.candidate),
    smtp: [...smtp].sort(byTls).map((s) => s.candidate),
    imapOAuthOnly: imap.length > 0 && imap.every((s) => s.auth.length > 0 && s.auth.every((a) => /^oauth2$/i.test(a))),
  };
}

function toCandidate(s: Record<string, unknown>): ServerCandidate | undefined {
  const host = String(s.hostname ?? '').trim();
  const port = Number(s.port);
  const security =
    SOCKET[
      String(s.socketType ?? '')
        .trim()
        .toLowerCase()
    ];
  if (!host || !Number.isInteger(port) || port < 1 || port > 65535 || !security) return undefined;
  return { host, port, security, username: String(s.username ?? '%EMAILADDRESS%').trim() || '%EMAILADDRESS%' };
}

/** Substitutes Thunderbird placeholders for one address (also in host names: `%EMAILDOMAIN%`). */
export function substitute(template: string, email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  return template
    .replace(/%EMAILADDRESS%/g, email)
    .replace(/%EMAILLOCALPART%/g, local)
    .replace(/%EMAILDOMAIN%/g, domain);
}
