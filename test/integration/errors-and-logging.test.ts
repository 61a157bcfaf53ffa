import { createHash, randomUUID } from "node:crypto";
import { parse, print } from "graphql";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { Logger } from "../../src/core/ports.js";
import { createPinoLogger } from "../../src/infra/logging/pino-logger.js";
import { BACKENDS } from "../support/backends.js";
import {
  CreateAdminApiKeyDocument,
  CreateUserPoolClientDocument,
  CreateUserPoolDocument,
  GetUserPoolClientDocument,
  ListUserPoolsDocument,
  type ListUserPoolsQuery,
} from "../support/generated/graphql.js";
import { errorCodes, expectData, postGraphql, wsGraphql, type GraphqlError } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/** A Logger that keeps every entry, whatever its level, as one JSON line. */
function createCapturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const capture = (level: string) => (fields: Record<string, unknown>, message: string) => {
    lines.push(JSON.stringify({ level, ...fields, message }));
  };
  return {
    lines,
    logger: { debug: capture("debug"), info: capture("info"), warn: capture("warn"), error: capture("error") },
  };
}

/** POSTs a document and also returns the x-request-id header. */
async function postWithRequestId(
  gateway: TestApp,
  query: string,
  variables?: Record<string, unknown>,
  token: string | null = gateway.adminKey,
) {
  const response = await fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: GraphqlError[] };
  return { status: response.status, requestId: response.headers.get("x-request-id"), ...body };
}

const LIST_POOLS = print(ListUserPoolsDocument);

describe.each(BACKENDS)("errors and logs on $name", (backend) => {
  let gateway: TestApp | undefined;
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
  });

  it("turns an unexpected failure into InternalErrorException with a request id and nothing internal", async () => {
    const { logger, lines } = createCapturingLogger();
    gateway = await getTestApp(backend, { overrides: { logger } });
    expectData(await gateway.gql(ListUserPoolsDocument, { first: 1 }));

    await gateway.app.db.close();
    const result = await postWithRequestId(gateway, LIST_POOLS, { first: 1 });

    expect(errorCodes(result)).toEqual(["InternalErrorException"]);
    const [error] = result.errors!;
    const requestId = error!.extensions?.requestId;
    expect(requestId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
    expect(requestId).toBe(result.requestId);
    expect(error!.message).toContain(requestId);
    expect(error!.extensions).not.toHaveProperty("stacktrace");
    const serialized = JSON.stringify(result.errors);
    expect(serialized).not.toMatch(/\bat \S+ \(|\.ts:\d+|\.js:\d+/);
    expect(serialized).not.toMatch(/SELECT|FROM|sqlite|mysql|mariadb|typeorm|QueryFailed|connection/i);

    const logged = lines.filter((line) => line.includes(requestId as string));
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]!)).toMatchObject({ level: "error", requestId, err: { message: expect.any(String) } });
  });

  it("gives the same request id, logged, for an unexpected failure over graphql-ws", async () => {
    const { logger, lines } = createCapturingLogger();
    gateway = await getTestApp(backend, { overrides: { logger } });
    await gateway.app.db.close();
    const result = await wsGraphql(gateway.url, ListUserPoolsDocument, { first: 1 }, { token: gateway.adminKey });
    expect(errorCodes(result)).toEqual(["InternalErrorException"]);
    const requestId = result.errors![0]!.extensions?.requestId as string;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.errors![0]!.message).toContain(requestId);
    expect(lines.filter((line) => line.includes(requestId))).toHaveLength(1);
  });

  it("refuses a variable of the wrong shape over graphql-ws as over HTTP, and logs nothing of its value", async () => {
    const { logger, lines } = createCapturingLogger();
    gateway = await getTestApp(backend, { overrides: { logger } });
    const password = `Hunter2-${randomUUID()}!`;
    const signUp = parse("mutation S($input: SignUpInput!) { signUp(input: $input) { userSub } }");
    const unknownField = { input: { clientId: "someclient", username: "bob", password, bogus: 1 } };
    const missing = {};
    for (const variables of [unknownField, missing]) {
      const overSocket = await wsGraphql(gateway.url, signUp as never, variables as never);
      const overHttp = await postWithRequestId(gateway, print(signUp), variables, null);
      expect(errorCodes(overSocket)).toEqual(["InvalidParameterException"]);
      expect(errorCodes(overHttp)).toEqual(["InvalidParameterException"]);
      expect(overSocket.errors![0]!.message).toBe(overHttp.errors![0]!.message);
    }
    expect(lines.filter((line) => line.includes(password))).toEqual([]);
    expect(lines.filter((line) => JSON.parse(line).level === "error")).toEqual([]);
  });

  it("answers a persisted-query request as a client fault: automatic persisted queries are off", async () => {
    const { logger, lines } = createCapturingLogger();
    gateway = await getTestApp(backend, { overrides: { logger } });
    const hash = createHash("sha256").update(LIST_POOLS).digest("hex");
    for (const extensions of [
      { persistedQuery: { version: 1, sha256Hash: hash } },
      { persistedQuery: { version: 2, sha256Hash: hash } },
    ]) {
      for (const query of [undefined, LIST_POOLS]) {
        const response = await fetch(gateway.url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${gateway.adminKey}` },
          body: JSON.stringify({ query, variables: { first: 1 }, extensions }),
        });
        const body = (await response.json()) as { errors?: GraphqlError[] };
        expect(errorCodes(body)).toEqual(["InvalidParameterException"]);
        // Apollo Client's persisted-query link reads this message and sends the whole query instead.
        expect(body.errors![0]!.message).toBe("PersistedQueryNotSupported");
      }
    }
    expect(lines.filter((line) => JSON.parse(line).level === "error")).toEqual([]);
  });

  it("refuses a subscription sent over HTTP POST as a client fault, pointing at graphql-ws", async () => {
    const { logger, lines } = createCapturingLogger();
    gateway = await getTestApp(backend, { overrides: { logger } });
    const result = await postWithRequestId(
      gateway,
      'subscription { userEvents(userPoolId: "us-east-1_nothing") { type } }',
    );
    expect(errorCodes(result)).toEqual(["InvalidParameterException"]);
    expect(result.errors![0]!.message).toMatch(/graphql-ws/);
    expect(lines.filter((line) => JSON.parse(line).level === "error")).toEqual([]);
  });

  it("closes a refused WebSocket upgrade's socket that the client leaves half-open", async () => {
    gateway = await getTestApp(backend);
    const { port } = new URL(gateway.url);
    const socket = connect({ host: "127.0.0.1", port: Number(port), allowHalfOpen: true });
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString("utf8")));
    const gone = new Promise<boolean>((resolve) => {
      socket.once("close", () => resolve(true));
      socket.once("error", () => resolve(true));
    });
    socket.write(
      "GET /nope HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n" +
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
    );
    // The client never ends its side. Past the gateway's few seconds of grace, its side is gone: what the
    // client sends then is refused (reset) instead of being read by a socket nobody watches.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect(answer).toMatch(/^HTTP\/1\.1 404 /);
    // The first write draws the reset, the next one meets it.
    socket.write("still here?");
    await new Promise((resolve) => setTimeout(resolve, 300));
    socket.write("still here?");
    const isGone = await Promise.race([
      gone,
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3_000)),
    ]);
    socket.destroy();
    expect(isGone).toBe(true);
  });

  it("answers a refused WebSocket upgrade in JSON with a request id, and logs it", async () => {
    const { logger, lines } = createCapturingLogger();
    gateway = await getTestApp(backend, { overrides: { logger } });
    const upgrade = (path: string, headers: Record<string, string>) =>
      new Promise<{ status: number; type: string; requestId: string; body: Record<string, unknown> }>(
        (resolve, reject) => {
          const url = new URL(path, gateway!.url);
          const call = httpRequest(url, { headers: { connection: "Upgrade", upgrade: "websocket", ...headers } });
          call.on("response", (response) => {
            let text = "";
            response.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
            response.on("end", () =>
              resolve({
                status: response.statusCode!,
                type: String(response.headers["content-type"]),
                requestId: String(response.headers["x-request-id"]),
                body: JSON.parse(text) as Record<string, unknown>,
              }),
            );
          });
          call.on("upgrade", () => reject(new Error("the upgrade was accepted")));
          call.on("error", reject);
          call.end();
        },
      );
    const key = { "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==", "sec-websocket-version": "13" };
    const elsewhere = await upgrade("/healthz", key);
    expect(elsewhere).toMatchObject({ status: 404, type: "application/json; charset=utf-8" });
    expect(elsewhere.body).toEqual({ __type: "NotFoundException", message: expect.stringMatching(/graphql/) });
    const noKey = await upgrade("/graphql", { "sec-websocket-version": "13" });
    expect(noKey).toMatchObject({ status: 400, type: "application/json; charset=utf-8" });
    expect(noKey.body).toEqual({
      errors: [
        { message: expect.stringMatching(/Sec-WebSocket-Key/), extensions: { code: "InvalidParameterException" } },
      ],
    });
    for (const refused of [elsewhere, noKey]) {
      const logged = lines.filter((line) => line.includes(refused.requestId));
      expect(logged).toHaveLength(1);
      expect(JSON.parse(logged[0]!)).toMatchObject({ level: "info", status: refused.status });
    }
    // The gateway still takes a proper handshake on its path.
    expect(errorCodes(await wsGraphql(gateway.url, ListUserPoolsDocument, { first: 1 }))).toEqual([
      "NotAuthorizedException",
    ]);
  });

  it("never writes a client secret, an admin key or ADMIN_API_KEY to the log", async () => {
    const { logger, lines } = createCapturingLogger();
    gateway = await getTestApp(backend, { overrides: { logger } });
    const poolId = expectData(await gateway.gql(CreateUserPoolDocument, { input: { name: "log-secrets" } }))
      .createUserPool.id;
    const client = expectData(
      await gateway.gql(CreateUserPoolClientDocument, {
        userPoolId: poolId,
        input: { clientName: "confidential", generateSecret: true },
      }),
    ).createUserPoolClient;
    const clientSecret = client.clientSecret!;
    expect(clientSecret.length).toBeGreaterThan(20);
    const unscoped = expectData(await gateway.gql(CreateAdminApiKeyDocument, { input: { name: "log-unscoped" } }))
      .createAdminApiKey.secret;
    const scoped = expectData(
      await gateway.gql(CreateAdminApiKeyDocument, { input: { name: "log-scoped", poolScope: [poolId] } }),
    ).createAdminApiKey.secret;
    const secrets = [clientSecret, unscoped, scoped, gateway.adminKey];

    // Succeeding and failing requests, with the secrets in headers, variables and documents.
    expectData(await gateway.gql(GetUserPoolClientDocument, { userPoolId: poolId, clientId: client.clientId }, scoped));
    expect(errorCodes(await gateway.gql(ListUserPoolsDocument, { first: 1 }, `${unscoped}x`))).toEqual([
      "NotAuthorizedException",
    ]);
    expect(errorCodes(await gateway.gql(CreateUserPoolDocument, { input: { name: "nope" } }, scoped))).toEqual([
      "NotAuthorizedException",
    ]);
    expect(
      errorCodes(await gateway.gql(GetUserPoolClientDocument, { userPoolId: poolId, clientId: clientSecret })),
    ).not.toHaveLength(0);
    expect(
      errorCodes(
        await postGraphql(gateway.url, `{ userPool(userPoolId: "${clientSecret}") { id } `, undefined, {
          token: unscoped,
        }),
      ),
    ).toEqual(["InvalidParameterException"]);
    await gateway.app.db.close();
    for (const token of [gateway.adminKey, unscoped, scoped]) {
      const result = await postWithRequestId(
        gateway,
        print(GetUserPoolClientDocument),
        { userPoolId: poolId, clientId: clientSecret },
        token,
      );
      expect(errorCodes(result)).toEqual(["InternalErrorException"]);
    }

    expect(lines.filter((line) => line.includes('"level":"error"')).length).toBeGreaterThanOrEqual(3);
    for (const line of lines) {
      for (const secret of secrets) expect(line).not.toContain(secret);
    }
  });

  it("sends x-request-id on every GraphQL response, a new one each time", async () => {
    gateway = await getTestApp(backend);
    const ok = await postWithRequestId(gateway, LIST_POOLS, { first: 1 });
    expect((ok.data as ListUserPoolsQuery).userPools).toBeDefined();
    const refused = await postWithRequestId(gateway, LIST_POOLS, { first: 1 }, null);
    expect(errorCodes(refused)).toEqual(["NotAuthorizedException"]);
    const invalid = await postWithRequestId(gateway, "{ nope }");
    expect(invalid.status).toBe(400);
    const ids = [ok.requestId, refused.requestId, invalid.requestId];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(3);
  });
});

describe("pino logger redaction", () => {
  function logOnce(fields: Record<string, unknown>): Record<string, unknown> {
    const written: string[] = [];
    const logger = createPinoLogger("info", { write: (line: string) => void written.push(line) });
    logger.info(fields, "redaction check");
    logger.flush();
    expect(written).toHaveLength(1);
    return JSON.parse(written[0]!) as Record<string, unknown>;
  }

  it("replaces secret fields with [redacted], at the top level and one level down", () => {
    const marker = randomUUID();
    const entry = logOnce({
      password: `p-${marker}`,
      clientSecret: `s-${marker}`,
      token: `t-${marker}`,
      authorization: `Bearer x-${marker}`,
      input: { password: `nested-${marker}`, confirmationCode: `code-${marker}` },
      req: { headers: { authorization: `Bearer header-${marker}` } },
      userPoolId: "local_visible1",
    });
    expect(entry).toMatchObject({
      password: "[redacted]",
      clientSecret: "[redacted]",
      token: "[redacted]",
      authorization: "[redacted]",
      input: { password: "[redacted]", confirmationCode: "[redacted]" },
      req: { headers: { authorization: "[redacted]" } },
      userPoolId: "local_visible1",
      msg: "redaction check",
    });
    expect(JSON.stringify(entry)).not.toContain(marker);
  });

  it("redacts the exact values from the brief", () => {
    const entry = logOnce({ password: "p", clientSecret: "s", token: "t", authorization: "Bearer x" });
    for (const field of ["password", "clientSecret", "token", "authorization"]) expect(entry[field]).toBe("[redacted]");
    expect(JSON.stringify(entry)).not.toContain("Bearer x");
  });
});
