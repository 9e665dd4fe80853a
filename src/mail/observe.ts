import type { TLSSocket } from 'node:tls';
import { since, type Protocol } from '../net/events.ts';
import { handshakeEvent } from '../net/tls.ts';
import type { VerifyObserver } from './events.ts';

/**
 * Where an observed conversation stands. `tls` turns true once the connection is encrypted;
 * `authStarted` (a `performance.now()` value) is set when the login command goes out, after
 * which capability lists are no longer reported (they describe the logged-in session).
 */
export interface Observed {
  protocol: Protocol;
  onEvent: VerifyObserver;
  tls: boolean;
  authStarted?: number;
  /** The last capability list reported, to skip repeats (a greeting's list, then CAPABILITY's). */
  lastList?: string;
  /** The login command as sent, without its arguments: `AUTHENTICATE PLAIN`, `LOGIN`. */
  mechanism?: string;
}

type LogMethod = (...args: unknown[]) => void;
type Logger = Record<'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', LogMethod>;

/**
 * An imapflow logger that turns the server's capability answers into `capabilities` events
 * (`* CAPABILITY …`, `… OK [CAPABILITY …]`) and notes when the login starts. Of the client's
 * lines only the command name is looked at; no line is kept. Every level is a method, so
 * imapflow never falls back to the console.
 */
export function imapTap(o: Observed): Logger {
  const debug: LogMethod = (entry) => {
    const { src, msg } = (entry ?? {}) as { src?: string; msg?: unknown };
    if (typeof msg !== 'string') return;
    if (src === 'c') {
      const login = /^\S+ (LOGIN|AUTHENTICATE \S+)/i.exec(msg);
      if (login?.[1]) {
        o.authStarted ??= performance.now();
        o.mechanism = login[1].toUpperCase();
      }
      return;
    }
    if (src !== 's' || o.authStarted !== undefined) return;
    const m = /^\* CAPABILITY (.*)$/i.exec(msg) ?? /^\S+ OK \[CAPABILITY ([^\]]*)\]/i.exec(msg);
    if (m?.[1]) report(o, m[1].trim().split(/\s+/));
  };
  return { trace: () => undefined, debug, info: () => undefined, warn: () => undefined, error: () => undefined, fatal: () => undefined };
}

/**
 * A nodemailer logger (fed by `transactionLog`) that reports the EHLO keyword lines before and
 * after STARTTLS, the STARTTLS handshake itself (from the TLS socket nodemailer made), and when
 * AUTH starts. Of the client's lines only the command verb is looked at; no line is kept.
 */
export function smtpTap(
  o: Observed,
  tlsSocket: () => TLSSocket | undefined,
  names: { servername: string | undefined; certName: string },
): Logger {
  let last = '';
  let upgrading: number | undefined;
  const debug: LogMethod = (entry, message) => {
    const tnx = (entry as { tnx?: string } | undefined)?.tnx;
    if (typeof message !== 'string') return;
    if (tnx === 'client') {
      last = (/^(\S+)/.exec(message)?.[1] ?? '').toUpperCase();
      if ((last === 'EHLO' || last === 'HELO') && upgrading !== undefined) {
        const socket = tlsSocket();
        if (socket)
          o.onEvent(
            handshakeEvent(socket, {
              protocol: 'smtp',
              mode: 'starttls',
              ...names,
              started: upgrading,
              problem: undefined,
              completed: true,
            }),
          );
        o.tls = true;
        upgrading = undefined;
      }
      if (last === 'AUTH') o.authStarted ??= performance.now();
      return;
    }
    if (tnx !== 'server') return;
    if (last === 'STARTTLS' && /^220/.test(message)) upgrading = performance.now();
    if (last === 'EHLO' && /^250/.test(message) && o.authStarted === undefined) {
      report(
        o,
        message
          .split(/\r?\n/)
          .slice(1)
          .map((l) => l.replace(/^\d{3}[ -]/, '').trim())
          .filter(Boolean),
      );
    }
  };
  return { trace: () => undefined, debug, info: () => undefined, warn: () => undefined, error: () => undefined, fatal: () => undefined };
}

/** The `auth` event once the server accepted the login. */
export function reportAuth(o: Observed, mechanism: string, fallbackStart: number): void {
  o.onEvent({ protocol: o.protocol, kind: 'auth', mechanism: o.mechanism ?? mechanism, ms: since(o.authStarted ?? fallbackStart) });
}

function report(o: Observed, list: string[]): void {
  const key = `${o.tls} ${list.join(' ')}`;
  if (key === o.lastList) return;
  o.lastList = key;
  o.onEvent({ protocol: o.protocol, kind: 'capabilities', tls: o.tls, list });
}
