import "server-only";
import { setMaxListeners } from "node:events";
import { EndpointError, openEndpointClient } from "@/server/endpoints/chat-client";
import { defineJobHandler, type JobContext } from "@/server/runs/job-handler";
import { gradeWithCascade, type CascadeDeps, type CascadeVerdict } from "./cascade";
import { judgeJobConfigSchema, type JudgeJobConfig } from "./judge-config";
import { countTargetItems, readUnjudgedItems, type JudgeItem } from "./judge-items";
import { createJudgeAsker } from "./llm-judge";
import { resolveTemplate } from "./judge-templates";
import { summarizeRunVerdicts, type JudgeRunSummary } from "./judge-run-summary";
import { mathMatch, ruleMatch } from "./recipe-stages";
import { storeVerdicts } from "./verdict-store";

const readBatchSize = 500;
const writeBatchSize = 500;
// Rule and math stages are synchronous: a few workers keep the reader and the writer busy. The LLM stage waits on the
// network, so as many workers run as the endpoint lets requests be in flight (its limiter enforces the real bound).
const workersWithoutJudge = 4;

/** The `judge` job: grades a target's items with a cascade, storing one verdict per item; resumable. */
export const judgeJob = defineJobHandler({
  kind: "judge",
  configSchema: judgeJobConfigSchema,
  async execute(config, context): Promise<JudgeRunSummary> {
    const { db } = context.deps;
    const total = await countTargetItems(db, config.target);
    const cascade = await cascadeDepsFor(config, context);
    // Every request in flight listens for the run's cancel.
    setMaxListeners(cascade.workers + 16, context.signal);
    const started = Date.now();
    const already = (await summarizeRunVerdicts(db, context.run.id)).verdicts;
    let decided = already;
    let pending: { itemKind: JudgeItem["itemKind"]; itemId: number; verdict: CascadeVerdict }[] = [];
    let writing = Promise.resolve();
    const flush = () => {
      const batch = pending;
      pending = [];
      writing = writing.then(() => storeVerdicts(db, context.run.id, batch));
      return writing;
    };

    const items = unjudgedItems(config, context);
    // The first failure stops every worker: nothing is written after the run has ended.
    let failure: { error: unknown } | null = null;
    const worker = async () => {
      while (!failure) {
        const next = await items.next();
        if (next.done) return;
        const item = next.value;
        const verdict = await gradeWithCascade(item, config.cascade, cascade.deps);
        context.signal.throwIfAborted();
        pending.push({ itemKind: item.itemKind, itemId: item.itemId, verdict });
        decided += 1;
        if (pending.length >= writeBatchSize) {
          await flush();
          const perSecond = Math.round((decided - already) / Math.max((Date.now() - started) / 1000, 0.001));
          context.reportProgress(total === 0 ? 1 : decided / total, `${decided.toLocaleString("en")} of ${total.toLocaleString("en")} verdicts · ${perSecond.toLocaleString("en")}/s`);
        }
      }
    };
    const stopOnFailure = () =>
      worker().catch((error: unknown) => {
        failure ??= { error };
      });
    await Promise.all(Array.from({ length: cascade.workers }, stopOnFailure));
    await flush();
    if (failure) throw (failure as { error: unknown }).error;
    const summary = await summarizeRunVerdicts(db, context.run.id);
    await context.log(
      `${summary.verdicts} verdicts: ${summary.matched} match, ${summary.verdicts - summary.matched - summary.unparsed - summary.errors} no match, ` +
        `${summary.unparsed} unparsed, ${summary.errors} judge errors; ${summary.tokens.prompt + summary.tokens.completion} tokens.`,
    );
    return summary;
  },
});

/** Items in id order, read a batch at a time; workers share one reader, so each item is graded once. */
async function* unjudgedItems(config: JudgeJobConfig, context: JobContext): AsyncGenerator<JudgeItem> {
  let afterId = 0;
  for (;;) {
    context.signal.throwIfAborted();
    const batch = await readUnjudgedItems(context.deps.db, config.target, context.run.id, afterId, readBatchSize);
    if (batch.lastId === null) return;
    afterId = batch.lastId;
    yield* batch.items;
  }
}

async function cascadeDepsFor(config: JudgeJobConfig, context: JobContext): Promise<{ deps: CascadeDeps; workers: number }> {
  if (!config.cascade.includes("llm") || !config.endpointId) {
    return { deps: { ruleMatch, mathMatch, askJudge: () => Promise.reject(new Error("this cascade has no LLM judge")) }, workers: workersWithoutJudge };
  }
  const { db, secrets } = context.deps;
  const client = await openEndpointClient({ db, secrets }, context.run.projectId, config.endpointId);
  const template = await resolveTemplate(db, context.run.projectId, config.templateId);
  const askJudge = createJudgeAsker({
    db,
    projectId: context.run.projectId,
    template,
    signal: context.signal,
    endpoint: { baseUrl: client.endpoint.baseUrl, model: client.endpoint.model, complete: (messages, options) => client.complete(messages, options) },
  });
  return { deps: { ruleMatch, mathMatch, askJudge, isFatal: isEndpointMisconfigured }, workers: Math.max(workersWithoutJudge, client.endpoint.concurrency) };
}

/** Errors no retry fixes (a wrong URL, model or key) fail the run at once instead of filling it with error verdicts. */
function isEndpointMisconfigured(error: unknown): boolean {
  return error instanceof EndpointError && (error.kind === "unreachable" || error.kind === "unknown_model" || error.kind === "unauthorized");
}
