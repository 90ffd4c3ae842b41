import { describe, expect, it } from "vitest";
import { searchQueryText, searchVectorText, searchWords } from "./search-terms";

describe("sample search words", () => {
  it("cuts text into lower-cased words of letters, digits and marks, each once, without stop words", () => {
    expect(searchWords("In triangle ABC, find ∠B = 30°; the triangle's side is 3.5 cm.")).toEqual([
      "triangle", "abc", "find", "b", "30", "side", "3", "5", "cm",
    ]);
    expect(searchWords("Ελλάδα 数学题 नमस्ते")).toEqual(["ελλάδα", "数学题", "नमस्ते"]);
  });

  it("leaves out runs too long to be words, such as base64", () => {
    expect(searchWords(`see ${"A".repeat(101)} figure`)).toEqual(["see", "figure"]);
  });

  it("writes tsvector input from several texts, each word once, with nothing a text could turn into syntax", () => {
    expect(searchVectorText("What's x?", null, "x = 4 'y'")).toBe("x 4 y");
    expect(searchVectorText("", undefined)).toBe("");
  });
});

describe("sample search queries", () => {
  it("leaves out stop words, except as a prefix", () => {
    expect(searchQueryText("the angle of a triangle")).toBe("'angle' & 'triangle'");
    expect(searchQueryText("an* -the")).toBe("'an':*");
    expect(searchQueryText('"in the"')).toBeNull();
  });

  it("requires every word", () => {
    expect(searchQueryText("Triangle  justify")).toBe("'triangle' & 'justify'");
  });

  it("excludes a -word, matches a prefix*, and takes either side of an or", () => {
    expect(searchQueryText("angle -circle tri* area or perimeter")).toBe("'angle' & !'circle' & 'tri':* & ('area' | 'perimeter')");
  });

  it("needs each word of a quoted phrase, and reads an unclosed quote to the end", () => {
    expect(searchQueryText('"right angle" or "obtuse')).toBe("'right' & 'angle' & 'obtuse'");
  });

  it("ignores punctuation and syntax of its own, and is null when no word is left", () => {
    expect(searchQueryText("x' & !(y) | z")).toBe("'x' & 'y' & 'z'");
    expect(searchQueryText("or")).toBeNull();
    expect(searchQueryText("?? --- ''")).toBeNull();
  });
});
