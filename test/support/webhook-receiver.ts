import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueCert, makeCA, type CA } from '../peers/pki.ts';

/** One POST the receiver took: path, raw body, the signature and delivery headers (absent: undefined), the status it answered. */
export interface ReceivedDelivery {
  path: string;
  body: string;
  latchkeySignature?: string | undefined;
  nylasSignature?: string | undefined;
  delivery?: string | undefined;
  status: number;
}

/**
 * An application's webhook endpoint on loopback (HTTPS under its own test CA, `ca`): it answers
 * the registration challenge (`GET ?challenge=V` → V, or a wrong value while `mode.challenge` is
 * 'wrong') and records every delivery, answering `mode.status`.
 */
export interface WebhookReceiver {
  ca: CA;
  url(path: string): string;
  received: ReceivedDelivery[];
  mode: { challenge: 'echo' | 'wrong'; status: number };
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const dir = mkdtempSync(join(tmpdir(), 'lk-webhook-receiver-'));
  const ca = await makeCA(dir, 'webhook-receiver-ca');
  const leaf = await issueCert(dir, ca, { name: 'receiver', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
  const received: ReceivedDelivery[] = [];
  const mode: WebhookReceiver['mode'] = { challenge: 'echo', status: 200 };
  const server = createServer({ key: leaf.keyPem, cert: leaf.certPem }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    if (req.method === 'GET') {
      res.writeHead(200).end(mode.challenge === 'echo' ? (url.searchParams.get('challenge') ?? '') : 'nope');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const header = (n: string) => (typeof req.headers[n] === 'string' ? (req.headers[n] as string) : undefined);
      const status = mode.status;
      received.push({
        path: url.pathname,
        body: Buffer.concat(chunks).toString('utf8'),
        latchkeySignature: header('x-latchkey-signature'),
        nylasSignature: header('x-nylas-signature'),
        delivery: header('x-latchkey-delivery'),
        status,
      });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    ca,
    url: (path) => `https://127.0.0.1:${port}${path}`,
    received,
    mode,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
