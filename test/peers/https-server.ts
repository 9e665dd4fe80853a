/**
 * A static HTTPS server on loopback for autoconfig / ISPDB tests: `routes` maps a path (without
 * the query string) to a body; everything else is 404. Records every request path with its query.
 */
import { createServer, type Server } from 'node:https';

export interface StaticHttps {
  host: string;
  port: number;
  requests: string[];
  close(): Promise<void>;
}

export async function startStaticHttps(opts: { host: string; port?: number; key: string; cert: string; routes: (path: string) => string | undefined }): Promise<StaticHttps> {
  const requests: string[] = [];
  const server: Server = createServer({ key: opts.key, cert: opts.cert }, (req, res) => {
    requests.push(req.url ?? '');
    const body = opts.routes((req.url ?? '').split('?')[0] ?? '');
    if (body === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/xml' }).end(body);
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host, resolve);
  });
  return {
    host: opts.host,
    port: (server.address() as { port: number }).port,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
