import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runs, verdicts } from "@/db/schema";
import { startImport } from "@/server/datasets/start-import";
import { judgeJob } from "@/server/verdicts/judge-job";
import type { JobContext } from "@/server/runs/job-handler";
import { startFakeOpenAiServer, userText, type ChatMessage, type FakeOpenAiServer } from "./support/fake-openai-server";
import { runQueuedJobs } from "./support/run-jobs";
import { createTestApp, type TestApp } from "./support/test-app";

const answersFile = path.join(import.meta.dirname, "fixtures/verdicts/graded-answers.jsonl");
const fixtures = import.meta.dirname;

describe("judge jobs", () => {
  let app: TestApp;
  let ada: Awaited<ReturnType<TestApp["callerFor"]>>;
  let projectId: string;
  let datasetId: string;
  let judge: FakeOpenAiServer;
  const project = "grading";

  const judgeRun = async (cascade: ("rule" | "math" | "llm")[], endpoint?: string) => {
    const run = await ada.verdicts.startJudge({ project, target: { kind: "dataset", datasetId }, cascade, endpoint });
    await runQueuedJobs(app);
    return ada.runs.get({ project, runId: run.id });
  };
  const verdictsOf = async (runId: number) => {
    const rows = await ada.verdicts.runVerdicts({ project, runId, limit: 1000 });
    const samples = await app.deps.db.query.samples.findMany({ where: (s, { eq }) => eq(s.datasetId, datasetId) });
    const external = new Map(samples.map((s) => [s.id, s.externalId]));
    return Object.fromEntries(rows.map((v) => [external.get(v.itemId), v]));
  };
  // Replies are cached per server and model, so a test that wants fresh answers gets a server of its own.
  const servers: FakeOpenAiServer[] = [];
  const freshJudge = async (reply: (messages: ChatMessage[]) => string) => {
    const server = await startFakeOpenAiServer({ reply });
    servers.push(server);
    return server;
  };
  const addEndpoint = (name: string, extra: Record<string, unknown> = {}, server = judge) =>
    ada.endpoints.create({ project, settings: { name, baseUrl: server.baseUrl, model: "judge", timeoutMs: 5_000, ...extra } });

  beforeAll(async () => {
    // The judge says 1 only when the response names the circle's colour: the one answer a rule cannot see is right.
    judge = await startFakeOpenAiServer({ reply: (messages) => (/The circle is red/.test(userText(messages)) ? "1" : "0") });
    app = await createTestApp({ MMR_IMPORT_ROOTS: path.join(fixtures, "fixtures") });
    ada = await app.callerFor(await app.signUp("ada@example.com"));
    projectId = (await ada.projects.create({ name: "Grading" })).id;
    const userId = (await ada.me.get())!.id;
    const started = await startImport(app.deps, { projectId, target: { newDatasetName: "answers" }, location: { kind: "server-path", path: answersFile }, createdBy: userId });
    await runQueuedJobs(app);
    datasetId = started.datasetId;
    await addEndpoint("judge");
  });
  afterAll(async () => {
    await app.close();
    await Promise.all([judge, ...servers].map((server) => server.close()));
  });

  it("grades with rule and math stages, each verdict saying which stage decided and why", async () => {
    const run = await judgeRun(["rule", "math"]);
    expect(run.state).toBe("succeeded");
    expect(run.result).toMatchObject({ verdicts: 5, matched: 3, unparsed: 0, tokens: { prompt: 0, completion: 0 } });
    const byItem = await verdictsOf(run.id);
    expect(byItem.choice).toMatchObject({ match: true, stage: "choice", goldExtracted: "B", predExtracted: "B" });
    expect(byItem.half).toMatchObject({ match: true, stage: "exact" });
    expect(byItem.expression).toMatchObject({ match: true, stage: "symbolic", reason: expect.stringContaining("(x+1)^2") });
    expect(byItem["wrong-count"]).toMatchObject({ match: false, predExtracted: "5" });
    expect(byItem.words.match).toBe(false);
    expect(byItem.expression.stages).toEqual([
      { stage: "rule", outcome: "no_match", reason: expect.any(String) },
      { stage: "math", outcome: "match", reason: expect.any(String) },
    ]);
  });

  it("asks the LLM judge only what the rules did not match, caches its replies and counts its tokens", async () => {
    const before = judge.requests;
    const run = await judgeRun(["rule", "math", "llm"], "judge");
    expect(run.state).toBe("succeeded");
    expect(judge.requests - before).toBe(2);
    const summary = run.result as { verdicts: number; matched: number; byStage: Record<string, number>; tokens: { prompt: number; completion: number } };
    expect(summary).toMatchObject({ verdicts: 5, matched: 4, byStage: { llm: 2 } });
    expect(summary.tokens.prompt).toBeGreaterThan(0);
    const byItem = await verdictsOf(run.id);
    expect(byItem.words).toMatchObject({ match: true, stage: "llm", judgeReply: "1", cached: false });
    expect(byItem["wrong-count"]).toMatchObject({ match: false, stage: "llm", judgeReply: "0" });
    expect(judge.lastMessages?.[1]).toMatchObject({ role: "user", content: expect.stringContaining("Reference answer:") });

    const again = await judgeRun(["rule", "math", "llm"], "judge");
    expect(judge.requests - before).toBe(2);
    expect(again.result).toMatchObject({ verdicts: 5, matched: 4, cachedReplies: 2, tokens: { prompt: 0, completion: 0 } });
  });

  it("diffs two jobs verdict by verdict", async () => {
    const judged = (await ada.runs.list({ project, kinds: ["judge"] })).items.map((r) => r.id).sort((a, b) => a - b);
    const diff = await ada.verdicts.diffRuns({ project, runA: judged[0], runB: judged[1] });
    expect(diff).toMatchObject({ same: 4, different: 1, onlyA: 0, onlyB: 0 });
    expect(diff.items[0]).toMatchObject({ a: { match: false }, b: { match: true, stage: "llm" } });
  });

  it("records a reply that is not a verdict as unparsed, never as 0; a 1 MB reply is stored bounded", async () => {
    await addEndpoint("hedging", { concurrency: 2 }, await freshJudge(() => "maybe"));
    const run = await judgeRun(["llm"], "hedging");
    expect(run.result).toMatchObject({ verdicts: 5, matched: 0, unparsed: 5 });
    expect((await verdictsOf(run.id)).half).toMatchObject({ match: null, stage: "unparsed", reason: expect.stringContaining('"maybe"') });

    await addEndpoint("verbose", {}, await freshJudge(() => "1".repeat(1_048_576)));
    const verbose = await judgeRun(["llm"], "verbose");
    expect(verbose.result).toMatchObject({ unparsed: 5 });
    const stored = (await verdictsOf(verbose.id)).half;
    expect(stored.judgeReply!.length).toBeLessThanOrEqual(16_384);
  });

  it("rides out a 429 storm without losing a verdict", async () => {
    const stormy = await freshJudge(() => "1");
    stormy.behaviour.rateLimitFirst = 8;
    await addEndpoint("stormy", {}, stormy);
    const run = await judgeRun(["llm"], "stormy");
    expect(run.state).toBe("succeeded");
    expect(run.result).toMatchObject({ verdicts: 5, errors: 0, unparsed: 0 });
  });

  it("fails at once, naming the endpoint, when the model is unknown or the server unreachable", async () => {
    await addEndpoint("wrong-model", { model: "no-such-model" });
    const unknown = await judgeRun(["llm"], "wrong-model");
    expect(unknown.state).toBe("failed");
    expect(unknown.error).toMatch(/endpoint "wrong-model" .* does not serve model "no-such-model"/);

    const gone = await startFakeOpenAiServer();
    await gone.close();
    await addEndpoint("gone", { baseUrl: gone.baseUrl });
    const unreachable = await judgeRun(["llm"], "gone");
    expect(unreachable.state).toBe("failed");
    expect(unreachable.error).toMatch(/Cannot reach endpoint "gone"/);
  });

  it("resumes after a crash without asking again what the judge answered, and loses no verdict", async () => {
    const resumable = await freshJudge(() => "0");
    await addEndpoint("resumable", { concurrency: 1 }, resumable);
    const queued = await ada.verdicts.startJudge({ project, target: { kind: "dataset", datasetId }, cascade: ["llm"], endpoint: "resumable" });
    // The runner dies while its third question is unanswered; the two verdicts it had decided are stored as it stops.
    let answers = 0;
    resumable.behaviour.reply = () => {
      answers += 1;
      if (answers === 2) resumable.behaviour.hang = true;
      return "0";
    };
    const [claimed] = await app.deps.db.update(runs).set({ state: "running" }).where(eq(runs.id, queued.id)).returning();
    const crash = new AbortController();
    const context: JobContext = { deps: app.deps, run: claimed, signal: crash.signal, reportProgress: () => {}, log: async () => {} };
    const dying = judgeJob.execute(judgeJob.configSchema.parse(claimed.config), context);
    await expect.poll(() => resumable.requests).toBe(3);
    crash.abort(new Error("runner died"));
    await expect(dying).rejects.toThrow();
    expect(await app.deps.db.$count(verdicts, eq(verdicts.runId, queued.id))).toBe(2);

    resumable.behaviour.hang = false;
    await app.deps.db.update(runs).set({ state: "queued" }).where(eq(runs.id, queued.id));
    await runQueuedJobs(app);
    const resumed = await ada.runs.get({ project, runId: queued.id });
    expect(resumed.result).toMatchObject({ verdicts: 5, errors: 0 });
    // Five items, five answers: only the question that never got its answer was asked again.
    expect(answers).toBe(5);
    const stored = await app.deps.db.select().from(verdicts).where(and(eq(verdicts.runId, queued.id)));
    expect(new Set(stored.map((v) => v.itemId)).size).toBe(5);
  });

  it("grades an evaluation's per-sample results, target against filtered_resps", async () => {
    const outputs = path.join(import.meta.dirname, "fixtures/lmms-eval/outputs/acme__vl-7b-rl");
    const { runId } = await ada.evaluations.startImport({ project, location: { kind: "server-path", path: outputs } });
    await runQueuedJobs(app);
    expect((await ada.runs.get({ project, runId })).state).toBe("succeeded");
    const [evaluation] = await ada.evaluations.list({ project });
    const started = await ada.verdicts.startJudge({ project, target: { kind: "evaluation", evaluationId: evaluation.id, task: "mathvista_testmini" }, cascade: ["rule", "math"] });
    expect(started.name).toContain("mathvista_testmini");
    await runQueuedJobs(app);
    const run = await ada.runs.get({ project, runId: started.id });
    expect(run.result).toMatchObject({ verdicts: 2, matched: 1 });
    const rows = await ada.verdicts.runVerdicts({ project, runId: run.id });
    expect(rows.map((v) => [v.itemKind, v.match, v.predExtracted])).toEqual([
      ["evaluation_sample", true, "1.5"],
      ["evaluation_sample", false, "no"],
    ]);
    await expect(ada.verdicts.startJudge({ project, target: { kind: "evaluation", evaluationId: evaluation.id, task: "chartqa" }, cascade: ["rule"] })).rejects.toThrow(
      /has no samples of task "chartqa"/,
    );
  });

  it("refuses another project's dataset and a cascade with an llm stage but no endpoint", async () => {
    const other = (await ada.projects.create({ name: "Other" })).slug;
    await expect(ada.verdicts.startJudge({ project: other, target: { kind: "dataset", datasetId }, cascade: ["rule"] })).rejects.toThrow(/does not exist in this project/);
    await expect(ada.verdicts.startJudge({ project, target: { kind: "dataset", datasetId }, cascade: ["rule", "llm"] })).rejects.toThrow(/needs a model endpoint/);
  });
});
