/**
 * The floor for Latchkey's HTTP handlers: a bare Fastify 5 (the same framework and version) on
 * loopback that does no work beyond HTTP and JSON — `POST /token` parses a JSON body and answers
 * a token-shaped JSON object; `GET /account` answers an account-shaped JSON object. Prints
 * `LISTENING <port>` when ready.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
const account = {
  id: 'bk8k2w0hs5aadc4jqdw2t6v1p', object: 'account', account_id: 'bk8k2w0hs5aadc4jqdw2t6v1p', email_address: 'alice@example.test',
  name: 'Alice', provider: 'imap', organization_unit: 'folder', sync_state: 'running', linked_at: 1764460800,
};
app.post('/token', async (req) => {
  const body = req.body as { client_id?: string; code?: string };
  return { ...account, access_token: `lkat_${body.code ?? 'x'}` };
});
app.get('/account', async () => account);
await app.listen({ host: '127.0.0.1', port: 0 });
const addr = app.server.address();
process.stdout.write(`LISTENING ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
