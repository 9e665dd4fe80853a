import { connect as tcpConnect, type Socket } from 'node:net';
import { ApiError, type Step } from '../errors/api-error.ts';
import type { Reason } from '../errors/catalogue.ts';

/**
 * The one place an outbound TCP socket is created (IMAP, SMTP, HTTPS alike; a stop hook keeps
 * `net.connect`/`tls.connect`/`https.request` inside src/net). Each socket gets an `'error'`
 * listener in the same synchronous step that creates it, so a failure the kernel reports at once
 * (ENETUNREACH on a host without a route, ECONNREFUSED) can never be emitted on a socket nobody
 * listens to — an unhandled `'error'` event ends the whole Node process (issue 18: one request
 * naming an unroutable autoconfig host took the server down).
 */

const lastError = Symbol('latchkey.lastError');

/**
 * Keeps a socket's errors from ever being unhandled: a permanent listener that records the last
 * error on the socket (the socket's owner still gets it through its own listener, and `'close'`
 * follows as usual). Not a process-wide catch: it applies to sockets Latchkey opened, whose owners
 * turn every failure into an answer through their own listeners, timeouts and `'close'`.
 */
export function guardSocket<T extends Socket>(socket: T): T {
  if (!(lastError in socket)) {
    Object.defineProperty(socket, lastError, { value: undefined, writable: true });
    socket.on('error', (err) => {
      (socket as unknown as Record<symbol, Error>)[lastError] = err;
    });
  }
  return socket;
}

/** The error a guarded socket last reported, if any. */
export function socketError(socket: Socket): NodeJS.ErrnoException | undefined {
  return (socket as unknown as Record<symbol, NodeJS.ErrnoException | undefined>)[lastError];
}

/**
 * Connects TCP to one checked address (an IP literal: no name lookup happens here).
 * @param timeoutMs connect timeout (ms); fails with an error whose `code` is `ETIMEDOUT`
 * @param signal destroys the attempt (rejects with code `ABORT_ERR`)
 * @returns a connected, guarded socket
 * @throws the socket's error (`code` ECONNREFUSED, ENETUNREACH, EHOSTUNREACH, ETIMEDOUT…)
 */
export function connectTcp(address: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<Socket> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(Object.assign(new Error('aborted'), { code: 'ABORT_ERR' }));
      return;
    }
    const socket = guardSocket(tcpConnect({ host: address, port }));
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.removeListener('error', onError);
      socket.removeListener('connect', onConnect);
    };
    const onAbort = () => {
      done();
      socket.destroy();
      reject(Object.assign(new Error('aborted'), { code: 'ABORT_ERR' }));
    };
    const onConnect = () => {
      done();
      resolve(socket);
    };
    const onError = (err: Error) => {
      done();
      socket.destroy();
      reject(err);
    };
    const timer = setTimeout(() => {
      done();
      socket.destroy();
      reject(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' }));
    }, timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', onConnect);
    socket.once('error', onError);
  });
}

/** What {@link connectFirst} reports about each address it tried. */
export interface ConnectAttempt {
  /** `203.0.113.5:443`, `[2001:db8::1]:993` */
  where: string;
  address: string;
  ok: boolean;
  /** errno code of a failed attempt (`ECONNREFUSED`, `ENETUNREACH`, `ETIMEDOUT`). */
  error?: string;
  ms: number;
}

/**
 * Connects to the first of `addresses` (already resolved and checked by the outbound policy)
 * that accepts, in order, each with its own connect timeout — how a mail client or browser walks
 * a host's addresses (RFC 6555 without the racing).
 * @param onAttempt told about every attempt (`latchkey doctor` prints them)
 * @throws ApiError with `step` and `addresses_tried`: `connect_refused`, `connect_timeout`,
 *   `network_unreachable` (all 502/504 provider errors), `internal` (local resources exhausted:
 *   EMFILE/ENFILE/ENOBUFS), `response_timeout` when `signal` ends it.
 */
export async function connectFirst(
  addresses: readonly string[],
  port: number,
  o: { timeoutMs: number; step: Step; describe: ConnectFailureWords; signal?: AbortSignal; onAttempt?: (a: ConnectAttempt) => void },
): Promise<{ socket: Socket; address: string; tried: string[] }> {
  const tried: string[] = [];
  const failures: string[] = [];
  for (const address of addresses) {
    if (o.signal?.aborted) break;
    const where = address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
    tried.push(where);
    const started = performance.now();
    try {
      const socket = await connectTcp(address, port, o.timeoutMs, o.signal);
      o.onAttempt?.({ where, address, ok: true, ms: performance.now() - started });
      return { socket, address, tried };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'ERROR';
      if (code === 'ABORT_ERR') break;
      failures.push(code);
      o.onAttempt?.({ where, address, ok: false, error: code, ms: performance.now() - started });
    }
  }
  if (o.signal?.aborted)
    throw new ApiError('response_timeout', {
      step: o.step,
      addressesTried: tried,
      message: 'The connection attempt was ended by the verification deadline.',
    });
  throw connectFailure(failures, tried, o.step, o.describe);
}

/** The words for a failed connection, per kind of destination (mail server, web endpoint). */
export interface ConnectFailureWords {
  connect_refused: string;
  connect_timeout: string;
  network_unreachable: string;
}

/**
 * Every attempt failed: the catalogue's reason for the set of errno codes seen.
 * Refused wins over unreachable (something answered), a timeout over both.
 */
export function connectFailure(codes: readonly string[], tried: string[], step: Step, words: ConnectFailureWords): ApiError {
  if (codes.some((c) => c === 'EMFILE' || c === 'ENFILE' || c === 'ENOBUFS')) {
    // Local resource exhaustion: Latchkey's fault, not the provider's (logged, generic 500).
    return new ApiError('internal', { step, internal: `out of local resources while connecting (${codes.join(', ')})` });
  }
  let reason: Reason = 'connect_refused';
  if (codes.includes('ETIMEDOUT')) reason = 'connect_timeout';
  else if (codes.length && codes.every((c) => c === 'ENETUNREACH' || c === 'EHOSTUNREACH' || c === 'EADDRNOTAVAIL' || c === 'ENETDOWN'))
    reason = 'network_unreachable';
  return new ApiError(reason, { step, message: words[reason as keyof ConnectFailureWords], addressesTried: tried });
}
