import { sql } from "drizzle-orm";
import { bigint, doublePrecision, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { projects } from "./projects";
import { runs } from "./runs";
import { apiTokens } from "./tokens";

// A GPU machine running the agent with one worker token.
export const workers = pgTable(
  "workers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    tokenId: uuid("token_id")
      .notNull()
      .references(() => apiTokens.id, { onDelete: "cascade" }),
    hostname: text("hostname").notNull(),
    // [{index, name, memoryMb}] as nvidia-smi reports them at registration.
    gpus: jsonb("gpus").notNull().default([]),
    labels: text("labels").array().notNull().default(sql`'{}'::text[]`),
    executors: text("executors").array().notNull().default(sql`'{}'::text[]`),
    // Latest heartbeat: per-GPU utilisation and memory in use.
    gpuStatus: jsonb("gpu_status").notNull().default([]),
    currentRunId: bigint("current_run_id", { mode: "number" }).references(() => runs.id, { onDelete: "set null" }),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("workers_token_host_idx").on(t.tokenId, t.hostname)],
);

// One value of one metric at one step: the primary key is the index range reads use (run, key, step). No foreign keys:
// a per-row check doubled the cost of ingesting points, so the metric's key row is the parent, and a trigger
// (migration 0007) removes the points of deleted runs.
export const runMetrics = pgTable(
  "run_metrics",
  {
    runId: bigint("run_id", { mode: "number" }).notNull(),
    keyId: integer("key_id").notNull(),
    step: integer("step").notNull(),
    value: doublePrecision("value").notNull(),
    wallTime: timestamp("wall_time", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.keyId, t.step] })],
);

export const runCheckpoints = pgTable(
  "run_checkpoints",
  {
    runId: bigint("run_id", { mode: "number" })
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    step: integer("step").notNull(),
    path: text("path").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.step] })],
);

// The metric keys a run has, so a chart's key picker needs no scan of its points.
export const runMetricKeys = pgTable(
  "run_metric_keys",
  {
    runId: bigint("run_id", { mode: "number" })
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    // Points refer to their key by this number: four bytes instead of the key's text in every row and index entry.
    id: integer("id").notNull().generatedAlwaysAsIdentity(),
    // The highest step stored for the key: points beyond it are new and need no conflict check.
    lastStep: integer("last_step").notNull().default(-1),
  },
  (t) => [primaryKey({ columns: [t.runId, t.key] }), uniqueIndex("run_metric_keys_id_idx").on(t.id)],
);
