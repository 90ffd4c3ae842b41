import "server-only";

/**
 * Reads a request body up to `limitBytes`, whatever Content-Length claims (chunked bodies have none).
 * Returns the request to hand on, rebuilt with the bytes read, or null when the body is over the limit.
 */
export async function readBodyWithinLimit(request: Request, limitBytes: number): Promise<Request | null> {
  if (!request.body) return request;
  if (Number(request.headers.get("content-length") ?? "0") > limitBytes) return null;
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limitBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body: Buffer.concat(chunks) });
}
