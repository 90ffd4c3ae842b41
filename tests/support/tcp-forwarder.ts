import { createServer, connect, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export interface TcpForwarder {
  /** `http://127.0.0.1:<port>`: the address clients are given. */
  url: string;
  port: number;
  /** Stops listening and drops every open connection, as a server process going away would. */
  close(): Promise<void>;
}

/**
 * Listens on a fixed port (0: any free one) and pipes each connection to `targetUrl`. A test's HTTP server listens on a
 * port of its own choosing; forwarding from a stable port lets a test "restart the server on the same port": close the
 * forwarder and the server, start a new server, forward the old port to it.
 */
export async function startTcpForwarder(targetUrl: string, port = 0): Promise<TcpForwarder> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  const server = createServer((incoming) => {
    const outgoing = connect(Number(target.port), target.hostname);
    for (const socket of [incoming, outgoing]) {
      sockets.add(socket);
      socket.once("close", () => sockets.delete(socket));
      // A reset on one side closes the other; the error itself is the client's to see.
      socket.on("error", () => {
        incoming.destroy();
        outgoing.destroy();
      });
    }
    incoming.pipe(outgoing).pipe(incoming);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
  };
}
