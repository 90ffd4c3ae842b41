import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "./auth";
import { projects } from "./projects";
import { runs } from "./runs";

// A project's benchmark catalog: what a leaderboard column means in lmms-eval terms. Admins edit it.
export const benchmarks = pgTable(
  "benchmarks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    label: text("label").notNull(),
    task: text("task").notNull(),
    metric: text("metric").notNull(),
    filter: text("filter").notNull().default("none"),
    modality: text("modality").notNull().default("image"),
    higherIsBetter: boolean("higher_is_better").notNull().default(true),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("benchmarks_project_key_idx").on(t.projectId, t.key)],
);

// evaluated: scored here from lmms-eval outputs; reference: figures quoted from a paper.
export const modelSource = pgEnum("model_source", ["evaluated", "reference"]);

export const models = pgTable(
  "models",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    source: modelSource("source").notNull(),
    // For references: where the figures come from (e.g. "OpenMMReasoner paper"); empty for models evaluated here.
    sourceLabel: text("source_label").notNull().default(""),
    baseModel: text("base_model"),
    sftData: text("sft_data"),
    rlData: text("rl_data"),
    // Runs and dataset versions the model came from, when known.
    lineage: jsonb("lineage").notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("models_project_name_source_idx").on(t.projectId, t.name, t.sourceLabel)],
);

export const evaluations = pgTable(
  "evaluations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    modelId: uuid("model_id")
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    format: text("format").notNull(),
    label: text("label").notNull(),
    // sha256 of the results file: the same file imported twice is refused (or replaces the first, by choice).
    resultsSha256: text("results_sha256"),
    dateId: text("date_id"),
    startedAt: text("started_at"),
    lmmsEvalVersion: text("lmms_eval_version"),
    gitHash: text("git_hash"),
    modelArgs: jsonb("model_args"),
    // Harness facts kept with every result: task hashes, n-samples, configs (generation kwargs), versions.
    harness: jsonb("harness").notNull().default({}),
    runId: bigint("run_id", { mode: "number" }).references(() => runs.id, { onDelete: "set null" }),
    importedBy: text("imported_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("evaluations_model_idx").on(t.modelId), uniqueIndex("evaluations_results_sha_idx").on(t.projectId, t.resultsSha256)],
);

export const evaluationScores = pgTable(
  "evaluation_scores",
  {
    evaluationId: uuid("evaluation_id")
      .notNull()
      .references(() => evaluations.id, { onDelete: "cascade" }),
    task: text("task").notNull(),
    metric: text("metric").notNull(),
    filter: text("filter").notNull(),
    // A fraction (0–1) for most metrics; null when the harness wrote "N/A" or an object (kept in raw).
    value: doublePrecision("value"),
    stderr: doublePrecision("stderr"),
    stderrKind: text("stderr_kind"),
    higherIsBetter: boolean("higher_is_better"),
    raw: jsonb("raw"),
    nSamples: integer("n_samples"),
    // The paper's † : a figure its authors reproduced from the released checkpoint.
    reproduced: boolean("reproduced").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.task, t.metric, t.filter] })],
);

export const evaluationSamples = pgTable(
  "evaluation_samples",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    evaluationId: uuid("evaluation_id")
      .notNull()
      .references(() => evaluations.id, { onDelete: "cascade" }),
    task: text("task").notNull(),
    docId: text("doc_id").notNull(),
    target: text("target"),
    response: text("response"),
    resps: jsonb("resps"),
    input: text("input"),
    docHash: text("doc_hash"),
    metrics: jsonb("metrics").notNull().default({}),
    // The per-sample value of the task's headline metric, when numeric (1 / 0 for accuracy).
    score: doublePrecision("score"),
  },
  (t) => [uniqueIndex("evaluation_samples_doc_idx").on(t.evaluationId, t.task, t.docId)],
);

// Two evaluations compared on one task (flips, bootstrap interval, McNemar): computed once, read many times.
export const pairedComparisons = pgTable(
  "paired_comparisons",
  {
    evaluationA: uuid("evaluation_a")
      .notNull()
      .references(() => evaluations.id, { onDelete: "cascade" }),
    evaluationB: uuid("evaluation_b")
      .notNull()
      .references(() => evaluations.id, { onDelete: "cascade" }),
    task: text("task").notNull(),
    result: jsonb("result").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.evaluationA, t.evaluationB, t.task] })],
);
