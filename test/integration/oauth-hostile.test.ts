import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/lib/clock.js";
import { BACKENDS } from "../support/backends.js";
import { CreateUserPoolClientDocument } from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import {
  authorizeInBrowser,
  basicAuth,
  browserGet,
  CALLBACK,
  CookieJar,
  createOAuthPool,
  createOAuthUser,
  createPrefixDomain,
  discoverPool,
  getOAuthTestApp,
  locationOf,
  LOGOUT_URL,
  oauthClientSettings,
  obtainCode,
  postForm,
  requestWithHost,
  type OAuthPool,
} from "../support/oauth.js";
import type { TestApp } from "../support/test-app.js";

describe.each(BACKENDS)("OAuth endpoints against hostile input on $name", (backend) => {
  let gateway: TestApp;
  const clock = createManualClock(new Date());

  beforeAll(async () => {
    gateway = await getOAuthTestApp(backend, {}, { clock });
  });
  afterAll(async () => gateway?.close());

  const confidentialPool = () => createOAuthPool(gateway, { generateSecret: true });
  const authorizeUrl = (pool: OAuthPool, parameters: Record<string, string>) =>
    `${pool.issuer}/oauth2/authorize?${new URLSearchParams({ client_id: pool.clientId, ...parameters }).toString()}`;
  const redeem = (pool: OAuthPool, form: Record<string, string>) =>
    postForm(
      `${pool.issuer}/oauth2/token`,
      { grant_type: "authorization_code", redirect_uri: CALLBACK, ...form },
      { authorization: basicAuth(pool.clientId, pool.clientSecret!) },
    );

  it("keeps an unregistered redirect URI, an unknown client and a client without OAuth on the pool's error page", async () => {
    const pool = await confidentialPool();
    for (const redirectUri of [
      "https://evil.example.com/callback",
      `${CALLBACK}/`,
      "https://APP.example.com/callback",
      `${CALLBACK}?x=1`,
    ]) {
      const location = locationOf(
        await browserGet(authorizeUrl(pool, { response_type: "code", redirect_uri: redirectUri, state: "s" })),
      );
      expect(location).toBe(`${pool.issuer}/error?error=redirect_mismatch&client_id=${pool.clientId}`);
    }
    expect(
      locationOf(
        await browserGet(
          `${pool.issuer}/oauth2/authorize?client_id=nope&response_type=code&redirect_uri=${encodeURIComponent(CALLBACK)}`,
        ),
      ),
    ).toBe(`${pool.issuer}/error?error=redirect_mismatch&client_id=nope`);
    const apiOnly = expectData(
      await gateway.gql(CreateUserPoolClientDocument, {
        userPoolId: pool.poolId,
        input: { clientName: "api-only", callbackURLs: [CALLBACK] },
      }),
    ).createUserPoolClient;
    expect(
      locationOf(
        await browserGet(
          authorizeUrl({ ...pool, clientId: apiOnly.clientId }, { response_type: "code", redirect_uri: CALLBACK }),
        ),
      ).startsWith(`${pool.issuer}/error?error=redirect_mismatch`),
    ).toBe(true);
    // Another pool's client on this pool's path.
    const other = await confidentialPool();
    expect(
      locationOf(
        await browserGet(
          authorizeUrl({ ...other, issuer: pool.issuer }, { response_type: "code", redirect_uri: CALLBACK }),
        ),
      ).startsWith(`${pool.issuer}/error`),
    ).toBe(true);
  });

  it("redirects every other fault to the client with its state, in Cognito's order", async () => {
    const pool = await confidentialPool();
    const errorOf = async (parameters: Record<string, string>) => {
      const location = new URL(
        locationOf(await browserGet(authorizeUrl(pool, { redirect_uri: CALLBACK, state: "st-1", ...parameters }))),
      );
      expect(location.origin + location.pathname).toBe(CALLBACK);
      // response_type=token gets its errors in the fragment, as its tokens would be.
      const answer =
        parameters.response_type === "token" ? new URLSearchParams(location.hash.slice(1)) : location.searchParams;
      expect(answer.get("state")).toBe("st-1");
      return answer.get("error");
    };
    expect(await errorOf({})).toBe("invalid_request");
    expect(await errorOf({ response_type: "token" })).toBe("unauthorized_client");
    expect(
      await errorOf({ response_type: "code", code_challenge: "a".repeat(43), code_challenge_method: "plain" }),
    ).toBe("invalid_request");
    expect(await errorOf({ response_type: "code", code_challenge: "a".repeat(43) })).toBe("invalid_request");
    expect(await errorOf({ response_type: "code", identity_provider: "Google" })).toBe("invalid_request");
    expect(await errorOf({ response_type: "code", scope: "email" })).toBe("invalid_scope");
    expect(await errorOf({ response_type: "code", scope: "openid https://api.example.com/read" })).toBe(
      "invalid_scope",
    );
    expect(await errorOf({ response_type: "code", resource: "http://api.example.com" })).toBe("invalid_request");
    expect(await errorOf({ response_type: "code", prompt: "none login" })).toBe("invalid_request");
    // prompt=none without a session: login_required, never the login page.
    expect(await errorOf({ response_type: "code", prompt: "none", scope: "openid" })).toBe("login_required");
  });

  it("uses the client's DefaultRedirectURI when redirect_uri is left out", async () => {
    const pool = await createOAuthPool(gateway, { defaultRedirectURI: CALLBACK });
    const location = locationOf(
      await browserGet(
        `${pool.issuer}/oauth2/authorize?client_id=${pool.clientId}&response_type=code&prompt=none&state=d`,
      ),
    );
    expect(location).toBe(`${CALLBACK}?error=login_required&state=d`);
  });

  it("refuses a missing or wrong PKCE verifier, and a verifier for a code without a challenge", async () => {
    const pool = await confidentialPool();
    const user = await createOAuthUser(gateway, pool.poolId);
    const config = await discoverPool(pool);
    const missing = await obtainCode(config, user);
    expect(await redeem(pool, { code: missing.code })).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    const wrong = await obtainCode(config, user);
    expect(await redeem(pool, { code: wrong.code, code_verifier: client.randomPKCECodeVerifier() })).toMatchObject({
      status: 400,
      body: { error: "invalid_grant" },
    });
    // A failed attempt uses the code up: the right verifier afterwards is too late.
    expect(await redeem(pool, { code: wrong.code, code_verifier: wrong.verifier })).toMatchObject({
      status: 400,
      body: { error: "invalid_grant" },
    });
    // No challenge at /oauth2/authorize: a verifier at the exchange is refused (no PKCE downgrade games).
    const { callback } = await authorizeInBrowser(
      authorizeUrl(pool, { response_type: "code", redirect_uri: CALLBACK, scope: "openid" }),
      user,
    );
    expect(
      await redeem(pool, { code: callback.searchParams.get("code")!, code_verifier: client.randomPKCECodeVerifier() }),
    ).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    const { callback: withoutPkce } = await authorizeInBrowser(
      authorizeUrl(pool, { response_type: "code", redirect_uri: CALLBACK, scope: "openid" }),
      user,
    );
    expect((await redeem(pool, { code: withoutPkce.searchParams.get("code")! })).status).toBe(200);
  });

  it("redeems a code once: a replay is invalid_grant and revokes the refresh token the code gave; 20 parallel redemptions get one success", async () => {
    const pool = await confidentialPool();
    const user = await createOAuthUser(gateway, pool.poolId);
    const config = await discoverPool(pool);
    const first = await obtainCode(config, user);
    const ok = await redeem(pool, { code: first.code, code_verifier: first.verifier });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    expect(Object.keys(ok.body).sort()).toEqual([
      "access_token",
      "expires_in",
      "id_token",
      "refresh_token",
      "token_type",
    ]);
    expect(await redeem(pool, { code: first.code, code_verifier: first.verifier })).toMatchObject({
      status: 400,
      body: { error: "invalid_grant" },
    });
    const refresh = await postForm(
      `${pool.issuer}/oauth2/token`,
      { grant_type: "refresh_token", refresh_token: String(ok.body.refresh_token) },
      { authorization: basicAuth(pool.clientId, pool.clientSecret!) },
    );
    expect(refresh).toMatchObject({ status: 400, body: { error: "invalid_grant" } });

    const raced = await obtainCode(config, user);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => redeem(pool, { code: raced.code, code_verifier: raced.verifier })),
    );
    expect(answers.filter((answer) => answer.status === 200).length).toBeLessThanOrEqual(1);
    expect(
      answers.filter((answer) => answer.status !== 200).every((answer) => answer.body.error === "invalid_grant"),
    ).toBe(true);
  });

  it("refuses another client's code, a changed redirect_uri and an expired code", async () => {
    const pool = await confidentialPool();
    const user = await createOAuthUser(gateway, pool.poolId);
    const config = await discoverPool(pool);
    const second = expectData(
      await gateway.gql(CreateUserPoolClientDocument, {
        userPoolId: pool.poolId,
        input: { clientName: "second", generateSecret: true, ...oauthClientSettings() },
      }),
    ).createUserPoolClient;
    const stolen = await obtainCode(config, user);
    const asSecond = await postForm(
      `${pool.issuer}/oauth2/token`,
      { grant_type: "authorization_code", code: stolen.code, code_verifier: stolen.verifier, redirect_uri: CALLBACK },
      { authorization: basicAuth(second.clientId, second.clientSecret!) },
    );
    expect(asSecond).toMatchObject({ status: 400, body: { error: "invalid_grant" } });

    const moved = await obtainCode(config, user);
    expect(
      await redeem(pool, {
        code: moved.code,
        code_verifier: moved.verifier,
        redirect_uri: "https://app.example.com/other",
      }),
    ).toMatchObject({ status: 400, body: { error: "unauthorized_client", error_description: "invalid_redirect" } });

    const late = await obtainCode(config, user);
    clock.advanceSeconds(301);
    expect(await redeem(pool, { code: late.code, code_verifier: late.verifier })).toMatchObject({
      status: 400,
      body: { error: "invalid_grant" },
    });
  });

  it("does not let one pool's session sign in to another pool", async () => {
    const pool = await confidentialPool();
    const user = await createOAuthUser(gateway, pool.poolId);
    const { jar } = await obtainCode(await discoverPool(pool), user);
    const other = await confidentialPool();
    const crossed = new CookieJar();
    crossed.cookies.set("cognito", jar.cookies.get("cognito")!);
    const location = new URL(
      locationOf(
        await browserGet(
          authorizeUrl(other, { response_type: "code", redirect_uri: CALLBACK, prompt: "none", state: "x" }),
          crossed,
        ),
      ),
    );
    expect(location.searchParams.get("error")).toBe("login_required");
  });

  it("revocation: a JWT is unsupported_token_type, no token is invalid_request, a wrong secret is 401, an unknown token is 200", async () => {
    const pool = await confidentialPool();
    const url = `${pool.issuer}/oauth2/revoke`;
    const auth = { authorization: basicAuth(pool.clientId, pool.clientSecret!) };
    expect(await postForm(url, { token: "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln" }, auth)).toMatchObject({
      status: 400,
      body: { error: "unsupported_token_type" },
    });
    expect(await postForm(url, {}, auth)).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    expect(await postForm(url, { token: "x" }, { authorization: basicAuth(pool.clientId, "wrong") })).toMatchObject({
      status: 401,
      body: { error: "invalid_client" },
    });
    expect(await postForm(url, { token: "not-a-token-we-know" }, auth)).toMatchObject({ status: 200, body: {} });
  });

  it("logout: only an exactly registered logout_uri; redirect_uri goes back to /login; anything else to the error page; the cookie is cleared every time", async () => {
    const pool = await confidentialPool();
    const logout = async (parameters: Record<string, string>) => {
      const response = await browserGet(`${pool.issuer}/logout?${new URLSearchParams(parameters).toString()}`);
      expect(
        response.headers.getSetCookie().some((cookie) => /^cognito=;/.test(cookie) && /Path=\/[^;]*/.test(cookie)),
      ).toBe(true);
      return locationOf(response);
    };
    expect(await logout({ client_id: pool.clientId, logout_uri: LOGOUT_URL })).toBe(LOGOUT_URL);
    expect(
      await logout({ client_id: pool.clientId, logout_uri: LOGOUT_URL, redirect_uri: CALLBACK, response_type: "code" }),
    ).toBe(LOGOUT_URL);
    const refused: Record<string, string>[] = [
      { client_id: pool.clientId, logout_uri: "https://evil.example.com/" },
      { client_id: pool.clientId, logout_uri: `${LOGOUT_URL}/` },
      { client_id: pool.clientId, post_logout_redirect_uri: LOGOUT_URL },
      { client_id: "unknown", logout_uri: LOGOUT_URL },
      { client_id: pool.clientId, redirect_uri: CALLBACK },
    ];
    for (const parameters of refused) {
      expect(
        (await logout(parameters)).startsWith(`${pool.issuer}/error?error=invalid_request`),
        JSON.stringify(parameters),
      ).toBe(true);
    }
    const login = new URL(
      await logout({
        client_id: pool.clientId,
        redirect_uri: CALLBACK,
        response_type: "code",
        state: "st",
        scope: "openid",
        extra: "dropped",
      }),
    );
    expect(login.origin + login.pathname).toBe(`${pool.issuer}/login`);
    expect(Object.fromEntries(login.searchParams)).toEqual({
      client_id: pool.clientId,
      redirect_uri: CALLBACK,
      response_type: "code",
      state: "st",
      scope: "openid",
    });
  });

  it("answers a Host header no URL can be built on with 400, never a crash, and keeps serving", async () => {
    const pool = await confidentialPool();
    const query = new URLSearchParams({ client_id: pool.clientId, response_type: "code", redirect_uri: CALLBACK });
    const port = gateway.app.port;
    const domain = await createPrefixDomain(gateway, pool.poolId);
    // A space, a port past 65535, a path, user info: each would throw in new URL() or move the base's path.
    const badHosts = ["a b", "localhost:99999", "127.0.0.1/evil", "user@127.0.0.1"];
    const expectPage = (answer: Awaited<ReturnType<typeof requestWithHost>>, what: string, basePath: string) => {
      expect({ what, status: answer.status, type: answer.headers["content-type"] }).toEqual({
        what,
        status: 400,
        type: "text/html; charset=utf-8",
      });
      expect(answer.body).toContain("The Host header is not a valid host name and port.");
      // Styled: its stylesheet is below the pool's base, which needs no Host.
      expect(answer.body).toContain(`<link rel="stylesheet" href="${basePath}/`);
    };
    const expectJson = (answer: Awaited<ReturnType<typeof requestWithHost>>, what: string) => {
      expect({ what, status: answer.status, body: JSON.parse(answer.body) as unknown }).toEqual({
        what,
        status: 400,
        body: { __type: "InvalidParameterException", message: "The Host header is not a valid host name and port." },
      });
    };
    for (const host of badHosts) {
      // The managed sign-in pages, GET and POST (the pages' error path once re-derived the base and crashed).
      expectPage(
        await requestWithHost(gateway.baseUrl, host, `/${pool.poolId}/login?${query.toString()}`),
        host,
        `/${pool.poolId}`,
      );
      expectPage(
        await requestWithHost(gateway.baseUrl, host, `/${pool.poolId}/login?${query.toString()}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: "username=a&password=b&_csrf=x",
        }),
        host,
        `/${pool.poolId}`,
      );
      expectPage(
        await requestWithHost(gateway.baseUrl, host, `/${pool.poolId}/forgotPassword?${query.toString()}`),
        host,
        `/${pool.poolId}`,
      );
      // The endpoints answer in JSON.
      expectJson(await requestWithHost(gateway.baseUrl, host, `/${pool.poolId}/logout?client_id=x`), host);
      expectJson(
        await requestWithHost(gateway.baseUrl, host, `/${pool.poolId}/oauth2/authorize?${query.toString()}`),
        host,
      );
      expectJson(
        await requestWithHost(gateway.baseUrl, host, `/${pool.poolId}/oauth2/token`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: "grant_type=client_credentials",
        }),
        host,
      );
    }
    // A pool domain with an impossible port.
    expectPage(await requestWithHost(gateway.baseUrl, `${domain}:99999`, `/login?${query.toString()}`), domain, "");
    expectJson(await requestWithHost(gateway.baseUrl, `${domain}:99999`, "/logout?client_id=x"), domain);

    // Still up, and a usable Host still gets its page.
    expect((await fetch(`${gateway.baseUrl}/healthz`)).status).toBe(200);
    const good = await requestWithHost(
      gateway.baseUrl,
      `localhost:${port}`,
      `/${pool.poolId}/login?${query.toString()}`,
    );
    expect(good.status).toBe(200);
    expect(good.body).toContain(`href="/${pool.poolId}/`);
    const onDomain = await requestWithHost(gateway.baseUrl, `${domain}:${port}`, `/login?${query.toString()}`);
    expect(onDomain.status).toBe(200);
  });
});
