import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { de } from './locales/de.ts';
import { en, type MessageKey } from './locales/en.ts';

/** The hosted page's words in one language, chosen from `Accept-Language`. */
export interface Messages {
  /** BCP 47 tag of the chosen catalogue (`<html lang>`). */
  lang: string;
  /** The message for `key` with `{name}` placeholders filled in (English when this language lacks it). */
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** Items joined as a list in this language ("a, b and c"), by `Intl.ListFormat`. */
  list(items: string[]): string;
}

type Catalogue = Partial<Record<MessageKey, string>>;
const BUILTIN: Record<string, Catalogue> = { en, de };
const TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const cache = new Map<string, Record<string, Catalogue>>();

/**
 * The catalogues in force: English and German built in, then every `TAG.json` file of
 * `LATCHKEY_HOSTED_LOCALES_DIR` (e.g. `fr.json`, `pt-BR.json`) — a JSON object of message keys
 * (those of locales/en.ts) to strings. A file for `en` or `de` changes the built-in wording; keys
 * a file leaves out stay English. Read once per directory.
 * @throws Error naming the file and the problem (an unknown key, a value that is not a string,
 *   a file name that is not a language tag, invalid JSON) — config validation reports it at start.
 */
export function loadCatalogues(dir: string | undefined): Record<string, Catalogue> {
  const key = dir ?? '';
  const hit = cache.get(key);
  if (hit) return hit;
  const out: Record<string, Catalogue> = { ...BUILTIN };
  if (dir) {
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const tag = file.slice(0, -'.json'.length);
      if (!TAG.test(tag)) throw new Error(`${file}: the file name must be a language tag such as fr.json or pt-BR.json`);
      const parsed: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error(`${file}: expected a JSON object of message keys to strings`);
      for (const [k, v] of Object.entries(parsed)) {
        if (!Object.hasOwn(en, k))
          throw new Error(`${file}: unknown message key ${JSON.stringify(k)} (the keys are those of src/hosted/locales/en.ts)`);
        if (typeof v !== 'string') throw new Error(`${file}: ${k} must be a string`);
      }
      const existing = Object.keys(out).find((t) => t.toLowerCase() === tag.toLowerCase());
      out[existing ?? tag] = { ...(existing ? out[existing] : {}), ...(parsed as Catalogue) };
    }
  }
  cache.set(key, out);
  return out;
}

/**
 * Picks the catalogue for an `Accept-Language` header (RFC 9110 §12.5.4): the highest-`q`
 * language available, matched exactly, else by its primary subtag (`de-AT` → `de`, `pt` →
 * `pt-BR`); English when none matches.
 */
export function messagesFor(acceptLanguage: string | undefined, catalogues: Record<string, Catalogue>): Messages {
  const tags = Object.keys(catalogues);
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { range: range.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((w) => w.range && w.range !== '*' && w.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  let lang = 'en';
  for (const w of wanted) {
    const exact = tags.find((t) => t.toLowerCase() === w.range);
    const primary = w.range.split('-')[0];
    const close = exact ?? tags.find((t) => t.toLowerCase() === primary) ?? tags.find((t) => t.toLowerCase().split('-')[0] === primary);
    if (close) {
      lang = close;
      break;
    }
  }
  const chosen = catalogues[lang] ?? {};
  const base = catalogues.en ?? en;
  let listFormat: Intl.ListFormat;
  try {
    listFormat = new Intl.ListFormat(lang, { type: 'conjunction' });
  } catch {
    listFormat = new Intl.ListFormat('en', { type: 'conjunction' });
  }
  return {
    lang,
    t(key, vars = {}) {
      const text = chosen[key] ?? base[key] ?? en[key];
      return text.replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : m));
    },
    list: (items) => listFormat.format(items),
  };
}
