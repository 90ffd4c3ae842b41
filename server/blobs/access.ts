import "server-only";
import { eq, or, sql } from "drizzle-orm";
import { blobs, datasets, projectMembers, sampleImages, samples } from "@/db/schema";
import type { Database } from "@/server/db/client";

/**
 * A blob may be read by members of a project holding a sample that shows it (or whose image it is the thumbnail of).
 * Returns its content type, or null: unknown and forbidden look the same.
 */
export async function authorizeBlobRead(db: Database, userId: string, sha256: string): Promise<{ mime: string } | null> {
  const [image] = await db
    .select({ sha256: blobs.sha256, mime: blobs.mime, thumbnailOf: blobs.thumbnailSha256 })
    .from(blobs)
    .where(or(eq(blobs.sha256, sha256), eq(blobs.thumbnailSha256, sha256)))
    .limit(1);
  if (!image) return null;
  const [visible] = await db
    .select({ one: sql<number>`1` })
    .from(sampleImages)
    .innerJoin(samples, eq(samples.id, sampleImages.sampleId))
    .innerJoin(datasets, eq(datasets.id, samples.datasetId))
    .innerJoin(projectMembers, sql`${projectMembers.projectId} = ${datasets.projectId} and ${projectMembers.userId} = ${userId}`)
    .where(eq(sampleImages.blobSha256, image.sha256))
    .limit(1);
  if (!visible) return null;
  return { mime: image.sha256 === sha256 ? image.mime : "image/webp" };
}
