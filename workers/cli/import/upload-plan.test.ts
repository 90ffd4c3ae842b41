import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { planUpload, relativeImagePath } from "./upload-plan";

const folder = mkdtempSync(path.join(tmpdir(), "mmr-cli-upload-plan-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function write(relative: string, content: string): string {
  const file = path.join(folder, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

describe("relativeImagePath", () => {
  it("sends relative paths as the server will resolve them", () => {
    expect(relativeImagePath("./images//a.png")).toBe("images/a.png");
    expect(relativeImagePath("file://images/a.png")).toBe("images/a.png");
    expect(relativeImagePath("images/../b.png")).toBe("b.png");
  });

  it("sends nothing for data URLs and remote URLs, and says why other paths cannot be sent", () => {
    expect(relativeImagePath("data:image/png;base64,iVBO")).toBeNull();
    expect(relativeImagePath("https://example.com/a.png")).toBeNull();
    expect(relativeImagePath("/home/me/a.png")).toEqual({ unsendable: "absolute" });
    expect(relativeImagePath("C:\\data\\a.png")).toEqual({ unsendable: "absolute" });
    expect(relativeImagePath("../a.png")).toEqual({ unsendable: "outside-data-folder" });
    expect(relativeImagePath("images\\a.png")).toEqual({ unsendable: "not-portable" });
  });
});

describe("planUpload", () => {
  it("gives each data folder its own place when a list has several, and lists the files where they were put", async () => {
    const one = write("train/one.jsonl", `${JSON.stringify({ image: "x.png" })}\n${JSON.stringify({ image: "gone.png" })}\n`);
    write("pictures/x.png", "png");
    const two = write("recipe/two.json", JSON.stringify([{ image: "img/y.png" }, { image: "img/y.png" }]));
    write("recipe/img/y.png", "png");
    const plan = await planUpload(
      {
        kind: "dataset-list",
        sources: [
          { file: one, dataFolder: path.join(folder, "pictures"), container: "jsonl" },
          { file: two, dataFolder: path.join(folder, "recipe"), container: "json", declaredType: "json" },
        ],
      },
      () => {},
    );
    expect(plan.files.map((file) => [file.uploadPath, path.relative(folder, file.localPath)])).toEqual([
      ["data-files/1/one.jsonl", "train/one.jsonl"],
      ["data-folder-1/x.png", "pictures/x.png"],
      ["data-folder-2/two.json", "recipe/two.json"],
      ["data-folder-2/img/y.png", "recipe/img/y.png"],
    ]);
    expect(plan.importFile).toBe("mmr-dataset-list.yaml");
    expect(parse(plan.generatedList!.text)).toEqual({
      datasets: [
        { path: "data-files/1/one.jsonl", data_folder: "data-folder-1" },
        { path: "data-folder-2/two.json", data_folder: "data-folder-2", data_type: "json" },
      ],
    });
    expect(plan.notes).toEqual(['1 image path not sent (not found under the data folder), e.g. "gone.png"; the server will count it as missing.']);
  });

  it("sends a single data file as it is, at the root of the upload", async () => {
    const file = write("single/data.jsonl", `${JSON.stringify({ image: "a.png" })}\n`);
    write("single/a.png", "png");
    const plan = await planUpload({ kind: "data-file", sources: [{ file, dataFolder: path.dirname(file), container: "jsonl" }] }, () => {});
    expect(plan.files.map((entry) => entry.uploadPath)).toEqual(["data.jsonl", "a.png"]);
    expect(plan).toMatchObject({ importFile: "data.jsonl", generatedList: null, notes: [] });
  });
});
