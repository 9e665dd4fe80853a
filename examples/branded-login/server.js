// @ts-check
/**
 * A branded login page for Latchkey's native authentication (Nylas v2 wire API), in one small
 * Node server with no dependencies:
 *
 *   GET  /         the login page (name, email, password; "advanced" server settings)
 *   POST /detect   JSON {email_address} → which provider (the page asks while the address is typed)
 *   POST /connect  the form: detect → /connect/authorize → /connect/token (server-side) → the account
 *
 * The password goes straight to Latchkey and is not stored or logged; the client secret stays
 * on this server. Configuration: LATCHKEY_URL, LATCHKEY_CLIENT_ID, LATCHKEY_CLIENT_SECRET,
 * HOST (127.0.0.1), PORT (3000), APP_NAME.
 */
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { latchkeyClient, LatchkeyError } from './lib/latchkey.js';
import { csrf as makeCsrf } from './lib/csrf.js';
import { describeError } from './lib/errors.js';
import { connectedPage, loginPage, problemPage } from './lib/page.js';

const STATIC = {
  '/static/app.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(new URL('./public/app.js', import.meta.url)) },
  '/static/style.css': { type: 'text/css; charset=utf-8', body: readFileSync(new URL('./public/style.css', import.meta.url)) },
};
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};
const FIELDS = /** @type {const} */ (['name', 'email_address', 'imap_host', 'imap_port', 'imap_security', 'smtp_host', 'smtp_port', 'smtp_security']);
const MAX_BODY = 16 * 1024;

/**
 * @param {{ latchkeyUrl: string, clientId: string, clientSecret: string, appName?: string, scopes?: string, csrfKey?: Buffer }} config
 * @returns {import('node:http').Server}
 */
export function createApp(config) {
  const appName = config.appName ?? 'Acme Calendar';
  const latchkey = latchkeyClient({ url: config.latchkeyUrl, clientId: config.clientId, clientSecret: config.clientSecret });
  const csrf = makeCsrf(config.csrfKey ?? randomBytes(32));

  /** @param {import('node:http').ServerResponse} res @param {number} status @param {string} html @param {string} [cookie] */
  const html = (res, status, html, cookie) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8', ...(cookie ? { 'set-cookie': `${csrf.cookieName}=${cookie}; Path=/; HttpOnly; SameSite=Strict` } : {}) });
    res.end(html);
  };
  /** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body */
  const json = (res, status, body) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  /** The login page again, with what was typed (never the password) and the error beside its field. */
  const form = (/** @type {import('node:http').ServerResponse} */ res, /** @type {string|undefined} */ cookieIn, /** @type {number} */ status, /** @type {any} */ state = {}) => {
    const { cookie, token } = csrf.issue(cookieIn);
    html(res, status, loginPage({ appName, csrfToken: token, ...state }), cookie);
  };

  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const cookie = readCookie(req.headers.cookie, csrf.cookieName);
      const file = /** @type {Record<string, {type: string, body: Buffer}>} */ (STATIC)[url.pathname];
      if (req.method === 'GET' && file) {
        res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': file.type });
        return res.end(file.body);
      }
      if (req.method === 'GET' && url.pathname === '/') return form(res, cookie, 200);
      if (req.method === 'POST' && url.pathname === '/detect') {
        const body = await readBody(req);
        if (!csrf.verify(cookie, req.headers['x-csrf-token'])) return json(res, 403, { message: 'Reload the page and try again.' });
        const parsed = safeJson(body);
        return json(res, 200, await detect(latchkey, String(parsed.email_address ?? '')));
      }
      if (req.method === 'POST' && url.pathname === '/connect') {
        const params = new URLSearchParams(await readBody(req));
        if (!csrf.verify(cookie, params.get('csrf_token') ?? undefined)) {
          return html(res, 403, problemPage({ appName, title: 'Please try again', message: 'This form expired or was not sent from this site. Reload the sign-in page and try again.' }));
        }
        return await connect(res, cookie, params);
      }
      res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain' });
      res.end('Not found');
    } catch (err) {
      if (/** @type {any} */ (err)?.code === 'BODY_TOO_LARGE') {
        res.writeHead(413, SECURITY_HEADERS);
        return res.end();
      }
      console.error('request failed:', /** @type {Error} */ (err)?.message); // never the body: it holds a password
      if (!res.headersSent) html(res, 500, problemPage({ appName, title: 'Something went wrong', message: 'Please try again in a moment.' }));
    }
  });

  /**
   * The sign-in: the advanced settings if typed, else the provider detection finds; then
   * authorize (Latchkey logs in to the provider) and exchange the code here, on the server.
   * @param {import('node:http').ServerResponse} res @param {string | undefined} cookie @param {URLSearchParams} params
   */
  async function connect(res, cookie, params) {
    /** @type {Record<string, string>} */
    const values = {};
    for (const k of FIELDS) values[k] = (params.get(k) ?? '').trim().slice(0, 320);
    const password = params.get('password') ?? '';
    const advancedOpen = Boolean(values.imap_host || values.smtp_host);
    const again = (/** @type {number} */ status, /** @type {{field: string, message: string, help?: string}} */ error, /** @type {string} */ notice = '') =>
      form(res, cookie, status, { values, error, notice, advancedOpen: advancedOpen || error.field.endsWith('_host') });
    if (!values.name) return again(400, { field: 'name', message: 'Please enter your name.' });
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email_address ?? '')) return again(400, { field: 'email_address', message: 'Please enter a whole email address, like name@example.com.' });
    if (!password) return again(400, { field: 'password', message: 'Please enter your password.' });

    let provider = 'imap';
    /** @type {Record<string, unknown>} */
    let settings;
    let notice = '';
    if (advancedOpen) {
      settings = { imap_password: password };
      for (const k of ['imap_host', 'imap_port', 'imap_security', 'smtp_host', 'smtp_port', 'smtp_security']) if (values[k]) settings[k] = values[k];
    } else {
      const found = await detect(latchkey, values.email_address ?? '');
      if (found.state === 'unknown') return again(400, { field: 'imap_host', message: found.message });
      if (found.state === 'oauth') return again(400, { field: 'form', message: found.message });
      if (found.state === 'error') return again(502, { field: 'form', message: found.message });
      provider = found.provider;
      notice = found.message;
      settings = { password };
    }
    try {
      const { code } = await latchkey.authorize({ name: values.name, email_address: values.email_address, provider, settings, scopes: config.scopes ?? 'email.read_only,calendar,contacts' });
      const account = await latchkey.token(code); // with the client secret: server-side only
      // A real app stores account.access_token here (encrypted) with the user's record; it never goes to the browser.
      return html(res, 200, connectedPage({ appName, account }));
    } catch (err) {
      if (!(err instanceof LatchkeyError)) throw err;
      return again(err.status >= 400 && err.status < 600 ? err.status : 502, describeError(err, provider), notice);
    }
  }
}

/**
 * What the page needs to know about an address: a provider found (and which), none (open the
 * advanced panel), or one needing OAuth, which this example does not do.
 * @param {ReturnType<typeof latchkeyClient>} latchkey @param {string} email
 * @returns {Promise<{ state: 'found' | 'unknown' | 'oauth' | 'error', message: string, provider: string }>}
 */
async function detect(latchkey, email) {
  const domain = email.split('@')[1] ?? '';
  try {
    const d = await latchkey.detectProvider(email);
    if (!d.detected) return { state: 'unknown', provider: 'imap', message: `We could not find the mail servers of ${domain}. Please enter them under “Advanced”.` };
    if (d.oauth_required) return { state: 'oauth', provider: d.auth_name, message: `${d.provider_name} accounts sign in with OAuth, which this page does not offer.` };
    return { state: 'found', provider: d.auth_name, message: `Provider found: ${label(d)}.` };
  } catch (err) {
    if (err instanceof LatchkeyError && err.status === 400) return { state: 'unknown', provider: 'imap', message: 'Please enter a whole email address.' };
    return { state: 'error', provider: 'imap', message: 'The sign-in service cannot be reached right now. Please try again in a moment.' };
  }
}

/** @param {Record<string, any>} d */
function label(d) {
  const name = String(d.provider_name ?? d.auth_name);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** @param {string | undefined} header @param {string} name */
function readCookie(header, name) {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

/** @param {import('node:http').IncomingMessage} req @returns {Promise<string>} */
async function readBody(req) {
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY) throw Object.assign(new Error('body too large'), { code: 'BODY_TOO_LARGE' });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** @param {string} text @returns {Record<string, unknown>} */
function safeJson(text) {
  try {
    const v = JSON.parse(text);
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}

// `npm start`: configuration from the environment.
if (import.meta.url === new URL(process.argv[1] ?? '', 'file://').href) {
  const env = process.env;
  const missing = ['LATCHKEY_CLIENT_ID', 'LATCHKEY_CLIENT_SECRET'].filter((k) => !env[k]);
  if (missing.length) {
    console.error(`Set ${missing.join(' and ')} (npx latchkey apps create --name "Branded login" --json prints both).`);
    process.exit(1);
  }
  const server = createApp({
    latchkeyUrl: env.LATCHKEY_URL ?? 'http://127.0.0.1:8787',
    clientId: /** @type {string} */ (env.LATCHKEY_CLIENT_ID),
    clientSecret: /** @type {string} */ (env.LATCHKEY_CLIENT_SECRET),
    ...(env.APP_NAME ? { appName: env.APP_NAME } : {}),
  });
  const host = env.HOST ?? '127.0.0.1';
  server.listen(Number(env.PORT ?? 3000), host, () => {
    const addr = /** @type {import('node:net').AddressInfo} */ (server.address());
    console.log(`Branded login example on http://${host}:${addr.port}/`);
  });
}
