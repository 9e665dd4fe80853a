/**
 * Reads a `since` value (CLI `--since`, `GET /a/{client_id}/audit?since=`): an ISO 8601 time
 * (`2026-01-31T12:00:00Z`), Unix seconds (`1767182400`), or a span back from now (`90s`, `30m`,
 * `1h`, `7d`).
 * @param nowMs — the current time, ms since the epoch.
 * @returns ms since the epoch.
 * @throws Error with a message naming what is accepted.
 */
export function parseSince(raw: string, nowMs: number): number {
  const span = /^(\d{1,9})([smhd])$/.exec(raw.trim());
  if (span) return nowMs - Number(span[1]) * { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[span[2] as 's' | 'm' | 'h' | 'd'];
  if (/^\d{1,12}$/.test(raw.trim())) return Number(raw.trim()) * 1000;
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw.trim())) {
    const t = Date.parse(raw.trim());
    if (Number.isFinite(t)) return t;
  }
  throw new Error(`since ${JSON.stringify(raw.slice(0, 40))}: expected an ISO 8601 time, Unix seconds, or a span such as 30m, 1h, 7d`);
}

/** Default look-back when no `since` is given: one day. */
export const DEFAULT_SINCE_MS = 86_400_000;
