import { decodeJwt, decodeProtectedHeader, type JWTPayload } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/lib/clock.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import {
  AdminAddUserToGroupDocument,
  CreateGroupDocument,
  CreateUserPoolClientDocument,
  GetUserDocument,
  GlobalSignOutDocument,
  InitiateAuthDocument,
  RevokeTokenDocument,
  RotateSigningKeysDocument,
  UpdateGroupDocument,
  type CreateUserPoolClientInput,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import {
  createConfirmedUser,
  expectError,
  expectTokens,
  listEvents,
  passwordSignIn,
  PUBLIC_URL,
  refreshSignIn,
  refreshTokens,
  signInEnv,
  srpSignIn,
  verifyIndependently,
  type Tokens,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FLOWS = ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] as const;

describe.each(BACKENDS)("tokens from sign-in on $name", (backend) => {
  let gateway: TestApp;
  // Starts at the wall clock (aws-jwt-verify checks exp against it); tests that move it far verify nothing after.
  const clock = createManualClock(new Date());

  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend), overrides: { clock } });
  });
  afterAll(async () => gateway?.close());
  beforeEach(() => clock.set(new Date()));

  async function signedInUser(clientInput: Partial<CreateUserPoolClientInput> = {}) {
    const { poolId, clientId } = await createPoolWithClient(gateway, {}, clientInput);
    const user = await createConfirmedUser(gateway, poolId, uniqueName("tok"), GOOD_PASSWORD, [
      { name: "email", value: `${uniqueName("t")}@example.com` },
    ]);
    // The password flow: cheaper than SRP for tests about what happens to tokens afterwards (the claims test uses SRP).
    const tokens = expectTokens(await passwordSignIn(gateway, clientId, user.username, GOOD_PASSWORD));
    return { poolId, clientId, ...user, tokens };
  }

  const newClient = async (poolId: string, input: Partial<CreateUserPoolClientInput> = {}) =>
    expectData(
      await gateway.gql(CreateUserPoolClientDocument, {
        userPoolId: poolId,
        input: { clientName: "second", explicitAuthFlows: [...FLOWS], ...input },
      }),
    ).createUserPoolClient.clientId;

  it("lists every group of the user in cognito:groups, in the groups' name order (binary, as ListGroups)", async () => {
    const { poolId, clientId } = await createPoolWithClient(gateway);
    const user = await createConfirmedUser(gateway, poolId, uniqueName("groups"), GOOD_PASSWORD, []);
    // Code-point order: "Mid" before "alpha"; U+FF21 sorts before the astral U+1F600 (UTF-16 order says the opposite).
    const names = ["zeta", "alpha", "Mid", "\u{1F600}x", "\uFF21x"];
    for (const groupName of names) {
      expectData(await gateway.gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName } }));
      expectData(
        await gateway.gql(AdminAddUserToGroupDocument, { userPoolId: poolId, username: user.username, groupName }),
      );
    }
    const tokens = expectTokens(
      await srpSignIn(gateway, { poolId, clientId, username: user.username, password: GOOD_PASSWORD, clock }),
    );
    const expected = ["Mid", "alpha", "zeta", "\uFF21x", "\u{1F600}x"];
    expect(decodeJwt(tokens.accessToken)["cognito:groups"]).toEqual(expected);
    expect(decodeJwt(tokens.idToken)["cognito:groups"]).toEqual(expected);
    // A refresh carries the same list.
    const refreshed = expectTokens(await refreshSignIn(gateway, clientId, tokens.refreshToken!));
    expect(decodeJwt(refreshed.accessToken)["cognito:groups"]).toEqual(expected);
  });

  it("sets cognito:preferred_role only when the groups tied at the lowest precedence share their role", async () => {
    const { poolId, clientId } = await createPoolWithClient(gateway);
    const user = await createConfirmedUser(gateway, poolId, uniqueName("roles"), GOOD_PASSWORD, []);
    const role = (name: string) => `arn:aws:iam::123456789012:role/${name}`;
    const join = async (groupName: string, precedence: number, roleArn?: string) => {
      expectData(
        await gateway.gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName, precedence, roleArn } }),
      );
      expectData(
        await gateway.gql(AdminAddUserToGroupDocument, { userPoolId: poolId, username: user.username, groupName }),
      );
    };
    // A group without a role is no candidate, whatever its precedence.
    await join("plain", 0);
    await join("readers", 1, role("Reader"));
    await join("writers", 1, role("Writer"));
    await join("auditors", 5, role("Auditor"));
    const idClaims = async () =>
      decodeJwt(expectTokens(await passwordSignIn(gateway, clientId, user.username, GOOD_PASSWORD)).idToken);

    // Per CreateGroup's Precedence: neither tied group takes precedence, so with different roles none is preferred.
    const tied = await idClaims();
    expect([...(tied["cognito:roles"] as string[])].sort()).toEqual(
      [role("Auditor"), role("Reader"), role("Writer")].sort(),
    );
    expect(tied).not.toHaveProperty("cognito:preferred_role");

    expectData(
      await gateway.gql(UpdateGroupDocument, {
        input: { userPoolId: poolId, groupName: "writers", precedence: 1, roleArn: role("Reader") },
      }),
    );
    expect((await idClaims())["cognito:preferred_role"]).toBe(role("Reader"));

    // A lower precedence alone decides.
    expectData(
      await gateway.gql(UpdateGroupDocument, {
        input: { userPoolId: poolId, groupName: "auditors", precedence: 0, roleArn: role("Auditor") },
      }),
    );
    expect((await idClaims())["cognito:preferred_role"]).toBe(role("Auditor"));
  });

  it("issues ID and access tokens that verify against the live JWKS, with Cognito's claims field by field", async () => {
    const { poolId } = await createPoolWithClient(gateway, {
      schema: [
        { name: "tenant", attributeDataType: "String" },
        { name: "level", attributeDataType: "Number" },
      ],
    });
    const clientId = await newClient(poolId, {
      readAttributes: ["email", "email_verified", "name", "custom:tenant", "custom:level"],
      accessTokenValidity: 30,
      idTokenValidity: 2,
      tokenValidityUnits: { accessToken: "minutes", idToken: "hours" },
    });
    // Explicit read list without the custom attributes (a client with no list at all reads them since #14, §7.4).
    const plainClientId = await newClient(poolId, { readAttributes: ["email", "email_verified", "name"] });
    const email = `${uniqueName("claims")}@example.com`;
    const user = await createConfirmedUser(gateway, poolId, uniqueName("claims"), GOOD_PASSWORD, [
      { name: "email", value: email },
      { name: "email_verified", value: "true" },
      { name: "name", value: "Ada Lovelace" },
      { name: "custom:tenant", value: "acme" },
      { name: "custom:level", value: "42" },
    ]);
    expectData(await gateway.gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName: "admins" } }));
    expectData(
      await gateway.gql(AdminAddUserToGroupDocument, {
        userPoolId: poolId,
        username: user.username,
        groupName: "admins",
      }),
    );

    const signedInAt = Math.floor(clock.nowMs() / 1000);
    const tokens = expectTokens(
      await srpSignIn(gateway, { poolId, clientId, username: user.username, password: GOOD_PASSWORD, clock }),
    );
    expect(tokens).toMatchObject({ tokenType: "Bearer", expiresIn: 1800, newDeviceMetadata: null });
    const id = await verifyIndependently(gateway, poolId, tokens.idToken, { audience: clientId });
    const access = await verifyIndependently(gateway, poolId, tokens.accessToken);
    const common = {
      sub: user.sub,
      iss: `${PUBLIC_URL}/${poolId}`,
      auth_time: signedInAt,
      iat: signedInAt,
      origin_jti: expect.stringMatching(UUID),
      event_id: expect.stringMatching(UUID),
      jti: expect.stringMatching(UUID),
    };

    expect(id.payload).toEqual({
      ...common,
      aud: clientId,
      token_use: "id",
      exp: signedInAt + 7200,
      "cognito:username": user.username,
      "cognito:groups": ["admins"],
      email,
      email_verified: true,
      name: "Ada Lovelace",
      "custom:tenant": "acme",
      "custom:level": "42",
    });
    expect(access.payload).toEqual({
      ...common,
      client_id: clientId,
      token_use: "access",
      exp: signedInAt + 1800,
      scope: "aws.cognito.signin.user.admin",
      username: user.username,
      "cognito:groups": ["admins"],
      version: 2,
    });
    expect(access.payload.aud).toBeUndefined();
    // One issuance: one event_id and one origin_jti, two jtis, two keys.
    expect(access.payload.event_id).toBe(id.payload.event_id);
    expect(access.payload.origin_jti).toBe(id.payload.origin_jti);
    expect(access.payload.jti).not.toBe(id.payload.jti);
    expect(decodeProtectedHeader(tokens.idToken)).toEqual({ kid: id.kid, alg: "RS256" });
    expect(decodeProtectedHeader(tokens.accessToken)).toEqual({ kid: access.kid, alg: "RS256" });
    expect(access.kid).not.toBe(id.kid);

    // A client whose read list leaves out the custom attributes gets the others only.
    const plain = expectTokens(
      await srpSignIn(gateway, {
        poolId,
        clientId: plainClientId,
        username: user.username,
        password: GOOD_PASSWORD,
        clock,
      }),
    );
    const plainId = (await verifyIndependently(gateway, poolId, plain.idToken, { audience: plainClientId })).payload;
    expect(plainId).toMatchObject({ email, email_verified: true, name: "Ada Lovelace", "cognito:groups": ["admins"] });
    expect(Object.keys(plainId).filter((claim) => claim.startsWith("custom:"))).toEqual([]);
    expect(plainId.origin_jti).not.toBe(id.payload.origin_jti);
  });

  it("refreshes without rotation: new ID and access tokens, no refresh token, auth_time and origin_jti kept", async () => {
    const user = await signedInUser();
    const first = { id: decodeJwt(user.tokens.idToken), access: decodeJwt(user.tokens.accessToken) };
    clock.advanceSeconds(120);
    const refreshed = expectTokens(await refreshSignIn(gateway, user.clientId, user.tokens.refreshToken!));
    expect(refreshed.refreshToken).toBeNull();
    const id = (
      await verifyIndependently(gateway, user.poolId, refreshed.idToken, {
        audience: user.clientId,
        currentDate: clock.now(),
      })
    ).payload;
    const access = (
      await verifyIndependently(gateway, user.poolId, refreshed.accessToken, { currentDate: clock.now() })
    ).payload;
    for (const [before, after] of [
      [first.id, id],
      [first.access, access],
    ] as [JWTPayload, JWTPayload][]) {
      expect(after.auth_time).toBe(before.auth_time);
      expect(after.origin_jti).toBe(before.origin_jti);
      expect(after.iat).toBe((before.iat as number) + 120);
      expect(after.jti).not.toBe(before.jti);
      expect(after.event_id).not.toBe(before.event_id);
    }
    expect(access.event_id).toBe(id.event_id);
    // Refreshing again with the same token keeps working (no rotation on this client), also under the legacy flow name.
    const legacy = await gateway.gql(
      InitiateAuthDocument,
      {
        input: {
          clientId: user.clientId,
          authFlow: "REFRESH_TOKEN",
          authParameters: { REFRESH_TOKEN: user.tokens.refreshToken! },
        },
      },
      null,
    );
    expect(expectTokens(legacy).refreshToken).toBeNull();
    const refreshedEvents = (await listEvents(gateway, user.poolId)).filter(
      (event) => event.type === "TOKENS_REFRESHED",
    );
    expect(refreshedEvents.map((event) => event.detail)).toEqual([
      { userSub: user.sub, rotated: false },
      { userSub: user.sub, rotated: false },
    ]);
  });

  it("rotates refresh tokens (GetTokensFromRefreshToken); the old one works within the grace period, reuse after it revokes the whole family", async () => {
    const user = await signedInUser({ refreshTokenRotation: { feature: "ENABLED", retryGracePeriodSeconds: 10 } });
    const original = user.tokens.refreshToken!;
    const second = expectTokens(await refreshTokens(gateway, user.clientId, original));
    expect(second.refreshToken).toBeTruthy();
    expect(second.refreshToken).not.toBe(original);

    clock.advanceSeconds(10);
    const retried = expectTokens(await refreshTokens(gateway, user.clientId, original));
    expect(retried.refreshToken).toBeTruthy();
    expect(new Set([original, second.refreshToken, retried.refreshToken]).size).toBe(3);
    const newest = expectTokens(await refreshTokens(gateway, user.clientId, retried.refreshToken!));
    expect(decodeJwt(newest.accessToken).origin_jti).toBe(decodeJwt(user.tokens.accessToken).origin_jti);

    clock.advanceSeconds(1);
    expectError(await refreshTokens(gateway, user.clientId, original), "RefreshTokenReuseException");
    for (const token of [newest.refreshToken!, second.refreshToken!, retried.refreshToken!, original]) {
      expectError(
        await refreshTokens(gateway, user.clientId, token),
        "NotAuthorizedException",
        "Refresh Token has been revoked",
      );
    }
    // Another sign-in of the same user starts a new family, untouched by the revocation.
    const again = expectTokens(await passwordSignIn(gateway, user.clientId, user.username, GOOD_PASSWORD));
    expectTokens(await refreshTokens(gateway, user.clientId, again.refreshToken!));
  });

  it("refuses a refresh token after its validity", async () => {
    const user = await signedInUser({ refreshTokenValidity: 1, tokenValidityUnits: { refreshToken: "hours" } });
    clock.advanceSeconds(3599);
    expectTokens(await refreshSignIn(gateway, user.clientId, user.tokens.refreshToken!));
    clock.advanceSeconds(1);
    expectError(
      await refreshSignIn(gateway, user.clientId, user.tokens.refreshToken!),
      "NotAuthorizedException",
      "Refresh Token has expired",
    );
  });

  it("refuses a refresh token presented by another client of the pool, and one that was never issued", async () => {
    const user = await signedInUser();
    const otherClientId = await newClient(user.poolId);
    expectError(
      await refreshSignIn(gateway, otherClientId, user.tokens.refreshToken!),
      "NotAuthorizedException",
      "Invalid Refresh Token",
    );
    expectError(
      await refreshSignIn(gateway, user.clientId, `${user.tokens.refreshToken!.slice(0, -2)}xx`),
      "NotAuthorizedException",
      "Invalid Refresh Token",
    );
    expectTokens(await refreshSignIn(gateway, user.clientId, user.tokens.refreshToken!));
  });

  it("revokes a rotated family with every access token from it, then signs out everywhere; relying parties still accept the JWTs (§6.5)", async () => {
    const user = await signedInUser({ refreshTokenRotation: { feature: "ENABLED", retryGracePeriodSeconds: 10 } });
    const signIn = async () => expectTokens(await passwordSignIn(gateway, user.clientId, user.username, GOOD_PASSWORD));
    const getUser = (accessToken: string) => gateway.gql(GetUserDocument, {}, accessToken);
    const rotated = expectTokens(await refreshTokens(gateway, user.clientId, user.tokens.refreshToken!));
    const other = await signIn();

    // Revoking the first, already rotated, refresh token takes its whole family.
    expect(
      expectData(
        await gateway.gql(
          RevokeTokenDocument,
          { input: { token: user.tokens.refreshToken!, clientId: user.clientId } },
          null,
        ),
      ).revokeToken,
    ).toBe(true);
    for (const refreshToken of [user.tokens.refreshToken!, rotated.refreshToken!])
      expectError(
        await refreshTokens(gateway, user.clientId, refreshToken),
        "NotAuthorizedException",
        "Refresh Token has been revoked",
      );
    for (const accessToken of [user.tokens.accessToken, rotated.accessToken])
      expectError(await getUser(accessToken), "NotAuthorizedException", "Access Token has been revoked");
    expect(expectData(await getUser(other.accessToken)).getUser.username).toBe(user.username);
    const otherRefreshed = expectTokens(await refreshTokens(gateway, user.clientId, other.refreshToken!));
    // The gateway refuses them; a relying party verifying signatures alone cannot know until exp.
    await verifyIndependently(gateway, user.poolId, rotated.accessToken);

    expect(expectData(await gateway.gql(GlobalSignOutDocument, {}, otherRefreshed.accessToken)).globalSignOut).toBe(
      true,
    );
    for (const tokens of [other, otherRefreshed]) {
      expectError(await getUser(tokens.accessToken), "NotAuthorizedException", "Access Token has been revoked");
      expectError(
        await refreshTokens(gateway, user.clientId, tokens.refreshToken!),
        "NotAuthorizedException",
        "Refresh Token has been revoked",
      );
    }
    const fresh = await signIn();
    expect(expectData(await getUser(fresh.accessToken)).getUser.username).toBe(user.username);
    expectTokens(await refreshTokens(gateway, user.clientId, fresh.refreshToken!));
  });

  it("keeps verifying tokens signed before a key rotation and signs new ones with new keys", async () => {
    const user = await signedInUser();
    const before: Tokens = user.tokens;
    const oldKids = [decodeProtectedHeader(before.idToken).kid, decodeProtectedHeader(before.accessToken).kid];
    expect(
      expectData(await gateway.gql(RotateSigningKeysDocument, { userPoolId: user.poolId })).rotateSigningKeys,
    ).toBe(true);

    const after = expectTokens(await passwordSignIn(gateway, user.clientId, user.username, GOOD_PASSWORD));
    const refreshed = expectTokens(await refreshSignIn(gateway, user.clientId, before.refreshToken!));
    for (const tokens of [after, refreshed]) {
      const newKids = [
        (await verifyIndependently(gateway, user.poolId, tokens.idToken, { audience: user.clientId })).kid,
        (await verifyIndependently(gateway, user.poolId, tokens.accessToken)).kid,
      ];
      expect(newKids[0]).not.toBe(newKids[1]);
      for (const kid of newKids) expect(oldKids).not.toContain(kid);
    }
    expect((await verifyIndependently(gateway, user.poolId, before.idToken, { audience: user.clientId })).kid).toBe(
      oldKids[0],
    );
    expect((await verifyIndependently(gateway, user.poolId, before.accessToken)).kid).toBe(oldKids[1]);
  });
});
