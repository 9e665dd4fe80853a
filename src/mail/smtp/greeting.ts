import type { GreetingRule } from '../greeting.ts';

/**
 * The SMTP greeting (RFC 5321 §4.2, §3.1): `220` opens a session, `421` or `554` refuses it.
 */
export const SMTP_GREETING: GreetingRule = {
  protocol: 'smtp',
  opens: /^220[ -]/,
  refuses: /^(421|554)[ -]/,
  refusalText: (line) => line,
  refusedMessage: 'The SMTP server refused the session as soon as it was opened. Please try again later.',
  otherwise: 'not_smtp',
  name: 'SMTP',
  portHint: 'Check the SMTP port (usually 587 with STARTTLS, or 465).',
};
