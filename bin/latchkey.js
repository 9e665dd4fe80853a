#!/usr/bin/env node
// The `latchkey` command. TypeScript runs through tsx, so `npx latchkey …` works right after
// `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
if (code !== 0) process.exit(code);
