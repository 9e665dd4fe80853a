import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { ApiError, type Step } from '../errors/api-error.ts';
import { probeTls } from '../net/tls.ts';
import type { Protocol } from '../net/events.ts';
import { LineReadError, LineReader } from './line-reader.ts';

/** The server whose greeting is awaited. */
export interface GreetingTarget {
  host: string;
  port: number;
  protocol: Protocol;
  /** Implicit TLS (993/465 style) rather than plaintext first. */
  implicitTls: boolean;
}

/** The protocols a server's first line can show: POP3, IMAP, SMTP, HTTP. */
export type GreetingProtocol = 'POP3' | 'IMAP' | 'SMTP' | 'HTTP';

/**
 * Which protocol a first line opens (POP3 `+OK` RFC 1939, IMAP `* OK` / `* PREAUTH` / `* BYE`
 * RFC 9051 §7.1, SMTP `2xx` RFC 5321 §4.2, an HTTP status line), for a message naming what the
 * port really speaks; undefined when it is none of them.
 */
export function greetingProtocol(line: string): GreetingProtocol | undefined {
  return /^\+OK/i.test(line)
    ? 'POP3'
    : /^\* (OK|PREAUTH|BYE)/i.test(line)
      ? 'IMAP'
      : /^2\d\d[ -]/.test(line)
        ? 'SMTP'
        : /^HTTP\//i.test(line)
          ? 'HTTP'
          : undefined;
}

/** What opens a protocol's session, what refuses it, and the words for a port that speaks something else. */
export interface GreetingRule {
  protocol: Protocol;
  /** A greeting that opens a session. */
  opens: RegExp;
  /** A greeting that refuses the session at once (`provider_unavailable`, retry after 60 s). */
  refuses: RegExp;
  /** The part of a refusing greeting shown as `server_error`. */
  refusalText: (line: string) => string;
  refusedMessage: string;
  /** The reason for any other first line. */
  otherwise: 'not_imap' | 'not_smtp';
  /** `IMAP`, `SMTP`: the name in the wrong-protocol message. */
  name: GreetingProtocol;
  /** Where the usual port is, for the wrong-protocol message. */
  portHint: string;
}

/**
 * Checks a greeting against its protocol's rule (mail/imap/greeting.ts, mail/smtp/greeting.ts).
 * @throws ApiError `provider_unavailable` for a refusing greeting (retry after 60 s); `not_imap` /
 *   `not_smtp` for any other line, naming the protocol the port speaks when the line shows it.
 */
export function checkGreeting(line: string, rule: GreetingRule): void {
  const step: Step = `${rule.protocol}.greeting`;
  if (rule.opens.test(line)) return;
  if (rule.refuses.test(line)) {
    throw new ApiError('provider_unavailable', { step, serverError: rule.refusalText(line), message: rule.refusedMessage, retryAfter: 60 });
  }
  const other = greetingProtocol(line);
  throw new ApiError(rule.otherwise, {
    step,
    serverError: line.slice(0, 200),
    message: other ? `The server on this port speaks ${other}, not ${rule.name}. ${rule.portHint}` : undefined,
  });
}

/**
 * Waits for the first line the server sends. While a plaintext connection stays silent, a
 * second connection checks whether the port speaks TLS (a TLS port waits for the client's
 * ClientHello, so it never greets in plaintext): if it does, the answer is `tls_mismatch` at
 * once rather than a timeout. Nothing is sent on the main connection before the greeting, so
 * servers that delay the greeting on purpose (Sendmail greet_pause) are not offended.
 * The bytes read are pushed back onto the socket, so the protocol library reads the greeting as usual.
 * @param timeoutMs ms to wait for the greeting
 * @throws ApiError `tls_mismatch`, `connection_closed`, `greeting_timeout` (the socket is destroyed)
 */
export async function readGreeting(
  socket: Socket,
  target: GreetingTarget,
  address: string,
  servername: string | undefined,
  timeoutMs: number,
): Promise<string> {
  const step: Step = `${target.protocol}.greeting`;
  const reader = new LineReader(socket, { maxLineBytes: 4096, tooLong: 'truncate', sniffTls: true });
  let probe: TLSSocket | undefined;
  let probeTimer: NodeJS.Timeout | undefined;
  const speaksTls = new Promise<never>((_, reject) => {
    if (target.implicitTls) return;
    probeTimer = setTimeout(
      () => {
        probe = probeTls({ address, port: target.port, servername }, () => reject(tlsMismatch(step, target, true)));
      },
      Math.min(750, timeoutMs / 3),
    );
  });
  try {
    const line = await Promise.race([reader.next(timeoutMs), speaksTls]);
    const received = reader.stop();
    socket.pause();
    socket.unshift(received);
    resumeOnReader(socket);
    return line;
  } catch (err) {
    reader.stop();
    socket.destroy();
    throw err instanceof LineReadError ? greetingFailure(err, step, target, timeoutMs) : err;
  } finally {
    clearTimeout(probeTimer);
    probe?.destroy();
  }
}

/** The catalogue's answer for a greeting that did not come. */
function greetingFailure(err: LineReadError, step: Step, target: GreetingTarget, timeoutMs: number): ApiError {
  switch (err.failure) {
    case 'tls-record':
      return tlsMismatch(step, target);
    case 'broken':
      return new ApiError('connection_closed', {
        step,
        message: `The connection broke before the server greeted (${err.socketError?.code ?? err.message}).`,
        cause: err.socketError,
      });
    case 'closed':
      return new ApiError('connection_closed', {
        step,
        message: target.implicitTls
          ? 'The server closed the connection without greeting.'
          : 'The server closed the connection without greeting. If this port expects SSL/TLS, turn it on.',
      });
    default:
      return new ApiError('greeting_timeout', {
        step,
        message:
          `The server at ${target.host} port ${target.port} accepted the connection but sent no greeting ` +
          `within ${Math.round(timeoutMs / 1000)} s.`,
      });
  }
}

/**
 * The greeting was pushed back onto a paused socket; a paused socket does not start flowing when
 * a 'data' listener is added, so resume it as soon as the protocol library attaches one.
 */
function resumeOnReader(socket: Socket): void {
  const onListener = (event: string | symbol) => {
    if (event !== 'data') return;
    socket.removeListener('newListener', onListener);
    setImmediate(() => socket.resume());
  };
  socket.on('newListener', onListener);
}

/** `tls_mismatch` at the greeting: the port expects TLS from the start, or (`serverWantsTls` false) does not. */
export function tlsMismatch(step: Step, target: GreetingTarget, serverWantsTls = true): ApiError {
  const tlsPort = target.protocol === 'imap' ? 993 : 465;
  return new ApiError('tls_mismatch', {
    step,
    message: serverWantsTls
      ? `Port ${target.port} expects SSL/TLS from the start, but the connection was made without it. ` +
        `Turn on SSL/TLS (usual port ${tlsPort}).`
      : `Port ${target.port} does not use SSL/TLS from the start. Use STARTTLS on this port, or SSL/TLS on port ${tlsPort}.`,
  });
}
