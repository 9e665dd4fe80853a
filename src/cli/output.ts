/** Printing for the CLI: `--json` documents, human tables and key/value blocks. */

/** One JSON document per line (what `--json` prints). */
export function json(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/**
 * A table with a header row, columns padded to the widest cell, two spaces apart; the last
 * column is not padded. `columns` maps each header to how a row shows in it.
 */
export function table<T>(rows: readonly T[], columns: ReadonlyArray<[header: string, cell: (row: T) => string]>): string {
  const cells = [columns.map(([h]) => h), ...rows.map((r) => columns.map(([, cell]) => cell(r)))];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => (line[i] ?? '').length)));
  return (
    cells
      .map((line) =>
        line
          .map((c, i) => (i === line.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

/** `key: value` lines, keys aligned. */
export function fields(pairs: ReadonlyArray<[key: string, value: string]>): string {
  const width = Math.max(...pairs.map(([k]) => k.length)) + 1;
  return pairs.map(([k, v]) => `${`${k}:`.padEnd(width)} ${v}`).join('\n') + '\n';
}

/** Unix seconds as an ISO 8601 UTC time without milliseconds (`2025-01-31T12:00:00Z`). */
export function isoSeconds(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * One record as the command prints it: with `--json` (`asJson`) `value` as one JSON document, else
 * the `pairs` as `key: value` lines (built only then) followed by `note`.
 */
export function record(
  asJson: boolean | undefined,
  value: unknown,
  pairs: () => ReadonlyArray<[key: string, value: string]>,
  note = '',
): string {
  return asJson ? json(value) : fields(pairs()) + note;
}
