import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { judgeTemplates } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { DomainError } from "@/server/errors";

export type JudgeTemplate = typeof judgeTemplates.$inferSelect;

/** The recipe's judge: shown the question, the reference answer and the response, it answers 1 or 0 and nothing else. */
export const defaultTemplate = {
  name: "recipe-binary",
  systemPrompt: "You grade answers to exam questions. You compare a student's final answer with the reference answer.",
  userPrompt: [
    "Question:",
    "{question}",
    "",
    "Reference answer:",
    "{gold}",
    "",
    "Student's response:",
    "{prediction}",
    "",
    "Is the student's final answer equivalent to the reference answer? Ignore the working; judge only the final answer.",
    "Reply with a single character: 1 if it is equivalent, 0 if it is not.",
  ].join("\n"),
  asksRationale: false,
};

export const placeholders = ["{question}", "{gold}", "{prediction}"] as const;

/** The template a job names, or the project's newest version of the recipe's default (created on first use). */
export async function resolveTemplate(db: Database, projectId: string, templateId?: string): Promise<JudgeTemplate> {
  if (templateId) {
    const [found] = await db
      .select()
      .from(judgeTemplates)
      .where(and(eq(judgeTemplates.projectId, projectId), eq(judgeTemplates.id, templateId)));
    if (!found) throw new DomainError("NOT_FOUND", "That judge prompt template does not exist in this project.");
    return found;
  }
  const [newest] = await db
    .select()
    .from(judgeTemplates)
    .where(and(eq(judgeTemplates.projectId, projectId), eq(judgeTemplates.name, defaultTemplate.name)))
    .orderBy(desc(judgeTemplates.version))
    .limit(1);
  if (newest) return newest;
  await db.insert(judgeTemplates).values({ projectId, version: 1, ...defaultTemplate }).onConflictDoNothing();
  return resolveTemplate(db, projectId, undefined);
}

/** A new version of a template (versions never change once stored: verdicts and cached replies name them). */
export async function saveTemplateVersion(
  db: Database,
  input: { projectId: string; name: string; systemPrompt: string; userPrompt: string; asksRationale: boolean; createdBy: string | null },
): Promise<JudgeTemplate> {
  const missing = placeholders.filter((p) => p !== "{question}" && !input.userPrompt.includes(p));
  if (missing.length > 0) throw new DomainError("BAD_REQUEST", `The prompt must contain ${missing.join(" and ")}.`);
  return db.transaction(async (tx) => {
    const [latest] = await tx
      .select({ version: judgeTemplates.version })
      .from(judgeTemplates)
      .where(and(eq(judgeTemplates.projectId, input.projectId), eq(judgeTemplates.name, input.name)))
      .orderBy(desc(judgeTemplates.version))
      .limit(1)
      .for("update");
    const [saved] = await tx
      .insert(judgeTemplates)
      .values({ ...input, version: (latest?.version ?? 0) + 1 })
      .returning();
    return saved;
  });
}

export async function listTemplates(db: Database, projectId: string): Promise<JudgeTemplate[]> {
  return db.select().from(judgeTemplates).where(eq(judgeTemplates.projectId, projectId)).orderBy(judgeTemplates.name, desc(judgeTemplates.version));
}

/** Fills the placeholders in one pass, so text that itself contains "{gold}" is never substituted again. */
export function renderPrompt(template: string, values: { question: string; gold: string; prediction: string }): string {
  return template.replace(/\{(question|gold|prediction)\}/g, (_, name: keyof typeof values) => values[name]);
}
