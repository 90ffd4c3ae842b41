import "server-only";
import OpenAI from "openai";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { Database } from "@/server/db/client";
import type { RunSecrets } from "@/server/runs/run-secrets";
import { describeEndpointFailure, EndpointError } from "./endpoint-error";
import { findEndpoint, type ModelEndpoint } from "./endpoints";
import { limitedFetch } from "./limited-fetch";
import { RequestLimiter } from "./request-limiter";

export { EndpointError } from "./endpoint-error";

/** Retries of one request on 429, 5xx, timeouts and dropped connections; the openai client backs off (and honours Retry-After). */
const maxRetries = 4;
/** Longest reply text kept: far above any verdict or distilled answer, bounded whatever a server sends. */
export const maxReplyChars = 262_144;
/** Largest HTTP body read from a server (the JSON around the text, or a runaway reply). */
const maxResponseBytes = 8 * 1024 * 1024;

export interface ChatReply {
  text: string;
  promptTokens: number;
  completionTokens: number;
  finishReason: string | null;
  /** The server sent more than `maxReplyChars`; `text` holds the start. */
  truncated: boolean;
}

export interface EndpointClient {
  endpoint: Pick<ModelEndpoint, "id" | "name" | "baseUrl" | "model" | "concurrency" | "requestsPerMinute" | "timeoutMs">;
  complete(messages: ChatCompletionMessageParam[], options?: { signal?: AbortSignal; maxTokens?: number; temperature?: number }): Promise<ChatReply>;
  embed(texts: string[], options?: { signal?: AbortSignal }): Promise<{ vectors: number[][]; promptTokens: number }>;
}

// One limiter per endpoint in this process, so every job and request to it shares the endpoint's bounds.
const holder = globalThis as typeof globalThis & { __mmrEndpointLimiters?: Map<string, RequestLimiter> };
function limiterFor(endpoint: ModelEndpoint): RequestLimiter {
  holder.__mmrEndpointLimiters ??= new Map();
  const known = holder.__mmrEndpointLimiters.get(endpoint.id);
  if (known && known.concurrency === endpoint.concurrency && known.requestsPerMinute === endpoint.requestsPerMinute) return known;
  const limiter = new RequestLimiter(endpoint.concurrency, endpoint.requestsPerMinute);
  holder.__mmrEndpointLimiters.set(endpoint.id, limiter);
  return limiter;
}

/** A client for one of the project's endpoints (by id or name), its key opened for this process only. */
export async function openEndpointClient(deps: { db: Database; secrets: RunSecrets }, projectId: string, idOrName: string): Promise<EndpointClient> {
  return endpointClient(await findEndpoint(deps.db, projectId, idOrName), deps.secrets);
}

export function endpointClient(endpoint: ModelEndpoint, secrets: RunSecrets): EndpointClient {
  const openai = new OpenAI({
    baseURL: endpoint.baseUrl,
    // Self-hosted servers (vLLM, SGLang) often take no key; the client insists on a value.
    apiKey: endpoint.apiKeySealed ? secrets.openText(endpoint.apiKeySealed) : "none",
    timeout: endpoint.timeoutMs,
    maxRetries,
    fetch: limitedFetch(maxResponseBytes),
  });
  const limiter = limiterFor(endpoint);
  const call = async <T>(request: (signal?: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> => {
    try {
      return await limiter.run(() => withOwnSignal(signal, request), signal);
    } catch (error) {
      if (signal?.aborted) throw new EndpointError("aborted", `The request to endpoint "${endpoint.name}" was cancelled.`);
      throw describeEndpointFailure(error, endpoint);
    }
  };
  return {
    endpoint,
    complete: (messages, options = {}) =>
      call(async (signal) => {
        const completion = await openai.chat.completions.create(
          { model: endpoint.model, messages, max_tokens: options.maxTokens, temperature: options.temperature },
          { signal },
        );
        const choice = completion.choices?.[0];
        const content = choice?.message?.content;
        if (typeof content !== "string") throw new EndpointError("bad_reply", `Endpoint "${endpoint.name}" (${endpoint.baseUrl}) sent a completion without text.`);
        return {
          text: content.length > maxReplyChars ? content.slice(0, maxReplyChars) : content,
          truncated: content.length > maxReplyChars,
          promptTokens: completion.usage?.prompt_tokens ?? 0,
          completionTokens: completion.usage?.completion_tokens ?? 0,
          finishReason: choice.finish_reason ?? null,
        };
      }, options.signal),
    embed: (texts, options = {}) =>
      call(async (signal) => {
        const response = await openai.embeddings.create({ model: endpoint.model, input: texts }, { signal });
        const vectors = [...response.data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
        if (vectors.length !== texts.length) throw new EndpointError("bad_reply", `Endpoint "${endpoint.name}" returned ${vectors.length} embeddings for ${texts.length} texts.`);
        return { vectors, promptTokens: response.usage?.prompt_tokens ?? 0 };
      }, options.signal),
  };
}

/**
 * Runs one request under a signal of its own that follows the caller's. The openai client never removes the abort
 * listener it adds to the signal it is given, so a job's signal shared by 100,000 requests would collect 100,000 of
 * them (each add scans the list: the job slows quadratically); this listener is removed when the request ends.
 */
async function withOwnSignal<T>(outer: AbortSignal | undefined, request: (signal?: AbortSignal) => Promise<T>): Promise<T> {
  if (!outer) return request();
  const own = new AbortController();
  const follow = () => own.abort(outer.reason);
  outer.addEventListener("abort", follow, { once: true });
  try {
    return await request(own.signal);
  } finally {
    outer.removeEventListener("abort", follow);
  }
}
