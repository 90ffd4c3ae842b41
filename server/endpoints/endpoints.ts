import "server-only";
import { and, asc, eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import { modelEndpoints } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import type { RunSecrets } from "@/server/runs/run-secrets";

export type ModelEndpoint = typeof modelEndpoints.$inferSelect;

/** The settings a person gives an endpoint; the same contract for the router, the CLI and tests. */
export const endpointSettingsSchema = z.object({
  name: z.string().trim().min(1, "Name the endpoint.").max(80),
  baseUrl: z
    .string()
    .trim()
    .url("The base URL must be a URL such as http://judge-host:8000/v1.")
    .refine((url) => /^https?:\/\//i.test(url), "The base URL must start with http:// or https://.")
    .transform((url) => url.replace(/\/+$/, "")),
  model: z.string().trim().min(1, "Name the model the server serves (e.g. judge).").max(200),
  concurrency: z.number().int().min(1).max(1024).default(8),
  requestsPerMinute: z.number().int().min(1).max(1_000_000).nullable().default(null),
  timeoutMs: z.number().int().min(1_000).max(3_600_000).default(120_000),
});
export type EndpointSettings = z.input<typeof endpointSettingsSchema>;

/** An endpoint as people see it: never its key, only whether it has one. */
export function publicEndpoint(endpoint: ModelEndpoint) {
  const { apiKeySealed, ...rest } = endpoint;
  return { ...rest, hasApiKey: apiKeySealed !== null };
}
export type PublicEndpoint = ReturnType<typeof publicEndpoint>;

export async function listEndpoints(db: Database, projectId: string): Promise<PublicEndpoint[]> {
  const rows = await db.select().from(modelEndpoints).where(eq(modelEndpoints.projectId, projectId)).orderBy(asc(modelEndpoints.name));
  return rows.map(publicEndpoint);
}

/** An endpoint of the project by its id or its name. */
export async function findEndpoint(db: Database, projectId: string, idOrName: string): Promise<ModelEndpoint> {
  const byId = z.uuid().safeParse(idOrName).success ? eq(modelEndpoints.id, idOrName) : undefined;
  const [found] = await db
    .select()
    .from(modelEndpoints)
    .where(and(eq(modelEndpoints.projectId, projectId), byId ? or(byId, eq(modelEndpoints.name, idOrName)) : eq(modelEndpoints.name, idOrName)));
  if (!found) throw new DomainError("NOT_FOUND", `This project has no model endpoint "${idOrName}" (see Settings → Model endpoints).`);
  return found;
}

export async function createEndpoint(
  deps: { db: Database; secrets: RunSecrets },
  input: { projectId: string; settings: EndpointSettings; apiKey?: string; createdBy: string | null },
): Promise<PublicEndpoint> {
  const settings = endpointSettingsSchema.parse(input.settings);
  const [created] = await deps.db
    .insert(modelEndpoints)
    .values({ projectId: input.projectId, ...settings, apiKeySealed: input.apiKey ? deps.secrets.sealText(input.apiKey) : null, createdBy: input.createdBy })
    .onConflictDoNothing()
    .returning();
  if (!created) throw new DomainError("CONFLICT", `An endpoint named "${settings.name}" exists already in this project.`);
  return publicEndpoint(created);
}

/** Changes an endpoint's settings; `apiKey` undefined keeps the stored key, "" removes it. */
export async function updateEndpoint(
  deps: { db: Database; secrets: RunSecrets },
  input: { projectId: string; endpointId: string; settings: EndpointSettings; apiKey?: string },
): Promise<PublicEndpoint> {
  const settings = endpointSettingsSchema.parse(input.settings);
  const key = input.apiKey === undefined ? {} : { apiKeySealed: input.apiKey === "" ? null : deps.secrets.sealText(input.apiKey) };
  try {
    const [updated] = await deps.db
      .update(modelEndpoints)
      .set({ ...settings, ...key, updatedAt: sql`now()` })
      .where(and(eq(modelEndpoints.projectId, input.projectId), eq(modelEndpoints.id, input.endpointId)))
      .returning();
    if (!updated) throw new DomainError("NOT_FOUND", "That model endpoint does not exist in this project.");
    return publicEndpoint(updated);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", `An endpoint named "${settings.name}" exists already in this project.`);
    throw error;
  }
}

export async function deleteEndpoint(db: Database, projectId: string, endpointId: string): Promise<void> {
  const deleted = await db
    .delete(modelEndpoints)
    .where(and(eq(modelEndpoints.projectId, projectId), eq(modelEndpoints.id, endpointId)))
    .returning({ id: modelEndpoints.id });
  if (deleted.length === 0) throw new DomainError("NOT_FOUND", "That model endpoint does not exist in this project.");
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause ?? (error as { code?: string });
  return cause?.code === "23505";
}
