import { describe, expect, it } from "vitest";
import { formatTable } from "../output";
import { evaluationTaskColumns, evaluationTaskRows, type Evaluation } from "./evaluation-rows";

const base = {
  id: "e1",
  label: "org/model · 20250314_091502",
  format: "lmms-eval",
  model: "org/model",
  modelSource: "evaluated",
  dateId: "20250314_091502",
  lmmsEvalVersion: "0.6",
  gitHash: "abc",
  runId: null,
  createdAt: new Date("2025-06-01T12:00:00Z"),
} satisfies Omit<Evaluation, "scores" | "samples">;

const score = (task: string, metric: string, value: number | null, filter = "none") => ({ task, metric, filter, value, reproduced: false });

describe("evaluationTaskRows", () => {
  it("shows per task the catalog's metric, else the first one with a value, in percent, with its sample count", () => {
    const evaluation: Evaluation = {
      ...base,
      scores: [score("mmmu_val", "latency", null), score("mmmu_val", "mmmu_acc", 0.523), score("mathvista", "acc", 0.39, "strict-match"), score("mathvista", "gpt_eval_score", 0.712)],
      samples: { mmmu_val: 50, chartqa: 7 },
    };
    const catalog = [{ task: "mathvista", metric: "gpt_eval_score", filter: "none" }] as Parameters<typeof evaluationTaskRows>[1];
    expect(formatTable(evaluationTaskRows([evaluation], catalog), evaluationTaskColumns).split("\n")).toEqual([
      "MODEL      DATE              SOURCE     TASK       METRIC          SCORE %  SAMPLES",
      "org/model  2025-03-14 09:15  lmms-eval  chartqa    –               –        7",
      "org/model  2025-03-14 09:15  lmms-eval  mathvista  gpt_eval_score  71.2     –",
      "org/model  2025-03-14 09:15  lmms-eval  mmmu_val   mmmu_acc        52.3     50",
    ]);
  });

  it("names a table's source and import date, and keeps its † marks", () => {
    const table: Evaluation = { ...base, format: "table", label: "Some paper", dateId: null, scores: [{ ...score("mmmu_val", "score", 0.29), reproduced: true }], samples: {} };
    expect(evaluationTaskRows([table], []).map((row) => evaluationTaskColumns.map((column) => column.value(row)))).toEqual([
      ["org/model", "2025-06-01 12:00", "Some paper", "mmmu_val", "score", "29.0†", "–"],
    ]);
  });
});
