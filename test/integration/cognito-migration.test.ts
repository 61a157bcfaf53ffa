import { createServer as createHttpServer } from "node:http";
import { createServer, type Server, type Socket } from "node:net";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAwsCredentials, type AwsCredentials } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, latestMessage, uniqueName } from "../support/directory.js";
import {
  AdminGetUserDocument,
  AdminSetUserMfaPreferenceDocument,
  AdminSetUserPasswordDocument,
  AssociateSoftwareTokenDocument,
  ConfirmForgotPasswordDocument,
  DeleteUserMigrationSourceDocument,
  ForgotPasswordDocument,
  ListUsersDocument,
  SetUserMfaPreferenceDocument,
  SetUserMigrationSourceDocument,
  UserMigrationProgressDocument,
  UserMigrationSourceDocument,
  VerifySoftwareTokenDocument,
  type SetUserMigrationSourceInput,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import {
  createConfirmedUser,
  expectChallenge,
  expectError,
  expectTokens,
  INCORRECT,
  listEvents,
  passwordSignIn,
  secretHashOf,
  signInEnv,
  srpSignIn,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const OLD_PASSWORD = "Old-Pool-Passw0rd!";
const WRONG_PASSWORD = "Wr0ng-Passw0rd!";
const PHONE = "+15555550142";

/**
 * The built-in migration source against a second gateway standing in for the live Cognito pool: it
 * speaks the same protocol (InitiateAuth, AdminInitiateAuth, GetUser, AdminGetUser, DescribeUserPool).
 */
describe.each(BACKENDS)("migration from a live Cognito pool on $name", (backend) => {
  let old: TestApp;
  let gateway: TestApp;
  let oldAdmin: AwsCredentials;
  const openServers: Server[] = [];
  beforeAll(async () => {
    [old, gateway] = await Promise.all([
      getTestApp(backend, { env: signInEnv(backend) }),
      getTestApp(backend, { env: signInEnv(backend) }),
    ]);
    oldAdmin = await createAwsCredentials(old);
  });
  afterAll(async () => {
    await Promise.all([
      old?.close(),
      gateway?.close(),
      ...openServers.map((server) => new Promise((resolve) => server.close(resolve))),
    ]);
  });

  /** The old pool (custom:plan, optional MFA) with one user per call of `addUser`, and the new pool that migrates from it. */
  async function setup(
    options: {
      admin?: boolean;
      source?: Partial<SetUserMigrationSourceInput>;
      newPoolMfa?: ("SMS_MFA" | "SOFTWARE_TOKEN_MFA" | "EMAIL_OTP")[];
      newClient?: { preventUserExistenceErrors?: "ENABLED" | "LEGACY" };
      oldClient?: { preventUserExistenceErrors?: "ENABLED" | "LEGACY" };
    } = {},
  ) {
    const schema = [{ name: "plan", attributeDataType: "String" as const }];
    const source = await createPoolWithClient(
      old,
      { schema, mfaConfiguration: "OPTIONAL", enabledMfas: ["SOFTWARE_TOKEN_MFA", "SMS_MFA"] },
      {
        explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        generateSecret: true,
        ...options.oldClient,
      },
    );
    const target = await createPoolWithClient(
      gateway,
      {
        schema: [...schema, { name: "old_sub", attributeDataType: "String" }],
        ...(options.newPoolMfa ? { mfaConfiguration: "OPTIONAL", enabledMfas: options.newPoolMfa } : {}),
      },
      {
        explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        ...options.newClient,
      },
    );
    const input: SetUserMigrationSourceInput = {
      endpoint: `${old.baseUrl}/`,
      region: "us-east-1",
      sourceUserPoolId: source.poolId,
      clientId: source.clientId,
      clientSecret: source.clientSecret,
      subAttribute: "custom:old_sub",
      ...(options.admin ? { adminCredentials: oldAdmin } : {}),
      ...options.source,
    };
    expectData(await gateway.gql(SetUserMigrationSourceDocument, { userPoolId: target.poolId, input }));
    const addUser = async (extra: { name: string; value: string }[] = []) => {
      const username = uniqueName("old");
      const created = await createConfirmedUser(old, source.poolId, username, OLD_PASSWORD, [
        { name: "email", value: `${username}@example.com` },
        { name: "email_verified", value: "true" },
        { name: "name", value: "Old Timer" },
        { name: "custom:plan", value: "gold" },
        ...extra,
      ]);
      return { username, oldSub: created.sub };
    };
    return { source, target, addUser, input };
  }

  const attributesOf = async (poolId: string, username: string) =>
    Object.fromEntries(
      expectData(await gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username })).adminGetUser.attributes.map(
        ({ name, value }) => [name, value],
      ),
    );
  const usersIn = async (poolId: string) =>
    expectData(await gateway.gql(ListUsersDocument, { userPoolId: poolId })).listUsers.users;
  const progressOf = async (poolId: string) =>
    expectData(await gateway.gql(UserMigrationProgressDocument, { userPoolId: poolId })).userMigrationProgress;

  it("signs an unknown user in with the password the old pool accepts, copies its attributes under a new sub, and never asks again", async () => {
    const { source, target, addUser } = await setup();
    const { username, oldSub } = await addUser();
    expectTokens(await passwordSignIn(gateway, target.clientId, username, OLD_PASSWORD));

    const user = expectData(
      await gateway.gql(AdminGetUserDocument, { userPoolId: target.poolId, username }),
    ).adminGetUser;
    expect(user.userStatus).toBe("CONFIRMED");
    const attributes = await attributesOf(target.poolId, username);
    expect(attributes).toMatchObject({
      email: `${username}@example.com`,
      email_verified: "true",
      name: "Old Timer",
      "custom:plan": "gold",
      "custom:old_sub": oldSub,
    });
    // Cognito gives a migrated user a new sub; the old one is kept only in the attribute chosen for it.
    expect(attributes.sub).not.toBe(oldSub);
    // The password and its SRP verifier are this gateway's now: SRP works, which a migration never could.
    expectTokens(
      await srpSignIn(gateway, { poolId: target.poolId, clientId: target.clientId, username, password: OLD_PASSWORD }),
    );
    // The old pool is not asked again: a password changed there changes nothing here.
    expectData(
      await old.gql(AdminSetUserPasswordDocument, {
        input: { userPoolId: source.poolId, username, password: "Changed-At-0ld!", permanent: true },
      }),
    );
    expectTokens(await passwordSignIn(gateway, target.clientId, username, OLD_PASSWORD));

    const progress = await progressOf(target.poolId);
    expect(progress).toMatchObject({ migrated: 1, remaining: null, sourceEstimatedUsers: null });
    expect(progress.lastMigratedAt).not.toBeNull();
    const signedUp = (await listEvents(gateway, target.poolId)).filter((event) => event.type === "USER_SIGNED_UP");
    expect(signedUp).toHaveLength(1);
    expect(signedUp[0]!.detail).toMatchObject({
      via: "UserMigration_Authentication",
      from: "UserMigrationSource",
      sourceUserPoolId: source.poolId,
    });
    // The source settings read back without their secrets.
    const stored = expectData(
      await gateway.gql(UserMigrationSourceDocument, { userPoolId: target.poolId }),
    ).userMigrationSource;
    expect(stored).toMatchObject({
      sourceUserPoolId: source.poolId,
      hasClientSecret: true,
      accessKeyId: null,
      timeoutMs: 5000,
    });
    expect(JSON.stringify(await listEvents(gateway, target.poolId))).not.toContain(source.clientSecret!);
  });

  it("source values that do not fit this pool's schema are left out and named in droppedAttributes; the user still migrates", async () => {
    // The old pool as its own schema let it describe the user: this pool's is stricter.
    const username = uniqueName("drift");
    const described = {
      email: "definitely not an email",
      email_verified: "maybe",
      phone_number: "call me",
      birthdate: "yesterday",
      "custom:plan": "platinum-forever",
      "custom:age": "not-a-number",
      name: "Kept Name",
      sub: "a-sub-longer-than-custom-old-sub-allows",
    };
    const fake = createHttpServer((request, response) => {
      const action = String(request.headers["x-amz-target"]).split(".").pop();
      request.resume().on("end", () => {
        response.setHeader("content-type", "application/x-amz-json-1.1");
        response.end(
          JSON.stringify(
            action === "InitiateAuth"
              ? { AuthenticationResult: { AccessToken: "source-access-token" } }
              : {
                  Username: username,
                  UserAttributes: Object.entries(described).map(([Name, Value]) => ({ Name, Value })),
                },
          ),
        );
      });
    });
    openServers.push(fake);
    await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
    const target = await createPoolWithClient(gateway, {
      schema: [
        { name: "plan", attributeDataType: "String", stringAttributeConstraints: { maxLength: 8 } },
        { name: "age", attributeDataType: "Number" },
        { name: "old_sub", attributeDataType: "String", stringAttributeConstraints: { maxLength: 8 } },
      ],
    });
    const input = {
      endpoint: `http://127.0.0.1:${(fake.address() as { port: number }).port}/`,
      region: "us-east-1",
      sourceUserPoolId: "us-east-1_Drift1",
      clientId: "driftclient",
      subAttribute: "custom:old_sub",
    };
    expectData(await gateway.gql(SetUserMigrationSourceDocument, { userPoolId: target.poolId, input }));

    expectTokens(await passwordSignIn(gateway, target.clientId, username, OLD_PASSWORD));
    const { sub, ...kept } = await attributesOf(target.poolId, username);
    expect(sub).not.toBe(described.sub);
    expect(kept).toEqual({ name: "Kept Name" });
    const signedUp = (await listEvents(gateway, target.poolId)).find((event) => event.type === "USER_SIGNED_UP")!;
    expect([...(signedUp.detail.droppedAttributes as string[])].sort()).toEqual([
      "birthdate",
      "custom:age",
      "custom:old_sub",
      "custom:plan",
      "email",
      "email_verified",
      "phone_number",
    ]);
  });

  it("a wrong password at the old pool is a wrong password here: counted by the lockout, no user created", async () => {
    const { source, target, addUser } = await setup();
    const { username } = await addUser();
    expectError(
      await passwordSignIn(gateway, target.clientId, username, WRONG_PASSWORD),
      "NotAuthorizedException",
      INCORRECT,
    );
    expect(errorCodes(await gateway.gql(AdminGetUserDocument, { userPoolId: target.poolId, username }))).toEqual([
      "UserNotFoundException",
    ]);
    // A burst: the old pool sees no more guesses than the lockout lets through (5 in all), the rest are refused here.
    const burst = await Promise.all(
      Array.from({ length: 12 }, () => passwordSignIn(gateway, target.clientId, username, WRONG_PASSWORD)),
    );
    expect(burst.every((result) => errorCodes(result)[0] === "NotAuthorizedException")).toBe(true);
    expect(
      burst.filter((result) => result.errors?.[0]?.message === "Password attempts exceeded").length,
    ).toBeGreaterThanOrEqual(8);
    const failedAtOld = (await listEvents(old, source.poolId)).filter((event) => event.type === "SIGN_IN_FAILED");
    expect(failedAtOld.length).toBeLessThanOrEqual(5);
    expect(await usersIn(target.poolId)).toHaveLength(0);
    expect((await progressOf(target.poolId)).migrated).toBe(0);
  });

  it("a name the old pool does not know either stays unknown (an old pool hiding users makes it a wrong password)", async () => {
    const { target } = await setup({
      newClient: { preventUserExistenceErrors: "LEGACY" },
      oldClient: { preventUserExistenceErrors: "LEGACY" },
    });
    expectError(
      await passwordSignIn(gateway, target.clientId, uniqueName("nobody"), OLD_PASSWORD),
      "UserNotFoundException",
    );
    const hiding = await setup({
      newClient: { preventUserExistenceErrors: "LEGACY" },
      oldClient: { preventUserExistenceErrors: "ENABLED" },
    });
    expectError(
      await passwordSignIn(gateway, hiding.target.clientId, uniqueName("nobody"), OLD_PASSWORD),
      "NotAuthorizedException",
      INCORRECT,
    );
    expect(await usersIn(hiding.target.poolId)).toHaveLength(0);
  });

  it("an old pool that is down or too slow gives a clear error and creates no user", async () => {
    const dead = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const { target, addUser, input } = await setup({ source: { endpoint: `http://127.0.0.1:${dead}/` } });
    const { username } = await addUser();
    expectError(
      await passwordSignIn(gateway, target.clientId, username, OLD_PASSWORD),
      "UnexpectedLambdaException",
      "UserMigration failed: the migration source could not be reached.",
    );
    expect(await usersIn(target.poolId)).toHaveLength(0);

    // A pool that accepts the connection and never answers: the configured timeout, then the same refusal.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    openServers.push(silent);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const slow = await setup({
      source: { endpoint: `http://127.0.0.1:${(silent.address() as { port: number }).port}/`, timeoutMs: 300 },
    });
    const slowUser = await slow.addUser();
    const started = Date.now();
    expectError(
      await passwordSignIn(gateway, slow.target.clientId, slowUser.username, OLD_PASSWORD),
      "UnexpectedLambdaException",
      "UserMigration failed: the migration source did not answer within 300 ms.",
    );
    expect(Date.now() - started).toBeLessThan(3000);
    sockets.forEach((socket) => socket.destroy());
    expect(await usersIn(slow.target.poolId)).toHaveLength(0);
    // Not counted as wrong passwords: once the source answers again, the user signs in at once.
    for (let attempt = 0; attempt < 6; attempt++)
      expectError(await passwordSignIn(gateway, target.clientId, username, OLD_PASSWORD), "UnexpectedLambdaException");
    expectData(
      await gateway.gql(SetUserMigrationSourceDocument, {
        userPoolId: target.poolId,
        input: { ...input, endpoint: `${old.baseUrl}/` },
      }),
    );
    expectTokens(await passwordSignIn(gateway, target.clientId, username, OLD_PASSWORD));
  });

  it("ten parallel first sign-ins of the same user create exactly one user", async () => {
    const { target, addUser } = await setup();
    const { username } = await addUser();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => passwordSignIn(gateway, target.clientId, username, OLD_PASSWORD)),
    );
    const signedIn = results.filter((result) => result.data?.initiateAuth?.__typename === "AuthenticationResult");
    expect(
      signedIn.length,
      JSON.stringify(results.map((result) => result.errors?.[0]?.message ?? "ok")),
    ).toBeGreaterThanOrEqual(1);
    // Whatever did not sign in was held back by the lockout's count of attempts in flight, never a duplicate.
    for (const result of results)
      if (result.errors) expect(result.errors[0]!.message).toBe("Password attempts exceeded");
    expect(await usersIn(target.poolId)).toHaveLength(1);
    expect((await progressOf(target.poolId)).migrated).toBe(1);
    expect((await listEvents(gateway, target.poolId)).filter((event) => event.type === "USER_SIGNED_UP")).toHaveLength(
      1,
    );
  });

  it("users with MFA at the old pool: the challenge proves the password; SMS carries over, TOTP must be set up again", async () => {
    const { source, target, addUser } = await setup({ admin: true, newPoolMfa: ["SMS_MFA", "SOFTWARE_TOKEN_MFA"] });
    // SMS_MFA at the old pool: the same phone gets the codes here.
    const sms = await addUser([
      { name: "phone_number", value: PHONE },
      { name: "phone_number_verified", value: "true" },
    ]);
    expectData(
      await old.gql(AdminSetUserMfaPreferenceDocument, {
        input: {
          userPoolId: source.poolId,
          username: sms.username,
          smsMfaSettings: { enabled: true, preferredMfa: true },
        },
      }),
    );
    expectChallenge(await passwordSignIn(gateway, target.clientId, sms.username, OLD_PASSWORD), "SMS_MFA");
    expect(await attributesOf(target.poolId, sms.username)).toMatchObject({
      phone_number: PHONE,
      phone_number_verified: "true",
    });

    // SOFTWARE_TOKEN_MFA at the old pool: its secret never leaves, so the user signs in here without it and is reported.
    const totp = await addUser();
    const token = expectTokens(
      await passwordSignIn(old, source.clientId, totp.username, OLD_PASSWORD, {
        SECRET_HASH: secretHash(source, totp.username),
      }),
    ).accessToken;
    const secret = expectData(await old.gql(AssociateSoftwareTokenDocument, {}, token)).associateSoftwareToken
      .secretCode;
    expectData(await old.gql(VerifySoftwareTokenDocument, { userCode: await generate({ secret }) }, token));
    expectData(
      await old.gql(
        SetUserMfaPreferenceDocument,
        { input: { softwareTokenMfaSettings: { enabled: true, preferredMfa: true } } },
        token,
      ),
    );
    expectChallenge(
      await passwordSignIn(old, source.clientId, totp.username, OLD_PASSWORD, {
        SECRET_HASH: secretHash(source, totp.username),
      }),
      "SOFTWARE_TOKEN_MFA",
    );
    expectTokens(await passwordSignIn(gateway, target.clientId, totp.username, OLD_PASSWORD));
    const signedUp = (await listEvents(gateway, target.poolId)).filter((event) => event.type === "USER_SIGNED_UP");
    expect(signedUp.find((event) => event.detail.username === totp.username)!.detail.mfaToSetUpAgain).toEqual([
      "SOFTWARE_TOKEN_MFA",
    ]);
    expect(signedUp.find((event) => event.detail.username === sms.username)!.detail.mfaToSetUpAgain).toBeUndefined();

    // A wrong password never reaches the MFA step at the old pool.
    const third = await addUser([{ name: "phone_number", value: PHONE }]);
    expectData(
      await old.gql(AdminSetUserMfaPreferenceDocument, {
        input: {
          userPoolId: source.poolId,
          username: third.username,
          smsMfaSettings: { enabled: true, preferredMfa: true },
        },
      }),
    );
    expectError(
      await passwordSignIn(gateway, target.clientId, third.username, WRONG_PASSWORD),
      "NotAuthorizedException",
      INCORRECT,
    );

    // Progress with admin credentials: the old pool's estimate minus the migrated.
    const progress = await progressOf(target.poolId);
    expect(progress).toMatchObject({ migrated: 2, sourceEstimatedUsers: 3, remaining: 1 });
  });

  it("without admin credentials a user with MFA at the old pool cannot be described, and nothing is created", async () => {
    const { source, target, addUser } = await setup();
    const sms = await addUser([{ name: "phone_number", value: PHONE }]);
    expectData(
      await old.gql(AdminSetUserMfaPreferenceDocument, {
        input: {
          userPoolId: source.poolId,
          username: sms.username,
          smsMfaSettings: { enabled: true, preferredMfa: true },
        },
      }),
    );
    expectError(
      await passwordSignIn(gateway, target.clientId, sms.username, OLD_PASSWORD),
      "UnexpectedLambdaException",
      /answered SMS_MFA for this user; migrating such users needs the source's admin credentials/,
    );
    expect(await usersIn(target.poolId)).toHaveLength(0);
  });

  it("ForgotPassword migrates an unknown user with admin credentials (RESET_REQUIRED), and the reset code sets its password", async () => {
    const { target, addUser } = await setup({ admin: true, newClient: { preventUserExistenceErrors: "LEGACY" } });
    const { username } = await addUser();
    const delivery = expectData(
      await gateway.gql(ForgotPasswordDocument, { input: { clientId: target.clientId, username } }, null),
    ).forgotPassword;
    expect(delivery.deliveryMedium).toBe("EMAIL");
    const user = expectData(
      await gateway.gql(AdminGetUserDocument, { userPoolId: target.poolId, username }),
    ).adminGetUser;
    expect(user.userStatus).toBe("RESET_REQUIRED");
    const { code } = await latestMessage(gateway, target.poolId, `${username}@example.com`);
    expectData(
      await gateway.gql(
        ConfirmForgotPasswordDocument,
        { input: { clientId: target.clientId, username, confirmationCode: code!, password: "Brand-New-Passw0rd!" } },
        null,
      ),
    );
    expectTokens(await passwordSignIn(gateway, target.clientId, username, "Brand-New-Passw0rd!"));
    expect((await progressOf(target.poolId)).migrated).toBe(1);

    // Without admin credentials the old pool cannot be asked about a name alone: the name stays unknown.
    const publicOnly = await setup({ newClient: { preventUserExistenceErrors: "LEGACY" } });
    const other = await publicOnly.addUser();
    expectError(
      await gateway.gql(
        ForgotPasswordDocument,
        { input: { clientId: publicOnly.target.clientId, username: other.username } },
        null,
      ),
      "UserNotFoundException",
    );
  });

  it("deleting the source stops the migration; scoped keys of other pools may not read it", async () => {
    const { target, addUser } = await setup({ newClient: { preventUserExistenceErrors: "LEGACY" } });
    expect(
      expectData(await gateway.gql(DeleteUserMigrationSourceDocument, { userPoolId: target.poolId }))
        .deleteUserMigrationSource,
    ).toBe(true);
    const { username } = await addUser();
    expectError(await passwordSignIn(gateway, target.clientId, username, OLD_PASSWORD), "UserNotFoundException");
    const other = await createPoolWithClient(gateway);
    const scoped = await createAwsCredentials(gateway, [other.poolId]);
    expect(
      errorCodes(await gateway.gql(UserMigrationSourceDocument, { userPoolId: target.poolId }, scoped.secretAccessKey)),
    ).toEqual(["NotAuthorizedException"]);
    expectError(
      await gateway.gql(SetUserMigrationSourceDocument, {
        userPoolId: target.poolId,
        input: { endpoint: "ftp://x", region: "us-east-1", sourceUserPoolId: "us-east-1_abc", clientId: "abc" },
      }),
      "InvalidParameterException",
    );
  });
});

const secretHash = (source: { clientId: string; clientSecret: string | null }, username: string) =>
  secretHashOf(source.clientSecret!, username, source.clientId);
