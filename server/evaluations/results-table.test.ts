import { describe, expect, it } from "vitest";
import { parseResultsTable } from "./results-table";

describe("parseResultsTable", () => {
  it("keeps empty cells empty and † per cell", () => {
    const table = parseResultsTable("model,sft_data,rl_data,bench_a,bench_b\nAlpha-7B,1.2M,,71.5,30.0†\nBeta-7B,,9k,,\n", "t.csv");
    expect(table.columns).toEqual(["bench_a", "bench_b"]);
    expect(table.rows).toEqual([
      { model: "Alpha-7B", sftData: "1.2M", rlData: null, scores: { bench_a: { percent: 71.5, reproduced: false }, bench_b: { percent: 30, reproduced: true } } },
      { model: "Beta-7B", sftData: null, rlData: "9k", scores: {} },
    ]);
  });

  it("names the row and column of a score that is not a number", () => {
    expect(() => parseResultsTable("model,bench_a\nAlpha,71.5\nBeta,n/a\n", "t.csv")).toThrow('t.csv row 3, column bench_a: "n/a" is not a number.');
  });

  it("refuses a table without a model column or with ragged rows", () => {
    expect(() => parseResultsTable("name,bench_a\nx,1\n", "t.csv")).toThrow(/needs a "model" column/);
    expect(() => parseResultsTable("model,bench_a\nx,1,2\n", "t.csv")).toThrow(/t\.csv: not a readable CSV table/);
  });
});
