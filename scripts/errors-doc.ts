import { CATALOGUE } from '../src/errors/catalogue.ts';
import { renderLoginRules } from '../src/mail/classification.ts';

/** Renders docs/errors.md from the catalogue (`npm run docs:errors`); a test checks they match. */
export function renderErrorsDoc(): string {
  const rows = Object.entries(CATALOGUE).map(
    ([reason, e]) => `| \`${reason}\` | ${e.status} | \`${e.type}\` | ${e.message.replace(/\|/g, '\\|')} |`,
  );
  return [
    '# Errors',
    '',
    '<!-- Generated from src/errors/catalogue.ts by `npm run docs:errors`. Do not edit by hand. -->',
    '',
    'Every error is a JSON body `{"message", "type", "reason", …}`: `message` and `type` as in Nylas v2,',
    'plus Latchkey’s stable `reason`. Optional fields: `missing_fields` and `error` (missing fields),',
    '`step` (which step of the provider conversation failed: `imap.connect`, `imap.tls`, `imap.greeting`,',
    '`imap.login`, `imap.list`, `imap.examine`, `smtp.connect`, `smtp.tls`, `smtp.greeting`, `smtp.ehlo`,',
    '`smtp.auth`), `server_error` (the provider’s own reply, secrets removed) and `addresses_tried`',
    '(network failures). 503 and 429 answers carry `Retry-After`. A 500 body is always generic; the',
    'detail is only in the server log.',
    '',
    '| reason | status | type | default message |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    '## How a refused login is classified',
    '',
    '<!-- Generated from src/mail/classification.ts (LOGIN_RULES). -->',
    '',
    'When an IMAP server refuses `LOGIN` / `AUTHENTICATE` or an SMTP server refuses `AUTH`, the first',
    'matching rule below gives the `reason` (step `imap.login` or `smtp.auth`). The reply’s structure',
    'decides first — tagged `NO` (the credentials) versus `BAD` (the command), RFC 5530 response codes,',
    'SMTP reply and RFC 3463 enhanced status codes — and known providers’ words only where it cannot.',
    'Only 403 reasons count as failed logins for the brute-force limits; `command_rejected` (422) does not.',
    'A reply no rule matches is a `protocol_error`.',
    '',
    ...renderLoginRules(),
    '',
  ].join('\n');
}
