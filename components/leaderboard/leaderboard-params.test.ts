import { describe, expect, it } from "vitest";
import { leaderboardQuery, parseLeaderboardParams } from "./leaderboard-params";

const model = "0b5f3c1e-4a34-4f7e-9a43-9f3c7e0c1a11";
const evaluation = "6d0c2b8a-1f0e-4b5b-8d3e-2c1b0a9f8e77";

describe("leaderboard URL parameters", () => {
  it("reads every part of a shared view", () => {
    const params = parseLeaderboardParams(
      new URLSearchParams(`cols=mmmu_val,mathvista_testmini&avg=mmmu_val&baseline=${model}&sort=-mmmu_val&q=omr&bench=mmmu_val&model=${model}&eval=${model}:${evaluation}`),
    );
    expect(params).toEqual({
      columns: ["mmmu_val", "mathvista_testmini"],
      averageOver: ["mmmu_val"],
      baseline: model,
      sort: { key: "mmmu_val", descending: true },
      filter: "omr",
      chartBenchmark: "mmmu_val",
      chartModel: model,
      chosenEvaluations: { [model]: evaluation },
    });
  });

  it("round-trips a view through its query string, commas and colons left readable", () => {
    const params = parseLeaderboardParams(new URLSearchParams(`cols=a,b&sort=model&eval=${model}:${evaluation}`));
    const query = leaderboardQuery(params);
    expect(query).toBe(`cols=a,b&sort=model&eval=${model}:${evaluation}`);
    expect(parseLeaderboardParams(new URLSearchParams(query))).toEqual(params);
  });

  it("leaves defaults out, but keeps an average deliberately emptied", () => {
    expect(leaderboardQuery(parseLeaderboardParams(new URLSearchParams()))).toBe("");
    const noAverage = parseLeaderboardParams(new URLSearchParams("avg="));
    expect(noAverage.averageOver).toEqual([]);
    expect(leaderboardQuery(noAverage)).toBe("avg=");
  });

  it("drops malformed chosen evaluations instead of failing", () => {
    expect(parseLeaderboardParams(new URLSearchParams("eval=broken,:x,y:")).chosenEvaluations).toEqual({});
  });
});
