import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleApiRequest } from "@/server/http/api-router";
import { runFolder, startAgentChild, type AgentChild } from "./support/agent-child";
import { startHttpServer, type RunningHttpServer } from "./support/http-server";
import { startSingleNodeSlurm, type SingleNodeSlurm } from "./support/slurm/single-node-slurm";
import { readRunLogLines } from "./support/run-log-lines";
import { createTestApp, type TestApp } from "./support/test-app";

// Like verl under Ray: a coloured `(TaskRunner pid=…)` prefix, np.float64(…) values, a checkpoint folder. It runs as a
// Slurm batch job, from the run's work folder.
const verlTrainingScript = String.raw`
prefix=$'\e[36m'"(TaskRunner pid=$$)"$'\e[0m'
say() { echo "$prefix $*"; sleep 0.1; }
say "step:0 - val-core/openai/gsm8k/reward/mean@1:np.float64(0.412)"
for step in 1 2 3; do say "step:$step - actor/pg_loss:np.float64(0.0"$step"3) - critic/score/mean:0."$step"5"; done
mkdir -p checkpoints/global_step_3/actor && echo 3 > checkpoints/latest_checkpointed_iteration.txt
say "local_global_step_folder: $PWD/checkpoints/global_step_3"
say "done in slurm job $SLURM_JOB_ID"
`;
const failingScript = String.raw`
echo "step:1 - actor/pg_loss:0.5"
echo "RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB" >&2
exit 3
`;
const endlessScript = String.raw`
echo "slurm job $SLURM_JOB_ID"
step=0
while true; do step=$((step + 1)); echo "step:$step - actor/entropy:0.$step"; sleep 0.2; done
`;

describe("the GPU agent with the slurm executor, against a real single-node Slurm", () => {
  let slurm: SingleNodeSlurm;
  let app: TestApp;
  let server: RunningHttpServer;
  let ada: Awaited<ReturnType<TestApp["callerFor"]>>;
  let agent: AgentChild;
  let workDir: string;
  const project = "cluster";

  const launch = (name: string, script: string) =>
    ada.runs.launch({
      project,
      kind: "rl",
      name,
      launch: { executor: "slurm", command: "bash run.sh", env: { RUN_NAME: name }, files: [{ path: "run.sh", content: script }], collect: [], slurm: { nodes: 1, gpusPerNode: 0, timeLimit: "10:00" } },
      requirements: { labels: ["login-node"], gpus: 0 },
    });
  const getRun = (runId: number) => ada.runs.get({ project, runId });
  const ended = async (runId: number) => {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      const run = await getRun(runId);
      if (run.finishedAt) return run;
    }
    throw new Error(`run ${runId} did not end in 30 s; agent output:\n${agent.output()}`);
  };
  const loggedLines = (runId: number) => readRunLogLines(ada, project, runId);
  const slurmCommand = (command: string, args: string[]) => execFileSync(command, args, { env: { ...process.env, SLURM_CONF: slurm.conf }, encoding: "utf8" });

  beforeAll(async () => {
    app = await createTestApp({ MMR_MAX_BODY_BYTES: "1048576" });
    server = await startHttpServer((request) => handleApiRequest(app.deps, request));
    workDir = mkdtempSync(path.join(tmpdir(), "mmr-agent-slurm-"));
    ada = await app.callerFor(await app.signUp("ada@example.com"));
    await ada.projects.create({ name: "Cluster" });
    const { token } = await ada.tokens.createWorker({ project, name: "login" });
    // Late in the setup, to hold the machine's one Slurm briefly: the other database project's run of this file waits.
    slurm = await startSingleNodeSlurm(120_000);
    // The agent finds the cluster as on a login node: through SLURM_CONF in its environment.
    process.env.SLURM_CONF = slurm.conf;
    agent = startAgentChild({ server: server.url, token, labels: ["login-node"], workDir, gracePeriodSeconds: 1 });
    delete process.env.SLURM_CONF;
    await agent.registered;
    // The controller answered the agent, so it offers Slurm besides what it always runs: the server sends it Slurm runs.
    expect(agent.output()).toMatch(/registered .*; executors: local, ray, slurm\)/);
  }, 180_000);

  afterAll(async () => {
    // SIGTERM ends the agent's waiting claim at once; after SIGKILL the server would hold that claim open for its full wait.
    if (agent && agent.child.exitCode === null) {
      agent.child.kill("SIGTERM");
      await agent.exited;
    }
    await server?.close();
    await app?.close();
    await slurm?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("runs a verl-style job to success: its log, metrics per step and checkpoint land, from the job's output file", async () => {
    const run = await ended((await launch("gspo", verlTrainingScript)).id);
    expect(run).toMatchObject({ state: "succeeded", exitCode: 0 });

    const printed = (await loggedLines(run.id)).map((line) => line.replace(/^.*\(TaskRunner pid=\d+\)\u001b\[0m /, ""));
    expect(printed).toEqual([
      "step:0 - val-core/openai/gsm8k/reward/mean@1:np.float64(0.412)",
      "step:1 - actor/pg_loss:np.float64(0.013) - critic/score/mean:0.15",
      "step:2 - actor/pg_loss:np.float64(0.023) - critic/score/mean:0.25",
      "step:3 - actor/pg_loss:np.float64(0.033) - critic/score/mean:0.35",
      expect.stringMatching(/^local_global_step_folder: .*\/checkpoints\/global_step_3$/),
      expect.stringMatching(/^done in slurm job \d+$/),
    ]);
    const [loss] = await ada.runs.metricSeries({ project, runId: run.id, keys: ["actor/pg_loss"] });
    expect(loss.points.map((p) => [p.step, p.value])).toEqual([
      [1, 0.013],
      [2, 0.023],
      [3, 0.033],
    ]);
    const folder = runFolder(workDir, run.id);
    expect(await ada.runs.checkpoints({ project, runId: run.id })).toEqual([expect.objectContaining({ step: 3, path: path.join(folder, "checkpoints/global_step_3") })]);

    // The batch script stays in the work folder: the job's shape, the spec's env, the command.
    const script = readFileSync(path.join(folder, "mmr-slurm-job.sh"), "utf8");
    expect(script).toContain("#SBATCH --nodes=1\n");
    expect(script).toContain("#SBATCH --time=10:00\n");
    expect(script).not.toContain("--gres");
    expect(script).toContain("export RUN_NAME='gspo'\nbash run.sh\n");
    const jobId = /slurm job (\d+)/.exec(printed.at(-1)!)![1];
    expect(slurmCommand("scontrol", ["show", "job", "-o", jobId])).toMatch(/JobState=COMPLETED .*ExitCode=0:0/);
  });

  it("reports a failing job's exit code and ends the run failed", async () => {
    const run = await ended((await launch("oom", failingScript)).id);
    expect(run).toMatchObject({ state: "failed", exitCode: 3, error: "The command exited with code 3." });
    expect(await loggedLines(run.id)).toEqual(["step:1 - actor/pg_loss:0.5", "RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB"]);
  });

  it("cancels a job midway with scancel: the run ends cancelled and the Slurm job is gone", async () => {
    const launched = await launch("endless", endlessScript);
    let lines: string[] = [];
    for (const deadline = Date.now() + 20_000; lines.length < 3 && Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      lines = await loggedLines(launched.id);
    }
    const jobId = /^slurm job (\d+)$/.exec(lines[0])![1];
    expect(slurmCommand("squeue", ["-h", "-j", jobId, "-o", "%T"]).trim()).toBe("RUNNING");

    await ada.runs.cancel({ project, runId: launched.id });
    const run = await ended(launched.id);
    // Slurm's SIGTERM ended the script: 128 + 15.
    expect(run).toMatchObject({ state: "cancelled", exitCode: 143 });
    expect(slurmCommand("squeue", ["-h", "-j", jobId, "-t", "PD,R,CG,S", "-o", "%T"])).toBe("");
    expect(slurmCommand("scontrol", ["show", "job", "-o", jobId])).toMatch(/JobState=CANCELLED /);
  });
});
