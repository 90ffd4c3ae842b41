import { createTRPCClient, httpLink, type TRPCClient } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@/server/routers/_app";
import type { Connection } from "./config";
import { CliError } from "./errors";

export type MmrClient = TRPCClient<AppRouter>;

/** A typed tRPC client for the server's HTTP API, authenticated with the connection's token. */
export function createMmrClient(connection: Connection): MmrClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${connection.server}/api/trpc`,
        transformer: superjson,
        headers: { authorization: `Bearer ${connection.token}` },
        fetch: fetchNamingServer(connection.server),
      }),
    ],
  });
}

/**
 * fetch that turns transport failures into messages naming the server: tRPC alone would report "fetch failed"
 * or a JSON parse error for an HTML page. tRPC copies the thrown message into the TRPCClientError it raises.
 * The upload requests, which are plain HTTP, use it too.
 */
export function fetchNamingServer(server: string): typeof fetch {
  const reach = fetchReachingServer(server);
  return async (input, init) => {
    const response = await reach(input, init);
    const contentType = response.headers.get("content-type") ?? "";
    if (!contentType.includes("application/json")) {
      throw new CliError(
        `The server at ${server} answered HTTP ${response.status} (${contentType || "no content type"}), not the MMR API: check the server URL.`,
      );
    }
    return response;
  };
}

/** fetch whose transport failures name the server; any answer is returned as it is (downloads are not JSON). */
export function fetchReachingServer(server: string): typeof fetch {
  return async (input, init) => {
    try {
      return await fetch(input, init);
    } catch (error) {
      const reason = networkFailureReason(error);
      if (reason === null) throw error;
      throw new CliError(`Cannot reach the MMR server at ${server} (${reason}). Is it running, and is the URL right?`);
    }
  };
}

/** Node's fetch rejects with TypeError("fetch failed") whose cause holds the socket error (ECONNREFUSED, ENOTFOUND, ...). */
function networkFailureReason(error: unknown): string | null {
  if (!(error instanceof TypeError) || error.message !== "fetch failed") return null;
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  if (typeof cause?.code === "string") return cause.code;
  return typeof cause?.message === "string" ? cause.message : "network error";
}
