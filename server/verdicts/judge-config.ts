import { z } from "zod";

/** The stages of the recipe's cascade, in the order they may run: rule / choice match, math equivalence, LLM judge. */
export const cascadeStages = ["rule", "math", "llm"] as const;
export type CascadeStage = (typeof cascadeStages)[number];

/** What a judge job grades. Items of one target are comparable across jobs: verdicts join on the item's id. */
export const judgeTargetSchema = z.discriminatedUnion("kind", [
  // A dataset's samples: gold = the answer field, prediction = the trace. Without a version: the included samples now.
  z.object({ kind: z.literal("dataset"), datasetId: z.uuid(), versionId: z.uuid().optional() }),
  // An lmms-eval import's per-sample results: gold = target, prediction = filtered_resps.
  z.object({ kind: z.literal("evaluation"), evaluationId: z.uuid(), task: z.string().min(1).optional() }),
]);
export type JudgeTarget = z.infer<typeof judgeTargetSchema>;

/** The config of a `judge` run, validated by the job handler before it starts. */
export const judgeJobConfigSchema = z
  .object({
    target: judgeTargetSchema,
    cascade: z
      .array(z.enum(cascadeStages))
      .min(1, "Name at least one stage.")
      .refine((stages) => new Set(stages).size === stages.length, "A stage appears twice."),
    endpointId: z.uuid().optional(),
    templateId: z.uuid().optional(),
  })
  .refine((config) => !config.cascade.includes("llm") || config.endpointId, { message: "The llm stage needs an endpoint.", path: ["endpointId"] });
export type JudgeJobConfig = z.infer<typeof judgeJobConfigSchema>;
