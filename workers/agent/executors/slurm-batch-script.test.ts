import { describe, expect, it } from "vitest";
import { launchSpecSchema } from "@/server/agents/launch-spec";
import { slurmBatchScript } from "./slurm-batch-script";

const spec = (fields: Record<string, unknown>) => launchSpecSchema.parse({ executor: "slurm", command: "torchrun train.py", ...fields });

describe("the sbatch script", () => {
  it("asks for the nodes, GPUs, partition and time limit, exports the env quoted, then runs the command", () => {
    const script = slurmBatchScript(
      spec({ env: { WANDB_MODE: "offline", NOTE: "it's $HOME" }, slurm: { nodes: 2, gpusPerNode: 8, partition: "h100", timeLimit: "2-00:00:00" } }),
      "/runs/run-7-abc",
      "mmr-run-7-abc",
    );
    expect(script).toBe(
      [
        "#!/bin/bash",
        "#SBATCH --job-name=mmr-run-7-abc",
        "#SBATCH --chdir=/runs/run-7-abc",
        "#SBATCH --output=/runs/run-7-abc/mmr-slurm-output.log",
        "#SBATCH --nodes=2",
        "#SBATCH --gres=gpu:8",
        "#SBATCH --partition=h100",
        "#SBATCH --time=2-00:00:00",
        "export WANDB_MODE='offline'",
        `export NOTE='it'\\''s $HOME'`,
        "torchrun train.py",
        "",
      ].join("\n"),
    );
  });

  it("leaves out --gres without GPUs (Slurm refuses gpu:0 where there are none), and partition and time limit when unset", () => {
    const script = slurmBatchScript(spec({}), "/w", "j");
    expect(script).toContain("#SBATCH --nodes=1\n");
    expect(script).not.toMatch(/--gres|--partition|--time/);
  });

  it("refuses values that would break out of their #SBATCH line, and env names that are not names", () => {
    expect(() => slurmBatchScript(spec({ slurm: { partition: "a\n#SBATCH --nodes=99" } }), "/w", "j")).toThrow(/the Slurm partition "[^"]*" holds spaces or line breaks/);
    expect(() => slurmBatchScript(spec({ env: { "A B": "1" } }), "/w", "j")).toThrow(/not a valid environment variable name/);
  });
});
