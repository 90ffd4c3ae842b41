import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { writeVerlParquet } from "../tests/fixtures/datasets/write-parquet-fixtures";
import { runCliProcess, type CliResult } from "../tests/support/cli-process";
import { signInAsAdmin } from "./support/accounts";
import { openBrowser, type BrowserSession } from "./support/browser";

const baseURL = inject("baseURL");
const project = "hostile";
const sixtyMb = 60 * 1024 * 1024;

/** What no message shown to a user may hold: a server path, SQL, a stack trace. */
const internals = [/\/uploads\//, /mmr-e2e-/, /Failed query|insert into|select .* from/i, /\n\s+at /, /\.ts:\d+/];

/** A JSON Lines row whose question is one line of `bytes` bytes. */
const hugeLine = (bytes: number) => `{"question": "${"x".repeat(bytes)}"}`;

describe("hostile inputs imported through the CLI against the built app", () => {
  let session: BrowserSession;
  let folder: string;
  let token: string;

  const runCli = (args: string[]): Promise<CliResult> =>
    runCliProcess(args, { cwd: folder, env: { HOME: path.join(folder, "home"), MMR_SERVER: baseURL, MMR_TOKEN: token } });

  const importFile = (file: string, name: string, extra: string[] = []) =>
    runCli(["dataset", "import", file, "--project", project, "--name", name, "--json", ...extra]);

  const datasetNames = async (): Promise<string[]> => {
    const listed = await runCli(["dataset", "list", "--project", project, "--json"]);
    expect(listed.code, listed.stderr).toBe(0);
    return (JSON.parse(listed.stdout) as { name: string }[]).map((d) => d.name);
  };

  const expectServerAnswers = async () => expect((await fetch(`${baseURL}/sign-in`)).status).toBe(200);

  /** A refused import: exit code non-zero, one clear line matching `reason`, nothing internal, no dataset `name` left behind. */
  async function expectRefused(result: CliResult, name: string, reason: RegExp) {
    expect(result.code, result.stdout).not.toBe(0);
    // Notes the CLI prints while uploading may come first; the error is one line of its own.
    const errors = result.stderr.trim().split("\n").filter((line) => !line.startsWith("note: "));
    expect(errors, result.stderr).toHaveLength(1);
    expect(errors[0]).toMatch(reason);
    for (const pattern of internals) expect(result.stderr).not.toMatch(pattern);
    expect(await datasetNames()).not.toContain(name);
    await expectServerAnswers();
  }

  function write(name: string, content: string | Buffer): string {
    const file = path.join(folder, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    return file;
  }

  beforeAll(async () => {
    folder = realpathSync(mkdtempSync(path.join(tmpdir(), "mmr-hostile-")));
    session = await openBrowser();
    const { page } = session;
    await signInAsAdmin(page, baseURL);
    const call = async (procedure: string, input: unknown) => {
      const response = await page.request.post(`${baseURL}/api/trpc/${procedure}`, { data: JSON.stringify({ json: input }), headers: { "content-type": "application/json" } });
      return { ok: response.ok(), body: JSON.parse(await response.text()) as { result?: { data: { json: unknown } } } };
    };
    // A file run alone or after others: the project may exist already.
    await call("projects.create", { name: "Hostile" });
    token = ((await call("tokens.createPersonal", { name: "hostile inputs" })).body.result!.data.json as { token: string }).token;
  });

  afterAll(async () => {
    await session?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("refuses an empty file", async () => {
    await expectRefused(await importFile(write("empty.jsonl", ""), "Empty"), "Empty", /empty\.jsonl: the file is empty/);
  });

  it("skips a 60 MB one-line row with its row number and size, importing the rest", async () => {
    const file = write("one-huge.jsonl", `${JSON.stringify({ question: "Small?", answer: "yes" })}\n${hugeLine(sixtyMb)}\n`);
    const result = await importFile(file, "One huge");
    expect(result.code, result.stderr).toBe(0);
    const imported = JSON.parse(result.stdout) as { rowsImported: number; skippedRows: string[] };
    expect(imported.rowsImported).toBe(1);
    expect(imported.skippedRows).toEqual([expect.stringMatching(/^one-huge row 2: the row is 62,914,57\d bytes \(60\.0 MB\), over the limit of 8,388,608 bytes/)]);
    await expectServerAnswers();
  });

  it("refuses three 60 MB one-line files imported at once, the server answering throughout", async () => {
    const files = [1, 2, 3].map((n) => write(`huge-${n}.jsonl`, `${hugeLine(sixtyMb)}\n`));
    let answering = true;
    const watching = (async () => {
      let polls = 0;
      while (answering && polls++ < 600) {
        await expectServerAnswers();
        await new Promise((r) => setTimeout(r, 500));
      }
    })();
    const results = await Promise.all(files.map((file, i) => importFile(file, `Huge ${i + 1}`)));
    answering = false;
    await watching;
    for (const [i, result] of results.entries()) {
      await expectRefused(result, `Huge ${i + 1}`, new RegExp(`No sample imported: every row was skipped \\(1; the first: huge-${i + 1} row 1: the row is 62,914,57\\d bytes`));
    }
  });

  it("refuses a file whose only row holds a NUL byte, naming the file", async () => {
    const file = write("nul.jsonl", Buffer.from('{"question": "a\u0000b"}\n', "utf8"));
    await expectRefused(await importFile(file, "Nul"), "Nul", /nul row 1/);
  });

  it("refuses random bytes, naming the file", async () => {
    await expectRefused(await importFile(write("random.jsonl", randomBytes(256 * 1024)), "Random"), "Random", /random/);
  });

  it("refuses a truncated parquet by the user's file name", async () => {
    const whole = path.join(folder, "whole.parquet");
    await writeVerlParquet(whole);
    const bytes = readFileSync(whole);
    const file = write("trunc.parquet", bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expectRefused(await importFile(file, "Trunc"), "Trunc", /trunc\.parquet: not a readable parquet file/);
  });

  it("refuses corrupt YAML, naming the file", async () => {
    await expectRefused(await importFile(write("list.yaml", "datasets: [ {path: a.jsonl, data_type: [\n"), "Yaml"), "Yaml", /list\.yaml/);
  });

  it("refuses a server path outside the import roots and a symlink leading out", async () => {
    await expectRefused(await importFile("/etc/passwd", "Escape", ["--server-path"]), "Escape", /import/i);
    const linked = path.join(folder, "linked");
    mkdirSync(linked);
    symlinkSync("/etc/hostname", path.join(linked, "host.jsonl"));
    const result = await importFile(linked, "Link");
    expect(result.code).not.toBe(0);
    for (const pattern of internals) expect(result.stderr).not.toMatch(pattern);
    expect(await datasetNames()).not.toContain("Link");
    await expectServerAnswers();
  });

  it("imports a row whose image is a fake PNG, reporting the image", async () => {
    write("fake/fake.png", "this is not a PNG");
    const file = write("fake/fake-image.jsonl", `${JSON.stringify({ question: "What is shown?", answer: "nothing", image: "fake.png" })}\n`);
    const result = await importFile(file, "Fake image");
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ rowsImported: 1, imagesMissing: 1 });
    await expectServerAnswers();
  });

  it("imports the valid rows around a line that is not JSON", async () => {
    const file = write("mixed.jsonl", `${JSON.stringify({ question: "One?", answer: "1" })}\n{ not json\n${JSON.stringify({ question: "Two?", answer: "2" })}\n`);
    const result = await importFile(file, "Mixed");
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ rowsImported: 2, rowsSkipped: 1, skippedRows: [expect.stringMatching(/^mixed row 2: not valid JSON/)] });
    expect(await datasetNames()).toEqual(expect.arrayContaining(["Mixed", "Fake image", "One huge"]));
  });
});
