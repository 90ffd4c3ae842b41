import "server-only";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { AppDeps } from "@/server/deps";
import { appRouter } from "@/server/routers/_app";
import { createContext } from "@/server/trpc/context";
import { readBodyWithinLimit } from "./body-limit";

/** The tRPC HTTP endpoint: body limit, then the router with a context built from the caller's credentials. */
export async function handleTrpcRequest(deps: AppDeps, request: Request): Promise<Response> {
  const limit = deps.env.MMR_MAX_BODY_BYTES;
  const withinLimit = await readBodyWithinLimit(request, limit);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    // An oversized body is dropped unread; the context then refuses the call in tRPC's own error shape.
    req: withinLimit ?? new Request(request.url, { method: request.method, headers: request.headers, body: "{}" }),
    router: appRouter,
    createContext: () => {
      if (!withinLimit) {
        throw new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: `Request body is larger than the ${limit}-byte limit (MMR_MAX_BODY_BYTES).` });
      }
      return createContext(deps, request.headers);
    },
  });
}
