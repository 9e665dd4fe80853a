import type { GreetingRule } from '../greeting.ts';

/**
 * The IMAP greeting (RFC 9051 §7.1): `* OK` or `* PREAUTH` opens a session, `* BYE` refuses it.
 */
export const IMAP_GREETING: GreetingRule = {
  protocol: 'imap',
  opens: /^\* (OK|PREAUTH)\b/i,
  refuses: /^\* BYE\b/i,
  refusalText: (line) => line.slice(6),
  refusedMessage: 'The IMAP server refused the session as soon as it was opened. Please try again later.',
  otherwise: 'not_imap',
  name: 'IMAP',
  portHint: 'Check the IMAP port (usually 993, or 143 with STARTTLS).',
};
