import { writeFile } from "node:fs/promises";
import { Option, type Command } from "commander";
import type { ExportFormat } from "@/server/evaluations/leaderboard-export";
import { createMmrClient, type MmrClient } from "../client";
import { resolveConnection } from "../config";
import { CliError } from "../errors";
import { withoutControlCharacters } from "../output";
import { projectOption } from "../project-option";

const exportFormats = ["csv", "md", "latex"] as const satisfies readonly ExportFormat[];

interface ExportOptions {
  project: string;
  format: ExportFormat;
  baseline?: string;
  columns?: string[];
  average?: string[];
  output?: string;
}

/** The leaderboard: export (the page itself is the web UI's). */
export function registerLeaderboardCommands(program: Command): void {
  const leaderboard = program.command("leaderboard").description("a project's models × benchmarks table");

  leaderboard
    .command("export")
    .description(
      "print the leaderboard as CSV (the shape `mmr eval import-table` reads), Markdown or LaTeX (booktabs, best per column bold, † kept); " +
        "scores in percent, the newest evaluation of each model counting.",
    )
    .addOption(projectOption())
    .addOption(new Option("--format <format>", "the table's format").choices(exportFormats).makeOptionMandatory())
    .option("--baseline <model>", "add each score's difference from this model's (its name or id)")
    .option("--columns <keys>", "the benchmark keys to show, comma-separated, in this order (default: every benchmark with a score)", commaList)
    .option("--average <keys>", "add an average over these benchmark keys, comma-separated", commaList)
    .option("--output <file>", "write the table to this file instead of stdout")
    .action(async (options: ExportOptions) => {
      const client = createMmrClient(resolveConnection());
      const { project } = options;
      if (options.columns || options.average) await assertBenchmarkKeys(client, project, { "--columns": options.columns, "--average": options.average });
      const table = await client.leaderboard.export.query({
        project,
        format: options.format,
        columns: options.columns,
        averageOver: options.average,
        baselineModel: options.baseline,
      });
      if (options.output) {
        await writeFile(options.output, table);
        console.log(`Wrote the ${options.format} table to ${options.output}.`);
      } else if (process.stdout.isTTY) {
        // Model names are anyone's text: on a terminal, blank their control characters; a pipe gets the table as it is.
        process.stdout.write(table.split("\n").map(withoutControlCharacters).join("\n"));
      } else {
        process.stdout.write(table);
      }
    });
}

function commaList(value: string): string[] {
  return value
    .split(",")
    .map((key) => key.trim())
    .filter((key) => key !== "");
}

/**
 * The leaderboard's columns are the project's benchmark catalog; the server shows an unknown key as an empty column,
 * so a misspelt one is refused here, with the keys there are.
 */
async function assertBenchmarkKeys(client: MmrClient, project: string, lists: Record<string, string[] | undefined>): Promise<void> {
  const known = new Set((await client.evaluations.benchmarks.query({ project })).map((benchmark) => benchmark.key));
  for (const [option, keys] of Object.entries(lists)) {
    const unknown = (keys ?? []).filter((key) => !known.has(key));
    if (unknown.length > 0) {
      throw new CliError(`${option}: no benchmark ${unknown.map((key) => `"${key}"`).join(", ")} in this project; its keys are ${[...known].join(", ")}.`);
    }
  }
}
