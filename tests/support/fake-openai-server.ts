// A small OpenAI-compatible model server for tests, on 127.0.0.1 and a free port, spoken to by the real `openai`
// client over the network. It serves:
//   POST /v1/chat/completions  text and image_url parts; JSON, or SSE when `stream: true`; usage token counts
//   POST /v1/embeddings        one deterministic vector per input (floats, or base64 float32 with encoding_format)
//   GET  /v1/models            the model it serves
// A test programs it through `behaviour` (change it at any time):
//   reply(messages)   the assistant's text for a request (default "1")
//   latencyMs         added before each answer
//   rateLimitFirst    answer this many requests 429 (Retry-After: 0) before behaving
//   serverErrorFirst  answer this many requests 500 before behaving
//   hang              never answer (for timeouts)
// and reads back `requests` (completions and embeddings received, 429s included), `maxConcurrent` (most requests
// in flight at once), `lastMessages` (the last chat request's messages).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ChatMessage {
  role: string;
  content: string | { type: string; text?: string; image_url?: { url: string } }[];
}

export interface FakeModelBehaviour {
  model: string;
  reply(messages: ChatMessage[]): string;
  latencyMs: number;
  rateLimitFirst: number;
  serverErrorFirst: number;
  hang: boolean;
}

export interface FakeOpenAiServer {
  /** The base URL an endpoint is configured with: `http://127.0.0.1:<port>/v1`. */
  baseUrl: string;
  behaviour: FakeModelBehaviour;
  requests: number;
  maxConcurrent: number;
  lastMessages: ChatMessage[] | null;
  close(): Promise<void>;
}

/** The text of a chat request's user turns, image parts left out: what reply functions usually look at. */
export function userText(messages: ChatMessage[]): string {
  return messages
    .filter((m) => m.role === "user")
    .map((m) => (typeof m.content === "string" ? m.content : m.content.map((part) => part.text ?? "").join("")))
    .join("\n");
}

export async function startFakeOpenAiServer(behaviour: Partial<FakeModelBehaviour> = {}): Promise<FakeOpenAiServer> {
  let inFlight = 0;
  const state: FakeOpenAiServer = {
    baseUrl: "",
    behaviour: { model: "judge", reply: () => "1", latencyMs: 0, rateLimitFirst: 0, serverErrorFirst: 0, hang: false, ...behaviour },
    requests: 0,
    maxConcurrent: 0,
    lastMessages: null,
    close: async () => {},
  };

  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readJson(request);
    const path = request.url ?? "";
    if (request.method === "GET" && path === "/v1/models") return sendJson(response, 200, { object: "list", data: [{ id: state.behaviour.model, object: "model" }] });
    if (request.method !== "POST" || (path !== "/v1/chat/completions" && path !== "/v1/embeddings")) return sendJson(response, 404, { error: { message: `no route ${path}` } });
    state.requests += 1;
    const b = state.behaviour;
    if (b.hang) return;
    if (b.latencyMs > 0) await new Promise((r) => setTimeout(r, b.latencyMs));
    if (b.rateLimitFirst > 0) {
      b.rateLimitFirst -= 1;
      return sendJson(response, 429, { error: { message: "Rate limit reached", type: "rate_limit_error" } }, { "retry-after": "0" });
    }
    if (b.serverErrorFirst > 0) {
      b.serverErrorFirst -= 1;
      return sendJson(response, 500, { error: { message: "internal error", type: "server_error" } });
    }
    if (body?.model !== b.model) {
      return sendJson(response, 404, { error: { message: `The model \`${String(body?.model)}\` does not exist.`, type: "NotFoundError", code: "model_not_found" } });
    }
    if (path === "/v1/embeddings") {
      const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
      // The openai client asks for base64 (little-endian float32) unless told otherwise, as the API allows.
      const encode = (vector: number[]) => (body.encoding_format === "base64" ? Buffer.from(new Float32Array(vector).buffer).toString("base64") : vector);
      const data = inputs.map((text, index) => ({ object: "embedding", index, embedding: encode(embeddingOf(String(text))) }));
      return sendJson(response, 200, { object: "list", data, model: b.model, usage: { prompt_tokens: inputs.length, total_tokens: inputs.length } });
    }
    const messages = body.messages as ChatMessage[];
    state.lastMessages = messages;
    const text = b.reply(messages);
    const usage = { prompt_tokens: Math.ceil(JSON.stringify(messages).length / 4), completion_tokens: Math.max(1, Math.ceil(text.length / 4)) };
    if (body.stream) return streamReply(response, b.model, text, usage);
    sendJson(response, 200, {
      id: "chatcmpl-fake",
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: b.model,
      choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    });
  };

  const server = createServer((request, response) => {
    inFlight += 1;
    state.maxConcurrent = Math.max(state.maxConcurrent, inFlight);
    response.once("close", () => (inFlight -= 1));
    answer(request, response).catch((error: Error) => sendJson(response, 400, { error: { message: error.message } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return state;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> & { messages?: unknown; input?: unknown; model?: unknown; stream?: unknown; encoding_format?: unknown }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? JSON.parse(text) : {};
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (response.writableEnded) return;
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

function streamReply(response: ServerResponse, model: string, text: string, usage: { prompt_tokens: number; completion_tokens: number }): void {
  response.writeHead(200, { "content-type": "text/event-stream" });
  const chunk = (delta: object, finish: string | null, extra: object = {}) =>
    `data: ${JSON.stringify({ id: "chatcmpl-fake", object: "chat.completion.chunk", model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;
  for (let i = 0; i < text.length; i += 64) response.write(chunk(i === 0 ? { role: "assistant", content: text.slice(i, i + 64) } : { content: text.slice(i, i + 64) }, null));
  response.write(chunk({}, "stop", { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } }));
  response.end("data: [DONE]\n\n");
}

/** A unit vector that depends only on the text's words, so equal texts embed equally and similar ones nearby. */
function embeddingOf(text: string): number[] {
  const vector = new Array<number>(16).fill(0);
  for (const word of text.toLowerCase().split(/\W+/).filter(Boolean)) {
    let hash = 0;
    for (const ch of word) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    vector[hash % 16] += 1;
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((v) => v / norm);
}
