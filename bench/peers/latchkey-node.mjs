// bench/peers/latchkey-node.ts on the compiled build (dist/, `npm run build`): what `npm start`
// runs, without tsx in the process. Same IPC: 'reset', 'stats'; prints `LISTENING <port>`.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../../dist/config/env.js';
import { createLogger } from '../../dist/log/logger.js';
import { buildContext } from '../../dist/app/build.js';
import { serve } from '../../dist/app/serve.js';

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
