import { httpsCall } from './http-request.ts';
import type { HttpGetContext } from './http-get.ts';

/**
 * POST a small JSON body to an https URL (webhook deliveries) through the outbound-connection
 * policy — one {@link httpsCall}: Latchkey's resolver, every address checked
 * (`LATCHKEY_ALLOWED_DESTINATIONS`, HTTP ports), the socket to a checked address, TLS SNI and the
 * certificate check on the host name. Redirects are not followed; at most 64 KiB of the answer
 * is read, and only its status is kept.
 * @param timeoutMs for the whole request
 * @returns the HTTP status
 * @throws ApiError with step `webhook` (`destination_not_allowed` for a non-https URL,
 *   `dns_not_found`, `connect_refused`, `connect_timeout`, `certificate_invalid`, …).
 */
export async function httpsPost(
  url: URL,
  body: string,
  headers: Record<string, string>,
  ctx: HttpGetContext,
  timeoutMs: number,
): Promise<number> {
  const answer = await httpsCall(
    {
      url,
      method: 'POST',
      body,
      step: 'webhook',
      timeoutMs,
      maxBytes: 64 * 1024,
      statusOnly: true,
      headers: { 'content-type': 'application/json', ...headers },
    },
    ctx,
  );
  return answer.status;
}
