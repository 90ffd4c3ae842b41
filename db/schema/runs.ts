import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "./auth";
import { projects } from "./projects";

export const runStates = ["queued", "claimed", "running", "succeeded", "failed", "cancelled", "lost"] as const;
export const runState = pgEnum("run_state", runStates);
export const runEventType = pgEnum("run_event_type", ["log", "progress", "status", "metric"]);

// Everything that runs (seed-demo, import, export, sft, rl, eval, ...) is a run.
export const runs = pgTable(
  "runs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    state: runState("state").notNull().default("queued"),
    queue: text("queue").notNull().default("cpu"),
    priority: integer("priority").notNull().default(0),
    requirements: jsonb("requirements").notNull().default({}),
    config: jsonb("config").notNull().default({}),
    // A resumable run whose lease expires goes back to the queue instead of becoming lost.
    resumable: boolean("resumable").notNull().default(false),
    progress: real("progress"),
    progressMessage: text("progress_message"),
    result: jsonb("result"),
    error: text("error"),
    cancelRequested: boolean("cancel_requested").notNull().default(false),
    claimedBy: text("claimed_by"),
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastEventSeq: bigint("last_event_seq", { mode: "number" }).notNull().default(0),
    // Training runs: what ran, where, and how it ended (reproducibility facts live in config and these).
    exitCode: integer("exit_code"),
    // No foreign key: workers reference runs (their current run), and the schema keeps one direction.
    workerId: uuid("worker_id"),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("runs_project_created_idx").on(t.projectId, t.id),
    // The claim query scans only queued runs, in priority order.
    index("runs_claimable_idx")
      .on(t.queue, t.priority.desc(), t.id)
      .where(sql`${t.state} = 'queued'`),
    index("runs_lease_idx")
      .on(t.leaseExpiresAt)
      .where(sql`${t.state} in ('claimed', 'running')`),
  ],
);

// Append-only event stream of a run. (run_id, seq) is the key, so a retried send is stored once.
export const runEvents = pgTable(
  "run_events",
  {
    runId: bigint("run_id", { mode: "number" })
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    seq: bigint("seq", { mode: "number" }).notNull(),
    type: runEventType("type").notNull(),
    payload: jsonb("payload").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.seq] })],
);
