import "server-only";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { resolveArtifactFile, runVisibleTo } from "@/server/datasets/export/artifacts";
import type { AppDeps } from "@/server/deps";
import { DomainError } from "@/server/errors";
import { resolveCaller } from "@/server/trpc/context";
import { answerDomainErrors } from "./domain-response";

/**
 * GET /api/artifacts/<runId>/<file path>: a file a run produced (an export's parquet, dataset list or image), as a
 * download, for members of the run's project. An unknown run and someone else's look the same. `file` is decoded.
 */
export function handleArtifactRequest(deps: AppDeps, request: Request, runIdText: string, file: string[]): Promise<Response> {
  return answerDomainErrors(async () => {
    const caller = await resolveCaller(deps, request.headers);
    if (!caller.actor) throw new DomainError("UNAUTHORIZED", caller.authError ?? "Sign in, or pass a personal API token.");
    const runId = /^[1-9]\d{0,15}$/.test(runIdText) ? Number(runIdText) : null;
    if (runId === null || !(await runVisibleTo(deps.db, runId, caller.actor.userId))) throw new DomainError("NOT_FOUND", "No such run in your projects.");
    const absolute = await resolveArtifactFile(deps.env, runId, file);
    const { size } = await stat(absolute);
    const name = path.basename(absolute);
    return new Response(Readable.toWeb(createReadStream(absolute)) as ReadableStream<Uint8Array>, {
      headers: {
        "content-type": "application/octet-stream",
        "content-length": String(size),
        "content-disposition": `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  });
}
