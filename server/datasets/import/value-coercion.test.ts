import { describe, expect, it } from "vitest";
import { chatMessagesOf } from "./chat-messages";
import type { RawValue } from "./types";
import { ValueShapeError, imagesOf, textOf, verdictOf } from "./value-coercion";

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

describe("textOf", () => {
  it("keeps strings verbatim, markup included", () => {
    expect(textOf("<script>alert(1)</script> $x^2$")).toBe("<script>alert(1)</script> $x^2$");
    expect(textOf(42)).toBe("42");
    expect(textOf(null)).toBeUndefined();
  });

  it("joins the text parts of OpenAI content and skips image parts", () => {
    const content: RawValue = [
      { type: "image_url", image_url: { url: "a.png" } },
      { type: "text", text: "First line." },
      { type: "text", text: "Second line." },
    ];
    expect(textOf(content)).toBe("First line.\nSecond line.");
    expect(textOf([{ type: "image_url", image_url: { url: "a.png" } }])).toBeUndefined();
  });

  it("reads a message's content and a LLaVA turn's value", () => {
    expect(textOf({ role: "user", content: "Hi" })).toBe("Hi");
    expect(textOf({ from: "gpt", value: "Hello" })).toBe("Hello");
  });

  it("refuses binary data and objects that are not text", () => {
    expect(() => textOf(png)).toThrow(ValueShapeError);
    expect(() => textOf({ ground_truth: "3", style: "rule" })).toThrow("is an object with keys ground_truth, style, not text");
  });
});

describe("imagesOf", () => {
  it("turns strings into paths, stripping file://", () => {
    expect(imagesOf("images/a.png")).toEqual([{ kind: "path", path: "images/a.png" }]);
    expect(imagesOf(["a.png", "", "file:///data/b.png"])).toEqual([
      { kind: "path", path: "a.png" },
      { kind: "path", path: "/data/b.png" },
    ]);
  });

  it("decodes data URLs and base64 or byte-list bytes", () => {
    expect(imagesOf("data:image/png;base64,iVBORw==")).toEqual([{ kind: "bytes", bytes: png }]);
    expect(imagesOf({ bytes: "iVBORw==", path: "a.png" })).toEqual([{ kind: "bytes", bytes: png, name: "a.png" }]);
    expect(imagesOf({ bytes: [0x89, 0x50, 0x4e, 0x47], path: null })).toEqual([{ kind: "bytes", bytes: png }]);
  });

  it("reads verl / HF {bytes, path} structs, preferring bytes and falling back to the path", () => {
    expect(imagesOf([{ bytes: png, path: "x.png" }, { bytes: null, path: "images/y.png" }, { bytes: null, path: null }])).toEqual([
      { kind: "bytes", bytes: png, name: "x.png" },
      { kind: "path", path: "images/y.png" },
    ]);
  });

  it("collects image parts of messages in order and ignores string content", () => {
    const messages: RawValue = [
      { role: "system", content: "images/not-an-image.png" },
      { role: "user", content: [{ type: "image_url", image_url: { url: "one.png" } }, { type: "text", text: "q" }, { type: "image", image: "two.png" }] },
      { from: "human", value: "<image>" },
    ];
    expect(imagesOf(messages)).toEqual([
      { kind: "path", path: "one.png" },
      { kind: "path", path: "two.png" },
    ]);
  });

  it("reads typed image parts before their null-filled struct fields", () => {
    expect(imagesOf({ type: "image", image: "q.png", path: null, bytes: null, text: null })).toEqual([{ kind: "path", path: "q.png" }]);
    expect(imagesOf({ type: "image", image: null, bytes: png, path: "p.png" })).toEqual([{ kind: "bytes", bytes: png, name: "p.png" }]);
    expect(imagesOf({ type: "input_image", image_url: "data:image/png;base64,iVBORw==" })).toEqual([{ kind: "bytes", bytes: png }]);
    expect(imagesOf({ type: "text", text: "a.png", path: "a.png" })).toEqual([]);
  });

  it("refuses remote URLs, non-base64 bytes and values that are not images", () => {
    expect(() => imagesOf("https://example.com/a.png")).toThrow("holds a remote image URL, which is not imported ('https://example.com/a.png')");
    expect(() => imagesOf({ bytes: "not base64!", path: null })).toThrow("not base64");
    expect(() => imagesOf(7)).toThrow(ValueShapeError);
    expect(() => imagesOf({ width: 3 })).toThrow("is an object with keys width, not an image");
  });
});

describe("chatMessagesOf", () => {
  it("splits <image> placeholders of verl prompts into image parts at their positions", () => {
    expect(chatMessagesOf([{ role: "user", content: "<image>\nFind x.<image>" }])).toEqual([
      { role: "user", content: [{ type: "image" }, { type: "text", text: "\nFind x." }, { type: "image" }] },
    ]);
  });

  it("renames LLaVA speakers and keeps unknown roles", () => {
    const turns = [
      { from: "human", value: "What?<image>" },
      { from: "gpt", value: "A cat." },
      { from: "observation", value: "tool output" },
    ];
    expect(chatMessagesOf(turns)).toEqual([
      { role: "user", content: [{ type: "text", text: "What?" }, { type: "image" }] },
      { role: "assistant", content: [{ type: "text", text: "A cat." }] },
      { role: "observation", content: [{ type: "text", text: "tool output" }] },
    ]);
  });

  it("reads OpenAI part lists, including parquet's null-filled parts", () => {
    const messages = [
      {
        role: "user",
        content: [
          { type: "image_url", text: null, image_url: { url: "a.png" } },
          { type: "text", text: "Colour?", image_url: null },
        ],
      },
    ];
    expect(chatMessagesOf(messages)).toEqual([{ role: "user", content: [{ type: "image" }, { type: "text", text: "Colour?" }] }]);
  });

  it("refuses what is not a conversation", () => {
    expect(() => chatMessagesOf("hello")).toThrow("is not a list of messages");
    expect(() => chatMessagesOf([{ speaker: "a" }])).toThrow("has neither 'role' nor 'from' in message 1");
    expect(() => chatMessagesOf([{ role: "user", content: [{ type: "video", video: "v.mp4" }] }])).toThrow(
      "has part 1 of message 1 of type 'video', which is neither text nor an image",
    );
  });
});

describe("verdictOf", () => {
  it("reads a judge's 1 / 0, true / false and right / wrong words, in any case", () => {
    expect([1, 0, "1", "0", true, false, " Correct ", "INCORRECT", "yes", "no"].map((value) => verdictOf(value))).toEqual([
      true, false, true, false, true, false, true, false, true, false,
    ]);
  });

  it("gives no verdict for an empty cell", () => {
    expect(verdictOf(null)).toBeUndefined();
    expect(verdictOf(undefined)).toBeUndefined();
    expect(verdictOf("  ")).toBeUndefined();
  });

  it("refuses a value that is not a verdict, saying what it holds", () => {
    expect(() => verdictOf("maybe")).toThrow('holds "maybe", not a verdict (1 / 0, true / false, correct / incorrect)');
    expect(() => verdictOf(0.5)).toThrow("holds 0.5, not a verdict");
    expect(() => verdictOf({ score: 1 })).toThrow("holds an object, not a verdict");
  });
});
