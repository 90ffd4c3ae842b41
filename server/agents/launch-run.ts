import "server-only";
import type { AppDeps } from "@/server/deps";
import { enqueueRun } from "@/server/runs/queue";
import { launchSpecSchema, requirementsSchema, type LaunchSpec, type trainingRunKinds } from "./launch-spec";

/** Queues a training run for the GPU agents, with what it will execute and what machine it needs; credentials sealed. */
export async function launchTrainingRun(
  { db, secrets }: Pick<AppDeps, "db" | "secrets">,
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
    config: secrets.seal({ launch: launchSpecSchema.parse(input.launch), recipe: input.recipe ?? null }) as Record<string, unknown>,
    createdBy: input.createdBy,
  });
}
