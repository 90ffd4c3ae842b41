import { getAppDeps } from "@/server/deps";
import { handleOpenUpload } from "@/server/http/upload-handlers";

export async function POST(request: Request) {
  return handleOpenUpload(await getAppDeps(), request);
}
