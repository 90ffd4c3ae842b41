import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
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

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const answerKind = pgEnum("answer_kind", ["none", "choice", "number", "math", "text"]);
// A source's samples are visible once its import finished; a failed import deletes its source and samples.
export const sourceStatus = pgEnum("source_status", ["importing", "ready"]);

export const datasets = pgTable(
  "datasets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    sampleCount: bigint("sample_count", { mode: "number" }).notNull().default(0),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("datasets_project_name_idx").on(t.projectId, t.name)],
);

// One imported file (or one entry of a dataset-list YAML). Its content hash makes re-imports add nothing.
export const datasetSources = pgTable(
  "dataset_sources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    datasetId: uuid("dataset_id")
      .notNull()
      .references(() => datasets.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    origin: text("origin").notNull(),
    format: text("format").notNull(),
    status: sourceStatus("status").notNull().default("importing"),
    fileSha256: text("file_sha256").notNull(),
    mapping: jsonb("mapping").notNull(),
    rowsImported: integer("rows_imported").notNull().default(0),
    rowsSkipped: integer("rows_skipped").notNull().default(0),
    importRunId: bigint("import_run_id", { mode: "number" }).references(() => runs.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("dataset_sources_dataset_idx").on(t.datasetId)],
);

// No foreign keys on dataset_id / source_id: the per-row checks were a fifth of the database's import cost. The
// sample writer locks its source once per batch instead, and a trigger (migration 0008) removes the samples of
// deleted sources, which a deleted dataset's sources are.
export const samples = pgTable(
  "samples",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    datasetId: uuid("dataset_id").notNull(),
    sourceId: uuid("source_id").notNull(),
    rowNumber: integer("row_number").notNull(),
    externalId: text("external_id"),
    // The sample's own source (verl's data_source, which picks its reward function); the file is sourceId.
    sourceName: text("source_name"),
    // The normalised sample's sha256, its first 128 bits as a uuid: the same sample imported twice is stored once. A
    // 64-character text key made the unique index twice the size, and its random inserts slowed imports once it
    // outgrew Postgres's buffers.
    contentHash: uuid("content_hash").notNull(),
    question: text("question").notNull(),
    answer: text("answer"),
    answerKind: answerKind("answer_kind").notNull().default("none"),
    trace: text("trace"),
    traceLength: integer("trace_length").notNull().default(0),
    systemPrompt: text("system_prompt"),
    messages: jsonb("messages"),
    extra: jsonb("extra"),
    // A judge's verdict on the sample's response (a distillation or evaluation judge), when the data carried one.
    verdict: boolean("verdict"),
    imageCount: integer("image_count").notNull().default(0),
    // The first image's thumbnail, so list views need no join.
    thumbnailSha256: text("thumbnail_sha256"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    note: text("note"),
    excluded: boolean("excluded").notNull().default(false),
    // The words of question and answer, cut by server/datasets/search-terms.ts (which also cuts the queries).
    searchText: tsvector("search_text").notNull().default(sql`''::tsvector`),
  },
  (t) => [
    uniqueIndex("samples_dataset_hash_idx").on(t.datasetId, t.contentHash),
    index("samples_dataset_id_idx").on(t.datasetId, t.id),
    // Sorting by trace length reads this index in order instead of sorting the whole dataset.
    index("samples_dataset_trace_length_idx").on(t.datasetId, t.traceLength, t.id),
    // Verdicts are rare in most datasets; a judged-right/wrong filter finds its rows here instead of scanning the rest.
    index("samples_dataset_verdict_idx").on(t.datasetId, t.verdict, t.id).where(sql`${t.verdict} is not null`),
    index("samples_search_idx").using("gin", t.searchText),
    index("samples_tags_idx").using("gin", t.tags),
  ],
);

export const blobs = pgTable(
  "blobs",
  {
  sha256: text("sha256").primaryKey(),
  size: integer("size").notNull(),
  mime: text("mime").notNull(),
  width: integer("width"),
  height: integer("height"),
    thumbnailSha256: text("thumbnail_sha256"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // Serving a thumbnail checks access through the image it was made from.
  (t) => [index("blobs_thumbnail_idx").on(t.thumbnailSha256)],
);

// Files a client uploaded for an import (the data file and the images it references), kept per project.
export const uploads = pgTable("uploads", {
  id: uuid("id").primaryKey().defaultRandom(),
  projectId: uuid("project_id")
    .notNull()
    .references(() => projects.id, { onDelete: "cascade" }),
  userId: text("user_id")
    .notNull()
    .references(() => user.id, { onDelete: "cascade" }),
  bytes: bigint("bytes", { mode: "number" }).notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const sampleImages = pgTable(
  "sample_images",
  {
    sampleId: bigint("sample_id", { mode: "number" })
      .notNull()
      .references(() => samples.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    blobSha256: text("blob_sha256")
      .notNull()
      .references(() => blobs.sha256),
    originalPath: text("original_path"),
  },
  (t) => [primaryKey({ columns: [t.sampleId, t.position] }), index("sample_images_blob_idx").on(t.blobSha256)],
);

// An immutable snapshot of the included samples of a dataset at one moment.
export const datasetVersions = pgTable(
  "dataset_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    datasetId: uuid("dataset_id")
      .notNull()
      .references(() => datasets.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    name: text("name").notNull(),
    contentHash: text("content_hash").notNull(),
    sampleCount: integer("sample_count").notNull(),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("dataset_versions_number_idx").on(t.datasetId, t.number)],
);

export const versionSamples = pgTable(
  "version_samples",
  {
    versionId: uuid("version_id")
      .notNull()
      .references(() => datasetVersions.id, { onDelete: "cascade" }),
    sampleId: bigint("sample_id", { mode: "number" })
      .notNull()
      .references(() => samples.id, { onDelete: "cascade" }),
  },
  // Deleting samples (a failed or cancelled import, a deleted dataset) finds their version rows here; without it each
  // deleted sample scanned every version's rows (200k samples, 100k of them versioned: 7 minutes).
  (t) => [primaryKey({ columns: [t.versionId, t.sampleId] }), index("version_samples_sample_idx").on(t.sampleId)],
);
