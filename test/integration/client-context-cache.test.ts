import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import {
  DeleteUserPoolClientDocument,
  DeleteUserPoolDocument,
  GetUserDocument,
  SetUserPoolMfaConfigDocument,
  UpdateUserPoolClientDocument,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import {
  createConfirmedUser,
  expectChallenge,
  expectError,
  expectTokens,
  passwordSignIn,
  refreshSignIn,
  signInEnv,
  srpSignIn,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/**
 * Every public call keeps its app client and pool in a per-process cache (no TTL). These tests prove
 * an admin's change is seen by the very next call: in the process that made it, and in another
 * process sharing the database and Redis, which hears of it over the store's pub/sub. Each test
 * first signs in on every process involved, so the old settings are cached there.
 */
describe.each(BACKENDS)("app client and pool changes reach cached sign-in contexts on $name", (backend) => {
  let gateway: TestApp;
  // One key for every process, as a deployment has: passwords are peppered and secrets sealed with it.
  const env = { ...signInEnv(backend), SECRETS_KEY: randomBytes(32).toString("base64") };

  beforeAll(async () => {
    gateway = await getTestApp(backend, { env });
  });
  afterAll(async () => gateway?.close());

  async function signedInUser(on: TestApp[] = [gateway]) {
    const { poolId, clientId } = await createPoolWithClient(gateway);
    const { username } = await createConfirmedUser(gateway, poolId, uniqueName("cached"), GOOD_PASSWORD);
    // Warms the cache of every process with the current settings (sign-in, and an access-token check).
    let accessToken = "";
    for (const app of on) {
      const tokens = expectTokens(await passwordSignIn(app, clientId, username, GOOD_PASSWORD));
      expect(tokens.expiresIn).toBe(3600);
      expect(expectData(await app.gql(GetUserDocument, {}, tokens.accessToken)).getUser.username).toBe(username);
      accessToken = tokens.accessToken;
    }
    return { poolId, clientId, username, accessToken };
  }

  /** Leaves the client only SRP: USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH are refused from now on. */
  async function disableFlows(target: { poolId: string; clientId: string }, via: TestApp = gateway): Promise<void> {
    expectData(
      await via.gql(UpdateUserPoolClientDocument, {
        userPoolId: target.poolId,
        clientId: target.clientId,
        input: { explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"] },
      }),
    );
  }

  it("refuses a flow on the very next call after the client stopped allowing it, and allows it again at once", async () => {
    const user = await signedInUser();
    await disableFlows(user);
    expectError(
      await passwordSignIn(gateway, user.clientId, user.username, GOOD_PASSWORD),
      "InvalidParameterException",
      "USER_PASSWORD_AUTH flow not enabled for this client",
    );
    expectError(
      await refreshSignIn(gateway, user.clientId, "x".repeat(40)),
      "InvalidParameterException",
      "REFRESH_TOKEN_AUTH flow not enabled for this client",
    );
    expectTokens(await srpSignIn(gateway, { ...user, password: GOOD_PASSWORD }));
    expectData(
      await gateway.gql(UpdateUserPoolClientDocument, {
        userPoolId: user.poolId,
        clientId: user.clientId,
        input: { explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH"] },
      }),
    );
    expectTokens(await passwordSignIn(gateway, user.clientId, user.username, GOOD_PASSWORD));
  });

  it("issues tokens with the client's new validity on the next sign-in", async () => {
    const user = await signedInUser();
    expectData(
      await gateway.gql(UpdateUserPoolClientDocument, {
        userPoolId: user.poolId,
        clientId: user.clientId,
        input: { accessTokenValidity: 5, tokenValidityUnits: { accessToken: "minutes" } },
      }),
    );
    expect(expectTokens(await passwordSignIn(gateway, user.clientId, user.username, GOOD_PASSWORD)).expiresIn).toBe(
      300,
    );
  });

  it("applies the pool's new MFA configuration to the next sign-in", async () => {
    const user = await signedInUser();
    expectData(
      await gateway.gql(SetUserPoolMfaConfigDocument, {
        userPoolId: user.poolId,
        input: { mfaConfiguration: "ON", enabledMfas: ["SOFTWARE_TOKEN_MFA"] },
      }),
    );
    expectChallenge(await passwordSignIn(gateway, user.clientId, user.username, GOOD_PASSWORD), "MFA_SETUP");
  });

  it("answers ResourceNotFoundException on the next call after the client or its pool was deleted, and refuses its access tokens", async () => {
    const first = await signedInUser();
    expectData(await gateway.gql(DeleteUserPoolClientDocument, { userPoolId: first.poolId, clientId: first.clientId }));
    expectError(
      await passwordSignIn(gateway, first.clientId, first.username, GOOD_PASSWORD),
      "ResourceNotFoundException",
    );
    expectError(
      await gateway.gql(GetUserDocument, {}, first.accessToken),
      "NotAuthorizedException",
      "Invalid Access Token",
    );

    const second = await signedInUser();
    expectData(await gateway.gql(DeleteUserPoolDocument, { userPoolId: second.poolId }));
    expectError(
      await passwordSignIn(gateway, second.clientId, second.username, GOOD_PASSWORD),
      "ResourceNotFoundException",
    );
  });

  // A second process needs the shared database and store; the embedded backend has neither.
  describe.skipIf(backend.name === "embedded")("with a second gateway process", () => {
    let other: TestApp;
    beforeAll(async () => {
      other = await getTestApp(backend, { env });
    });
    afterAll(async () => other?.close());

    it("refuses the other process's access-token check on its very next call after the client was deleted here", async () => {
      const user = await signedInUser([gateway, other]);
      expectData(await gateway.gql(DeleteUserPoolClientDocument, { userPoolId: user.poolId, clientId: user.clientId }));
      expectError(
        await other.gql(GetUserDocument, {}, user.accessToken),
        "NotAuthorizedException",
        "Invalid Access Token",
      );
    });

    it("refuses a flow on the other process's very next call after the client changed here", async () => {
      const user = await signedInUser([gateway, other]);
      await disableFlows(user, gateway);
      expectError(
        await passwordSignIn(other, user.clientId, user.username, GOOD_PASSWORD),
        "InvalidParameterException",
        "USER_PASSWORD_AUTH flow not enabled for this client",
      );
      // And the other way round: a change made on the second process reaches this one.
      expectData(
        await other.gql(UpdateUserPoolClientDocument, {
          userPoolId: user.poolId,
          clientId: user.clientId,
          input: { explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH"] },
        }),
      );
      expectTokens(await passwordSignIn(gateway, user.clientId, user.username, GOOD_PASSWORD));
    });

    it("applies a pool change made here on the other process's very next call", async () => {
      const user = await signedInUser([gateway, other]);
      expectData(
        await gateway.gql(SetUserPoolMfaConfigDocument, {
          userPoolId: user.poolId,
          input: { mfaConfiguration: "ON", enabledMfas: ["SOFTWARE_TOKEN_MFA"] },
        }),
      );
      expectChallenge(await passwordSignIn(other, user.clientId, user.username, GOOD_PASSWORD), "MFA_SETUP");
    });

    it("answers ResourceNotFoundException on the other process after the pool was deleted here", async () => {
      const user = await signedInUser([gateway, other]);
      expectData(await gateway.gql(DeleteUserPoolDocument, { userPoolId: user.poolId }));
      expectError(
        await passwordSignIn(other, user.clientId, user.username, GOOD_PASSWORD),
        "ResourceNotFoundException",
      );
      expectError(
        await other.gql(GetUserDocument, {}, user.accessToken),
        "NotAuthorizedException",
        "Invalid Access Token",
      );
    });
  });
});
