#!/usr/bin/env node
// The `latchkey` command. It runs the compiled build (dist/, made by `npm run build`, which `npm ci`
// runs through `prepare`) when that build holds exactly the current sources; otherwise it runs the
// TypeScript through tsx, so `npx latchkey …` also works on edited sources with no build step.
// LATCHKEY_FROM_SOURCE=1 always runs the sources.
import { distState } from './dist.js';

let main;
if (process.env.LATCHKEY_FROM_SOURCE !== '1' && distState() === 'current') {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
const code = await main(process.argv.slice(2));
if (code !== 0) process.exit(code);
