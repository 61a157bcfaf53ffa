import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, latestMessage, uniqueName } from "../support/directory.js";
import { AdminGetUserDocument, ConfirmForgotPasswordDocument, ForgotPasswordDocument, InitiateAuthDocument, RotateTriggerSecretDocument } from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { startTriggerReceiver, type TriggerReceiver } from "../support/trigger-receiver.js";

const LEGACY_PASSWORD = "Legacy-Passw0rd!";

describe.each(BACKENDS)("lazy user migration on $name", (backend) => {
  let gateway: TestApp;
  let receiver: TriggerReceiver;
  beforeAll(async () => {
    gateway = await getTestApp(backend);
    receiver = await startTriggerReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await gateway?.close();
  });

  /** The old user store: one user, `legacy.<name>`, with LEGACY_PASSWORD. */
  async function migratingPool() {
    const path = `/${uniqueName("m")}/migrate`;
    const { poolId, clientId } = await createPoolWithClient(gateway, { lambdaConfig: { userMigration: receiver.url(path) } });
    expectData(await gateway.gql(RotateTriggerSecretDocument, { userPoolId: poolId }));
    receiver.on(path, (event) => {
      if (!String(event.userName).startsWith("legacy")) return { status: 404, body: JSON.stringify({ errorMessage: "User not found" }) };
      if (event.triggerSource === "UserMigration_Authentication" && event.request.password !== LEGACY_PASSWORD) return { status: 401, body: JSON.stringify({ errorMessage: "Bad password" }) };
      const finalUserStatus = String(event.userName).startsWith("legacyreset") ? "RESET_REQUIRED" : "CONFIRMED";
      return { ...event, response: { userAttributes: { email: `${event.userName}@example.com`, email_verified: "true", name: "Old Timer" }, finalUserStatus, messageAction: "SUPPRESS" } };
    });
    return { poolId, clientId, path };
  }

  const signIn = (clientId: string, username: string, password: string) =>
    gateway.gql(InitiateAuthDocument, { input: { clientId, authFlow: "USER_PASSWORD_AUTH", authParameters: { USERNAME: username, PASSWORD: password } } }, null);

  it("creates the user on first sign-in with the password the old store accepted, and never asks again", async () => {
    const { poolId, clientId, path } = await migratingPool();
    const username = uniqueName("legacy");
    const first = expectData(await signIn(clientId, username, LEGACY_PASSWORD)).initiateAuth;
    expect(first.__typename).toBe("AuthenticationResult");
    const [request] = receiver.at(path);
    expect(request!.event).toMatchObject({ triggerSource: "UserMigration_Authentication", userPoolId: poolId, userName: username, request: { password: LEGACY_PASSWORD } });
    const user = expectData(await gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username })).adminGetUser;
    expect(user.userStatus).toBe("CONFIRMED");
    expect(user.attributes).toEqual(expect.arrayContaining([{ name: "name", value: "Old Timer" }, { name: "email_verified", value: "true" }]));

    // From now on the gateway checks the password itself: the trigger is not called again.
    expect(expectData(await signIn(clientId, username, LEGACY_PASSWORD)).initiateAuth.__typename).toBe("AuthenticationResult");
    expect(errorCodes(await signIn(clientId, username, "Wr0ng-Password!"))).toEqual(["NotAuthorizedException"]);
    expect(receiver.at(path)).toHaveLength(1);
  });

  it("creates nothing when the old store refuses the password", async () => {
    const { poolId, clientId } = await migratingPool();
    const username = uniqueName("legacy");
    const refused = await signIn(clientId, username, "Wr0ng-Password!");
    expect(errorCodes(refused)).toEqual(["UserLambdaValidationException"]);
    expect(refused.errors![0]!.message).toBe("UserMigration failed with error Bad password.");
    expect(errorCodes(await gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username }))).toEqual(["UserNotFoundException"]);
  });

  it("migrates on ForgotPassword without a password: the user is RESET_REQUIRED and sets one with the code", async () => {
    const { poolId, clientId, path } = await migratingPool();
    const username = uniqueName("legacy");
    const details = expectData(await gateway.gql(ForgotPasswordDocument, { input: { clientId, username } }, null)).forgotPassword;
    expect(details.deliveryMedium).toBe("EMAIL");
    const migration = receiver.at(path)[0]!;
    expect(migration.event.triggerSource).toBe("UserMigration_ForgotPassword");
    expect(migration.event.request.password).toBeUndefined();
    expect(expectData(await gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username })).adminGetUser.userStatus).toBe("RESET_REQUIRED");
    const code = (await latestMessage(gateway, poolId, `${username}@example.com`)).code!;
    expectData(await gateway.gql(ConfirmForgotPasswordDocument, { input: { clientId, username, confirmationCode: code, password: "Brand-N3w-Pass!" } }, null));
    expect(expectData(await signIn(clientId, username, "Brand-N3w-Pass!")).initiateAuth.__typename).toBe("AuthenticationResult");
  });

  it("honours finalUserStatus RESET_REQUIRED: the user is created but must reset before signing in", async () => {
    const { poolId, clientId } = await migratingPool();
    const username = uniqueName("legacyreset");
    const result = await signIn(clientId, username, LEGACY_PASSWORD);
    expect(errorCodes(result)).toEqual(["PasswordResetRequiredException"]);
    expect(expectData(await gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username })).adminGetUser.userStatus).toBe("RESET_REQUIRED");
  });

  it("answers an unknown name the old store does not know either with the trigger's refusal, creating nothing", async () => {
    const { poolId, clientId } = await migratingPool();
    const username = uniqueName("stranger");
    const result = await signIn(clientId, username, LEGACY_PASSWORD);
    expect(errorCodes(result)).toEqual(["UserLambdaValidationException"]);
    expect(result.errors![0]!.message).toBe("UserMigration failed with error User not found.");
    expect(errorCodes(await gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username }))).toEqual(["UserNotFoundException"]);
  });
});
