/** Latency percentiles (ms) of a sample: nearest-rank p50, p90, p99. */
export function percentiles(xs: number[]): { p50: number; p90: number; p99: number } {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { p50: q(0.5), p90: q(0.9), p99: q(0.99) };
}

/**
 * Runs `subject` and `baseline` `rounds` times, one after the other (interleaved, so a change in
 * the machine's load touches both alike), after one warm-up each, and prints their latency (ms)
 * and the p50 ratio subject / baseline.
 */
export async function compareInterleaved(rounds: number, subject: { label: string; run: () => Promise<void> }, baseline: { label: string; run: () => Promise<void> }): Promise<void> {
  const a: number[] = [];
  const b: number[] = [];
  await subject.run();
  await baseline.run();
  for (let i = 0; i < rounds; i++) {
    let t = performance.now();
    await subject.run();
    a.push(performance.now() - t);
    t = performance.now();
    await baseline.run();
    b.push(performance.now() - t);
  }
  const la = percentiles(a);
  const lb = percentiles(b);
  const width = Math.max(subject.label.length, baseline.label.length) + 2;
  const line = (label: string, l: typeof la) => `${label.padEnd(width)}p50 ${l.p50.toFixed(1)} ms  p90 ${l.p90.toFixed(1)} ms  p99 ${l.p99.toFixed(1)} ms`;
  console.log(`rounds: ${rounds} (sequential, interleaved)`);
  console.log(line(subject.label, la));
  console.log(line(baseline.label, lb));
  console.log(`ratio Latchkey / direct (p50): ${(la.p50 / lb.p50).toFixed(2)}`);
}
