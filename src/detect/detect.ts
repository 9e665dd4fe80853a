import { domainToASCII } from 'node:url';
import type { ProviderEntry } from '../providers/table.ts';
import type { DialContext } from '../mail/dial.ts';
import { matchDomain, matchMx } from './builtin.ts';
import { autoconfigUrls, fetchConfig, ispdbUrl, mxRegistrableDomain, srvFinding, type SourceContext } from './sources.ts';
import { firstWorking, guessCandidates } from './guess.ts';
import { chooseCandidate } from './candidates.ts';
import type { DomainDetection, Finding, ServerCandidate, Source, TraceStep } from './types.ts';
import type { DetectCache } from './shared-cache.ts';

export interface DetectContext extends SourceContext {
  providers: Record<string, ProviderEntry>;
  dial: DialContext;
  /** ms: the hard deadline of one detection. */
  deadlineMs: number;
  /** Per-domain answers: DetectionCache (this process) or RedisDetectionCache (shared by the nodes). */
  cache: DetectCache;
  now: () => number;
}

/**
 * Finds the IMAP and SMTP settings of a mail domain. Sources, in order of trust (first good answer
 * wins, per protocol): the built-in table by domain → the built-in table by MX → the domain's own
 * Thunderbird autoconfig → the ISPDB for the domain → the ISPDB for the MX host's registrable
 * domain → RFC 6186 SRV records → probed guesses. Network sources start together; the whole is
 * bounded by `deadlineMs`. Results are cached per domain. `email` is the address passed to the
 * domain's own autoconfig server as `emailaddress` (Thunderbird does the same; the ISPDB only ever
 * sees the domain). When the winning source lists several servers for a protocol, they are probed
 * and the first that answers is chosen (candidates.ts); `choice` says which and why.
 * Never throws for "not found": an empty result has neither `imap` nor `smtp`.
 */
export async function detectDomain(domain: string, ctx: DetectContext, email?: string): Promise<DomainDetection> {
  // IDNA: internationalised domains are looked up in their ASCII (punycode) form.
  const d = domainToASCII(domain.normalize('NFKC').toLowerCase().replace(/\.$/, ''));
  // Only a DNS host name is detected: an address literal (`a@127.0.0.1`, `a@[10.0.0.1]`) or
  // anything else would become autoconfig URLs that point straight at an address.
  if (!isHostName(d)) {
    return {
      domain: d,
      oauthRequired: false,
      trace: [{ source: 'builtin', target: d, outcome: 'skipped', detail: 'not a domain name: nothing to detect', ms: 0 }],
    };
  }
  const cached = await ctx.cache.get(d, ctx.now());
  if (cached) {
    const verdict = [cached.choice?.imap, cached.choice?.smtp].filter(Boolean).join('; ');
    return {
      ...cached,
      trace: [
        { source: cached.imap?.source ?? 'builtin', target: d, outcome: 'found', detail: verdict ? `cached: ${verdict}` : 'cached', ms: 0 },
      ],
    };
  }
  const trace: TraceStep[] = [];
  const found: Finding[] = [];
  const choice: NonNullable<DomainDetection['choice']> = {};
  const run1: Run = {
    domain: d,
    ctx,
    trace,
    found,
    email: email ?? `postmaster@${d}`,
    choice,
    deadline: performance.now() + ctx.deadlineMs,
  };
  const result = await withDeadline(run(run1), ctx.deadlineMs, () => {
    trace.push({
      source: 'guess',
      target: '(deadline)',
      outcome: 'error',
      detail: `detection stopped after ${ctx.deadlineMs} ms`,
      ms: ctx.deadlineMs,
    });
    return merge(d, found, trace, choice);
  });
  // An answer cut short by the deadline is not cached: the next attempt may get further.
  if (!result.timedOut) await ctx.cache.set(d, result, ctx.now());
  return result;
}

/** One detection in progress: what its steps share. `deadline` is a `performance.now()` value. */
interface Run {
  domain: string;
  ctx: DetectContext;
  trace: TraceStep[];
  found: Finding[];
  email: string;
  choice: NonNullable<DomainDetection['choice']>;
  deadline: number;
}

async function run(r: Run): Promise<DomainDetection> {
  const { domain, ctx, trace, found, email } = r;
  const done = (): DomainDetection | undefined => merge(domain, found, trace, r.choice);
  const consider = (p: Promise<Finding | undefined>, f: Finding[]) => considerIn(r, p, f);

  const builtin = timed(trace, 'builtin', domain, async () => matchDomain(domain, ctx.providers));
  if (await consider(builtin, found)) return done()!;

  const mx = timedRaw(
    trace,
    'dns',
    `MX ${domain}`,
    () => ctx.dns.mx(domain),
    (hosts) => (hosts.length ? hosts.join(', ') : undefined),
  );
  const [auto1, auto2, auto3] = autoconfigUrls(domain, email, ctx.allowHttpAutoconfig).map((u) =>
    timed(trace, 'autoconfig', u.href.replace(/\?.*$/, ''), () => fetchConfig(u, ctx, 'autoconfig')),
  );
  const ispdb = timed(trace, 'ispdb', ispdbUrl(ctx.ispdbUrl, domain).href, () => fetchConfig(ispdbUrl(ctx.ispdbUrl, domain), ctx, 'ispdb'));
  const srv = timed(trace, 'srv', `_imaps/_imap/_submissions/_submission._tcp.${domain}`, () => srvFinding(domain, ctx.dns));

  const mxHosts = (await mx.catch(() => [])) ?? [];
  await consider(
    timed(trace, 'mx', mxHosts.join(', ') || '(no MX)', async () => matchMx(mxHosts, ctx.providers)),
    found,
  );
  for (const p of [auto1, auto2, auto3, ispdb]) {
    if (complete(found)) return done()!;
    if (p) await consider(p, found);
  }
  if (!complete(found)) {
    const registrable = mxRegistrableDomain(mxHosts, domain);
    if (registrable) {
      const url = ispdbUrl(ctx.ispdbUrl, registrable);
      await consider(
        timed(trace, 'ispdb_mx', url.href, () => fetchConfig(url, ctx, 'ispdb_mx')),
        found,
      );
    }
  }
  if (!complete(found)) await consider(srv, found);
  if (!complete(found)) {
    const guesses = guessCandidates(domain);
    const [imap, smtp] = await Promise.all([
      has(found, 'imap')
        ? undefined
        : timed(trace, 'guess', `imap.${domain} / mail.${domain}`, async () =>
            wrap('imap', await firstWorking(guesses.imap, 'imap', ctx.dial)),
          ),
      has(found, 'smtp')
        ? undefined
        : timed(trace, 'guess', `smtp.${domain} / mail.${domain}`, async () =>
            wrap('smtp', await firstWorking(guesses.smtp, 'smtp', ctx.dial)),
          ),
    ]);
    if (imap) found.push(imap);
    if (smtp) found.push(smtp);
  }
  return done()!;
}

function wrap(protocol: 'imap' | 'smtp', c: ServerCandidate | undefined): Finding | undefined {
  return c ? { source: 'guess', [protocol]: c } : undefined;
}

/**
 * Takes a source's finding; for each protocol it is the first to answer, a choice among the
 * servers it lists (candidates.ts). The finding is kept first, so a deadline during the probes
 * still answers with the source's first server (uncached).
 */
async function considerIn(r: Run, p: Promise<Finding | undefined>, found: Finding[]): Promise<boolean> {
  const f = await p.catch(() => undefined);
  if (!f) return complete(found);
  const first = { imap: f.imap && !has(found, 'imap'), smtp: f.smtp && !has(found, 'smtp') };
  found.push(f);
  await Promise.all(
    (['imap', 'smtp'] as const)
      .filter((k) => first[k])
      .map(async (k) => {
        const verdict = await chooseCandidate(f, k, r.ctx.dial, r.deadline, r.trace, r.email);
        if (verdict) r.choice[k] = verdict;
      }),
  );
  return complete(found);
}

const has = (found: Finding[], k: 'imap' | 'smtp') => found.some((f) => f[k]);
const complete = (found: Finding[]) => has(found, 'imap') && has(found, 'smtp');

/** The first finding per protocol wins; provider, name and OAuth come with the IMAP answer. */
function merge(domain: string, found: Finding[], trace: TraceStep[], choice: NonNullable<DomainDetection['choice']>): DomainDetection {
  const imapF = found.find((f) => f.imap);
  const smtpF = found.find((f) => f.smtp);
  const lead = imapF ?? smtpF;
  return {
    domain,
    ...(imapF?.imap ? { imap: { ...imapF.imap, source: imapF.source } } : {}),
    ...(smtpF?.smtp ? { smtp: { ...smtpF.smtp, source: smtpF.source } } : {}),
    ...(lead?.provider ? { provider: lead.provider } : {}),
    ...(lead?.displayName ? { displayName: lead.displayName } : {}),
    oauthRequired: Boolean(lead?.oauthRequired),
    ...(choice.imap || choice.smtp ? { choice: { ...choice } } : {}),
    trace,
  };
}

function timed(trace: TraceStep[], source: Source, target: string, fn: () => Promise<Finding | undefined>): Promise<Finding | undefined> {
  return timedRaw(trace, source, target, fn, (f) => (f ? describe(f) : undefined));
}

function timedRaw<T>(
  trace: TraceStep[],
  source: TraceStep['source'],
  target: string,
  fn: () => Promise<T>,
  summary: (v: T) => string | undefined,
): Promise<T> {
  const t0 = performance.now();
  const p = fn();
  p.then(
    (v) => {
      const s = summary(v);
      trace.push({ source, target, outcome: s ? 'found' : 'none', ...(s ? { detail: s } : {}), ms: Math.round(performance.now() - t0) });
    },
    (err: Error) =>
      trace.push({ source, target, outcome: 'error', detail: err.message.slice(0, 160), ms: Math.round(performance.now() - t0) }),
  );
  return p;
}

function describe(f: Finding): string {
  const s = (c?: ServerCandidate) => (c ? `${c.host}:${c.port} ${c.security}` : '—');
  return `IMAP ${s(f.imap)}; SMTP ${s(f.smtp)}${f.provider ? ` (${f.provider})` : ''}`;
}

async function withDeadline(p: Promise<DomainDetection>, ms: number, onLate: () => DomainDetection): Promise<DomainDetection> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<DomainDetection>((resolve) => {
    timer = setTimeout(() => resolve({ ...onLate(), timedOut: true }), ms);
  });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** LDH labels of 1–63 characters, at least two, at most 253 in all, and a top-level label that is not all digits. */
function isHostName(d: string): boolean {
  const labels = d.split('.');
  return (
    d.length <= 253 &&
    labels.length >= 2 &&
    labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l)) &&
    !/^\d+$/.test(labels.at(-1)!)
  );
}

/** A per-domain cache with a TTL in this process's memory (shared-cache.ts has the Redis one). */
export class DetectionCache implements DetectCache {
  private readonly entries = new Map<string, { value: DomainDetection; expires: number }>();
  /** @param ttlMs how long an answer (found or not) is kept */
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(domain: string, now: number): DomainDetection | undefined {
    const e = this.entries.get(domain);
    if (!e) return undefined;
    if (e.expires <= now) {
      this.entries.delete(domain);
      return undefined;
    }
    return e.value;
  }

  set(domain: string, value: DomainDetection, now: number): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(domain, { value: { ...value, domain, trace: [] }, expires: now + this.ttlMs });
  }
}
