import type { Socket } from 'node:net';
import { startTls } from '../net/tls.ts';
import type { Dialed, DialContext } from './dial.ts';
import { LineReader } from './line-reader.ts';
import type { ServerLogin } from './login.ts';

/**
 * STARTTLS: the decision (whether a connection upgrades, from port, security and `ssl_required`)
 * and the probe without credentials that `detect` runs on a guessed server.
 */

/** Plain/TLS plan for a connection derived from port, security and `ssl_required`. */
export interface TlsPlan {
  implicitTls: boolean;
  /** STARTTLS: 'required' (fail without), 'never', or 'opportunistic' (only with ssl_required false). */
  starttls: 'required' | 'never' | 'opportunistic';
}

/**
 * DECISIONS: `auto` means implicit TLS on 993/465, STARTTLS elsewhere when offered; with
 * `ssl_required` (the default) STARTTLS is required on a plaintext port.
 */
export function planTls(login: Pick<ServerLogin, 'port' | 'security' | 'sslRequired'>, implicitPort: number): TlsPlan {
  switch (login.security) {
    case 'ssl':
      return { implicitTls: true, starttls: 'never' };
    case 'starttls':
      return { implicitTls: false, starttls: 'required' };
    case 'none':
      return { implicitTls: false, starttls: 'never' };
    case 'auto':
      if (login.port === implicitPort) return { implicitTls: true, starttls: 'never' };
      return { implicitTls: false, starttls: login.sslRequired ? 'required' : 'opportunistic' };
  }
}

/** STARTTLS policy for the connection actually made (dialAuto may have switched TLS mode). */
export function starttlsFor(plan: TlsPlan, secure: boolean, sslRequired: boolean): TlsPlan['starttls'] {
  if (secure) return 'never';
  if (plan.implicitTls) return sslRequired ? 'required' : 'opportunistic';
  return plan.starttls;
}

/**
 * Asks a dialled server for STARTTLS — IMAP `STARTTLS` (RFC 9051 §6.2.1), SMTP `EHLO` then
 * `STARTTLS` (RFC 3207) — and completes the handshake with the same certificate checks as
 * verification (net/tls.ts). No credentials are sent; the TLS socket is closed at the end.
 * @param dialed a connection whose greeting dial() checked (and pushed back onto the socket)
 * @throws ApiError from startTls() (`certificate_invalid`, `tls_mismatch`, `response_timeout`…);
 *   Error `refused: …` when STARTTLS is refused; LineReadError when the server does not answer.
 */
export async function probeStarttls(dialed: Dialed, protocol: 'imap' | 'smtp', port: number, ctx: DialContext): Promise<void> {
  const socket = dialed.socket;
  const lines = new LineReader(socket, { maxLineBytes: 64 * 1024, tooLong: 'fail' });
  const wait = ctx.greetingTimeoutMs;
  socket.resume();
  await lines.next(wait); // the greeting, already checked by dial()
  if (protocol === 'imap') {
    socket.write('a1 STARTTLS\r\n');
    await lines.until(
      (l) => /^a1 /i.test(l),
      (l) => /^a1 OK/i.test(l),
      wait,
    );
  } else {
    socket.write('EHLO latchkey.invalid\r\n');
    await lines.until(
      (l) => /^250 /.test(l),
      (l) => /^250/.test(l),
      wait,
    );
    socket.write('STARTTLS\r\n');
    await lines.until(
      (l) => /^\d{3} /.test(l),
      (l) => /^220/.test(l),
      wait,
    );
  }
  lines.stop();
  // The same handshake and certificate checks as verification's (net/tls.ts): the socket is
  // opened and guarded in src/net, and a bad certificate fails the probe as it would the login.
  const tls = startTls(
    {
      address: dialed.address,
      port,
      servername: dialed.servername,
      host: dialed.certName,
      secureContext: ctx.secureContext,
      timeoutMs: ctx.greetingTimeoutMs,
      step: `${protocol}.tls`,
    },
    socket as Socket,
  );
  try {
    await tls.ready;
  } finally {
    tls.socket.destroy();
  }
}
