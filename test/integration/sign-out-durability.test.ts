import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  InitiateAuthCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cognitoClient, createAwsCredentials } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import {
  AdminUserGlobalSignOutDocument,
  CreateUserPoolClientDocument,
  GetUserDocument,
  GlobalSignOutDocument,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import { createOAuthPool, createOAuthUser, getOAuthTestApp, postForm } from "../support/oauth.js";
import {
  createConfirmedUser,
  expectError,
  expectTokens,
  passwordSignIn,
  refreshSignIn,
  refreshTokens,
  signInEnv,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const FLOWS = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] as const;

// AWS: AdminDisableUser "deactivates a user and revokes all access tokens for the user". Enabling the
// user again must not bring any of them back (found in review: disable then enable revived every token).
describe.each(BACKENDS)("AdminDisableUser ends every session of the user on $name", (backend) => {
  let gateway: TestApp;
  let admin: CognitoIdentityProviderClient;
  beforeAll(async () => {
    gateway = await getOAuthTestApp(backend);
    admin = cognitoClient(gateway, await createAwsCredentials(gateway));
  });
  afterAll(async () => {
    admin?.destroy();
    await gateway?.close();
  });

  it("old access and refresh tokens stay dead after AdminEnableUser, on every way in; a new sign-in works", async () => {
    const pool = await createOAuthPool(gateway, { explicitAuthFlows: [...FLOWS] });
    // A second client without token revocation: its access tokens name no refresh-token family.
    const plainClientId = expectData(
      await gateway.gql(CreateUserPoolClientDocument, {
        userPoolId: pool.poolId,
        input: { clientName: "plain", explicitAuthFlows: [...FLOWS], enableTokenRevocation: false },
      }),
    ).createUserPoolClient.clientId;
    const user = await createOAuthUser(gateway, pool.poolId);
    const tokens = expectTokens(await passwordSignIn(gateway, pool.clientId, user.username, GOOD_PASSWORD));
    const plain = expectTokens(await passwordSignIn(gateway, plainClientId, user.username, GOOD_PASSWORD));
    expect(decodeJwt(plain.accessToken).origin_jti).toBeUndefined();
    for (const accessToken of [tokens.accessToken, plain.accessToken])
      expect(expectData(await gateway.gql(GetUserDocument, {}, accessToken)).getUser.username).toBe(user.username);

    const ref = { UserPoolId: pool.poolId, Username: user.username };
    await admin.send(new AdminDisableUserCommand(ref));
    await admin.send(new AdminEnableUserCommand(ref));

    for (const accessToken of [tokens.accessToken, plain.accessToken])
      expectError(await gateway.gql(GetUserDocument, {}, accessToken), "NotAuthorizedException", /revoked/);
    expectError(await refreshSignIn(gateway, pool.clientId, tokens.refreshToken!), "NotAuthorizedException");
    expectError(await refreshSignIn(gateway, plainClientId, plain.refreshToken!), "NotAuthorizedException");
    expectError(await refreshTokens(gateway, pool.clientId, tokens.refreshToken!), "NotAuthorizedException");
    await expect(
      cognitoClient(gateway).send(
        new InitiateAuthCommand({
          ClientId: pool.clientId,
          AuthFlow: "REFRESH_TOKEN_AUTH",
          AuthParameters: { REFRESH_TOKEN: tokens.refreshToken! },
        }),
      ),
    ).rejects.toMatchObject({ name: "NotAuthorizedException" });
    const viaTokenEndpoint = await postForm(`${pool.issuer}/oauth2/token`, {
      grant_type: "refresh_token",
      client_id: pool.clientId,
      refresh_token: tokens.refreshToken!,
    });
    expect(viaTokenEndpoint.status, JSON.stringify(viaTokenEndpoint.body)).toBe(400);
    expect(viaTokenEndpoint.body.error).toBe("invalid_grant");

    // The user is back: a new sign-in gets tokens that work and refresh.
    const fresh = expectTokens(await passwordSignIn(gateway, pool.clientId, user.username, GOOD_PASSWORD));
    expect(expectData(await gateway.gql(GetUserDocument, {}, fresh.accessToken)).getUser.username).toBe(user.username);
    expectTokens(await refreshSignIn(gateway, pool.clientId, fresh.refreshToken!));
  });
});

// Access tokens without origin_jti are refused after a global sign-out by its recorded time alone. That
// record must outlive the short-lived store: the embedded gateway keeps the store in its process, and
// README promises that a restarted or failed-over Redis costs sign-ins in progress, never tokens.
describe.each(BACKENDS)("a global sign-out outlives the short-lived store on $name", (backend) => {
  const secretsKey = randomBytes(32).toString("base64");
  const dataDir = mkdtempSync(path.join(tmpdir(), "gw-sign-out-"));
  let gateway: TestApp | undefined;
  afterAll(async () => {
    await gateway?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /**
   * A gateway on the same database and secrets key. Embedded: a restart of the one process (same data
   * directory). MariaDB + Redis: a Redis key prefix of its own, as a Redis that lost every key.
   */
  const start = () =>
    getTestApp(backend, {
      dataDir,
      env: {
        ...signInEnv(backend),
        SECRETS_KEY: secretsKey,
        ...(backend.env.REDIS_URL ? { REDIS_KEY_PREFIX: `gw-${uniqueName("lost")}:` } : {}),
      },
    });

  it("keeps refusing the access tokens of GlobalSignOut and AdminUserGlobalSignOut; other tokens keep working", async () => {
    gateway = await start();
    const { poolId, clientId } = await createPoolWithClient(
      gateway,
      {},
      { explicitAuthFlows: [...FLOWS], enableTokenRevocation: false },
    );
    const signedIn = async (prefix: string) => {
      const { username } = await createConfirmedUser(gateway!, poolId, uniqueName(prefix), GOOD_PASSWORD);
      const { accessToken } = expectTokens(await passwordSignIn(gateway!, clientId, username, GOOD_PASSWORD));
      expect(decodeJwt(accessToken).origin_jti).toBeUndefined();
      return { username, accessToken };
    };
    const self = await signedIn("self");
    const byAdmin = await signedIn("admin");
    const bystander = await signedIn("bystander");
    expect(expectData(await gateway.gql(GlobalSignOutDocument, {}, self.accessToken)).globalSignOut).toBe(true);
    expectData(await gateway.gql(AdminUserGlobalSignOutDocument, { userPoolId: poolId, username: byAdmin.username }));
    for (const { accessToken } of [self, byAdmin])
      expectError(await gateway.gql(GetUserDocument, {}, accessToken), "NotAuthorizedException", /revoked/);

    await gateway.close();
    gateway = await start();

    for (const { accessToken } of [self, byAdmin])
      expectError(await gateway.gql(GetUserDocument, {}, accessToken), "NotAuthorizedException", /revoked/);
    // The restart itself refuses nothing: a token nobody signed out still works.
    expect(expectData(await gateway.gql(GetUserDocument, {}, bystander.accessToken)).getUser.username).toBe(
      bystander.username,
    );
  });
});
