import { ApiError } from '../errors/api-error.ts';

/** Admission control for provider verifications (`LATCHKEY_VERIFY_*`, config/limits.ts). */
export interface AdmissionLimits {
  /** Most verifications running at once on this node. */
  maxInFlight: number;
  /** Most verifications waiting for a turn; beyond it a request is refused at once. */
  maxQueued: number;
  /** Longest wait for a turn, ms; then the request is refused. */
  queueWaitMs: number;
}

interface Waiter {
  start: () => void;
  timer: NodeJS.Timeout;
  done: boolean;
}

/**
 * Bounds the provider verifications one node runs at once (issue 16: 1,000 logins against slow
 * servers stalled every other request — thousands of TLS handshakes and socket callbacks in one
 * turn of the event loop — and held ~300 MB). The rest wait in a FIFO queue of bounded length,
 * each for at most `queueWaitMs`; a request that finds the queue full, or whose wait runs out,
 * is answered 503 `verification_busy` with `Retry-After`, having contacted no provider — so the
 * person may simply try again. Memory and loop work are bounded by `maxInFlight`; a waiting
 * request costs only its parsed body.
 */
export class Admission {
  #running = 0;
  #queue: Waiter[] = [];
  #head = 0;

  constructor(readonly limits: AdmissionLimits) {}

  /** Verifications running now, and waiting now (for /metrics and the bench). */
  get stats(): { running: number; queued: number } {
    return { running: this.#running, queued: this.#queue.length - this.#head };
  }

  /**
   * Runs `fn` once a slot is free (at once when one is).
   * @throws ApiError `verification_busy` (503, Retry-After) when the queue is full or the wait
   *   exceeds `queueWaitMs`; otherwise whatever `fn` throws.
   */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#running >= this.limits.maxInFlight) await this.#wait();
    else this.#running++;
    try {
      return await fn();
    } finally {
      this.#release();
    }
  }

  #wait(): Promise<void> {
    if (this.#queue.length - this.#head >= this.limits.maxQueued) return Promise.reject(this.#busy());
    return new Promise<void>((resolve, reject) => {
      const w: Waiter = {
        done: false,
        start: resolve,
        timer: setTimeout(() => {
          w.done = true; // left in the queue; skipped when its turn comes
          reject(this.#busy());
        }, this.limits.queueWaitMs),
      };
      this.#queue.push(w);
    });
  }

  /** Hands the slot to the next live waiter, or frees it. */
  #release(): void {
    while (this.#head < this.#queue.length) {
      const w = this.#queue[this.#head]!;
      this.#queue[this.#head++] = undefined as unknown as Waiter;
      if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
        this.#queue = this.#queue.slice(this.#head);
        this.#head = 0;
      }
      if (w.done) continue;
      w.done = true;
      clearTimeout(w.timer);
      w.start(); // the slot passes on: #running stays the same
      return;
    }
    this.#running--;
  }

  #busy(): ApiError {
    // A turn frees after about one verification; a few seconds is an honest hint.
    return new ApiError('verification_busy', { retryAfter: Math.max(1, Math.ceil(this.limits.queueWaitMs / 3000)) });
  }
}
