import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkImagePaths } from "./image-checks";

let root: string;
let dataFolder: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "mmr-images-"));
  dataFolder = path.join(root, "data");
  await mkdir(path.join(dataFolder, "images"), { recursive: true });
  await writeFile(path.join(dataFolder, "images/ok.png"), "png");
  await writeFile(path.join(root, "secret.png"), "outside");
  await symlink(path.join(root, "secret.png"), path.join(dataFolder, "images/link.png"));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("checkImagePaths", () => {
  it("accepts files inside the data folder, relative or absolute, and ignores byte images", async () => {
    const images = [
      { kind: "path" as const, path: "images/ok.png" },
      { kind: "path" as const, path: path.join(dataFolder, "images/ok.png") },
      { kind: "bytes" as const, bytes: new Uint8Array([1]) },
    ];
    expect(await checkImagePaths(images, dataFolder)).toEqual([]);
  });

  it("reports missing files, paths leaving the folder, symlinks out of it and folders", async () => {
    const images = [
      { kind: "path" as const, path: "images/missing.png" },
      { kind: "path" as const, path: "../secret.png" },
      { kind: "path" as const, path: path.join(root, "secret.png") },
      { kind: "path" as const, path: "images/link.png" },
      { kind: "path" as const, path: "images" },
    ];
    expect(await checkImagePaths(images, dataFolder)).toEqual([
      { path: "images/missing.png", reason: "missing" },
      { path: "../secret.png", reason: "outside-data-folder" },
      { path: path.join(root, "secret.png"), reason: "outside-data-folder" },
      { path: "images/link.png", reason: "outside-data-folder" },
      { path: "images", reason: "not-a-file" },
    ]);
  });
});
