import type { Step } from '../errors/api-error.ts';
import type { HttpGetContext } from './http-destination.ts';
import { httpCall } from './http-request.ts';

export type { HttpGetContext } from './http-destination.ts';

export interface HttpGetResult {
  status: number;
  body: string;
  contentType: string;
}

/**
 * GET a small document (autoconfig XML, the webhook challenge) through the outbound-connection
 * policy — one {@link httpCall}: Latchkey's resolver, every address checked, the socket to a
 * checked address, TLS SNI and the certificate check on the host name. Redirects are not followed.
 *
 * @param timeoutMs for the whole request (connect, TLS, headers and body)
 * @param maxBytes larger bodies are cut off and rejected (`protocol_error`)
 * @throws ApiError with `step`: the resolver's (`dns_not_found`, `destination_not_allowed`) and
 *   the transport errors of {@link httpCall} — callers treat all as "no answer here".
 */
export async function httpGet(
  url: URL,
  ctx: HttpGetContext,
  timeoutMs: number,
  maxBytes = 256 * 1024,
  step: Step = 'detect',
): Promise<HttpGetResult> {
  const answer = await httpCall(
    {
      url,
      method: 'GET',
      step,
      timeoutMs,
      maxBytes,
      headers: { accept: 'application/xml, text/xml;q=0.9, */*;q=0.1' },
    },
    ctx,
  );
  return { status: answer.status, body: answer.body, contentType: String(answer.headers['content-type'] ?? '') };
}
