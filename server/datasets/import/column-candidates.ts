import "server-only";
import { isRecord } from "./column-path";
import type { RawRow, RawValue } from "./types";

// Column names that usually hold each field, most likely first. Matched case-insensitively; question and answer
// names also match with a suffix (`problem_w_choices`), since some datasets split a field across variant columns.
export const questionNames = ["question", "problem", "query", "instruction", "input", "prompt"];
export const answerNames = ["answer", "ground_truth", "gt_answer", "gold_answer", "final_answer", "gold", "target", "label", "solution"];
export const traceNames = ["response", "responses", "output", "outputs", "prediction", "predict_str", "completion", "generation", "trace", "reasoning", "model_output"];
export const imageNames = ["images", "image", "image_path", "image_paths", "image_file", "image_url", "img", "picture"];
export const idNames = ["id", "uid", "sample_id", "question_id", "example_id", "doc_id", "idx", "index"];
export const sourceNames = ["source", "data_source", "dataset", "dataset_name", "origin", "subset"];
export const systemPromptNames = ["system_prompt", "system"];
export const verdictNames = ["verdict", "judgment", "judgement", "judge_verdict", "is_correct", "correct", "correctness", "judge_result"];

// Suffixes that make a question/answer-named column something else (an id, a type, a score).
const unrelatedSuffix = /_(id|idx|type|types|level|len|length|score|scores|hash|index)$/i;

/** Top-level column names in first-seen order. */
export function columnNames(rows: RawRow[]): string[] {
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row)) names.add(name);
  return [...names];
}

/** Plain text of a cell for sniffing: strings, and lists of strings (e.g. `response: ["..."]`). */
export function sniffText(value: RawValue | undefined): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === "string")) return value.join("\n");
  return undefined;
}

function nameRank(column: string, names: string[], allowSuffix: boolean): number | undefined {
  const lower = column.toLowerCase();
  const exact = names.indexOf(lower);
  if (exact >= 0) return exact * 2;
  if (!allowSuffix || unrelatedSuffix.test(lower)) return undefined;
  const base = names.findIndex((name) => lower.startsWith(`${name}_`));
  return base >= 0 ? base * 2 + 1 : undefined;
}

/** Columns whose name fits `names`, best first, keeping only those whose sampled values pass `accepts`. */
export function rankedColumns(
  rows: RawRow[],
  names: string[],
  accepts: (value: RawValue) => boolean,
  allowSuffix = false,
): string[] {
  return columnNames(rows)
    .map((column) => ({ column, rank: nameRank(column, names, allowSuffix) }))
    .filter((entry): entry is { column: string; rank: number } => entry.rank !== undefined)
    .filter(({ column }) => rows.some((row) => row[column] !== undefined && row[column] !== null && accepts(row[column])))
    .sort((a, b) => a.rank - b.rank)
    .map(({ column }) => column);
}

/**
 * The fewest text columns, in rank order, that together give every sampled row a non-blank value: one column when it
 * suffices, several when a dataset fills alternative columns (vprm's `problem` / `problem_w_choices`).
 */
export function coveringTextColumns(rows: RawRow[], names: string[]): string[] {
  const chosen: string[] = [];
  const covered = new Set<number>();
  for (const column of rankedColumns(rows, names, (value) => sniffText(value) !== undefined, true)) {
    const newlyCovered = rows
      .map((row, index) => ({ index, text: sniffText(row[column]) }))
      .filter(({ index, text }) => !covered.has(index) && text !== undefined && text.trim() !== "");
    if (newlyCovered.length === 0) continue;
    chosen.push(column);
    newlyCovered.forEach(({ index }) => covered.add(index));
    if (covered.size === rows.length) break;
  }
  return chosen;
}

/** Whether a value is a list of chat messages keyed by `roleKey` / `textKey` (`role`/`content` or LLaVA's `from`/`value`). */
export function isMessageList(value: RawValue | undefined, roleKey: string, textKey: string): boolean {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((message) => isRecord(message) && typeof message[roleKey] === "string" && textKey in message)
  );
}

/** A column whose every sampled non-null value is a message list of the given keys. */
export function messageListColumn(rows: RawRow[], roleKey: string, textKey: string): string | undefined {
  return columnNames(rows).find((column) => {
    const values = rows.map((row) => row[column]).filter((value) => value !== undefined && value !== null);
    return values.length > 0 && values.every((value) => isMessageList(value, roleKey, textKey));
  });
}
