import * as client from "openid-client";
import { createHash } from "node:crypto";
import { createRemoteJWKSet, decodeJwt, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, uniqueName } from "../support/directory.js";
import {
  AdminDisableUserDocument,
  CreateUserPoolClientDocument,
  GetUserDocument,
  RotateTriggerSecretDocument,
} from "../support/generated/graphql.js";
import { startTriggerReceiver } from "../support/trigger-receiver.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import {
  authorizeInBrowser,
  browserGet,
  CALLBACK,
  createOAuthPool,
  createOAuthUser,
  discoverPool,
  getOAuthTestApp,
  locationOf,
  LOGOUT_URL,
  oauthClientSettings,
  obtainCode,
  postForm,
  type OAuthPool,
} from "../support/oauth.js";
import { expectTokens, passwordSignIn, secretHashOf } from "../support/sign-in.js";
import type { TestApp } from "../support/test-app.js";

const atHashOf = (accessToken: string) =>
  createHash("sha256").update(accessToken).digest().subarray(0, 16).toString("base64url");

describe.each(BACKENDS)("OAuth authorization code flow with openid-client on $name", (backend) => {
  let gateway: TestApp;

  beforeAll(async () => {
    gateway = await getOAuthTestApp(backend);
  });
  afterAll(async () => gateway?.close());

  async function confidentialPool(extra: Parameters<typeof createOAuthPool>[1] = {}): Promise<OAuthPool> {
    return createOAuthPool(gateway, {
      generateSecret: true,
      explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      ...extra,
    });
  }

  it("runs code + PKCE through the login form, then refresh, userInfo, revocation and logout", async () => {
    const pool = await confidentialPool();
    const user = await createOAuthUser(gateway, pool.poolId, [
      { name: "email", value: "ada@example.com" },
      { name: "email_verified", value: "true" },
      { name: "name", value: "Ada" },
      { name: "phone_number", value: "+15555550100" },
    ]);
    const config = await discoverPool(pool);
    const { callback, verifier, state, nonce, jar } = await obtainCode(config, user);
    expect(callback.origin + callback.pathname).toBe(CALLBACK);
    expect(callback.searchParams.get("state")).toBe(state);
    expect(callback.searchParams.get("code")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );

    // openid-client checks the ID token's iss, aud, exp, iat and nonce itself.
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    expect(tokens.refresh_token).toBeTruthy();
    const idClaims = tokens.claims()!;
    expect(idClaims).toMatchObject({
      sub: user.sub,
      nonce,
      at_hash: atHashOf(tokens.access_token),
      email: "ada@example.com",
      email_verified: true,
      name: "Ada",
      token_use: "id",
    });
    // openid email profile: the profile set includes every readable attribute in the ID token (reference-oauth §10.1).
    expect(idClaims.phone_number).toBe("+15555550100");
    const jwks = createRemoteJWKSet(new URL(`${pool.issuer}/.well-known/jwks.json`));
    const { payload: access } = await jwtVerify(tokens.access_token, jwks, {
      issuer: pool.issuer,
      algorithms: ["RS256"],
    });
    expect(String(access.scope).split(" ").sort()).toEqual([
      "aws.cognito.signin.user.admin",
      "email",
      "openid",
      "profile",
    ]);
    expect(access).toMatchObject({
      sub: user.sub,
      client_id: pool.clientId,
      username: user.username,
      token_use: "access",
      version: 2,
    });
    expect(access.aud).toBeUndefined();

    // The token has aws.cognito.signin.user.admin, so the self-service API takes it.
    expect(expectData(await gateway.gql(GetUserDocument, {}, tokens.access_token)).getUser.username).toBe(
      user.username,
    );

    const info = await client.fetchUserInfo(config, tokens.access_token, user.sub);
    expect(info).toMatchObject({
      sub: user.sub,
      username: user.username,
      email: "ada@example.com",
      email_verified: "true",
      name: "Ada",
    });
    // userInfo narrows to the sets named: email and profile, not phone.
    expect(info.phone_number).toBeUndefined();

    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.refresh_token).toBeUndefined();
    expect(decodeJwt(refreshed.access_token).scope).toBe(access.scope);
    expect(decodeJwt(refreshed.id_token!).sub).toBe(user.sub);

    // Cognito's discovery has no revocation_endpoint: the relying party names it.
    const { supportsPKCE: _ignored, ...metadata } = config.serverMetadata();
    const withRevocation = new client.Configuration(
      { ...metadata, revocation_endpoint: `${pool.issuer}/oauth2/revoke` },
      pool.clientId,
      pool.clientSecret!,
      client.ClientSecretBasic(pool.clientSecret!),
    );
    client.allowInsecureRequests(withRevocation);
    await client.tokenRevocation(withRevocation, tokens.refresh_token!);
    await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
      error: "invalid_grant",
    });
    const revokedInfo = await fetch(`${pool.issuer}/oauth2/userInfo`, {
      headers: { authorization: `Bearer ${refreshed.access_token}` },
    });
    expect(revokedInfo.status).toBe(401);
    expect(revokedInfo.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect(await revokedInfo.text()).toBe("");

    // Logout: the session cookie goes, and with it single sign-on.
    expect(jar.cookies.get("cognito")).toBeTruthy();
    const staleCookie = jar.header();
    const logout = await browserGet(
      `${pool.issuer}/logout?client_id=${pool.clientId}&logout_uri=${encodeURIComponent(LOGOUT_URL)}&state=ignored`,
      jar,
    );
    expect(locationOf(logout)).toBe(LOGOUT_URL);
    expect(jar.cookies.has("cognito")).toBe(false);
    // Even the old cookie, replayed, names no session any more.
    const silent = await fetch(
      client.buildAuthorizationUrl(config, { redirect_uri: CALLBACK, scope: "openid", prompt: "none", state: "s1" }),
      { redirect: "manual", headers: { cookie: staleCookie } },
    );
    expect(new URL(locationOf(silent as Response)).searchParams.get("error")).toBe("login_required");
  });

  it("single sign-on: another client of the pool gets a code from the session, prompt=none too; prompt=login asks again", async () => {
    const pool = await confidentialPool();
    const user = await createOAuthUser(gateway, pool.poolId);
    const config = await discoverPool(pool);
    const { jar } = await obtainCode(config, user);
    const second = expectData(
      await gateway.gql(CreateUserPoolClientDocument, {
        userPoolId: pool.poolId,
        input: { clientName: "second", ...oauthClientSettings() },
      }),
    ).createUserPoolClient;
    const secondConfig = await discoverPool({ ...pool, clientId: second.clientId, clientSecret: null });
    const verifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(secondConfig, {
      redirect_uri: CALLBACK,
      scope: "openid",
      state: "st",
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      prompt: "none",
    });
    const callback = new URL(locationOf(await browserGet(url.toString(), jar)));
    expect(callback.searchParams.get("state")).toBe("st");
    const tokens = await client.authorizationCodeGrant(secondConfig, callback, {
      pkceCodeVerifier: verifier,
      expectedState: "st",
    });
    expect(tokens.claims()!.sub).toBe(user.sub);
    expect(decodeJwt(tokens.access_token).client_id).toBe(second.clientId);
    const forced = locationOf(
      await browserGet(
        client
          .buildAuthorizationUrl(secondConfig, { redirect_uri: CALLBACK, scope: "openid", prompt: "login" })
          .toString(),
        jar,
      ),
    );
    expect(new URL(forced).pathname).toBe(`/${pool.poolId}/login`);
  });

  it("refuses the self-service API to an OAuth token without aws.cognito.signin.user.admin, and userInfo to an API-issued token", async () => {
    const pool = await confidentialPool();
    const user = await createOAuthUser(gateway, pool.poolId, [
      { name: "email", value: "b@example.com" },
      { name: "name", value: "Bea" },
    ]);
    const config = await discoverPool(pool);
    const { callback, verifier, state, nonce } = await obtainCode(config, user, { scope: "openid email" });
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
    });
    expect(errorCodes(await gateway.gql(GetUserDocument, {}, tokens.access_token))).toEqual(["NotAuthorizedException"]);
    expect(await client.fetchUserInfo(config, tokens.access_token, user.sub)).toEqual({
      sub: user.sub,
      email: "b@example.com",
      email_verified: "false",
      username: user.username,
    });
    // openid email: the ID token carries the email set only (reference-oauth §10.1).
    expect(tokens.claims()).toMatchObject({ email: "b@example.com", email_verified: false });
    expect(tokens.claims()!.name).toBeUndefined();

    const apiTokens = expectTokens(
      await passwordSignIn(gateway, pool.clientId, user.username, user.password, {
        SECRET_HASH: secretHashOf(pool.clientSecret!, user.username, pool.clientId),
      }),
    );
    const apiInfo = await fetch(`${pool.issuer}/oauth2/userInfo`, {
      headers: { authorization: `Bearer ${apiTokens.accessToken}` },
    });
    expect(apiInfo.status).toBe(401);
    const noToken = await fetch(`${pool.issuer}/oauth2/userInfo`);
    expect(noToken.status).toBe(400);
    expect(noToken.headers.get("www-authenticate")).toBe(
      'Bearer error="invalid_request", error_description="Bad OAuth2 request at UserInfo Endpoint"',
    );
    // A disabled user's token is refused.
    expectData(await gateway.gql(AdminDisableUserDocument, { userPoolId: pool.poolId, username: user.username }));
    expect(
      (
        await fetch(`${pool.issuer}/oauth2/userInfo`, {
          method: "POST",
          headers: { authorization: `Bearer ${tokens.access_token}` },
        })
      ).status,
    ).toBe(401);
  });

  it("binds a resource: the access token's aud, kept on refresh", async () => {
    const pool = await confidentialPool();
    const user = await createOAuthUser(gateway, pool.poolId);
    const config = await discoverPool(pool);
    const { callback, verifier, state, nonce } = await obtainCode(config, user, {
      resource: "https://api.example.com",
    });
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
    });
    expect(decodeJwt(tokens.access_token).aud).toBe("https://api.example.com");
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(decodeJwt(refreshed.access_token).aud).toBe("https://api.example.com");
  });

  it("rotates refresh tokens at /oauth2/token for a rotating client, and revokes the family on reuse", async () => {
    const pool = await confidentialPool({
      refreshTokenRotation: { feature: "ENABLED", retryGracePeriodSeconds: 0 },
      explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH"],
    });
    const user = await createOAuthUser(gateway, pool.poolId);
    const config = await discoverPool(pool);
    const { callback, verifier, state, nonce } = await obtainCode(config, user);
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
    });
    const rotated = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(rotated.refresh_token).toBeTruthy();
    expect(rotated.refresh_token).not.toBe(tokens.refresh_token);
    await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
      error: "invalid_grant",
    });
    // The reuse revoked the whole family, the successor included.
    await expect(client.refreshTokenGrant(config, rotated.refresh_token!)).rejects.toMatchObject({
      error: "invalid_grant",
    });
  });

  it("implicit flow: tokens in the fragment (ID token with openid only), never a refresh token; errors in the fragment too", async () => {
    const pool = await createOAuthPool(gateway, { allowedOAuthFlows: ["implicit"] });
    const user = await createOAuthUser(gateway, pool.poolId);
    const config = await discoverPool(pool);
    const { callback } = await authorizeInBrowser(
      client.buildAuthorizationUrl(config, {
        redirect_uri: CALLBACK,
        response_type: "token",
        scope: "openid profile",
        state: "imp",
        nonce: "n-1",
      }),
      user,
    );
    expect(callback.search).toBe("");
    const fragment = new URLSearchParams(callback.hash.slice(1));
    expect([...fragment.keys()].sort()).toEqual(["access_token", "expires_in", "id_token", "state", "token_type"]);
    expect(fragment.get("state")).toBe("imp");
    expect(fragment.get("token_type")).toBe("Bearer");
    expect(decodeJwt(fragment.get("id_token")!)).toMatchObject({
      nonce: "n-1",
      at_hash: atHashOf(fragment.get("access_token")!),
    });
    const { callback: withoutOpenId } = await authorizeInBrowser(
      client.buildAuthorizationUrl(config, {
        redirect_uri: CALLBACK,
        response_type: "token",
        scope: "aws.cognito.signin.user.admin",
        state: "x",
      }),
      user,
    );
    expect(new URLSearchParams(withoutOpenId.hash.slice(1)).has("id_token")).toBe(false);
    const refused = locationOf(
      await browserGet(
        client
          .buildAuthorizationUrl(config, { redirect_uri: CALLBACK, response_type: "token", scope: "email", state: "e" })
          .toString(),
      ),
    );
    expect(new URL(refused).hash).toBe("#error=invalid_scope&state=e");
  });

  it("rejects a changed state in openid-client and passes state through verbatim", async () => {
    const pool = await confidentialPool();
    const user = await createOAuthUser(gateway, pool.poolId);
    const config = await discoverPool(pool);
    const odd = "a b+c/d=é";
    const { callback, verifier } = await obtainCode(config, user, { state: odd });
    expect(callback.searchParams.get("state")).toBe(odd);
    const tampered = new URL(callback);
    tampered.searchParams.set("state", "forged");
    await expect(
      client.authorizationCodeGrant(config, tampered, { pkceCodeVerifier: verifier, expectedState: odd }),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/"state"/) } });
  });

  it("runs PreTokenGeneration V2 as TokenGeneration_HostedAuth with the granted scopes, binding at_hash to the edited access token", async () => {
    const receiver = await startTriggerReceiver();
    try {
      const prefix = `/${uniqueName("t")}`;
      const created = await createPoolWithClient(
        gateway,
        {
          lambdaConfig: {
            preTokenGenerationConfig: { lambdaVersion: "V2_0", lambdaArn: receiver.url(`${prefix}/token`) },
          },
        },
        { ...oauthClientSettings(), generateSecret: true },
      );
      expectData(await gateway.gql(RotateTriggerSecretDocument, { userPoolId: created.poolId }));
      receiver.on(`${prefix}/token`, (event) => ({
        ...event,
        response: {
          claimsAndScopeOverrideDetails: {
            accessTokenGeneration: { claimsToAddOrOverride: { tier: "gold" }, scopesToAdd: ["openid"] },
          },
        },
      }));
      const pool = {
        ...created,
        clientSecret: created.clientSecret!,
        issuer: `${gateway.config.publicUrl}/${created.poolId}`,
      };
      const user = await createOAuthUser(gateway, pool.poolId);
      const config = await discoverPool(pool);
      const { callback, verifier, state, nonce } = await obtainCode(config, user, { scope: "openid email" });
      const tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: verifier,
        expectedState: state,
        expectedNonce: nonce,
      });
      const [call] = receiver.at(`${prefix}/token`);
      expect(call!.event).toMatchObject({
        triggerSource: "TokenGeneration_HostedAuth",
        version: "2",
        request: { scopes: ["openid", "email"] },
      });
      expect(decodeJwt(tokens.access_token).tier).toBe("gold");
      expect(tokens.claims()!.at_hash).toBe(atHashOf(tokens.access_token));
    } finally {
      await receiver.close();
    }
  });

  it("basic client authentication is required of a confidential client at the code exchange", async () => {
    const pool = await confidentialPool();
    const user = await createOAuthUser(gateway, pool.poolId);
    const config = await discoverPool(pool);
    const { code, verifier } = await obtainCode(config, user);
    const answer = await postForm(`${pool.issuer}/oauth2/token`, {
      grant_type: "authorization_code",
      code,
      redirect_uri: CALLBACK,
      code_verifier: verifier,
      client_id: pool.clientId,
    });
    expect(answer).toMatchObject({ status: 400, body: { error: "invalid_client" } });
  });
});
