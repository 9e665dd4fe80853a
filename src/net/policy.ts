import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { ApiError, type Step } from '../errors/api-error.ts';
import { toBlockList, type Cidr } from '../shared/cidr.ts';

/**
 * Address ranges Latchkey never connects to on a user's behalf unless the operator allows them
 * (DECISIONS "Outbound connections (SSRF)"): loopback, RFC 1918, CGNAT (RFC 6598), link-local
 * (incl. the cloud metadata address 169.254.169.254), unique-local (RFC 4193), multicast,
 * unspecified and broadcast.
 */
const REFUSED = toBlockList([
  { address: '0.0.0.0', prefix: 8, family: 'ipv4' },
  { address: '10.0.0.0', prefix: 8, family: 'ipv4' },
  { address: '100.64.0.0', prefix: 10, family: 'ipv4' },
  { address: '127.0.0.0', prefix: 8, family: 'ipv4' },
  { address: '169.254.0.0', prefix: 16, family: 'ipv4' },
  { address: '172.16.0.0', prefix: 12, family: 'ipv4' },
  { address: '192.0.0.0', prefix: 24, family: 'ipv4' },
  { address: '192.168.0.0', prefix: 16, family: 'ipv4' },
  { address: '198.18.0.0', prefix: 15, family: 'ipv4' },
  { address: '224.0.0.0', prefix: 4, family: 'ipv4' },
  { address: '240.0.0.0', prefix: 4, family: 'ipv4' },
  { address: '::', prefix: 128, family: 'ipv6' },
  { address: '::1', prefix: 128, family: 'ipv6' },
  { address: 'fc00::', prefix: 7, family: 'ipv6' },
  { address: 'fe80::', prefix: 10, family: 'ipv6' },
  { address: 'ff00::', prefix: 8, family: 'ipv6' },
  { address: '64:ff9b:1::', prefix: 48, family: 'ipv6' },
  // Forms that embed an IPv4 address a server would reach: IPv4-compatible (deprecated, RFC 4291
  // §2.5.5.1), IPv4-translated (RFC 2765), NAT64 (RFC 6052) and 6to4 (RFC 3056).
  { address: '::', prefix: 96, family: 'ipv6' },
  { address: '::ffff:0:0:0', prefix: 96, family: 'ipv6' },
  { address: '64:ff9b::', prefix: 96, family: 'ipv6' },
  { address: '2002::', prefix: 16, family: 'ipv6' },
]);

/** The outbound-connection policy: which resolved addresses and ports may be dialled. */
export class DestinationPolicy {
  private readonly allowed: BlockList;

  /**
   * @param allowedDestinations operator exceptions (`LATCHKEY_ALLOWED_DESTINATIONS`); an address in
   *   them may be dialled on any port.
   * @param allowedPorts ports allowed for every other address.
   */
  constructor(
    allowedDestinations: readonly Cidr[],
    private readonly allowedPorts: ReadonlySet<number>,
    private readonly allowedHttpPorts: ReadonlySet<number> = new Set([443]),
  ) {
    this.allowed = toBlockList(allowedDestinations);
  }

  /**
   * Whether `address` (an IP literal) and `port` may be dialled, for mail (IMAP/SMTP) or HTTP.
   * IPv4-mapped IPv6 is judged as IPv4.
   */
  permits(address: string, port: number, kind: 'mail' | 'http' = 'mail'): boolean {
    const { ip, family } = normalize(address);
    if (this.allowed.check(ip, family)) return true;
    if (REFUSED.check(ip, family)) return false;
    return (kind === 'mail' ? this.allowedPorts : this.allowedHttpPorts).has(port);
  }

  /**
   * @throws ApiError `destination_not_allowed` (422) when any address is refused. The message
   *   never says whether the host was reachable.
   */
  assertAll(addresses: readonly string[], port: number, step: Step): void {
    const kind = step.startsWith('imap.') || step.startsWith('smtp.') ? 'mail' : 'http';
    const refused = addresses.find((a) => !this.permits(a, port, kind));
    if (refused !== undefined) {
      throw new ApiError('destination_not_allowed', {
        step,
        // For the operator's log only: the client is not told whether or where the host exists.
        internal:
          `${refused} port ${port} is refused by the outbound policy (${kind}); ` +
          `an operator can allow it with LATCHKEY_ALLOWED_DESTINATIONS${kind === 'mail' ? ' or LATCHKEY_ALLOWED_PORTS' : ''}`,
      });
    }
  }
}

function normalize(address: string): { ip: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return { ip: mapped[1], family: 'ipv4' };
  if (isIPv4(address)) return { ip: address, family: 'ipv4' };
  if (isIPv6(address)) return { ip: address, family: 'ipv6' };
  throw new Error(`not an IP address: ${address}`);
}
