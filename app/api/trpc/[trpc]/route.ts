import { getAppDeps } from "@/server/deps";
import { handleTrpcRequest } from "@/server/http/trpc-handler";

async function handle(request: Request): Promise<Response> {
  return handleTrpcRequest(await getAppDeps(), request);
}

export { handle as GET, handle as POST };
