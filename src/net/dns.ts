import { promises as dns } from 'node:dns';

/** MX and SRV lookups (DECISIONS: `LATCHKEY_DNS_SERVERS` applies to every name Latchkey resolves). */
export interface DnsLookups {
  /** MX hosts of a domain, most preferred first, lower-cased, without the trailing dot. Empty when none. */
  mx(domain: string): Promise<string[]>;
  /**
   * SRV targets (RFC 2782 order: lowest priority, then highest weight). A single target "." means
   * the service is decidedly not available (RFC 6186 §3): an empty list.
   */
  srv(name: string): Promise<Array<{ host: string; port: number }>>;
}

/** Plain words for a DNS lookup that failed (not "no such record"): what `detect` traces show. */
function dnsFailure(code: string | undefined, raw: string): string {
  const name = /\s(\S+)$/.exec(raw)?.[1];
  const of = name ? ` for ${name}` : '';
  switch (code) {
    case 'ECONNREFUSED':
      return `no DNS server answered${of} (connection refused; check LATCHKEY_DNS_SERVERS)`;
    case 'ETIMEOUT':
      return `no DNS server answered${of} (timed out; check LATCHKEY_DNS_SERVERS)`;
    case 'ESERVFAIL':
      return `the DNS server failed to answer${of} (SERVFAIL)`;
    case 'EREFUSED':
      return `the DNS server refused the query${of}`;
    default:
      return `DNS lookup failed${of} (${code ?? raw})`;
  }
}

export function createDnsLookups(servers: readonly string[]): DnsLookups {
  const resolver = new dns.Resolver({ timeout: 2000, tries: 2 });
  if (servers.length) resolver.setServers([...servers]);
  const quiet = async <T>(fn: () => Promise<T[]>): Promise<T[]> => {
    try {
      return await fn();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'ENONAME' || code === 'NXDOMAIN') return [];
      throw Object.assign(new Error(dnsFailure(code, (err as Error).message), { cause: err }), { code });
    }
  };
  return {
    async mx(domain) {
      const records = await quiet(() => resolver.resolveMx(domain));
      return records
        .sort((a, b) => a.priority - b.priority)
        .map((r) => r.exchange.toLowerCase().replace(/\.$/, ''))
        .filter(Boolean);
    },
    async srv(name) {
      const records = await quiet(() => resolver.resolveSrv(name));
      if (records.length === 1 && (records[0]!.name === '' || records[0]!.name === '.')) return [];
      return records
        .sort((a, b) => a.priority - b.priority || b.weight - a.weight)
        .map((r) => ({ host: r.name.toLowerCase().replace(/\.$/, ''), port: r.port }))
        .filter((r) => r.host && r.port > 0);
    },
  };
}
