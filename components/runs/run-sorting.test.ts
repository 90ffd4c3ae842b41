import { describe, expect, it } from "vitest";
import { readSort, sortRuns, writeSort } from "./run-sorting";

const at = (s: number) => new Date(s * 1000);
const runs = [
  { id: 1, name: "beta", kind: "rl", state: "succeeded", startedAt: at(0), finishedAt: at(100) },
  { id: 2, name: "Alpha", kind: "sft", state: "queued", startedAt: null, finishedAt: null },
  { id: 3, name: "gamma", kind: "rl", state: "running", startedAt: at(50), finishedAt: null },
];

describe("sorting the loaded runs", () => {
  it("reads and writes the URL form, newest first by default", () => {
    expect(readSort(null)).toEqual({ column: "id", descending: true });
    expect(readSort("duration")).toEqual({ column: "duration", descending: false });
    expect(readSort("-name")).toEqual({ column: "name", descending: true });
    expect(readSort("bogus")).toEqual({ column: "id", descending: true });
    expect(writeSort({ column: "id", descending: true })).toBeNull();
    expect(writeSort({ column: "duration", descending: true })).toBe("-duration");
  });

  it("sorts by duration (a live run up to now), unstarted runs last in both directions", () => {
    const ids = (column: "duration" | "name", descending: boolean) => sortRuns(runs, { column, descending }, 200_000).map((r) => r.id);
    // Run 3 has run 150 s by now, run 1 ran 100 s.
    expect(ids("duration", true)).toEqual([3, 1, 2]);
    expect(ids("duration", false)).toEqual([1, 3, 2]);
    expect(ids("name", false)).toEqual([2, 1, 3]);
  });
});
