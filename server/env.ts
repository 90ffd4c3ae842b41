import "server-only";
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

// Every setting the server reads, typed once. README's configuration table mirrors this.
const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  MMR_DATA_DIR: z.string().default("./.data"),
  MMR_BASE_URL: z.string().url().default("http://localhost:3000"),
  MMR_AUTH_SECRET: z.string().min(32).optional(),
  MMR_IN_PROCESS_RUNNER: booleanFlag.default(true),
  MMR_SEED_DEMO: booleanFlag.default(true),
  MMR_MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
  MMR_MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(1_073_741_824),
  // Largest row, and text field of a sample, an import stores; a larger one is a skipped row (memory stays bounded by the row limit).
  MMR_MAX_IMPORT_ROW_BYTES: z.coerce.number().int().positive().default(8_388_608),
  MMR_MAX_IMPORT_FIELD_BYTES: z.coerce.number().int().positive().default(8_388_608),
  // Files a GPU agent collects from a run's folders: small artifacts (results, logs, rollout dumps), not checkpoints.
  MMR_MAX_ARTIFACT_FILE_BYTES: z.coerce.number().int().positive().default(67_108_864),
  MMR_MAX_RUN_ARTIFACT_BYTES: z.coerce.number().int().positive().default(536_870_912),
  // Folders an admin allows server-path imports from, separated by ":" (none: server-path imports are refused).
  MMR_IMPORT_ROOTS: z
    .string()
    .default("")
    .transform((v) => v.split(":").filter(Boolean)),
  MMR_BLOB_DIR: z.string().optional(),
  MMR_INIT_ADMIN_EMAIL: z.string().email().optional(),
  MMR_INIT_ADMIN_PASSWORD: z.string().min(8).optional(),
  MMR_INIT_PROJECT: z.string().min(1).optional(),
  MMR_INIT_API_TOKEN: z
    .string()
    .regex(/^mmr_pat_[A-Za-z0-9_-]{20,128}$/, "must look like mmr_pat_ followed by at least 20 of A-Z a-z 0-9 _ -")
    .optional(),
});

export type ServerEnv = z.infer<typeof envSchema>;

/** The environment names a variable wrongly: each problem reads "VARIABLE: what is wrong". */
export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment configuration: ${problems.join("; ")}`);
  }
}

export function readServerEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const blanksRemoved = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(blanksRemoved);
  if (!parsed.success) throw new InvalidEnvironmentError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  return parsed.data;
}

/**
 * For the entry points (the web server, the pipeline worker): a process with an invalid environment would start and
 * answer 500 to everything, so it says which variable is wrong and exits non-zero instead.
 */
export function exitUnlessEnvironmentValid(processName: string): void {
  try {
    readServerEnv();
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    console.error(`${processName} refuses to start: the environment is invalid.`);
    for (const problem of error.problems) console.error(`  ${problem}`);
    process.exit(1);
  }
}
