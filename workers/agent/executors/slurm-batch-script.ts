import type { LaunchSpec } from "@/server/agents/launch-spec";

/** Where, inside the run's work folder, the batch script and the job's output (stdout and stderr) go. */
export const batchScriptName = "mmr-slurm-job.sh";
export const jobOutputName = "mmr-slurm-output.log";

const shellQuote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/** A `#SBATCH` value cannot span lines or hold spaces: one would end the directive, the other make it a different one. */
function directiveValue(field: string, value: string): string {
  if (!/^[^\s]+$/.test(value)) throw new Error(`the Slurm ${field} "${value}" holds spaces or line breaks`);
  return value;
}

/**
 * The sbatch script for a launch spec: the job's shape as `#SBATCH` lines (kept in the work folder, so a user can read
 * and resubmit exactly what ran), the spec's env exported, then the command, run from the work folder.
 */
export function slurmBatchScript(spec: LaunchSpec, workDir: string, jobName: string): string {
  const slurm = spec.slurm ?? { nodes: 1, gpusPerNode: 0 };
  const directives = [
    `--job-name=${directiveValue("job name", jobName)}`,
    `--chdir=${directiveValue("work folder", workDir)}`,
    // Without --error, stderr goes to the same file, interleaved as printed: the agent tails this one file.
    `--output=${directiveValue("work folder", workDir)}/${jobOutputName}`,
    `--nodes=${slurm.nodes}`,
    // Only when asked: --gres=gpu is refused at submit on a cluster (or partition) without GPUs, even as gpu:0.
    ...(slurm.gpusPerNode > 0 ? [`--gres=gpu:${slurm.gpusPerNode}`] : []),
    ...(slurm.partition ? [`--partition=${directiveValue("partition", slurm.partition)}`] : []),
    ...(slurm.timeLimit ? [`--time=${directiveValue("time limit", slurm.timeLimit)}`] : []),
  ];
  const exports = Object.entries(spec.env).map(([name, value]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`"${name}" is not a valid environment variable name`);
    return `export ${name}=${shellQuote(value)}`;
  });
  return ["#!/bin/bash", ...directives.map((d) => `#SBATCH ${d}`), ...exports, spec.command, ""].join("\n");
}
