import * as client from "openid-client";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import {
  AdminResetUserPasswordDocument,
  GetUserDocument,
  GlobalSignOutDocument,
  UpdateUserPoolClientDocument,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import {
  authorizeInBrowser,
  CALLBACK,
  createOAuthPool,
  createOAuthUser,
  discoverPool,
  getOAuthTestApp,
} from "../support/oauth.js";
import {
  createConfirmedUser,
  expectError,
  expectTokens,
  passwordSignIn,
  refreshSignIn,
  refreshTokens,
} from "../support/sign-in.js";
import type { TestApp } from "../support/test-app.js";
import { useTriggerSuite } from "../support/trigger-suite.js";

// Ways a refresh or an access token outlived what should have ended it (found in review, 2026-12-06).
describe.each(BACKENDS)("refresh and access tokens after rotation, sign-out and reset on $name", (backend) => {
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getOAuthTestApp(backend);
  });
  afterAll(async () => gateway?.close());

  it("a token rotation used up stays used up after the client turns rotation off: its use is reuse", async () => {
    const pool = await createOAuthPool(gateway, {
      explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      refreshTokenRotation: { feature: "ENABLED", retryGracePeriodSeconds: 0 },
    });
    const user = await createConfirmedUser(gateway, pool.poolId, uniqueName("rotated"), GOOD_PASSWORD);
    const first = expectTokens(await passwordSignIn(gateway, pool.clientId, user.username, GOOD_PASSWORD));
    const second = expectTokens(await refreshTokens(gateway, pool.clientId, first.refreshToken!));
    expect(second.refreshToken).toBeTruthy();
    expectData(
      await gateway.gql(UpdateUserPoolClientDocument, {
        userPoolId: pool.poolId,
        clientId: pool.clientId,
        input: { refreshTokenRotation: { feature: "DISABLED", retryGracePeriodSeconds: 0 } },
      }),
    );
    // Both APIs refuse the old token, in parallel too, and the family goes with it: the newer token stops working.
    const attempts = await Promise.all([
      refreshTokens(gateway, pool.clientId, first.refreshToken!),
      refreshSignIn(gateway, pool.clientId, first.refreshToken!),
      refreshTokens(gateway, pool.clientId, first.refreshToken!),
    ]);
    // The first to be decided revokes the family (RefreshTokenReuseException); the others then find it revoked.
    const codes = attempts.map((attempt) => errorCodes(attempt));
    for (const code of codes) expect(["RefreshTokenReuseException", "NotAuthorizedException"]).toContain(code[0]);
    expect(codes.flat()).toContain("RefreshTokenReuseException");
    expectError(await refreshTokens(gateway, pool.clientId, second.refreshToken!), "NotAuthorizedException", /revoked/);
  });

  it("an access token of the implicit grant stops working at GlobalSignOut", async () => {
    const pool = await createOAuthPool(gateway, { allowedOAuthFlows: ["implicit"] });
    const user = await createOAuthUser(gateway, pool.poolId);
    const config = await discoverPool(pool);
    const { callback } = await authorizeInBrowser(
      client.buildAuthorizationUrl(config, {
        redirect_uri: CALLBACK,
        response_type: "token",
        scope: "openid aws.cognito.signin.user.admin",
        state: "s",
        nonce: "n",
      }),
      user,
    );
    const accessToken = new URLSearchParams(callback.hash.slice(1)).get("access_token")!;
    // No refresh token is stored for this grant, so there is no family for an origin_jti to name.
    expect(decodeJwt(accessToken).origin_jti).toBeUndefined();
    expect(expectData(await gateway.gql(GetUserDocument, {}, accessToken)).getUser.username).toBe(user.username);
    expect(expectData(await gateway.gql(GlobalSignOutDocument, {}, accessToken)).globalSignOut).toBe(true);
    expectError(await gateway.gql(GetUserDocument, {}, accessToken), "NotAuthorizedException", /revoked/);
    const userInfo = await fetch(`${pool.issuer}/oauth2/userInfo`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(userInfo.status).toBe(401);
  });

  it("a user told to reset the password cannot refresh: PasswordResetRequiredException, as the tokens would get", async () => {
    const pool = await createOAuthPool(gateway, {
      explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    });
    const user = await createConfirmedUser(gateway, pool.poolId, uniqueName("reset"), GOOD_PASSWORD, [
      { name: "email", value: `${uniqueName("reset")}@example.com` },
      { name: "email_verified", value: "true" },
    ]);
    const tokens = expectTokens(await passwordSignIn(gateway, pool.clientId, user.username, GOOD_PASSWORD));
    expectData(await gateway.gql(AdminResetUserPasswordDocument, { userPoolId: pool.poolId, username: user.username }));
    expectError(await refreshTokens(gateway, pool.clientId, tokens.refreshToken!), "PasswordResetRequiredException");
    expectError(await refreshSignIn(gateway, pool.clientId, tokens.refreshToken!), "PasswordResetRequiredException");
  });

  const suite = useTriggerSuite(backend);
  it("without token revocation, a GlobalSignOut while a refresh runs refuses that refresh", async () => {
    const { poolId, clientId, path } = await suite.poolWithTriggers(
      (url) => ({ preTokenGeneration: url("/token") }),
      {},
      { enableTokenRevocation: false },
    );
    const { username } = await createConfirmedUser(suite.gateway, poolId, uniqueName("race"), GOOD_PASSWORD);
    const tokens = expectTokens(await passwordSignIn(suite.gateway, clientId, username, GOOD_PASSWORD));
    suite.receiver.on(path("/token"), async (event) => {
      if (event.triggerSource === "TokenGeneration_RefreshTokens") {
        // The sign-out lands after the refresh read the token; the wait puts the new token's iat a second later.
        expectData(await suite.gateway.gql(GlobalSignOutDocument, {}, tokens.accessToken));
        await new Promise((resolve) => setTimeout(resolve, 1_100));
      }
      return event;
    });
    expectError(
      await refreshTokens(suite.gateway, clientId, tokens.refreshToken!),
      "NotAuthorizedException",
      /revoked/,
    );
    expectError(await suite.gateway.gql(GetUserDocument, {}, tokens.accessToken), "NotAuthorizedException", /revoked/);
  });
});
