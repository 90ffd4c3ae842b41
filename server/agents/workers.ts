import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { workers } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { DomainError } from "@/server/errors";

export const gpuSchema = z.object({ index: z.number().int().min(0), name: z.string().max(200), memoryMb: z.number().min(0) });
export const gpuStatusSchema = z.object({ index: z.number().int().min(0), utilizationPercent: z.number().min(0).max(100), memoryUsedMb: z.number().min(0) });

export const registrationSchema = z.object({
  hostname: z.string().trim().min(1).max(255),
  gpus: z.array(gpuSchema).max(64),
  labels: z.array(z.string().trim().min(1).max(64)).max(32).default([]),
  executors: z.array(z.enum(["local", "slurm", "ray"])).min(1),
});

export type Worker = typeof workers.$inferSelect;

/** A machine's agent (re)registers at start-up; the same token and hostname keep one worker row. */
export async function registerWorker(db: Database, token: { tokenId: string; projectId: string }, machine: z.infer<typeof registrationSchema>) {
  const values = { ...machine, projectId: token.projectId, tokenId: token.tokenId, lastSeenAt: new Date() };
  const [worker] = await db
    .insert(workers)
    .values(values)
    .onConflictDoUpdate({ target: [workers.tokenId, workers.hostname], set: { gpus: values.gpus, labels: values.labels, executors: values.executors, lastSeenAt: values.lastSeenAt } })
    .returning();
  return worker;
}

/** The worker a token's agent registered; another token's worker is not found. */
export async function getWorkerForToken(db: Database, tokenId: string, workerId: string): Promise<Worker> {
  const [worker] = await db.select().from(workers).where(and(eq(workers.id, workerId), eq(workers.tokenId, tokenId)));
  if (!worker) throw new DomainError("NOT_FOUND", `Worker ${workerId} is not registered with this token.`);
  return worker;
}

export async function recordWorkerHeartbeat(db: Database, worker: Worker, status: z.infer<typeof gpuStatusSchema>[], currentRunId: number | null) {
  await db.update(workers).set({ gpuStatus: status, currentRunId, lastSeenAt: new Date() }).where(eq(workers.id, worker.id));
}

export async function listWorkers(db: Database, projectId: string) {
  return db
    .select({
      id: workers.id,
      hostname: workers.hostname,
      gpus: workers.gpus,
      gpuStatus: workers.gpuStatus,
      labels: workers.labels,
      executors: workers.executors,
      currentRunId: workers.currentRunId,
      lastSeenAt: workers.lastSeenAt,
      online: sql<boolean>`${workers.lastSeenAt} > now() - interval '1 minute'`,
    })
    .from(workers)
    .where(eq(workers.projectId, projectId))
    .orderBy(desc(workers.lastSeenAt));
}
