import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPinoLogger } from "../../src/infra/logging/pino-logger.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import { InitiateAuthDocument, ListUserPoolsDocument } from "../support/generated/graphql.js";
import { expectData, postGraphql, wsGraphql } from "../support/graphql-client.js";
import { createConfirmedUser, expectTokens, signInEnv } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { print } from "graphql";

/**
 * One access-log line per request, written by the access log (access-log.ts) through the gateway's own pino logger: the
 * method, the path without its query, the GraphQL operation or the wire action, the status, the
 * duration, the request id (the one in x-request-id and in error reports) and the client's address;
 * never a body, a token, a code, Authorization or a cookie.
 */
type LogLine = Record<string, unknown> & { msg: string };

const COOKIE_SECRET = "cookie-secret-7c1f2e";
const QUERY_SECRET = "query-code-493817";
const BEARER_SECRET = "bearer-secret-5b8d0a";

describe.each(BACKENDS)("access log on $name", (backend) => {
  let gateway: TestApp;
  const written: string[] = [];
  const logger = createPinoLogger("info", { write: (line: string) => void written.push(line) });
  const lines = (): LogLine[] => {
    logger.flush();
    return written.map((line) => JSON.parse(line) as LogLine);
  };
  const accessLinesOf = (requestId: string | null) =>
    lines().filter((line) => line.requestId === requestId && line.msg === "request completed");

  let poolId: string;
  let clientId: string;
  let username: string;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend), overrides: { logger } });
    ({ poolId, clientId } = await createPoolWithClient(gateway));
    username = uniqueName("logged");
    await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD);
  });
  afterAll(async () => gateway?.close());

  /** Every secret the test sent or received, none of which may appear in any log line. */
  const secrets = new Set([GOOD_PASSWORD, COOKIE_SECRET, QUERY_SECRET, BEARER_SECRET]);
  const expectNoSecretLogged = () => {
    logger.flush();
    for (const line of written) for (const secret of secrets) expect(line).not.toContain(secret);
  };

  it("logs a GraphQL mutation carrying a password as one line: operation, status, duration, request id, address; no password, query, cookie or Authorization", async () => {
    const response = await fetch(`${gateway.url}?code=${QUERY_SECRET}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: `session=${COOKIE_SECRET}`,
        authorization: `Bearer ${BEARER_SECRET}`,
      },
      body: JSON.stringify({
        query: print(InitiateAuthDocument),
        operationName: "InitiateAuth",
        variables: {
          input: {
            clientId,
            authFlow: "USER_PASSWORD_AUTH",
            authParameters: { USERNAME: username, PASSWORD: GOOD_PASSWORD },
          },
        },
      }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    // The bearer is no admin key, but initiateAuth is public: the password sign-in goes through.
    expect(body.errors).toBeUndefined();
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const access = accessLinesOf(requestId);
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({
      level: 30,
      service: "identity-gateway",
      method: "POST",
      path: "/graphql",
      operationName: "InitiateAuth",
      rootFields: ["initiateAuth"],
      status: 200,
      clientAddress: expect.stringMatching(/127\.0\.0\.1$/),
    });
    expect(access[0]!.durationMs).toEqual(expect.any(Number));
    expect(Object.keys(access[0]!).sort()).toEqual([
      "clientAddress",
      "durationMs",
      "level",
      "method",
      "msg",
      "operationName",
      "path",
      "requestId",
      "rootFields",
      "service",
      "status",
      "time",
    ]);
    expectNoSecretLogged();
  });

  it("logs a wire InitiateAuth with a refresh token as one line with its X-Amz-Target action, under the id in x-amzn-RequestId; never the token", async () => {
    const tokens = expectTokens(
      await postGraphql(
        gateway.url,
        InitiateAuthDocument,
        {
          input: {
            clientId,
            authFlow: "USER_PASSWORD_AUTH",
            authParameters: { USERNAME: username, PASSWORD: GOOD_PASSWORD },
          },
        },
        { token: null },
      ),
    );
    for (const token of [tokens.refreshToken!, tokens.accessToken, tokens.idToken]) secrets.add(token);

    const response = await fetch(`${gateway.baseUrl}/?X-Amz-Security-Token=${QUERY_SECRET}`, {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "AWSCognitoIdentityProviderService.InitiateAuth",
        cookie: `session=${COOKIE_SECRET}`,
      },
      body: JSON.stringify({
        ClientId: clientId,
        AuthFlow: "REFRESH_TOKEN_AUTH",
        AuthParameters: { REFRESH_TOKEN: tokens.refreshToken },
      }),
    });
    const body = (await response.json()) as { AuthenticationResult?: { AccessToken: string; IdToken: string } };
    expect(response.status).toBe(200);
    secrets.add(body.AuthenticationResult!.AccessToken);
    secrets.add(body.AuthenticationResult!.IdToken);
    const requestId = response.headers.get("x-request-id");
    expect(response.headers.get("x-amzn-requestid")).toBe(requestId);

    const access = accessLinesOf(requestId);
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({
      method: "POST",
      path: "/",
      action: "InitiateAuth",
      status: 200,
      clientAddress: expect.stringMatching(/127\.0\.0\.1$/),
      durationMs: expect.any(Number),
    });
    expect(access[0]).not.toHaveProperty("operationName");
    expectNoSecretLogged();
  });

  it("gives a refused request the same id in its response, its edge-error line and its access line", async () => {
    const response = await fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"query": "${GOOD_PASSWORD}`,
    });
    expect(response.status).toBe(400);
    const requestId = response.headers.get("x-request-id");
    const related = lines().filter((line) => line.requestId === requestId);
    expect(related.map((line) => line.msg).sort()).toEqual(["request completed", "request refused at the HTTP edge"]);
    expect(related.find((line) => line.msg === "request completed")).toMatchObject({ path: "/graphql", status: 400 });
    expectNoSecretLogged();
  });

  it("logs each graphql-ws operation once, with its root fields and the operation's request id", async () => {
    const before = written.length;
    expectData(await wsGraphql(gateway.url, ListUserPoolsDocument, { first: 1 }, { token: gateway.adminKey }));
    secrets.add(gateway.adminKey);
    const socketLines = lines()
      .slice(before)
      .filter((line) => line.msg === "graphql-ws operation");
    expect(socketLines).toHaveLength(1);
    expect(socketLines[0]).toMatchObject({
      method: "WS",
      path: "/graphql",
      operationType: "query",
      operationName: "ListUserPools",
      rootFields: ["userPools"],
      status: "started",
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expectNoSecretLogged();
  });

  it("is silent at LOG_LEVEL=silent", async () => {
    const quiet: string[] = [];
    const silent = await getTestApp(backend, {
      overrides: { logger: createPinoLogger("silent", { write: (line: string) => void quiet.push(line) }) },
    });
    try {
      const response = await fetch(`${silent.baseUrl}/healthz`);
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      expectData(await silent.gql(ListUserPoolsDocument, { first: 1 }));
      expect(quiet).toEqual([]);
    } finally {
      await silent.close();
    }
  });
});
