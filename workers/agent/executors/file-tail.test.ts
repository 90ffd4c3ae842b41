import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { FileTail } from "./file-tail";

let folder = "";
afterEach(() => rmSync(folder, { recursive: true, force: true }));

it("reads lines as the file grows: nothing before it exists, a partial line (even a cut character) held until complete", async () => {
  folder = mkdtempSync(path.join(tmpdir(), "mmr-file-tail-"));
  const file = path.join(folder, "out.log");
  const tail = new FileTail(file);
  expect(await tail.read()).toEqual([]);
  const euro = Buffer.from("€");
  appendFileSync(file, Buffer.concat([Buffer.from("one\ntw"), euro.subarray(0, 1)]));
  expect(await tail.read()).toEqual(["one"]);
  appendFileSync(file, Buffer.concat([euro.subarray(1), Buffer.from("o\nthree")]));
  expect(await tail.read()).toEqual(["tw€o"]);
  expect(await tail.finish()).toEqual(["three"]);
});
