import type { TestApp } from "./test-app";

type Caller = Awaited<ReturnType<TestApp["callerFor"]>>;

/** Every log line an agent shipped for a run, in order, read page by page through the API a user's browser uses. */
export async function readRunLogLines(caller: Caller, project: string, runId: number): Promise<string[]> {
  const lines: string[] = [];
  for (let afterSeq = 0; ; ) {
    const events = await caller.runs.events({ project, runId, afterSeq, limit: 1000 });
    if (events.length === 0) return lines;
    for (const event of events) lines.push(...(event.payload as { lines: string[] }).lines);
    afterSeq = events.at(-1)!.seq;
  }
}
