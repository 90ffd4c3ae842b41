/**
 * Holds requests to one endpoint within its settings: at most `concurrency` in flight and at most `requestsPerMinute`
 * started in any sliding minute. Waiters are served in arrival order; an aborted waiter leaves the queue.
 */
export class RequestLimiter {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly startedAt: number[] = [];

  constructor(
    readonly concurrency: number,
    readonly requestsPerMinute: number | null,
    private readonly now: () => number = Date.now,
  ) {}

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.inFlight -= 1;
      this.waiting.shift()?.();
    }
  }

  private async acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.inFlight >= this.concurrency) {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          const index = this.waiting.indexOf(wake);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(signal!.reason);
        };
        const wake = () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        };
        this.waiting.push(wake);
        signal?.addEventListener("abort", onAbort, { once: true });
      });
    }
    this.inFlight += 1;
    await this.waitForRateWindow(signal);
  }

  private async waitForRateWindow(signal?: AbortSignal): Promise<void> {
    if (this.requestsPerMinute === null) return;
    for (;;) {
      const now = this.now();
      while (this.startedAt.length > 0 && now - this.startedAt[0] >= 60_000) this.startedAt.shift();
      if (this.startedAt.length < this.requestsPerMinute) {
        this.startedAt.push(now);
        return;
      }
      await abortableSleep(60_000 - (now - this.startedAt[0]), signal);
    }
  }
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
