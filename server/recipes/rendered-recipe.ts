import type { LaunchSpec } from "@/server/agents/launch-spec";
import type { Placement, Resources } from "./common-schemas";
import { maskSecretEnv } from "./secret-env";

/** What a recipe needs to know about the run besides its config. */
export interface RecipeRun {
  name: string;
  /** The MMR project's slug: verl's project_name, so runs group the same way in its loggers. */
  projectSlug: string;
  /** See run-folder.ts: fixed when the preview is made, so the launch runs exactly what was shown. */
  stamp: string;
  placement: Placement;
}

/** A field of the config (dotted path) and what is wrong with it. */
export interface RecipeIssue {
  path: string;
  message: string;
}

/** Everything that will run, before it runs: shown in the preview, stored with the run, executed by the agent. */
export interface RenderedRecipe {
  files: { path: string; content: string }[];
  command: string;
  env: Record<string, string>;
  /** `env` with secret-looking values masked: the only environment a person is shown. */
  displayEnv: Record<string, string>;
  launch: LaunchSpec;
  requirements: { gpus: number; labels: string[] };
  /** The folder this run writes its outputs to (checkpoints, rollouts, eval results). */
  runFolder: string;
}

/**
 * The launch spec and worker requirements. A local run needs a worker with the GPUs itself; a Slurm or Ray run is
 * submitted by a worker that may have none (a login node), the cluster provides them.
 */
export function assembleRecipe(parts: {
  files: RenderedRecipe["files"];
  command: string;
  env: Record<string, string>;
  collect: (string | null)[];
  placement: Placement;
  resources: Resources;
  runFolder: string;
}): RenderedRecipe {
  const { placement, resources } = parts;
  const launch: LaunchSpec = {
    executor: placement.executor,
    command: parts.command,
    env: parts.env,
    files: parts.files,
    collect: parts.collect.filter((folder): folder is string => folder !== null),
    slurm:
      placement.executor === "slurm"
        ? { nodes: resources.nodes, gpusPerNode: resources.gpusPerNode, partition: placement.slurm?.partition, timeLimit: placement.slurm?.timeLimit }
        : undefined,
    ray: placement.executor === "ray" ? placement.ray : undefined,
  };
  return {
    files: parts.files,
    command: parts.command,
    env: parts.env,
    displayEnv: maskSecretEnv(parts.env),
    launch,
    requirements: { gpus: placement.executor === "local" ? resources.gpusPerNode : 0, labels: resources.labels },
    runFolder: parts.runFolder,
  };
}

/** A multi-node run needs a cluster to spread it: the issue to report when the chosen executor is not one. */
export function multiNodeIssue(resources: Resources, placement: Placement, clusterExecutors: Placement["executor"][]): RecipeIssue[] {
  if (resources.nodes <= 1 || clusterExecutors.includes(placement.executor)) return [];
  return [{ path: "resources.nodes", message: `More than one node runs through ${clusterExecutors.join(" or ")}; choose that executor or one node.` }];
}
