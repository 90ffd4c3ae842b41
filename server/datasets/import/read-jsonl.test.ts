import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readJsonlRows } from "./read-jsonl";
import type { RawRecord } from "./types";

const fixture = path.resolve(import.meta.dirname, "../../../tests/fixtures/datasets/sft_messages.jsonl");
let folder: string;

async function readAll(file: string, options: { maxRowBytes?: number } = {}): Promise<RawRecord[]> {
  const records: RawRecord[] = [];
  for await (const record of readJsonlRows(file, options)) records.push(record);
  return records;
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "mmr-jsonl-"));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("readJsonlRows", () => {
  it("yields one row per non-blank line with row and line numbers", async () => {
    const records = await readAll(fixture);
    expect(records.map((record) => [record.kind, record.row, record.line])).toEqual([
      ["row", 1, 1],
      ["row", 2, 2],
      ["invalid", 3, 3],
      ["row", 4, 5],
      ["row", 5, 6],
      ["row", 6, 7],
    ]);
    const first = records[0];
    expect(first.kind === "row" && first.values.id).toBe("sft-001");
  });

  it("reports a line that is not JSON with its line number and the parser's reason", async () => {
    const invalid = (await readAll(fixture)).find((record) => record.kind === "invalid");
    expect(invalid).toMatchObject({ kind: "invalid", row: 3, line: 3 });
    expect(invalid?.kind === "invalid" && invalid.reason).toMatch(/^not valid JSON \(.+\)$/);
  });

  it("reports JSON values that are not objects, strips a byte-order mark and reads CRLF files", async () => {
    const file = path.join(folder, "mixed.jsonl");
    await writeFile(file, '\uFEFF{"q": "one"}\r\n[1, 2]\r\n"text"\r\n{"q": "four"}\r\n');
    const records = await readAll(file);
    expect(records[0]).toEqual({ kind: "row", row: 1, line: 1, values: { q: "one" } });
    expect(records[1]).toEqual({ kind: "invalid", row: 2, line: 2, reason: "expected a JSON object, found an array" });
    expect(records[2]).toEqual({ kind: "invalid", row: 3, line: 3, reason: "expected a JSON object, found a string" });
    expect(records[3]).toEqual({ kind: "row", row: 4, line: 4, values: { q: "four" } });
  });

  it("reports a last line cut mid-row", async () => {
    const file = path.join(folder, "cut.jsonl");
    await writeFile(file, '{"q": "one"}\n{"q": "tw');
    const records = await readAll(file);
    expect(records).toHaveLength(2);
    expect(records[1]).toMatchObject({ kind: "invalid", row: 2, line: 2 });
  });

  it("skips a line over the size limit with its row number and size, and reads the next line", async () => {
    const file = path.join(folder, "long.jsonl");
    await writeFile(file, `{"q": "one"}\n{"q": "${"x".repeat(3 * 1024 * 1024)}"}\n{"q": "three"}`);
    const records = await readAll(file, { maxRowBytes: 1024 * 1024 });
    expect(records).toEqual([
      { kind: "row", row: 1, line: 1, values: { q: "one" } },
      { kind: "invalid", row: 2, line: 2, reason: "the row is 3,145,737 bytes (3.0 MB), over the limit of 1,048,576 bytes (1.0 MB)" },
      { kind: "row", row: 3, line: 3, values: { q: "three" } },
    ]);
  });

  it("fails with a clear reason on a file without rows", async () => {
    const file = path.join(folder, "empty.jsonl");
    await writeFile(file, "\n  \n");
    await expect(readAll(file)).rejects.toThrow("empty.jsonl: the file is empty: it holds no rows");
  });

  it("fails with the file's name when it does not exist", async () => {
    await expect(readAll(path.join(folder, "absent.jsonl"))).rejects.toThrow(/absent\.jsonl: file not found/);
  });
});
