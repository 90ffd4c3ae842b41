import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { launchSpecSchema } from "@/server/agents/launch-spec";
import { SlurmExecutor, slurmControllerAnswers } from "./slurm-executor";

const originalPath = process.env.PATH;
let folder = "";
afterEach(() => {
  process.env.PATH = originalPath;
  rmSync(folder, { recursive: true, force: true });
});

it("refuses a run on a machine without the Slurm commands, naming them, and does not offer Slurm there", async () => {
  folder = mkdtempSync(path.join(tmpdir(), "mmr-no-slurm-"));
  process.env.PATH = folder;
  const spec = launchSpecSchema.parse({ executor: "slurm", command: "true" });
  await expect(new SlurmExecutor().start(spec, folder)).rejects.toThrow("the run asks for Slurm, but sbatch, scontrol, sacct, scancel are not on this machine's PATH");
  expect(await slurmControllerAnswers()).toBe(false);
});
