import { describe, expect, it } from "vitest";
import { ColumnPathSyntaxError, consumedFieldNames, parseColumnPath, resolveColumnPath } from "./column-path";
import type { RawRow } from "./types";

const verlRow: RawRow = {
  prompt: [
    { role: "system", content: "Be brief." },
    { role: "user", content: "<image>Find x." },
    { role: "user", content: "Explain." },
  ],
  reward_model: { ground_truth: "3", style: "rule" },
  response: ["<think>x = 3</think>"],
  responses: ["first", "second"],
};

describe("parseColumnPath", () => {
  it("reads fields, indexes and filters", () => {
    expect(parseColumnPath("prompt[role=user][-1].content")).toEqual([
      { kind: "field", name: "prompt" },
      { kind: "filter", key: "role", value: "user" },
      { kind: "index", index: -1 },
      { kind: "field", name: "content" },
    ]);
    expect(parseColumnPath("reward_model.ground_truth")).toEqual([
      { kind: "field", name: "reward_model" },
      { kind: "field", name: "ground_truth" },
    ]);
  });

  it.each(["", ".question", "[0]", "a..b", "a[", "a[x]", "a]b"])("refuses %j with the path in the message", (path) => {
    expect(() => parseColumnPath(path)).toThrow(ColumnPathSyntaxError);
    expect(() => parseColumnPath(path)).toThrow(`column path '${path}'`);
  });
});

describe("resolveColumnPath", () => {
  it("follows struct fields and list positions", () => {
    expect(resolveColumnPath(verlRow, "reward_model.ground_truth")).toBe("3");
    expect(resolveColumnPath(verlRow, "response[0]")).toBe("<think>x = 3</think>");
    expect(resolveColumnPath(verlRow, "responses[-1]")).toBe("second");
  });

  it("filters list elements by a key, then indexes the matches", () => {
    expect(resolveColumnPath(verlRow, "prompt[role=user][0].content")).toBe("<image>Find x.");
    expect(resolveColumnPath(verlRow, "prompt[role=user][-1].content")).toBe("Explain.");
    expect(resolveColumnPath(verlRow, "prompt[role=system][0].content")).toBe("Be brief.");
  });

  it("maps a field step over a list", () => {
    expect(resolveColumnPath(verlRow, "prompt[role=user].content")).toEqual(["<image>Find x.", "Explain."]);
  });

  it("gives undefined where the row has nothing", () => {
    expect(resolveColumnPath(verlRow, "question")).toBeUndefined();
    expect(resolveColumnPath(verlRow, "reward_model.ground_truth.value")).toBeUndefined();
    expect(resolveColumnPath(verlRow, "response[5]")).toBeUndefined();
    expect(resolveColumnPath(verlRow, "prompt[role=assistant][0].content")).toBeUndefined();
    expect(resolveColumnPath(verlRow, "reward_model[0]")).toBeUndefined();
  });
});

describe("consumedFieldNames", () => {
  it("takes plain paths, and a last [0] of a one-element list, whole", () => {
    expect(consumedFieldNames(verlRow, "reward_model.ground_truth")).toEqual(["reward_model", "ground_truth"]);
    expect(consumedFieldNames(verlRow, "response[0]")).toEqual(["response"]);
  });

  it("takes nothing when the path keeps part of a value", () => {
    expect(consumedFieldNames(verlRow, "responses[0]")).toBeUndefined();
    expect(consumedFieldNames(verlRow, "prompt[role=user][0].content")).toBeUndefined();
  });
});
