import type { z } from "zod";
import type { AppDeps } from "@/server/deps";
import type { Run } from "./queue";

/** What a job may use: the database, the blob store, the configuration and the sealer of stored credentials. */
export type JobDeps = Pick<AppDeps, "db" | "blobs" | "env" | "secrets">;

export interface JobContext {
  deps: JobDeps;
  run: Run;
  /** Aborted when the run is cancelled or the runner loses its lease; handlers pass it on and stop promptly. */
  signal: AbortSignal;
  reportProgress(fraction: number, message?: string): void;
  log(line: string): Promise<void>;
}

/** One CPU job kind: its config is validated by `configSchema` before `execute` sees it. */
export interface JobHandler<Schema extends z.ZodType = z.ZodType> {
  kind: string;
  configSchema: Schema;
  execute(config: z.infer<Schema>, context: JobContext): Promise<unknown>;
}

export function defineJobHandler<Schema extends z.ZodType>(handler: JobHandler<Schema>): JobHandler<Schema> {
  return handler;
}
