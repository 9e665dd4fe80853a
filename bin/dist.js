// Whether dist/ (the compiled build, `npm run build`) holds exactly the TypeScript under src/.
// Plain JavaScript: it runs before anything can compile TypeScript.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in bin/). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where the build writes its fingerprint of the sources it compiled. */
export const FINGERPRINT_FILE = 'dist/.source-sha256';

/**
 * SHA-256 over every file under src/ (path and content, in name order) and the two tsconfig files:
 * content, not timestamps, so a checkout, a `touch` or a copy that keeps old times is judged
 * right. About 5 ms for the ~1 MB of sources.
 */
export function sourceFingerprint(root = ROOT) {
  const hash = createHash('sha256');
  const add = (rel) => {
    hash.update(`${rel}\0`);
    hash.update(readFileSync(join(root, rel)));
    hash.update('\0');
  };
  const walk = (dir) => {
    const entries = readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else add(rel);
    }
  };
  walk('src');
  add('tsconfig.json');
  add('tsconfig.build.json');
  return hash.digest('hex');
}

/** 'current' when dist/ was built from the sources as they are now, 'stale' when not, 'missing' with no build. */
export function distState(root = ROOT) {
  const file = join(root, FINGERPRINT_FILE);
  if (!existsSync(file)) return 'missing';
  return readFileSync(file, 'utf8').trim() === sourceFingerprint(root) ? 'current' : 'stale';
}
