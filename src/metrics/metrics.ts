import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Store } from '../store/store.ts';

/** Latency buckets in seconds: 1 ms … 30 s (an authorize waits on a mail server). */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The figures `GET /metrics` serves (Prometheus text exposition format 0.0.4, via prom-client),
 * one registry per server so several servers in one process (tests) do not mix:
 * - `latchkey_http_requests_total{method,route,status}` and
 *   `latchkey_http_request_duration_seconds{method,route}`: per route *pattern* (`/a/:client_id/…`),
 *   never the raw URL, so ids and tokens never become labels; unmatched paths count as `(unmatched)`;
 * - `latchkey_authorize_total{reason}`: authorize outcomes, `ok` or the error catalogue's reason;
 * - `latchkey_provider_login_seconds{protocol,outcome}`: verification time at the provider per
 *   protocol (`oauth` token refresh, `imap`, `smtp`, `ews`; connect, TLS, login, checks), `outcome`
 *   `ok` or the reason;
 * - `latchkey_credentials_released_total{protocol,outcome}`: credentials released to applications
 *   (issue 14), one per member released, or one per refused request (`protocol` as asked, `all`);
 * - `latchkey_db_pool_connections{state}`: PostgreSQL pool (`total`, `idle`, `waiting`);
 * - prom-client's defaults with prefix `latchkey_`: process CPU/memory/fds, heap, GC and
 *   `latchkey_nodejs_eventloop_lag_*` (p50/p90/p99 from `monitorEventLoopDelay`, seconds).
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpRequests = this.counter('http_requests_total', 'HTTP requests answered, by route pattern and status.', [
    'method',
    'route',
    'status',
  ]);
  readonly httpDuration = this.histogram('http_request_duration_seconds', 'Time from request to response, by route pattern.', [
    'method',
    'route',
  ]);
  readonly authorize = this.counter('authorize_total', 'POST /connect/authorize outcomes: ok or the error reason.', ['reason']);
  /** Issue 14: one per member released (or per refused request), `protocol` imap/smtp/ews/api/all, `outcome` ok or the reason. */
  readonly credentialsReleased = this.counter(
    'credentials_released_total',
    'Credentials released to applications, by protocol and outcome (ok or the error reason).',
    ['protocol', 'outcome'],
  );
  readonly providerLogin = this.histogram(
    'provider_login_seconds',
    'Credential verification at the mail provider, by protocol and outcome.',
    ['protocol', 'outcome'],
  );

  /** A counter `latchkey_<name>` in this registry. */
  private counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return new Counter({ name: `latchkey_${name}`, help, labelNames, registers: [this.registry] });
  }

  /** A histogram `latchkey_<name>` (seconds, {@link BUCKETS}) in this registry. */
  private histogram<L extends string>(name: string, help: string, labelNames: readonly L[]): Histogram<L> {
    return new Histogram({ name: `latchkey_${name}`, help, labelNames, buckets: BUCKETS, registers: [this.registry] });
  }

  constructor(store?: Pick<Store, 'poolStats'>) {
    collectDefaultMetrics({ register: this.registry, prefix: 'latchkey_', eventLoopMonitoringPrecision: 10 });
    new Gauge({
      name: 'latchkey_db_pool_connections',
      help: 'PostgreSQL pool connections: total open, idle, and callers waiting for one (absent on SQLite).',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const s = store?.poolStats();
        if (!s) return;
        this.set({ state: 'total' }, s.total);
        this.set({ state: 'idle' }, s.idle);
        this.set({ state: 'waiting' }, s.waiting);
      },
    });
  }

  /** Times `fn` as one provider login of `protocol`; the outcome label is `ok` or the thrown error's `reason`. */
  async timeLogin<T>(protocol: 'oauth' | 'imap' | 'smtp' | 'ews', fn: () => Promise<T>): Promise<T> {
    const end = this.providerLogin.startTimer({ protocol });
    try {
      const r = await fn();
      end({ outcome: 'ok' });
      return r;
    } catch (err) {
      end({ outcome: String((err as { reason?: unknown }).reason ?? 'internal') });
      throw err;
    }
  }
}
