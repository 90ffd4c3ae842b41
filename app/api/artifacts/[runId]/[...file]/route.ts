import { getAppDeps } from "@/server/deps";
import { handleArtifactRequest } from "@/server/http/artifact-handler";

export async function GET(request: Request, { params }: { params: Promise<{ runId: string; file: string[] }> }) {
  const { runId, file } = await params;
  return handleArtifactRequest(await getAppDeps(), request, runId, file);
}
