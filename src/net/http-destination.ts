import type { SecureContext } from 'node:tls';
import type { Step } from '../errors/api-error.ts';
import type { DestinationPolicy } from './policy.ts';

/** What an outbound HTTP(S) request needs: the resolver, the outbound policy and the trust anchors. */
export interface HttpGetContext {
  resolve: (host: string, step: Step) => Promise<string[]>;
  policy: DestinationPolicy;
  secureContext: SecureContext;
}

/**
 * Resolves and checks the URL's host BEFORE any connection: every address (an IP literal too)
 * must pass the outbound policy for the URL's port. Returns the checked addresses, the only ones
 * ever dialled for the request (no second resolution, so DNS rebinding cannot switch them).
 * @throws ApiError `destination_not_allowed` or `dns_not_found`.
 */
export async function checkedDestination(url: URL, ctx: HttpGetContext, step: Step): Promise<string[]> {
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const addresses = await ctx.resolve(url.hostname, step);
  ctx.policy.assertAll(addresses, port, step);
  return addresses;
}
