import { getDomain } from 'tldts';
import type { HttpGetContext } from '../net/http-get.ts';
import { httpGet } from '../net/http-get.ts';
import type { DnsLookups } from '../net/dns.ts';
import { parseClientConfig } from './autoconfig-xml.ts';
import type { Finding } from './types.ts';

export interface SourceContext {
  http: HttpGetContext;
  dns: DnsLookups;
  /** Base URL of the ISPDB; the domain is appended after exactly one `/`. */
  ispdbUrl: string;
  /** Also try `http://autoconfig.<domain>/…` (plain HTTP); off unless the operator enables it. */
  allowHttpAutoconfig: boolean;
  /** ms per HTTP request */
  requestTimeoutMs: number;
}

/** The URLs a Thunderbird client asks, in order, for a domain's own autoconfig document. */
export function autoconfigUrls(domain: string, email: string, allowHttp: boolean): URL[] {
  const q = `?emailaddress=${encodeURIComponent(email)}`;
  const urls = [`https://autoconfig.${domain}/mail/config-v1.1.xml${q}`, `https://${domain}/.well-known/autoconfig/mail/config-v1.1.xml`];
  if (allowHttp) urls.push(`http://autoconfig.${domain}/mail/config-v1.1.xml${q}`);
  return urls.map((u) => new URL(u));
}

/** `${base}/${domain}` with exactly one slash between (DECISIONS "Running it": LATCHKEY_ISPDB_URL). */
export function ispdbUrl(base: string, domain: string): URL {
  return new URL(`${base.replace(/\/+$/, '')}/${encodeURIComponent(domain)}`);
}

/** Fetches and parses one autoconfig document; undefined when there is none or it is unusable. */
export async function fetchConfig(url: URL, ctx: SourceContext, source: Finding['source']): Promise<Finding | undefined> {
  const res = await httpGet(url, ctx.http, ctx.requestTimeoutMs);
  if (res.status !== 200) return undefined;
  const config = parseClientConfig(res.body);
  if (!config.imap.length && !config.smtp.length) return undefined;
  return {
    source,
    ...(config.imap[0] ? { imap: config.imap[0], imapCandidates: config.imap } : {}),
    ...(config.smtp[0] ? { smtp: config.smtp[0], smtpCandidates: config.smtp } : {}),
    ...(config.displayShortName ? { displayName: config.displayShortName } : {}),
    oauthRequired: config.imapOAuthOnly,
  };
}

/**
 * The registrable domain of the first MX host (`mx01.mail.example.co.uk` → `example.co.uk`,
 * by the Public Suffix List via tldts), when it differs from the address's domain.
 */
export function mxRegistrableDomain(mxHosts: readonly string[], domain: string): string | undefined {
  const first = mxHosts[0];
  if (!first) return undefined;
  const registrable = getDomain(first);
  return registrable && registrable !== domain ? registrable : undefined;
}

/**
 * RFC 6186 / RFC 8314 SRV records, for both IMAP and SMTP submission. Implicit TLS is preferred
 * (RFC 8314 §5.1): `_imaps._tcp` over `_imap._tcp`, `_submissions._tcp` over `_submission._tcp`.
 */
export async function srvFinding(domain: string, dns: DnsLookups): Promise<Finding | undefined> {
  const [imaps, imap, submissions, submission] = await Promise.all(
    ['_imaps._tcp', '_imap._tcp', '_submissions._tcp', '_submission._tcp'].map((p) => dns.srv(`${p}.${domain}`).catch(() => [])),
  );
  type Srv = Array<{ host: string; port: number }>;
  // Every record is a candidate (candidates.ts checks them in order): implicit TLS first.
  const list = (tls: Srv = [], plain: Srv = []) => [
    ...tls.map((r) => ({ host: r.host, port: r.port, security: 'ssl' as const, username: '%EMAILADDRESS%' })),
    ...plain.map((r) => ({ host: r.host, port: r.port, security: 'starttls' as const, username: '%EMAILADDRESS%' })),
  ];
  const imapServers = list(imaps, imap);
  const smtpServers = list(submissions, submission);
  if (!imapServers[0] && !smtpServers[0]) return undefined;
  return {
    source: 'srv',
    ...(imapServers[0] ? { imap: imapServers[0], imapCandidates: imapServers } : {}),
    ...(smtpServers[0] ? { smtp: smtpServers[0], smtpCandidates: smtpServers } : {}),
  };
}
