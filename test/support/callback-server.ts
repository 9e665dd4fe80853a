import { createServer, type Server } from 'node:http';

/** The application's side of a redirect: a loopback HTTP server recording every callback it receives. */
export interface CallbackServer {
  /** `http://127.0.0.1:PORT/callback` — register it as the app's redirect URI. */
  url: string;
  /** Query parameters of every request received, in order. */
  received: URLSearchParams[];
  close(): Promise<void>;
}

export async function startCallbackServer(): Promise<CallbackServer> {
  const received: URLSearchParams[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    received.push(url.searchParams);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'" });
    res.end(`<!doctype html><html lang="en"><title>Example app</title><body><h1>Back at the application</h1><p id="result">${url.searchParams.has('code') ? 'Got a code' : `Error: ${escapeHtml(url.searchParams.get('reason') ?? '')}`}</p></body></html>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/callback`,
    received,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
