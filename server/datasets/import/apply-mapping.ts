import "server-only";
import { consumedFieldNames, isRecord, resolveColumnPath } from "./column-path";
import { chatMessagesOf } from "./chat-messages";
import type { ColumnMapping, FieldMapping, ImageRef, NormalisedSample, RawRow, RawValue, RowError, SampleField } from "./types";
import { ValueShapeError, imagesOf, textOf, verdictOf } from "./value-coercion";

export type MappedRow = { ok: true; sample: NormalisedSample } | { ok: false; error: RowError };

type TextField = "externalId" | "question" | "answer" | "trace" | "systemPrompt" | "source";
const textFields: TextField[] = ["externalId", "question", "answer", "trace", "systemPrompt", "source"];

class FieldError extends Error {
  constructor(
    readonly field: SampleField,
    reason: string,
  ) {
    super(reason);
  }
}

function pathsOf(mapping: FieldMapping | undefined): string[] {
  if (mapping === undefined) return [];
  return Array.isArray(mapping) ? mapping : [mapping];
}

function quoted(paths: string[]): string {
  return paths.map((path) => `'${path}'`).join(", ");
}

/** Resolves a path, turning a shape problem into a FieldError that names the field and the column path. */
function convertAt<T>(row: RawRow, field: SampleField, path: string, convert: (value: RawValue | undefined) => T): T {
  try {
    return convert(resolveColumnPath(row, path));
  } catch (error) {
    if (error instanceof ValueShapeError) throw new FieldError(field, `${field}: field '${path}' ${error.message}`);
    throw error;
  }
}

/** The first non-blank text among the field's paths (several paths cover columns that are filled alternately). */
function firstText(row: RawRow, field: TextField, paths: string[]): string | undefined {
  for (const path of paths) {
    const text = convertAt(row, field, path, textOf);
    if (text !== undefined && text.trim() !== "") return text;
  }
  return undefined;
}

function firstImages(row: RawRow, paths: string[]): ImageRef[] {
  for (const path of paths) {
    const images = convertAt(row, "images", path, imagesOf);
    if (images.length) return images;
  }
  return [];
}

function firstVerdict(row: RawRow, paths: string[]): boolean | undefined {
  for (const path of paths) {
    const verdict = convertAt(row, "verdict", path, verdictOf);
    if (verdict !== undefined) return verdict;
  }
  return undefined;
}

function missingQuestionReason(row: RawRow, paths: string[]): string {
  if (paths.length === 0) return "no question (no column is mapped to 'question')";
  const anyPresent = paths.some((path) => resolveColumnPath(row, path) !== undefined);
  const verb = paths.length === 1 ? "is" : "are";
  return `no question (field${paths.length === 1 ? "" : "s"} ${quoted(paths)} ${verb} ${anyPresent ? "empty" : "missing"})`;
}

/** What `extra` leaves out, as a tree of field names: "whole" drops the value, a subtree prunes inside it. */
type Removal = Map<string, Removal | "whole">;

function addRemoval(removal: Removal, names: string[]): void {
  const [first, ...rest] = names;
  const existing = removal.get(first);
  if (existing === "whole") return;
  if (rest.length === 0) removal.set(first, "whole");
  else {
    const inner: Removal = existing ?? new Map();
    removal.set(first, inner);
    addRemoval(inner, rest);
  }
}

/** A copy of `value` without what `removal` names, dropping objects it leaves empty; untouched values are shared. */
function pruned(value: { [key: string]: RawValue }, removal: Removal): { [key: string]: RawValue } {
  const kept: { [key: string]: RawValue } = {};
  for (const key of Object.keys(value)) {
    const rule = removal.get(key);
    const inner = value[key];
    if (rule === undefined || (rule !== "whole" && !isRecord(inner))) kept[key] = inner;
    else if (rule !== "whole") {
      const rest = pruned(inner as { [key: string]: RawValue }, rule);
      if (Object.keys(rest).length > 0) kept[key] = rest;
    }
  }
  return kept;
}

/**
 * The row minus every value a mapped path took whole; values a path took part of stay, so nothing is lost. Built in
 * one pass: this runs for every row of an import.
 */
function extraOf(row: RawRow, mapping: ColumnMapping): RawRow {
  const removal: Removal = new Map();
  for (const mapped of Object.values(mapping)) {
    for (const path of pathsOf(mapped)) {
      const names = consumedFieldNames(row, path);
      if (names) addRemoval(removal, names);
    }
  }
  return removal.size === 0 ? row : pruned(row, removal);
}

/**
 * One raw row as a normalised sample, or the reason it cannot be one. Only `question` is required. `sourceLabel` (the
 * dataset-list entry, or the file) fills `source` when no mapped column does. Throws ColumnPathSyntaxError on a malformed path.
 */
export function applyMapping(
  record: { row: number; line?: number; values: RawRow },
  mapping: ColumnMapping,
  context: { sourceLabel?: string } = {},
): MappedRow {
  const { values: row } = record;
  const at = record.line === undefined ? { row: record.row } : { row: record.row, line: record.line };
  try {
    const text: Partial<Record<TextField, string>> = {};
    for (const field of textFields) text[field] = firstText(row, field, pathsOf(mapping[field]));
    if (text.question === undefined) {
      return { ok: false, error: { ...at, field: "question", reason: missingQuestionReason(row, pathsOf(mapping.question)) } };
    }
    const messages = mapping.messages === undefined ? undefined : convertAt(row, "messages", mapping.messages, chatMessagesOf);
    const sample: NormalisedSample = { question: text.question, images: firstImages(row, pathsOf(mapping.images)), extra: extraOf(row, mapping) };
    const source = text.source ?? context.sourceLabel;
    if (text.externalId !== undefined) sample.externalId = text.externalId;
    if (text.answer !== undefined) sample.answer = text.answer;
    if (text.trace !== undefined) sample.trace = text.trace;
    if (text.systemPrompt !== undefined) sample.systemPrompt = text.systemPrompt;
    if (source !== undefined) sample.source = source;
    const verdict = firstVerdict(row, pathsOf(mapping.verdict));
    if (verdict !== undefined) sample.verdict = verdict;
    if (messages !== undefined) sample.messages = messages;
    return { ok: true, sample };
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, error: { ...at, field: error.field, reason: error.message } };
    throw error;
  }
}
