/**
 * The hosted page's languages and plain words (issue 19): Accept-Language negotiation, operator
 * catalogues (and their refusal at start), the scopes line, and that every provider and server
 * problem the page can meet has plain words of its own (not the catch-all).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/env.ts';
import { ApiError } from '../../src/errors/api-error.ts';
import { CATALOGUE, type Reason } from '../../src/errors/catalogue.ts';
import { loadCatalogues, messagesFor } from '../../src/hosted/i18n.ts';
import { scopesLine } from '../../src/hosted/page.ts';
import { plainError } from '../../src/hosted/plain-errors.ts';

const builtin = loadCatalogues(undefined);

test('Accept-Language: highest q wins, exact then primary subtag, English otherwise', () => {
  const pick = (h: string | undefined) => messagesFor(h, builtin).lang;
  assert.equal(pick(undefined), 'en');
  assert.equal(pick(''), 'en');
  assert.equal(pick('de'), 'de');
  assert.equal(pick('de-CH'), 'de');
  assert.equal(pick('fr, de;q=0.8'), 'de');
  assert.equal(pick('en;q=0.4, de;q=0.9'), 'de');
  assert.equal(pick('de;q=0, en'), 'en', 'q=0 means not acceptable');
  assert.equal(pick('ja, *;q=0.5'), 'en');
  assert.equal(pick('DE-de'), 'de', 'tags are case-insensitive');
  assert.equal(messagesFor('de', builtin).t('button.continue'), 'Weiter');
  assert.equal(messagesFor('de', builtin).list(['a', 'b', 'c']), 'a, b und c');
});

test('an operator catalogue adds a language (missing keys stay English) or changes wording; bad files are refused at start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lk-locales-'));
  writeFileSync(join(dir, 'pt-BR.json'), JSON.stringify({ 'button.continue': 'Continuar' }));
  writeFileSync(join(dir, 'de.json'), JSON.stringify({ 'button.cancel': 'Zurück' }));
  const cats = loadCatalogues(dir);
  const pt = messagesFor('pt', cats);
  assert.deepEqual([pt.lang, pt.t('button.continue'), pt.t('button.cancel')], ['pt-BR', 'Continuar', 'Cancel']);
  const de = messagesFor('de', cats);
  assert.deepEqual([de.t('button.cancel'), de.t('button.continue')], ['Zurück', 'Weiter']);
  for (const [file, body, problem] of [
    ['xx.json', '{"no.such.key": "x"}', /unknown message key "no\.such\.key"/],
    ['yy.json', '{"button.continue": 3}', /button\.continue must be a string/],
    ['not a tag.json', '{}', /language tag/],
    ['zz.json', '[1]', /JSON object/],
  ] as const) {
    const bad = mkdtempSync(join(tmpdir(), 'lk-locales-bad-'));
    writeFileSync(join(bad, file), body);
    assert.throws(() => loadConfig({ LATCHKEY_HOSTED_LOCALES_DIR: bad }), (e: Error) => /LATCHKEY_HOSTED_LOCALES_DIR/.test(e.message) && problem.test(e.message), file);
  }
  assert.throws(() => loadConfig({ LATCHKEY_HOSTED_LOCALES_DIR: join(dir, 'missing') }), /no such directory/);
  assert.throws(() => loadConfig({ LATCHKEY_PUBLIC_URL: 'https://auth.example.com/path' }), /LATCHKEY_PUBLIC_URL/);
  assert.equal(loadConfig({ LATCHKEY_PUBLIC_URL: 'https://auth.example.com/' }).publicUrl, 'https://auth.example.com');
});

test('the scopes line names what the application may do, in the page\'s language', () => {
  const en = messagesFor('en', builtin);
  assert.equal(scopesLine(en, 'Shop', 'email.read_only'), 'Shop will be able to read your email.');
  assert.equal(scopesLine(en, 'Shop', 'email,calendar,contacts'), 'Shop will be able to read, send and organise your email, see and change your calendar, and see and change your contacts.');
  assert.equal(scopesLine(messagesFor('de', builtin), 'Shop', 'email.send,contacts.read_only'), 'Shop kann dann E-Mails in Ihrem Namen senden und Ihre Kontakte sehen.');
});

test('every provider and server problem has plain words of its own, the API message kept as detail', () => {
  const en = messagesFor('en', builtin);
  const other = en.t('error.other');
  const concerning = (Object.keys(CATALOGUE) as Reason[]).filter((r) => CATALOGUE[r].status === 403 || CATALOGUE[r].status === 422 || CATALOGUE[r].status >= 500);
  const oauthOnly = new Set(['refresh_token_revoked', 'token_audience_invalid', 'oauth_client_invalid', 'oauth_login_refused', 'autodiscover_failed', 'csrf_failed', 'account_cancelled',
    // Credentials release (issue 14): management API answers, never met by the login page.
    'credentials_release_disabled', 'insufficient_scope']);
  for (const reason of concerning.filter((r) => !oauthOnly.has(r))) {
    const e = new ApiError(reason, { step: 'imap.login' });
    const p = plainError(e, en);
    assert.notEqual(p.text, other, `${reason} has its own plain words`);
    if (reason !== 'internal' && reason !== 'store_unavailable') assert.equal(p.detail, `${e.message} (${reason})`);
    else assert.equal(p.detail, undefined, 'a 5xx keeps its internals off the page');
  }
  const help = plainError(new ApiError('app_password_required'), en, { label: 'Yahoo', helpUrl: 'https://help.yahoo.com/x' });
  assert.equal(help.helpUrl, 'https://help.yahoo.com/x');
  assert.equal(plainError(new ApiError('connect_refused'), en, { helpUrl: 'https://help.yahoo.com/x' }).helpUrl, undefined, 'help links only where they help');
});
