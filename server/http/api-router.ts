import "server-only";
import type { AppDeps } from "@/server/deps";
import { handleAgentArtifactUpload } from "./agent-artifact-handler";
import { handleArtifactRequest } from "./artifact-handler";
import { handleBlobRequest } from "./blob-handler";
import { handleTrpcRequest } from "./trpc-handler";
import { handleOpenUpload, handleUploadFile } from "./upload-handlers";

/**
 * The API outside better-auth, dispatched by path as Next's route handlers do. Next serves each route through its
 * own handler file; tests and tools serve the same handlers through this one function.
 */
export async function handleApiRequest(deps: AppDeps, request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (pathname.startsWith("/api/trpc/")) return handleTrpcRequest(deps, request);
  const blob = /^\/api\/blobs\/([^/]+)$/.exec(pathname);
  if (blob && request.method === "GET") return handleBlobRequest(deps, request, blob[1]);
  const artifact = /^\/api\/artifacts\/([^/]+)\/(.+)$/.exec(pathname);
  if (artifact && request.method === "GET") return withDecodedPath(artifact[2], (file) => handleArtifactRequest(deps, request, artifact[1], file));
  if (pathname === "/api/uploads" && request.method === "POST") return handleOpenUpload(deps, request);
  const upload = /^\/api\/uploads\/([^/]+)\/(.+)$/.exec(pathname);
  if (upload && request.method === "PUT") return withDecodedPath(upload[2], (file) => handleUploadFile(deps, request, upload[1], file));
  const agentArtifact = /^\/api\/agent\/runs\/([^/]+)\/artifacts\/(.+)$/.exec(pathname);
  if (agentArtifact && request.method === "PUT") {
    return withDecodedPath(agentArtifact[2], (file) => handleAgentArtifactUpload(deps, request, agentArtifact[1], file));
  }
  return Response.json({ error: `No API route ${request.method} ${pathname}.` }, { status: 404 });
}

/** Next decodes catch-all segments before a route handler sees them; so does this, answering 400 where Next would. */
function withDecodedPath(path: string, handle: (segments: string[]) => Promise<Response>): Promise<Response> {
  let segments: string[];
  try {
    segments = path.split("/").map(decodeURIComponent);
  } catch {
    return Promise.resolve(Response.json({ error: `Not a URL-encoded path: ${JSON.stringify(path)}.` }, { status: 400 }));
  }
  return handle(segments);
}
