import { z } from "zod";
import { exportProjectLeaderboard, getLeaderboard } from "@/server/evaluations/leaderboard";
import { exportFormats } from "@/server/evaluations/leaderboard-export";
import { projectProcedure, router } from "@/server/trpc/init";

const choice = z.record(z.uuid(), z.uuid()).optional();

export const leaderboardRouter = router({
  get: projectProcedure("viewer")
    .input(z.object({ chosenEvaluations: choice }))
    .query(({ ctx, input }) => getLeaderboard(ctx.deps.db, ctx.project.id, { chosenEvaluations: input.chosenEvaluations })),
  export: projectProcedure("viewer")
    .input(
      z.object({
        format: z.enum(exportFormats),
        columns: z.array(z.string()).optional(),
        averageOver: z.array(z.string()).optional(),
        baselineModel: z.string().optional(),
        chosenEvaluations: choice,
      }),
    )
    .query(({ ctx, input }) => exportProjectLeaderboard(ctx.deps.db, ctx.project.id, input)),
});
