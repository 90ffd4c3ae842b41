import "server-only";
import { eq, sql } from "drizzle-orm";
import { runs } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { createProject } from "@/server/projects/projects";
import { enqueueRun } from "@/server/runs/queue";

/**
 * On the first start of an instance, creates the Demo project and queues the seed-demo job that fills it.
 * Runs once per instance, even when several web processes start together.
 */
export async function queueDemoWorkspaceOnce(db: Database, ownerId: string | null) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7345002)`);
    const [seeded] = await tx.select({ id: runs.id }).from(runs).where(eq(runs.kind, "seed-demo")).limit(1);
    if (seeded) return null;
    const project = await createProject(tx, {
      name: "Demo",
      description: "Being prepared by the seed-demo job…",
      ownerId,
    });
    return enqueueRun(tx, { projectId: project.id, kind: "seed-demo", name: "Seed the demo workspace" });
  });
}
