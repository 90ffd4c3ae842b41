import type { Executor, Placement } from "@/server/recipes/common-schemas";
import type { RecipeKind } from "@/server/recipes/recipes";

/** Where a recipe may run: torchrun and lmms-eval start their own processes; verl also runs as a Ray job. */
export const executorsFor: Record<RecipeKind, Executor[]> = { sft: ["local", "slurm"], rl: ["local", "slurm", "ray"], eval: ["local", "slurm"] };

/** The placement as the form edits it: every text field present, empty meaning "not given". */
export interface PlacementDraft {
  executor: Executor;
  partition: string;
  timeLimit: string;
  rayAddress: string;
}

export function placementDraft(placement: Placement): PlacementDraft {
  return {
    executor: placement.executor,
    partition: placement.slurm?.partition ?? "",
    timeLimit: placement.slurm?.timeLimit ?? "",
    rayAddress: placement.ray?.address ?? "",
  };
}

const given = (text: string) => (text.trim() === "" ? undefined : text.trim());

/** The launch input's executor, slurm and ray, carrying only what the chosen executor reads. */
export function placementInput(draft: PlacementDraft) {
  return {
    executor: draft.executor,
    slurm: draft.executor === "slurm" ? { partition: given(draft.partition), timeLimit: given(draft.timeLimit) } : undefined,
    ray: draft.executor === "ray" ? { address: draft.rayAddress.trim() } : undefined,
  };
}
