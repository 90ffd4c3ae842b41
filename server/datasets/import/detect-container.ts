import "server-only";
import { extname } from "node:path";
import { DatasetFileError } from "./errors";
import { openForReading } from "./open-file";
import type { Container } from "./types";

const byExtension: Record<string, Container> = {
  ".parquet": "parquet",
  ".pq": "parquet",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".yaml": "dataset-list",
  ".yml": "dataset-list",
};

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await openForReading(path);
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** JSON Lines when the first line alone is a JSON object; one object spread over lines is not. */
function firstLineIsObject(text: string): boolean {
  const newline = text.indexOf("\n");
  if (newline < 0) return false;
  try {
    const value: unknown = JSON.parse(text.slice(0, newline));
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * How a file stores its rows: from the extension, and for `.json` or unknown extensions from the first bytes
 * (`[` is a JSON array; an object on the first line is JSON Lines; `PAR1` is parquet), since `.json` files in the
 * field are often JSON Lines.
 */
export async function detectContainer(path: string): Promise<Container> {
  const known = byExtension[extname(path).toLowerCase()];
  if (known) return known;
  const head = await readHead(path, 64 * 1024);
  if (head.subarray(0, 4).toString("latin1") === "PAR1") return "parquet";
  const text = head.toString("utf8").replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("[")) return "json";
  if (text.startsWith("{")) return firstLineIsObject(text) ? "jsonl" : "json";
  throw new DatasetFileError(path, "not a dataset file this importer reads (parquet, JSON array, JSON Lines, or a dataset-list YAML)");
}
