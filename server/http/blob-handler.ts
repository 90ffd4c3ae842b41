import "server-only";
import { authorizeBlobRead } from "@/server/blobs/access";
import type { AppDeps } from "@/server/deps";
import { resolveCaller } from "@/server/trpc/context";

/** GET /api/blobs/<sha256>: an image of a sample, or its thumbnail, for members of a project holding it. */
export async function handleBlobRequest(deps: AppDeps, request: Request, sha256: string): Promise<Response> {
  const caller = await resolveCaller(deps, request.headers);
  if (!caller.actor) return Response.json({ error: caller.authError ?? "Sign in to see images." }, { status: 401 });
  const access = /^[0-9a-f]{64}$/.test(sha256) ? await authorizeBlobRead(deps.db, caller.actor.userId, sha256) : null;
  if (!access) return Response.json({ error: "No such image in your projects." }, { status: 404 });
  const bytes = await deps.blobs.read(sha256);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": access.mime,
      // Content-addressed: the bytes behind an address never change.
      "cache-control": "private, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'",
    },
  });
}
