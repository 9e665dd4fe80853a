import net from 'node:net';

/**
 * A TCP relay on loopback in front of a real server (PostgreSQL, Redis), for fault tests: the
 * server under test connects to the relay, and the test cuts the link — every relayed connection
 * is reset at once and new ones are reset as they arrive, what a node sees while its database
 * restarts or a network partition drops it — then restores it.
 */
export interface TcpRelay {
  /** The relay's port on 127.0.0.1. */
  port: number;
  /** Connections accepted and relayed so far. */
  relayed(): number;
  /** Resets every relayed connection and, until {@link restore}, every new one. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpRelay(target: { host: string; port: number }): Promise<TcpRelay> {
  const pairs = new Set<[net.Socket, net.Socket]>();
  let down = false;
  let count = 0;
  const reset = (s: net.Socket) => {
    if (!s.destroyed) s.resetAndDestroy();
  };
  const server = net.createServer((client) => {
    client.on('error', () => undefined);
    if (down) {
      reset(client);
      return;
    }
    count++;
    const upstream = net.connect(target);
    upstream.on('error', () => reset(client));
    client.on('error', () => upstream.destroy());
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    const drop = () => pairs.delete(pair);
    client.once('close', () => { drop(); upstream.destroy(); });
    upstream.once('close', () => { drop(); client.destroy(); });
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    relayed: () => count,
    cut: () => {
      down = true;
      for (const [client, upstream] of pairs) {
        reset(client);
        upstream.destroy();
      }
      pairs.clear();
    },
    restore: () => { down = false; },
    close: async () => {
      down = true;
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
