import { z } from "zod";

const noControlCharacters = (value: string) => !/[\0\n\r]/.test(value);

/** A path on the GPU machine. Absolute: the run starts in a fresh folder, and the machine mounts data where it likes. */
export const workerPathSchema = z
  .string()
  .trim()
  .min(1, "Give a path on the GPU machine.")
  .refine((value) => value.startsWith("/"), "Must be an absolute path on the GPU machine (starting with /).")
  .refine(noControlCharacters, "Must be a single line.");

/** Where a run writes its outputs: relative to the run's working folder, or absolute (a shared filesystem). */
export const outputRootSchema = z.string().trim().min(1, "Give a folder.").refine(noControlCharacters, "Must be a single line.");

/** A Hugging Face model id or a checkpoint path; lmms-eval's `--model_args` is comma-separated, so no commas or spaces. */
export const modelReferenceSchema = z
  .string()
  .trim()
  .min(1, "Give a model id or a checkpoint path.")
  .regex(/^[^\s,=]+$/, "A model id or path holds no spaces, commas or '='.");

const chooseExport = "Choose an exported dataset version.";
/** An exported dataset version (an `export` run of the project) and the folder where the GPU machine sees its files. */
export const datasetSourceSchema = z.object(
  { exportRunId: z.number({ error: chooseExport }).int().positive(), dataRoot: workerPathSchema },
  { error: chooseExport },
);
export type DatasetSource = z.infer<typeof datasetSourceSchema>;

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/);
/** Extra environment for the run (WANDB_API_KEY, HF_HOME, NCCL settings, ...); it overrides the recipe's own variables. */
export const extraEnvSchema = z
  .record(envName, z.string().refine(noControlCharacters, "Must be a single line."), {
    error: (issue) => (issue.code === "invalid_key" ? "A variable name is letters, digits and _, not starting with a digit." : undefined),
  })
  .default({});

const label = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "A label is letters, digits, '.', '_' or '-'.");
export const resourcesSchema = z.object({
  nodes: z.number().int().min(1).max(256).default(1),
  gpusPerNode: z.number().int().min(1).max(16).default(8),
  /** Labels the worker must carry (h100, nvlink, ...). */
  labels: z.array(label).default([]),
});
export type Resources = z.infer<typeof resourcesSchema>;

/** The recipe's LLM judge: any OpenAI-compatible server (vLLM, SGLang) serving the judge model. */
export const judgeSchema = z.object({
  enabled: z.boolean().default(true),
  baseUrl: z.url({ error: "Give the judge's OpenAI-compatible base URL, e.g. http://judge-host:8000/v1." }).default("http://localhost:8000/v1"),
  model: z.string().trim().min(1, "Give the judge's served model name.").default("judge"),
  // vLLM and SGLang started without --api-key accept any key; the OpenAI client still needs one, hence the recipe's "EMPTY".
  apiKey: z.string().refine(noControlCharacters, "Must be a single line.").default("EMPTY"),
});
export type JudgeConfig = z.infer<typeof judgeSchema>;

/** The variables the recipe's reward and lmms-eval tasks read to reach the judge. */
export function judgeEnv(judge: JudgeConfig): Record<string, string> {
  if (!judge.enabled) return { USE_LLM_JUDGE: "False" };
  return { OPENAI_BASE_URL: judge.baseUrl, OPENAI_MODEL_NAME: judge.model, OPENAI_API_KEY: judge.apiKey, USE_LLM_JUDGE: "True" };
}

export const executors = ["local", "slurm", "ray"] as const;
export type Executor = (typeof executors)[number];

const slurmTime = /^(\d+-)?\d+(:\d{1,2}){0,2}$/;
/** Where the run executes; the resources (nodes, GPUs) are part of the recipe's config since they shape its command. */
export const placementSchema = z
  .object({
    executor: z.enum(executors).default("local"),
    slurm: z
      .object({
        partition: z.string().trim().min(1).optional(),
        timeLimit: z.string().trim().regex(slurmTime, "A Slurm time limit such as 90, 12:00:00 or 2-00:00:00.").optional(),
      })
      .optional(),
    ray: z.object({ address: z.url({ error: "Give the Ray dashboard address, e.g. http://head:8265." }) }).optional(),
  })
  .superRefine((placement, context) => {
    if (placement.executor === "ray" && !placement.ray) {
      context.addIssue({ code: "custom", path: ["ray", "address"], message: "The ray executor needs the Ray cluster's dashboard address." });
    }
  });
export type Placement = z.infer<typeof placementSchema>;
