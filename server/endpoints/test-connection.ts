import "server-only";
import type { Database } from "@/server/db/client";
import type { RunSecrets } from "@/server/runs/run-secrets";
import { openEndpointClient } from "./chat-client";
import { EndpointError } from "./endpoint-error";

export interface ConnectionTest {
  ok: boolean;
  latencyMs: number;
  model: string;
  reply: string | null;
  error: string | null;
}

/** One real, tiny chat completion: proves the URL, the model name and the key together. */
export async function testEndpointConnection(deps: { db: Database; secrets: RunSecrets }, projectId: string, idOrName: string): Promise<ConnectionTest> {
  const client = await openEndpointClient(deps, projectId, idOrName);
  const started = performance.now();
  try {
    const reply = await client.complete([{ role: "user", content: "Reply with the single character 1." }], { maxTokens: 8, temperature: 0 });
    return { ok: true, latencyMs: Math.round(performance.now() - started), model: client.endpoint.model, reply: reply.text.slice(0, 200), error: null };
  } catch (error) {
    if (!(error instanceof EndpointError)) throw error;
    return { ok: false, latencyMs: Math.round(performance.now() - started), model: client.endpoint.model, reply: null, error: error.message };
  }
}
