import { Agent, request, type IncomingHttpHeaders } from "node:http";
import { gzipSync } from "node:zlib";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_REQUEST_BYTES } from "../../src/api/http/edge-errors.js";
import { createPinoLogger } from "../../src/infra/logging/pino-logger.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import { GetUserDocument } from "../support/generated/graphql.js";
import {
  basicAuth,
  createMachineClient,
  createOAuthPool,
  createPrefixDomain,
  createResourceServer,
  getOAuthTestApp,
  requestWithHost,
} from "../support/oauth.js";
import { createConfirmedUser, expectTokens, passwordSignIn, signInEnv } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/**
 * The HTTP edge (src/api/http/edge.ts) reads POST /graphql and the AWS protocol's bodies itself and
 * leaves everything else to Express. Whichever way a request goes, the answer, its headers and its
 * one access line are the same: bodies in pieces or compressed, over the limit, cut off, and many
 * requests at once on kept-alive sockets, each with its own answer, id and line.
 */
type LogLine = Record<string, unknown> & { msg: string };

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** One request over node:http, the body written in the given pieces (no Content-Length unless a header says so). */
function send(
  baseUrl: string,
  options: { path: string; headers: Record<string, string>; pieces: (string | Buffer)[]; agent?: Agent },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const call = request(
      `${baseUrl}${options.path}`,
      { method: "POST", headers: options.headers, agent: options.agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    call.on("error", reject);
    for (const piece of options.pieces) call.write(piece);
    call.end();
  });
}

const WIRE = (action: string) => ({
  "content-type": "application/x-amz-json-1.1",
  "x-amz-target": `AWSCognitoIdentityProviderService.${action}`,
});
const JSON_TYPE = { "content-type": "application/json" };
const GET_USER = print(GetUserDocument);

describe.each(BACKENDS)("HTTP edge on $name", (backend) => {
  let gateway: TestApp;
  const written: string[] = [];
  const logger = createPinoLogger("info", { write: (line: string) => void written.push(line) });
  const lines = (): LogLine[] => {
    logger.flush();
    return written.map((line) => JSON.parse(line) as LogLine);
  };
  let users: { username: string; accessToken: string }[];

  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend), overrides: { logger } });
    const { poolId, clientId } = await createPoolWithClient(gateway);
    users = [];
    for (let i = 0; i < 4; i++) {
      const username = uniqueName(`edge${i}`);
      await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD);
      users.push({
        username,
        accessToken: expectTokens(await passwordSignIn(gateway, clientId, username, GOOD_PASSWORD)).accessToken,
      });
    }
  });
  afterAll(async () => gateway?.close());

  it("answers GraphQL with Cache-Control: no-store and an x-request-id, and the wire with its request id headers", async () => {
    const graphql = await send(gateway.baseUrl, {
      path: "/graphql",
      headers: { ...JSON_TYPE, authorization: `Bearer ${users[0]!.accessToken}` },
      pieces: [JSON.stringify({ query: GET_USER })],
    });
    expect(graphql.status).toBe(200);
    expect(JSON.parse(graphql.text)).toMatchObject({ data: { getUser: { username: users[0]!.username } } });
    expect(graphql.headers).toMatchObject({
      "cache-control": "no-store",
      "content-type": "application/json; charset=utf-8",
      "x-request-id": expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const wire = await send(gateway.baseUrl, {
      path: "/",
      headers: WIRE("GetUser"),
      pieces: [JSON.stringify({ AccessToken: users[0]!.accessToken })],
    });
    expect(wire.status).toBe(200);
    expect(JSON.parse(wire.text)).toMatchObject({ Username: users[0]!.username });
    expect(wire.headers["content-type"]).toBe("application/x-amz-json-1.1; charset=utf-8");
    expect(wire.headers["x-amzn-requestid"]).toBe(wire.headers["x-request-id"]);
  });

  it("reads a body sent in pieces without a length, a byte-order mark and leading whitespace included", async () => {
    const body = Buffer.from(JSON.stringify({ query: GET_USER }));
    const pieces = [
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(" \n"),
      body.subarray(0, 7),
      body.subarray(7, 20),
      body.subarray(20),
    ];
    const graphql = await send(gateway.baseUrl, {
      path: "/graphql",
      headers: { ...JSON_TYPE, authorization: `Bearer ${users[1]!.accessToken}` },
      pieces,
    });
    expect(JSON.parse(graphql.text)).toEqual({
      data: { getUser: expect.objectContaining({ username: users[1]!.username }) },
    });
    const wireBody = JSON.stringify({ AccessToken: users[1]!.accessToken });
    const wire = await send(gateway.baseUrl, {
      path: "/",
      headers: WIRE("GetUser"),
      pieces: [wireBody.slice(0, 5), wireBody.slice(5)],
    });
    expect(JSON.parse(wire.text)).toMatchObject({ Username: users[1]!.username });
  });

  it("refuses a body over the limit sent without a length with 413 in each API's shape", async () => {
    const padding = "x".repeat(64 * 1024);
    const pieces = [
      `{"query":"{ __typename }","variables":{"p":"`,
      ...Array.from({ length: MAX_REQUEST_BYTES / padding.length + 1 }, () => padding),
      `"}}`,
    ];
    const graphql = await send(gateway.baseUrl, { path: "/graphql", headers: JSON_TYPE, pieces });
    expect(graphql.status).toBe(413);
    expect(JSON.parse(graphql.text)).toEqual({
      errors: [
        {
          message: `The request body is larger than ${MAX_REQUEST_BYTES / 1024} KB.`,
          extensions: { code: "InvalidParameterException" },
        },
      ],
    });
    const wire = await send(gateway.baseUrl, { path: "/", headers: WIRE("GetUser"), pieces });
    expect(wire.status).toBe(413);
    expect(wire.headers["x-amzn-errortype"]).toBe("RequestEntityTooLargeException");
    const refused = lines().filter(
      (line) => line.msg === "request refused at the HTTP edge" && line.reason === "entity.too.large",
    );
    const ids = [graphql.headers["x-request-id"], wire.headers["x-request-id"]];
    expect(
      refused
        .filter((line) => ids.includes(line.requestId as string))
        .map((line) => line.path)
        .sort(),
    ).toEqual(["/", "/graphql"]);
  });

  it("serves a gzip-compressed body on both APIs", async () => {
    const gzip = { "content-encoding": "gzip" };
    const graphql = await send(gateway.baseUrl, {
      path: "/graphql",
      headers: { ...JSON_TYPE, ...gzip, authorization: `Bearer ${users[2]!.accessToken}` },
      pieces: [gzipSync(JSON.stringify({ query: GET_USER }))],
    });
    expect(JSON.parse(graphql.text)).toMatchObject({ data: { getUser: { username: users[2]!.username } } });
    const wire = await send(gateway.baseUrl, {
      path: "/",
      headers: { ...WIRE("GetUser"), ...gzip },
      pieces: [gzipSync(JSON.stringify({ AccessToken: users[2]!.accessToken }))],
    });
    expect(JSON.parse(wire.text)).toMatchObject({ Username: users[2]!.username });
  });

  it("logs a request cut off in the middle of its body once, as aborted at warn, and keeps serving", async () => {
    for (const [path, headers] of [
      ["/graphql", JSON_TYPE],
      ["/", WIRE("GetUser")],
    ] as const) {
      const requestId = await new Promise<string>((resolve, reject) => {
        const call = request(`${gateway.baseUrl}${path}`, {
          method: "POST",
          headers: { ...headers, "content-length": "1000" },
        });
        call.on("error", () => undefined);
        call.on("response", reject);
        call.flushHeaders();
        call.write('{"query":');
        // The id is only in the log: find the line once the gateway has seen the socket close.
        setTimeout(() => call.destroy(), 200);
        const started = Date.now();
        const poll = setInterval(() => {
          const line = lines().find((entry) => entry.path === path && entry.msg === "request aborted");
          if (line) {
            clearInterval(poll);
            resolve(line.requestId as string);
          } else if (Date.now() - started > 10_000) {
            clearInterval(poll);
            reject(new Error("no access line for the aborted request"));
          }
        }, 50);
      });
      const accessLines = lines().filter(
        (line) => line.requestId === requestId && (line.msg === "request aborted" || line.msg === "request completed"),
      );
      expect(accessLines).toEqual([
        expect.objectContaining({ level: 40, msg: "request aborted", method: "POST", path }),
      ]);
      written.length = 0;
    }
    const after = await send(gateway.baseUrl, {
      path: "/graphql",
      headers: { ...JSON_TYPE, authorization: `Bearer ${users[0]!.accessToken}` },
      pieces: [JSON.stringify({ query: GET_USER })],
    });
    expect(after.status).toBe(200);
  });

  it("answers 200 calls at once on 8 kept-alive sockets, each with its own user, request id and one access line", async () => {
    written.length = 0;
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    try {
      const calls = Array.from({ length: 200 }, async (_, i) => {
        const user = users[i % users.length]!;
        const isWire = i % 2 === 1;
        const answer = isWire
          ? await send(gateway.baseUrl, {
              agent,
              path: "/",
              headers: WIRE("GetUser"),
              pieces: [JSON.stringify({ AccessToken: user.accessToken })],
            })
          : await send(gateway.baseUrl, {
              agent,
              path: "/graphql",
              headers: { ...JSON_TYPE, authorization: `Bearer ${user.accessToken}` },
              pieces: [JSON.stringify({ query: GET_USER, operationName: "GetUser" })],
            });
        const username = isWire
          ? (JSON.parse(answer.text) as { Username: string }).Username
          : (JSON.parse(answer.text) as { data: { getUser: { username: string } } }).data.getUser.username;
        return { expected: user.username, username, requestId: String(answer.headers["x-request-id"]), isWire };
      });
      const answers = await Promise.all(calls);
      expect(answers.filter((answer) => answer.username !== answer.expected)).toEqual([]);
      expect(new Set(answers.map((answer) => answer.requestId)).size).toBe(200);
      const accessLines = new Map(
        lines()
          .filter((line) => line.msg === "request completed")
          .map((line) => [line.requestId as string, line]),
      );
      for (const { requestId, isWire } of answers) {
        const line = accessLines.get(requestId);
        expect(line, requestId).toMatchObject(
          isWire
            ? { path: "/", action: "GetUser", status: 200 }
            : { path: "/graphql", operationName: "GetUser", rootFields: ["getUser"], status: 200 },
        );
      }
    } finally {
      agent.destroy();
    }
  });
});

/** What two answers to the same request must share, whichever way it went (no date, id or token). */
function comparable(answer: { status: number; headers: Record<string, string | string[] | undefined>; body: string }) {
  const headers = Object.fromEntries(
    Object.entries(answer.headers).filter(
      ([name]) =>
        !["date", "x-request-id", "x-amz-cognito-request-id", "etag", "connection", "keep-alive"].includes(name),
    ),
  );
  const body = answer.body.replace(/eyJ[\w.-]+/g, "<token>");
  return { status: answer.status, headers, body };
}

describe.each(BACKENDS)("OAuth endpoints at the HTTP edge on $name", (backend) => {
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getOAuthTestApp(backend, { TRUST_PROXY: "loopback" });
  });
  afterAll(async () => gateway?.close());

  /**
   * The edge serves /oauth2/token, /oauth2/revoke and /oauth2/userInfo itself; Express still takes the same
   * endpoints with a trailing slash (its router matches loosely). Both must answer alike.
   */
  it("answers the token, revoke and userInfo endpoints as Express's routes do, on the issuer path and a pool domain", async () => {
    const pool = await createOAuthPool(gateway);
    const scopes = await createResourceServer(gateway, pool.poolId, "https://api.example.com", ["read"]);
    const machine = await createMachineClient(gateway, pool.poolId, scopes);
    const domain = `${await createPrefixDomain(gateway, pool.poolId)}:${gateway.app.port}`;
    const gatewayHost = new URL(gateway.baseUrl).host;
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const credentials = new URLSearchParams({ grant_type: "client_credentials" }).toString();
    const cases: { host: string; path: string; method: string; body?: string; headers?: Record<string, string> }[] = [];
    for (const [host, base] of [
      [gatewayHost, `/${pool.poolId}`],
      [domain, ""],
    ] as const) {
      cases.push(
        {
          host,
          path: `${base}/oauth2/token`,
          method: "POST",
          body: credentials,
          headers: { ...form, authorization: basicAuth(machine.clientId, machine.clientSecret!) },
        },
        {
          host,
          path: `${base}/oauth2/token`,
          method: "POST",
          body: credentials,
          headers: { ...form, authorization: basicAuth(machine.clientId, "wrong-secret") },
        },
        {
          host,
          path: `${base}/oauth2/token`,
          method: "POST",
          body: `${credentials}&client_id=${machine.clientId}&client_id=x`,
          headers: form,
        },
        {
          host,
          path: `${base}/oauth2/revoke`,
          method: "POST",
          body: "token=not-a-token",
          headers: { ...form, authorization: basicAuth(machine.clientId, machine.clientSecret!) },
        },
        { host, path: `${base}/oauth2/userInfo`, method: "GET" },
        { host, path: `${base}/oauth2/userInfo`, method: "POST", headers: { authorization: "Bearer not-a-token" } },
        // Behind a trusted proxy that ended TLS, userInfo's answers carry Strict-Transport-Security.
        { host, path: `${base}/oauth2/userInfo`, method: "GET", headers: { "x-forwarded-proto": "https" } },
      );
    }
    for (const { host, path, method, body, headers } of cases) {
      const edge = await requestWithHost(gateway.baseUrl, host, path, { method, body, headers });
      const express = await requestWithHost(gateway.baseUrl, host, `${path}/`, { method, body, headers });
      expect(comparable(edge), `${method} ${host}${path}`).toEqual(comparable(express));
      expect(edge.status, `${method} ${host}${path}`).not.toBe(404);
      if (headers?.["x-forwarded-proto"])
        expect(edge.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    }
  });
});
