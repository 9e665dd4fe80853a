// @ts-check
/**
 * The three Latchkey calls this app makes, over plain fetch (Latchkey's public HTTP API,
 * Nylas v2 wire format). All run on the server: the client secret never reaches a browser.
 */

/** A failed Latchkey call: the HTTP status and Latchkey's JSON error body ({message, type, reason, step?, missing_fields?}). */
export class LatchkeyError extends Error {
  /** @param {number} status @param {Record<string, any>} body */
  constructor(status, body) {
    super(body.message ?? `Latchkey answered HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/**
 * @param {{ url: string, clientId: string, clientSecret: string }} config
 */
export function latchkeyClient(config) {
  /** @param {string} path @param {Record<string, unknown>} body */
  async function post(path, body) {
    let res;
    try {
      res = await fetch(new URL(path, config.url), { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(90_000) });
    } catch (err) {
      throw new LatchkeyError(0, { message: 'The sign-in service cannot be reached right now. Please try again in a moment.', reason: 'unreachable' });
    }
    const json = await res.json().catch(() => ({ message: `Latchkey answered HTTP ${res.status}` }));
    if (!res.ok) throw new LatchkeyError(res.status, json);
    return json;
  }
  return {
    /** `POST /connect/detect-provider` → {detected, auth_name, provider_name, is_imap, oauth_required, settings?} */
    detectProvider: (/** @type {string} */ emailAddress) => post('/connect/detect-provider', { client_id: config.clientId, client_secret: config.clientSecret, email_address: emailAddress }),
    /** `POST /connect/authorize` → {code}. The password goes straight through; nothing stores it. */
    authorize: (/** @type {Record<string, unknown>} */ request) => post('/connect/authorize', { ...request, client_id: config.clientId }),
    /** `POST /connect/token` → the account object with `access_token`. */
    token: (/** @type {string} */ code) => post('/connect/token', { client_id: config.clientId, client_secret: config.clientSecret, code }),
  };
}
