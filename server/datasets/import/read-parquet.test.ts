import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redSquarePngPath, writeGeneratedVerlParquet, writeSftParquet, writeTruncatedCopy, writeTypedValuesParquet, writeVerlParquet, writeZeroedCopy } from "@/tests/fixtures/datasets/write-parquet-fixtures";
import { DatasetFileError } from "./errors";
import { readParquetRows, readParquetSchema } from "./read-parquet";
import type { RawRecord } from "./types";

let folder: string;
let verlFile: string;
let generatedFile: string;

async function readAll(file: string): Promise<RawRecord[]> {
  const records: RawRecord[] = [];
  for await (const record of readParquetRows(file)) records.push(record);
  return records;
}

function valuesOf(records: RawRecord[]) {
  return records.map((record) => {
    if (record.kind !== "row") throw new Error(`row ${record.row} is invalid: ${record.reason}`);
    return record.values;
  });
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "mmr-parquet-"));
  verlFile = path.join(folder, "verl.parquet");
  generatedFile = path.join(folder, "generated.parquet");
  await writeVerlParquet(verlFile);
  await writeGeneratedVerlParquet(generatedFile, 25_000, 4_000);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("readParquetRows", () => {
  it("yields nested lists and structs as JS values and BLOB image bytes as Uint8Array", async () => {
    const rows = valuesOf(await readAll(verlFile));
    expect(rows).toHaveLength(5);
    expect(rows[0].prompt).toEqual([
      { role: "system", content: "Reason step by step." },
      { role: "user", content: "<image>What colour is the square?" },
    ]);
    expect(rows[0].reward_model).toEqual({ ground_truth: "red", style: "rule" });
    const [image] = rows[0].images as { bytes: Uint8Array; path: string }[];
    expect(image.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(image.bytes).equals(await readFile(redSquarePngPath))).toBe(true);
    expect(image.path).toBe("square.png");
    expect(rows[1].images).toEqual([{ bytes: null, path: "images/red-square.png" }]);
  });

  it("gives 64-bit integers as numbers when exact and as strings beyond 2^53", async () => {
    const rows = valuesOf(await readAll(verlFile));
    expect(rows[0].extra_info).toEqual({ index: 0, split: "train" });
    expect(rows[4].extra_info).toEqual({ index: "9007199254740993", split: "test" });
  });

  it("gives decimals as numbers, dates and times as their text, maps as key / value lists", async () => {
    const file = path.join(folder, "typed.parquet");
    await writeTypedValuesParquet(file);
    expect(valuesOf(await readAll(file))).toEqual([
      {
        unsigned_big: "18446744073709551615",
        price: 12.5,
        day: "2025-03-01",
        created: "2025-03-01 12:30:00",
        counts: [{ key: "k", value: 1 }],
        nothing: null,
      },
    ]);
  });

  it("numbers rows from 1 in file order across row groups and vectors", async () => {
    let expectedRow = 0;
    for await (const record of readParquetRows(generatedFile)) {
      expectedRow++;
      expect(record.row).toBe(expectedRow);
      if (record.kind === "row" && (expectedRow === 1 || expectedRow === 12_346)) {
        expect(record.values.extra_info).toEqual({ index: expectedRow - 1, split: "train" });
      }
    }
    expect(expectedRow).toBe(25_000);
  });

  it("reads SFT messages whose content parts are structs with unused fields left null", async () => {
    const file = path.join(folder, "sft.parquet");
    await writeSftParquet(file);
    const [first] = valuesOf(await readAll(file));
    expect(first.id).toBe("sft-p1");
    expect(first.messages).toEqual([
      {
        role: "user",
        content: [
          { type: "image_url", text: null, image_url: { url: "images/red-square.png" } },
          { type: "text", text: "What colour is the square?", image_url: null },
        ],
      },
      { role: "assistant", content: [{ type: "text", text: "<think>It is red.</think><answer>red</answer>", image_url: null }] },
    ]);
  });

  it("stops early without leaving the file or connection busy", async () => {
    for await (const record of readParquetRows(generatedFile)) {
      expect(record.row).toBe(1);
      break;
    }
    expect(valuesOf(await readAll(verlFile))).toHaveLength(5);
  });

  it("fails on a truncated file with an error naming the file", async () => {
    const truncated = path.join(folder, "truncated.parquet");
    await writeTruncatedCopy(generatedFile, truncated, 50_000);
    const failure = await readAll(truncated).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatasetFileError);
    expect((failure as DatasetFileError).file).toBe(truncated);
    expect((failure as Error).message).toMatch(/^.*truncated\.parquet: not a readable parquet file: it is truncated or corrupt/);
    await expect(readParquetSchema(truncated)).rejects.toThrow(/truncated\.parquet: not a readable parquet file/);
  });

  // Near the end, DuckDB's stream once ended early without an error: the footer row count catches it.
  it.each([0.1, 0.5, 0.9])("fails on a file damaged at %s of its length, after the rows before the damage", async (fraction) => {
    const damaged = path.join(folder, `damaged-${fraction}.parquet`);
    const size = (await readFile(generatedFile)).length;
    await writeZeroedCopy(generatedFile, damaged, Math.floor(size * fraction), 20_000);
    let rowsBeforeFailure = 0;
    const failure = await (async () => {
      for await (const record of readParquetRows(damaged)) rowsBeforeFailure = record.row;
    })().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatasetFileError);
    expect((failure as Error).message).toContain(`damaged-${fraction}.parquet: not a readable parquet file: it is truncated or corrupt`);
    expect(rowsBeforeFailure).toBeLessThan(25_000);
  });

  it("fails on a missing file, and refuses glob characters DuckDB would expand", async () => {
    await expect(readAll(path.join(folder, "absent.parquet"))).rejects.toThrow(/absent\.parquet: file not found/);
    await expect(readAll(path.join(folder, "*.parquet"))).rejects.toThrow(/are not supported \(DuckDB reads them as globs\)/);
  });
});

describe("readParquetSchema", () => {
  it("gives the row count from the footer and DuckDB's column types", async () => {
    const schema = await readParquetSchema(verlFile);
    expect(schema.rowCount).toBe(5);
    expect(schema.columns.map((column) => column.name)).toEqual(["data_source", "prompt", "images", "ability", "reward_model", "extra_info"]);
    expect(schema.columns.find((column) => column.name === "images")?.type).toBe("STRUCT(bytes BLOB, path VARCHAR)[]");
    expect((await readParquetSchema(generatedFile)).rowCount).toBe(25_000);
  });
});
