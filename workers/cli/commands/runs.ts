import { readFile } from "node:fs/promises";
import path from "node:path";
import { Option, type Command } from "commander";
import { createMmrClient } from "../client";
import { resolveConnection } from "../config";
import { CliError } from "../errors";
import { plural, printJson, withoutControlCharacters } from "../output";
import { projectOption } from "../project-option";

interface ImportLogOptions {
  project: string;
  kind: "rl" | "sft";
  name?: string;
  json?: boolean;
}

/** Training runs: import-log (a run launched outside MMR Studio). */
export function registerRunCommands(program: Command): void {
  const run = program.command("run").alias("runs").description("the training runs of a project");

  run
    .command("import-log")
    .summary("create a finished run from a training log or a verl JSONL metrics file")
    .description(
      "create a finished run from a training log written outside MMR Studio (verl console output, an lmms-engine / HF Trainer log) " +
        "or a verl JSONL metrics file: its metrics per step, its checkpoints and its text. A log that ends in a crash becomes a failed run. " +
        "The file travels in one request, so the server's body limit (MMR_MAX_BODY_BYTES, 1 MiB by default) bounds its size.",
    )
    .argument("<file>", "the log file")
    .addOption(projectOption())
    .addOption(new Option("--kind <kind>", "what the run trained").choices(["rl", "sft"]).makeOptionMandatory())
    .option("--name <name>", "the run's name (default: the file's name)")
    .option("--json", "print the result as JSON: {runId, status, steps, metricKeys}")
    .action(async (file: string, options: ImportLogOptions) => {
      const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
        throw new CliError(`Cannot read ${file}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
      });
      if (text.trim() === "") throw new CliError(`${file} is empty: there is no log to import.`);
      const connection = resolveConnection();
      const fileName = path.basename(file);
      const result = await createMmrClient(connection).runs.importLog.mutate({
        project: options.project,
        kind: options.kind,
        name: options.name?.trim() || fileName,
        fileName,
        text,
      });
      if (options.json) return printJson(result);
      console.log(withoutControlCharacters(`Imported run #${result.runId} (${result.status}): ${plural(result.steps, "step")}, ${plural(result.metricKeys.length, "metric key")}.`));
      console.log(`${connection.server}/p/${encodeURIComponent(options.project)}/runs/${result.runId}`);
    });
}
