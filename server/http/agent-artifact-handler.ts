import "server-only";
import { z } from "zod";
import { storeCollectedArtifact } from "@/server/agents/artifact-upload";
import { getWorkerForToken } from "@/server/agents/workers";
import type { AppDeps } from "@/server/deps";
import { DomainError } from "@/server/errors";
import { resolveCaller } from "@/server/trpc/context";
import { answerDomainErrors } from "./domain-response";

/**
 * PUT /api/agent/runs/<runId>/artifacts/<relative path>?workerId=<id>: one file a GPU agent collected from the run it
 * holds, streamed to the run's artifact folder. Worker tokens only; `file` is decoded.
 */
export function handleAgentArtifactUpload(deps: AppDeps, request: Request, runIdText: string, file: string[]): Promise<Response> {
  return answerDomainErrors(async () => {
    const caller = await resolveCaller(deps, request.headers);
    if (!caller.worker) throw new DomainError("UNAUTHORIZED", caller.authError ?? "This endpoint needs a worker token (mmr_wkr_…).");
    const workerId = z.uuid().safeParse(new URL(request.url).searchParams.get("workerId"));
    if (!workerId.success) throw new DomainError("BAD_REQUEST", "Name the registered worker: ?workerId=<uuid>.");
    const runId = /^[1-9]\d{0,15}$/.test(runIdText) ? Number(runIdText) : null;
    if (runId === null) throw new DomainError("NOT_FOUND", `No run ${JSON.stringify(runIdText)}.`);
    const machine = await getWorkerForToken(deps.db, caller.worker.tokenId, workerId.data);
    const declared = request.headers.get("content-length");
    const stored = await storeCollectedArtifact(deps, machine, {
      runId,
      segments: file,
      body: request.body,
      declaredBytes: declared === null ? null : Number(declared),
    });
    return Response.json(stored, { status: 201 });
  });
}
