import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readJsonArrayRows, readJsonlRows } from "./json-rows";

const folder = mkdtempSync(path.join(tmpdir(), "mmr-cli-json-rows-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function collect(rows: AsyncGenerator<unknown>): Promise<unknown[]> {
  const all: unknown[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

describe("readJsonArrayRows", () => {
  it("splits a large array into its elements across read chunks, whatever brackets and quotes the strings hold", async () => {
    // Over 64 KiB, so elements straddle the stream's chunks.
    const rows = Array.from({ length: 3000 }, (_, index) => ({ id: index, text: `a "quoted" ] } [ { \\ string ${index}`, image: [`images/${index}.png`] }));
    const file = path.join(folder, "rows.json");
    writeFileSync(file, JSON.stringify(rows, null, 2));
    expect(await collect(readJsonArrayRows(file))).toEqual(rows);
  });

  it("passes over elements that do not parse", async () => {
    const file = path.join(folder, "broken.json");
    writeFileSync(file, '[{"a": 1}, {"b": tru}, {"c": 3}]');
    expect(await collect(readJsonArrayRows(file))).toEqual([{ a: 1 }, { c: 3 }]);
  });
});

describe("readJsonlRows", () => {
  it("yields the lines that are JSON, skipping blank and broken ones", async () => {
    const file = path.join(folder, "rows.jsonl");
    writeFileSync(file, '{"a": 1}\r\n\nnot json\n{"b": 2}');
    expect(await collect(readJsonlRows(file))).toEqual([{ a: 1 }, { b: 2 }]);
  });
});
