import type { LoginField } from './field-errors.ts';

/** What the hosted login page shows: the application's theme and the form's state. */
export interface LoginPage {
  appName: string;
  /** https URL of the application's logo (`icon_url`), or null. */
  iconUrl: string | null;
  /** `#rrggbb`; a default when the application set none. */
  accentColor: string | null;
  /** The sealed authorization request and the CSRF token (hidden fields). */
  sealed: string;
  csrf: string;
  values: Partial<Record<'name' | 'email_address' | 'imap_host' | 'imap_port' | 'imap_security' | 'smtp_host' | 'smtp_port' | 'smtp_security', string>>;
  error?: { field: LoginField; message: string; reason: string };
  /** Open the "advanced" panel (server settings): nothing was detected for the domain, or a host error. */
  advancedOpen: boolean;
  /** A line above the form, e.g. which provider was found. */
  notice?: string;
}

const DEFAULT_ACCENT = '#3b5bdb';

/** HTML-escapes text for element content and double-quoted attributes. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The page's own styles, allowed by a per-response nonce (no inline script at all: the page
 * works without JavaScript, and its CSP allows none).
 */
function styles(accent: string): string {
  return `
  :root { --accent: ${accent}; --err: #b3261e; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1c1c1e; }
  body { margin: 0; background: #f4f5f7; }
  main { max-width: 26rem; margin: 3rem auto; background: #fff; border-radius: 12px; padding: 2rem; box-shadow: 0 1px 3px rgba(0,0,0,.12); border-top: 6px solid var(--accent); }
  header { display: flex; align-items: center; gap: .75rem; margin-bottom: 1rem; }
  header img { width: 40px; height: 40px; border-radius: 8px; }
  h1 { font-size: 1.3rem; margin: 0; }
  p.lead { color: #4a4a4f; margin: 0 0 1.25rem; }
  label { display: block; font-weight: 600; margin: .9rem 0 .3rem; }
  input, select { width: 100%; box-sizing: border-box; padding: .6rem .7rem; font-size: 1rem; border: 1px solid #8a8a90; border-radius: 6px; }
  input:focus, select:focus, button:focus, summary:focus { outline: 3px solid var(--accent); outline-offset: 2px; }
  input[aria-invalid="true"] { border-color: var(--err); }
  .error { color: var(--err); margin: .35rem 0 0; font-size: .95rem; }
  .notice { background: #eef2ff; border-left: 4px solid var(--accent); padding: .6rem .8rem; margin: 0 0 1rem; }
  .alert { background: #fdecea; border-left: 4px solid var(--err); padding: .6rem .8rem; margin: 0 0 1rem; color: var(--err); }
  details { margin-top: 1.2rem; border: 1px solid #d0d0d5; border-radius: 6px; padding: .4rem .8rem .8rem; }
  summary { cursor: pointer; font-weight: 600; padding: .3rem 0; }
  .row { display: grid; grid-template-columns: 1.7fr 0.9fr 1.5fr; gap: .5rem; }
  button { margin-top: 1.4rem; width: 100%; padding: .75rem; font-size: 1rem; font-weight: 600; color: #fff; background: var(--accent); border: 0; border-radius: 6px; cursor: pointer; }
  fieldset.plain { border: 0; padding: 0; margin: 0; }
  .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  footer { margin-top: 1.2rem; font-size: .85rem; color: #6a6a70; text-align: center; }`;
}

/** The HTML document around a body, with the page's nonce on its style element. */
function document(title: string, accent: string, nonce: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style nonce="${nonce}">${styles(accent)}</style>
</head>
<body>
<main>
${body}
<footer>Secured by Latchkey. Your password goes only to your mail provider, to check it.</footer>
</main>
</body>
</html>`;
}

/** One labelled input with its error slot (`aria-describedby`, `aria-invalid`, autofocus on error). */
function field(p: LoginPage, name: 'name' | 'email_address' | 'password' | 'imap_host' | 'imap_port' | 'smtp_host' | 'smtp_port', label: string, type: string, extra = ''): string {
  const err = p.error && p.error.field === name ? p.error : undefined;
  const value = name === 'password' ? '' : (p.values[name] ?? '');
  const describedBy = err ? ` aria-describedby="${name}-error" aria-invalid="true" autofocus` : '';
  return `<label for="${name}">${esc(label)}</label>
<input id="${name}" name="${name}" type="${type}" value="${esc(value)}"${describedBy} ${extra}>
${err ? `<p class="error" id="${name}-error" role="alert">${esc(err.message)}</p>` : ''}`;
}

function securitySelect(p: LoginPage, name: 'imap_security' | 'smtp_security', label: string): string {
  const v = p.values[name] ?? 'auto';
  const opts = [['auto', 'Automatic'], ['ssl', 'SSL/TLS'], ['starttls', 'STARTTLS']]
    .map(([value, text]) => `<option value="${value}"${v === value ? ' selected' : ''}>${text}</option>`).join('');
  return `<div><label for="${name}">${esc(label)}</label><select id="${name}" name="${name}">${opts}</select></div>`;
}

/** The hosted login page (issue 8): name, email, password, and the advanced server settings. */
export function renderLoginPage(p: LoginPage, nonce: string): string {
  const formError = p.error?.field === 'form' ? `<p class="alert" role="alert" id="form-error">${esc(p.error.message)}</p>` : '';
  const hostLine = (proto: 'imap' | 'smtp', title: string, portHint: string) => `
<fieldset class="plain"><legend class="sr">${title}</legend>
<div class="row">
  <div>${field(p, `${proto}_host`, `${title} server`, 'text', 'autocomplete="off" spellcheck="false"')}</div>
  <div>${field(p, `${proto}_port`, 'Port', 'text', `inputmode="numeric" placeholder="${portHint}"`)}</div>
  ${securitySelect(p, `${proto}_security`, 'Security')}
</div></fieldset>`;
  const body = `
<header>
  ${p.iconUrl ? `<img src="${esc(p.iconUrl)}" alt="">` : ''}
  <h1>Connect your mailbox to ${esc(p.appName)}</h1>
</header>
<p class="lead">Sign in with your email address and its password.</p>
${p.notice ? `<p class="notice" role="status">${esc(p.notice)}</p>` : ''}
${formError}
<form method="post" action="/oauth/authorize" novalidate>
<input type="hidden" name="request" value="${esc(p.sealed)}">
<input type="hidden" name="csrf_token" value="${esc(p.csrf)}">
${field(p, 'name', 'Your name', 'text', 'autocomplete="name" required')}
${field(p, 'email_address', 'Email address', 'email', 'autocomplete="email" required')}
${field(p, 'password', 'Password', 'password', 'autocomplete="current-password" required')}
<details id="advanced"${p.advancedOpen ? ' open' : ''}>
<summary>Advanced: mail server settings</summary>
<p class="lead">Only needed when your provider is not found automatically.</p>
${hostLine('imap', 'IMAP', '993')}
${hostLine('smtp', 'SMTP', '587')}
</details>
<button type="submit">Connect</button>
</form>`;
  return document(`Connect your mailbox to ${p.appName}`, p.accentColor ?? DEFAULT_ACCENT, nonce, body);
}

/** An error page: the request cannot be completed and must not be redirected anywhere. */
export function renderErrorPage(title: string, message: string, nonce: string): string {
  return document(title, DEFAULT_ACCENT, nonce, `<h1>${esc(title)}</h1>\n<p class="alert" role="alert">${esc(message)}</p>`);
}
