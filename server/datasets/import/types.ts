// Data shapes of the dataset-import reading layer. Plain data only, so previews can cross tRPC
// (apart from image bytes, which are Uint8Array) and mappings can be stored as JSON.

/** A value read from a row, after conversion from JSON or DuckDB; BLOB columns arrive as Uint8Array. */
export type RawValue = null | boolean | number | string | Uint8Array | RawValue[] | { [key: string]: RawValue };

/** One source row, keyed by top-level column name. */
export type RawRow = { [column: string]: RawValue };

/** What a reader yields per row. `row` is 1-based within the file; `line` is the text line where the row starts (JSON / JSONL). */
export type RawRecord =
  | { kind: "row"; row: number; line?: number; values: RawRow }
  | { kind: "invalid"; row: number; line?: number; reason: string };

/** How a file stores its rows. `dataset-list` is the recipe's YAML listing several sources. */
export type Container = "parquet" | "jsonl" | "json" | "dataset-list";

/** A data file readable row by row, with the folder its relative image paths are resolved against. */
export interface DatasetSource {
  /** Default `source` of its samples: the entry's file name without extension, made unique within a list. */
  label: string;
  /** Absolute path of the data file. */
  path: string;
  /** Absolute folder that relative image paths in this source refer to. */
  dataFolder: string;
  container: Exclude<Container, "dataset-list">;
}

/** An image of a sample: bytes stored in the row, or a path relative to the source's data folder (absolute paths are kept as given). */
export type ImageRef = { kind: "bytes"; bytes: Uint8Array; name?: string } | { kind: "path"; path: string };

/** A part of a chat message. The k-th image part of a conversation is `sample.images[k]` (the trainers' convention). */
export type ChatContentPart = { type: "text"; text: string } | { type: "image" };

export interface ChatMessage {
  /** `system`, `user`, `assistant` (LLaVA's `human` / `gpt` are renamed); other roles are kept as written. */
  role: string;
  content: ChatContentPart[];
}

/** One sample in the shape every later stage (storage, browse, export) works with. Text is kept verbatim, never sanitised here. */
export interface NormalisedSample {
  externalId?: string;
  question: string;
  answer?: string;
  images: ImageRef[];
  trace?: string;
  systemPrompt?: string;
  source?: string;
  /** A judge's verdict on the sample's response: right (true) or wrong (false); absent when none was given. */
  verdict?: boolean;
  /** The whole conversation, when the row holds one (SFT `messages`, LLaVA `conversations`, verl `prompt`). */
  messages?: ChatMessage[];
  /** The row's columns that no plain column path of the mapping consumed. */
  extra: RawRow;
}

/** Fields of a NormalisedSample that a mapping fills. */
export type SampleField = "externalId" | "question" | "answer" | "images" | "trace" | "systemPrompt" | "source" | "verdict" | "messages";

/**
 * Where a field comes from: a column path (see column-path.ts), or several tried in order (the first non-empty wins,
 * e.g. `["problem", "problem_w_choices"]`).
 */
export type FieldMapping = string | string[];

/** The column mapping a preview shows and a user may edit; plain JSON. Unmapped fields stay empty. */
export type ColumnMapping = Partial<Record<Exclude<SampleField, "messages">, FieldMapping>> & { messages?: string };

/** The row shape a mapping was suggested for. */
export type RowLayout = "openai-messages" | "llava-conversations" | "verl-rl" | "reasoning-trace" | "question-answer" | "unknown";

/** A row that cannot become a sample. `field` is the sample field at fault (absent when the row itself is unreadable). */
export interface RowError {
  row: number;
  line?: number;
  field?: SampleField;
  reason: string;
}

/** A top-level column and its type: DuckDB's type for parquet, or the JSON kinds seen in the sampled rows. */
export interface ColumnInfo {
  name: string;
  type: string;
}
