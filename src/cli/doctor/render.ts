import type { VerifyEvent } from '../../mail/events.ts';
import type { Diagnosis, DoctorError, DoctorObserver, DoctorReport, ProtocolResult } from './report.ts';

/** One printed line of the walk: verdict, step, duration, what was seen. */
function row(verdict: 'ok' | 'FAIL' | '--', label: string, ms: number | undefined, detail: string, more: string[] = []): string {
  const time = ms === undefined ? '' : `${ms.toFixed(1)} ms`;
  const head = `  ${verdict.padEnd(4)}  ${label.padEnd(12)} ${time.padStart(9)}  ${detail}`;
  return [head, ...more.map((m) => `${' '.repeat(32)}${m}`)].join('\n') + '\n';
}

const cut = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * Prints the walk as it happens: one row per event, a FAIL row for the error that ended a
 * server's walk. Durations are each step's own; a FAIL row's is the time since the last event.
 */
export class LiveRenderer implements DoctorObserver {
  private last = performance.now();
  private lastTlsFailed = false;

  constructor(private readonly out: (text: string) => void) {}

  start(r: ProtocolResult): void {
    this.out(`\n${r.protocol.toUpperCase()}  ${r.host} port ${r.port}, security ${r.security}, login ${r.username}\n`);
    this.last = performance.now();
    this.lastTlsFailed = false;
  }

  end(r: ProtocolResult): void {
    if (r.error) this.failure(r.error);
    else this.out(`  ${r.protocol.toUpperCase()} verified.\n`);
  }

  event(e: VerifyEvent): void {
    this.last = performance.now();
    this.lastTlsFailed = e.kind === 'tls' && !e.ok;
    this.out(describe(e));
  }

  private failure(error: DoctorError): void {
    const ms = Math.round((performance.now() - this.last) * 10) / 10;
    const lines = [`${error.reason}: ${error.message}`];
    if (error.server_error) lines.push(`server said: ${cut(error.server_error, 300)}`);
    if (error.addresses_tried) lines.push(`tried: ${error.addresses_tried.join(', ')}`);
    // A failed handshake already printed its TLS row with the problem.
    if (this.lastTlsFailed && error.step?.endsWith('.tls')) return void this.out(row('--', '', undefined, `→ ${error.reason}`));
    this.out(row('FAIL', labelOf(error), ms, lines[0]!, lines.slice(1)));
  }
}

function describe(e: VerifyEvent): string {
  switch (e.kind) {
    case 'dns':
      return row('ok', 'DNS', e.ms, e.literal ? `${e.host} is an address: no lookup` : `${e.host} → ${e.addresses.join(', ')}`);
    case 'tcp':
      return row(
        e.ok ? 'ok' : 'FAIL',
        'TCP',
        e.ms,
        `${e.address.includes(':') ? `[${e.address}]` : e.address}:${e.port} ${e.ok ? 'connected' : (e.error ?? 'failed')}`,
      );
    case 'tls': {
      const c = e.certificate;
      const more: string[] = [];
      if (c) {
        more.push(
          `certificate  ${c.subject}`,
          `issuer       ${c.issuer}`,
          `valid        ${c.validFrom} → ${c.validTo}${expiry(c.validTo)}`,
        );
        more.push(`names        ${c.altNames.join(', ') || '(no subjectAltName)'}`);
      }
      more.push(`SNI          ${e.servername ?? 'none (the host is an address)'}`);
      if (e.nameMatches !== undefined)
        more.push(`name check   ${e.certName} ${e.nameMatches ? 'matches' : 'does NOT match'} the certificate`);
      if (e.trusted !== undefined)
        more.push(
          'chain        ' +
            (e.trusted ? 'trusted (system store + LATCHKEY_TLS_CA_FILE)' : 'NOT trusted by the system store or LATCHKEY_TLS_CA_FILE'),
        );
      if (e.problem) more.push(`problem      ${e.problem}`);
      const head = e.version
        ? `${e.mode === 'starttls' ? 'STARTTLS → ' : ''}${e.version} ${e.cipher ?? ''}`.trim()
        : `${e.mode === 'starttls' ? 'STARTTLS ' : ''}handshake failed`;
      return row(e.ok ? 'ok' : 'FAIL', 'TLS', e.ms, head, more);
    }
    case 'greeting':
      return row('ok', 'greeting', e.ms, cut(e.line));
    case 'capabilities':
      return row(
        'ok',
        'capabilities',
        undefined,
        `${e.tls ? 'over TLS' : 'before TLS'}: ${cut(e.list.join(e.protocol === 'smtp' ? ', ' : ' '), 400)}`,
      );
    case 'retry':
      return row('--', 'note', undefined, e.why);
    case 'auth':
      return row('ok', 'login', e.ms, `${e.mechanism} accepted`);
    case 'list':
      return row('ok', 'LIST', e.ms, `${e.folders} folder${e.folders === 1 ? '' : 's'}`);
    case 'examine':
      return row('ok', 'EXAMINE', e.ms, `${e.mailbox} opened read-only`);
  }
}

/** ` (expires in 12 days)` / ` (EXPIRED)` for a certificate's notAfter. */
function expiry(validTo: string): string {
  const at = Date.parse(validTo);
  if (Number.isNaN(at)) return '';
  const days = Math.floor((at - Date.now()) / 86_400_000);
  return days < 0 ? ' (EXPIRED)' : ` (expires in ${days} day${days === 1 ? '' : 's'})`;
}

function labelOf(error: DoctorError): string {
  if (!error.step) return 'settings';
  if (error.reason === 'dns_not_found') return 'DNS';
  if (error.reason === 'destination_not_allowed') return 'policy';
  const [, part] = error.step.split('.');
  return (
    (
      {
        connect: 'TCP',
        tls: 'TLS',
        greeting: 'greeting',
        login: 'login',
        auth: 'login',
        ehlo: 'EHLO',
        list: 'LIST',
        examine: 'EXAMINE',
      } as Record<string, string>
    )[part ?? ''] ??
    part ??
    'step'
  );
}

/** The closing verdict in plain language. */
export function renderDiagnosis(d: Diagnosis): string {
  if (d.ok) return `\nDiagnosis: OK. ${d.message}\n`;
  const lines = [
    `\nDiagnosis: ${d.reason} (HTTP ${d.status} ${d.type}${d.step ? ` at ${d.step}` : ''}), the answer POST /connect/authorize would give.`,
    `  What happened:  ${d.message}`,
  ];
  if (d.catalogue_message && d.catalogue_message !== d.message) lines.push(`  In short:       ${d.catalogue_message}`);
  if (d.server_error) lines.push(`  Server said:    ${cut(d.server_error, 300)}`);
  if (d.advice) lines.push(`  What to change: ${d.advice}`);
  if (d.also) lines.push(`  Also: ${d.also.protocol.toUpperCase()} failed with ${d.also.reason}: ${d.also.message}`);
  return `${lines.join('\n')}\n`;
}

/** The header: what is being checked, and where the settings came from. */
export function renderHeader(report: Pick<DoctorReport, 'email' | 'provider'>, warnings: string[]): string {
  const source =
    report.provider === 'imap'
      ? 'Settings come from the flags; what they leave out is detected from the address.'
      : `Settings come from the provider table entry "${report.provider}".`;
  return [`latchkey doctor ${report.email}`, source, ...warnings.map((w) => `note: ${w}`)].join('\n') + '\n';
}
