import type { Socket } from 'node:net';
import { dial, type DialContext } from '../net/dial.ts';
import { startTls } from '../net/tls.ts';
import type { ServerCandidate } from './types.ts';

/**
 * The last resort: common host names, returned only once probed — a greeting that really is
 * IMAP/SMTP, and TLS that really works with a valid certificate for the name (implicit TLS, or
 * STARTTLS advertised and completed). No credentials are sent.
 */
export function guessCandidates(domain: string): { imap: ServerCandidate[]; smtp: ServerCandidate[] } {
  const u = '%EMAILADDRESS%';
  return {
    imap: [
      { host: `imap.${domain}`, port: 993, security: 'ssl', username: u },
      { host: `mail.${domain}`, port: 993, security: 'ssl', username: u },
      { host: `imap.${domain}`, port: 143, security: 'starttls', username: u },
      { host: `mail.${domain}`, port: 143, security: 'starttls', username: u },
    ],
    smtp: [
      { host: `smtp.${domain}`, port: 465, security: 'ssl', username: u },
      { host: `mail.${domain}`, port: 465, security: 'ssl', username: u },
      { host: `smtp.${domain}`, port: 587, security: 'starttls', username: u },
      { host: `mail.${domain}`, port: 587, security: 'starttls', username: u },
    ],
  };
}

/** The first candidate (in order) whose probe succeeds; all are probed at once. */
export async function firstWorking(
  candidates: ServerCandidate[],
  protocol: 'imap' | 'smtp',
  ctx: DialContext,
): Promise<ServerCandidate | undefined> {
  const results = candidates.map((c) =>
    probe(c, protocol, ctx).then(
      () => true,
      () => false,
    ),
  );
  for (let i = 0; i < candidates.length; i++) if (await results[i]) return candidates[i];
  return undefined;
}

/**
 * Probes one server without credentials.
 * @throws ApiError from dial() or startTls() (`certificate_invalid`, `tls_mismatch`, `response_timeout`…),
 *   or an Error when STARTTLS is refused or the server does not answer.
 */
export async function probe(c: ServerCandidate, protocol: 'imap' | 'smtp', ctx: DialContext): Promise<void> {
  const dialed = await dial({ host: c.host, port: c.port, protocol, implicitTls: c.security === 'ssl' }, ctx);
  const socket = dialed.socket;
  try {
    if (c.security !== 'starttls') return;
    const lines = reader(socket, ctx.greetingTimeoutMs);
    socket.resume();
    await lines.next(); // the greeting, already checked by dial()
    if (protocol === 'imap') {
      socket.write('a1 STARTTLS\r\n');
      await lines.until(
        (l) => /^a1 /i.test(l),
        (l) => /^a1 OK/i.test(l),
      );
    } else {
      socket.write('EHLO latchkey.invalid\r\n');
      await lines.until(
        (l) => /^250 /.test(l),
        (l) => /^250/.test(l),
      );
      socket.write('STARTTLS\r\n');
      await lines.until(
        (l) => /^\d{3} /.test(l),
        (l) => /^220/.test(l),
      );
    }
    socket.removeAllListeners('data');
    // The same handshake and certificate checks as verification's (net/tls.ts): the socket is
    // opened and guarded in src/net, and a bad certificate fails the probe as it would the login.
    const tls = startTls(
      {
        address: dialed.address,
        port: c.port,
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
  } finally {
    socket.destroy();
  }
}

function reader(socket: NodeJS.ReadableStream & { destroy(): void }, timeoutMs: number) {
  let buffer = '';
  const waiting: Array<() => void> = [];
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    waiting.splice(0).forEach((w) => w());
  });
  const nextLine = async (): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const nl = buffer.indexOf('\n');
      if (nl !== -1) {
        const line = buffer.slice(0, nl).replace(/\r$/, '');
        buffer = buffer.slice(nl + 1);
        return line;
      }
      if (Date.now() > deadline) throw new Error('no answer');
      await new Promise<void>((r) => {
        waiting.push(r);
        setTimeout(r, Math.max(1, deadline - Date.now()));
      });
    }
  };
  return {
    next: nextLine,
    /** Reads lines until `last` matches; then `ok` must match that line. */
    async until(last: (l: string) => boolean, ok: (l: string) => boolean): Promise<void> {
      for (;;) {
        const line = await nextLine();
        if (last(line)) {
          if (!ok(line)) throw new Error(`refused: ${line.slice(0, 80)}`);
          return;
        }
      }
    },
  };
}
