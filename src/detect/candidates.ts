import type { DialContext } from '../mail/dial.ts';
import { ApiError } from '../errors/api-error.ts';
import { substitute } from './autoconfig-xml.ts';
import { probe } from './guess.ts';
import type { Finding, ServerCandidate, TraceStep } from './types.ts';

/**
 * Chooses among the servers one source lists for a protocol (autoconfig and the ISPDB may list
 * several `incomingServer` / `outgoingServer`, SRV several records), as Thunderbird does: every
 * candidate is probed without credentials — TCP through the outbound policy, TLS or STARTTLS with
 * certificate verification, a greeting of the right protocol (guess.ts `probe`) — all at once, and
 * the first in the source's order that answers wins. Issue 13: the first listed host used to be
 * returned unchecked, and authorize failed on it (502 connect_refused) although the second worked.
 *
 * A source with one candidate is returned as is. When none answers, the first is kept (the
 * verdict says so): a later authorize then names the failure precisely.
 *
 * Each candidate gets a trace step (`found` for the one chosen; `skipped` with the reason for the
 * others), and `finding[protocol]` is replaced by the winner.
 * @param deadline `performance.now()` value by which every probe must have ended.
 * @param email the address whose `%EMAILDOMAIN%` placeholders host names may hold.
 * @returns the verdict in one sentence, or undefined when there was nothing to choose.
 */
export async function chooseCandidate(
  finding: Finding,
  protocol: 'imap' | 'smtp',
  dial: DialContext,
  deadline: number,
  trace: TraceStep[],
  email: string,
): Promise<string | undefined> {
  const listed = protocol === 'imap' ? finding.imapCandidates : finding.smtpCandidates;
  if (!listed || listed.length < 2) return undefined;
  const left = Math.max(1, Math.round(deadline - performance.now()));
  const bounded: DialContext = {
    ...dial,
    connectTimeoutMs: Math.min(dial.connectTimeoutMs, left),
    greetingTimeoutMs: Math.min(dial.greetingTimeoutMs, left),
  };
  const label = (c: ServerCandidate) => `${protocol.toUpperCase()} ${substitute(c.host, email)}:${c.port} ${c.security}`;
  const t0 = performance.now();
  const results = listed.map((c) =>
    probe({ ...c, host: substitute(c.host, email) }, protocol, bounded).then(
      () => ({ ok: true as const, ms: Math.round(performance.now() - t0) }),
      (err: unknown) => ({ ok: false as const, why: reasonOf(err), ms: Math.round(performance.now() - t0) }),
    ),
  );
  const skipped: string[] = [];
  for (const [i, c] of listed.entries()) {
    const r = await results[i]!;
    if (r.ok) {
      trace.push({
        source: finding.source,
        target: label(c),
        outcome: 'found',
        detail: `candidate ${i + 1} of ${listed.length} answered: chosen`,
        ms: r.ms,
      });
      for (const [j, later] of listed.entries()) {
        if (j > i)
          trace.push({
            source: finding.source,
            target: label(later),
            outcome: 'skipped',
            detail: `candidate ${j + 1} of ${listed.length}: not needed, an earlier one answered`,
            ms: 0,
          });
      }
      finding[protocol] = c;
      const why = skipped.length ? ` (skipped: ${skipped.join('; ')})` : '';
      return `${label(c)}, candidate ${i + 1} of ${listed.length} listed by ${finding.source}${why}`;
    }
    trace.push({
      source: finding.source,
      target: label(c),
      outcome: 'skipped',
      detail: `candidate ${i + 1} of ${listed.length}: ${r.why}`,
      ms: r.ms,
    });
    skipped.push(`${substitute(c.host, email)}:${c.port} ${r.why}`);
  }
  finding[protocol] = listed[0];
  return `${label(listed[0]!)}, the first of ${listed.length} listed by ${finding.source}: none answered (${skipped.join('; ')})`;
}

/** Why a probe failed, in a few words (the catalogue reason, or the error's own words). */
function reasonOf(err: unknown): string {
  if (err instanceof ApiError) return err.reason.replace(/_/g, ' ');
  return (err as Error)?.message?.slice(0, 80) || 'no answer';
}
