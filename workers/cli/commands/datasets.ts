import { Option, type Command } from "commander";
import { createMmrClient } from "../client";
import { resolveConnection } from "../config";
import { CliError } from "../errors";
import { exportDatasetVersion, exportFormats, type ExportOptions } from "../export/export-dataset";
import { importDataset, type ImportOptions } from "../import/import-dataset";
import { jsonOptionHelp, printList, type Column } from "../output";
import { projectOption } from "../project-option";

type DatasetRow = { id: string; name: string; sampleCount: number; createdAt: Date };

const datasetColumns: Column<DatasetRow>[] = [
  { header: "ID", value: (dataset) => dataset.id },
  { header: "NAME", value: (dataset) => dataset.name },
  { header: "SAMPLES", value: (dataset) => dataset.sampleCount.toLocaleString("en") },
  { header: "CREATED", value: (dataset) => dataset.createdAt.toISOString().slice(0, 16).replace("T", " ") },
];

/** Datasets: list, import, export. */
export function registerDatasetCommands(program: Command): void {
  const dataset = program.command("dataset").alias("datasets").description("the datasets of a project");

  dataset
    .command("list")
    .description("list a project's datasets")
    .addOption(projectOption())
    .option("--json", jsonOptionHelp)
    .action(async (options: { project: string; json?: boolean }) => {
      const rows = await createMmrClient(resolveConnection()).datasets.list.query({ project: options.project });
      printList(rows, datasetColumns, { json: options.json, emptyMessage: `Project "${options.project}" has no datasets yet.` });
    });

  dataset
    .command("import")
    .description(
      "import a data file (parquet, JSON array, JSON Lines), a dataset-list YAML or a directory of data files. " +
        "The files and the images their JSON rows reference (relative to the data folder) are uploaded; " +
        "a directory means the .parquet/.pq/.json/.jsonl/.ndjson files directly inside it. " +
        "Waits for the import run and prints its result; Ctrl-C stops waiting, not the import.",
    )
    .argument("<path>", "local file or directory; with --server-path, a path on the server under its import roots")
    .addOption(projectOption())
    .addOption(new Option("--name <name>", "import into the dataset of this name, creating it if the project has none").conflicts("dataset"))
    .addOption(new Option("--dataset <id>", "import into this existing dataset (its id, see `mmr dataset list`)"))
    .option("--server-path", "let the server read PATH itself (it must lie under the server's MMR_IMPORT_ROOTS); nothing is uploaded")
    .option("--json", "print the result as JSON: {datasetId, runId, rowsImported, rowsSkipped, imagesMissing, duplicates, skippedRows, missingImages}")
    .option("--no-wait", "start the import run and return at once (prints the run and dataset ids)")
    .action(async (inputPath: string, options: ImportOptions) => {
      if (!options.name?.trim() && !options.dataset) throw new CliError("Say where to import: --name NEW_NAME or --dataset ID.");
      await importDataset(inputPath, options);
    });

  dataset
    .command("export")
    .description(
      "export a version of a dataset in a trainer's format and download it: sft is lmms-engine SFT (train.parquet with id + messages, " +
        "the images under images/, and datasets.yaml listing them), rl is verl RL parquet (train.parquet, image bytes inside). " +
        "Waits for the export run, then downloads every file into the output folder, which must be new or empty.",
    )
    .addOption(projectOption())
    .requiredOption("--dataset <id>", "the dataset's id (see `mmr dataset list`)")
    .requiredOption("--version <number|id>", "the version: its number (3 or v3) or its id")
    .addOption(new Option("--format <format>", "sft (lmms-engine) or rl (verl)").choices(Object.keys(exportFormats)).makeOptionMandatory())
    .option("--output <dir>", "where to download the files (default: ./<dataset name>-v<N>-<format>)")
    .option("--json", "print the result as JSON: {runId, format, files: [{name, bytes}], imageFiles: {folders, count, bytes}, samples, images, skipped, output}")
    .option("--no-wait", "start the export run and return at once (prints the run id); nothing is downloaded")
    .action(async (options: ExportOptions) => {
      await exportDatasetVersion(options);
    });
}
