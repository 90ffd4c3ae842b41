import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

export type FetchHandler = (request: Request) => Promise<Response>;

export interface RunningHttpServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a Fetch-style handler over real HTTP on 127.0.0.1 and a free port: for tests whose client is another
 * process (a CLI, an agent) and so cannot call the handler directly.
 */
export async function startHttpServer(handler: FetchHandler): Promise<RunningHttpServer> {
  const server = createServer((incoming, outgoing) => void respond(handler, incoming, outgoing));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}

async function respond(handler: FetchHandler, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  // A client that hangs up aborts the request, as it would under a real server (streams and long polls stop).
  const hangUp = new AbortController();
  outgoing.once("close", () => {
    if (!outgoing.writableFinished) hangUp.abort();
  });
  try {
    await writeFetchResponse(await handler(toFetchRequest(incoming, hangUp.signal)), outgoing);
  } catch (error) {
    if (outgoing.headersSent) {
      outgoing.destroy(error as Error);
      return;
    }
    outgoing.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    outgoing.end(`test HTTP server: the handler threw: ${error instanceof Error ? error.stack : String(error)}`);
  }
}

function toFetchRequest(incoming: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  // rawHeaders keeps repeated headers that incoming.headers would join or drop.
  for (let index = 0; index < incoming.rawHeaders.length; index += 2) {
    headers.append(incoming.rawHeaders[index], incoming.rawHeaders[index + 1]);
  }
  const method = incoming.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  // Node's fetch needs `duplex: "half"` for a streamed body; the DOM typings do not know the field yet.
  const init: RequestInit & { duplex: "half" } = {
    method,
    headers,
    signal,
    body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  };
  return new Request(new URL(incoming.url ?? "/", `http://${incoming.headers.host ?? "127.0.0.1"}`), init);
}

async function writeFetchResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  outgoing.writeHead(response.status, headers);
  if (!response.body) {
    outgoing.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), outgoing);
}
