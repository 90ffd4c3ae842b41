import { getAppDeps } from "@/server/deps";
import { handleBlobRequest } from "@/server/http/blob-handler";

export async function GET(request: Request, { params }: { params: Promise<{ sha256: string }> }) {
  return handleBlobRequest(await getAppDeps(), request, (await params).sha256);
}
