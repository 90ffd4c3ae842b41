import "server-only";
import { resolveColumnPath } from "./column-path";
import {
  answerNames,
  coveringTextColumns,
  idNames,
  imageNames,
  messageListColumn,
  questionNames,
  rankedColumns,
  sniffText,
  sourceNames,
  systemPromptNames,
  traceNames,
  verdictNames,
} from "./column-candidates";
import type { ColumnMapping, FieldMapping, RawRow, RawValue, RowLayout } from "./types";
import { imagesOf, textOf, verdictOf } from "./value-coercion";

export interface MappingSuggestion {
  layout: RowLayout;
  mapping: ColumnMapping;
}

const thinkTag = /<think>|<answer>/;

function isTextish(value: RawValue): boolean {
  return typeof value === "string" || typeof value === "number";
}

function looksLikeImages(value: RawValue): boolean {
  try {
    return imagesOf(value).length > 0;
  } catch {
    return false;
  }
}

/** Text at `path` in any sampled row matches `pattern`; rows whose value is not text do not count. */
function someTextMatches(rows: RawRow[], path: string, pattern: RegExp): boolean {
  return rows.some((row) => {
    try {
      return pattern.test(textOf(resolveColumnPath(row, path)) ?? "");
    } catch {
      return false;
    }
  });
}

function someResolves(rows: RawRow[], path: string): boolean {
  return rows.some((row) => {
    const value = resolveColumnPath(row, path);
    return value !== undefined && !(Array.isArray(value) && value.length === 0);
  });
}

function isVerdict(value: RawValue): boolean {
  try {
    return verdictOf(value) !== undefined;
  } catch {
    return false;
  }
}

function asFieldMapping(columns: string[]): FieldMapping | undefined {
  if (columns.length === 0) return undefined;
  return columns.length === 1 ? columns[0] : columns;
}

/** Mapping entries shared by every layout: id, source, images and a judge's verdict from conventionally named columns. */
function columnFields(rows: RawRow[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const id = rankedColumns(rows, idNames, isTextish)[0];
  const source = rankedColumns(rows, sourceNames, (value) => typeof value === "string")[0];
  const images = rankedColumns(rows, imageNames, looksLikeImages)[0];
  const verdict = rankedColumns(rows, verdictNames, isVerdict)[0];
  if (id) mapping.externalId = id;
  if (verdict) mapping.verdict = verdict;
  if (source) mapping.source = source;
  if (images) mapping.images = images;
  return mapping;
}

/** Conversation layouts: question from the first user turn, answer (or trace, when it reasons in tags) from the last reply. */
function conversationMapping(rows: RawRow[], column: string, turn: { roleKey: string; textKey: string; user: string; assistant: string; system: string }): ColumnMapping {
  const mapping: ColumnMapping = { ...columnFields(rows), messages: column };
  mapping.question = `${column}[${turn.roleKey}=${turn.user}][0].${turn.textKey}`;
  const system = `${column}[${turn.roleKey}=${turn.system}][0].${turn.textKey}`;
  if (someResolves(rows, system)) mapping.systemPrompt = system;
  const reply = `${column}[${turn.roleKey}=${turn.assistant}][-1].${turn.textKey}`;
  const answerColumn = asFieldMapping(coveringTextColumns(rows, answerNames));
  if (answerColumn) mapping.answer = answerColumn;
  if (someResolves(rows, reply)) {
    // A reply that reasons in <think>/<answer> is a trace; its final answer is the verifier's to extract, not a column.
    if (someTextMatches(rows, reply, thinkTag)) mapping.trace = reply;
    else mapping.answer ??= reply;
  }
  if (rows.some((row) => looksLikeImages(row[column]))) mapping.images = column;
  return mapping;
}

function tabularMapping(rows: RawRow[], traceColumn: string | undefined): ColumnMapping {
  const mapping = columnFields(rows);
  const question = asFieldMapping(coveringTextColumns(rows, questionNames));
  const answer = asFieldMapping(coveringTextColumns(rows, answerNames));
  const systemPrompt = rankedColumns(rows, systemPromptNames, (value) => typeof value === "string")[0];
  if (question) mapping.question = question;
  if (answer) mapping.answer = answer;
  if (systemPrompt) mapping.systemPrompt = systemPrompt;
  if (traceColumn) mapping.trace = rows.some((row) => Array.isArray(row[traceColumn])) ? `${traceColumn}[0]` : traceColumn;
  return mapping;
}

/**
 * Recognises the row layout of sampled rows and proposes a mapping into NormalisedSample. Pass a few hundred rows:
 * fields filled only in some rows (alternative question columns, system prompts) are found from the sample.
 */
export function suggestMapping(sampleRows: RawRow[]): MappingSuggestion {
  const llavaColumn = messageListColumn(sampleRows, "from", "value");
  if (llavaColumn) {
    const turn = { roleKey: "from", textKey: "value", user: "human", assistant: "gpt", system: "system" };
    return { layout: "llava-conversations", mapping: conversationMapping(sampleRows, llavaColumn, turn) };
  }
  const chatColumn = messageListColumn(sampleRows, "role", "content");
  if (chatColumn) {
    const turn = { roleKey: "role", textKey: "content", user: "user", assistant: "assistant", system: "system" };
    const mapping = conversationMapping(sampleRows, chatColumn, turn);
    const isVerl = sampleRows.some((row) => "reward_model" in row || "data_source" in row);
    if (!isVerl) return { layout: "openai-messages", mapping };
    if (someResolves(sampleRows, "reward_model.ground_truth")) mapping.answer = "reward_model.ground_truth";
    return { layout: "verl-rl", mapping };
  }
  const traceColumns = rankedColumns(sampleRows, traceNames, (value) => sniffText(value) !== undefined);
  const reasoningColumn = traceColumns.find((column) => sampleRows.some((row) => thinkTag.test(sniffText(row[column]) ?? "")));
  const mapping = tabularMapping(sampleRows, reasoningColumn ?? traceColumns[0]);
  if (reasoningColumn) return { layout: "reasoning-trace", mapping };
  return { layout: mapping.question ? "question-answer" : "unknown", mapping };
}
