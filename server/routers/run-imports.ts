import { z } from "zod";
import { importTrainingLog } from "@/server/runs/import-log";
import { projectProcedure, router } from "@/server/trpc/init";

/** Runs brought in from outside MMR Studio; merged into the `runs` router, so the procedure is `runs.importLog`. */
export const runImportsRouter = router({
  importLog: projectProcedure("member")
    .input(
      z.object({
        kind: z.enum(["sft", "rl"]),
        name: z.string().trim().min(1, "Name the run.").max(200),
        fileName: z.string().trim().min(1).max(500),
        // The text travels in the request body, so it is bounded by MMR_MAX_BODY_BYTES (1 MiB by default): a larger
        // body is refused with PAYLOAD_TOO_LARGE naming that setting before it reaches this procedure.
        text: z.string().min(1, "The log file is empty."),
      }),
    )
    .mutation(({ ctx, input }) => importTrainingLog(ctx.deps.db, { projectId: ctx.project.id, ...input, createdBy: ctx.actor.userId })),
});
