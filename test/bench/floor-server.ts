import { createServer, type Server } from "node:http";

/**
 * The per-request floor: node:http alone, reading the request and answering `body` byte for byte as the
 * gateway answered it. Timed by the same client as the gateway, it is what HTTP on this machine costs
 * before any work: no server can answer faster.
 */
export async function startFloorServer(body: string): Promise<{ server: Server; url: string }> {
  const payload = Buffer.from(body);
  const server = createServer((request, response) => {
    request.on("data", () => undefined);
    request.on("end", () =>
      response
        .writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": payload.length })
        .end(payload),
    );
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql` };
}
