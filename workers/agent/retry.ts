/** Exponential backoff for calls to a server that may be restarting: 250 ms, 500 ms, 1 s, … capped (5 s by default). */
export interface BackoffOptions {
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const initial = options.initialDelayMs ?? 250;
  const max = options.maxDelayMs ?? 5_000;
  return Math.min(max, initial * 2 ** Math.min(attempt, 30));
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export interface RetryOptions extends BackoffOptions {
  /** Whether a failure is worth trying again (the server unreachable or restarting); other failures are thrown at once. */
  isRetryable(error: unknown): boolean;
  /** Told before each wait, so the agent can say why it is waiting. */
  onRetry?(error: unknown, attempt: number, delayMs: number): void;
  /** Stops retrying: the pending wait rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Calls `call` until it succeeds or fails in a way that retrying cannot fix. There is no attempt limit: an agent outlives outages. */
export async function retryWithBackoff<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (!options.isRetryable(error)) throw error;
      const delay = backoffDelay(attempt, options);
      options.onRetry?.(error, attempt, delay);
      await sleep(delay, options.signal);
    }
  }
}
