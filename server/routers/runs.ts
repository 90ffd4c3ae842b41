import { z } from "zod";
import { runStates } from "@/db/schema";
import { listRunEvents } from "@/server/runs/events";
import { getRun, getRunForMember, listRuns } from "@/server/runs/listing";
import { requestCancel } from "@/server/runs/queue";
import { launchTrainingRun } from "@/server/agents/launch-run";
import { launchSpecSchema, trainingRunKinds } from "@/server/agents/launch-spec";
import { listCheckpoints, listMetricKeys, readMetricSeriesForKeys } from "@/server/runs/metric-series";
import { listRunArtifacts } from "@/server/runs/run-artifacts";
import { projectProcedure, router } from "@/server/trpc/init";

const runId = z.number().int().positive();

export const runsRouter = router({
  list: projectProcedure("viewer")
    .input(
      z.object({
        limit: z.number().int().min(1).max(200).default(50),
        cursor: runId.nullish(),
        kinds: z.array(z.string()).optional(),
        states: z.array(z.enum(runStates)).optional(),
      }),
    )
    .query(({ ctx, input }) =>
      listRuns(ctx.deps.db, ctx.project.id, { limit: input.limit, beforeId: input.cursor ?? undefined, kinds: input.kinds, states: input.states }),
    ),
  get: projectProcedure("viewer")
    .input(z.object({ runId }))
    .query(({ ctx, input }) => getRunForMember(ctx.deps.db, ctx.project.id, input.runId)),
  events: projectProcedure("viewer")
    .input(z.object({ runId, afterSeq: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(500) }))
    .query(async ({ ctx, input }) => {
      await getRun(ctx.deps.db, ctx.project.id, input.runId);
      return listRunEvents(ctx.deps.db, input.runId, input.afterSeq, input.limit);
    }),
  launch: projectProcedure("member")
    .input(
      z.object({
        kind: z.enum(trainingRunKinds),
        name: z.string().trim().min(1).max(200),
        launch: launchSpecSchema,
        requirements: z.object({ gpus: z.number().int().min(0).max(1024).optional(), labels: z.array(z.string()).optional() }).optional(),
        priority: z.number().int().min(-100).max(100).optional(),
      }),
    )
    .mutation(({ ctx, input }) => launchTrainingRun(ctx.deps, { projectId: ctx.project.id, ...input, createdBy: ctx.actor.userId })),
  metricKeys: projectProcedure("viewer")
    .input(z.object({ runId }))
    .query(async ({ ctx, input }) => {
      await getRun(ctx.deps.db, ctx.project.id, input.runId);
      return listMetricKeys(ctx.deps.db, input.runId);
    }),
  metricSeries: projectProcedure("viewer")
    .input(z.object({ runId, keys: z.array(z.string()).min(1).max(20), maxPoints: z.number().int().min(10).max(5_000).default(1_000) }))
    .query(async ({ ctx, input }) => {
      await getRun(ctx.deps.db, ctx.project.id, input.runId);
      return readMetricSeriesForKeys(ctx.deps.db, input.runId, input.keys, input.maxPoints);
    }),
  checkpoints: projectProcedure("viewer")
    .input(z.object({ runId }))
    .query(async ({ ctx, input }) => {
      await getRun(ctx.deps.db, ctx.project.id, input.runId);
      return listCheckpoints(ctx.deps.db, input.runId);
    }),
  artifacts: projectProcedure("viewer")
    .input(z.object({ runId }))
    .query(({ ctx, input }) => listRunArtifacts(ctx.deps, ctx.project.id, input.runId)),
  cancel: projectProcedure("member")
    .input(z.object({ runId }))
    .mutation(({ ctx, input }) => requestCancel(ctx.deps.db, ctx.project.id, input.runId)),
});
