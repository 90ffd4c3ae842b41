import { readFile } from "node:fs/promises";
import path from "node:path";
import { InvalidArgumentError, Option, type Command } from "commander";
import { createMmrClient } from "../client";
import { resolveConnection } from "../config";
import { CliError } from "../errors";
import { evaluationsJson, evaluationTaskColumns, evaluationTaskRows } from "../evaluations/evaluation-rows";
import { importEvaluation, type EvalImportOptions } from "../evaluations/import-evaluation";
import { jsonOptionHelp, plural, printJson, printList, withoutControlCharacters } from "../output";
import { projectOption } from "../project-option";

/** Evaluation results: import (lmms-eval output), import-table (a paper's CSV), list. */
export function registerEvaluationCommands(program: Command): void {
  const evaluation = program.command("eval").description("evaluation results of a project: lmms-eval outputs and papers' tables");

  evaluation
    .command("import")
    .summary("import an lmms-eval output folder (results and samples files)")
    .description(
      "import an lmms-eval output folder: every <date>_results.json and <date>_samples_<task>.jsonl in it or below it is uploaded " +
        "and each results file becomes an evaluation with its samples. Importing the same results file again is refused unless --replace is given. " +
        "Waits for the import run and prints its result; Ctrl-C stops waiting, not the import.",
    )
    .argument("<dir>", "local folder lmms-eval wrote; with --server-path, a path on the server under its import roots")
    .addOption(projectOption())
    .option("--model <name>", "the model's name on the leaderboard (default: the name the results file gives)")
    .option("--replace", "replace an earlier import of the same results file instead of refusing it")
    .addOption(new Option("--checkpoint <run>", "the training run (its number) whose checkpoint was evaluated; kept in the model's lineage").argParser(parseRunNumber))
    .option("--server-path", "let the server read DIR itself (it must lie under the server's MMR_IMPORT_ROOTS); nothing is uploaded")
    .option("--json", "print the result as JSON: {runId, evaluations: [{evaluationId, model, tasks, scores, samples, skippedLines, replaced}], unpairedSamples}")
    .option("--no-wait", "start the import run and return at once (prints the run id)")
    .action((dir: string, options: EvalImportOptions) => importEvaluation(dir, options));

  evaluation
    .command("import-table")
    .summary("import a paper's results table from CSV")
    .description(
      "import a paper's results table from CSV: a `model` column, optional `sft_data` and `rl_data`, one column per benchmark key; " +
        "scores in percent, a trailing † marks a reproduced figure, an empty cell means no figure. " +
        "Importing a table with the same --source again replaces that source's figures.",
    )
    .argument("<file>", "the CSV file")
    .addOption(projectOption())
    .addOption(new Option("--source <name>", 'where the figures come from, e.g. "OpenMMReasoner paper"').makeOptionMandatory())
    .option("--json", "print the result as JSON: {models, uncatalogued}")
    .action(async (file: string, options: { project: string; source: string; json?: boolean }) => {
      const csv = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
        throw new CliError(`Cannot read ${file}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
      });
      if (csv.trim() === "") throw new CliError(`${file} is empty.`);
      const client = createMmrClient(resolveConnection());
      const result = await client.evaluations.importTable.mutate({ project: options.project, csv, fileName: path.basename(file), sourceLabel: options.source });
      if (options.json) return printJson(result);
      const lines = [`Imported ${plural(result.models, "model")} from "${options.source}".`];
      if (result.uncatalogued.length > 0) lines.push(`Columns not in the benchmark catalog, kept under their own names: ${result.uncatalogued.join(", ")}.`);
      for (const line of lines) console.log(withoutControlCharacters(line));
    });

  evaluation
    .command("list")
    .description("list a project's evaluations, one line per task with its main score in percent and its sample count")
    .addOption(projectOption())
    .option("--json", `${jsonOptionHelp}: every evaluation with its tasks, all metric values (fractions) and sample counts per task`)
    .action(async (options: { project: string; json?: boolean }) => {
      const client = createMmrClient(resolveConnection());
      const [evaluations, catalog] = await Promise.all([client.evaluations.list.query({ project: options.project }), client.evaluations.benchmarks.query({ project: options.project })]);
      if (options.json) return printJson(evaluationsJson(evaluations));
      printList(evaluationTaskRows(evaluations, catalog), evaluationTaskColumns, { emptyMessage: `Project "${options.project}" has no evaluations yet.` });
    });
}

function parseRunNumber(value: string): number {
  const run = Number(value);
  if (!Number.isSafeInteger(run) || run <= 0) throw new InvalidArgumentError("a run number such as 12");
  return run;
}
