import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { user } from "@/db/schema";
import { launchTrainingRun } from "@/server/agents/launch-run";
import { handleApiRequest } from "@/server/http/api-router";
import { runFolder, startAgentChild, type AgentChild } from "./support/agent-child";
import { startHttpServer, type RunningHttpServer } from "./support/http-server";
import { readRunLogLines } from "./support/run-log-lines";
import { runQueuedJobs } from "./support/run-jobs";
import { createTestApp, type TestApp } from "./support/test-app";

// What lmms-eval leaves in --output_path with --log_samples: <model>/<date_id>_results.json and one samples file per task.
// (A template literal: bash variables go without braces.)
const outputFolder = "eval-output/omr-eval-20260303_101500";
const modelFolder = `${outputFolder}/OMR-RL-step3`;
const lmmsEvalScript = String.raw`
out=${modelFolder}
mkdir -p "$out"
cat > "$out/20260303_101500_results.json" <<'JSON'
{
  "results": {
    "mathvista_testmini": { "alias": "mathvista_testmini", "acc_score,none": 0.6667, "acc_score_stderr,none": "N/A" },
    "mmmu_val": { "alias": "mmmu_val", "mmmu_acc,none": 0.5, "mmmu_acc_stderr,none": 0.5 }
  },
  "group_subtasks": { "mathvista_testmini": [], "mmmu_val": [] },
  "configs": {
    "mathvista_testmini": { "task": "mathvista_testmini", "dataset_path": "AI4Math/MathVista", "generation_kwargs": { "max_new_tokens": 28696, "temperature": 0.0 } },
    "mmmu_val": { "task": "mmmu_val", "dataset_path": "lmms-lab/MMMU" }
  },
  "versions": { "mathvista_testmini": "Yaml", "mmmu_val": 0.0 },
  "n-shot": { "mathvista_testmini": 0, "mmmu_val": 0 },
  "higher_is_better": { "mathvista_testmini": { "acc_score": true }, "mmmu_val": { "mmmu_acc": true } },
  "n-samples": { "mathvista_testmini": { "original": 1000, "effective": 3 }, "mmmu_val": { "original": 900, "effective": 2 } },
  "config": { "model": "vllm", "model_args": "model=/ckpt/omr-rl/global_step_3/actor/huggingface,tensor_parallel_size=1", "batch_size": "256", "limit": 3 },
  "git_hash": "a1b2c3d",
  "date": "20260303_101500",
  "model_name": "OMR-RL-step3",
  "model_name_sanitized": "OMR-RL-step3",
  "lmms_eval_version": "0.5.0",
  "total_evaluation_time_seconds": "12.5"
}
JSON
cat > "$out/20260303_101500_samples_mathvista_testmini.jsonl" <<'JSONL'
{"doc_id": 0, "doc_hash": "d0", "target": "B", "resps": [["<think>two</think><answer>B</answer>"]], "filtered_resps": ["B"], "acc_score": 1.0, "input": "Which bar is taller?"}
{"doc_id": 1, "doc_hash": "d1", "target": "12", "resps": [["<think>sum</think><answer>12</answer>"]], "filtered_resps": ["12"], "acc_score": 1.0, "input": "How many squares?"}
{"doc_id": 2, "doc_hash": "d2", "target": "30", "resps": [["<think>angle</think><answer>45</answer>"]], "filtered_resps": ["45"], "acc_score": 0.0, "input": "Find the angle."}
JSONL
cat > "$out/20260303_101500_samples_mmmu_val.jsonl" <<'JSONL'
{"doc_id": 0, "target": "A", "filtered_resps": ["A"], "mmmu_acc": {"id": "validation_Art_1", "answer": "A", "parsed_pred": "A"}}
{"doc_id": 1, "target": "C", "filtered_resps": ["D"], "mmmu_acc": {"id": "validation_Art_2", "answer": "C", "parsed_pred": "D"}}
JSONL
ln -s "$PWD/eval.sh" "$out/leak.txt"
echo "evaluation done"
`;

describe("the GPU agent collects a run's output folders, and an eval run's results are imported", () => {
  let app: TestApp;
  let server: RunningHttpServer;
  let adaHeaders: Headers;
  let ada: Awaited<ReturnType<TestApp["callerFor"]>>;
  let agent: AgentChild;
  let workDir: string;
  const project = "gpu";
  // When set, the next artifact upload is stored but its answer never reaches the agent: it gets a 500 instead.
  let loseNextUploadAnswer = false;

  const getRun = (runId: number) => ada.runs.get({ project, runId });
  async function runEnds(runId: number, timeoutMs = 30_000) {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      const run = await getRun(runId);
      if (run.finishedAt) return run;
    }
    throw new Error(`run ${runId} did not end in ${timeoutMs} ms\nagent output:\n${agent.output()}`);
  }
  const download = (runId: number, file: string) =>
    handleApiRequest(app.deps, new Request(`http://localhost/api/artifacts/${runId}/${file}`, { headers: adaHeaders }));
  const importRuns = async () => (await ada.runs.list({ project, kinds: ["eval-import"] })).items;

  beforeAll(async () => {
    app = await createTestApp({ MMR_MAX_BODY_BYTES: "1048576" });
    server = await startHttpServer(async (request) => {
      const response = await handleApiRequest(app.deps, request);
      if (loseNextUploadAnswer && /^\/api\/agent\/runs\/\d+\/artifacts\//.test(new URL(request.url).pathname)) {
        loseNextUploadAnswer = false;
        throw new Error("the answer to this upload is lost on purpose");
      }
      return response;
    });
    workDir = mkdtempSync(path.join(tmpdir(), "mmr-agent-collect-"));
    adaHeaders = await app.signUp("ada@example.com");
    ada = await app.callerFor(adaHeaders);
    await ada.projects.create({ name: "GPU" });
    const { token } = await ada.tokens.createWorker({ project, name: "main" });
    agent = startAgentChild({ server: server.url, token, labels: ["main"], workDir, gracePeriodSeconds: 1 });
    await agent.registered;
  });

  afterAll(async () => {
    if (agent && agent.child.exitCode === null) agent.child.kill("SIGKILL");
    await server?.close();
    await app?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("uploads the eval's output folder before the run ends, then imports it as an evaluation of the checkpoint", async () => {
    // The training run whose checkpoint the evaluation scores: its log announces the checkpoint folder.
    const training = await ada.runs.launch({
      project,
      kind: "rl",
      name: "omr-rl",
      launch: { command: "echo 'local_global_step_folder: /ckpt/omr-rl/global_step_3'" },
      requirements: { labels: ["main"] },
    });
    expect((await runEnds(training.id)).state).toBe("succeeded");

    // Launched with the eval recipe's record (as the recipe form stores it), naming that checkpoint.
    const [{ id: adaId }] = await app.deps.db.select({ id: user.id }).from(user).where(eq(user.email, "ada@example.com"));
    const project_ = await ada.projects.get({ project });
    loseNextUploadAnswer = true;
    const evalRun = await launchTrainingRun(app.deps, {
      projectId: project_.id,
      kind: "eval",
      name: "omr-eval",
      launch: { executor: "local", command: "bash eval.sh", env: {}, files: [{ path: "eval.sh", content: lmmsEvalScript }], collect: [outputFolder] },
      requirements: { labels: ["main"] },
      recipe: { kind: "eval", config: { model: { checkpoint: "/ckpt/omr-rl/global_step_3/actor/huggingface" } } },
      createdBy: adaId,
    });
    const run = await runEnds(evalRun.id);
    expect(run).toMatchObject({ state: "succeeded", exitCode: 0 });

    // The first upload's answer was lost: the agent sent the file again, and the server kept one copy.
    expect(agent.output()).toMatch(/upload eval-output\/\S+: the server answered HTTP 500, not the MMR API; retrying in/);
    const resultsFile = `${modelFolder}/20260303_101500_results.json`;
    const { files } = await ada.runs.artifacts({ project, runId: run.id });
    expect(files.map((file) => file.path)).toEqual([
      resultsFile,
      `${modelFolder}/20260303_101500_samples_mathvista_testmini.jsonl`,
      `${modelFolder}/20260303_101500_samples_mmmu_val.jsonl`,
    ]);
    const onMachine = readFileSync(path.join(runFolder(workDir, run.id), resultsFile), "utf8");
    const served = await download(run.id, resultsFile);
    expect(served.status).toBe(200);
    expect(await served.text()).toBe(onMachine);
    expect((await download(run.id, `${modelFolder}/leak.txt`)).status).toBe(404);

    const log = await readRunLogLines(ada, project, run.id);
    const [importRun] = await importRuns();
    expect(log.slice(-3)).toEqual([
      `[MMR agent] collect "${outputFolder}": refused 1 link(s) leading out of it or to a folder: OMR-RL-step3/leak.txt.`,
      `[MMR agent] collected 3 files (${files.reduce((sum, file) => sum + file.bytes, 0)} bytes) from ${outputFolder}.`,
      `MMR Studio: queued run #${importRun.id} to import the evaluation (1 results file collected).`,
    ]);
    expect(importRun).toMatchObject({ name: `Import evaluation of run #${run.id}`, state: "queued" });

    await runQueuedJobs(app);
    expect(await getRun(importRun.id)).toMatchObject({ state: "succeeded" });
    const [evaluation] = await ada.evaluations.list({ project });
    expect(evaluation).toMatchObject({ model: "OMR-RL-step3", runId: run.id, dateId: "20260303_101500", samples: { mathvista_testmini: 3, mmmu_val: 2 } });
    expect(evaluation.scores).toContainEqual(expect.objectContaining({ task: "mathvista_testmini", metric: "acc_score", value: 0.6667 }));
    expect(evaluation.scores).toContainEqual(expect.objectContaining({ task: "mmmu_val", metric: "mmmu_acc", value: 0.5 }));
    const model = (await ada.evaluations.models({ project })).find((m) => m.name === "OMR-RL-step3");
    expect(model?.lineage).toEqual({ trainingRuns: [training.id] });
  });

  it("queues no import for an eval run that collected no results file, and says so in its log", async () => {
    const launched = await ada.runs.launch({
      project,
      kind: "eval",
      name: "crashed before writing",
      launch: { command: "mkdir -p eval-output/empty && echo 'no results written'", collect: ["eval-output/empty", "eval-output/never"] },
      requirements: { labels: ["main"] },
    });
    const run = await runEnds(launched.id);
    expect(run.state).toBe("succeeded");
    expect((await readRunLogLines(ada, project, run.id)).slice(-3)).toEqual([
      '[MMR agent] collect "eval-output/never": no such folder; nothing collected from it.',
      "[MMR agent] collected 0 files (0 bytes) from eval-output/empty, eval-output/never.",
      "MMR Studio: no lmms-eval results file (<date>_results.json) was collected from eval-output/empty, eval-output/never; no evaluation is imported.",
    ]);
    expect(await importRuns()).toHaveLength(1);
  });
});
