import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleApiRequest } from "@/server/http/api-router";
import { groupEnds, runFolder, startAgentChild, type AgentChild } from "./support/agent-child";
import { startFakeRayJobs, type FakeRayJob, type FakeRayJobsServer } from "./support/fake-ray-jobs";
import { startHttpServer, type RunningHttpServer } from "./support/http-server";
import { readRunLogLines } from "./support/run-log-lines";
import { createTestApp, type TestApp } from "./support/test-app";

// What the Ray jobs run: verl's console under Ray (a `(TaskRunner pid=…)` prefix in ANSI colours, np.float64 values, a
// validation step:0, a tqdm redraw on stderr, a line printed in two halves, a checkpoint folder), a crash, and a loop that only a stop ends.
// (Bash variables go without braces: these are template literals.)
const verlTrainingScript = String.raw`
prefix=$'\e[36m'"(TaskRunner pid=$$)"$'\e[0m'
say() { echo "$prefix $*"; sleep 0.1; }
say "step:0 - val-core/openai/gsm8k/reward/mean@1:np.float64(0.412)"
for step in 1 2; do
  printf 'Training Progress:   0%%|          | 0/2\rTraining Progress:  %d%%|█████     | %d/2\n' $((step * 50)) $step >&2
  say "step:$step - actor/pg_loss:np.float64(0.0"$step"3) - critic/score/mean:0."$step"5"
done
# Half a line, then a pause longer than the agent's poll: one read of the log ends mid-line.
printf '%s step:3 - actor/pg_loss:np.float64(0.0' "$prefix"; sleep 1.5; echo '33) - critic/score/mean:0.35'
mkdir -p checkpoints/global_step_2/actor
say "local_global_step_folder: $PWD/checkpoints/global_step_2"
say "judge: $JUDGE_MODEL"
`;
const failingScript = String.raw`
echo "step:1 - actor/pg_loss:0.5"
echo "RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB" >&2
exit 3
`;
const endlessScript = String.raw`
trap 'echo "got SIGTERM, stopping"; exit 143' TERM
step=0
while true; do step=$((step + 1)); echo "step:$step - actor/entropy:0.$step"; sleep 0.2; done
`;

describe("the GPU agent submitting runs to a Ray cluster's Jobs API", () => {
  let app: TestApp;
  let server: RunningHttpServer;
  let ray: FakeRayJobsServer;
  let ada: Awaited<ReturnType<TestApp["callerFor"]>>;
  let agent: AgentChild;
  let workDir: string;
  const project = "ray";

  const launch = (name: string, script: string, env: Record<string, string> = {}) =>
    ada.runs.launch({
      project,
      kind: "rl",
      name,
      launch: { executor: "ray", ray: { address: ray.url }, command: "bash run.sh", env, files: [{ path: "run.sh", content: script }], collect: [] },
      requirements: { labels: ["ray"], gpus: 0 },
    });
  const getRun = (runId: number) => ada.runs.get({ project, runId });
  /** The Ray job a run was submitted as: its submission id is derived from the run's work folder. */
  const rayJobOf = (runId: number): FakeRayJob | undefined => [...ray.jobs.values()].find((job) => job.submissionId.startsWith(`mmr-run-${runId}-`));

  async function ended(runId: number) {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      const run = await getRun(runId);
      if (run.finishedAt !== null) return run;
    }
    throw new Error(`run ${runId} did not end in 30 s\nagent output:\n${agent.output()}`);
  }

  const loggedLines = (runId: number) => readRunLogLines(ada, project, runId);

  beforeAll(async () => {
    app = await createTestApp({ MMR_MAX_BODY_BYTES: "1048576" });
    server = await startHttpServer((request) => handleApiRequest(app.deps, request));
    ray = await startFakeRayJobs();
    workDir = mkdtempSync(path.join(tmpdir(), "mmr-agent-ray-"));
    ada = await app.callerFor(await app.signUp("ada@example.com"));
    await ada.projects.create({ name: "Ray" });
    const { token } = await ada.tokens.createWorker({ project, name: "ray submitter" });
    agent = startAgentChild({ server: server.url, token, labels: ["ray"], workDir, gracePeriodSeconds: 1 });
    await agent.registered;
  });

  afterAll(async () => {
    if (agent && agent.child.exitCode === null) agent.child.kill("SIGKILL");
    await ray?.close();
    await server?.close();
    await app?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("submits a verl run as a Ray job and follows it to success: its log line by line, metrics per step, checkpoint", async () => {
    const launched = await launch("gspo on ray", verlTrainingScript, { JUDGE_MODEL: "qwen-judge" });
    const run = await ended(launched.id);
    expect(run).toMatchObject({ state: "succeeded", exitCode: 0, workerId: await agent.registered });

    const job = rayJobOf(run.id)!;
    const folder = runFolder(workDir, run.id);
    expect(job).toMatchObject({ status: "SUCCEEDED", envVars: { JUDGE_MODEL: "qwen-judge" } });
    expect(job.entrypoint).toBe(`cd '${folder}' || exit 1; bash run.sh`);

    const lines = await loggedLines(run.id);
    expect(lines[0]).toBe(`[mmr agent] submitted Ray job ${job.submissionId} to ${ray.url}`);
    // Each line once, whole, in order, although the log was read whole at every poll and one read ended mid-line.
    const printed = lines.filter((line) => line.includes("(TaskRunner pid="));
    expect(printed.map((line) => line.replace(/^\u001b\[36m\(TaskRunner pid=\d+\)\u001b\[0m /, ""))).toEqual([
      "step:0 - val-core/openai/gsm8k/reward/mean@1:np.float64(0.412)",
      "step:1 - actor/pg_loss:np.float64(0.013) - critic/score/mean:0.15",
      "step:2 - actor/pg_loss:np.float64(0.023) - critic/score/mean:0.25",
      "step:3 - actor/pg_loss:np.float64(0.033) - critic/score/mean:0.35",
      `local_global_step_folder: ${folder}/checkpoints/global_step_2`,
      "judge: qwen-judge",
    ]);
    expect(lines).toContain("Training Progress:   0%|          | 0/2\rTraining Progress:  100%|█████     | 2/2");
    expect(lines.join("\n") + "\n").toContain(job.logs);

    const series = await ada.runs.metricSeries({ project, runId: run.id, keys: ["actor/pg_loss", "val-core/openai/gsm8k/reward/mean@1"] });
    expect(series.map((s) => s.points.map((p) => [p.step, p.value]))).toEqual([
      [
        [1, 0.013],
        [2, 0.023],
        [3, 0.033],
      ],
      [[0, 0.412]],
    ]);
    expect(await ada.runs.checkpoints({ project, runId: run.id })).toEqual([
      expect.objectContaining({ step: 2, path: path.join(folder, "checkpoints/global_step_2") }),
    ]);
  });

  it("ends the run failed with the exit code Ray reports for a failed job", async () => {
    const launched = await launch("oom on ray", failingScript);
    const run = await ended(launched.id);
    expect(run).toMatchObject({ state: "failed", exitCode: 3, error: "The command exited with code 3." });
    const job = rayJobOf(run.id)!;
    expect(job.status).toBe("FAILED");
    expect(await loggedLines(run.id)).toEqual(
      expect.arrayContaining([
        "step:1 - actor/pg_loss:0.5",
        "RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB",
        `[mmr agent] Ray job ${job.submissionId} failed: Job entrypoint command failed with exit code 3, last available logs (truncated to 20,000 chars):`,
      ]),
    );
  });

  it("cancels a run midway by stopping its Ray job, and ends it cancelled", async () => {
    const launched = await launch("endless on ray", endlessScript);
    for (const deadline = Date.now() + 20_000; (await loggedLines(launched.id)).length < 4; await new Promise((r) => setTimeout(r, 100))) {
      if (Date.now() > deadline) throw new Error(`the endless job printed too little\nagent output:\n${agent.output()}`);
    }
    const job = rayJobOf(launched.id)!;
    expect(job.status).toBe("RUNNING");

    await ada.runs.cancel({ project, runId: launched.id });
    const run = await ended(launched.id);
    expect(run).toMatchObject({ state: "cancelled", exitCode: 143 });
    expect(job).toMatchObject({ stopRequested: true, status: "STOPPED" });
    await groupEnds(job.processGroup);
    expect(await loggedLines(run.id)).toContain("got SIGTERM, stopping");
  });
});
