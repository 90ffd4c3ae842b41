import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runs } from "@/db/schema";
import { handleApiRequest } from "@/server/http/api-router";
import { expireLeases } from "@/server/runs/queue";
import { groupEnds, livingProcessesInGroup, runFolder, startAgentChild, type AgentChild } from "./support/agent-child";
import { startHttpServer, type RunningHttpServer } from "./support/http-server";
import { startTcpForwarder, type TcpForwarder } from "./support/tcp-forwarder";
import { readRunLogLines } from "./support/run-log-lines";
import { createTestApp, type TestApp } from "./support/test-app";

// Scripts the runs execute. They print like verl under Ray: a `(TaskRunner pid=…)` prefix in ANSI colours, values as
// np.float64(…), a validation-only step:0 before training, tqdm redraws joined by \r on stderr, checkpoint folders.
// (Bash variables go without braces: these are template literals.)
const verlPrelude = String.raw`
prefix=$'\e[36m'"(TaskRunner pid=$$)"$'\e[0m'
say() { echo "$prefix $*"; sleep 0.1; }
`;
const verlTrainingScript = String.raw`${verlPrelude}
say "step:0 - val-core/openai/gsm8k/reward/mean@1:np.float64(0.412)"
for step in 1 2 3; do
  printf 'Training Progress:   0%%|          | 0/3\rTraining Progress:  %d%%|███▍      | %d/3 [00:0%d<00:10]\n' $((step * 33)) $step $step >&2
  loss=0.0"$step"3 score=0."$step"5 length=80"$step".5
  say "step:$step - actor/pg_loss:np.float64($loss) - critic/score/mean:$score - response_length/mean:$length"
done
head -c 10000000 /dev/zero | tr '\0' x; echo
mkdir -p checkpoints/global_step_3/actor && echo 3 > checkpoints/latest_checkpointed_iteration.txt
say "local_global_step_folder: $PWD/checkpoints/global_step_3"
say "done"
`;
// Records its process group, then prints forever; it shrugs off SIGTERM, so only the SIGKILL after the grace period ends it.
const endlessScript = String.raw`
ps -o pgid= -p $$ | tr -d ' ' > "$PGID_FILE"
trap 'echo "got SIGTERM, carrying on"' TERM
step=0
while true; do step=$((step + 1)); echo "step:$step - actor/entropy:0.$step"; sleep 0.2; done
`;
const failingScript = String.raw`
echo "step:1 - actor/pg_loss:0.5"
echo "RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB" >&2
exit 3
`;
const streamSteps = 30;
const streamingScript = String.raw`${verlPrelude}
for step in $(seq 1 ${streamSteps}); do say "step:$step - actor/pg_loss:np.float64(0.$step) - critic/score/mean:$step"; done
`;

describe("the GPU agent as its own process, over real HTTP", () => {
  let app: TestApp;
  let server: RunningHttpServer;
  let forwarder: TcpForwarder;
  let ada: Awaited<ReturnType<TestApp["callerFor"]>>;
  let agent: AgentChild;
  let workDir: string;
  const project = "gpu";
  const processGroupsToReap: number[] = [];
  // When set, the next log batch is stored but its answer never reaches the agent: it gets a 500 instead.
  let loseNextBatchAnswer = false;

  const serve = async (port?: number) => {
    server = await startHttpServer(async (request) => {
      const response = await handleApiRequest(app.deps, request);
      if (loseNextBatchAnswer && new URL(request.url).pathname === "/api/trpc/agent.events") {
        loseNextBatchAnswer = false;
        throw new Error("the answer to this log batch is lost on purpose");
      }
      return response;
    });
    forwarder = await startTcpForwarder(server.url, port);
  };
  const launch = (name: string, script: string, options: { labels?: string[]; gpus?: number; env?: Record<string, string> } = {}) =>
    ada.runs.launch({
      project,
      kind: "rl",
      name,
      launch: { executor: "local", command: "bash run.sh", env: options.env ?? {}, files: [{ path: "run.sh", content: script }], collect: [] },
      requirements: { labels: options.labels ?? ["main"], gpus: options.gpus ?? 0 },
    });
  const getRun = (runId: number) => ada.runs.get({ project, runId });

  /** Polls the run until `done` holds, returning every state it was seen in, in order, without repeats. */
  async function followRun(runId: number, done: (run: Awaited<ReturnType<typeof getRun>>) => boolean, timeoutMs = 30_000) {
    const states: string[] = [];
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      const run = await getRun(runId);
      if (states.at(-1) !== run.state) states.push(run.state);
      if (done(run)) return { run, states };
    }
    throw new Error(`run ${runId} did not get there in ${timeoutMs} ms; states seen: ${states.join(" → ")}\nagent output:\n${agent.output()}`);
  }
  const ended = (run: { finishedAt: Date | null }) => run.finishedAt !== null;

  const loggedLines = (runId: number) => readRunLogLines(ada, project, runId);

  beforeAll(async () => {
    // The agent sizes its batches for the server's default request limit (1 MiB), not the test apps' smaller one.
    app = await createTestApp({ MMR_MAX_BODY_BYTES: "1048576" });
    await serve();
    workDir = mkdtempSync(path.join(tmpdir(), "mmr-agent-process-"));
    ada = await app.callerFor(await app.signUp("ada@example.com"));
    await ada.projects.create({ name: "GPU" });
    const { token } = await ada.tokens.createWorker({ project, name: "main" });
    agent = startAgentChild({
      server: forwarder.url,
      token,
      labels: ["main"],
      workDir: path.join(workDir, "main"),
      gracePeriodSeconds: 1,
      fakeGpuCsv: "0, NVIDIA H100 80GB HBM3, 81559, 37, 1024",
    });
    await agent.registered;
  });

  afterAll(async () => {
    if (agent && agent.child.exitCode === null) agent.child.kill("SIGKILL");
    for (const group of processGroupsToReap) if (livingProcessesInGroup(group).length > 0) process.kill(-group, "SIGKILL");
    await forwarder?.close();
    await server?.close();
    await app?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("registers the machine with its GPUs and labels, and heartbeats their utilisation", async () => {
    const workerId = await agent.registered;
    const [worker] = await ada.workers.list({ project });
    expect(worker).toMatchObject({
      id: workerId,
      hostname: hostname(),
      gpus: [{ index: 0, name: "NVIDIA H100 80GB HBM3", memoryMb: 81559 }],
      labels: ["main"],
      executors: ["local", "ray"],
      online: true,
    });
    const beat = await waitUntil(async () => {
      const [{ gpuStatus }] = await ada.workers.list({ project });
      return (gpuStatus as unknown[]).length > 0 && gpuStatus;
    });
    expect(beat).toEqual([{ index: 0, utilizationPercent: 37, memoryUsedMb: 1024 }]);
  });

  it("stops with one clear line when the server refuses its token", async () => {
    const stranger = startAgentChild({ server: forwarder.url, token: "mmr_wkr_unknownunknownunknownunknown", labels: [], workDir, gracePeriodSeconds: 1 });
    await expect(stranger.registered).rejects.toThrow(/exited \(1\) before registering/);
    expect(await stranger.exited).toEqual({ code: 1, signal: null });
    expect(stranger.output()).toMatch(/^mmr: The server refused the worker token: Unknown token.*\n$/m);
    expect(stranger.output()).not.toMatch(/\n\s+at /);
  });

  it("runs a verl-style script: queued → running → succeeded, with its log, metrics per step and checkpoint", async () => {
    const queued = await launch("gspo", verlTrainingScript, { gpus: 1 });
    expect(queued.state).toBe("queued");
    const { run, states } = await followRun(queued.id, ended);
    expect(states.filter((s) => s !== "claimed")).toEqual(["queued", "running", "succeeded"]);
    expect(run).toMatchObject({ exitCode: 0, workerId: await agent.registered });

    const lines = await loggedLines(run.id);
    const printed = lines.filter((line) => line.includes("(TaskRunner pid="));
    expect(printed.map((line) => line.replace(/^.*\(TaskRunner pid=\d+\)\u001b\[0m /, ""))).toEqual([
      "step:0 - val-core/openai/gsm8k/reward/mean@1:np.float64(0.412)",
      "step:1 - actor/pg_loss:np.float64(0.013) - critic/score/mean:0.15 - response_length/mean:801.5",
      "step:2 - actor/pg_loss:np.float64(0.023) - critic/score/mean:0.25 - response_length/mean:802.5",
      "step:3 - actor/pg_loss:np.float64(0.033) - critic/score/mean:0.35 - response_length/mean:803.5",
      expect.stringMatching(/^local_global_step_folder: .*\/checkpoints\/global_step_3$/),
      "done",
    ]);
    expect(lines).toContain("Training Progress:   0%|          | 0/3\rTraining Progress:  66%|███▍      | 2/3 [00:02<00:10]");
    // The 10 MB line arrives cut, and the lines after it are whole.
    const longLine = lines.find((line) => line.startsWith("xxxx"))!;
    expect(longLine.length).toBeLessThan(70_000);
    expect(longLine.endsWith("…[line truncated by the MMR agent: longer than 65536 characters]")).toBe(true);

    const series = await ada.runs.metricSeries({ project, runId: run.id, keys: ["actor/pg_loss", "val-core/openai/gsm8k/reward/mean@1"] });
    expect(series.map((s) => s.points.map((p) => [p.step, p.value]))).toEqual([
      [
        [1, 0.013],
        [2, 0.023],
        [3, 0.033],
      ],
      [[0, 0.412]],
    ]);
    const folder = runFolder(path.join(workDir, "main"), run.id);
    expect(await ada.runs.checkpoints({ project, runId: run.id })).toEqual([
      expect.objectContaining({ step: 3, path: path.join(folder, "checkpoints/global_step_3") }),
    ]);
    expect(existsSync(path.join(folder, "checkpoints/global_step_3/actor"))).toBe(true);
  });

  it("cancels a run midway: SIGTERM to its process group, SIGKILL after the grace period, ends cancelled", async () => {
    const pgidFile = path.join(workDir, "endless.pgid");
    const launched = await launch("endless", endlessScript, { env: { PGID_FILE: pgidFile } });
    await waitUntil(async () => (await loggedLines(launched.id)).length >= 3);
    const group = Number(readFileSync(pgidFile, "utf8"));
    processGroupsToReap.push(group);
    expect(livingProcessesInGroup(group).length).toBeGreaterThan(0);

    await ada.runs.cancel({ project, runId: launched.id });
    const { run } = await followRun(launched.id, ended);
    // The script ignores SIGTERM, so it was the SIGKILL that ended it: 128 + 9.
    expect(run).toMatchObject({ state: "cancelled", exitCode: 137 });
    expect(await loggedLines(run.id)).toContain("got SIGTERM, carrying on");
    await groupEnds(group);
  });

  it("reports a failing command's exit code and ends the run failed", async () => {
    const launched = await launch("oom", failingScript);
    const { run } = await followRun(launched.id, ended);
    expect(run).toMatchObject({ state: "failed", exitCode: 3, error: "The command exited with code 3." });
    expect(await loggedLines(run.id)).toEqual(expect.arrayContaining(["step:1 - actor/pg_loss:0.5", "RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB"]));
  });

  it("loses no metric and stores none twice when the server restarts mid-stream", async () => {
    const launched = await launch("through a restart", streamingScript);
    const stepsStored = async () => (await ada.runs.metricSeries({ project, runId: launched.id, keys: ["actor/pg_loss"] }))[0].points.length;
    await waitUntil(async () => (await stepsStored()) >= 5);
    loseNextBatchAnswer = true;
    const lostAnswer = /log batch \d+: the server answered HTTP 500 \(text\/plain; charset=utf-8\), not the MMR API; retrying in/;
    await waitUntil(async () => lostAnswer.test(agent.output()));

    const port = forwarder.port;
    await forwarder.close();
    await server.close();
    expect(await stepsStored()).toBeLessThan(streamSteps);
    await new Promise((r) => setTimeout(r, 1500)); // the script prints on while no server listens
    await serve(port);

    const { run } = await followRun(launched.id, ended);
    expect(run).toMatchObject({ state: "succeeded", exitCode: 0 });
    // Besides the batch whose answer was lost after it was stored, batches sent while no server listened were retried.
    expect(agent.output()).toMatch(/log batch \d+: fetch failed .*; retrying in/);
    const [loss] = await ada.runs.metricSeries({ project, runId: run.id, keys: ["actor/pg_loss"] });
    const steps = Array.from({ length: streamSteps }, (_, i) => i + 1);
    expect(loss.points.map((p) => [p.step, p.value])).toEqual(steps.map((step) => [step, Number(`0.${step}`)]));
    // Every printed line is stored exactly once, in order: a batch resent after a lost answer kept its sequence number.
    const stepLines = (await loggedLines(run.id)).filter((line) => line.includes("step:"));
    expect(stepLines.map((line) => /step:(\d+)/.exec(line)![1])).toEqual(steps.map(String));
  });

  it("stops the command of an agent killed mid-run and leaves its run lost once its lease expires; restarted, the agent is the same worker", async () => {
    const { token } = await ada.tokens.createWorker({ project, name: "doomed" });
    const doomed = startAgentChild({ server: forwarder.url, token, labels: ["doomed"], workDir: path.join(workDir, "doomed"), gracePeriodSeconds: 1 });
    await doomed.registered;
    const pgidFile = path.join(workDir, "orphan.pgid");
    const launched = await launch("orphaned", endlessScript, { labels: ["doomed"], env: { PGID_FILE: pgidFile } });
    await waitUntil(async () => (await loggedLines(launched.id)).length >= 2);
    const group = Number(readFileSync(pgidFile, "utf8"));
    processGroupsToReap.push(group);

    doomed.child.kill("SIGKILL");
    await doomed.exited;
    expect((await getRun(launched.id)).state).toBe("running");
    // The command shrugs off SIGTERM; with its agent gone, the watchdog in its group SIGKILLs it after the 1 s grace.
    await groupEnds(group, 10_000);
    // The lease is 60 s (agentLeaseMs). Rather than wait it out, the test moves the expiry into the past, as time would
    // with no heartbeat renewing it, and runs the expiry sweep the server runs before each claim.
    await app.deps.db.update(runs).set({ leaseExpiresAt: sql`now() - interval '1 second'` }).where(eq(runs.id, launched.id));
    await expireLeases(app.deps.db);
    const run = await getRun(launched.id);
    expect(run).toMatchObject({ state: "lost", error: "The runner stopped sending heartbeats; its lease expired." });

    // Started again on the same machine with the same token, the agent is the same worker.
    const restarted = startAgentChild({ server: forwarder.url, token, labels: ["doomed"], workDir: path.join(workDir, "doomed"), gracePeriodSeconds: 1 });
    expect(await restarted.registered).toBe(await doomed.registered);
    restarted.child.kill("SIGTERM");
    expect(await restarted.exited).toEqual({ code: 0, signal: null });
  });

  it("stops on SIGTERM between runs, exiting 0", async () => {
    agent.child.kill("SIGTERM");
    expect(await agent.exited).toEqual({ code: 0, signal: null });
    expect(agent.output()).toContain("SIGTERM: stopping");
  });
});

async function waitUntil<T>(read: () => Promise<T>, timeoutMs = 20_000): Promise<NonNullable<T>> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    const value = await read();
    if (value) return value;
  }
  throw new Error(`not reached in ${timeoutMs} ms`);
}
