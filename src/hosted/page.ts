import { V2_SCOPES } from '../connect/scopes.ts';
import type { Messages } from './i18n.ts';
import type { MessageKey } from './locales/en.ts';
import type { PlainError } from './plain-errors.ts';
import { PAGE_SCRIPT, pageStyles } from './styles.ts';

type ServerField = 'imap_host' | 'imap_port' | 'imap_security' | 'smtp_host' | 'smtp_port' | 'smtp_security';

/** What the hosted login page shows: the application's theme, the step, and what was typed. */
export interface LoginPage {
  m: Messages;
  appName: string;
  /** https URL of the application's logo (`icon_url`), or null. */
  iconUrl: string | null;
  /** `#rrggbb`; a default when the application set none. */
  accentColor: string | null;
  /** The sealed authorization request and form state, and the CSRF token (hidden fields). */
  sealed: string;
  csrf: string;
  /** Comma-separated v2 scopes the application asks for (one line says what they allow). */
  scopes: string;
  /** `email`: the address alone; `password`: the password (and the servers when nothing was detected). */
  step: 'email' | 'password';
  email: string;
  /** The address cannot be changed (a reconnect link names the account). */
  emailFixed: boolean;
  name: string;
  /** What was found for the address: a provider's name, or its IMAP server; its sign-in hint. */
  provider?: { label?: string; host?: string; appPasswords?: boolean; helpUrl?: string };
  /** Ask for the server settings (nothing was detected, or the detected servers failed). */
  showServers: boolean;
  domain: string;
  values: Partial<Record<ServerField, string>>;
  /** A password from an earlier attempt is sealed in `sealed` (never rendered). */
  passwordKept: boolean;
  error?: PlainError;
  /** The application's redirect URI with `error=access_denied` (RFC 6749 §4.1.2.1). */
  cancelUrl: string;
  reconnect: boolean;
}

const DEFAULT_ACCENT = '#3b5bdb';

/** HTML-escapes text for element content and double-quoted attributes. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The HTML document around a body: `<html lang>` from the catalogue, the nonce on style and script. */
function document(m: Messages, title: string, accent: string, nonce: string, body: string, script: boolean): string {
  return `<!doctype html>
<html lang="${esc(m.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>${esc(title)}</title>
<style nonce="${nonce}">${pageStyles(accent)}</style>
</head>
<body>
<main>
${body}
<footer>${esc(m.t('page.footer'))}</footer>
</main>
${script ? `<script nonce="${nonce}">${PAGE_SCRIPT}</script>` : ''}
</body>
</html>`;
}

/** An error box: plain words, the provider's help link, the exact words behind a disclosure. */
function errorBox(p: LoginPage, id: string, e: PlainError, extraClass = ''): string {
  const helpText = esc(p.m.t('error.help', { provider: p.provider?.label ?? '' }));
  const help = e.helpUrl ? `<p><a href="${esc(e.helpUrl)}" target="_blank" rel="noopener noreferrer">${helpText}</a></p>` : '';
  const detail = e.detail ? `<details><summary>${esc(p.m.t('error.details'))}</summary><p>${esc(e.detail)}</p></details>` : '';
  return `<div class="error${extraClass}" id="${id}" role="alert"><p class="plain">${esc(e.text)}</p>${help}${detail}</div>`;
}

/** The error for `name`, when the page shows it beside that field. */
function errorFor(p: LoginPage, name: string): PlainError | undefined {
  return p.error && p.error.field === name && shownBeside(p, name) ? p.error : undefined;
}

/** Whether an error about `field` has a field to stand beside on this step (else it heads the form). */
function shownBeside(p: LoginPage, field: string): boolean {
  if (field === 'form') return false;
  if (p.step === 'email') return field === 'email_address';
  if (field === 'imap_host' || field === 'smtp_host') return p.showServers;
  return field === 'name' || field === 'password';
}

/** A labelled input; `invalid` marks it (aria-invalid, focus) and points it at its error box. */
function input(
  p: LoginPage,
  name: string,
  label: string,
  type: string,
  value: string,
  extra: string,
  describedBy?: string,
  invalid = false,
): string {
  const err = errorFor(p, name);
  const aria = (describedBy ? ` aria-describedby="${describedBy}"` : '') + (invalid ? ' aria-invalid="true" autofocus' : '');
  return `<label for="${name}">${esc(label)}</label>
<input id="${name}" name="${name}" type="${type}" value="${esc(value)}"${aria} ${extra}>
${err && !name.endsWith('_host') ? errorBox(p, `${name}-error`, err) : ''}`;
}

function securitySelect(p: LoginPage, name: 'imap_security' | 'smtp_security'): string {
  const v = p.values[name] ?? 'auto';
  const opts = (['auto', 'ssl', 'starttls'] as const)
    .map((value) => `<option value="${value}"${v === value ? ' selected' : ''}>${esc(p.m.t(`security.${value}`))}</option>`)
    .join('');
  return `<div><label for="${name}">${esc(p.m.t('field.security'))}</label><select id="${name}" name="${name}">${opts}</select></div>`;
}

/** One server's row (host, port, security), its error below the whole row. */
function serverRow(p: LoginPage, proto: 'imap' | 'smtp', portHint: string): string {
  const err = errorFor(p, `${proto}_host`);
  const id = `${proto}_host-error`;
  const hostLabel = p.m.t('field.server', { protocol: proto.toUpperCase() });
  const hostAttrs = 'autocomplete="off" spellcheck="false" dir="auto"';
  const host = input(p, `${proto}_host`, hostLabel, 'text', p.values[`${proto}_host`] ?? '', hostAttrs, err ? id : undefined, Boolean(err));
  const portAttrs = `inputmode="numeric" placeholder="${portHint}" dir="auto"`;
  const port = input(p, `${proto}_port`, p.m.t('field.port'), 'text', p.values[`${proto}_port`] ?? '', portAttrs);
  return `<div class="row">
  <div>${host}</div>
  <div>${port}</div>
  ${securitySelect(p, `${proto}_security`)}
</div>
${err ? errorBox(p, id, err) : ''}`;
}

/** "Shop will be able to read your email and see your calendar." — from the requested scopes. */
export function scopesLine(m: Messages, appName: string, scopes: string): string {
  const asked = new Set(scopes.split(',').map((s) => s.trim()));
  const phrases = V2_SCOPES.filter((s) => asked.has(s)).map((s) => m.t(`scope.${s}` as MessageKey));
  return phrases.length ? m.t('scopes.line', { app: appName, list: m.list(phrases) }) : '';
}

/** The hidden fields every form of the page carries. */
function hidden(p: LoginPage, action: string): string {
  return `<input type="hidden" name="request" value="${esc(p.sealed)}">
<input type="hidden" name="csrf_token" value="${esc(p.csrf)}">
<input type="hidden" name="action" value="${action}">`;
}

function progress(p: LoginPage, text: string): string {
  return (
    `<p id="progress" class="progress" role="status" data-text="${esc(text)}" hidden><span class="spinner" ` +
    `aria-hidden="true"></span><span class="text"></span></p>`
  );
}

/** Step 1: the address alone. */
function emailStep(p: LoginPage): string {
  const err = errorFor(p, 'email_address');
  const attrs = `autocomplete="username email" required dir="auto"${err ? '' : ' autofocus'}`;
  const email = input(
    p,
    'email_address',
    p.m.t('field.email'),
    'email',
    p.email,
    attrs,
    err ? 'email_address-error' : undefined,
    Boolean(err),
  );
  return `<p class="lead">${esc(p.m.t('page.lead.email'))}</p>
<form id="login" method="post" action="/oauth/authorize" novalidate>
${hidden(p, 'detect')}
${email}
<button type="submit">${esc(p.m.t('button.continue'))}</button>
${progress(p, p.m.t('progress.detect'))}
</form>`;
}

/** Step 2: who was found and how to sign in there, then name and password (and servers if needed). */
function passwordStep(p: LoginPage): string {
  const m = p.m;
  const change = p.emailFixed
    ? ''
    : `<form method="post" action="/oauth/authorize">${hidden(p, 'change')}` +
      `<button type="submit" class="link">${esc(m.t('button.change'))}</button></form>`;
  const identity = `<div class="identity"><strong dir="auto">${esc(p.email)}</strong>${change}</div>`;
  const found = p.provider?.label
    ? m.t('provider.found', { provider: p.provider.label })
    : p.provider?.host
      ? m.t('provider.server', { host: p.provider.host })
      : '';
  const helpLink = p.provider?.helpUrl
    ? ` <a href="${esc(p.provider.helpUrl)}" target="_blank" rel="noopener noreferrer">${esc(m.t('hint.help'))}</a>`
    : '';
  const hint = p.provider?.appPasswords ? `<p>${esc(m.t('hint.app_password', { provider: p.provider.label ?? '' }))}${helpLink}</p>` : '';
  const note = found || hint ? `<div class="note" id="provider">${found ? `<p>${esc(found)}</p>` : ''}${hint}</div>` : '';
  const nameErr = errorFor(p, 'name');
  const pwErr = errorFor(p, 'password');
  const servers = p.showServers
    ? `<fieldset class="servers" id="servers"><legend>${esc(m.t('servers.title'))}</legend>
<p class="lead">${esc(m.t('servers.lead', { domain: p.domain }))}</p>
${serverRow(p, 'imap', '993')}
${serverRow(p, 'smtp', '587')}
</fieldset>`
    : '';
  const focusName = !p.error && !p.name;
  const nameAttrs = `autocomplete="name" required dir="auto"${focusName ? ' autofocus' : ''}`;
  const nameInput = input(p, 'name', m.t('field.name'), 'text', p.name, nameAttrs, nameErr ? 'name-error' : undefined, Boolean(nameErr));
  const pwAttrs = `autocomplete="current-password"${p.passwordKept ? '' : ' required'}${!p.error && !focusName ? ' autofocus' : ''}`;
  const pwDescribedBy = pwErr ? 'password-error' : p.passwordKept ? 'password-kept' : undefined;
  const passwordInput = input(p, 'password', m.t('field.password'), 'password', '', pwAttrs, pwDescribedBy, Boolean(pwErr));
  const verifying = p.provider?.label ? m.t('progress.verify', { provider: p.provider.label }) : m.t('progress.verify.generic');
  return `${p.reconnect ? `<p class="lead">${esc(m.t('page.lead.reconnect', { app: p.appName }))}</p>` : ''}
${identity}
${note}
<form id="login" method="post" action="/oauth/authorize" novalidate>
${hidden(p, 'verify')}
<input class="sr" type="email" name="username" value="${esc(p.email)}" autocomplete="username" tabindex="-1" aria-hidden="true" readonly>
${nameInput}
${passwordInput}
${p.passwordKept ? `<p class="kept" id="password-kept">${esc(m.t('field.password.kept'))}</p>` : ''}
${servers}
<button type="submit">${esc(m.t('button.connect'))}</button>
${progress(p, verifying)}
</form>`;
}

/**
 * The hosted login page (issues 8 and 19): email first, then the password with the provider
 * found and its sign-in hint, the server settings only when nothing was detected; errors in plain
 * words beside their field; a Cancel link back to the application.
 */
export function renderLoginPage(p: LoginPage, nonce: string): string {
  const m = p.m;
  const title = m.t('page.title', { app: p.appName });
  const formError = p.error && !shownBeside(p, p.error.field) ? errorBox(p, 'form-error', p.error, ' alert') : '';
  const scopes = scopesLine(m, p.appName, p.scopes);
  const body = `
<header>
  ${p.iconUrl ? `<img src="${esc(p.iconUrl)}" alt="">` : ''}
  <h1 dir="auto">${esc(title)}</h1>
</header>
${scopes ? `<p class="scopes" id="scopes">${esc(scopes)}</p>` : ''}
${formError}
${p.step === 'email' ? emailStep(p) : passwordStep(p)}
<a class="cancel" id="cancel" href="${esc(p.cancelUrl)}">${esc(m.t('button.cancel'))}</a>`;
  return document(m, title, p.accentColor ?? DEFAULT_ACCENT, nonce, body, true);
}

/** An error page: the request cannot be completed and must not be redirected anywhere. */
export function renderErrorPage(m: Messages, title: string, message: string, detail: string | undefined, nonce: string): string {
  const more = detail ? `<details><summary>${esc(m.t('error.details'))}</summary><p>${esc(detail)}</p></details>` : '';
  return document(
    m,
    title,
    DEFAULT_ACCENT,
    nonce,
    `<h1>${esc(title)}</h1>\n<div class="error alert" role="alert"><p class="plain">${esc(message)}</p>${more}</div>`,
    false,
  );
}
