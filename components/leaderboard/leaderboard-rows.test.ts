import { describe, expect, it } from "vitest";
import type { LeaderboardCell, LeaderboardData } from "@/server/evaluations/leaderboard-view";
import { parseLeaderboardParams } from "./leaderboard-params";
import { resolveView, shownRows } from "./leaderboard-rows";

const cell = (value: number, extra: Partial<LeaderboardCell> = {}): LeaderboardCell => ({
  value,
  stderr: null,
  reproduced: false,
  evaluation: 0,
  ...extra,
});

const row = (id: string, name: string, cells: Record<string, LeaderboardCell>, source: "evaluated" | "reference" = "reference") => ({
  model: { id, name, source, sourceLabel: source === "reference" ? "Some paper" : "", baseModel: null, sftData: null, rlData: null },
  evaluations: [{ id: `${id}-evaluation`, label: name }],
  cells,
});

const data: LeaderboardData = {
  benchmarks: [
    { key: "a", label: "A", task: "task_a", modality: "image", higherIsBetter: true },
    { key: "b", label: "B", task: "task_b", modality: "image", higherIsBetter: true },
    { key: "unused", label: "Unused", task: "task_unused", modality: "text", higherIsBetter: true },
  ],
  rows: [
    row("base", "Base-7B", { a: cell(0.5), b: cell(0.4) }),
    row("ours", "Ours-7B", { a: cell(0.6, { stderr: 0.0123 }), b: cell(0.35, { reproduced: true }) }, "evaluated"),
    row("half", "Half-7B", { a: cell(0.55) }),
  ],
};

const view = (query: string) => parseLeaderboardParams(new URLSearchParams(query));

describe("the leaderboard as shown", () => {
  it("defaults to the benchmarks with scores and averages over them", () => {
    expect(resolveView(data, view(""))).toEqual({ columns: ["a", "b"], averageOver: ["a", "b"], baselineModelId: undefined });
  });

  it("drops columns and a baseline that no longer exist", () => {
    expect(resolveView(data, view("cols=a,gone&baseline=nobody"))).toEqual({ columns: ["a"], averageOver: ["a"], baselineModelId: undefined });
  });

  it("marks best per column, keeps † and the standard error in points, and averages only complete rows", () => {
    const { rows } = shownRows(data, resolveView(data, view("")), view(""));
    const ours = rows.find((r) => r.row.model.id === "ours")!;
    expect(ours.cells.a).toMatchObject({ percent: 60, best: true, stderr: 1.2, delta: null, evaluationId: "ours-evaluation", task: "task_a" });
    expect(ours.cells.b).toMatchObject({ percent: 35, best: false, reproduced: true });
    expect(ours.average).toBe(47.5);
    expect(rows.find((r) => r.row.model.id === "half")!.average).toBeNull();
    expect(rows.find((r) => r.row.model.id === "ours")!.bestAverage).toBe(true);
  });

  it("pins the baseline apart and gives the others deltas in points", () => {
    const params = view("baseline=base");
    const { baseline, rows } = shownRows(data, resolveView(data, params), params);
    expect(baseline?.row.model.name).toBe("Base-7B");
    expect(baseline?.cells.a?.delta).toBeNull();
    expect(rows.map((r) => r.row.model.id)).toEqual(["ours", "half"]);
    const ours = rows[0];
    expect(ours.cells.a?.delta).toBe(10);
    expect(ours.cells.b?.delta).toBe(-5);
    expect(ours.averageDelta).toBe(2.5);
  });

  it("sorts by a column with missing scores last either way, and filters by name or source", () => {
    const descending = view("sort=-b");
    expect(shownRows(data, resolveView(data, descending), descending).rows.map((r) => r.row.model.id)).toEqual(["base", "ours", "half"]);
    const ascending = view("sort=b");
    expect(shownRows(data, resolveView(data, ascending), ascending).rows.map((r) => r.row.model.id)).toEqual(["ours", "base", "half"]);
    const evaluated = view("q=evaluated");
    expect(shownRows(data, resolveView(data, evaluated), evaluated).rows.map((r) => r.row.model.id)).toEqual(["ours"]);
    const byName = view("q=half");
    expect(shownRows(data, resolveView(data, byName), byName).rows.map((r) => r.row.model.id)).toEqual(["half"]);
  });

  it("leaves out models without a score in any shown column, but never the baseline", () => {
    const onlyB = view("cols=b&baseline=half");
    const { baseline, rows } = shownRows(data, resolveView(data, onlyB), onlyB);
    expect(baseline?.row.model.id).toBe("half");
    expect(rows.map((r) => r.row.model.id)).toEqual(["base", "ours"]);
  });
});
