/**
 * panva's `oidc-provider` (a certified OpenID Provider) as the peer for the token path: the
 * client_credentials grant with opaque access tokens, client_secret_post, and token
 * introspection (RFC 7662), with its default in-memory adapter (no database at all — which
 * favours it against Latchkey, which writes every token to its database). Prints
 * `LISTENING <port>` when ready.
 */
import Provider from 'oidc-provider';
import { createServer } from 'node:http';

const server = createServer();
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: 'bench', client_secret: 'bench-secret-0123456789abcdef0123456789', grant_types: ['client_credentials'],
    redirect_uris: [], response_types: [], token_endpoint_auth_method: 'client_secret_post',
  }],
  features: { clientCredentials: { enabled: true }, introspection: { enabled: true }, devInteractions: { enabled: false } },
  scopes: ['api'],
});
// Silence the development warnings (in-memory adapter, generated keys): expected for a bench.
provider.on('server_error', (_ctx: unknown, err: Error) => process.stderr.write(`oidc server_error: ${err.message}\n`));
server.on('request', provider.callback());
process.stdout.write(`LISTENING ${port}\n`);
