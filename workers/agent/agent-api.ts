import { createTRPCClient, httpLink, TRPCClientError, type TRPCClient } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@/server/routers/_app";

/** The server's agent procedures (register, heartbeat, claim, start, runHeartbeat, events, finish), called with a worker token. */
export type AgentApi = TRPCClient<AppRouter>["agent"];
export type ClaimedRun = NonNullable<Awaited<ReturnType<AgentApi["claim"]["mutate"]>>>;
export type LogEvent = { seq: number; type: "log"; payload: { lines: string[] } };

export function createAgentApi(server: string, token: string): AgentApi {
  const client = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${server}/api/trpc`, transformer: superjson, headers: { authorization: `Bearer ${token}` }, fetch: fetchApiAnswer })],
  });
  return client.agent;
}

/**
 * fetch that names an answer from something other than the API (a proxy's 502 page while the server restarts, a
 * crashed handler's text) instead of letting tRPC report a JSON parse error. Such an answer is retried like no answer.
 */
const fetchApiAnswer: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const contentType = response.headers.get("content-type") ?? "";
  if (!contentType.includes("application/json")) {
    await response.body?.cancel();
    throw new Error(`the server answered HTTP ${response.status} (${contentType || "no content type"}), not the MMR API`);
  }
  return response;
};

/** The tRPC error code the server answered with, or undefined when no answer came (network failure, not the API, timeout). */
export function serverErrorCode(error: unknown): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const code = (error.data as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}

// Answers that mean "the server is not well right now", as opposed to "the server refuses this".
const transientCodes = new Set(["INTERNAL_SERVER_ERROR", "TIMEOUT", "TOO_MANY_REQUESTS", "SERVICE_UNAVAILABLE", "BAD_GATEWAY", "GATEWAY_TIMEOUT"]);

/**
 * Whether retrying can help: the server was unreachable, the connection dropped, a proxy answered instead of the API
 * (a restart behind nginx), or the server failed internally. Refusals (unauthorised, not holding the run) are final.
 */
export function isTransientFailure(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const code = serverErrorCode(error);
  return code === undefined || transientCodes.has(code);
}

/** One line for the agent's log: the message, with the innermost cause's socket code or message (fetch says only "fetch failed"). */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  let innermost: unknown = error;
  while (innermost instanceof Error && innermost.cause instanceof Error) innermost = innermost.cause;
  const code = (innermost as { code?: unknown }).code;
  const detail = typeof code === "string" ? code : (innermost as Error).message;
  return detail && detail !== error.message ? `${error.message} (${detail})` : error.message;
}
