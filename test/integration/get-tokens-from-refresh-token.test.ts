import { randomUUID } from "node:crypto";
import { GetTokensFromRefreshTokenCommand, InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/lib/clock.js";
import { cognitoClient, rawCall } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { createDeviceVerifier } from "../support/cognito-device-client.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import {
  ConfirmDeviceDocument,
  RevokeTokenDocument,
  type CreateUserPoolClientInput,
  type CreateUserPoolInput,
} from "../support/generated/graphql.js";
import { errorCodes, expectData, type GraphqlResult } from "../support/graphql-client.js";
import {
  createConfirmedUser,
  expectError,
  expectTokens,
  listEvents,
  passwordSignIn,
  refreshSignIn,
  refreshTokens,
  secretHashOf,
  signInEnv,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { useTriggerSuite } from "../support/trigger-suite.js";

const ROTATION_REFUSED = /GetTokensFromRefreshToken/;
const LOSING_CODES = ["NotAuthorizedException", "RefreshTokenReuseException"];

describe.each(BACKENDS)("GetTokensFromRefreshToken on $name", (backend) => {
  let gateway: TestApp;
  const clock = createManualClock(new Date());

  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend), overrides: { clock } });
  });
  afterAll(async () => gateway?.close());
  beforeEach(() => clock.set(new Date()));

  async function signedIn(
    clientInput: Partial<CreateUserPoolClientInput> = {},
    poolInput: Partial<CreateUserPoolInput> = {},
  ) {
    const { poolId, clientId, clientSecret } = await createPoolWithClient(gateway, poolInput, clientInput);
    const { username } = await createConfirmedUser(gateway, poolId, uniqueName("gt"), GOOD_PASSWORD);
    const extra = clientSecret ? { SECRET_HASH: secretHashOf(clientSecret, username, clientId) } : {};
    const tokens = expectTokens(await passwordSignIn(gateway, clientId, username, GOOD_PASSWORD, extra));
    return { poolId, clientId, clientSecret, username, tokens };
  }
  const rotating = (retryGracePeriodSeconds: number, extra: Partial<CreateUserPoolClientInput> = {}) => ({
    refreshTokenRotation: { feature: "ENABLED" as const, retryGracePeriodSeconds },
    ...extra,
  });

  /** The wire action as the AWS SDK v3 sends it (public: unsigned). */
  const sdkRefresh = (
    clientId: string,
    refreshToken: string,
    extra: { ClientSecret?: string; DeviceKey?: string } = {},
  ) =>
    cognitoClient(gateway).send(
      new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: refreshToken, ...extra }),
    );
  const sdkError = async (promise: Promise<unknown>): Promise<{ name: string; message: string }> => {
    const error = (await promise.then(
      () => null,
      (caught: unknown) => caught,
    )) as { name: string; message: string } | null;
    if (!error) throw new Error("expected an error");
    return error;
  };

  it("without rotation: ID and access tokens only, over GraphQL and the SDK; the old refresh token keeps working (also for REFRESH_TOKEN_AUTH)", async () => {
    const user = await signedIn();
    const original = user.tokens.refreshToken!;
    clock.advanceSeconds(60);
    const refreshed = expectTokens(await refreshTokens(gateway, user.clientId, original));
    expect(refreshed.refreshToken).toBeNull();
    expect(refreshed.tokenType).toBe("Bearer");
    expect(refreshed.expiresIn).toBe(3600);
    const claims = decodeJwt(refreshed.accessToken);
    expect(claims.iat).toBe(Math.floor(clock.nowMs() / 1000));
    expect(claims.auth_time).toBe(decodeJwt(user.tokens.accessToken).auth_time);

    const wire = await sdkRefresh(user.clientId, original);
    expect(wire.AuthenticationResult?.AccessToken).toBeTruthy();
    expect(wire.AuthenticationResult?.IdToken).toBeTruthy();
    expect(wire.AuthenticationResult?.RefreshToken).toBeUndefined();
    expect(wire.AuthenticationResult?.ExpiresIn).toBe(3600);
    expectTokens(await refreshTokens(gateway, user.clientId, original));
    expectTokens(await refreshSignIn(gateway, user.clientId, original));

    expectError(
      await refreshTokens(gateway, user.clientId, `${original.slice(0, -2)}xx`),
      "NotAuthorizedException",
      "Invalid Refresh Token",
    );
    const otherClient = await createPoolWithClient(gateway);
    expectError(
      await refreshTokens(gateway, otherClient.clientId, original),
      "NotAuthorizedException",
      "Invalid Refresh Token",
    );
    expect((await sdkError(sdkRefresh("nosuchclient1234567890", original))).name).toBe("ResourceNotFoundException");
    // Input constraints as on the wire: a token outside TokenModelType's alphabet.
    expect((await sdkError(sdkRefresh(user.clientId, "not a token!"))).name).toBe("InvalidParameterException");
  });

  it("without rotation, parallel refreshes of several users each store their TOKENS_REFRESHED exactly once", async () => {
    const first = await signedIn();
    const others = await Promise.all(
      [1, 2].map(async () => {
        const { username } = await createConfirmedUser(gateway, first.poolId, uniqueName("gt"), GOOD_PASSWORD);
        return {
          username,
          tokens: expectTokens(await passwordSignIn(gateway, first.clientId, username, GOOD_PASSWORD)),
        };
      }),
    );
    const users = [first, ...others].map((user) => ({
      sub: decodeJwt(user.tokens.accessToken).sub!,
      refreshToken: user.tokens.refreshToken!,
    }));
    const refreshedOf = async (sub: string) =>
      (await listEvents(gateway, first.poolId)).filter(
        (event) => event.type === "TOKENS_REFRESHED" && event.detail.userSub === sub,
      ).length;
    const completed = new Map(users.map((user) => [user.sub, 0]));
    // 8 per user, through both APIs; each caller looks for its user's events as soon as its tokens arrive.
    await Promise.all(
      users.flatMap((user) =>
        Array.from({ length: 8 }, async (_, n) => {
          const result =
            n % 2 === 0
              ? await refreshTokens(gateway, first.clientId, user.refreshToken)
              : await refreshSignIn(gateway, first.clientId, user.refreshToken);
          expect(expectTokens(result).refreshToken).toBeNull();
          const done = completed.get(user.sub)! + 1;
          completed.set(user.sub, done);
          expect(await refreshedOf(user.sub)).toBeGreaterThanOrEqual(done);
        }),
      ),
    );
    for (const user of users) expect(await refreshedOf(user.sub)).toBe(8);
  });

  it("with rotation: a new refresh token each time that expires with the sign-in's first one (no sliding); REFRESH_TOKEN_AUTH is refused", async () => {
    const user = await signedIn(
      rotating(0, { refreshTokenValidity: 60, tokenValidityUnits: { refreshToken: "minutes" } }),
    );
    const original = user.tokens.refreshToken!;
    expectError(await refreshSignIn(gateway, user.clientId, original), "NotAuthorizedException", ROTATION_REFUSED);
    const wireLegacy = await sdkError(
      cognitoClient(gateway).send(
        new InitiateAuthCommand({
          ClientId: user.clientId,
          AuthFlow: "REFRESH_TOKEN_AUTH",
          AuthParameters: { REFRESH_TOKEN: original },
        }),
      ),
    );
    expect(wireLegacy.name).toBe("NotAuthorizedException");
    expect(wireLegacy.message).toMatch(ROTATION_REFUSED);

    clock.advanceSeconds(30 * 60);
    const second = expectTokens(await refreshTokens(gateway, user.clientId, original));
    expect(second.refreshToken).toBeTruthy();
    expect(second.refreshToken).not.toBe(original);
    expect(decodeJwt(second.accessToken).auth_time).toBe(decodeJwt(user.tokens.accessToken).auth_time);
    clock.advanceSeconds(20 * 60);
    const third = (await sdkRefresh(user.clientId, second.refreshToken!)).AuthenticationResult!;
    expect(third.RefreshToken).toBeTruthy();
    // 59:59 after the sign-in the newest token still works; at 60:00 it has expired with the first one.
    clock.advanceSeconds(10 * 60 - 1);
    const fourth = expectTokens(await refreshTokens(gateway, user.clientId, third.RefreshToken!));
    clock.advanceSeconds(1);
    expectError(
      await refreshTokens(gateway, user.clientId, fourth.refreshToken!),
      "NotAuthorizedException",
      "Refresh Token has expired",
    );
  });

  it("with rotation: a retry within the grace period gets tokens; a use after it is RefreshTokenReuseException and revokes the family (GraphQL and SDK)", async () => {
    const user = await signedIn(rotating(10));
    const original = user.tokens.refreshToken!;
    const first = expectTokens(await refreshTokens(gateway, user.clientId, original));
    clock.advanceSeconds(10);
    const retry = (await sdkRefresh(user.clientId, original)).AuthenticationResult!;
    expect(retry.RefreshToken).toBeTruthy();
    clock.advanceSeconds(1);
    const reuse = await sdkError(sdkRefresh(user.clientId, original));
    expect(reuse.name).toBe("RefreshTokenReuseException");
    for (const token of [first.refreshToken!, retry.RefreshToken!, original]) {
      expectError(
        await refreshTokens(gateway, user.clientId, token),
        "NotAuthorizedException",
        "Refresh Token has been revoked",
      );
    }
    // With no grace period the very next use is reuse.
    const strict = await signedIn(rotating(0));
    const successor = expectTokens(
      await refreshTokens(gateway, strict.clientId, strict.tokens.refreshToken!),
    ).refreshToken!;
    expectError(
      await refreshTokens(gateway, strict.clientId, strict.tokens.refreshToken!),
      "RefreshTokenReuseException",
    );
    expectError(
      await refreshTokens(gateway, strict.clientId, successor),
      "NotAuthorizedException",
      "Refresh Token has been revoked",
    );
  });

  it("20 simultaneous uses of one token with no grace period: exactly one succeeds, at most one successor works", async () => {
    const user = await signedIn(rotating(0));
    const token = user.tokens.refreshToken!;
    const uses = Array.from({ length: 20 }, (_, index) =>
      index % 2 === 0
        ? refreshTokens(gateway, user.clientId, token).then((result) => outcomeOf(result))
        : rawCall(gateway, "GetTokensFromRefreshToken", { ClientId: user.clientId, RefreshToken: token }).then(
            (response) =>
              response.status === 200
                ? {
                    refreshToken:
                      (response.body.AuthenticationResult as { RefreshToken?: string }).RefreshToken ?? null,
                    code: null,
                  }
                : { refreshToken: null, code: String(response.body.__type) },
          ),
    );
    const outcomes = await Promise.all(uses);
    const winners = outcomes.filter((outcome) => outcome.code === null);
    expect(winners).toHaveLength(1);
    for (const outcome of outcomes) if (outcome.code !== null) expect(LOSING_CODES).toContain(outcome.code);
    const successors = winners.map((winner) => winner.refreshToken!);
    const working = (
      await Promise.all(
        successors.map(async (successor) => outcomeOf(await refreshTokens(gateway, user.clientId, successor))),
      )
    ).filter((outcome) => outcome.code === null);
    expect(working.length).toBeLessThanOrEqual(1);
  });

  it("a client with a secret needs ClientSecret itself (not a SECRET_HASH), compared whole", async () => {
    for (const rotation of [{}, rotating(0)]) {
      const user = await signedIn({ generateSecret: true, ...rotation });
      const token = user.tokens.refreshToken!;
      expectError(
        await refreshTokens(gateway, user.clientId, token),
        "NotAuthorizedException",
        /ClientSecret was not received/,
      );
      expectError(
        await refreshTokens(gateway, user.clientId, token, {
          clientSecret: `${user.clientSecret!.slice(0, -1)}${user.clientSecret!.endsWith("x") ? "y" : "x"}`,
        }),
        "NotAuthorizedException",
        /ClientSecret does not match/,
      );
      expectError(
        await refreshTokens(gateway, user.clientId, token, {
          clientSecret: secretHashOf(user.clientSecret!, user.username, user.clientId).replace(/[=/]/g, ""),
        }),
        "NotAuthorizedException",
      );
      expect((await sdkError(sdkRefresh(user.clientId, token, { ClientSecret: "wrongsecret" }))).name).toBe(
        "NotAuthorizedException",
      );
      // The failed attempts did not use the token up.
      expectTokens(await refreshTokens(gateway, user.clientId, token, { clientSecret: user.clientSecret! }));
    }
    const user = await signedIn({ generateSecret: true });
    expect(
      (await sdkRefresh(user.clientId, user.tokens.refreshToken!, { ClientSecret: user.clientSecret! }))
        .AuthenticationResult?.AccessToken,
    ).toBeTruthy();
  });

  it("a device's refresh token needs that device's key once the device is confirmed, with and without rotation", async () => {
    for (const rotation of [{}, rotating(60)]) {
      const user = await signedIn(rotation, {
        deviceConfiguration: { challengeRequiredOnNewDevice: false, deviceOnlyRememberedOnUserPrompt: false },
      });
      const metadata = user.tokens.newDeviceMetadata!;
      expect(metadata).toBeTruthy();
      const token = user.tokens.refreshToken!;
      // Not confirmed yet: the SDKs have no device key to send.
      expect(decodeJwt(expectTokens(await refreshTokens(gateway, user.clientId, token)).accessToken).device_key).toBe(
        metadata.deviceKey,
      );
      const { deviceSecretVerifierConfig } = createDeviceVerifier(metadata, user.poolId.split("_")[1]!);
      expectData(
        await gateway.gql(
          ConfirmDeviceDocument,
          { input: { deviceKey: metadata.deviceKey, deviceSecretVerifierConfig, deviceName: "vitest" } },
          user.tokens.accessToken,
        ),
      );
      expectError(
        await refreshTokens(gateway, user.clientId, token),
        "NotAuthorizedException",
        "Invalid Refresh Token",
      );
      expectError(
        await refreshTokens(gateway, user.clientId, token, {
          deviceKey: `${user.poolId.split("_")[0]}_${randomUUID()}`,
        }),
        "NotAuthorizedException",
        "Invalid Refresh Token",
      );
      const viaDevice = expectTokens(
        await refreshTokens(gateway, user.clientId, token, { deviceKey: metadata.deviceKey }),
      );
      expect(decodeJwt(viaDevice.accessToken).device_key).toBe(metadata.deviceKey);
      expect(viaDevice.newDeviceMetadata).toBeNull();
      const wire = await sdkRefresh(user.clientId, token, { DeviceKey: metadata.deviceKey });
      expect(decodeJwt(wire.AuthenticationResult!.AccessToken!).device_key).toBe(metadata.deviceKey);
    }
  });
});

describe.each(BACKENDS)("GetTokensFromRefreshToken and PreTokenGeneration on $name", (backend) => {
  const suite = useTriggerSuite(backend);

  it("passes ClientMetadata to PreTokenGeneration with triggerSource TokenGeneration_RefreshTokens", async () => {
    const { poolId, clientId, path } = await suite.poolWithTriggers(
      (url) => ({ preTokenGeneration: url("/token") }),
      {},
      rotating(),
    );
    const { username } = await createConfirmedUser(suite.gateway, poolId, uniqueName("gt"), GOOD_PASSWORD);
    const tokens = expectTokens(await passwordSignIn(suite.gateway, clientId, username, GOOD_PASSWORD));
    expectTokens(
      await refreshTokens(suite.gateway, clientId, tokens.refreshToken!, { clientMetadata: { app: "vitest" } }),
    );
    const events = suite.receiver.at(path("/token")).map((request) => request.event);
    expect(events.map((event) => event.triggerSource)).toEqual([
      "TokenGeneration_Authentication",
      "TokenGeneration_RefreshTokens",
    ]);
    expect(events[1]!.request.clientMetadata).toEqual({ app: "vitest" });
  });

  it("with rotation, a revocation that commits while the refresh is under way (during its PreTokenGeneration) wins: the refresh is refused, and so is the token after it", async () => {
    const { poolId, clientId, path } = await suite.poolWithTriggers(
      (url) => ({ preTokenGeneration: url("/token") }),
      {},
      { ...rotating(), enableTokenRevocation: true },
    );
    const { username } = await createConfirmedUser(suite.gateway, poolId, uniqueName("gt"), GOOD_PASSWORD);
    const tokens = expectTokens(await passwordSignIn(suite.gateway, clientId, username, GOOD_PASSWORD));
    // The trigger runs after the token was read and before the rotation's transaction: revoke it there.
    suite.receiver.on(path("/token"), async (event) => {
      if (event.triggerSource === "TokenGeneration_RefreshTokens")
        expectData(
          await suite.gateway.gql(RevokeTokenDocument, { input: { token: tokens.refreshToken!, clientId } }, null),
        );
      return event;
    });
    expectError(
      await refreshTokens(suite.gateway, clientId, tokens.refreshToken!),
      "NotAuthorizedException",
      "Refresh Token has been revoked",
    );
    expect(suite.receiver.at(path("/token")).map((request) => request.event.triggerSource)).toEqual([
      "TokenGeneration_Authentication",
      "TokenGeneration_RefreshTokens",
    ]);
    expectError(
      await refreshTokens(suite.gateway, clientId, tokens.refreshToken!),
      "NotAuthorizedException",
      "Refresh Token has been revoked",
    );
  });

  function rotating(): Partial<CreateUserPoolClientInput> {
    return { refreshTokenRotation: { feature: "ENABLED", retryGracePeriodSeconds: 0 } };
  }
});

function outcomeOf(result: GraphqlResult<{ getTokensFromRefreshToken: { refreshToken?: string | null } }>): {
  refreshToken: string | null;
  code: string | null;
} {
  const data = result.data?.getTokensFromRefreshToken;
  if (data) return { refreshToken: data.refreshToken ?? null, code: null };
  return { refreshToken: null, code: errorCodes(result).join(",") };
}
