/**
 * Shared plumbing for the scripted fake mail servers: transcript recording, a socket wrapper
 * that can be upgraded to TLS (or fail to), and a loopback listener.
 *
 * Only used by tests. Every socket gets an 'error' listener so a client that drops mid-way
 * never crashes the test process.
 */
import net from 'node:net';
import tls from 'node:tls';

/** PEM key and certificate for implicit TLS or STARTTLS. */
export interface TlsMaterial {
  key: string;
  cert: string;
}

/** One line seen on the wire. `dir` 'c' = client to server, 's' = server to client. */
export interface TranscriptEntry {
  dir: 'c' | 's';
  /** Whether the line travelled inside TLS. */
  tls: boolean;
  /** The line without its CRLF (an IMAP command with literals keeps the embedded CRLFs). */
  line: string;
  /** 1-based number of the TCP connection the line belongs to. */
  conn: number;
}

/** One credential exchange the fake saw. `pass` is the token for OAuth mechanisms. */
export interface AuthAttempt {
  /** The protocol command: IMAP LOGIN / AUTHENTICATE, SMTP AUTH. */
  command: 'LOGIN' | 'AUTHENTICATE' | 'AUTH';
  /** SASL mechanism ('LOGIN' for the IMAP LOGIN command). */
  mechanism: string;
  user: string;
  pass: string;
  tls: boolean;
  reply: string;
}

/** What every fake server exposes. */
export interface FakeServer {
  host: string;
  port: number;
  /** Every line received and sent, across all connections, in order. */
  transcript: TranscriptEntry[];
  /** Number of TCP connections accepted so far. */
  readonly connections: number;
  /**
   * All client bytes received as plaintext protocol before TLS was established (all
   * connections, UTF-8 decoded). Bytes of a TLS handshake the fake refused are not included.
   */
  clientBytesBeforeTls(): string;
  /**
   * Whether the client sent `pw` (as-is, IMAP-quoted, or inside any base64 token such as a
   * SASL payload): `plaintext` before TLS, `anywhere` at all.
   */
  sawPassword(pw: string): { plaintext: boolean; anywhere: boolean };
  /** Destroys every connection and stops listening. */
  close(): Promise<void>;
}

/** Quotes a value the way an RFC 3501 client would. */
export function imapQuote(value: string): string {
  return '"' + value.replace(/[\\"]/g, (c) => '\\' + c) + '"';
}

function textContainsSecret(text: string, pw: string): boolean {
  if (!pw) return false;
  if (text.includes(pw) || text.includes(imapQuote(pw).slice(1, -1))) return true;
  for (const token of text.match(/[A-Za-z0-9+/]{4,}={0,2}/g) ?? []) {
    if (Buffer.from(token, 'base64').toString('utf8').includes(pw)) return true;
  }
  return false;
}

/** Transcript and raw client bytes of one fake server. */
export class Recorder {
  readonly transcript: TranscriptEntry[] = [];
  private readonly rawClient: Array<{ tls: boolean; data: Buffer }> = [];

  line(conn: number, dir: 'c' | 's', tls: boolean, line: string): void {
    this.transcript.push({ dir, tls, line, conn });
  }

  raw(tls: boolean, data: Buffer): void {
    this.rawClient.push({ tls, data });
  }

  clientBytesBeforeTls(): string {
    return Buffer.concat(this.rawClient.filter((c) => !c.tls).map((c) => c.data)).toString('utf8');
  }

  sawPassword(pw: string): { plaintext: boolean; anywhere: boolean } {
    const all = Buffer.concat(this.rawClient.map((c) => c.data)).toString('utf8');
    const lines = this.transcript.filter((e) => e.dir === 'c').map((e) => e.line);
    const plaintext = textContainsSecret(this.clientBytesBeforeTls(), pw);
    return { plaintext, anywhere: plaintext || textContainsSecret(all, pw) || lines.some((l) => textContainsSecret(l, pw)) };
  }
}

/** How a STARTTLS the fake agreed to ends. */
export type UpgradeMode = 'ok' | 'garbage' | 'close';

/**
 * One accepted connection. The protocol layer sets `onData`/`onClose` and writes lines with
 * `send`; `upgrade` turns the socket into a server-side TLS socket (or sabotages the handshake).
 */
export class Wire {
  tls: boolean;
  closed = false;
  onData: (chunk: Buffer) => void = () => {};
  onClose: () => void = () => {};
  private sock: net.Socket;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly rec: Recorder,
    readonly id: number,
    sock: net.Socket,
    isTls: boolean,
  ) {
    this.tls = isTls;
    this.sock = sock;
    this.attach(sock);
  }

  private attach(sock: net.Socket): void {
    sock.on('error', () => this.destroy());
    sock.on('close', () => this.finish());
    sock.on('data', (chunk: Buffer) => {
      if (this.closed) return;
      this.rec.raw(this.tls, chunk);
      this.onData(chunk);
    });
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.onClose();
  }

  /** Records a client line in the transcript. */
  record(line: string): void {
    this.rec.line(this.id, 'c', this.tls, line);
  }

  /** Sends one line (CRLF appended) and records it. */
  send(line: string): void {
    if (this.closed) return;
    this.rec.line(this.id, 's', this.tls, line);
    this.sock.write(line + '\r\n');
  }

  /** Sends bytes verbatim; they are recorded split into lines. */
  sendRaw(data: string | Buffer): void {
    if (this.closed) return;
    const text = typeof data === 'string' ? data : data.toString('utf8');
    const lines = text.split('\r\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (const l of lines) this.rec.line(this.id, 's', this.tls, l);
    this.sock.write(data);
  }

  /** Runs `fn` after `ms` unless the connection closed meanwhile. */
  later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.closed) fn();
    }, ms);
    this.timers.add(t);
  }

  /** Ends the connection gracefully once pending writes are flushed. */
  end(): void {
    if (this.closed) return;
    this.sock.end();
    this.later(200, () => this.destroy());
  }

  destroy(): void {
    this.sock.destroy();
    this.finish();
  }

  /**
   * Switches to TLS after a positive STARTTLS reply. `garbage` answers the ClientHello with
   * plaintext junk and closes; `close` drops the socket on the ClientHello.
   */
  upgrade(mode: UpgradeMode, material: TlsMaterial | undefined, onSecure: () => void): void {
    const raw = this.sock;
    raw.removeAllListeners('data');
    if (mode !== 'ok' || !material) {
      raw.once('data', (hello: Buffer) => {
        this.rec.line(this.id, 'c', false, `[${hello.length} bytes of TLS handshake, refused]`);
        if (mode === 'garbage') {
          this.rec.line(this.id, 's', false, 'this is not TLS');
          raw.write('this is not TLS\r\n');
          this.end();
        } else {
          this.destroy();
        }
      });
      return;
    }
    const secure = new tls.TLSSocket(raw, {
      isServer: true,
      secureContext: tls.createSecureContext({ key: material.key, cert: material.cert }),
    });
    this.sock = secure;
    secure.on('secure', () => {
      this.tls = true;
      onSecure();
    });
    this.attach(secure);
  }
}

/** Options common to all listeners. */
export interface ListenOptions {
  /** Loopback address to bind; default 127.0.0.1. */
  host?: string;
  /** Port to bind; default 0 (the OS picks). Standard ports (993, 465) need a loopback alias of the test's own. */
  port?: number;
  /** Implicit TLS when given. */
  tls?: TlsMaterial;
}

/**
 * Listens on loopback and calls `onWire` for each accepted connection (after the TLS
 * handshake for implicit TLS). Returns the common FakeServer surface.
 */
export async function listen(opts: ListenOptions, rec: Recorder, onWire: (wire: Wire) => void): Promise<FakeServer> {
  const host = opts.host ?? '127.0.0.1';
  if (!/^(127\.|::1$|localhost$)/.test(host)) throw new Error(`fake servers listen on loopback only, not ${host}`);
  const sockets = new Set<net.Socket>();
  let count = 0;
  const server = net.createServer((raw) => {
    const id = ++count;
    sockets.add(raw);
    raw.on('error', () => raw.destroy());
    raw.on('close', () => sockets.delete(raw));
    if (!opts.tls) return onWire(new Wire(rec, id, raw, false));
    const secure = new tls.TLSSocket(raw, {
      isServer: true,
      secureContext: tls.createSecureContext({ key: opts.tls.key, cert: opts.tls.cert }),
    });
    secure.on('error', () => raw.destroy());
    secure.once('secure', () => onWire(new Wire(rec, id, secure, true)));
  });
  server.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const addr = server.address() as net.AddressInfo;
  return {
    host,
    port: addr.port,
    transcript: rec.transcript,
    get connections() {
      return count;
    },
    clientBytesBeforeTls: () => rec.clientBytesBeforeTls(),
    sawPassword: (pw) => rec.sawPassword(pw),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
