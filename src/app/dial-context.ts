import type { Config } from '../config/env.ts';
import type { DialContext } from '../mail/dial.ts';
import { DestinationPolicy } from '../net/policy.ts';
import { createResolver } from '../net/resolve.ts';
import { outboundTlsContext } from '../net/tls.ts';

/**
 * Outbound dialling as configured: the resolver (`LATCHKEY_DNS_SERVERS`), the destination policy
 * (`LATCHKEY_ALLOWED_DESTINATIONS`, `LATCHKEY_ALLOWED_PORTS`), trust anchors (system store +
 * `LATCHKEY_TLS_CA_FILE`) and the connect/greeting timeouts. The server and `latchkey doctor`
 * both dial through this.
 */
export function dialContext(config: Config): DialContext {
  return {
    resolve: createResolver(config.dnsServers),
    policy: new DestinationPolicy(config.allowedDestinations, config.allowedPorts, config.allowedHttpPorts),
    secureContext: outboundTlsContext(config.extraCaPem),
    connectTimeoutMs: config.timeouts.connectMs,
    greetingTimeoutMs: config.timeouts.greetingMs,
  };
}
