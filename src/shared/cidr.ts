import { BlockList, isIP } from 'node:net';

/** One CIDR block, e.g. `127.0.0.0/8` or `fd00::/8`. */
export interface Cidr {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

/**
 * Parses a comma-separated CIDR list (`LATCHKEY_ALLOWED_DESTINATIONS`). A bare address is a /32 or /128.
 * @throws Error naming the first entry that is not a CIDR block.
 */
export function parseCidrList(text: string): Cidr[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [address = '', prefixText, ...extra] = entry.split('/');
      const version = isIP(address);
      if (!version || extra.length) throw new Error(`${JSON.stringify(entry)} is not a CIDR block (e.g. 10.0.0.0/8)`);
      const max = version === 4 ? 32 : 128;
      // Decimal digits only: Number('') is 0, so "10.0.0.0/" would otherwise widen to every address.
      const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) throw new Error(`${JSON.stringify(entry)} has a bad prefix length`);
      return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' } as const;
    });
}

/** A BlockList holding the given blocks (node:net's matcher handles IPv4-mapped IPv6). */
export function toBlockList(cidrs: readonly Cidr[]): BlockList {
  const list = new BlockList();
  for (const c of cidrs) list.addSubnet(c.address, c.prefix, c.family);
  return list;
}
