/**
 * Loopback peers for timeout tests: a port where connect() hangs (SYN dropped) and a port
 * that accepts TCP but never sends a byte.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';

/** A loopback endpoint used by timeout tests. */
export interface LoopbackPeer {
  host: '127.0.0.1';
  port: number;
  close(): Promise<void>;
}

// A listener with backlog 0 that never accepts: once its accept queue is full, Linux drops
// further SYNs, so a client stays in SYN-SENT. stdin EOF (parent gone) ends the child.
const PY_LISTENER = [
  'import socket, sys',
  's = socket.socket(socket.AF_INET, socket.SOCK_STREAM)',
  "s.bind(('127.0.0.1', 0))",
  's.listen(0)',
  'print(s.getsockname()[1], flush=True)',
  'sys.stdin.read()',
].join('\n');

/** Resolves true when a connection to `port` completes within `ms`, false if still pending. */
function connectsWithin(port: number, ms: number, keep: net.Socket[]): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    sock.on('error', () => {});
    const timer = setTimeout(() => {
      sock.destroy();
      resolve(false);
    }, ms);
    sock.once('connect', () => {
      clearTimeout(timer);
      keep.push(sock);
      resolve(true);
    });
  });
}

/**
 * Starts a port on 127.0.0.1 whose connect() hangs: a python3 child listens with backlog 0
 * and never accepts; this process fills the accept queue and keeps those sockets open.
 * Requires python3 and Linux SYN-drop-on-full-queue semantics.
 */
export async function startBlackhole(): Promise<LoopbackPeer> {
  const child = spawn('python3', ['-c', PY_LISTENER], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.on('error', () => {});
  child.stdin.on('error', () => {});
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(Number(out.trim()));
    });
    child.once('exit', (code) => reject(new Error(`blackhole listener exited (${code})`)));
  });
  const fillers: net.Socket[] = [];
  // Fill the accept queue: connect one at a time until a connect no longer completes.
  for (let i = 0; i < 5 && (await connectsWithin(port, 150, fillers)); i++);
  if (fillers.length === 0 || fillers.length >= 5) {
    child.kill();
    throw new Error('could not fill the blackhole accept queue');
  }
  return {
    host: '127.0.0.1',
    port,
    close: async () => {
      for (const s of fillers) s.destroy();
      child.stdin.end();
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill();
        });
      }
    },
  };
}

/** Starts a TCP port on 127.0.0.1 that accepts connections and never sends a byte. */
export async function startSilent(): Promise<LoopbackPeer & { readonly connections: number }> {
  const sockets = new Set<net.Socket>();
  let count = 0;
  const server = net.createServer((s) => {
    count += 1;
    sockets.add(s);
    s.on('error', () => s.destroy());
    s.on('close', () => sockets.delete(s));
    s.resume();
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    host: '127.0.0.1',
    port: (server.address() as net.AddressInfo).port,
    get connections() {
      return count;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
