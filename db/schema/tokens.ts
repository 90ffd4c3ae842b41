import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { projects } from "./projects";

// personal: acts as its owner (CLI, scripts). worker: a GPU agent of one project.
export const tokenKind = pgEnum("token_kind", ["personal", "worker"]);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: tokenKind("kind").notNull(),
    name: text("name").notNull(),
    // sha256 of the secret; the secret itself is shown once and never stored.
    tokenHash: text("token_hash").notNull().unique(),
    // First characters of the secret, so a user can tell tokens apart in a list.
    prefix: text("prefix").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    index("api_tokens_user_idx").on(t.userId),
    index("api_tokens_project_idx").on(t.projectId),
    // A worker token without a project would fall back to acting as its creator.
    check("api_tokens_worker_has_project", sql`${t.kind} = 'personal' or ${t.projectId} is not null`),
  ],
);
