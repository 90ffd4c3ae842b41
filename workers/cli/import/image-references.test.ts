import { describe, expect, it } from "vitest";
import { imageReferencesOfRow } from "./image-references";

describe("imageReferencesOfRow", () => {
  it("reads image-named columns: strings, lists and {path} structs", () => {
    expect(imageReferencesOfRow({ image: "a.png", images: ["b.png", { path: "c.png" }], image_path: "d.png", question: "e.png" })).toEqual([
      "a.png",
      "b.png",
      "c.png",
      "d.png",
    ]);
  });

  it("reads the image parts of chat messages, not their text", () => {
    const row = {
      messages: [
        {
          role: "user",
          content: [
            { type: "image_url", image_url: { url: "charts/1.png" } },
            { type: "image", image: "charts/2.png" },
            { type: "input_image", url: "charts/3.png" },
            { type: "text", text: "see image.png" },
          ],
        },
      ],
    };
    expect(imageReferencesOfRow(row)).toEqual(["charts/1.png", "charts/2.png", "charts/3.png"]);
  });

  it("leaves out images carried inline as bytes, and fields of an image that are not its location", () => {
    expect(imageReferencesOfRow({ images: [{ bytes: "iVBORw0KGgo=", path: "inline.png" }, { path: "file.png", caption: "not a path" }] })).toEqual(["file.png"]);
  });
});
