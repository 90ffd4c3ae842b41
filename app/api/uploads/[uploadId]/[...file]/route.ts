import { getAppDeps } from "@/server/deps";
import { handleUploadFile } from "@/server/http/upload-handlers";

export async function PUT(request: Request, { params }: { params: Promise<{ uploadId: string; file: string[] }> }) {
  const { uploadId, file } = await params;
  return handleUploadFile(await getAppDeps(), request, uploadId, file);
}
