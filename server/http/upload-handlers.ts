import "server-only";
import { z } from "zod";
import { createUpload, writeUploadFile } from "@/server/datasets/uploads";
import type { AppDeps } from "@/server/deps";
import { DomainError } from "@/server/errors";
import { answerDomainErrors } from "./domain-response";
import { requireProjectAccess } from "./project-caller";

const openUploadBody = z.object({ project: z.string().min(1) });

/** POST /api/uploads {project}: opens an upload, a folder that takes a data file and its images. */
export function handleOpenUpload(deps: AppDeps, request: Request): Promise<Response> {
  return answerDomainErrors(async () => {
    const parsed = openUploadBody.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw new DomainError("BAD_REQUEST", 'Send JSON {"project": "<slug>"}.');
    const access = await requireProjectAccess(deps, request.headers, parsed.data.project, "member");
    return Response.json(await createUpload(deps.db, { projectId: access.project.id, userId: access.userId }), { status: 201 });
  });
}

/** PUT /api/uploads/<id>/<relative path>?project=<slug>: one file of an upload, streamed to disk. `file` is decoded. */
export function handleUploadFile(deps: AppDeps, request: Request, uploadId: string, file: string[]): Promise<Response> {
  return answerDomainErrors(async () => {
    const project = new URL(request.url).searchParams.get("project");
    if (!project) throw new DomainError("BAD_REQUEST", "Name the project: ?project=<slug>.");
    if (!z.uuid().safeParse(uploadId).success) throw new DomainError("NOT_FOUND", "No such upload.");
    if (!request.body) throw new DomainError("BAD_REQUEST", "The request has no body.");
    const access = await requireProjectAccess(deps, request.headers, project, "member");
    const declared = request.headers.get("content-length");
    const stored = await writeUploadFile(deps, {
      uploadId,
      projectId: access.project.id,
      relativePath: file.join("/"),
      body: request.body,
      declaredBytes: declared === null ? null : Number(declared),
    });
    return Response.json(stored, { status: 201 });
  });
}
