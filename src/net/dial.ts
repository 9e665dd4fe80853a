import type { Socket } from 'node:net';
import { connect as tlsConnect, type SecureContext, type TLSSocket } from 'node:tls';
import { ApiError, type Step } from '../errors/api-error.ts';
import type { DestinationPolicy } from './policy.ts';
import { startTls } from './tls.ts';
import { ipLiteral } from './resolve.ts';
import { since, type ConnectionObserver, type Protocol } from './events.ts';
import { connectFirst, connectTcp, guardSocket } from './connect.ts';

export type { Protocol } from './events.ts';

export interface DialTarget {
  host: string;
  port: number;
  protocol: Protocol;
  /** Implicit TLS (993/465 style) rather than plaintext first. */
  implicitTls: boolean;
}

/** What dialling needs from the server's configuration; injectable for tests. */
export interface DialContext {
  resolve: (host: string, step: Step) => Promise<string[]>;
  policy: DestinationPolicy;
  /** Trust anchors (system store + LATCHKEY_TLS_CA_FILE), built once: parsing them per connection is costly. */
  secureContext: SecureContext;
  /** ms */
  connectTimeoutMs: number;
  /** ms */
  greetingTimeoutMs: number;
  /** Step-by-step report for `latchkey doctor` (net/events.ts); the server leaves it unset. */
  onEvent?: ConnectionObserver;
  /** Ends the verification (the authorize deadline): every socket opened for it is destroyed. */
  signal?: AbortSignal;
}

export interface Dialed {
  socket: Socket | TLSSocket;
  /** The checked address the socket is connected to. */
  address: string;
  /** SNI / certificate name; undefined when the host is an IP literal. */
  servername: string | undefined;
  /** The name the certificate is checked against (host name, or the address an IP literal denotes). */
  certName: string;
  secure: boolean;
  /** The server's first line (already pushed back onto the socket for the protocol library). */
  greeting: string;
}

/**
 * Opens a connection for verification: resolve → policy check of every address → TCP connect to
 * each address in turn (connect timeout per address) → implicit TLS with certificate checks →
 * read the greeting and check that it is the expected protocol. The greeting is pushed back
 * onto the socket so imapflow/nodemailer read it as usual.
 *
 * @throws ApiError `dns_not_found`, `destination_not_allowed`, `connect_refused`, `connect_timeout`,
 *   `network_unreachable` (with `addresses_tried`), `certificate_invalid`, `tls_mismatch`,
 *   `greeting_timeout`, `not_imap`/`not_smtp`, `provider_unavailable` (a BYE / 421 greeting).
 */
export async function dial(target: DialTarget, ctx: DialContext): Promise<Dialed> {
  const p = target.protocol;
  const lookup = performance.now();
  const addresses = await ctx.resolve(target.host, `${p}.connect`);
  const literal = ipLiteral(target.host);
  ctx.onEvent?.({ protocol: p, kind: 'dns', host: target.host, addresses, literal: Boolean(literal), ms: since(lookup) });
  ctx.policy.assertAll(addresses, target.port, `${p}.connect`);
  const servername = literal ? undefined : target.host.replace(/\.$/, '');
  // The name the certificate must carry: the host name, or the address an IP literal denotes.
  const certName = literal ?? servername!;

  const what = p === 'imap' ? 'IMAP' : 'SMTP';
  const connected = await connectFirst(addresses, target.port, {
    timeoutMs: ctx.connectTimeoutMs,
    step: `${p}.connect`,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    describe: {
      connect_refused: `Nothing accepted a connection on ${target.host} port ${target.port}. Check the ${what} host name and port.`,
      connect_timeout: `The connection to ${target.host} port ${target.port} timed out. The port may be blocked by a firewall, or the ${what} host or port may be wrong.`,
      network_unreachable: `${target.host} could not be reached from this server (no route).`,
    },
    onAttempt: (a) =>
      ctx.onEvent?.({
        protocol: p,
        kind: 'tcp',
        address: a.address,
        port: target.port,
        ok: a.ok,
        ...(a.error ? { error: a.error } : {}),
        ms: Math.round(a.ms * 10) / 10,
      }),
  });
  const plain = connected.socket;
  const address = connected.address;
  if (ctx.signal) {
    const socketOnAbort = plain;
    if (ctx.signal.aborted) socketOnAbort.destroy();
    else ctx.signal.addEventListener('abort', () => socketOnAbort.destroy(), { once: true });
  }

  let socket: Socket | TLSSocket = plain;
  if (target.implicitTls) {
    const observer = ctx.onEvent ? { mode: 'implicit' as const, onEvent: ctx.onEvent } : undefined;
    const tls = startTls(
      {
        address,
        port: target.port,
        servername,
        host: certName,
        secureContext: ctx.secureContext,
        timeoutMs: ctx.greetingTimeoutMs,
        step: `${p}.tls`,
        ...(observer ? { observer } : {}),
      },
      plain,
    );
    try {
      socket = await tls.ready;
    } catch (err) {
      throw err instanceof ApiError && err.reason === 'tls_mismatch' ? await explainPlaintextPort(err, target, address, ctx) : err;
    }
  }
  const waiting = performance.now();
  const greeting = await readGreeting(socket, target, address, servername, ctx);
  ctx.onEvent?.({ protocol: p, kind: 'greeting', line: greeting, ms: since(waiting) });
  try {
    checkGreeting(greeting, p);
  } catch (err) {
    socket.destroy();
    throw err;
  }
  return { socket, address, servername, certName, secure: target.implicitTls, greeting };
}

/**
 * `auto` security (DECISIONS: 993/465 implicit TLS, other ports STARTTLS): when the port turns
 * out to speak the other kind of TLS (`tls_mismatch` at the handshake or greeting), dial once
 * more the other way instead of failing — what a mail client's "auto" does (case C13).
 * Returns whether the connection ended up implicit TLS.
 */
export async function dialAuto(target: DialTarget, ctx: DialContext, auto: boolean): Promise<Dialed> {
  try {
    return await dial(target, ctx);
  } catch (err) {
    if (!auto || !(err instanceof ApiError) || err.reason !== 'tls_mismatch') throw err;
    ctx.onEvent?.({
      protocol: target.protocol,
      kind: 'retry',
      why: `security auto: port ${target.port} ${target.implicitTls ? 'does not speak TLS from the start' : 'expects TLS from the start'}; dialling again ${target.implicitTls ? 'with STARTTLS' : 'with implicit TLS'}.`,
    });
    return dial({ ...target, implicitTls: !target.implicitTls }, ctx);
  }
}

/**
 * Waits for the first line the server sends. While a plaintext connection stays silent, a
 * second connection checks whether the port speaks TLS (a TLS port waits for the client's
 * ClientHello, so it never greets in plaintext): if it does, the answer is `tls_mismatch` at
 * once rather than a timeout. Nothing is sent on the main connection before the greeting, so
 * servers that delay the greeting on purpose (Sendmail greet_pause) are not offended.
 */
function readGreeting(
  socket: Socket,
  target: DialTarget,
  address: string,
  servername: string | undefined,
  ctx: DialContext,
): Promise<string> {
  const step: Step = `${target.protocol}.greeting`;
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    let probe: TLSSocket | undefined;
    const cleanup = () => {
      clearTimeout(timer);
      clearTimeout(probeTimer);
      probe?.destroy();
      socket.removeListener('data', onData);
      socket.removeListener('error', onError);
      socket.removeListener('end', onEnd);
    };
    const fail = (err: ApiError) => {
      cleanup();
      socket.destroy();
      reject(err);
    };
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const first = buffered[0];
      if (first === 0x15 || first === 0x16) return fail(tlsMismatch(step, target));
      const nl = buffered.indexOf(0x0a);
      if (nl === -1 && buffered.length < 4096) return;
      cleanup();
      socket.pause();
      socket.unshift(buffered);
      resumeOnReader(socket);
      resolve(
        buffered
          .subarray(0, nl === -1 ? buffered.length : nl)
          .toString('latin1')
          .replace(/\r$/, ''),
      );
    };
    const onError = (err: NodeJS.ErrnoException) =>
      fail(
        new ApiError('connection_closed', {
          step,
          message: `The connection broke before the server greeted (${err.code ?? err.message}).`,
          cause: err,
        }),
      );
    const onEnd = () =>
      fail(
        new ApiError('connection_closed', {
          step,
          message: target.implicitTls
            ? 'The server closed the connection without greeting.'
            : 'The server closed the connection without greeting. If this port expects SSL/TLS, turn it on.',
        }),
      );
    const timer = setTimeout(
      () =>
        fail(
          new ApiError('greeting_timeout', {
            step,
            message: `The server at ${target.host} port ${target.port} accepted the connection but sent no greeting within ${Math.round(ctx.greetingTimeoutMs / 1000)} s.`,
          }),
        ),
      ctx.greetingTimeoutMs,
    );
    const probeTimer = target.implicitTls
      ? undefined
      : setTimeout(
          () => {
            probe = guardSocket(
              tlsConnect({ host: address, port: target.port, ...(servername ? { servername } : {}), rejectUnauthorized: false }),
            );
            probe.once('secureConnect', () => fail(tlsMismatch(step, target, true)));
          },
          Math.min(750, ctx.greetingTimeoutMs / 3),
        );
    socket.on('data', onData);
    socket.once('error', onError);
    socket.once('end', onEnd);
  });
}

/**
 * Implicit TLS met a plaintext server. Its greeting tells which protocol the port really speaks:
 * an SMTP port given as the IMAP port (or the reverse) is answered `not_imap`/`not_smtp`, which
 * says what to fix, instead of a TLS hint that would only lead to that error next.
 */
async function explainPlaintextPort(mismatch: ApiError, target: DialTarget, address: string, ctx: DialContext): Promise<ApiError> {
  let socket: Socket | undefined;
  try {
    socket = await connectTcp(address, target.port, ctx.connectTimeoutMs, ctx.signal);
    const line = await firstLine(socket, Math.min(2000, ctx.greetingTimeoutMs));
    checkGreeting(line, target.protocol);
    return mismatch; // the right protocol in plaintext: the TLS hint stands
  } catch (err) {
    return err instanceof ApiError && (err.reason === 'not_imap' || err.reason === 'not_smtp') ? err : mismatch;
  } finally {
    socket?.destroy();
  }
}

function firstLine(socket: Socket, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error('silent')), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      const nl = text.indexOf('\n');
      if (nl !== -1) {
        clearTimeout(timer);
        resolve(text.slice(0, nl).replace(/\r$/, ''));
      }
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
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

function tlsMismatch(step: Step, target: DialTarget, serverWantsTls = true): ApiError {
  const tlsPort = target.protocol === 'imap' ? 993 : 465;
  return new ApiError('tls_mismatch', {
    step,
    message: serverWantsTls
      ? `Port ${target.port} expects SSL/TLS from the start, but the connection was made without it. Turn on SSL/TLS (usual port ${tlsPort}).`
      : `Port ${target.port} does not use SSL/TLS from the start. Use STARTTLS on this port, or SSL/TLS on port ${tlsPort}.`,
  });
}

function checkGreeting(line: string, protocol: Protocol): void {
  const step: Step = `${protocol}.greeting`;
  const other = /^\+OK/i.test(line)
    ? 'POP3'
    : /^\* (OK|PREAUTH|BYE)/i.test(line)
      ? 'IMAP'
      : /^2\d\d[ -]/.test(line)
        ? 'SMTP'
        : /^HTTP\//i.test(line)
          ? 'HTTP'
          : undefined;
  if (protocol === 'imap') {
    if (/^\* (OK|PREAUTH)\b/i.test(line)) return;
    if (/^\* BYE\b/i.test(line)) {
      throw new ApiError('provider_unavailable', {
        step,
        serverError: line.slice(6),
        message: 'The IMAP server refused the session as soon as it was opened. Please try again later.',
        retryAfter: 60,
      });
    }
    throw new ApiError('not_imap', {
      step,
      serverError: line.slice(0, 200),
      message: other
        ? `The server on this port speaks ${other}, not IMAP. Check the IMAP port (usually 993, or 143 with STARTTLS).`
        : undefined,
    });
  }
  if (/^220[ -]/.test(line)) return;
  if (/^(421|554)[ -]/.test(line)) {
    throw new ApiError('provider_unavailable', {
      step,
      serverError: line,
      message: 'The SMTP server refused the session as soon as it was opened. Please try again later.',
      retryAfter: 60,
    });
  }
  throw new ApiError('not_smtp', {
    step,
    serverError: line.slice(0, 200),
    message: other
      ? `The server on this port speaks ${other}, not SMTP. Check the SMTP port (usually 587 with STARTTLS, or 465).`
      : undefined,
  });
}
