import { randomBytes } from "node:crypto";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient } from "../support/directory.js";
import {
  CreateUserPoolClientDocument,
  DeleteResourceServerDocument,
  UpdateResourceServerDocument,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import {
  basicAuth,
  CALLBACK,
  createMachineClient,
  createResourceServer,
  oauthClientSettings,
  postForm,
} from "../support/oauth.js";
import { signInEnv } from "../support/sign-in.js";
import { captureSql } from "../support/sql-capture.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const API = "https://api.example.com";

/**
 * client_credentials grants from each pool's active custom scopes, kept per process (no TTL). A change
 * to the pool's resource servers must reach the very next grant: in the process that made it, and in
 * another process on the same database and Redis. Each test first grants on every process involved,
 * so the old scope list is cached there.
 */
describe.each(BACKENDS)("resource-server changes reach cached client_credentials grants on $name", (backend) => {
  let gateway: TestApp;
  // One key for every process, as a deployment has: the clients' secrets are sealed with it.
  const env = { ...signInEnv(backend), SECRETS_KEY: randomBytes(32).toString("base64") };

  beforeAll(async () => {
    gateway = await getTestApp(backend, { env });
  });
  afterAll(async () => gateway?.close());

  /** A pool whose resource server offers read, write and admin, and a machine client allowed all three. */
  async function machine() {
    const { poolId } = await createPoolWithClient(gateway);
    const scopes = await createResourceServer(gateway, poolId, API, ["read", "write", "admin"]);
    return { poolId, ...(await createMachineClient(gateway, poolId, scopes)) };
  }
  type Machine = Awaited<ReturnType<typeof machine>>;

  /** The scopes a client_credentials grant on `app` hands out now; null for invalid_scope. */
  async function granted(app: TestApp, target: Machine): Promise<string[] | null> {
    const response = await postForm(
      `${app.baseUrl}/${target.poolId}/oauth2/token`,
      { grant_type: "client_credentials" },
      { authorization: basicAuth(target.clientId, target.clientSecret) },
    );
    if (response.status === 400 && response.body.error === "invalid_scope") return null;
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return String(decodeJwt(String(response.body.access_token)).scope)
      .split(" ")
      .sort();
  }

  const replaceScopes = (via: TestApp, target: Machine, names: string[]) =>
    via.gql(UpdateResourceServerDocument, {
      userPoolId: target.poolId,
      input: {
        identifier: API,
        name: "api",
        scopes: names.map((scopeName) => ({ scopeName, scopeDescription: scopeName })),
      },
    });
  const all = [`${API}/admin`, `${API}/read`, `${API}/write`];

  /** A code-flow app client of the machine's pool that may ask for every scope of the resource server. */
  async function browserClient(target: Machine): Promise<string> {
    const settings = oauthClientSettings();
    return expectData(
      await gateway.gql(CreateUserPoolClientDocument, {
        userPoolId: target.poolId,
        input: { clientName: "web", ...settings, allowedOAuthScopes: [...settings.allowedOAuthScopes!, ...all] },
      }),
    ).createUserPoolClient.clientId;
  }

  /** What /oauth2/authorize on `app` says to a request for `scope`: on to the sign-in page, or an error back to the app. */
  async function authorizes(app: TestApp, poolId: string, clientId: string, scope: string): Promise<string> {
    const query = new URLSearchParams({ client_id: clientId, response_type: "code", redirect_uri: CALLBACK, scope });
    const response = await fetch(`${app.baseUrl}/${poolId}/oauth2/authorize?${query}`, { redirect: "manual" });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!, app.baseUrl);
    return location.pathname.endsWith("/login")
      ? "sign-in page"
      : (location.searchParams.get("error") ?? location.href);
  }

  it("stops granting a removed scope on the very next grant, grants an added one, and none after the server is deleted", async () => {
    const target = await machine();
    expect(await granted(gateway, target)).toEqual(all);
    expectData(await replaceScopes(gateway, target, ["read", "write"]));
    expect(await granted(gateway, target)).toEqual([`${API}/read`, `${API}/write`]);
    expectData(await replaceScopes(gateway, target, ["read", "write", "admin"]));
    expect(await granted(gateway, target)).toEqual(all);
    expectData(await gateway.gql(DeleteResourceServerDocument, { userPoolId: target.poolId, identifier: API }));
    expect(await granted(gateway, target)).toBeNull();
    await createResourceServer(gateway, target.poolId, API, ["read"]);
    expect(await granted(gateway, target)).toEqual([`${API}/read`]);
  });

  it("has /oauth2/authorize refuse a removed scope and accept an added one on the very next request", async () => {
    const target = await machine();
    const clientId = await browserClient(target);
    expect(await authorizes(gateway, target.poolId, clientId, `${API}/admin`)).toBe("sign-in page");
    expectData(await replaceScopes(gateway, target, ["read"]));
    const after = await Promise.all(
      Array.from({ length: 10 }, () => authorizes(gateway, target.poolId, clientId, `${API}/admin`)),
    );
    expect(after).toEqual(Array.from({ length: 10 }, () => "invalid_scope"));
    expectData(await replaceScopes(gateway, target, ["read", "admin"]));
    expect(await authorizes(gateway, target.poolId, clientId, `${API}/admin`)).toBe("sign-in page");
    // Served from the cache: a repeated request reads no resource-server table.
    const { statements } = await captureSql(() => authorizes(gateway, target.poolId, clientId, `${API}/admin`));
    expect(statements.filter((statement) => /resource_server/.test(statement.sql))).toEqual([]);
  });

  it("never grants a removed scope to any of 20 parallel grants made after the change returned", async () => {
    const target = await machine();
    await Promise.all(Array.from({ length: 5 }, () => granted(gateway, target)));
    expectData(await replaceScopes(gateway, target, ["read"]));
    const results = await Promise.all(Array.from({ length: 20 }, () => granted(gateway, target)));
    expect(results).toEqual(Array.from({ length: 20 }, () => [`${API}/read`]));
  });

  // A second process needs the shared database and store; the embedded backend has neither.
  describe.skipIf(backend.name === "embedded")("with a second gateway process", () => {
    let other: TestApp;
    beforeAll(async () => {
      other = await getTestApp(backend, { env });
    });
    afterAll(async () => other?.close());

    it("applies a resource-server change made on one process to the other's very next grant, both ways", async () => {
      const target = await machine();
      expect(await granted(gateway, target)).toEqual(all);
      expect(await granted(other, target)).toEqual(all);
      expectData(await replaceScopes(gateway, target, ["write"]));
      expect(await granted(other, target)).toEqual([`${API}/write`]);
      expectData(await other.gql(DeleteResourceServerDocument, { userPoolId: target.poolId, identifier: API }));
      expect(await granted(gateway, target)).toBeNull();
      await createResourceServer(other, target.poolId, API, ["admin", "read"]);
      const [here, there] = await Promise.all([granted(gateway, target), granted(other, target)]);
      expect(here).toEqual([`${API}/admin`, `${API}/read`]);
      expect(there).toEqual([`${API}/admin`, `${API}/read`]);
    });

    it("has the other process's /oauth2/authorize refuse a scope removed here on its very next request", async () => {
      const target = await machine();
      const clientId = await browserClient(target);
      expect(await authorizes(other, target.poolId, clientId, `${API}/write`)).toBe("sign-in page");
      expectData(await replaceScopes(gateway, target, ["admin"]));
      expect(await authorizes(other, target.poolId, clientId, `${API}/write`)).toBe("invalid_scope");
    });

    it("never grants a removed scope on the other process to 20 parallel grants made after the change returned", async () => {
      const target = await machine();
      await Promise.all(Array.from({ length: 5 }, () => granted(other, target)));
      expectData(await replaceScopes(gateway, target, ["admin"]));
      const results = await Promise.all(Array.from({ length: 20 }, () => granted(other, target)));
      expect(results).toEqual(Array.from({ length: 20 }, () => [`${API}/admin`]));
    });
  });
});
