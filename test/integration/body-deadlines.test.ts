import { randomUUID } from "node:crypto";
import http from "node:http";
import { syncBuiltinESMExports } from "node:module";
import { connect } from "node:net";
import { gzipSync } from "node:zlib";
import type { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BodyDeadlines } from "../../src/api/http/body-deadline.js";
import { createPinoLogger } from "../../src/infra/logging/pino-logger.js";
import { cognitoClient, createAwsCredentials, TARGET_PREFIX } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient } from "../support/directory.js";
import { DeleteUserPoolDocument } from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { createJob, csvOf, headerOf, putCsv } from "../support/user-import.js";

/**
 * How long the gateway waits for request bodies (api/http/body-deadline.ts). Node's server.requestTimeout
 * (300 s, checked every 30 s) cut pool imports and CSV uploads that streamed for longer (a 408 after
 * ~329 s). Here Node's request limits are scaled down 200 times, so that what took minutes takes seconds:
 * an upload that keeps sending outlasts them, while a stalled body is answered at the gateway's own
 * (shortened) deadlines, in the API's shape, and its connection is closed.
 */

/** The gateway's deadlines in this suite: well apart from each other and from the 100 ms between a slow client's writes. */
const DEADLINES: BodyDeadlines = { bodyTimeoutMs: 1_000, uploadIdleTimeoutMs: 1_500, uploadTimeoutMs: 120_000 };
/** Node's request limits (requestTimeout, headersTimeout, whether defaults or set by the gateway) over this. */
const NODE_TIME_SCALE = 200;
/** A slow upload: a part every GAP_MS for SLOW_UPLOAD_MS, past both the body deadline and Node's scaled limit. */
const GAP_MS = 100;
const SLOW_UPLOAD_MS = 3_000;

/**
 * Starts the gateway with Node's request limits scaled down (only servers made meanwhile get them):
 * requestTimeout 300 s → 1.5 s and the gateway's headersTimeout 66 s → 0.33 s, checked every 0.15 s rather
 * than every 30 s. Both are scaled: Node applies the larger of the two to a request's body.
 */
async function withScaledNodeLimits<T>(start: () => Promise<T>): Promise<T> {
  const original = http.createServer;
  http.createServer = ((...args: unknown[]) => {
    const options = typeof args[0] === "object" && args[0] !== null ? (args.shift() as http.ServerOptions) : {};
    const checkEveryMs = 30_000 / NODE_TIME_SCALE;
    const server = original(
      { connectionsCheckingInterval: checkEveryMs, ...options },
      ...(args as [http.RequestListener?]),
    );
    for (const name of ["requestTimeout", "headersTimeout"] as const) {
      let scaled = server[name] / NODE_TIME_SCALE;
      Object.defineProperty(server, name, {
        get: () => scaled,
        set: (value: number) => void (scaled = value / NODE_TIME_SCALE),
      });
    }
    return server;
  }) as typeof http.createServer;
  syncBuiltinESMExports();
  try {
    return await start();
  } finally {
    http.createServer = original;
    syncBuiltinESMExports();
  }
}

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** How many of the parts were written before the server closed the connection. */
  partsSent: number;
  /** From the first byte of the request to the server's close. */
  elapsedMs: number;
}

function parseAnswer(raw: Buffer): Omit<RawAnswer, "partsSent" | "elapsedMs"> {
  const text = raw.toString("utf8");
  const headEnd = text.indexOf("\r\n\r\n");
  expect(headEnd, `an HTTP answer, got ${JSON.stringify(text.slice(0, 200))}`).toBeGreaterThan(0);
  const [statusLine, ...headerLines] = text.slice(0, headEnd).split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = text.slice(headEnd + 4);
  if (headers["transfer-encoding"] === "chunked") {
    let decoded = "";
    for (;;) {
      const sizeEnd = body.indexOf("\r\n");
      const size = parseInt(body.slice(0, sizeEnd), 16);
      if (!size) break;
      decoded += body.slice(sizeEnd + 2, sizeEnd + 2 + size);
      body = body.slice(sizeEnd + 2 + size + 2);
    }
    body = decoded;
  }
  return { status: Number(statusLine!.split(" ")[1]), headers, body };
}

/**
 * One request on a connection of its own, written as a slow client writes it: the head, then `parts`
 * GAP_MS apart, stopping after `sendParts` of them (a stalled client). Resolves once the server has
 * closed the connection (the answer is read to that point); fails after 20 s of waiting for that.
 */
function sendSlowly(
  gateway: TestApp,
  head: string,
  parts: readonly Buffer[],
  sendParts = parts.length,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const startedAt = Date.now();
    const socket = connect(gateway.app.port, "127.0.0.1");
    const received: Buffer[] = [];
    let partsSent = 0;
    let isClosed = false;
    const guard = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server kept the connection open for 20 s (${partsSent} parts sent)`));
    }, 20_000);
    socket.on("data", (chunk: Buffer) => received.push(chunk));
    // A write after the server closed its side may reset the connection: what was read is what counts.
    socket.on("error", () => undefined);
    socket.on("close", () => {
      isClosed = true;
      clearTimeout(guard);
      try {
        resolve({ ...parseAnswer(Buffer.concat(received)), partsSent, elapsedMs: Date.now() - startedAt });
      } catch (error) {
        reject(error as Error);
      }
    });
    socket.once("connect", async () => {
      socket.write(head);
      for (const part of parts.slice(0, sendParts)) {
        await new Promise((wake) => setTimeout(wake, GAP_MS));
        if (isClosed || socket.destroyed || socket.writableEnded) return;
        socket.write(part);
        partsSent++;
      }
    });
  });
}

/** `body` cut into pieces that take SLOW_UPLOAD_MS to send GAP_MS apart. */
function slowParts(body: Buffer): Buffer[] {
  const count = Math.ceil(SLOW_UPLOAD_MS / GAP_MS);
  expect(body.length).toBeGreaterThanOrEqual(count);
  const size = Math.ceil(body.length / count);
  return Array.from({ length: Math.ceil(body.length / size) }, (_, index) =>
    body.subarray(index * size, (index + 1) * size),
  );
}

function headOf(method: string, target: string, headers: Record<string, string | number>): string {
  const lines = Object.entries({ host: "127.0.0.1", ...headers }).map(([name, value]) => `${name}: ${value}`);
  return `${method} ${target} HTTP/1.1\r\n${lines.join("\r\n")}\r\n\r\n`;
}

describe.each(BACKENDS)("request body deadlines on $name", (backend) => {
  let gateway: TestApp;
  let admin: CognitoIdentityProviderClient;
  const logLines: string[] = [];
  const logger = createPinoLogger("trace", { write: (line: string) => void logLines.push(line) });

  beforeAll(async () => {
    gateway = await withScaledNodeLimits(() =>
      getTestApp(backend, { env: { BCRYPT_COST: "4" }, overrides: { logger, bodyDeadlines: DEADLINES } }),
    );
    admin = cognitoClient(gateway, await createAwsCredentials(gateway));
  });
  afterAll(async () => {
    await gateway?.close();
  });

  /** The log entries of one request besides its access line; and no line anywhere holds `secret`. */
  function entriesFor(requestId: string | undefined, secret: string): Record<string, unknown>[] {
    logger.flush();
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    for (const line of logLines) expect(line).not.toContain(secret);
    return logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.requestId === requestId && entry.msg !== "request completed");
  }

  /** A CSV import job's pre-signed URL (path and query) and a CSV of `users` users for it. */
  async function uploadTarget(users: number): Promise<{ target: string; url: string; csv: Buffer }> {
    const { poolId } = await createPoolWithClient(gateway);
    const header = await headerOf(admin, poolId);
    const job = await createJob(admin, poolId);
    const rows = Array.from({ length: users }, (_, index) => ({
      "cognito:username": `slow-${index}`,
      email: `slow-${index}@example.com`,
      email_verified: "true",
      "cognito:mfa_enabled": "false",
    }));
    const url = new URL(job.PreSignedUrl!);
    return { target: `${url.pathname}${url.search}`, url: job.PreSignedUrl!, csv: Buffer.from(csvOf(header, rows)) };
  }

  /** A pool's export (sealed with this gateway's key), the pool then deleted so that the export can come back. */
  async function exportedPool(): Promise<{ poolId: string; ndjson: Buffer }> {
    const { poolId } = await createPoolWithClient(gateway);
    const response = await fetch(`${gateway.baseUrl}/admin/pools/${poolId}/export`, {
      headers: { authorization: `Bearer ${gateway.adminKey}` },
    });
    expect(response.status).toBe(200);
    const ndjson = Buffer.from(await response.text());
    expectData(await gateway.gql(DeleteUserPoolDocument, { userPoolId: poolId }));
    return { poolId, ndjson };
  }

  const importHead = (length: number, connection: "close" | "keep-alive") =>
    headOf("POST", "/admin/pools/import", {
      authorization: `Bearer ${gateway.adminKey}`,
      "content-type": "application/x-ndjson",
      "content-length": length,
      connection,
    });

  describe("an upload that keeps sending is read for as long as it takes", () => {
    it("takes a CSV whose PUT to the pre-signed URL lasts longer than the body deadline and Node's own limit", async () => {
      const { target, csv } = await uploadTarget(40);
      const head = headOf("PUT", target, {
        "content-type": "text/csv",
        "content-length": csv.length,
        connection: "close",
      });
      const answer = await sendSlowly(gateway, head, slowParts(csv));
      expect(answer.status, answer.body).toBe(200);
      expect(answer.elapsedMs).toBeGreaterThan(SLOW_UPLOAD_MS - GAP_MS);
      expect(answer.body).toBe(`Uploaded ${csv.length} bytes, 40 users.\n`);
    });

    it("imports a pool whose export streams in for longer than the body deadline and Node's own limit", async () => {
      const { poolId, ndjson } = await exportedPool();
      const answer = await sendSlowly(gateway, importHead(ndjson.length, "close"), slowParts(ndjson));
      expect(answer.status, answer.body).toBe(200);
      expect(answer.elapsedMs).toBeGreaterThan(SLOW_UPLOAD_MS - GAP_MS);
      expect(JSON.parse(answer.body)).toMatchObject({ userPoolId: poolId, counts: { clients: 1, users: 0 } });
    });
  });

  describe("a body that stops arriving is answered at the body deadline, in the API's shape, and its connection closed", () => {
    /** A body whose first part carries `secret` and whose rest never comes. */
    const stalledBody = (secret: string) => [
      Buffer.from(`{"query":"{ __typename }","variables":{"password":"${secret}"`),
    ];

    it("POST /graphql (read by the edge)", async () => {
      const secret = `pw-${randomUUID()}`;
      const head = headOf("POST", "/graphql", { "content-type": "application/json", "content-length": 4096 });
      const answer = await sendSlowly(gateway, head, stalledBody(secret));
      expect(answer.elapsedMs).toBeGreaterThanOrEqual(DEADLINES.bodyTimeoutMs - 100);
      expect(answer.status).toBe(408);
      expect(answer.headers.connection).toBe("close");
      expect(answer.headers["content-type"]).toMatch(/^application\/json/);
      expect(JSON.parse(answer.body)).toEqual({
        errors: [
          { message: expect.stringMatching(/did not arrive in time/), extensions: { code: "RequestTimeoutException" } },
        ],
      });
      const logged = {
        reason: "request.timeout",
        status: 408,
        path: "/graphql",
        msg: "request refused at the HTTP edge",
      };
      expect(entriesFor(answer.headers["x-request-id"], secret)).toEqual([expect.objectContaining(logged)]);
    });

    it("POST / on the AWS protocol (read by the edge)", async () => {
      const secret = `pw-${randomUUID()}`;
      const head = headOf("POST", "/", {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": `${TARGET_PREFIX}InitiateAuth`,
        "content-length": 4096,
      });
      const answer = await sendSlowly(gateway, head, [Buffer.from(`{"AuthParameters":{"PASSWORD":"${secret}"`)]);
      expect(answer.status).toBe(408);
      expect(answer.headers.connection).toBe("close");
      expect(answer.headers["x-amzn-errortype"]).toBe("RequestTimeoutException");
      expect(JSON.parse(answer.body)).toEqual({
        __type: "RequestTimeoutException",
        message: expect.stringMatching(/did not arrive in time/),
      });
      const logged = { reason: "request.timeout", status: 408, path: "/" };
      expect(entriesFor(answer.headers["x-amzn-requestid"], secret)).toEqual([expect.objectContaining(logged)]);
    });

    it("POST /graphql with a compressed body (read by Express's JSON parser)", async () => {
      const secret = `pw-${randomUUID()}`;
      const compressed = gzipSync(JSON.stringify({ query: "{ __typename }", variables: { password: secret } }));
      const head = headOf("POST", "/graphql", {
        "content-type": "application/json",
        "content-encoding": "gzip",
        "content-length": compressed.length,
      });
      const answer = await sendSlowly(gateway, head, [compressed.subarray(0, compressed.length - 8)]);
      expect(answer.status).toBe(408);
      expect(answer.headers.connection).toBe("close");
      expect(JSON.parse(answer.body)).toMatchObject({ errors: [{ extensions: { code: "RequestTimeoutException" } }] });
      const logged = { reason: "request.timeout", status: 408, path: "/graphql" };
      expect(entriesFor(answer.headers["x-request-id"], secret)).toEqual([expect.objectContaining(logged)]);
    });

    it("a sign-in page's form (read by the pages' form parser) gets a page", async () => {
      const { poolId } = await createPoolWithClient(gateway);
      const secret = `pw-${randomUUID()}`;
      const head = headOf("POST", `/${poolId}/login`, {
        "content-type": "application/x-www-form-urlencoded",
        "content-length": 4096,
      });
      const answer = await sendSlowly(gateway, head, [Buffer.from(`username=someone&password=${secret}`)]);
      expect(answer.status).toBe(408);
      expect(answer.headers.connection).toBe("close");
      expect(answer.headers["content-type"]).toMatch(/^text\/html/);
      expect(answer.body).toContain("The form took too long to arrive.");
      expect(answer.body).not.toMatch(/\bat \S+ \(|node_modules|\.[jt]s:\d+/);
      const logged = { reason: "request.timeout", path: `/${poolId}/login` };
      expect(entriesFor(answer.headers["x-request-id"], secret)).toEqual([expect.objectContaining(logged)]);
    });

    it("a body nobody reads, trickled after the answer, is cut off at the deadline", async () => {
      const secret = `pw-${randomUUID()}`;
      const head = headOf("POST", "/healthz", { "content-type": "text/plain", "content-length": 100_000 });
      const parts = Array.from({ length: 60 }, () => Buffer.from(`${secret};`));
      const answer = await sendSlowly(gateway, head, parts);
      // Answered at once (405); the connection then closed while the client was still sending.
      expect(answer.status).toBe(405);
      expect(answer.partsSent).toBeLessThan(parts.length);
      const logged = {
        reason: "request.timeout",
        path: "/healthz",
        msg: "request body cut off: still arriving past its deadline",
      };
      expect(entriesFor(answer.headers["x-request-id"], secret)).toEqual(
        expect.arrayContaining([expect.objectContaining(logged)]),
      );
    });
  });

  it("a body trickled to an upload path by a method its route does not serve gets an ordinary body's deadline", async () => {
    for (const [method, target] of [
      ["GET", "/admin/pools/import"],
      ["OPTIONS", "/admin/pools/import"],
      ["DELETE", "/import-jobs/someone/upload"],
    ] as const) {
      const head = headOf(method, target, { "content-type": "text/plain", "content-length": 100_000 });
      const parts = Array.from({ length: 40 }, () => Buffer.from("x"));
      const answer = await sendSlowly(gateway, head, parts);
      // Answered at once; then cut about DEADLINES.bodyTimeoutMs later, never held for the upload's cap.
      expect(answer.partsSent, `${method} ${target}`).toBeLessThan(parts.length);
    }
  });

  describe("an upload that stops sending is cut once idle, and its connection closed", () => {
    it("a CSV PUT gets S3's RequestTimeout, and the pre-signed URL still takes the whole file", async () => {
      const { target, url, csv } = await uploadTarget(40);
      const head = headOf("PUT", target, { "content-type": "text/csv", "content-length": csv.length });
      const answer = await sendSlowly(gateway, head, slowParts(csv), 3);
      expect(answer.elapsedMs).toBeGreaterThanOrEqual(DEADLINES.uploadIdleTimeoutMs);
      expect(answer.status).toBe(400);
      expect(answer.headers.connection).toBe("close");
      expect(answer.headers["content-type"]).toMatch(/^application\/xml/);
      expect(answer.body).toContain("<Code>RequestTimeout</Code>");
      const logged = { reason: "request.timeout", msg: "user import upload stopped: the body stopped arriving" };
      expect(entriesFor(answer.headers["x-request-id"], "slow-0@example.com")).toEqual([
        expect.objectContaining(logged),
      ]);
      // Nothing of the cut upload was kept.
      const whole = await putCsv(gateway, url, csv.toString());
      expect(whole.status, whole.text).toBe(200);
    });

    it("a pool import gets 408 RequestTimeoutException, leaves no half pool, and can be sent again", async () => {
      const { poolId, ndjson } = await exportedPool();
      const answer = await sendSlowly(gateway, importHead(ndjson.length, "keep-alive"), slowParts(ndjson), 12);
      expect(answer.elapsedMs).toBeGreaterThanOrEqual(DEADLINES.uploadIdleTimeoutMs);
      expect(answer.status).toBe(408);
      expect(answer.headers.connection).toBe("close");
      expect(JSON.parse(answer.body)).toEqual({
        __type: "RequestTimeoutException",
        message: expect.stringMatching(/did not arrive in time/),
      });
      const logged = { reason: "request.timeout", status: 408, path: "/admin/pools/import" };
      expect(entriesFor(answer.headers["x-request-id"], gateway.adminKey)).toEqual([expect.objectContaining(logged)]);
      const again = await fetch(`${gateway.baseUrl}/admin/pools/import`, {
        method: "POST",
        headers: { authorization: `Bearer ${gateway.adminKey}`, "content-type": "application/x-ndjson" },
        body: ndjson.toString(),
      });
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ userPoolId: poolId });
    });
  });
});
