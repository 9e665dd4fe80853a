/**
 * Minimal line-oriented TCP client for poking the fake servers byte by byte in tests.
 */
import net from 'node:net';
import tls from 'node:tls';

/** A connected raw client. */
export interface RawClient {
  /** Every line received so far (without CRLF). */
  lines: string[];
  /** Writes bytes verbatim. */
  send(data: string | Buffer): void;
  /**
   * Resolves with the next received line (after the previous match) that matches `re`;
   * rejects after `ms` or when the connection closes first.
   */
  waitFor(re: RegExp, ms?: number): Promise<string>;
  /** Resolves when the server closed the connection. */
  closed: Promise<void>;
  close(): void;
}

/** Connects to 127.0.0.1:`port` (implicit TLS without verification when `useTls`). */
export async function rawConnect(port: number, useTls = false): Promise<RawClient> {
  const sock: net.Socket = useTls
    ? tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false })
    : net.connect({ host: '127.0.0.1', port });
  sock.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    sock.once(useTls ? 'secureConnect' : 'connect', () => resolve());
    sock.once('close', () => reject(new Error('closed before connect')));
  });
  const lines: string[] = [];
  let cursor = 0;
  let isClosed = false;
  let wake: () => void = () => {};
  let partial = '';
  sock.on('data', (d: Buffer) => {
    const parts = (partial + d.toString('utf8')).split('\r\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    wake();
  });
  const closed = new Promise<void>((resolve) =>
    sock.once('close', () => {
      isClosed = true;
      wake();
      resolve();
    }),
  );
  return {
    lines,
    closed,
    send: (data) => void sock.write(data),
    close: () => sock.destroy(),
    waitFor: (re, ms = 2000) =>
      new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timeout waiting for ${re}; got ${JSON.stringify(lines)}`)), ms);
        const check = () => {
          for (; cursor < lines.length; cursor++) {
            const line = lines[cursor] ?? '';
            if (re.test(line)) {
              cursor++;
              clearTimeout(timer);
              return resolve(line);
            }
          }
          if (isClosed) {
            clearTimeout(timer);
            reject(new Error(`closed while waiting for ${re}; got ${JSON.stringify(lines)}`));
          }
        };
        wake = check;
        check();
      }),
  };
}
