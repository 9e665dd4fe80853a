/**
 * A Redis that connected, passed the ready check and then stopped answering (adversarial review,
 * issue 7): before the fix every limiter command waited the full 2 s command timeout, several
 * per authorize (~16 s), on every request for as long as the server stayed hung. Now the first
 * timed-out command drops the connection, so later commands fail at once (limits count per node)
 * until a reconnection passes the ready check again. Counted by what the server receives, not
 * timed; the `timeout` only stops a regression (which takes ~40 s here) from holding the suite.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import pino from 'pino';
import { connectRedis } from '../../src/shared/redis.ts';
import { redisLimiterStore } from '../../src/limits/store.ts';
import { BruteForceGuard } from '../../src/limits/brute-force.ts';
import { ApiError } from '../../src/errors/api-error.ts';

/**
 * Answers ioredis's handshake (HELLO refused: RESP2; CLIENT SETINFO; the INFO ready check) and
 * then nothing; counts the other commands.
 */
async function hungRedis(): Promise<{ port: number; commands: () => number; close: () => Promise<void> }> {
  let commands = 0;
  let answered = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => s.destroy());
    s.on('close', () => sockets.delete(s));
    s.on('data', (buf) => {
      // RESP arrays: each command starts with '*'; its name is the first bulk string.
      for (const m of buf.toString('latin1').matchAll(/\*\d+\r\n\$\d+\r\n([A-Za-z]+)\r\n/g)) {
        const name = m[1]!.toUpperCase();
        if (answered) {
          if (!['HELLO', 'CLIENT', 'INFO'].includes(name)) commands++;
        } else if (name === 'HELLO') s.write('-NOPROTO sorry, this protocol version is not supported\r\n');
        else if (name === 'CLIENT') s.write('+OK\r\n');
        else if (name === 'INFO') {
          answered = true;
          s.write('$11\r\nloading:0\r\n\r\n');
        }
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as net.AddressInfo).port,
    commands: () => commands,
    close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
  };
}

test('a Redis that stops answering after connecting costs one command timeout, not one per command', { timeout: 20_000 }, async () => {
  const peer = await hungRedis();
  const client = connectRedis(`redis://127.0.0.1:${peer.port}`, pino({ level: 'silent' }));
  try {
    await new Promise<void>((r) => client.once('ready', () => r()));
    const guard = new BruteForceGuard({ pairFailures: 2, ipFailures: 50, windowSeconds: 600, lockSeconds: 600, maxLockSeconds: 3600, clientRequestsPerMinute: 100 }, redisLimiterStore(client));
    const attempt = { clientId: 'c', emailKey: 'n@example.test', ip: '127.0.0.9' };
    await guard.failed(await guard.admit(attempt));
    await guard.failed(await guard.admit(attempt));
    // Limits still hold, counted per node meanwhile.
    await assert.rejects(guard.admit(attempt), (e) => e instanceof ApiError && e.reason === 'rate_limited');
    // Before: every one of the ~20 limiter commands above was sent and waited out its timeout.
    assert.ok(peer.commands() <= 2, `${peer.commands()} commands were sent to the hung Redis`);
  } finally {
    client.disconnect();
    await peer.close();
  }
});
