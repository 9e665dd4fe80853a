/**
 * Preloaded into a `latchkey serve` child (`node --import tsx --import record-dials.ts`) by tests
 * that must prove no connection left loopback: every address a socket of that process dials (IP
 * literals, and names once looked up) is appended, one per line, to the file named by
 * `LK_TEST_DIALLED_FILE`. Test-only; never loaded by the server itself.
 */
import { appendFileSync } from 'node:fs';
import { isIP, Socket } from 'node:net';

const file = process.env.LK_TEST_DIALLED_FILE;
if (file) {
  const originalConnect = Socket.prototype.connect;
  (Socket.prototype as { connect: unknown }).connect = function patched(this: Socket, ...args: unknown[]) {
    // net.connect() passes its normalized [options, callback] array as the first argument.
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    const opts = (typeof first === 'object' && first !== null ? first : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined }) as { host?: string; path?: string };
    if (!opts.path) {
      const host = opts.host ?? 'localhost';
      if (isIP(host)) appendFileSync(file, `${host}\n`);
      else this.once('lookup', (err: Error | null, address: string) => { if (!err) appendFileSync(file, `${address}\n`); });
    }
    return (originalConnect as (...a: unknown[]) => Socket).apply(this, args);
  } as typeof Socket.prototype.connect;
}
