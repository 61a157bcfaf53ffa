import { randomUUID } from "node:crypto";
import { format } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { MAX_REQUEST_BYTES } from "../../src/api/http/edge-errors.js";
import { createPinoLogger } from "../../src/infra/logging/pino-logger.js";
import { BACKENDS } from "../support/backends.js";
import { subscribeToUserEvents } from "../support/event-subscriber.js";
import {
  AuditEventsDocument,
  CreateGroupDocument,
  CreateUserPoolDocument,
  PoolNameDocument,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/**
 * Hostile bodies and unknown routes at the HTTP edge (issue #13): every answer a client sees is JSON in
 * the API's own shape, in every NODE_ENV, and no body, token or password reaches a log line.
 */

/** Everything the process logs: the app's pino lines and anything that went around them to the console. */
function captureLogs() {
  const pinoLines: string[] = [];
  const consoleLines: string[] = [];
  const logger = createPinoLogger("trace", { write: (line: string) => void pinoLines.push(line) });
  const spyOnConsole = () => {
    for (const method of ["error", "warn", "log", "info", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleLines.push(format(...args)));
    }
  };
  return { logger, pinoLines, consoleLines, spyOnConsole };
}

type Logs = ReturnType<typeof captureLogs>;

/** No secret in any line, every line JSON, nothing printed around the logger (Express's handler used console.error). */
function expectCleanLogs(logs: Logs, secrets: string[]): void {
  logs.logger.flush();
  expect(logs.consoleLines).toEqual([]);
  for (const line of logs.pinoLines) {
    expect(() => JSON.parse(line)).not.toThrow();
    for (const secret of secrets) expect(line).not.toContain(secret);
  }
}

/** The log entries that carry this request id, besides its access-log line (access-log.test.ts; expectCleanLogs still reads it). */
function entriesFor(logs: Logs, requestId: string): Record<string, unknown>[] {
  logs.logger.flush();
  const entries = logs.pinoLines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return entries.filter((entry) => entry.requestId === requestId && entry.msg !== "request completed");
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

/** Fetches and checks what every error must be: JSON, without a stack, a file path or HTML. */
async function request(url: string, init: RequestInit, secrets: string[] = []): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  expect(response.headers.get("content-type")).toMatch(/json/);
  expect(text).not.toMatch(/<html|<pre|<!DOCTYPE|\bat \S+ \(|node_modules|\/work\/|\.[jt]s:\d+/i);
  for (const secret of secrets) expect(text).not.toContain(secret);
  const json = JSON.parse(text) as Record<string, unknown>;
  return { status: response.status, headers: response.headers, text, json };
}

/** POSTs a body as it is, labelled JSON unless other headers say otherwise. */
function post(url: string, body: string, secrets: string[], headers: Record<string, string> = {}): Promise<Answer> {
  return request(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body }, secrets);
}

const graphqlCode = (answer: Answer) =>
  (answer.json.errors as { extensions?: { code?: string } }[] | undefined)?.[0]?.extensions?.code;

/** Secrets as a client would send them: a password, a refresh token, a confirmation code. */
function makeSecrets() {
  const marker = randomUUID().replaceAll("-", "");
  return {
    password: `Pw-${marker}-hunter2`,
    refreshToken: `eyJrefresh.${marker}.tail`,
    code: `code${marker.slice(0, 12)}`,
  };
}

// Express picks NODE_ENV up itself, when the app is made (vitest sets it to "test"), and changed what
// its default handler printed and answered with it; the config reads it too.
const MODES = [
  { name: "NODE_ENV unset", nodeEnv: undefined },
  { name: "NODE_ENV=development", nodeEnv: "development" },
  { name: "NODE_ENV=production", nodeEnv: "production" },
  { name: "NODE_ENV=test", nodeEnv: "test" },
] as const;

/** Assigning undefined to process.env would store the string "undefined". */
function setNodeEnv(value: string | undefined): void {
  if (value === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = value;
}

const AWS_HEADERS = { "content-type": "application/x-amz-json-1.1" };
const target = (action: string) => ({ ...AWS_HEADERS, "x-amz-target": `AWSCognitoIdentityProviderService.${action}` });

describe.each(BACKENDS)("hostile bodies on $name", (backend) => {
  describe.each(MODES)("with $name", ({ nodeEnv }) => {
    let gateway: TestApp;
    let logs: Logs;
    beforeAll(async () => {
      logs = captureLogs();
      const previous = process.env.NODE_ENV;
      setNodeEnv(nodeEnv);
      try {
        // An undefined NODE_ENV leaves the config's default in place, as an unset variable does.
        const env = { NODE_ENV: nodeEnv } as Record<string, string>;
        gateway = await getTestApp(backend, { env, overrides: { logger: logs.logger } });
      } finally {
        setNodeEnv(previous);
      }
    });
    afterAll(async () => gateway?.close());
    beforeEach(() => logs.spyOnConsole());
    afterEach(() => vi.restoreAllMocks());

    it("answers malformed JSON on /graphql with a GraphQL error and logs the fault without the body", async () => {
      const { password, refreshToken, code } = makeSecrets();
      const bodies = [
        `{"query":"{ x }","variables":{"password":"${password}","refreshToken":"${refreshToken}","code":"${code}"`,
        `{"password": ${password}, "refreshToken": "${refreshToken}"}`,
        `password=${password}&refresh_token=${refreshToken}&code=${code}`,
        `"${password}"`,
      ];
      for (const body of bodies) {
        const answer = await post(gateway.url, body, [password, refreshToken, code]);
        expect(answer.status).toBe(400);
        const extensions = { code: "InvalidParameterException" };
        expect(answer.json).toEqual({ errors: [{ message: "The request body is not valid JSON.", extensions }] });
        const requestId = answer.headers.get("x-request-id")!;
        expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
        const logged = { reason: "entity.parse.failed", status: 400, path: "/graphql" };
        expect(entriesFor(logs, requestId)).toEqual([expect.objectContaining(logged)]);
      }
      expectCleanLogs(logs, [password, refreshToken, code]);
    });

    it("answers a /graphql body over 256 KB with 413 as a GraphQL error", async () => {
      const { password, refreshToken } = makeSecrets();
      const padding = "x".repeat(MAX_REQUEST_BYTES);
      const wellFormed = JSON.stringify({ query: "{ __typename }", variables: { password, refreshToken, padding } });
      for (const body of [wellFormed, `{"password":"${password}",${padding}`]) {
        const answer = await post(gateway.url, body, [password, refreshToken]);
        expect(answer.status).toBe(413);
        expect(graphqlCode(answer)).toBe("InvalidParameterException");
        const logged = { reason: "entity.too.large", status: 413 };
        expect(entriesFor(logs, answer.headers.get("x-request-id")!)).toEqual([expect.objectContaining(logged)]);
      }
      expectCleanLogs(logs, [password, refreshToken]);
    });

    it("answers another charset, an unknown Content-Encoding and a non-JSON type on /graphql with JSON", async () => {
      const { password } = makeSecrets();
      const body = JSON.stringify({ query: "{ __typename }", variables: { password } });
      const charset = await post(gateway.url, body, [password], { "content-type": "application/json; charset=koi8-r" });
      expect(charset.status).toBe(415);
      expect(graphqlCode(charset)).toBe("InvalidParameterException");
      const encoding = await post(gateway.url, body, [password], { "content-encoding": "x-bogus" });
      expect(encoding.status).toBe(415);
      expect(graphqlCode(encoding)).toBe("InvalidParameterException");
      for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "application/xml"]) {
        const answer = await post(gateway.url, body, [password], { "content-type": contentType });
        expect(answer.status).toBe(400);
        expect(graphqlCode(answer)).toBe("InvalidParameterException");
      }
      expectCleanLogs(logs, [password]);
    });

    it("answers hostile bodies on the AWS protocol with its JSON errors, logged without the body", async () => {
      const { password, refreshToken } = makeSecrets();
      const secrets = [password, refreshToken];
      const url = `${gateway.baseUrl}/`;
      const malformed = `{"AuthFlow":"X","AuthParameters":{"REFRESH_TOKEN":"${refreshToken}","PASSWORD":${password}}`;
      const padding = "x".repeat(MAX_REQUEST_BYTES);
      const oversized = JSON.stringify({ AuthParameters: { PASSWORD: password }, padding });
      const serialization = { status: 400, type: "SerializationException" };
      const cases = [
        { headers: target("InitiateAuth"), body: malformed, ...serialization },
        { headers: { ...target("InitiateAuth"), "content-type": "text/plain" }, body: malformed, ...serialization },
        { headers: { ...target("InitiateAuth"), "content-encoding": "x-bogus" }, body: malformed, ...serialization },
        { headers: target("InitiateAuth"), body: oversized, status: 413, type: "RequestEntityTooLargeException" },
        { headers: AWS_HEADERS, body: malformed, status: 400, type: "UnknownOperationException" },
      ];
      for (const { headers, body, status, type } of cases) {
        const answer = await post(url, body, secrets, headers);
        expect({ status: answer.status, type: answer.json.__type }).toEqual({ status, type });
        expect(answer.headers.get("x-amzn-errortype")).toBe(type);
        const requestId = answer.headers.get("x-amzn-requestid")!;
        expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
        expect(entriesFor(logs, requestId)).toHaveLength(1);
      }
      expectCleanLogs(logs, secrets);
    });

    it("answers unknown paths with 404 and unknown methods with 405, as JSON", async () => {
      const { baseUrl } = gateway;
      const notFound = [
        ["GET", "/nope"],
        ["POST", "/nope"],
        ["GET", "/graphiql-assets/nope.js"],
        ["GET", "/local_abc/.well-known/nope"],
      ];
      for (const [method, path] of notFound) {
        const answer = await request(`${baseUrl}${path}`, { method });
        const seen = { method, path, status: answer.status, type: answer.json.__type };
        expect(seen).toEqual({ method, path, status: 404, type: "NotFoundException" });
      }
      // "/" is the AWS protocol's path (AWS_JSON_PATH): POST only.
      const root = await request(`${baseUrl}/`, { method: "GET" });
      const methodOf = (answer: Answer) => ({
        status: answer.status,
        type: answer.json.__type,
        allow: answer.headers.get("allow"),
      });
      expect(methodOf(root)).toEqual({ status: 405, type: "MethodNotAllowedException", allow: "POST" });
      const getOnly = { status: 405, type: "MethodNotAllowedException", allow: "GET, HEAD" };
      const getPaths = [
        ["DELETE", "/healthz"],
        ["POST", "/readyz"],
        ["PUT", "/local_abc/.well-known/jwks.json"],
      ];
      for (const [method, path] of getPaths) {
        const answer = await request(`${baseUrl}${path}`, { method });
        expect({ path, ...methodOf(answer) }).toEqual({ path, ...getOnly });
      }
      const json = { "content-type": "application/json" };
      const graphqlPut = await request(gateway.url, { method: "PUT", headers: json, body: "{}" });
      expect(graphqlPut.status).toBe(405);
      expect(graphqlCode(graphqlPut)).toBe("InvalidParameterException");
      const badPath = await request(`${baseUrl}/%E0%A4%A/.well-known/jwks.json`, { method: "GET" });
      expect(badPath.status).toBe(400);
      expectCleanLogs(logs, []);
    });

    // Last: it closes the database under the running gateway.
    it("answers a failure inside a route with 500 JSON and a request id, and nothing internal", async () => {
      const poolId = await createPool(gateway, "edge-500");
      await gateway.app.db.close();

      const jwks = await request(`${gateway.baseUrl}/${poolId}/.well-known/jwks.json`, { method: "GET" });
      expect(jwks.status).toBe(500);
      const requestId = jwks.headers.get("x-request-id")!;
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      const message = `An internal error occurred (request id ${requestId}).`;
      expect(jwks.json).toEqual({ __type: "InternalErrorException", message });
      const logged = { level: 50, status: 500, err: expect.objectContaining({ message: expect.any(String) }) };
      expect(entriesFor(logs, requestId)).toEqual([expect.objectContaining(logged)]);

      const admin = { ...target("ListUserPools"), authorization: `Bearer ${gateway.adminKey}` };
      const wire = await post(`${gateway.baseUrl}/`, '{"MaxResults":1}', [gateway.adminKey], admin);
      expect({ status: wire.status, type: wire.json.__type }).toEqual({ status: 500, type: "InternalErrorException" });
      expect(wire.json.message).toContain(wire.headers.get("x-amzn-requestid")!);

      const internals = /SELECT|FROM|sqlite|mysql|mariadb|typeorm|QueryFailed|connection|stack/i;
      for (const answer of [jwks, wire]) expect(answer.text).not.toMatch(internals);
      expectCleanLogs(logs, [gateway.adminKey]);
    });
  });
});

interface GraphqlSocket {
  socket: WebSocket;
  /** Every protocol message the server sent after connection_ack. */
  messages: { type: string; payload?: unknown }[];
  closed: Promise<number>;
}

/** A raw graphql-ws (graphql-transport-ws) connection, acknowledged, with the admin key. */
async function openGraphqlSocket(url: string, token: string): Promise<GraphqlSocket> {
  const socket = new WebSocket(url.replace(/^http/, "ws"), "graphql-transport-ws");
  const messages: GraphqlSocket["messages"] = [];
  const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
  socket.on("error", () => undefined);
  await new Promise<void>((resolve, reject) => {
    const init = { type: "connection_init", payload: { authorization: `Bearer ${token}` } };
    socket.once("open", () => socket.send(JSON.stringify(init)));
    socket.on("message", (data: Buffer) => {
      const message = JSON.parse(data.toString("utf8")) as { type: string; payload?: unknown };
      if (message.type === "connection_ack") resolve();
      else messages.push(message);
    });
    void closed.then((code) => reject(new Error(`closed with ${code} before connection_ack`)));
  });
  return { socket, messages, closed };
}

type Outcome = { closedWith?: number; message?: unknown };

/** Waits for the socket to close or for a result message, whichever comes first. */
async function firstOutcome(connection: GraphqlSocket, timeoutMs = 5_000): Promise<Outcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({}), timeoutMs);
    void connection.closed.then((code) => {
      clearTimeout(timer);
      resolve({ closedWith: code });
    });
    connection.socket.on("message", (data: Buffer) => {
      clearTimeout(timer);
      resolve({ message: JSON.parse(data.toString("utf8")) as unknown });
    });
  });
}

const renamePool = (name: string) =>
  `mutation Rename($id: ID!) { updateUserPool(userPoolId: $id, input: { name: "${name}" }) { id name } }`;

const createPool = async (gateway: TestApp, name: string): Promise<string> =>
  expectData(await gateway.gql(CreateUserPoolDocument, { input: { name } })).createUserPool.id;

describe.each(BACKENDS)("graphql-ws message size on $name", (backend) => {
  let gateway: TestApp;
  let logs: Logs;
  beforeAll(async () => {
    logs = captureLogs();
    gateway = await getTestApp(backend, { overrides: { logger: logs.logger } });
  });
  afterAll(async () => gateway?.close());
  beforeEach(() => logs.spyOnConsole());
  afterEach(() => vi.restoreAllMocks());

  it("closes the socket on a message over the HTTP body limit and runs nothing of it", async () => {
    const { password } = makeSecrets();
    const poolId = await createPool(gateway, "ws-before");
    const connection = await openGraphqlSocket(gateway.url, gateway.adminKey);
    const extensions = { password, padding: "x".repeat(MAX_REQUEST_BYTES) };
    const payload = { query: renamePool("ws-after"), variables: { id: poolId }, extensions };
    connection.socket.send(JSON.stringify({ id: "1", type: "subscribe", payload }));

    const outcome = await firstOutcome(connection);
    expect(outcome).toEqual({ closedWith: 1009 });
    expect(connection.messages).toEqual([]);
    expect(expectData(await gateway.gql(PoolNameDocument, { userPoolId: poolId })).userPool.name).toBe("ws-before");
    expect(logs.pinoLines.some((line) => line.includes("graphql-ws message refused"))).toBe(true);
    expectCleanLogs(logs, [password]);
  });

  it("runs a message just under the limit, and a subscription still delivers", async () => {
    const poolId = await createPool(gateway, "ws-small-before");
    const connection = await openGraphqlSocket(gateway.url, gateway.adminKey);
    const extensions = { padding: "x".repeat(MAX_REQUEST_BYTES - 4096) };
    const payload = { query: renamePool("ws-small-after"), variables: { id: poolId }, extensions };
    connection.socket.send(JSON.stringify({ id: "1", type: "subscribe", payload }));
    const outcome = await firstOutcome(connection);
    const renamed = { updateUserPool: { id: poolId, name: "ws-small-after" } };
    expect(outcome.message).toMatchObject({ type: "next", payload: { data: renamed } });
    connection.socket.close();
    await connection.closed;

    // From a stored event on: the group created below is delivered live or by replay, never lost to a race.
    const stored = expectData(await gateway.gql(AuditEventsDocument, { userPoolId: poolId, first: 1, after: null }));
    const after = stored.events.items[0]!.cursor;
    const subscriber = subscribeToUserEvents(gateway.url, gateway.adminKey, { userPoolId: poolId, after });
    try {
      const groupName = `g-${randomUUID().slice(0, 8)}`;
      expectData(await gateway.gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName } }));
      const isGroupCreated = (event: { type: string }) => event.type === "GROUP_CREATED";
      const events = await subscriber.waitFor((received) => received.some(isGroupCreated), 10_000);
      expect(events.filter(isGroupCreated)).toHaveLength(1);
      expect(subscriber.errors).toBeNull();
    } finally {
      await subscriber.close();
    }
    expectCleanLogs(logs, []);
  });
});

describe("pino redaction of request bodies", () => {
  it("replaces a body, Cognito's parameter maps and nested tokens if a code path ever logs them", () => {
    const { password, refreshToken, code } = makeSecrets();
    const written: string[] = [];
    const logger = createPinoLogger("info", { write: (line: string) => void written.push(line) });
    // What body-parser hands to an error handler: the raw body rides along on the error.
    const parseError = Object.assign(new SyntaxError("Unexpected token"), { body: `{"PASSWORD":"${password}"` });
    logger.info({ err: parseError }, "error object");
    logger.info({ body: { AuthParameters: { PASSWORD: password } } }, "body");
    const input = { AuthParameters: { REFRESH_TOKEN: refreshToken }, ChallengeResponses: { SMS_MFA_CODE: code } };
    logger.info({ input }, "input");
    logger.info({ result: { refreshToken, accessToken: code } }, "tokens");
    logger.flush();
    expect(written).toHaveLength(4);
    for (const line of written) {
      for (const secret of [password, refreshToken, code]) expect(line).not.toContain(secret);
    }
    expect(JSON.parse(written[0]!)).toMatchObject({ err: { message: "Unexpected token", body: "[redacted]" } });
  });
});
