import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the gateway sent to a trigger endpoint. */
export interface ReceivedTrigger {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  event: Record<string, any>;
}

/** What a handler answers: the event back (status 200), or a status and a raw body. */
export type TriggerAnswer = Record<string, unknown> | { status: number; body: string } | "hang";

export type TriggerHandler = (event: Record<string, any>, path: string) => TriggerAnswer | Promise<TriggerAnswer>;

/**
 * A tiny HTTP receiver per test: records what the gateway POSTs and answers with the handler
 * registered for the path (default: the event back unchanged, as a Lambda that does nothing).
 */
export async function startTriggerReceiver() {
  const received: ReceivedTrigger[] = [];
  const handlers = new Map<string, TriggerHandler>();
  const hanging = new Set<() => void>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      const event = JSON.parse(rawBody) as Record<string, any>;
      const path = request.url ?? "/";
      received.push({ path, headers: request.headers, rawBody, event });
      void Promise.resolve((handlers.get(path) ?? ((value) => value))(event, path)).then((answer) => {
        if (answer === "hang") {
          hanging.add(() => response.destroy());
          return;
        }
        if ("status" in answer && typeof answer.status === "number" && typeof answer.body === "string") {
          response.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body);
          return;
        }
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    received,
    url: (path: string) => `${base}${path}`,
    on(path: string, handler: TriggerHandler) {
      handlers.set(path, handler);
    },
    /** Requests that reached one path, oldest first. */
    at: (path: string) => received.filter((request) => request.path === path),
    async close() {
      for (const release of hanging) release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type TriggerReceiver = Awaited<ReturnType<typeof startTriggerReceiver>>;

/** The receiver's side of the signature check (README "Triggers"). */
export function hasValidSignature(request: ReceivedTrigger, secret: string): boolean {
  const timestamp = String(request.headers["x-gateway-timestamp"] ?? "");
  const signature = String(request.headers["x-gateway-signature"] ?? "");
  const expected = createHmac("sha256", secret).update(`${timestamp}.${request.rawBody}`).digest("hex");
  return signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
}
