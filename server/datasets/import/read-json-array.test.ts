import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatasetFileError } from "./errors";
import { JsonArraySplitter, JsonStructureError, type ArrayElementText } from "./json-array-splitter";
import { readJsonArrayRows } from "./read-json-array";
import type { RawRecord } from "./types";

const fixtures = path.resolve(import.meta.dirname, "../../../tests/fixtures/datasets");
let folder: string;

async function readAll(file: string, options: { maxRowBytes?: number } = {}): Promise<RawRecord[]> {
  const records: RawRecord[] = [];
  for await (const record of readJsonArrayRows(file, options)) records.push(record);
  return records;
}

async function writeTemp(name: string, text: string): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, text);
  return file;
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "mmr-json-"));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("JsonArraySplitter", () => {
  const text = '[\n  {"a": "x]}\\"{", "b": [1, {"c": 2}]},\n  {"a": "é 😀"} , 3, "s", null\n]\n';

  function splitInChunks(size: number) {
    const splitter = new JsonArraySplitter(1000);
    const elements = [];
    for (let at = 0; at < text.length; at += size) elements.push(...splitter.push(text.slice(at, at + size)));
    splitter.end();
    return elements;
  }

  it("cuts elements the same way whatever the chunk size, brackets and quotes inside strings included", () => {
    const whole = splitInChunks(text.length);
    expect(whole).toEqual([
      { row: 1, line: 2, bytes: 35, text: '{"a": "x]}\\"{", "b": [1, {"c": 2}]}' },
      { row: 2, line: 3, bytes: 16, text: '{"a": "é 😀"}' },
      { row: 3, line: 3, bytes: 1, text: "3" },
      { row: 4, line: 3, bytes: 3, text: '"s"' },
      { row: 5, line: 3, bytes: 4, text: "null" },
    ]);
    // Sizes may differ by a byte where a chunk splits a surrogate pair; the texts may not.
    const texts = (elements: ArrayElementText[]) => elements.map(({ row, line, text }) => ({ row, line, text }));
    for (const size of [1, 2, 3, 7, 16]) expect(texts(splitInChunks(size))).toEqual(texts(whole));
  });

  it("drops the text of a row longer than the limit and reports its size, keeping the next row", () => {
    const splitter = new JsonArraySplitter(10);
    const elements = [...splitter.push('[{"question": "far '), ...splitter.push('too long"}, {"q": 1}]')];
    expect(elements).toEqual([
      { row: 1, line: 1, bytes: 28, text: undefined },
      { row: 2, line: 1, bytes: 8, text: '{"q": 1}' },
    ]);
  });

  it("accepts an empty array and refuses text after it", () => {
    const splitter = new JsonArraySplitter(10);
    expect(splitter.push(" [ ] ")).toEqual([]);
    expect(() => splitter.end()).not.toThrow();
    expect(() => splitter.push("x")).toThrow(JsonStructureError);
  });
});

describe("readJsonArrayRows", () => {
  it("streams the rows of a JSON array with their row and starting line", async () => {
    const records = await readAll(path.join(fixtures, "k12_style_eval.json"));
    expect(records).toHaveLength(5);
    expect(records.map((record) => [record.row, record.line])).toEqual([
      [1, 2],
      [2, 8],
      [3, 14],
      [4, 20],
      [5, 26],
    ]);
    const original = JSON.parse(await readFile(path.join(fixtures, "k12_style_eval.json"), "utf8")) as unknown[];
    expect(records.map((record) => record.kind === "row" && record.values)).toEqual(original);
  });

  it("reports a malformed element or a non-object and goes on", async () => {
    const file = await writeTemp("bad-row.json", '[{"q": "one"},\n{"q": "two",},\n"three",\n{"q": "four"}]');
    const records = await readAll(file);
    expect(records[0]).toEqual({ kind: "row", row: 1, line: 1, values: { q: "one" } });
    expect(records[1]).toMatchObject({ kind: "invalid", row: 2, line: 2 });
    expect(records[1].kind === "invalid" && records[1].reason).toMatch(/^not valid JSON \(.+\)$/);
    expect(records[2]).toEqual({ kind: "invalid", row: 3, line: 3, reason: "expected a JSON object, found a string" });
    expect(records[3]).toEqual({ kind: "row", row: 4, line: 4, values: { q: "four" } });
  });

  it("fails on a truncated file with an error naming the file and the row it ends in", async () => {
    const whole = await readFile(path.join(fixtures, "llava_conversations.json"), "utf8");
    const file = await writeTemp("truncated.json", whole.slice(0, whole.indexOf("llava-2") + 20));
    let rowsBeforeFailure = 0;
    const failure = await (async () => {
      for await (const record of readJsonArrayRows(file)) rowsBeforeFailure = record.row;
    })().catch((error: unknown) => error);
    expect(rowsBeforeFailure).toBe(1);
    expect(failure).toBeInstanceOf(DatasetFileError);
    expect((failure as Error).message).toBe(`${file}: the file ends inside row 2 (which starts at line 10): it is truncated`);
  });

  it("fails on a file that is not an array, pointing JSON Lines to .jsonl", async () => {
    const file = await writeTemp("lines.json", '{"q": 1}\n{"q": 2}\n');
    await expect(readAll(file)).rejects.toThrow(`${file}: expected a JSON array of rows, found '{' at line 1 (one object per line is JSON Lines: name the file .jsonl)`);
    await expect(readAll(await writeTemp("empty.json", "  \n"))).rejects.toThrow("the file holds no JSON array (it is empty)");
    await expect(readAll(await writeTemp("unclosed.json", '[{"q": 1},'))).rejects.toThrow("the file ends after row 1 without the array's closing ']': it is truncated");
  });

  it("skips a row over the size limit with its row number and size, and reads on", async () => {
    const file = await writeTemp("big.json", `[{"q": "${"x".repeat(5000)}"}, {"q": "small"}]`);
    const records = await readAll(file, { maxRowBytes: 1000 });
    expect(records[0]).toMatchObject({ kind: "invalid", row: 1, line: 1 });
    expect(records[0].kind === "invalid" && records[0].reason).toBe("the row is 5,009 bytes (0.0 MB), over the limit of 1,000 bytes (0.0 MB)");
    expect(records[1]).toEqual({ kind: "row", row: 2, line: 1, values: { q: "small" } });
  });
});
