import "server-only";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { judgeCache } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { stripNul } from "@/server/db/storable-text";
import type { GradedItem, LlmOutcome } from "./cascade";
import { parseJudgeReply } from "./judge-reply";
import { renderPrompt, type JudgeTemplate } from "./judge-templates";

/** What the LLM stage needs from a model endpoint: its identity (for the cache key) and one chat completion. */
export interface JudgeEndpoint {
  baseUrl: string;
  model: string;
  complete(
    messages: { role: "system" | "user"; content: string }[],
    options: { signal?: AbortSignal; maxTokens?: number; temperature?: number },
  ): Promise<{ text: string; promptTokens: number; completionTokens: number }>;
}

// A judge reads the end of a response, where the final answer is; a 100 KB trace is cut from the front.
const maxPredictionChars = 24_000;
const maxQuestionChars = 8_000;

/** Asks the judge about one item, or reads its earlier reply to the same question from the project's cache. */
export function createJudgeAsker(input: { db: Database; projectId: string; endpoint: JudgeEndpoint; template: JudgeTemplate; signal?: AbortSignal }) {
  const { db, projectId, endpoint, template } = input;
  return async (item: GradedItem): Promise<LlmOutcome> => {
    const messages = judgeMessages(template, item);
    const key = createHash("sha256")
      .update(JSON.stringify([endpoint.baseUrl, endpoint.model, template.id, template.version, messages]))
      .digest("hex");
    const [hit] = await db
      .select()
      .from(judgeCache)
      .where(and(eq(judgeCache.projectId, projectId), eq(judgeCache.key, key)));
    if (hit) return outcome(hit.reply, hit.promptTokens, hit.completionTokens, true, template);
    const reply = await endpoint.complete(messages, { signal: input.signal, maxTokens: template.asksRationale ? 1024 : 16, temperature: 0 });
    const text = stripNul(reply.text);
    // Stored before the verdict is: a runner that dies in between does not ask again when the run resumes.
    await db
      .insert(judgeCache)
      .values({ projectId, key, reply: text, promptTokens: reply.promptTokens, completionTokens: reply.completionTokens })
      .onConflictDoNothing();
    return outcome(text, reply.promptTokens, reply.completionTokens, false, template);
  };
}

export function judgeMessages(template: JudgeTemplate, item: GradedItem): { role: "system" | "user"; content: string }[] {
  const values = {
    question: cutFront(item.question, maxQuestionChars, false),
    gold: item.gold,
    prediction: cutFront(item.prediction, maxPredictionChars, true),
  };
  const user = { role: "user" as const, content: renderPrompt(template.userPrompt, values) };
  return template.systemPrompt ? [{ role: "system", content: template.systemPrompt }, user] : [user];
}

function outcome(reply: string, promptTokens: number, completionTokens: number, cached: boolean, template: JudgeTemplate): LlmOutcome {
  const parsed = parseJudgeReply(reply, template.asksRationale);
  return { verdict: parsed.verdict, reply, reason: parsed.reason, promptTokens, completionTokens, cached };
}

function cutFront(text: string, maxChars: number, keepEnd: boolean): string {
  if (text.length <= maxChars) return text;
  return keepEnd ? `[…]${text.slice(-maxChars)}` : `${text.slice(0, maxChars)}[…]`;
}
