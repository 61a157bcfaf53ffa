import { createServer } from "node:net";
import { request as httpRequest } from "node:http";
import * as client from "openid-client";
import { expect } from "vitest";
import type { AppOverrides } from "../../src/app.js";
import type { Backend } from "./backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "./directory.js";
import {
  CreateResourceServerDocument,
  CreateUserPoolClientDocument,
  CreateUserPoolDomainDocument,
  type CreateUserPoolClientInput,
} from "./generated/graphql.js";
import { expectData } from "./graphql-client.js";
import { createConfirmedUser, signInEnv } from "./sign-in.js";
import { getTestApp, type TestApp } from "./test-app.js";

/** The relying party's callback; never contacted (the tests read the Location header). */
export const CALLBACK = "https://app.example.com/callback";
export const LOGOUT_URL = "https://app.example.com/signed-out";

/** A port nobody listens on right now (the gateway's PUBLIC_URL must name its real address for discovery). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A gateway whose PUBLIC_URL is its own address (`http://127.0.0.1:<port>`), so the discovery document's
 * endpoints are reachable by a relying party; sign-in environment (cheap bcrypt, no per-address limit).
 */
export async function getOAuthTestApp(
  backend: Backend,
  env: Record<string, string> = {},
  overrides?: AppOverrides,
): Promise<TestApp> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    try {
      return await getTestApp(backend, {
        env: { ...signInEnv(backend), PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ...env },
        overrides,
      });
    } catch (error) {
      // Another process took the port between the probe and the listen: try another.
      if (attempt >= 3 || !String(error).includes("EADDRINUSE")) throw error;
    }
  }
}

export interface OAuthPool {
  poolId: string;
  clientId: string;
  clientSecret: string | null;
  /** `<PUBLIC_URL>/<poolId>`: the issuer, and the base its endpoints are served under. */
  issuer: string;
}

/** A pool with one app client set up for the OAuth endpoints (code flow, openid/email/profile/admin scopes, the test callback). */
export async function createOAuthPool(
  gateway: TestApp,
  clientInput: Partial<CreateUserPoolClientInput> = {},
): Promise<OAuthPool> {
  const created = await createPoolWithClient(gateway, {}, { ...oauthClientSettings(), ...clientInput });
  return { ...created, issuer: `${gateway.config.publicUrl}/${created.poolId}` };
}

export function oauthClientSettings(): Partial<CreateUserPoolClientInput> {
  return {
    allowedOAuthFlowsUserPoolClient: true,
    allowedOAuthFlows: ["code"],
    allowedOAuthScopes: ["openid", "email", "profile", "phone", "aws.cognito.signin.user.admin"],
    callbackURLs: [CALLBACK],
    logoutURLs: [LOGOUT_URL],
    supportedIdentityProviders: ["COGNITO"],
    enableTokenRevocation: true,
  };
}

/** A resource server with custom scopes, over GraphQL; returns the full scope strings. */
export async function createResourceServer(
  gateway: TestApp,
  poolId: string,
  identifier: string,
  scopeNames: string[],
): Promise<string[]> {
  expectData(
    await gateway.gql(CreateResourceServerDocument, {
      userPoolId: poolId,
      input: {
        identifier,
        name: "api",
        scopes: scopeNames.map((scopeName) => ({ scopeName, scopeDescription: scopeName })),
      },
    }),
  );
  return scopeNames.map((name) => `${identifier}/${name}`);
}

/** A confidential app client of the pool for `client_credentials` with these scopes, over GraphQL. */
export async function createMachineClient(
  gateway: TestApp,
  poolId: string,
  scopes: string[],
): Promise<{ clientId: string; clientSecret: string }> {
  const machine = expectData(
    await gateway.gql(CreateUserPoolClientDocument, {
      userPoolId: poolId,
      input: {
        clientName: "machine",
        generateSecret: true,
        allowedOAuthFlowsUserPoolClient: true,
        allowedOAuthFlows: ["client_credentials"],
        allowedOAuthScopes: scopes,
      },
    }),
  ).createUserPoolClient;
  return { clientId: machine.clientId, clientSecret: machine.clientSecret! };
}

/** A prefix domain for the pool; returns its host (`<prefix>.<POOL_DOMAIN_SUFFIX>`). */
export async function createPrefixDomain(gateway: TestApp, poolId: string): Promise<string> {
  const prefix = uniqueName("app").toLowerCase().slice(0, 40);
  expectData(await gateway.gql(CreateUserPoolDomainDocument, { userPoolId: poolId, input: { domain: prefix } }));
  return `${prefix}.${gateway.config.poolDomainSuffix}`;
}

/** A user who can sign in on the pages with GOOD_PASSWORD. */
export async function createOAuthUser(
  gateway: TestApp,
  poolId: string,
  attributes: { name: string; value: string }[] = [],
): Promise<{ username: string; sub: string; password: string }> {
  const username = uniqueName("user");
  const user = await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD, attributes);
  return { ...user, password: GOOD_PASSWORD };
}

/** A tiny cookie jar: name → value, fed from Set-Cookie headers (expired cookies are dropped). */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(";");
      const index = pair!.indexOf("=");
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const expired = attributes.some(
        (attribute) => /^\s*max-age=0\s*$/i.test(attribute) || /^\s*expires=Thu, 01 Jan 1970/i.test(attribute),
      );
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/** GET without following redirects, with the jar's cookies; returns the response (Location in its headers). */
export async function browserGet(url: string, jar: CookieJar = new CookieJar()): Promise<Response> {
  const response = await fetch(url, {
    redirect: "manual",
    headers: jar.cookies.size > 0 ? { cookie: jar.header() } : {},
  });
  jar.take(response);
  return response;
}

export function locationOf(response: Response): string {
  expect(response.status, `expected a redirect from ${response.url}`).toBe(302);
  return response.headers.get("location")!;
}

/**
 * Signs in on the classic login form (the pages' contract): GET the page, read `_csrf` and the
 * XSRF-TOKEN cookie, POST username and password back to the same URL. Returns the POST's response.
 */
export async function submitLoginForm(
  loginUrl: string,
  jar: CookieJar,
  username: string,
  password: string,
): Promise<Response> {
  const page = await browserGet(loginUrl, jar);
  const html = await page.text();
  expect(page.status, html.slice(0, 500)).toBe(200);
  const csrf = /name="_csrf"\s+value="([^"]+)"/.exec(html)?.[1] ?? /value="([^"]+)"\s+name="_csrf"/.exec(html)?.[1];
  expect(csrf, "the login form's _csrf field").toBeTruthy();
  expect(jar.cookies.get("XSRF-TOKEN"), "the XSRF-TOKEN cookie").toBeTruthy();
  const response = await fetch(loginUrl, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ _csrf: csrf!, username, password }).toString(),
  });
  jar.take(response);
  return response;
}

/**
 * The browser's part of the code flow, without a browser: /oauth2/authorize → /login → the form →
 * the redirect to the callback. Returns the callback URL (code and state in its query, or a fragment).
 */
export async function authorizeInBrowser(
  authorizationUrl: URL | string,
  user: { username: string; password: string },
  jar: CookieJar = new CookieJar(),
): Promise<{ callback: URL; jar: CookieJar }> {
  const loginUrl = locationOf(await browserGet(String(authorizationUrl), jar));
  expect(
    new URL(loginUrl).pathname.endsWith("/login"),
    `authorize should send the browser to /login, not ${loginUrl}`,
  ).toBe(true);
  const location = locationOf(await submitLoginForm(loginUrl, jar, user.username, user.password));
  return { callback: new URL(location), jar };
}

/** openid-client discovery of the pool over plain http (the test gateway has no TLS). */
export async function discoverPool(
  pool: OAuthPool,
  auth: "basic" | "post" | "none" = pool.clientSecret ? "basic" : "none",
): Promise<client.Configuration> {
  const clientAuth =
    auth === "basic"
      ? client.ClientSecretBasic(pool.clientSecret!)
      : auth === "post"
        ? client.ClientSecretPost(pool.clientSecret!)
        : client.None();
  return client.discovery(new URL(pool.issuer), pool.clientId, pool.clientSecret ?? undefined, clientAuth, {
    execute: [client.allowInsecureRequests],
  });
}

/** An authorization URL with PKCE S256, a state and a nonce, as a relying party builds it. */
export async function buildCodeRequest(config: client.Configuration, extra: Record<string, string> = {}) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: "openid email profile aws.cognito.signin.user.admin",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
    ...extra,
  });
  return { url, verifier, state, nonce };
}

/** The whole browser leg for a user: returns a fresh authorization code (and what the RP must check it with). */
export async function obtainCode(
  config: client.Configuration,
  user: { username: string; password: string },
  extra: Record<string, string> = {},
) {
  const request = await buildCodeRequest(config, extra);
  const { callback, jar } = await authorizeInBrowser(request.url, user);
  const code = callback.searchParams.get("code");
  expect(code, `a code in ${callback.toString()}`).toBeTruthy();
  return { ...request, callback, code: code!, jar };
}

/** A request with a Host header of our choosing (fetch cannot set Host). */
export async function requestWithHost(
  baseUrl: string,
  host: string,
  path: string,
  options: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const target = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path,
        method: options.method ?? "GET",
        headers: { ...options.headers, host },
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    outgoing.on("error", reject);
    if (options.body !== undefined) outgoing.write(options.body);
    outgoing.end();
  });
}

/** POSTs a form to a token-style endpoint, by hand (hostile cases a library would never send). */
export async function postForm(
  url: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(form).toString(),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

export const basicAuth = (clientId: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString("base64")}`;
