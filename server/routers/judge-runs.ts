import { z } from "zod";
import { agreementCells, agreementOf, pairwiseAgreement } from "@/server/verdicts/agreement";
import { curateCell, getItemDetail, listCellItems } from "@/server/verdicts/agreement-items";
import { graderIdSchema, judgeRunsOf, listGraders } from "@/server/verdicts/graders";
import { cascadeStages, judgeTargetSchema } from "@/server/verdicts/judge-config";
import { summarizeRunVerdicts } from "@/server/verdicts/judge-run-summary";
import { listTemplates, saveTemplateVersion } from "@/server/verdicts/judge-templates";
import { diffRunVerdicts, getJudgeRun, listRunVerdicts } from "@/server/verdicts/run-verdicts";
import { startJudgeRun } from "@/server/verdicts/start-judge";
import { labelVerdict, removeLabel } from "@/server/verdicts/verdict-labels";
import { projectProcedure, router } from "@/server/trpc/init";

const runId = z.number().int().positive();
const graderPair = { target: judgeTargetSchema, a: graderIdSchema, b: graderIdSchema };
const cell = z.enum(agreementCells);

/** Judge jobs and their verdicts; merged into the `verdicts` router beside the agreement figures. */
export const judgeRunsRouter = router({
  startJudge: projectProcedure("member")
    .input(
      z.object({
        target: judgeTargetSchema,
        cascade: z.array(z.enum(cascadeStages)).min(1, "Name at least one stage: rule, math, llm."),
        endpoint: z.string().trim().min(1).optional(),
        templateId: z.uuid().optional(),
        name: z.string().trim().max(200).optional(),
      }),
    )
    .mutation(({ ctx, input }) => startJudgeRun(ctx.deps.db, { projectId: ctx.project.id, ...input, createdBy: ctx.actor.userId })),
  runSummary: projectProcedure("viewer")
    .input(z.object({ runId }))
    .query(async ({ ctx, input }) => {
      await getJudgeRun(ctx.deps.db, ctx.project.id, input.runId);
      return summarizeRunVerdicts(ctx.deps.db, input.runId);
    }),
  runVerdicts: projectProcedure("viewer")
    .input(z.object({ runId, afterId: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }))
    .query(({ ctx, input }) => listRunVerdicts(ctx.deps.db, ctx.project.id, input.runId, input.afterId, input.limit)),
  diffRuns: projectProcedure("viewer")
    .input(z.object({ runA: runId, runB: runId, afterItemId: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }))
    .query(({ ctx, input }) => diffRunVerdicts(ctx.deps.db, ctx.project.id, input.runA, input.runB, input.afterItemId, input.limit)),
  templates: projectProcedure("viewer").query(({ ctx }) => listTemplates(ctx.deps.db, ctx.project.id)),
  saveTemplate: projectProcedure("member")
    .input(
      z.object({
        name: z.string().trim().min(1).max(120),
        systemPrompt: z.string().max(20_000).default(""),
        userPrompt: z.string().min(1).max(50_000),
        asksRationale: z.boolean().default(false),
      }),
    )
    .mutation(({ ctx, input }) => saveTemplateVersion(ctx.deps.db, { projectId: ctx.project.id, ...input, createdBy: ctx.actor.userId })),
  graders: projectProcedure("viewer")
    .input(z.object({ target: judgeTargetSchema }))
    .query(({ ctx, input }) => listGraders(ctx.deps.db, ctx.project.id, input.target)),
  targetRuns: projectProcedure("viewer")
    .input(z.object({ target: judgeTargetSchema }))
    .query(({ ctx, input }) => judgeRunsOf(ctx.deps.db, ctx.project.id, input.target)),
  agreement: projectProcedure("viewer")
    .input(z.object(graderPair))
    .query(({ ctx, input }) => agreementOf(ctx.deps.db, ctx.project.id, input.target, input.a, input.b)),
  pairwise: projectProcedure("viewer")
    .input(z.object({ target: judgeTargetSchema }))
    .query(({ ctx, input }) => pairwiseAgreement(ctx.deps.db, ctx.project.id, input.target)),
  cellItems: projectProcedure("viewer")
    .input(z.object({ ...graderPair, cell, cursor: z.number().int().min(0).nullish(), limit: z.number().int().min(1).max(500).default(50) }))
    // cursor: the last item id of the previous page.
    .query(({ ctx, input }) => listCellItems(ctx.deps.db, ctx.project.id, input.target, input.a, input.b, input.cell, input.cursor ?? 0, input.limit)),
  itemDetail: projectProcedure("viewer")
    .input(z.object({ target: judgeTargetSchema, itemId: z.number().int().positive() }))
    .query(({ ctx, input }) => getItemDetail(ctx.deps.db, ctx.project.id, input.target, input.itemId)),
  labelVerdict: projectProcedure("member")
    .input(z.object({ verdictId: z.number().int().positive(), verdictRight: z.boolean(), reason: z.string().max(2_000).default("") }))
    .mutation(({ ctx, input }) => labelVerdict(ctx.deps.db, { projectId: ctx.project.id, ...input, labelledBy: ctx.actor.userId })),
  removeLabel: projectProcedure("member")
    .input(z.object({ itemKind: z.enum(["sample", "evaluation_sample", "rollout"]), itemId: z.number().int().positive() }))
    .mutation(({ ctx, input }) => removeLabel(ctx.deps.db, ctx.project.id, input.itemKind, input.itemId)),
  curateCell: projectProcedure("member")
    .input(
      z.object({
        ...graderPair,
        cell,
        action: z.discriminatedUnion("kind", [z.object({ kind: z.literal("tag"), tag: z.string().trim().min(1).max(64) }), z.object({ kind: z.literal("exclude") })]),
      }),
    )
    .mutation(({ ctx, input }) => curateCell(ctx.deps.db, ctx.project.id, input.target, input.a, input.b, input.cell, input.action)),
});
