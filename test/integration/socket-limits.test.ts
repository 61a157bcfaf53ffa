import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient } from "../support/directory.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const MAX_SOCKETS = 3;
const MAX_OPERATIONS = 2;

interface Opened {
  socket: WebSocket;
  /** Every message the server sent, parsed. */
  messages: { type: string; id?: string; payload?: unknown }[];
}

/** Opens a raw graphql-transport-ws socket: the open socket, or the refused handshake's status and JSON body. */
function openSocket(url: string): Promise<Opened | { status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url.replace(/^http/, "ws"), "graphql-transport-ws");
    const messages: Opened["messages"] = [];
    socket.on("message", (data) => messages.push(JSON.parse(String(data)) as Opened["messages"][number]));
    socket.on("open", () => resolve({ socket, messages }));
    socket.on("unexpected-response", (_request, response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as unknown }));
    });
    socket.on("error", reject);
  });
}

async function waitFor<T>(check: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const isOpen = (opened: Awaited<ReturnType<typeof openSocket>>): opened is Opened => "socket" in opened;

describe.each(BACKENDS)("graphql-ws limits on $name", (backend) => {
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend, {
      overrides: { socketLimits: { maxSocketsPerAddress: MAX_SOCKETS, maxOperationsPerSocket: MAX_OPERATIONS } },
    });
  });
  afterAll(() => gateway?.close());

  it("opens at most maxSocketsPerAddress sockets from one address, 10 handshakes at once, and counts a closed one out", async () => {
    const attempts = await Promise.all(Array.from({ length: 10 }, () => openSocket(gateway.url)));
    const open = attempts.filter(isOpen);
    expect(open).toHaveLength(MAX_SOCKETS);
    for (const refused of attempts.filter((attempt) => !isOpen(attempt)))
      expect(refused).toEqual({
        status: 429,
        body: {
          errors: [
            {
              message: `At most ${MAX_SOCKETS} sockets may be open at once from one address; close one first.`,
              extensions: { code: "LimitExceededException" },
            },
          ],
        },
      });
    const closed = new Promise((resolve) => open[0]!.socket.once("close", resolve));
    open[0]!.socket.close();
    await closed;
    let reopened: Awaited<ReturnType<typeof openSocket>> | undefined;
    // The server counts the socket out once its TCP connection has closed, a moment after the client sees it.
    for (let attempt = 0; attempt < 50 && !(reopened && isOpen(reopened)); attempt++) {
      reopened = await openSocket(gateway.url);
      if (!isOpen(reopened)) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(reopened && isOpen(reopened)).toBe(true);
    for (const socket of [...open.slice(1), reopened as Opened]) socket.socket.close();
  });

  it("runs at most maxOperationsPerSocket operations at once on one socket, refusing the next with LimitExceededException", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const opened = await openSocket(gateway.url);
    if (!isOpen(opened)) throw new Error(`socket refused: ${JSON.stringify(opened)}`);
    const { socket, messages } = opened;
    socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${gateway.adminKey}` } }));
    await waitFor(() => messages.find((message) => message.type === "connection_ack"));
    const send = (id: string, query: string) =>
      socket.send(JSON.stringify({ id, type: "subscribe", payload: { query } }));
    const subscribe = (id: string) => send(id, `subscription { userEvents(userPoolId: "${poolId}") { seq } }`);
    const refusalOf = (id: string) =>
      messages.find((message) => message.id === id && (message.type === "next" || message.type === "error"));
    const limitRefusal = {
      type: "next",
      payload: {
        errors: [
          {
            message: `At most ${MAX_OPERATIONS} operations may run at once on one socket; complete one or open another socket.`,
            extensions: { code: "LimitExceededException" },
          },
        ],
      },
    };
    // Sent at once: two run, the third (a subscription) and a query are refused without running.
    for (const id of ["a", "b", "c"]) subscribe(id);
    send("q", `query { userPool(userPoolId: "${poolId}") { id } }`);
    expect(await waitFor(() => refusalOf("c"))).toEqual({ id: "c", ...limitRefusal });
    expect(await waitFor(() => refusalOf("q"))).toEqual({ id: "q", ...limitRefusal });
    expect(refusalOf("a")).toBeUndefined();
    // Completing a subscription ends its stream and makes room for another operation.
    socket.send(JSON.stringify({ id: "a", type: "complete" }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    send("q2", `query { userPool(userPoolId: "${poolId}") { id } }`);
    expect(await waitFor(() => refusalOf("q2"))).toEqual({
      id: "q2",
      type: "next",
      payload: { data: { userPool: { id: poolId } } },
    });
    socket.close();
  });
});
