import { z } from "zod";
import { claimRunForWorker, finishRunForWorker, heartbeatRunForWorker, ingestAgentEvents, startRunForWorker } from "@/server/agents/agent-runs";
import { getWorkerForToken, gpuStatusSchema, recordWorkerHeartbeat, registerWorker, registrationSchema } from "@/server/agents/workers";
import { agentProcedure, router } from "@/server/trpc/init";

// The GPU agent's API. Every call but register names the worker it registered, which must belong to its token.
const workerProcedure = agentProcedure
  .input(z.object({ workerId: z.uuid() }))
  .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, machine: await getWorkerForToken(ctx.deps.db, ctx.worker.tokenId, input.workerId) } }));
const runId = z.number().int().positive();
const eventSchema = z.object({
  seq: z.number().int().positive(),
  type: z.enum(["log", "progress", "status", "metric"]),
  payload: z.unknown(),
});

export const agentRouter = router({
  whoami: agentProcedure.query(({ ctx }) => ({ tokenId: ctx.worker.tokenId, projectId: ctx.worker.projectId })),
  register: agentProcedure
    .input(registrationSchema)
    .mutation(async ({ ctx, input }) => ({ workerId: (await registerWorker(ctx.deps.db, ctx.worker, input)).id })),
  heartbeat: workerProcedure
    .input(z.object({ gpuStatus: z.array(gpuStatusSchema).max(64), currentRunId: runId.nullable() }))
    .mutation(({ ctx, input }) => recordWorkerHeartbeat(ctx.deps.db, ctx.machine, input.gpuStatus, input.currentRunId)),
  claim: workerProcedure
    .input(z.object({ waitMs: z.number().int().min(0).max(30_000).default(20_000) }))
    .mutation(({ ctx, input, signal }) => claimRunForWorker(ctx.deps, ctx.machine, { waitMs: input.waitMs, signal })),
  start: workerProcedure.input(z.object({ runId })).mutation(({ ctx, input }) => startRunForWorker(ctx.deps.db, ctx.machine, input.runId)),
  runHeartbeat: workerProcedure
    .input(z.object({ runId, progress: z.number().min(0).max(1).optional() }))
    .mutation(({ ctx, input }) => heartbeatRunForWorker(ctx.deps.db, ctx.machine, input.runId, input.progress)),
  events: workerProcedure
    .input(z.object({ runId, events: z.array(eventSchema).min(1).max(5_000) }))
    .mutation(({ ctx, input }) => ingestAgentEvents(ctx.deps.db, ctx.machine, input.runId, input.events)),
  finish: workerProcedure
    .input(z.object({ runId, exitCode: z.number().int().nullable(), cancelled: z.boolean(), error: z.string().max(10_000).optional() }))
    .mutation(({ ctx, input }) => finishRunForWorker(ctx.deps, ctx.machine, input.runId, input)),
});
