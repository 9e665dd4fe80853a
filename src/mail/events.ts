import type { ConnectionEvent, Protocol } from '../net/events.ts';

/**
 * Dialling events (net/events.ts) plus what the IMAP and SMTP conversations add: the server's
 * capabilities before and after TLS, the login, LIST and EXAMINE. For `latchkey doctor`; the
 * server passes no observer. No event carries a password or anything the client sent.
 */
export type VerifyEvent =
  | ConnectionEvent
  /** IMAP CAPABILITY atoms, or SMTP EHLO keyword lines; `tls` tells whether they came over TLS. */
  | { protocol: Protocol; kind: 'capabilities'; tls: boolean; list: string[] }
  /** The server accepted the login. `ms`: from the login command to the server's OK. */
  | { protocol: Protocol; kind: 'auth'; mechanism: string; ms: number }
  | { protocol: 'imap'; kind: 'list'; folders: number; ms: number }
  | { protocol: 'imap'; kind: 'examine'; mailbox: string; ms: number };

/** Receives events; must not throw. */
export type VerifyObserver = (event: VerifyEvent) => void;
