import * as client from "openid-client";
import { createRemoteJWKSet, decodeJwt, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/lib/clock.js";
import { BACKENDS } from "../support/backends.js";
import {
  basicAuth,
  createMachineClient,
  createOAuthPool,
  createPrefixDomain,
  createResourceServer,
  discoverPool,
  getOAuthTestApp,
  type OAuthPool,
  postForm,
  requestWithHost,
} from "../support/oauth.js";
import type { TestApp } from "../support/test-app.js";

const API = "https://api.example.com";

describe.each(BACKENDS)("OAuth token endpoint and discovery on $name", (backend) => {
  let gateway: TestApp;

  beforeAll(async () => {
    // A narrowed CORS_ORIGINS must not narrow the token endpoint: Cognito answers it with `*`.
    gateway = await getOAuthTestApp(backend, { CORS_ORIGINS: "https://only.example.com" });
  });
  afterAll(async () => gateway?.close());

  /** A confidential machine client allowed two of the resource server's three scopes. */
  async function machineClient(target: TestApp = gateway): Promise<OAuthPool & { scopes: string[] }> {
    const pool = await createOAuthPool(target);
    const scopes = await createResourceServer(target, pool.poolId, API, ["read", "write", "admin"]);
    const machine = await createMachineClient(target, pool.poolId, [scopes[0]!, scopes[1]!]);
    return { ...pool, ...machine, scopes };
  }

  it("publishes Cognito's ten discovery keys, alphabetically, with endpoints on the issuer path until the pool has a domain", async () => {
    const pool = await createOAuthPool(gateway);
    const document = (await (await fetch(`${pool.issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(Object.keys(document)).toEqual([
      "authorization_endpoint",
      "id_token_signing_alg_values_supported",
      "issuer",
      "jwks_uri",
      "response_types_supported",
      "scopes_supported",
      "subject_types_supported",
      "token_endpoint",
      "token_endpoint_auth_methods_supported",
      "userinfo_endpoint",
    ]);
    expect(document).toMatchObject({
      issuer: pool.issuer,
      authorization_endpoint: `${pool.issuer}/oauth2/authorize`,
      token_endpoint: `${pool.issuer}/oauth2/token`,
      userinfo_endpoint: `${pool.issuer}/oauth2/userInfo`,
      jwks_uri: `${pool.issuer}/.well-known/jwks.json`,
      response_types_supported: ["code", "token"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    });
    const host = await createPrefixDomain(gateway, pool.poolId);
    const withDomain = (await (await fetch(`${pool.issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(withDomain.token_endpoint).toBe(`http://${host}:${gateway.app.port}/oauth2/token`);
    expect(withDomain.issuer).toBe(pool.issuer);
  });

  it("client_credentials through openid-client: a token jose verifies against the JWKS, with only the allowed custom scopes", async () => {
    const pool = await machineClient();
    const config = await discoverPool(pool);
    const tokens = await client.clientCredentialsGrant(config, {
      scope: `${pool.scopes[0]} ${pool.scopes[2]} ${API}/unknown`,
    });
    expect(tokens.token_type.toLowerCase()).toBe("bearer");
    expect(tokens.id_token).toBeUndefined();
    expect(tokens.refresh_token).toBeUndefined();
    const { payload } = await jwtVerify(
      tokens.access_token,
      createRemoteJWKSet(new URL(`${pool.issuer}/.well-known/jwks.json`)),
      { issuer: pool.issuer, algorithms: ["RS256"] },
    );
    // The unallowed (admin) and unknown scopes are dropped, not refused.
    expect(payload).toMatchObject({
      sub: pool.clientId,
      client_id: pool.clientId,
      token_use: "access",
      scope: pool.scopes[0],
      version: 2,
    });
    expect(Object.keys(payload).sort()).toEqual([
      "auth_time",
      "client_id",
      "exp",
      "iat",
      "iss",
      "jti",
      "scope",
      "sub",
      "token_use",
      "version",
    ]);
    // Without a scope: every allowed custom scope.
    const all = await client.clientCredentialsGrant(config);
    expect(String(decodeJwt(all.access_token).scope).split(" ").sort()).toEqual(
      [pool.scopes[0], pool.scopes[1]].sort(),
    );
  });

  it("client_credentials with client_secret_post, and a token endpoint on the pool's prefix domain (by Host)", async () => {
    const pool = await machineClient();
    const host = await createPrefixDomain(gateway, pool.poolId);
    const form = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: pool.clientId,
      client_secret: pool.clientSecret!,
    }).toString();
    const answer = await requestWithHost(gateway.baseUrl, `${host}:${gateway.app.port}`, "/oauth2/token", {
      method: "POST",
      body: form,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/json;charset=UTF-8");
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(decodeJwt((JSON.parse(answer.body) as { access_token: string }).access_token).iss).toBe(pool.issuer);
  });

  it("refuses a wrong secret (401 + WWW-Authenticate for Basic, 400 in the body), a missing one, an unknown grant and a public client's client_credentials", async () => {
    const pool = await machineClient();
    const url = `${pool.issuer}/oauth2/token`;
    const wrongSecret = `${pool.clientSecret!.slice(0, -1)}${pool.clientSecret!.endsWith("x") ? "y" : "x"}`;
    const basic = await postForm(
      url,
      { grant_type: "client_credentials" },
      { authorization: basicAuth(pool.clientId, wrongSecret) },
    );
    expect(basic).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    expect(basic.headers.get("www-authenticate")).toMatch(/^Basic /);
    expect(basic.headers.get("cache-control")).toBe("no-store");
    expect(
      await postForm(url, { grant_type: "client_credentials", client_id: pool.clientId, client_secret: wrongSecret }),
    ).toMatchObject({ status: 400, body: { error: "invalid_client" } });
    expect(await postForm(url, { grant_type: "client_credentials", client_id: pool.clientId })).toMatchObject({
      status: 400,
      body: { error: "invalid_client" },
    });
    expect(
      await postForm(url, { grant_type: "password", client_id: pool.clientId, client_secret: pool.clientSecret! }),
    ).toMatchObject({ status: 400, body: { error: "unsupported_grant_type" } });
    expect(await postForm(url, { client_id: pool.clientId })).toMatchObject({
      status: 400,
      body: { error: "invalid_request" },
    });
    // Both Basic and a body secret: more than one authentication method.
    expect(
      await postForm(
        url,
        { grant_type: "client_credentials", client_secret: pool.clientSecret! },
        { authorization: basicAuth(pool.clientId, pool.clientSecret!) },
      ),
    ).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    const publicPool = await createOAuthPool(gateway);
    expect(
      await postForm(`${publicPool.issuer}/oauth2/token`, {
        grant_type: "client_credentials",
        client_id: publicPool.clientId,
      }),
    ).toMatchObject({ status: 400, body: { error: "unauthorized_client" } });
    // Another pool's path does not serve this client.
    expect(
      await postForm(
        `${publicPool.issuer}/oauth2/token`,
        { grant_type: "client_credentials" },
        { authorization: basicAuth(pool.clientId, pool.clientSecret!) },
      ),
    ).toMatchObject({ status: 401, body: { error: "invalid_client" } });
  });

  it("answers CORS with * on the token, revoke and userInfo endpoints whatever CORS_ORIGINS says, and keeps the APIs narrowed", async () => {
    const pool = await createOAuthPool(gateway);
    for (const path of ["/oauth2/token", "/oauth2/revoke", "/oauth2/userInfo"]) {
      const preflight = await fetch(`${pool.issuer}${path}`, {
        method: "OPTIONS",
        headers: {
          origin: "https://spa.example.org",
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization,content-type",
        },
      });
      expect(preflight.status, path).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    }
    const tokenCall = await fetch(`${pool.issuer}/oauth2/token`, {
      method: "POST",
      headers: { origin: "https://spa.example.org", "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    });
    expect(tokenCall.headers.get("access-control-allow-origin")).toBe("*");
    const graphqlPreflight = await fetch(gateway.url, {
      method: "OPTIONS",
      headers: { origin: "https://spa.example.org", "access-control-request-method": "POST" },
    });
    expect(graphqlPreflight.status).toBe(403);
  });

  it("rate-limits client_credentials per client with a token bucket of 150", async () => {
    // A frozen clock: the bucket never refills, so exactly its capacity gets through.
    const limited = await getOAuthTestApp(backend, {}, { clock: createManualClock(new Date()) });
    try {
      const pool = await machineClient(limited);
      const form = { grant_type: "client_credentials" };
      const answers = await Promise.all(
        Array.from({ length: 200 }, () =>
          postForm(`${pool.issuer}/oauth2/token`, form, {
            authorization: basicAuth(pool.clientId, pool.clientSecret!),
          }),
        ),
      );
      const refused = answers.filter((answer) => answer.status === 429);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused[0]!.body).toMatchObject({ error: "slow_down" });
      expect(answers.filter((answer) => answer.status === 200).length).toBe(150);
      expect(refused.length).toBe(50);
      // Another client of the pool has its own bucket.
      const other = await machineClient(limited);
      expect(
        (
          await postForm(`${other.issuer}/oauth2/token`, form, {
            authorization: basicAuth(other.clientId, other.clientSecret!),
          })
        ).status,
      ).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it("answers 404 on /oauth2/* for a Host that is no pool's domain, and never serves a pool's client on another pool's domain", async () => {
    const pool = await machineClient();
    const form = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: pool.clientId,
      client_secret: pool.clientSecret!,
    }).toString();
    const headers = { "content-type": "application/x-www-form-urlencoded" };
    const foreign = await requestWithHost(gateway.baseUrl, "evil.example.net", "/oauth2/token", {
      method: "POST",
      body: form,
      headers,
    });
    expect(foreign.status).toBe(404);
    expect(JSON.parse(foreign.body)).toMatchObject({ __type: "NotFoundException" });
    const unknownPrefix = await requestWithHost(
      gateway.baseUrl,
      `nobody-here.${gateway.config.poolDomainSuffix}`,
      "/oauth2/authorize?client_id=x",
      {},
    );
    expect(unknownPrefix.status).toBe(404);
    const other = await createOAuthPool(gateway);
    const otherHost = await createPrefixDomain(gateway, other.poolId);
    const crossed = await requestWithHost(gateway.baseUrl, otherHost, "/oauth2/token", {
      method: "POST",
      body: form,
      headers,
    });
    expect(crossed.status).toBe(400);
    expect(JSON.parse(crossed.body)).toEqual({ error: "invalid_client" });
  });
});
