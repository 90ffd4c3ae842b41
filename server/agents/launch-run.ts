import "server-only";
import type { Database } from "@/server/db/client";
import { enqueueRun } from "@/server/runs/queue";
import { launchSpecSchema, requirementsSchema, type LaunchSpec, type trainingRunKinds } from "./launch-spec";

/** Queues a training run for the GPU agents, with what it will execute and what machine it needs. */
export async function launchTrainingRun(
  db: Database,
  input: {
    projectId: string;
    kind: (typeof trainingRunKinds)[number];
    name: string;
    launch: LaunchSpec;
    requirements?: { gpus?: number; labels?: string[] };
    priority?: number;
    recipe?: unknown;
    createdBy: string;
  },
) {
  return enqueueRun(db, {
    projectId: input.projectId,
    kind: input.kind,
    name: input.name,
    queue: "gpu",
    priority: input.priority ?? 0,
    requirements: requirementsSchema.parse(input.requirements ?? {}),
    config: { launch: launchSpecSchema.parse(input.launch), recipe: input.recipe ?? null },
    createdBy: input.createdBy,
  });
}
