import { describe, expect, it } from "vitest";
import { dateIdToLocalIso, parseLmmsEvalFileName } from "./file-names";

describe("lmms-eval file names", () => {
  it("recognises results and samples files", () => {
    expect(parseLmmsEvalFileName("20260218_234435_results.json")).toEqual({ kind: "results", dateId: "20260218_234435" });
    expect(parseLmmsEvalFileName("20260218_234435_samples_scienceqa_img.jsonl")).toEqual({ kind: "samples", dateId: "20260218_234435", task: "scienceqa_img" });
    expect(parseLmmsEvalFileName("results.json")).toBeNull();
    expect(parseLmmsEvalFileName("20260218_234435_samples_x.json")).toBeNull();
  });

  it("turns both date id styles into a zone-less local time", () => {
    expect(dateIdToLocalIso("20260218_234435")).toBe("2026-02-18T23:44:35");
    expect(dateIdToLocalIso("2025-03-15T08-30-00.123456")).toBe("2025-03-15T08:30:00.123456");
    expect(dateIdToLocalIso("20260231_120000")).toBeNull();
    expect(dateIdToLocalIso("20260218_246000")).toBeNull();
    expect(dateIdToLocalIso("latest")).toBeNull();
  });
});
