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
  if (artifact && request.method === "GET") return handleArtifactRequest(deps, request, artifact[1], artifact[2].split("/"));
  if (pathname === "/api/uploads" && request.method === "POST") return handleOpenUpload(deps, request);
  const upload = /^\/api\/uploads\/([^/]+)\/(.+)$/.exec(pathname);
  // Next decodes catch-all segments before the handler sees them; so does this.
  if (upload && request.method === "PUT") return handleUploadFile(deps, request, upload[1], upload[2].split("/").map(decodeURIComponent));
  const agentArtifact = /^\/api\/agent\/runs\/([^/]+)\/artifacts\/(.+)$/.exec(pathname);
  if (agentArtifact && request.method === "PUT") {
    return handleAgentArtifactUpload(deps, request, agentArtifact[1], agentArtifact[2].split("/").map(decodeURIComponent));
  }
  return Response.json({ error: `No API route ${request.method} ${pathname}.` }, { status: 404 });
}
