import { z } from "zod";

/** What an agent executes for a training run: rendered by a recipe, or given whole. The agent only runs it. */
export const launchSpecSchema = z.object({
  executor: z.enum(["local", "slurm", "ray"]).default("local"),
  /** A shell command line, run in the run's working folder. */
  command: z.string().min(1),
  env: z.record(z.string(), z.string()).default({}),
  /** Files written into the working folder before the command starts (configs, scripts). */
  files: z.array(z.object({ path: z.string().min(1), content: z.string() })).default([]),
  /** Folders (relative to the working folder) whose small files are uploaded when the run ends. */
  collect: z.array(z.string()).default([]),
  slurm: z
    .object({ nodes: z.number().int().min(1).default(1), gpusPerNode: z.number().int().min(0).default(0), partition: z.string().optional(), timeLimit: z.string().optional() })
    .optional(),
  ray: z.object({ address: z.url() }).optional(),
});
export type LaunchSpec = z.infer<typeof launchSpecSchema>;

/** Requirements a worker must meet to take a run. */
export const requirementsSchema = z.object({
  gpus: z.number().int().min(0).default(0),
  labels: z.array(z.string()).default([]),
});

export const trainingRunKinds = ["sft", "rl", "eval"] as const;
