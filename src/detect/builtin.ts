import type { ProviderEntry } from '../providers/table.ts';
import type { Finding, ServerCandidate } from './types.ts';

/**
 * Matches a domain against the provider table's `domains` (the domain itself or a subdomain of
 * it — `sub.aol.com` is AOL, `xaol.com` is not), and MX hosts against its `mx` patterns (`*`
 * matches any run of characters; anchored at both ends). Source: Nylas v2 reference §7.1.
 */
export function matchDomain(domain: string, table: Record<string, ProviderEntry>): Finding | undefined {
  const d = domain.toLowerCase();
  for (const [key, entry] of Object.entries(table)) {
    if (entry.domains?.some((x) => d === x || d.endsWith(`.${x}`))) return toFinding('builtin', key, entry);
  }
  return undefined;
}

export function matchMx(mxHosts: readonly string[], table: Record<string, ProviderEntry>): Finding | undefined {
  for (const host of mxHosts) {
    for (const [key, entry] of Object.entries(table)) {
      if (entry.mx?.some((pattern) => globToRegExp(pattern).test(host))) return toFinding('mx', key, entry);
    }
  }
  return undefined;
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .toLowerCase()
    .replace(/\.$/, '')
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

function toFinding(source: 'builtin' | 'mx', key: string, entry: ProviderEntry): Finding {
  const form = (f: 'email' | 'local_part' | undefined) => ((f ?? entry.username) === 'local_part' ? '%EMAILLOCALPART%' : '%EMAILADDRESS%');
  const server = (s: NonNullable<ProviderEntry['imap']>): ServerCandidate => ({
    host: s.host,
    port: s.port,
    security: s.security,
    username: form(s.username),
  });
  return {
    source,
    provider: key,
    ...(entry.label ? { displayName: entry.label } : {}),
    ...(entry.imap ? { imap: server(entry.imap) } : {}),
    ...(entry.smtp ? { smtp: server(entry.smtp) } : {}),
    oauthRequired: entry.auth === 'oauth' || entry.oauthRequired === true,
  };
}
