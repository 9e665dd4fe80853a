import type { Socket } from 'node:net';

/**
 * The one reader of a mail server's lines before a protocol library takes the socket over: the
 * greeting (mail/greeting.ts), the plaintext check of a port that refused TLS (mail/dial.ts) and
 * the STARTTLS probe without credentials (mail/starttls.ts). Lines end with LF (a CR before it is
 * dropped) and are decoded as Latin-1, byte for byte, so no reply can fail to decode.
 */

/** Why no line came: no line within the time, the peer ended or broke the connection, a TLS record, a line over the cap. */
export type LineFailure = 'timeout' | 'closed' | 'broken' | 'tls-record' | 'too-long';

/** A line could not be read; `failure` says why, `cause` is the socket's error for `broken`. */
export class LineReadError extends Error {
  constructor(
    readonly failure: LineFailure,
    message: string,
    readonly socketError?: NodeJS.ErrnoException,
  ) {
    super(message);
    this.name = 'LineReadError';
  }
}

export interface LineReaderOptions {
  /** Bytes a line may reach without its end: a hostile server must not make the reader hold more. */
  maxLineBytes: number;
  /**
   * What a line over `maxLineBytes` gives: `truncate` — the bytes received so far are the line (a
   * greeting is recognised by its start); `fail` — a `too-long` LineReadError.
   */
  tooLong: 'truncate' | 'fail';
  /**
   * Fail with `tls-record` when the first byte received opens a TLS record (0x15 alert, 0x16
   * handshake): a port that speaks TLS from the start, answering a plaintext client.
   */
  sniffTls?: boolean;
}

/**
 * Reads lines from a socket from the moment it is made until {@link LineReader.stop}; everything
 * received is kept, so the caller can push it back onto the socket for a protocol library.
 */
export class LineReader {
  private received: Buffer = Buffer.alloc(0);
  /** Offset in `received` of the first byte not yet returned as part of a line. */
  private read = 0;
  private failure: LineReadError | undefined;
  private waiter: { resolve: (line: string) => void; reject: (err: LineReadError) => void } | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly o: LineReaderOptions,
  ) {
    socket.on('data', this.onData);
    socket.once('error', this.onError);
    socket.once('end', this.onEnd);
  }

  /**
   * The next line, without its line end.
   * @param timeoutMs ms to wait for it
   * @throws LineReadError `timeout` (message `no answer`), `closed`, `broken`, `tls-record`, `too-long`
   */
  next(timeoutMs: number): Promise<string> {
    try {
      const line = this.take();
      if (line !== undefined) return Promise.resolve(line);
    } catch (err) {
      this.fail(err as LineReadError);
    }
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new LineReadError('timeout', 'no answer'));
      }, timeoutMs);
      this.waiter = {
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      };
    });
  }

  /**
   * Reads lines until `last` matches one (the end of a reply); then `ok` must match that line.
   * @param timeoutMs ms for each line
   * @throws Error `refused: <the line's first 80 characters>` when `ok` does not match; LineReadError as {@link next}
   */
  async until(last: (line: string) => boolean, ok: (line: string) => boolean, timeoutMs: number): Promise<void> {
    for (;;) {
      const line = await this.next(timeoutMs);
      if (last(line)) {
        if (!ok(line)) throw new Error(`refused: ${line.slice(0, 80)}`);
        return;
      }
    }
  }

  /** Stops reading (a pending {@link next} fails `closed`) and returns every byte received, read or not. */
  stop(): Buffer {
    this.socket.removeListener('data', this.onData);
    this.socket.removeListener('error', this.onError);
    this.socket.removeListener('end', this.onEnd);
    this.waiter?.reject(new LineReadError('closed', 'stopped'));
    this.waiter = undefined;
    return this.received;
  }

  /** The next complete line, or the capped bytes of an over-long one; undefined while it is incomplete. */
  private take(): string | undefined {
    const rest = this.received.subarray(this.read);
    const nl = rest.indexOf(0x0a);
    if (nl === -1) {
      if (rest.length < this.o.maxLineBytes) return undefined;
      if (this.o.tooLong === 'fail') throw new LineReadError('too-long', `a line longer than ${this.o.maxLineBytes} bytes`);
      this.read = this.received.length;
      return rest.toString('latin1').replace(/\r$/, '');
    }
    this.read += nl + 1;
    return rest.subarray(0, nl).toString('latin1').replace(/\r$/, '');
  }

  private fail(err: LineReadError): void {
    this.failure ??= err;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.reject(this.failure);
  }

  private readonly onData = (chunk: Buffer): void => {
    this.received = Buffer.concat([this.received, chunk]);
    const first = this.received[0];
    if (this.o.sniffTls && (first === 0x15 || first === 0x16)) return this.fail(new LineReadError('tls-record', 'a TLS record'));
    if (!this.waiter) return;
    try {
      const line = this.take();
      if (line === undefined) return;
      const waiter = this.waiter;
      this.waiter = undefined;
      waiter.resolve(line);
    } catch (err) {
      this.fail(err as LineReadError);
    }
  };

  private readonly onError = (err: NodeJS.ErrnoException): void => this.fail(new LineReadError('broken', err.message, err));

  private readonly onEnd = (): void => this.fail(new LineReadError('closed', 'the server closed the connection'));
}
