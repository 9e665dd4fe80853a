/**
 * One Latchkey node for the benches: exactly what `latchkey serve` runs (loadConfig →
 * buildContext → serve, configured by LATCHKEY_* from the environment), plus a 1 ms-resolution
 * event-loop delay monitor the bench reads over IPC: `'reset'` clears it, `'stats'` answers
 * `{ p50, p99, max }` in ms (each value includes up to the 1 ms timer resolution) and `rss` in
 * bytes. Prints `LISTENING <port>` when ready.
 *
 * `--dist` runs the compiled build (dist/, `npm run build`): what `npm start` runs, without tsx in
 * the process. Without it, the sources: start it with `node --import tsx`.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const fromDist = process.argv.includes('--dist');
const load = (module) => import(fromDist ? `../../dist/${module}.js` : `../../src/${module}.ts`);
const [{ loadConfig }, { createLogger }, { buildContext }, { serve }] = await Promise.all(
  ['config/env', 'log/logger', 'app/build', 'app/serve'].map(load),
);

const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
const config = loadConfig();
const ctx = await buildContext(config, createLogger(config.logLevel));
const { server, stop } = await serve(ctx, () => undefined);
const addr = server.server.address();
process.stdout.write(`LISTENING ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
process.on('message', (m) => {
  if (m === 'reset') {
    loop.reset();
    process.send({ ok: true });
  } else if (m === 'stats') {
    process.send({ p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6, rss: process.memoryUsage().rss });
  }
});
process.once('SIGTERM', () => void stop().then(() => process.exit(0)));
