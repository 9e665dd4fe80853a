import { ApiError, type Step } from '../../errors/api-error.ts';
import { greetingProtocol } from '../greeting.ts';

/**
 * Checks an SMTP greeting (RFC 5321 §4.2, §3.1): `220` opens a session.
 * @throws ApiError `provider_unavailable` for `421` / `554` (the server refuses the session, retry
 *   after 60 s); `not_smtp` otherwise, naming the protocol the port speaks when the line shows it.
 */
export function checkSmtpGreeting(line: string): void {
  const step: Step = 'smtp.greeting';
  if (/^220[ -]/.test(line)) return;
  if (/^(421|554)[ -]/.test(line)) {
    throw new ApiError('provider_unavailable', {
      step,
      serverError: line,
      message: 'The SMTP server refused the session as soon as it was opened. Please try again later.',
      retryAfter: 60,
    });
  }
  const other = greetingProtocol(line);
  throw new ApiError('not_smtp', {
    step,
    serverError: line.slice(0, 200),
    message: other
      ? `The server on this port speaks ${other}, not SMTP. Check the SMTP port (usually 587 with STARTTLS, or 465).`
      : undefined,
  });
}
