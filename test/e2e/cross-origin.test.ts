/// <reference lib="dom" />
// page.evaluate callbacks run in the browser.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import { SentMessagesDocument } from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import { signInEnv } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

// Debian's chromium; .ci/run installs it when missing.
const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(
    `SKIPPED test/e2e/cross-origin.test.ts: ${CHROMIUM} is missing (apt-get install -y chromium, as .ci/run does)`,
  );

const BUNDLE = path.resolve(
  __dirname,
  "../../node_modules/amazon-cognito-identity-js/dist/amazon-cognito-identity.min.js",
);
const SCREENSHOT_DIR = path.join(tmpdir(), "gw-cross-origin");
const NEW_PASSWORD = "N3w-Battery-Staple!";

/**
 * A single-page app as a developer writes one: the unmodified browser bundle of amazon-cognito-identity-js,
 * pointed at the gateway, and fetch for GraphQL. Each step logs a line, so the screenshot shows the run.
 */
const PAGE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>SPA on another origin</title>
<style>body{font:14px system-ui,sans-serif;margin:24px}li.ok{color:#0a6b2d}li.fail{color:#b00020}code{background:#eee;padding:0 4px}</style>
<script src="/amazon-cognito-identity.min.js"></script></head>
<body><h1>Sign in from <code id="origin"></code></h1><ol id="log"></ol>
<script>
document.getElementById("origin").textContent = location.origin;
const { CognitoUserPool, CognitoUserAttribute, CognitoUser, AuthenticationDetails } = window.AmazonCognitoIdentity;
function log(ok, line) {
  const item = document.createElement("li");
  item.className = ok ? "ok" : "fail";
  item.textContent = (ok ? "\\u2714 " : "\\u2718 ") + line;
  document.getElementById("log").append(item);
}
const errorOf = (error) => ({ name: error.name, code: error.code, message: error.message });
const poolOf = (a) => new CognitoUserPool({ UserPoolId: a.poolId, ClientId: a.clientId, endpoint: a.endpoint });
const userOf = (a) => new CognitoUser({ Username: a.username, Pool: poolOf(a) });
/** Runs a callback-style call of the library and logs how it ended. */
const settle = (label, run) => new Promise((resolve) => run((error, value) => {
  log(!error, label + " @ " + window.gatewayLabel + (error ? ": " + (error.code || error.name) + " " + error.message : ""));
  resolve(error ? { ok: false, error: errorOf(error) } : { ok: true, value });
}));
window.gw = {
  signUp: (a) => settle("signUp " + a.username, (done) =>
    poolOf(a).signUp(a.username, a.password, [new CognitoUserAttribute({ Name: "email", Value: a.email })], [], (error, result) => done(error, result && { userSub: result.userSub, userConfirmed: result.userConfirmed }))),
  confirm: (a) => settle("confirmRegistration", (done) => userOf(a).confirmRegistration(a.code, true, (error, result) => done(error, result))),
  signIn: (a) => settle("authenticateUser (USER_SRP_AUTH)", (done) =>
    userOf(a).authenticateUser(new AuthenticationDetails({ Username: a.username, Password: a.password }), {
      onSuccess: (session) => done(null, { accessToken: session.getAccessToken().getJwtToken(), username: session.getAccessToken().payload.username }),
      onFailure: (error) => done(error),
    })),
  async graphql(a) {
    try {
      const response = await fetch(a.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer " + a.token },
        body: JSON.stringify({ query: a.query, variables: a.variables }),
      });
      const body = await response.json();
      log(!body.errors, "GraphQL " + a.label + " @ " + window.gatewayLabel + ": " + JSON.stringify(body.data || body.errors[0].extensions.code) + " (x-request-id " + (response.headers.get("x-request-id") || "not readable") + ")");
      return { ok: true, body };
    } catch (error) {
      log(false, "GraphQL " + a.label + " @ " + window.gatewayLabel + ": " + error.name + " " + error.message);
      return { ok: false, error: errorOf(error) };
    }
  },
};
</script></body></html>`;

/** Serves the page and the library's bundle on 127.0.0.1 and a port of its own: an origin of its own. */
async function startPageServer(): Promise<{ origin: string; server: Server }> {
  const bundle = readFileSync(BUNDLE);
  const server = createServer((request, response) => {
    if (request.url === "/amazon-cognito-identity.min.js")
      response.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
    else if (request.url === "/")
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE_HTML);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

type Outcome<T = unknown> =
  { ok: true; value: T } | { ok: false; error: { name: string; code?: string; message: string } };
type GraphqlOutcome =
  | { ok: true; body: { data?: Record<string, unknown>; errors?: unknown[] } }
  | { ok: false; error: { name: string; message: string } };

describe.runIf(hasChromium).each(BACKENDS)(
  "amazon-cognito-identity-js and GraphQL from another origin, in Chromium, on $name",
  (backend) => {
    let openGateway: TestApp;
    let narrowGateway: TestApp;
    let foreignSite: { origin: string; server: Server };
    let listedSite: { origin: string; server: Server };
    let browser: Browser;
    const consoleErrors: string[] = [];

    beforeAll(async () => {
      [foreignSite, listedSite] = await Promise.all([startPageServer(), startPageServer()]);
      [openGateway, narrowGateway] = await Promise.all([
        getTestApp(backend, { env: signInEnv(backend) }),
        getTestApp(backend, {
          env: { ...signInEnv(backend), CORS_ORIGINS: `https://app.example.test,${listedSite.origin}` },
        }),
      ]);
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
      });
    });
    afterAll(async () => {
      await browser?.close();
      await Promise.all([openGateway?.close(), narrowGateway?.close()]);
      for (const site of [foreignSite, listedSite]) site?.server.close();
    });

    async function openPage(site: { origin: string }, gatewayLabel: string): Promise<Page> {
      const page = await browser.newPage({ viewport: { width: 1100, height: 560 } });
      page.on("console", (message) => {
        if (message.type() === "error") consoleErrors.push(message.text());
      });
      await page.goto(`${site.origin}/`);
      await page.evaluate((label) => Object.assign(window, { gatewayLabel: label }), gatewayLabel);
      return page;
    }

    const call = <T>(page: Page, method: "signUp" | "confirm" | "signIn", args: Record<string, string>) =>
      page.evaluate(
        ({ method, args }) =>
          (window as unknown as { gw: Record<string, (a: unknown) => Promise<unknown>> }).gw[method]!(args),
        { method, args },
      ) as Promise<Outcome<T>>;
    const graphql = (
      page: Page,
      args: { url: string; token: string; label: string; query: string; variables?: Record<string, unknown> },
    ) =>
      page.evaluate(
        (a) => (window as unknown as { gw: { graphql(a: unknown): Promise<unknown> } }).gw.graphql(a),
        args,
      ) as Promise<GraphqlOutcome>;

    /** Sign up, confirm with the emailed code, sign in with SRP, change the password over GraphQL, sign in again: all from the page. */
    async function runWholeJourney(page: Page, gateway: TestApp): Promise<void> {
      const { poolId, clientId } = await createPoolWithClient(
        gateway,
        { autoVerifiedAttributes: ["email"] },
        { explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] },
      );
      const username = uniqueName("spa");
      const email = `${username}@example.com`;
      const who = { endpoint: `${gateway.baseUrl}/`, poolId, clientId, username };

      const signedUp = await call<{ userSub: string; userConfirmed: boolean }>(page, "signUp", {
        ...who,
        email,
        password: GOOD_PASSWORD,
      });
      expect(signedUp).toEqual({ ok: true, value: { userSub: expect.any(String), userConfirmed: false } });
      const { code } = await latestMessage(gateway, poolId, email);
      expect(await call(page, "confirm", { ...who, code: code! })).toEqual({ ok: true, value: "SUCCESS" });

      const signedIn = await call<{ accessToken: string; username: string }>(page, "signIn", {
        ...who,
        password: GOOD_PASSWORD,
      });
      expect(signedIn).toMatchObject({ ok: true, value: { username } });
      const token = (signedIn as { value: { accessToken: string } }).value.accessToken;

      const url = `${gateway.baseUrl}/graphql`;
      const changed = await graphql(page, {
        url,
        token,
        label: "changePassword",
        query:
          "mutation Change($previousPassword: String!, $proposedPassword: String!) { changePassword(previousPassword: $previousPassword, proposedPassword: $proposedPassword) }",
        variables: { previousPassword: GOOD_PASSWORD, proposedPassword: NEW_PASSWORD },
      });
      expect(changed).toEqual({ ok: true, body: { data: { changePassword: true } } });
      const me = await graphql(page, { url, token, label: "getUser", query: "{ getUser { username } }" });
      expect(me).toEqual({ ok: true, body: { data: { getUser: { username } } } });
      // The page read x-request-id: it is exposed.
      expect(await page.locator("#log").innerText()).not.toContain("not readable");

      expect(await call(page, "signIn", { ...who, password: NEW_PASSWORD })).toMatchObject({
        ok: true,
        value: { username },
      });
    }

    it("signs up, confirms, signs in with SRP and calls GraphQL from any origin when CORS_ORIGINS is unset", async () => {
      const page = await openPage(foreignSite, "gateway (any origin)");
      await runWholeJourney(page, openGateway);
      await page.close();
    });

    it("with CORS_ORIGINS, the browser refuses an unlisted origin's calls and the gateway never receives them", async () => {
      const page = await openPage(foreignSite, "gateway (CORS_ORIGINS)");
      const { poolId, clientId } = await createPoolWithClient(narrowGateway, { autoVerifiedAttributes: ["email"] });
      const username = uniqueName("blocked");
      const email = `${username}@example.com`;
      const signedUp = await call(page, "signUp", {
        endpoint: `${narrowGateway.baseUrl}/`,
        poolId,
        clientId,
        username,
        email,
        password: GOOD_PASSWORD,
      });
      // The library's own report of a fetch that rejected with a TypeError.
      expect(signedUp).toEqual({ ok: false, error: { name: "Error", code: "NetworkError", message: "Network error" } });
      const fetched = await graphql(page, {
        url: `${narrowGateway.baseUrl}/graphql`,
        token: "any",
        label: "getUser",
        query: "{ getUser { username } }",
      });
      expect(fetched).toEqual({ ok: false, error: { name: "TypeError", message: "Failed to fetch" } });
      expect(
        consoleErrors.some((text) => text.includes(foreignSite.origin) && /blocked by CORS policy/.test(text)),
      ).toBe(true);
      // The preflight was refused, so the sign-up itself was never sent: no user, no code.
      expect(
        expectData(await narrowGateway.gql(SentMessagesDocument, { userPoolId: poolId, destination: email, first: 10 }))
          .sentMessages.items,
      ).toEqual([]);
      await page.close();
    });

    it("with CORS_ORIGINS, a listed origin does the whole journey; the screenshot shows both pages", async () => {
      const listed = await openPage(listedSite, "gateway (CORS_ORIGINS)");
      await runWholeJourney(listed, narrowGateway);
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await listed.screenshot({ path: path.join(SCREENSHOT_DIR, `listed-origin-${backend.name}.png`) });

      // The unlisted page once more, for its screenshot: the same calls, refused by the browser.
      const foreign = await openPage(foreignSite, "gateway (CORS_ORIGINS)");
      const { poolId, clientId } = await createPoolWithClient(narrowGateway);
      const username = uniqueName("blocked");
      expect(
        await call(foreign, "signUp", {
          endpoint: `${narrowGateway.baseUrl}/`,
          poolId,
          clientId,
          username,
          email: `${username}@example.com`,
          password: GOOD_PASSWORD,
        }),
      ).toMatchObject({ ok: false });
      expect(
        await call(foreign, "signIn", {
          endpoint: `${narrowGateway.baseUrl}/`,
          poolId,
          clientId,
          username,
          password: GOOD_PASSWORD,
        }),
      ).toMatchObject({ ok: false, error: { code: "NetworkError" } });
      expect(
        await graphql(foreign, {
          url: `${narrowGateway.baseUrl}/graphql`,
          token: "any",
          label: "getUser",
          query: "{ getUser { username } }",
        }),
      ).toMatchObject({ ok: false, error: { name: "TypeError" } });
      await foreign.screenshot({ path: path.join(SCREENSHOT_DIR, `unlisted-origin-${backend.name}.png`) });
      await Promise.all([listed.close(), foreign.close()]);
    });
  },
);
