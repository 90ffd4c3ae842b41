import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { projects } from "./projects";

// An OpenAI-compatible model server (vLLM, SGLang, a hosted API): one list per project, used as judges, teachers and
// embedders. The API key is stored sealed (AES-256-GCM under the instance's auth secret), never returned to clients.
export const modelEndpoints = pgTable(
  "model_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    baseUrl: text("base_url").notNull(),
    model: text("model").notNull(),
    apiKeySealed: text("api_key_sealed"),
    // Requests in flight at once from one process, and per minute (null: no limit).
    concurrency: integer("concurrency").notNull().default(8),
    requestsPerMinute: integer("requests_per_minute"),
    timeoutMs: integer("timeout_ms").notNull().default(120_000),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("model_endpoints_project_name_idx").on(t.projectId, t.name)],
);
