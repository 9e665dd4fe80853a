// `npm run build` (and `prepare`, so `npm ci` builds): compiles src/ to dist/ with tsc
// (tsconfig.build.json) and records the sources' fingerprint (bin/dist.js), by which
// bin/latchkey.js knows the build is current. Built aside and then swapped in, so a command
// starting meanwhile sees the old build or none, never half of one. Without TypeScript installed
// (`npm ci --omit=dev`) it says so and leaves the sources to run through tsx.
//   node scripts/build.mjs [--out DIR]   (default: dist/ of the repository)
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FINGERPRINT_FILE, ROOT, sourceFingerprint } from '../bin/dist.js';

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  process.stderr.write('latchkey build: TypeScript is not installed (npm ci --omit=dev?); the sources will run through tsx.\n');
  process.exit(0);
}
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? resolve(process.argv[outIndex + 1] ?? '') : join(ROOT, 'dist');
const fingerprint = sourceFingerprint();
const aside = `${out}.building-${process.pid}`;
rmSync(aside, { recursive: true, force: true });
const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', aside], { stdio: 'inherit' });
if (r.status !== 0) {
  rmSync(aside, { recursive: true, force: true });
  process.stderr.write('latchkey build: tsc failed; the sources will run through tsx until it builds.\n');
  process.exit(r.status ?? 1);
}
writeFileSync(join(aside, FINGERPRINT_FILE.replace(/^dist\//, '')), `${fingerprint}\n`);
rmSync(out, { recursive: true, force: true });
renameSync(aside, out);
