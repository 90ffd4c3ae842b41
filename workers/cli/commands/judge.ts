import { InvalidArgumentError, Option, type Command } from "commander";
import { createMmrClient, type MmrClient } from "../client";
import { resolveConnection } from "../config";
import { CliError } from "../errors";
import { resolveVersion } from "../export/export-dataset";
import { plural, printJson, withoutControlCharacters } from "../output";
import { ProgressDisplay } from "../progress";
import { projectOption } from "../project-option";
import { waitForRun } from "../wait-for-run";

const stages = ["rule", "math", "llm"] as const;
type Stage = (typeof stages)[number];

interface JudgeRunOptions {
  project: string;
  dataset?: string;
  version?: string;
  evaluation?: string;
  task?: string;
  cascade: Stage[];
  endpoint?: string;
  name?: string;
  wait?: boolean;
  json?: boolean;
}

/** Judge jobs: grade a dataset's or an evaluation's answers with the cascade, and read their verdicts. */
export function registerJudgeCommands(program: Command): void {
  const judge = program.command("judge").description("grade answers with the cascade (rule match → math equivalence → LLM judge) and read the verdicts");

  judge
    .command("run")
    .description(
      "start a judge job over a dataset (gold = answer, prediction = trace) or an evaluation's per-sample results (target vs filtered_resps). " +
        "Without --version, a dataset's included samples as they are now.",
    )
    .addOption(projectOption())
    .option("--dataset <id|name>", "the dataset to grade")
    .option("--version <number|id>", "a frozen version of the dataset (3 or v3)")
    .option("--evaluation <id>", "the evaluation to grade (see `mmr eval list --json`)")
    .option("--task <name>", "only this task of the evaluation")
    .addOption(new Option("--cascade <stages>", "stages in order, comma-separated: rule, math, llm").argParser(parseCascade).default(["rule", "math"]))
    .option("--endpoint <name>", "the model endpoint that judges (needed with llm; see `mmr endpoint list`)")
    .option("--name <name>", "the run's name")
    .option("--wait", "wait for the job to end and print its figures")
    .option("--json", "print JSON: {runId, status} or, with --wait, {runId, status, verdicts, byStage, unparsed, tokens}")
    .action((options: JudgeRunOptions) => runJudge(options));

  judge
    .command("verdicts")
    .description("print a judge run's verdicts, one line each")
    .addOption(projectOption())
    .addOption(new Option("--run <number>", "the judge run").argParser(parsePositive).makeOptionMandatory())
    .option("--json", "one JSON line per verdict: {sampleId, itemKind, match, stage, reason, goldExtracted, predExtracted, stages, rawReply}")
    .action((options: { project: string; run: number; json?: boolean }) => printVerdicts(options));
}

async function runJudge(options: JudgeRunOptions): Promise<void> {
  const client = createMmrClient(resolveConnection());
  const target = await resolveTarget(client, options);
  const run = await client.verdicts.startJudge.mutate({ project: options.project, target, cascade: options.cascade, endpoint: options.endpoint, name: options.name });
  if (!options.wait) {
    if (options.json) return printJson({ runId: run.id, status: run.state });
    console.log(`Judge run ${run.id} queued: ${withoutControlCharacters(run.name)}. Follow it with \`mmr judge verdicts --run ${run.id}\` or on the Judge page.`);
    return;
  }
  const progress = new ProgressDisplay();
  try {
    await waitForRun(client, options.project, run.id, progress, (note) => console.error(note), "judge");
  } finally {
    progress.finish();
  }
  const summary = await client.verdicts.runSummary.query({ project: options.project, runId: run.id });
  if (options.json) {
    return printJson({ runId: run.id, status: "succeeded", verdicts: summary.verdicts, matched: summary.matched, byStage: summary.byStage, unparsed: summary.unparsed, errors: summary.errors, tokens: summary.tokens, cachedReplies: summary.cachedReplies });
  }
  const stagesLine = Object.entries(summary.byStage).map(([stage, count]) => `${stage} ${count}`).join(", ");
  console.log(`Judge run ${run.id}: ${plural(summary.verdicts, "verdict")}, ${summary.matched} match (${stagesLine || "none"}).`);
  if (summary.unparsed + summary.errors > 0) console.log(`${summary.unparsed} replies were not verdicts and ${summary.errors} items could not be judged.`);
  console.log(`Tokens: ${summary.tokens.prompt} prompt + ${summary.tokens.completion} completion; ${summary.cachedReplies} replies from the cache.`);
}

async function resolveTarget(client: MmrClient, options: JudgeRunOptions) {
  if (Boolean(options.dataset) === Boolean(options.evaluation)) throw new CliError("Name what to grade: --dataset or --evaluation (one of them).");
  if (options.evaluation) {
    if (options.version) throw new CliError("--version belongs to --dataset; an evaluation has tasks (--task).");
    return { kind: "evaluation" as const, evaluationId: options.evaluation, task: options.task };
  }
  if (options.task) throw new CliError("--task belongs to --evaluation.");
  const datasets = await client.datasets.list.query({ project: options.project });
  const dataset = datasets.find((d) => d.id === options.dataset) ?? datasets.find((d) => d.name === options.dataset);
  if (!dataset) throw new CliError(`Project "${options.project}" has no dataset ${JSON.stringify(options.dataset)} (see \`mmr dataset list\`).`);
  const version = options.version ? await resolveVersion(client, options.project, dataset, options.version) : null;
  return { kind: "dataset" as const, datasetId: dataset.id, versionId: version?.id };
}

async function printVerdicts(options: { project: string; run: number; json?: boolean }): Promise<void> {
  const client = createMmrClient(resolveConnection());
  let afterId = 0;
  for (;;) {
    const page = await client.verdicts.runVerdicts.query({ project: options.project, runId: options.run, afterId, limit: 1000 });
    for (const v of page) {
      if (options.json) {
        const { itemId, judgeReply, id: _id, ...rest } = v;
        console.log(JSON.stringify({ sampleId: itemId, ...rest, rawReply: judgeReply }));
      } else {
        const verdict = v.match === null ? "undecided" : v.match ? "match" : "no match";
        console.log(withoutControlCharacters(`${v.itemKind} ${v.itemId}\t${verdict}\t${v.stage}\t${v.reason}`));
      }
    }
    if (page.length < 1000) return;
    afterId = page[page.length - 1].id;
  }
}

function parseCascade(value: string): Stage[] {
  const named = value.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = named.filter((s) => !(stages as readonly string[]).includes(s));
  if (unknown.length > 0 || named.length === 0) throw new InvalidArgumentError(`stages are rule, math and llm, comma-separated (got ${JSON.stringify(value)})`);
  return named as Stage[];
}

function parsePositive(value: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number <= 0) throw new InvalidArgumentError("a run number such as 12");
  return number;
}
