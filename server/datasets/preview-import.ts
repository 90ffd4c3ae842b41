import "server-only";
import type { AppDeps } from "@/server/deps";
import { previewFile, type ColumnMapping, type ImageRef } from "./import";
import { resolveImportLocation, withUserPaths, type ImportLocation } from "./import-location";
import { assertUploadInProject } from "./uploads";

// Image bytes stay on the server: the preview names them by size.
function describeImage(image: ImageRef) {
  return image.kind === "path" ? { kind: "path" as const, path: image.path } : { kind: "bytes" as const, size: image.bytes.byteLength, name: image.name };
}

/** The first rows of each source as they would import, with the suggested mapping the user may correct. */
export async function previewImport(
  deps: Pick<AppDeps, "db" | "env">,
  projectId: string,
  location: ImportLocation,
  options: { limit?: number; mappings?: Record<string, ColumnMapping> },
) {
  if (location.kind === "upload") await assertUploadInProject(deps.db, location.uploadId, projectId);
  const preview = await withUserPaths(location, deps.env, async () => {
    const { path } = await resolveImportLocation(location, deps.env);
    return previewFile(path, { limit: options.limit ?? 20, mappings: options.mappings });
  });
  return {
    container: preview.container,
    sources: preview.sources.map((source) => ({
      label: source.source.label,
      container: source.source.container,
      rowCount: source.rowCount ?? null,
      columns: source.columns,
      layout: source.layout,
      suggestedMapping: source.suggestedMapping,
      mapping: source.mapping,
      rowErrors: source.rowErrors,
      samples: source.samples.map(({ row, sample, imageProblems }) => ({
        row,
        imageProblems,
        sample: { ...sample, extra: undefined, images: sample.images.map(describeImage) },
      })),
    })),
  };
}
