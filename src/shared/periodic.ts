import type { Logger } from 'pino';

/**
 * A background job run every `everyMs` on an unref'd timer (it never keeps the process alive),
 * where a pass still running is never overlapped by the next tick, and a failed pass is logged
 * (`failure` as the message) rather than thrown. The credential health check and the webhook
 * sender both run this way.
 */
export class Periodic {
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<unknown> | undefined;

  constructor(
    private readonly run: () => Promise<unknown>,
    private readonly log: Logger,
    private readonly failure: string,
  ) {}

  /** Starts ticking every `everyMs` (ms). */
  start(everyMs: number): void {
    this.timer = setInterval(() => {
      if (this.pass) return;
      this.pass = this.run()
        .catch((err: unknown) => this.log.error({ err }, this.failure))
        .finally(() => {
          this.pass = undefined;
        });
    }, everyMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for the pass in progress, if any. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.pass;
  }
}
