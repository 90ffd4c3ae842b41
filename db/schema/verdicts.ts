import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { projects } from "./projects";
import { runs } from "./runs";

// What a verdict grades: a dataset sample (its trace or answer against its answer), an lmms-eval per-sample result
// (filtered_resps against target), or an RL rollout.
export const verdictItemKind = pgEnum("verdict_item_kind", ["sample", "evaluation_sample", "rollout"]);

// An LLM judge's prompt. Versions are immutable: a verdict and a cache entry name the version they were asked with.
export const judgeTemplates = pgTable(
  "judge_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    version: integer("version").notNull(),
    // Placeholders {question}, {gold}, {prediction}; the reply is parsed for a 1 or 0 (and a rationale when asked).
    systemPrompt: text("system_prompt").notNull().default(""),
    userPrompt: text("user_prompt").notNull(),
    asksRationale: boolean("asks_rationale").notNull().default(false),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("judge_templates_name_version_idx").on(t.projectId, t.name, t.version)],
);

// One judge run's verdict on one item. (run, item) is unique, so a resumed run skips what it already decided.
export const verdicts = pgTable(
  "verdicts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    runId: bigint("run_id", { mode: "number" })
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    itemKind: verdictItemKind("item_kind").notNull(),
    // samples.id, evaluation_samples.id or a rollout's id; no foreign key, as the kinds live in different tables.
    itemId: bigint("item_id", { mode: "number" }).notNull(),
    // null: undecided (the judge's reply was not a verdict, or every stage failed).
    match: boolean("match"),
    // The stage that decided: exact, choice, numeric, symbolic, string, llm, none; or unparsed / error.
    decidedBy: text("decided_by").notNull(),
    reason: text("reason").notNull(),
    goldExtracted: text("gold_extracted"),
    predExtracted: text("pred_extracted"),
    // Every stage tried, in order: [{ stage: "rule" | "math" | "llm", outcome, reason, ... }].
    stages: jsonb("stages").notNull().default([]),
    judgeReply: text("judge_reply"),
    promptTokens: integer("prompt_tokens").notNull().default(0),
    completionTokens: integer("completion_tokens").notNull().default(0),
    cached: boolean("cached").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("verdicts_run_item_idx").on(t.runId, t.itemKind, t.itemId),
    index("verdicts_item_idx").on(t.itemKind, t.itemId),
    // The agreement matrix reads a run's (item, match, id) from this index alone, in item order, and merge-joins two runs.
    index("verdicts_run_item_match_idx").on(t.runId, t.itemKind, t.itemId, t.match, t.id),
  ],
);

// LLM judge replies keyed by (endpoint model, template version, inputs): a re-run asks nothing it asked before.
export const judgeCache = pgTable(
  "judge_cache",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    // sha256 over base URL, model, template id + version and the rendered messages.
    key: text("key").notNull(),
    reply: text("reply").notNull(),
    promptTokens: integer("prompt_tokens").notNull().default(0),
    completionTokens: integer("completion_tokens").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.key] })],
);

// A person's word on whether an item's prediction is correct; one per item, the latest wins. It is a grader of its
// own in the agreement figures.
export const verdictLabels = pgTable(
  "verdict_labels",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    itemKind: verdictItemKind("item_kind").notNull(),
    itemId: bigint("item_id", { mode: "number" }).notNull(),
    correct: boolean("correct").notNull(),
    reason: text("reason").notNull().default(""),
    // The verdict the person was looking at when they labelled it, if any.
    verdictId: bigint("verdict_id", { mode: "number" }).references(() => verdicts.id, { onDelete: "set null" }),
    labelledBy: text("labelled_by").references(() => user.id, { onDelete: "set null" }),
    labelledAt: timestamp("labelled_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.itemKind, t.itemId] }), index("verdict_labels_verdict_idx").on(t.verdictId).where(sql`${t.verdictId} is not null`)],
);
