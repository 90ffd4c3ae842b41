import { describe, expect, it } from "vitest";
import { alignImageParts, imageFileName, sftConversation, verlGroundTruth, verlPrompt } from "./conversation";
import type { ExportSample } from "./version-samples";

const png = { sha256: "a".repeat(64), mime: "image/png", originalPath: null };
const jpeg = { sha256: "b".repeat(64), mime: "image/jpeg", originalPath: "photo.jpeg" };

function sample(fields: Partial<ExportSample>): ExportSample {
  return {
    id: 1,
    externalId: null,
    contentHash: "c".repeat(64),
    question: "What is shown?",
    answer: null,
    trace: null,
    systemPrompt: null,
    messages: null,
    source: "src",
    ability: null,
    images: [],
    ...fields,
  };
}

describe("imageFileName", () => {
  it("names a file by its sha256 and the extension of its real type", () => {
    expect(imageFileName(png)).toBe(`${"a".repeat(64)}.png`);
    expect(imageFileName(jpeg)).toBe(`${"b".repeat(64)}.jpg`);
  });
});

describe("sftConversation", () => {
  it("builds user turn (images, then question) and reply from the fields, with a system turn only when the sample has one", () => {
    expect(sftConversation(sample({ images: [png], trace: "<think>t</think><answer>4</answer>", answer: "4" }))).toEqual([
      { role: "user", content: [{ type: "image" }, { type: "text", text: "What is shown?" }] },
      { role: "assistant", content: [{ type: "text", text: "<think>t</think><answer>4</answer>" }] },
    ]);
    expect(sftConversation(sample({ systemPrompt: "Be brief.", answer: "4" }))?.map((m) => m.role)).toEqual(["system", "user", "assistant"]);
  });

  it("keeps stored messages that end with the assistant, and appends the answer to ones that do not", () => {
    const stored = [
      { role: "user", content: [{ type: "text" as const, text: "Q" }] },
      { role: "assistant", content: [{ type: "text" as const, text: "A" }] },
    ];
    expect(sftConversation(sample({ messages: stored, answer: "other" }))).toEqual(stored);
    expect(sftConversation(sample({ messages: stored.slice(0, 1), answer: "7" }))?.at(-1)).toEqual({ role: "assistant", content: [{ type: "text", text: "7" }] });
  });

  it("has nothing to train on without a reply", () => {
    expect(sftConversation(sample({}))).toBeNull();
  });
});

describe("alignImageParts", () => {
  const user = (...content: ({ type: "image" } | { type: "text"; text: string })[]) => ({ role: "user", content });

  it("adds parts for images no part mentions at the start of the first user turn", () => {
    const messages = [{ role: "system", content: [{ type: "text" as const, text: "S" }] }, user({ type: "text", text: "Q" })];
    expect(alignImageParts(messages, 2)[1]).toEqual(user({ type: "image" }, { type: "image" }, { type: "text", text: "Q" }));
  });

  it("drops the parts beyond the stored images (an image missing at import)", () => {
    const messages = [user({ type: "image" }, { type: "text", text: "Q" }, { type: "image" })];
    expect(alignImageParts(messages, 1)).toEqual([user({ type: "image" }, { type: "text", text: "Q" })]);
  });
});

describe("verlPrompt", () => {
  it("writes image parts as <image> placeholders where they stand and leaves the assistant's turns out", () => {
    const messages = [
      { role: "system", content: [{ type: "text" as const, text: "Reason." }] },
      { role: "user", content: [{ type: "image" as const }, { type: "text" as const, text: "A" }, { type: "text" as const, text: "B" }, { type: "image" as const }] },
      { role: "assistant", content: [{ type: "text" as const, text: "answer" }] },
    ];
    expect(verlPrompt(sample({ messages, images: [png, jpeg] }))).toEqual([
      { role: "system", content: "Reason." },
      { role: "user", content: "<image>A\nB<image>" },
    ]);
  });
});

describe("verlGroundTruth", () => {
  it("is the answer, else the last <answer> of the trace, else nothing", () => {
    expect(verlGroundTruth(sample({ answer: "red", trace: "<answer>blue</answer>" }))).toBe("red");
    expect(verlGroundTruth(sample({ trace: "<answer>1</answer> then <answer> 2 </answer>" }))).toBe("2");
    expect(verlGroundTruth(sample({ trace: "<answer> </answer>" }))).toBeNull();
    expect(verlGroundTruth(sample({}))).toBeNull();
  });
});
