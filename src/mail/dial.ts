import type { Socket } from 'node:net';
import type { SecureContext, TLSSocket } from 'node:tls';
import { ApiError, type Step } from '../errors/api-error.ts';
import type { DestinationPolicy } from '../net/policy.ts';
import { startTls } from '../net/tls.ts';
import { ipLiteral } from '../net/resolve.ts';
import { since, type ConnectionObserver, type Protocol } from '../net/events.ts';
import { connectFirst, connectTcp } from '../net/connect.ts';
import { checkGreeting, readGreeting, type GreetingRule, type GreetingTarget } from './greeting.ts';
import { LineReader } from './line-reader.ts';
import { IMAP_GREETING } from './imap/greeting.ts';
import { SMTP_GREETING } from './smtp/greeting.ts';

export type { Protocol } from '../net/events.ts';

/** What to dial: host, port, protocol, implicit TLS or not. */
export type DialTarget = GreetingTarget;

/** Each protocol's greeting rule (mail/imap/greeting.ts, mail/smtp/greeting.ts). */
const GREETINGS: Record<Protocol, GreetingRule> = { imap: IMAP_GREETING, smtp: SMTP_GREETING };

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
      connect_timeout:
        `The connection to ${target.host} port ${target.port} timed out. The port may be blocked by a firewall, or the ` +
        `${what} host or port may be wrong.`,
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
  const greeting = await readGreeting(socket, target, address, servername, ctx.greetingTimeoutMs);
  ctx.onEvent?.({ protocol: p, kind: 'greeting', line: greeting, ms: since(waiting) });
  try {
    checkGreeting(greeting, GREETINGS[p]);
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
      why:
        `security auto: port ${target.port} ` +
        `${target.implicitTls ? 'does not speak TLS from the start' : 'expects TLS from the start'}; dialling again ` +
        `${target.implicitTls ? 'with STARTTLS' : 'with implicit TLS'}.`,
    });
    return dial({ ...target, implicitTls: !target.implicitTls }, ctx);
  }
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
    const reader = new LineReader(socket, { maxLineBytes: 4096, tooLong: 'fail' });
    const line = await reader.next(Math.min(2000, ctx.greetingTimeoutMs));
    checkGreeting(line, GREETINGS[target.protocol]);
    return mismatch; // the right protocol in plaintext: the TLS hint stands
  } catch (err) {
    return err instanceof ApiError && (err.reason === 'not_imap' || err.reason === 'not_smtp') ? err : mismatch;
  } finally {
    socket?.destroy();
  }
}
