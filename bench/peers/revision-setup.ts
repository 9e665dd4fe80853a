/**
 * Prepares a bench database with the code of one checkout (argv: ROOT URL KEYS FILES PER_FILE TAG DIR):
 * that checkout's `bench/lib/setup.ts` migrates the database and mints `FILES` files of `PER_FILE`
 * one-time codes, so a node of that checkout opens a database its own migrations made. Prints
 * `SETUP {"client_id":…,"files":[…]}`. Used by bench/revisions.ts.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, url, keys, files, perFile, tag, dir] = process.argv.slice(2) as [string, string, string, string, string, string, string];
const setup = (await import(pathToFileURL(join(root, 'bench/lib/setup.ts')).href)) as typeof import('../lib/setup.ts');
const app = await setup.prepareDatabase(url);
const out: string[] = [];
for (let i = 0; i < Number(files); i++) {
  const file = join(dir, `codes-${tag}-${i}.txt`);
  await setup.mintCodes(url, keys, app, Number(perFile), file, `${tag}${i}`);
  out.push(file);
}
process.stdout.write(`SETUP ${JSON.stringify({ client_id: app.client_id, files: out })}\n`);
