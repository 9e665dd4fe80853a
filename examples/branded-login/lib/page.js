// @ts-check
/** Server-rendered pages. Every value is escaped; no inline script or style (the CSP allows none). */

/** @param {unknown} s */
export const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** @param {string} title @param {string} appName @param {string} body */
function layout(title, appName, body) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · ${esc(appName)}</title>
<link rel="stylesheet" href="/static/style.css">
<script type="module" src="/static/app.js"></script>
</head>
<body>
<div class="brand"><span class="logo" aria-hidden="true">◆</span> ${esc(appName)}</div>
<main>
${body}
</main>
</body>
</html>`;
}

/**
 * @typedef {{ field: string, message: string, help?: string }} FieldError
 * @typedef {{ name?: string, email_address?: string, imap_host?: string, imap_port?: string, imap_security?: string, smtp_host?: string, smtp_port?: string, smtp_security?: string }} Values
 */

/**
 * @param {FieldError | undefined} error @param {string} name
 */
function errorFor(error, name) {
  if (!error || error.field !== name) return { attrs: '', html: '' };
  const help = error.help ? ` <a href="${esc(error.help)}" rel="noopener noreferrer" target="_blank">How to create an app password</a>` : '';
  return { attrs: ` aria-invalid="true" aria-describedby="${name}-error" autofocus`, html: `<p class="error" id="${name}-error">${esc(error.message)}${help}</p>` };
}

/**
 * @param {{ appName: string, csrfToken: string, values?: Values, error?: FieldError, advancedOpen?: boolean, notice?: string }} p
 */
export function loginPage(p) {
  const v = p.values ?? {};
  /** @param {keyof Values | 'password'} name @param {string} label @param {string} type @param {string} [extra] */
  const input = (name, label, type, extra = '') => {
    const e = errorFor(p.error, name);
    const value = name === 'password' ? '' : (v[/** @type {keyof Values} */ (name)] ?? '');
    return `<div class="field"><label for="${name}">${esc(label)}</label>
<input id="${name}" name="${name}" type="${type}" value="${esc(value)}"${e.attrs} ${extra}>${e.html}</div>`;
  };
  /** @param {'imap_security' | 'smtp_security'} name */
  const security = (name) => `<div class="field"><label for="${name}">Security</label><select id="${name}" name="${name}">${
    [['auto', 'Automatic'], ['ssl', 'SSL/TLS'], ['starttls', 'STARTTLS']].map(([val, text]) => `<option value="${val}"${(v[name] ?? 'auto') === val ? ' selected' : ''}>${text}</option>`).join('')}</select></div>`;
  const formError = p.error?.field === 'form' ? `<p class="alert" role="alert" id="form-error" tabindex="-1" autofocus>${esc(p.error.message)}</p>` : '';
  return layout('Connect your mailbox', p.appName, `
<h1>Connect your mailbox</h1>
<p class="lead">${esc(p.appName)} reads your calendar and contacts through your mail provider. Your password is checked with your provider and never stored here.</p>
${formError}
${p.error && p.error.field !== 'form' ? `<p class="sr-only" role="alert">${esc(p.error.message)}</p>` : ''}
<form id="login-form" method="post" action="/connect" novalidate>
<input type="hidden" name="csrf_token" value="${esc(p.csrfToken)}">
${input('name', 'Your name', 'text', 'autocomplete="name" required')}
${input('email_address', 'Email address', 'email', 'autocomplete="email" required aria-describedby="provider-status"')}
<p id="provider-status" class="status" aria-live="polite">${p.notice ? esc(p.notice) : ''}</p>
${input('password', 'Password', 'password', 'autocomplete="current-password" required')}
<details id="advanced"${p.advancedOpen ? ' open' : ''}>
<summary>Advanced: mail server settings</summary>
<p class="hint">Only needed when your provider is not found automatically. Your provider's help pages list these.</p>
<fieldset><legend>Incoming mail (IMAP)</legend><div class="row">
${input('imap_host', 'Server', 'text', 'autocomplete="off" spellcheck="false"')}${input('imap_port', 'Port', 'text', 'inputmode="numeric" placeholder="993"')}${security('imap_security')}
</div></fieldset>
<fieldset><legend>Outgoing mail (SMTP)</legend><div class="row">
${input('smtp_host', 'Server', 'text', 'autocomplete="off" spellcheck="false"')}${input('smtp_port', 'Port', 'text', 'inputmode="numeric" placeholder="587"')}${security('smtp_security')}
</div></fieldset>
</details>
<button type="submit" id="submit">Connect mailbox</button>
</form>`);
}

/** @param {{ appName: string, account: Record<string, any> }} p */
export function connectedPage(p) {
  const a = p.account;
  return layout('Mailbox connected', p.appName, `
<h1 id="connected" tabindex="-1" autofocus>Mailbox connected</h1>
<p class="lead">${esc(a.name)}, your mailbox is now connected to ${esc(p.appName)}.</p>
<dl class="account">
<dt>Email address</dt><dd id="account-email">${esc(a.email_address)}</dd>
<dt>Provider</dt><dd id="account-provider">${esc(a.provider)}</dd>
<dt>Account id</dt><dd id="account-id">${esc(a.account_id)}</dd>
<dt>State</dt><dd>${esc(a.sync_state)}</dd>
</dl>
<p><a href="/">Connect another mailbox</a></p>`);
}

/** @param {{ appName: string, title: string, message: string }} p */
export function problemPage(p) {
  return layout(p.title, p.appName, `<h1>${esc(p.title)}</h1><p class="alert" role="alert">${esc(p.message)}</p><p><a href="/">Back to the sign-in page</a></p>`);
}
