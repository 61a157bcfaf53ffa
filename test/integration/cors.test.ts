import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { rawCall } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient } from "../support/directory.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/** What a browser page on another origin sends, as Chromium spells it (lower case, comma-separated). */
const APP_ORIGIN = "http://app.example.test:5173";
const FOREIGN_ORIGIN = "https://evil.example.test";
/** Every header amazon-cognito-identity-js, the AWS SDK v3 / Amplify v6 and Apollo Client send. */
const SDK_HEADERS = [
  "content-type",
  "x-amz-target",
  "x-amz-user-agent",
  "authorization",
  "x-amz-date",
  "x-amz-security-token",
  "x-amz-content-sha256",
  "amz-sdk-invocation-id",
  "amz-sdk-request",
  "cache-control",
  "apollo-require-preflight",
  "x-apollo-operation-name",
  "x-requested-with",
];
const EXPOSED = ["x-amzn-requestid", "x-amzn-errortype", "x-amzn-errormessage", "x-request-id", "date"];

function preflight(gateway: TestApp, path: string, origin: string, requestHeaders = SDK_HEADERS): Promise<Response> {
  return fetch(`${gateway.baseUrl}${path}`, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": requestHeaders.join(","),
    },
  });
}

const listOf = (value: string | null) =>
  (value ?? "")
    .split(",")
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);

function expectPreflightAllowed(response: Response, origin: string): void {
  expect(response.status).toBe(204);
  expect(response.headers.get("access-control-allow-origin")).toBe(origin);
  expect(listOf(response.headers.get("access-control-allow-methods"))).toEqual(expect.arrayContaining(["get", "post"]));
  expect(listOf(response.headers.get("access-control-allow-headers"))).toEqual(expect.arrayContaining(SDK_HEADERS));
  expect(response.headers.get("access-control-max-age")).toBe("7200");
  // Credentials are bearer tokens in headers and bodies: a cookie never authorises anything here.
  expect(response.headers.get("access-control-allow-credentials")).toBeNull();
}

const graphqlPost = (
  gateway: TestApp,
  headers: Record<string, string>,
  body = JSON.stringify({ query: "{ __typename }" }),
) => fetch(`${gateway.baseUrl}/graphql`, { method: "POST", headers, body });

describe.each(BACKENDS)("CORS on $name", (backend) => {
  describe("with CORS_ORIGINS unset: any origin, as Cognito", () => {
    let gateway: TestApp;
    beforeAll(async () => {
      gateway = await getTestApp(backend);
    });
    afterAll(async () => gateway?.close());

    it("answers the preflight of the wire protocol and of /graphql with every SDK header", async () => {
      for (const path of ["/", "/graphql"]) expectPreflightAllowed(await preflight(gateway, path, FOREIGN_ORIGIN), "*");
    });

    it("reflects whatever headers the preflight asks for, so a new SDK header does not break browsers", async () => {
      const response = await preflight(gateway, "/", APP_ORIGIN, ["x-amz-target", "amz-sdk-some-future-header"]);
      expect(listOf(response.headers.get("access-control-allow-headers"))).toEqual([
        "x-amz-target",
        "amz-sdk-some-future-header",
      ]);
      expect(listOf(response.headers.get("vary"))).toContain("access-control-request-headers");
    });

    it("lets a page read wire answers and errors, with the request id and error type exposed", async () => {
      const { clientId } = await createPoolWithClient(gateway);
      const response = await rawCall(
        gateway,
        "SignUp",
        { ClientId: clientId, Username: "x", Password: "short" },
        { origin: FOREIGN_ORIGIN },
      );
      expect(response.status).toBe(400);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(listOf(response.headers.get("access-control-expose-headers"))).toEqual(expect.arrayContaining(EXPOSED));
      expect(response.headers.get("x-amzn-errortype")).toBe(response.body.__type);
    });

    it("lets a page read GraphQL answers, with x-request-id exposed", async () => {
      const response = await graphqlPost(gateway, { origin: FOREIGN_ORIGIN, "content-type": "application/json" });
      expect(await response.json()).toEqual({ data: { __typename: "Query" } });
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(listOf(response.headers.get("access-control-expose-headers"))).toEqual(expect.arrayContaining(EXPOSED));
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    });

    // CORS opens reading; Apollo's CSRF prevention still refuses any request a page could send without
    // a preflight (a form post, an <img>), so the preflight above stays the gate for cross-site writes.
    it("keeps Apollo's CSRF prevention: a simple request is refused before it executes", async () => {
      const simplePost = await graphqlPost(gateway, { origin: FOREIGN_ORIGIN, "content-type": "text/plain" });
      expect(simplePost.status).toBe(400);
      expect(await simplePost.text()).toMatch(/Cross-Site Request Forgery/);
      const simpleGet = await fetch(`${gateway.baseUrl}/graphql?query=${encodeURIComponent("{ __typename }")}`, {
        headers: { origin: FOREIGN_ORIGIN, accept: "application/json" },
      });
      expect(simpleGet.status).toBe(400);
      expect(await simpleGet.text()).toMatch(/Cross-Site Request Forgery/);
      const preflighted = await fetch(`${gateway.baseUrl}/graphql?query=${encodeURIComponent("{ __typename }")}`, {
        headers: { origin: FOREIGN_ORIGIN, accept: "application/json", "apollo-require-preflight": "1" },
      });
      expect(await preflighted.json()).toEqual({ data: { __typename: "Query" } });
    });

    it("lets any origin read the health and well-known documents", async () => {
      const { poolId } = await createPoolWithClient(gateway);
      for (const path of [
        "/healthz",
        `/${poolId}/.well-known/jwks.json`,
        `/${poolId}/.well-known/openid-configuration`,
      ]) {
        const response = await fetch(`${gateway.baseUrl}${path}`, { headers: { origin: FOREIGN_ORIGIN } });
        expect(response.status, path).toBe(200);
        expect(response.headers.get("access-control-allow-origin"), path).toBe("*");
      }
    });
  });

  describe("with CORS_ORIGINS set (and the wire protocol on AWS_JSON_PATH=/cognito)", () => {
    let gateway: TestApp;
    beforeAll(async () => {
      gateway = await getTestApp(backend, {
        env: { CORS_ORIGINS: `https://other.example.test, ${APP_ORIGIN}`, AWS_JSON_PATH: "/cognito" },
      });
    });
    afterAll(async () => gateway?.close());

    it("answers a listed origin's preflight with that origin, varying on Origin", async () => {
      for (const path of ["/cognito", "/graphql"]) {
        const response = await preflight(gateway, path, APP_ORIGIN);
        expectPreflightAllowed(response, APP_ORIGIN);
        expect(listOf(response.headers.get("vary"))).toContain("origin");
      }
      const answer = await rawCall(gateway, "SignUp", {}, { origin: APP_ORIGIN }, "/cognito");
      expect(answer.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    });

    it("refuses a foreign origin's preflight with 403 and no CORS headers, so the browser never sends the call", async () => {
      for (const path of ["/cognito", "/graphql", "/"]) {
        const response = await preflight(gateway, path, FOREIGN_ORIGIN);
        expect(response.status, path).toBe(403);
        expect(await response.json()).toEqual({
          __type: "ForbiddenException",
          message: expect.stringMatching(/origin is not allowed/i),
        });
        expect(response.headers.get("access-control-allow-origin")).toBeNull();
        expect(response.headers.get("access-control-allow-headers")).toBeNull();
      }
      // A scheme or port away is another origin.
      expect((await preflight(gateway, "/graphql", APP_ORIGIN.replace("http:", "https:"))).status).toBe(403);
      expect((await preflight(gateway, "/graphql", "http://app.example.test:5174")).status).toBe(403);
    });

    it("gives a foreign origin's answers no Access-Control-Allow-Origin, so a page cannot read them", async () => {
      const response = await graphqlPost(gateway, { origin: FOREIGN_ORIGIN, "content-type": "application/json" });
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      const wire = await rawCall(gateway, "SignUp", {}, { origin: FOREIGN_ORIGIN }, "/cognito");
      expect(wire.headers.get("access-control-allow-origin")).toBeNull();
    });

    it("still serves callers without an Origin (servers, the CLI, SDKs outside a browser)", async () => {
      const response = await graphqlPost(gateway, { "content-type": "application/json" });
      expect(await response.json()).toEqual({ data: { __typename: "Query" } });
    });

    it("refuses a graphql-ws handshake from a foreign origin (sockets have no CORS; the gateway checks Origin itself)", async () => {
      const opened = (origin?: string) =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(
            `${gateway.url.replace(/^http/, "ws")}`,
            "graphql-transport-ws",
            origin ? { origin } : {},
          );
          socket.on("open", () => {
            socket.close();
            resolve("open");
          });
          socket.on("unexpected-response", (_request, response) => resolve(`refused ${response.statusCode}`));
          socket.on("error", () => resolve("error"));
        });
      expect(await opened(FOREIGN_ORIGIN)).toBe("refused 403");
      expect(await opened(APP_ORIGIN)).toBe("open");
      // Backend services send no Origin: they are not browsers, and CORS_ORIGINS is about browsers.
      expect(await opened()).toBe("open");
    });

    it("keeps the signing keys public to every origin", async () => {
      const { poolId } = await createPoolWithClient(gateway);
      const response = await fetch(`${gateway.baseUrl}/${poolId}/.well-known/jwks.json`, {
        headers: { origin: FOREIGN_ORIGIN },
      });
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
    });
  });
});
