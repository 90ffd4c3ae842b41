import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { evaluationSamples, evaluationScores, evaluations } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { BlobStore } from "@/server/blobs/blob-store";
import { listBenchmarks } from "./catalog";
import {
  LmmsEvalFormatError,
  parseLmmsEvalResults,
  readLmmsEvalSamples,
  scanLmmsEvalOutput,
  type JsonValue,
  type LmmsEvalOutputRun,
  type LmmsEvalResults,
  type LmmsEvalSample,
} from "./lmms-eval";
import { parseLenientJson } from "./lmms-eval/lenient-json";
import { findOrCreateModel, recordCheckpointLineage } from "./models";

export interface EvalImportOptions {
  projectId: string;
  /** Overrides the model name the results file gives. */
  modelName?: string;
  /** A results file imported before is refused unless this is set; then the earlier evaluation is replaced. */
  replace?: boolean;
  runId?: number | null;
  /** The training run whose checkpoint was evaluated: recorded in the model's lineage. */
  checkpointRunId?: number | null;
  importedBy: string | null;
  onProgress?: (message: string) => void;
}

export interface ImportedEvaluation {
  evaluationId: string;
  model: string;
  tasks: string[];
  scores: number;
  samples: Record<string, number>;
  /** Sample lines that could not be read, with their file and line number (the first few). */
  skippedLines: string[];
  skippedLineCount: number;
  replaced: boolean;
}

export interface EvalImportResult {
  evaluations: ImportedEvaluation[];
  /** Samples files with no results file beside them (a run that crashed before writing results). */
  unpairedSamples: string[];
}

const sampleBatchSize = 1000;

/**
 * The lenient parser builds prototype-less objects (so a "__proto__" key stays data); the ORM needs plain ones.
 * A JSON round trip also turns NaN into null, which jsonb cannot hold anyway.
 */
const plain = <T>(value: T): T => (value === undefined || value === null ? value : JSON.parse(JSON.stringify(value)));

/** Every results file under `root` (a folder lmms-eval wrote, or one results file), with its samples files. */
export async function importLmmsEvalOutput(db: Database, root: string, options: EvalImportOptions): Promise<EvalImportResult> {
  const scan = await scanLmmsEvalOutput(root);
  if (scan.runs.length === 0) throw new DomainError("BAD_REQUEST", `No lmms-eval results file (<date>_results.json) under ${path.basename(root)}.`);
  // All results files land together or none does: a failed second file must not leave the first behind.
  const imported = await db.transaction(async (tx) => {
    const done: ImportedEvaluation[] = [];
    for (const run of scan.runs) done.push(await importOneRun(tx, run, options));
    return done;
  });
  return { evaluations: imported, unpairedSamples: scan.unpairedSamples.map((s) => path.basename(s.path)) };
}

async function importOneRun(db: Database, run: LmmsEvalOutputRun, options: EvalImportOptions): Promise<ImportedEvaluation> {
  const file = path.basename(run.resultsPath);
  const bytes = await readFile(run.resultsPath);
  const results = readResults(bytes, file, run);
  const listedTasks = new Set(results.meta.tasks.flatMap((t) => [t.task, ...t.subtasks]));
  for (const samples of run.samples) {
    if (!listedTasks.has(samples.task)) {
      throw new DomainError("BAD_REQUEST", `${path.basename(samples.path)}: task "${samples.task}" is not in ${file}, which lists ${[...listedTasks].join(", ")}.`);
    }
  }
  const modelName = options.modelName ?? results.meta.modelName;
  if (!modelName) throw new DomainError("BAD_REQUEST", `${file} names no model: pass the model name.`);
  const resultsSha256 = BlobStore.digest(bytes);
  const headlineMetric = await headlineMetricByTask(db, options.projectId, results);

  return db.transaction(async (tx) => {
    const [previous] = await tx
      .select({ id: evaluations.id })
      .from(evaluations)
      .where(and(eq(evaluations.projectId, options.projectId), eq(evaluations.resultsSha256, resultsSha256)));
    if (previous && !options.replace) {
      throw new DomainError("CONFLICT", `${file} was imported before (evaluation ${previous.id}); import it again with replace (--replace in the CLI) to overwrite it.`);
    }
    if (previous) await tx.delete(evaluations).where(eq(evaluations.id, previous.id));
    const model = await findOrCreateModel(tx, { projectId: options.projectId, name: modelName, source: "evaluated" });
    if (options.checkpointRunId) await recordCheckpointLineage(tx, model.id, options.checkpointRunId);
    const [evaluation] = await tx
      .insert(evaluations)
      .values({
        projectId: options.projectId,
        modelId: model.id,
        format: "lmms-eval",
        label: `${modelName} · ${results.meta.dateId ?? file}`,
        resultsSha256,
        dateId: results.meta.dateId,
        startedAt: results.meta.startedAt,
        lmmsEvalVersion: results.meta.lmmsEvalVersion,
        gitHash: results.meta.gitHash,
        modelArgs: plain(results.meta.modelArgs),
        harness: plain({ file, modelSource: results.meta.modelSource, totalEvaluationSeconds: results.meta.totalEvaluationSeconds, tasks: results.meta.tasks }),
        runId: options.runId ?? null,
        importedBy: options.importedBy,
      })
      .returning({ id: evaluations.id });
    const nSamples = new Map(results.meta.tasks.map((t) => [t.task, t.nSamples?.effective ?? null]));
    if (results.rows.length > 0) {
      await tx.insert(evaluationScores).values(
        results.rows.map((row) => ({
          evaluationId: evaluation.id,
          task: row.task,
          metric: row.metric,
          filter: row.filter,
          value: row.value,
          stderr: row.stderr,
          stderrKind: row.stderrKind,
          higherIsBetter: row.higherIsBetter ?? null,
          raw: plain(row.raw ?? null),
          nSamples: nSamples.get(row.task) ?? null,
        })),
      );
    }
    const sampleCounts: Record<string, number> = {};
    const skippedLines: string[] = [];
    for (const samplesFile of run.samples) {
      options.onProgress?.(`${file}: samples of ${samplesFile.task}`);
      sampleCounts[samplesFile.task] = await importSamplesFile(tx, evaluation.id, samplesFile, headlineMetric.get(samplesFile.task), skippedLines);
    }
    return {
      evaluationId: evaluation.id,
      model: modelName,
      tasks: results.meta.tasks.map((t) => t.task),
      scores: results.rows.length,
      samples: sampleCounts,
      skippedLines: skippedLines.slice(0, 20),
      skippedLineCount: skippedLines.length,
      replaced: Boolean(previous),
    };
  });
}

/** lmms-eval writes Python's NaN into its JSON, so the parse is lenient; format problems become the user's error. */
function readResults(bytes: Buffer, file: string, run: LmmsEvalOutputRun): LmmsEvalResults {
  try {
    return parseLmmsEvalResults(parseLenientJson(bytes.toString("utf8")), file, { dateId: run.dateId, folderName: path.basename(run.modelFolder) });
  } catch (error) {
    if (error instanceof LmmsEvalFormatError) throw new DomainError("BAD_REQUEST", error.message);
    throw error;
  }
}

/** The metric a sample's `score` comes from: the catalog's for the task, else the first numeric one the results report. */
async function headlineMetricByTask(db: Database, projectId: string, results: LmmsEvalResults): Promise<Map<string, string[]>> {
  const catalog = await listBenchmarks(db, projectId);
  const byTask = new Map<string, string[]>();
  for (const row of results.rows) {
    const list = byTask.get(row.task) ?? catalog.filter((b) => b.task === row.task).map((b) => b.metric);
    if (!list.includes(row.metric)) list.push(row.metric);
    byTask.set(row.task, list);
  }
  return byTask;
}

/** A per-sample metric as a number: numbers and booleans as they are; MMMU-style {answer, parsed_pred} as 1 or 0. */
function numericMetric(value: JsonValue | undefined): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value && typeof value === "object" && !Array.isArray(value) && "answer" in value && "parsed_pred" in value) {
    return JSON.stringify(value.parsed_pred) === JSON.stringify(value.answer) ? 1 : 0;
  }
  return null;
}

function scoreOf(sample: LmmsEvalSample, metrics: string[] | undefined): number | null {
  for (const name of [...(metrics ?? []), ...Object.keys(sample.metrics)]) {
    const score = numericMetric(sample.metrics[name]);
    if (score !== null) return score;
  }
  return null;
}

function responseText(resps: JsonValue[]): string {
  const flat = resps.flat(3);
  return flat.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n");
}

async function importSamplesFile(
  db: Database,
  evaluationId: string,
  file: { task: string; path: string },
  metrics: string[] | undefined,
  skippedLines: string[],
): Promise<number> {
  let batch: (typeof evaluationSamples.$inferInsert)[] = [];
  let stored = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const inserted = await db.insert(evaluationSamples).values(batch).onConflictDoNothing().returning({ id: evaluationSamples.id });
    stored += inserted.length;
    batch = [];
  };
  for await (const line of readLmmsEvalSamples(file.path)) {
    if (!line.ok) {
      skippedLines.push(`${path.basename(file.path)} line ${line.lineNumber}: ${line.error}`);
      continue;
    }
    const sample = line.sample;
    batch.push({
      evaluationId,
      task: file.task,
      docId: String(sample.docId),
      target: sample.target,
      response: responseText(sample.filteredResps),
      resps: plain(sample.resps ?? null),
      input: sample.input ?? null,
      docHash: sample.docHash ?? null,
      metrics: plain(sample.metrics),
      score: scoreOf(sample, metrics),
    });
    if (batch.length >= sampleBatchSize) await flush();
  }
  await flush();
  return stored;
}
