import { readdir, readFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadFolder } from "@/server/datasets/import-location";
import { handleApiRequest } from "@/server/http/api-router";
import { fixturesFolder } from "./fixtures/datasets/write-parquet-fixtures";
import { startHttpServer, type RunningHttpServer } from "./support/http-server";
import { runQueuedJobs } from "./support/run-jobs";
import { createTestApp, type TestApp } from "./support/test-app";

describe("uploads and image serving over HTTP", () => {
  let app: TestApp;
  let server: RunningHttpServer;
  let ada: Awaited<ReturnType<TestApp["callerFor"]>>;
  let adaAuth: Record<string, string>;
  let uploadId: string;

  beforeAll(async () => {
    app = await createTestApp({ MMR_MAX_UPLOAD_BYTES: "200000" });
    server = await startHttpServer((request) => handleApiRequest(app.deps, request));
    ada = await app.callerFor(await app.signUp("ada@example.com"));
    await ada.projects.create({ name: "Uploads" });
    adaAuth = { authorization: `Bearer ${(await ada.tokens.createPersonal({ name: "cli" })).token}` };
  });
  afterAll(async () => {
    await server.close();
    await app.close();
  });

  const put = (file: string, body: BodyInit, headers: Record<string, string> = adaAuth) =>
    fetch(`${server.url}/api/uploads/${uploadId}/${file}?project=uploads`, { method: "PUT", headers, body, duplex: "half" } as RequestInit);

  const openUpload = async () => {
    const opened = await fetch(`${server.url}/api/uploads`, { method: "POST", headers: adaAuth, body: JSON.stringify({ project: "uploads" }) });
    expect(opened.status).toBe(201);
    return ((await opened.json()) as { uploadId: string }).uploadId;
  };

  it("takes a data file and its images, then imports them with the images served to members only", async () => {
    uploadId = await openUpload();
    expect((await put("sft.jsonl", await readFile(path.join(fixturesFolder, "sft_messages.jsonl")))).status).toBe(201);
    expect((await put("images/red-square.png", await readFile(path.join(fixturesFolder, "images/red-square.png")))).status).toBe(201);

    const { runId, datasetId } = await ada.datasets.startImport({
      project: "uploads",
      target: { newDatasetName: "uploaded" },
      location: { kind: "upload", uploadId, file: "sft.jsonl" },
    });
    await runQueuedJobs(app);
    expect((await ada.runs.get({ project: "uploads", runId })).result).toMatchObject({ rowsImported: 4, imagesMissing: 1 });
    // The upload folder goes once its contents are stored.
    await expect(readdir(uploadFolder(app.deps.env, uploadId))).rejects.toThrow(/ENOENT/);

    const [withImage] = (await ada.samples.list({ project: "uploads", datasetId, filter: { hasImage: true } })).items;
    const image = await fetch(`${server.url}/api/blobs/${withImage.thumbnailSha256}`, { headers: adaAuth });
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/webp");
    expect(image.headers.get("x-content-type-options")).toBe("nosniff");

    expect((await fetch(`${server.url}/api/blobs/${withImage.thumbnailSha256}`)).status).toBe(401);
    await ada.instance.setSignUpOpen({ open: true });
    const eve = await app.callerFor(await app.signUp("eve@example.com"));
    const eveAuth = { authorization: `Bearer ${(await eve.tokens.createPersonal({ name: "eve" })).token}` };
    expect((await fetch(`${server.url}/api/blobs/${withImage.thumbnailSha256}`, { headers: eveAuth })).status).toBe(404);
    expect((await fetch(`${server.url}/api/uploads`, { method: "POST", headers: eveAuth, body: JSON.stringify({ project: "uploads" }) })).status).toBe(404);
  });

  it("refuses paths that climb out of the upload", async () => {
    uploadId = await openUpload();
    const response = await put("images/..%2F..%2Fescape.png", "x");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/Not an acceptable file path/);
  });

  it("refuses a 2 GB upload over the limit before reading it, and a body that outgrows the limit, keeping nothing", async () => {
    expect((await put("kept.jsonl", "{}\n")).status).toBe(201);
    const before = await readdir(uploadFolder(app.deps.env, uploadId), { recursive: true });
    // Only the headers of a 2 GB body are sent: the answer must come before any of it is read.
    const declared = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(`${server.url}/api/uploads/${uploadId}/huge.parquet?project=uploads`, {
        method: "PUT",
        headers: { ...adaAuth, "content-length": String(2 * 1024 ** 3) },
      });
      request.on("response", (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => {
          resolve({ status: response.statusCode ?? 0, body });
          request.destroy();
        });
      });
      request.on("error", reject);
      request.flushHeaders();
    });
    expect(declared.status).toBe(413);
    expect(declared.body).toMatch(/200000-byte limit \(MMR_MAX_UPLOAD_BYTES\)/);
    const growing = new ReadableStream({
      pull(controller) {
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const streamed = await put("growing.bin", growing);
    expect(streamed.status).toBe(413);
    expect(await readdir(uploadFolder(app.deps.env, uploadId), { recursive: true })).toEqual(before);
  });
});
