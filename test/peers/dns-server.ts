/**
 * A small authoritative DNS server on loopback (UDP), for detection tests: Latchkey's resolver is
 * pointed at it with LATCHKEY_DNS_SERVERS, so no query ever leaves the machine. Names not in the
 * zone answer NXDOMAIN; known names without the asked type answer NOERROR with no records.
 */
import { createSocket, type Socket } from 'node:dgram';
import * as packet from 'dns-packet';

export interface ZoneEntry {
  A?: string[];
  AAAA?: string[];
  MX?: Array<{ exchange: string; preference?: number }>;
  SRV?: Array<{ target: string; port: number; priority?: number; weight?: number }>;
}

export interface DnsServer {
  /** `127.0.0.1:PORT`, for LATCHKEY_DNS_SERVERS */
  address: string;
  zone: Record<string, ZoneEntry>;
  /** Every question asked, `TYPE name`. */
  queries: string[];
  close(): Promise<void>;
}

export async function startDnsServer(zone: Record<string, ZoneEntry>): Promise<DnsServer> {
  const lower: Record<string, ZoneEntry> = {};
  for (const [k, v] of Object.entries(zone)) lower[k.toLowerCase().replace(/\.$/, '')] = v;
  const queries: string[] = [];
  const socket: Socket = createSocket('udp4');
  socket.on('error', () => undefined);
  socket.on('message', (msg, rinfo) => {
    let query: packet.Packet;
    try {
      query = packet.decode(msg);
    } catch {
      return;
    }
    const q = query.questions?.[0];
    if (!q) return;
    const name = q.name.toLowerCase().replace(/\.$/, '');
    queries.push(`${q.type} ${name}`);
    const entry = lower[name];
    const answers: packet.Answer[] = [];
    if (entry) {
      if (q.type === 'A') for (const a of entry.A ?? []) answers.push({ type: 'A', name: q.name, ttl: 60, data: a });
      if (q.type === 'AAAA') for (const a of entry.AAAA ?? []) answers.push({ type: 'AAAA', name: q.name, ttl: 60, data: a });
      if (q.type === 'MX') for (const m of entry.MX ?? []) answers.push({ type: 'MX', name: q.name, ttl: 60, data: { exchange: m.exchange, preference: m.preference ?? 10 } });
      if (q.type === 'SRV') for (const s of entry.SRV ?? []) answers.push({ type: 'SRV', name: q.name, ttl: 60, data: { target: s.target, port: s.port, priority: s.priority ?? 0, weight: s.weight ?? 1 } });
    }
    const reply = packet.encode({
      id: query.id,
      type: 'response',
      flags: packet.AUTHORITATIVE_ANSWER | (entry ? 0 : 3), // RCODE 3 = NXDOMAIN
      questions: query.questions,
      answers,
    });
    socket.send(reply, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    zone: lower,
    queries,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
