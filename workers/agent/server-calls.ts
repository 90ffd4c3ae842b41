import { describeFailure, isTransientFailure } from "./agent-api";
import { retryWithBackoff } from "./retry";

export type Log = (message: string) => void;

export interface CallOptions {
  /** Gives up (rejecting with the signal's reason) when this aborts: the agent stopping, a run's reporting being over. */
  signal?: AbortSignal;
  /** One attempt's time limit: a server that accepted the connection but never answers must not hang the agent. */
  timeoutMs?: number;
}

/** Calls the server until it answers, however long it is away; `request` gets the signal to pass to its fetch. */
export type ServerCall = <T>(what: string, request: (signal: AbortSignal) => Promise<T>, options?: CallOptions) => Promise<T>;

/**
 * Every call the agent makes retries with backoff (capped at 5 s) while the server is unreachable or failing, so a
 * server restart costs a pause, not a run. A refusal (bad token, a run no longer held) is thrown to the caller.
 */
export function createServerCall(log: Log, backoff: { initialDelayMs?: number; maxDelayMs?: number } = {}): ServerCall {
  return async (what, request, options = {}) => {
    let failures = 0;
    const result = await retryWithBackoff(
      () => {
        const attempt = AbortSignal.timeout(options.timeoutMs ?? 30_000);
        return request(options.signal ? AbortSignal.any([attempt, options.signal]) : attempt);
      },
      {
        ...backoff,
        signal: options.signal,
        isRetryable: isTransientFailure,
        onRetry: (error, attempt, delayMs) => {
          failures = attempt + 1;
          log(`${what}: ${describeFailure(error)}; retrying in ${(delayMs / 1000).toFixed(1)} s`);
        },
      },
    );
    if (failures > 0) log(`${what}: the server answered again after ${failures} failed attempt${failures === 1 ? "" : "s"}`);
    return result;
  };
}
