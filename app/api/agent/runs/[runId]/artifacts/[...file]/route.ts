import { getAppDeps } from "@/server/deps";
import { handleAgentArtifactUpload } from "@/server/http/agent-artifact-handler";

export async function PUT(request: Request, { params }: { params: Promise<{ runId: string; file: string[] }> }) {
  const { runId, file } = await params;
  return handleAgentArtifactUpload(await getAppDeps(), request, runId, file);
}
