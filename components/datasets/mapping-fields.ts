import type { ColumnMapping, FieldMapping } from "@/server/datasets/import";

export type EditableField = Exclude<keyof ColumnMapping, "messages">;

/** The mapping fields a user edits in the preview, in reading order, with what each fills. */
export const editableFields: { field: EditableField; label: string }[] = [
  { field: "question", label: "Question" },
  { field: "answer", label: "Answer" },
  { field: "images", label: "Images" },
  { field: "trace", label: "Reasoning trace" },
  { field: "systemPrompt", label: "System prompt" },
  { field: "source", label: "Source" },
  { field: "verdict", label: "Judge verdict" },
  { field: "externalId", label: "External id" },
];

export type MappingDraft = Record<EditableField, string>;

// Several paths of which the first non-blank wins are written `problem | problem_w_choices`.
const separator = " | ";

function fieldText(value: FieldMapping | undefined): string {
  if (value === undefined) return "";
  return typeof value === "string" ? value : value.join(separator);
}

export function draftOf(mapping: ColumnMapping): MappingDraft {
  return Object.fromEntries(editableFields.map(({ field }) => [field, fieldText(mapping[field])])) as MappingDraft;
}

/** The mapping a draft describes; a blank field is left unmapped. `messages` is not edited and carries over. */
export function mappingOf(draft: MappingDraft, base: ColumnMapping): ColumnMapping {
  const mapping: ColumnMapping = base.messages ? { messages: base.messages } : {};
  for (const { field } of editableFields) {
    const paths = draft[field]
      .split("|")
      .map((path) => path.trim())
      .filter(Boolean);
    if (paths.length) mapping[field] = paths.length === 1 ? paths[0] : paths;
  }
  return mapping;
}
