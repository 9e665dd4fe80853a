import { ApiError, type Step } from '../../errors/api-error.ts';
import { greetingProtocol } from '../greeting.ts';

/**
 * Checks an IMAP greeting (RFC 9051 §7.1): `* OK` or `* PREAUTH` opens a session.
 * @throws ApiError `provider_unavailable` for `* BYE` (the server refuses the session, retry after
 *   60 s); `not_imap` otherwise, naming the protocol the port speaks when the line shows it.
 */
export function checkImapGreeting(line: string): void {
  const step: Step = 'imap.greeting';
  if (/^\* (OK|PREAUTH)\b/i.test(line)) return;
  if (/^\* BYE\b/i.test(line)) {
    throw new ApiError('provider_unavailable', {
      step,
      serverError: line.slice(6),
      message: 'The IMAP server refused the session as soon as it was opened. Please try again later.',
      retryAfter: 60,
    });
  }
  const other = greetingProtocol(line);
  throw new ApiError('not_imap', {
    step,
    serverError: line.slice(0, 200),
    message: other
      ? `The server on this port speaks ${other}, not IMAP. Check the IMAP port (usually 993, or 143 with STARTTLS).`
      : undefined,
  });
}
