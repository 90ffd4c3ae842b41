import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TRPCClientError } from "@trpc/client";
import { afterAll, describe, expect, it } from "vitest";
import type { AgentApi, ClaimedRun } from "./agent-api";
import type { UploadArtifact } from "./artifact-upload";
import { LocalExecutor } from "./executors/local-executor";
import { executeClaimedRun } from "./run-execution";
import { createServerCall } from "./server-calls";

const workDir = mkdtempSync(path.join(tmpdir(), "mmr-run-execution-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const refusal = (code: string, message: string) => new TRPCClientError(message, { result: { error: { code: -32003, message, data: { code } } } } as never);

/** The agent API as a recording fake: each procedure answers with `answers[name]` (or nothing). */
function fakeApi(answers: Partial<Record<"start" | "runHeartbeat" | "events" | "finish", (input: never) => unknown>> = {}) {
  const calls: { name: string; input: Record<string, unknown> }[] = [];
  const procedure = (name: keyof typeof answers) => ({
    mutate: async (input: Record<string, unknown>) => {
      calls.push({ name, input });
      return answers[name]?.(input as never);
    },
  });
  const api = { start: procedure("start"), runHeartbeat: procedure("runHeartbeat"), events: procedure("events"), finish: procedure("finish") };
  return { api: api as unknown as AgentApi, calls };
}

const claimOf = (command: string, files: ClaimedRun["launch"]["files"] = [], collect: string[] = []): ClaimedRun => ({
  runId: 5,
  kind: "rl",
  name: "test",
  launch: { executor: "local", command, env: {}, files, collect },
  lastEventSeq: 3,
  leaseMs: 60_000,
  artifactLimits: { fileBytes: 1_000, runBytes: 10_000, files: 10 },
});

function contextFor(api: AgentApi, agentStopping = new AbortController().signal, uploadArtifact: UploadArtifact = async () => {}) {
  const log = () => {};
  return {
    api,
    call: createServerCall(log),
    workerId: "w",
    executors: [new LocalExecutor({ graceMs: 2_000 })],
    workDir,
    uploadArtifact,
    log,
    agentStopping,
    maxRunHeartbeatMs: 50,
  };
}

const shippedLines = (calls: { name: string; input: Record<string, unknown> }[]) =>
  calls.filter((c) => c.name === "events").flatMap((c) => (c.input.events as { payload: { lines: string[] } }[]).flatMap((e) => e.payload.lines));

describe("executeClaimedRun", () => {
  it("finishes with the exit code only after every line is acknowledged, numbering batches on from the claim", async () => {
    const { api, calls } = fakeApi({ finish: () => ({ state: "failed" }) });
    const ending = await executeClaimedRun(contextFor(api), claimOf("for i in 1 2 3; do echo line $i; done; exit 4"));
    expect(ending).toEqual({ state: "failed" });
    expect(calls[0].name).toBe("start");
    expect(shippedLines(calls)).toEqual(["line 1", "line 2", "line 3"]);
    expect((calls.find((c) => c.name === "events")!.input.events as { seq: number }[])[0].seq).toBe(4);
    expect(calls.at(-1)).toEqual({ name: "finish", input: { workerId: "w", runId: 5, exitCode: 4, cancelled: false } });
  });

  it("uploads the collect folders after the command, before the end is reported, and says so in the run's log", async () => {
    const { api, calls } = fakeApi({ finish: () => ({ state: "succeeded" }) });
    const uploader: UploadArtifact = async ({ file }) => void calls.push({ name: "upload", input: { path: file.path, bytes: file.bytes } });
    const command = "mkdir -p out/model && printf 12345 > out/model/results.json && head -c 2000 /dev/zero > out/big.bin";
    const ending = await executeClaimedRun(contextFor(api, undefined, uploader), claimOf(command, [], ["out", "missing"]));
    expect(ending).toEqual({ state: "succeeded" });
    expect(calls.filter((c) => c.name === "upload" || c.name === "finish").map((c) => c.name)).toEqual(["upload", "finish"]);
    expect(calls.find((c) => c.name === "upload")!.input).toEqual({ path: "out/model/results.json", bytes: 5 });
    expect(shippedLines(calls)).toEqual([
      '[MMR agent] collect "missing": no such folder; nothing collected from it.',
      "[MMR agent] not uploaded, larger than 1000 bytes each: out/big.bin.",
      "[MMR agent] collected 1 file (5 bytes) from out, missing.",
    ]);
  });

  it("stops the command and reports nothing more once the server says the run is no longer this agent's", async () => {
    const { api, calls } = fakeApi({
      runHeartbeat: () => {
        throw refusal("FORBIDDEN", "This agent does not hold run 5 any more.");
      },
    });
    const ending = await executeClaimedRun(contextFor(api), claimOf("while true; do echo tick; sleep 0.05; done"));
    expect(ending).toEqual({ abandoned: "the server no longer lets this agent hold the run (its lease expired)" });
    expect(calls.some((c) => c.name === "finish")).toBe(false);
  });

  it("stops the command when the agent is stopped, and finishes the run as failed with the reason", async () => {
    const { api, calls } = fakeApi({ finish: () => ({ state: "failed" }) });
    const stopping = new AbortController();
    const running = executeClaimedRun(contextFor(api, stopping.signal), claimOf("echo started; sleep 30"));
    while (!shippedLines(calls).includes("started")) await new Promise((r) => setTimeout(r, 20));
    stopping.abort();
    expect(await running).toEqual({ state: "failed" });
    expect(calls.at(-1)!.input).toMatchObject({ exitCode: 143, cancelled: false, error: "The agent was stopped while the command ran (exit code 143)." });
  });

  it("finishes a run whose files cannot be written as failed, without running anything", async () => {
    const { api, calls } = fakeApi({ finish: () => ({ state: "failed" }) });
    const ending = await executeClaimedRun(contextFor(api), claimOf("touch ran", [{ path: "../outside.sh", content: "" }]));
    expect(ending).toEqual({ state: "failed" });
    expect(calls.map((c) => c.name)).toEqual(["start", "finish"]);
    expect(calls[1].input).toMatchObject({ exitCode: null, error: expect.stringMatching(/could not start the command: .*outside\.sh/) });
  });

  it("fails a run meant for another executor rather than run it here", async () => {
    const { api, calls } = fakeApi({ finish: () => ({ state: "failed" }) });
    const claim = claimOf("sbatch train.sbatch");
    claim.launch.executor = "slurm";
    expect(await executeClaimedRun(contextFor(api), claim)).toEqual({ state: "failed" });
    expect(calls[1].input).toMatchObject({ error: "The agent could not start the command: the run asks for the slurm executor; this agent runs local" });
  });
});
