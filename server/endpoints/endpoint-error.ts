import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";

export type EndpointErrorKind = "unreachable" | "rate_limited" | "timeout" | "unknown_model" | "unauthorized" | "server_error" | "bad_reply" | "aborted";

/** A model server that could not answer, said why it would not, or answered nonsense; the message names the endpoint. */
export class EndpointError extends Error {
  constructor(
    readonly kind: EndpointErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "EndpointError";
  }
}

/** What the openai client threw, as a person reads it: which endpoint, what happened, what to check. */
export function describeEndpointFailure(error: unknown, endpoint: { name: string; baseUrl: string; model: string }): EndpointError {
  if (error instanceof EndpointError) return error;
  const where = `endpoint "${endpoint.name}" (${endpoint.baseUrl})`;
  if (error instanceof APIUserAbortError) return new EndpointError("aborted", `The request to ${where} was cancelled.`);
  if (error instanceof APIConnectionTimeoutError) return new EndpointError("timeout", `${where} did not answer within its timeout, even after retries.`);
  if (error instanceof APIConnectionError) return new EndpointError("unreachable", `Cannot reach ${where}: is the server running, and is the base URL right?`);
  if (error instanceof APIError) {
    const said = serverMessage(error);
    if (error.status === 429) return new EndpointError("rate_limited", `${where} kept answering 429 (too many requests) after every retry${said}.`);
    if (error.status === 401 || error.status === 403) return new EndpointError("unauthorized", `${where} refused the API key (HTTP ${error.status})${said}.`);
    if (error.status === 404) return new EndpointError("unknown_model", `${where} does not serve model "${endpoint.model}" (HTTP 404)${said}: check the model name.`);
    if (error.status !== undefined && error.status >= 500) return new EndpointError("server_error", `${where} failed with HTTP ${error.status} after every retry${said}.`);
    return new EndpointError("bad_reply", `${where} refused the request (HTTP ${error.status ?? "?"})${said}.`);
  }
  if (error instanceof Error && error.name === "AbortError") return new EndpointError("aborted", `The request to ${where} was cancelled.`);
  return new EndpointError("bad_reply", `${where} sent a reply that is not an OpenAI-compatible completion.`);
}

function serverMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  const text = typeof body?.message === "string" ? body.message : "";
  const flat = text.replace(/\s+/g, " ").trim();
  return flat ? `: "${flat.length > 200 ? `${flat.slice(0, 199)}…` : flat}"` : "";
}
