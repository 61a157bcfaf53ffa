import {
  AdminCreateUserCommand,
  AdminForgetDeviceCommand,
  AdminGetDeviceCommand,
  AdminListDevicesCommand,
  AdminUpdateDeviceStatusCommand,
  AdminSetUserMFAPreferenceCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GetDeviceCommand,
  GetUserCommand,
  ListDevicesCommand,
  NotAuthorizedException,
  ResourceNotFoundException,
  SetUserPoolMfaConfigCommand,
  UpdateDeviceStatusCommand,
  UpdateUserPoolCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { CognitoUserAttribute, type CognitoUserSession, type ISignUpResult } from "amazon-cognito-identity-js";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/lib/clock.js";
import { cognitoClient, createAwsCredentials } from "../support/aws-clients.js";
import {
  authenticate,
  call,
  callbacks,
  expectSuccess,
  failureOf,
  identityPool,
  MapStorage,
  stepCallbacks,
  userOf,
  type SignInStep,
} from "../support/aws-identity-js.js";
import { BACKENDS } from "../support/backends.js";
import { GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import { decodeJwt } from "jose";
import { signInEnv, verifyIndependently } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const STEP_MS = 30_000;
const PHONE = "+15555550142";

describe.each(BACKENDS)("amazon-cognito-identity-js pointed at the gateway on $name", (backend) => {
  // Near the real time (the library's SRP TIMESTAMP is the wall clock), mid 30-second step for TOTP.
  const clock = createManualClock(new Date(Math.floor(Date.now() / STEP_MS) * STEP_MS + STEP_MS / 2));
  let gateway: TestApp;
  let admin: CognitoIdentityProviderClient;

  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend), overrides: { clock } });
    admin = cognitoClient(gateway, await createAwsCredentials(gateway));
  });
  afterAll(async () => {
    admin?.destroy();
    await gateway?.close();
  });

  /** A pool and a public SRP client, made through the Cognito API with the AWS SDK. */
  async function createPool(mfa?: { sms?: boolean; totp?: boolean }): Promise<{ poolId: string; clientId: string }> {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({ PoolName: uniqueName("acij"), AutoVerifiedAttributes: ["email"] }),
    );
    const poolId = UserPool!.Id!;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: "spa",
        ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      }),
    );
    if (mfa) {
      await admin.send(
        new SetUserPoolMfaConfigCommand({
          UserPoolId: poolId,
          MfaConfiguration: "OPTIONAL",
          SoftwareTokenMfaConfiguration: { Enabled: mfa.totp ?? false },
          ...(mfa.sms ? { SmsMfaConfiguration: { SmsAuthenticationMessage: "Your code is {####}" } } : {}),
        }),
      );
    }
    return { poolId, clientId: UserPoolClient!.ClientId! };
  }

  /** signUp and confirmRegistration with the code the gateway "sent" (read from its outbox). */
  async function signUpConfirmed(poolId: string, clientId: string, storage: MapStorage) {
    const pool = identityPool(gateway, poolId, clientId, storage);
    const username = uniqueName("acij");
    const email = `${username}@example.com`;
    const result = await call<ISignUpResult>((done) =>
      pool.signUp(username, GOOD_PASSWORD, [new CognitoUserAttribute({ Name: "email", Value: email })], [], done),
    );
    expect(result.userConfirmed).toBe(false);
    const { code } = await latestMessage(gateway, poolId, email);
    await call((done) => result.user.confirmRegistration(code!, true, done));
    return { pool, username, email, sub: result.userSub };
  }

  const awaitStep = (run: (handlers: ReturnType<typeof stepCallbacks>) => void) =>
    new Promise<SignInStep>((resolve, reject) => run(stepCallbacks(resolve, reject)));

  it("signs up, confirms, signs in with SRP, refreshes, changes the password and signs out everywhere", async () => {
    const { poolId, clientId } = await createPool();
    const storage = new MapStorage();
    const { pool, username, email, sub } = await signUpConfirmed(poolId, clientId, storage);
    const user = userOf(pool, username, storage);

    const session = expectSuccess(await authenticate(user, username, GOOD_PASSWORD));
    const idToken = session.getIdToken().getJwtToken();
    expect((await verifyIndependently(gateway, poolId, idToken, { audience: clientId })).payload).toMatchObject({
      sub,
      email,
      "cognito:username": username,
      token_use: "id",
    });
    expect((await verifyIndependently(gateway, poolId, session.getAccessToken().getJwtToken())).payload).toMatchObject({
      sub,
      client_id: clientId,
      token_use: "access",
    });

    const data = await call<{ Username: string; UserAttributes: { Name: string; Value: string }[] }>((done) =>
      user.getUserData(done, { bypassCache: true }),
    );
    expect(data.Username).toBe(username);
    expect(data.UserAttributes).toEqual(expect.arrayContaining([{ Name: "email", Value: email }]));

    clock.advanceSeconds(2);
    const refreshed = await call<CognitoUserSession>((done) => user.refreshSession(session.getRefreshToken(), done));
    expect(refreshed.getAccessToken().getJwtToken()).not.toBe(session.getAccessToken().getJwtToken());
    await verifyIndependently(gateway, poolId, refreshed.getIdToken().getJwtToken(), { audience: clientId });

    expect(await call((done) => user.changePassword(GOOD_PASSWORD, "N3w-Passphrase!", done))).toBe("SUCCESS");
    const wrong = await failureOf(authenticate(userOf(pool, username, new MapStorage()), username, GOOD_PASSWORD));
    expect(wrong.code).toBe("NotAuthorizedException");
    const second = expectSuccess(await authenticate(userOf(pool, username, storage), username, "N3w-Passphrase!"));

    await callbacks((handlers) => user.globalSignOut(handlers));
    const revoked = await failureOf(
      admin.send(new GetUserCommand({ AccessToken: second.getAccessToken().getJwtToken() })),
    );
    expect(revoked).toBeInstanceOf(NotAuthorizedException);
    const noRefresh = await failureOf(
      call((done) => userOf(pool, username, new MapStorage()).refreshSession(second.getRefreshToken(), done)),
    );
    expect(noRefresh.code).toBe("NotAuthorizedException");
  });

  it("recovers a forgotten password with the code from the outbox", async () => {
    const { poolId, clientId } = await createPool();
    const storage = new MapStorage();
    const { pool, username, email } = await signUpConfirmed(poolId, clientId, storage);
    const user = userOf(pool, username, storage);
    const delivery = await new Promise<{ CodeDeliveryDetails: { DeliveryMedium: string; AttributeName: string } }>(
      (resolve, reject) =>
        user.forgotPassword({
          onSuccess: () => reject(new Error("expected inputVerificationCode first")),
          onFailure: reject,
          inputVerificationCode: resolve,
        }),
    );
    expect(delivery.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: "EMAIL", AttributeName: "email" });
    const { code } = await latestMessage(gateway, poolId, email);
    expect(await callbacks((handlers) => user.confirmPassword(code!, "Rec0vered-Pass!", handlers))).toBe("SUCCESS");
    expectSuccess(await authenticate(userOf(pool, username, new MapStorage()), username, "Rec0vered-Pass!"));
  });

  it("completes newPasswordRequired for an admin-created user", async () => {
    const { poolId, clientId } = await createPool();
    const username = uniqueName("invited");
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: username,
        TemporaryPassword: "Temp0rary-Pass!",
        MessageAction: "SUPPRESS",
        UserAttributes: [
          { Name: "email", Value: `${username}@example.com` },
          { Name: "email_verified", Value: "true" },
        ],
      }),
    );
    const storage = new MapStorage();
    const user = userOf(identityPool(gateway, poolId, clientId, storage), username, storage);
    const step = await authenticate(user, username, "Temp0rary-Pass!");
    expect(step.kind).toBe("newPasswordRequired");
    if (step.kind !== "newPasswordRequired") return;
    expect(step.userAttributes.email).toBe(`${username}@example.com`);
    const done = await awaitStep((handlers) => user.completeNewPasswordChallenge(GOOD_PASSWORD, {}, handlers));
    await verifyIndependently(gateway, poolId, expectSuccess(done).getIdToken().getJwtToken(), { audience: clientId });
  });

  it("sets up an authenticator and answers totpRequired at the next sign-in", async () => {
    const { poolId, clientId } = await createPool({ totp: true });
    const storage = new MapStorage();
    const { pool, username } = await signUpConfirmed(poolId, clientId, storage);
    const user = userOf(pool, username, storage);
    expectSuccess(await authenticate(user, username, GOOD_PASSWORD));

    const secret = await new Promise<string>((resolve, reject) =>
      user.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject }),
    );
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const codeNow = () => generate({ secret, epoch: Math.floor(clock.nowMs() / 1000) });
    const setupCode = await codeNow();
    await callbacks((handlers) => user.verifySoftwareToken(setupCode, "phone", handlers));
    await call((done) => user.setUserMfaPreference(null, { Enabled: true, PreferredMfa: true }, done));
    clock.advanceSeconds(30);

    const next = userOf(pool, username, new MapStorage());
    const challenge = await authenticate(next, username, GOOD_PASSWORD);
    expect(challenge.kind).toBe("totpRequired");
    const code = await codeNow();
    const mismatch = await failureOf(
      awaitStep((handlers) =>
        next.sendMFACode(code === "000000" ? "000001" : "000000", handlers, "SOFTWARE_TOKEN_MFA"),
      ),
    );
    expect(mismatch.code).toBe("CodeMismatchException");
    const done = await awaitStep((handlers) => next.sendMFACode(code, handlers, "SOFTWARE_TOKEN_MFA"));
    await verifyIndependently(gateway, poolId, expectSuccess(done).getAccessToken().getJwtToken());
  });

  it("answers mfaRequired with the SMS code from the outbox", async () => {
    const { poolId, clientId } = await createPool({ sms: true });
    const storage = new MapStorage();
    const username = uniqueName("sms");
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: username,
        TemporaryPassword: "Temp0rary-Pass!",
        MessageAction: "SUPPRESS",
        UserAttributes: [
          { Name: "phone_number", Value: PHONE },
          { Name: "phone_number_verified", Value: "true" },
        ],
      }),
    );
    const pool = identityPool(gateway, poolId, clientId, storage);
    const user = userOf(pool, username, storage);
    const first = await authenticate(user, username, "Temp0rary-Pass!");
    expect(first.kind).toBe("newPasswordRequired");
    expectSuccess(await awaitStep((handlers) => user.completeNewPasswordChallenge(GOOD_PASSWORD, {}, handlers)));
    await admin.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: poolId,
        Username: username,
        SMSMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );

    const next = userOf(pool, username, new MapStorage());
    const step = await authenticate(next, username, GOOD_PASSWORD);
    expect(step.kind).toBe("mfaRequired");
    if (step.kind !== "mfaRequired") return;
    expect(step.challengeName).toBe("SMS_MFA");
    expect(step.parameters.CODE_DELIVERY_DELIVERY_MEDIUM).toBe("SMS");
    const { code } = await latestMessage(gateway, poolId, PHONE);
    const done = await awaitStep((handlers) => next.sendMFACode(code!, handlers));
    await verifyIndependently(gateway, poolId, expectSuccess(done).getIdToken().getJwtToken(), { audience: clientId });
    // The legacy MFAOptions GetUser answers while SMS MFA is on, as getMFAOptions reads it.
    expect(await call((callback) => next.getMFAOptions(callback))).toEqual([
      { DeliveryMedium: "SMS", AttributeName: "phone_number" },
    ]);
  });
  it("remembers a device: ConfirmDevice at sign-in, setDeviceStatusRemembered, then a device SRP sign-in that skips MFA", async () => {
    const { poolId, clientId } = await createPool({ totp: true });
    await admin.send(
      new UpdateUserPoolCommand({
        UserPoolId: poolId,
        DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
      }),
    );
    const storage = new MapStorage();
    const { pool, username } = await signUpConfirmed(poolId, clientId, storage);

    // First sign-in: the gateway hands out NewDeviceMetadata and the library confirms the device on its own.
    const user = userOf(pool, username, storage);
    const first = await authenticate(user, username, GOOD_PASSWORD);
    expect(first).toMatchObject({ kind: "success", userConfirmationNecessary: true });
    const deviceKey = storage.getItem(`CognitoIdentityServiceProvider.${clientId}.${username}.deviceKey`);
    expect(deviceKey).toMatch(/^[\w-]+_[0-9a-f-]+$/);

    const secret = await new Promise<string>((resolve, reject) =>
      user.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject }),
    );
    const codeNow = () => generate({ secret, epoch: Math.floor(clock.nowMs() / 1000) });
    const setupCode = await codeNow();
    await callbacks((handlers) => user.verifySoftwareToken(setupCode, "phone", handlers));
    await call((done) => user.setUserMfaPreference(null, { Enabled: true, PreferredMfa: true }, done));
    await callbacks((handlers) => user.setDeviceStatusRemembered(handlers));
    clock.advanceSeconds(30);

    const listed = await admin.send(new AdminListDevicesCommand({ UserPoolId: poolId, Username: username }));
    expect(listed.Devices!.map((device) => device.DeviceKey)).toEqual([deviceKey]);
    expect(listed.Devices![0]!.DeviceAttributes).toEqual(
      expect.arrayContaining([{ Name: "dev:device_remembered_status", Value: "remembered" }]),
    );
    expect(listed.Devices![0]!.DeviceCreateDate).toBeInstanceOf(Date);

    // Another browser (no stored device) must answer the authenticator...
    expect((await authenticate(userOf(pool, username, new MapStorage()), username, GOOD_PASSWORD)).kind).toBe(
      "totpRequired",
    );
    // ...while the remembered device signs in with device SRP and skips it.
    const again = expectSuccess(await authenticate(userOf(pool, username, storage), username, GOOD_PASSWORD));
    const access = again.getAccessToken().getJwtToken();
    await verifyIndependently(gateway, poolId, access);
    expect(decodeJwt(access).device_key).toBe(deviceKey);
    expect(
      (await admin.send(new AdminGetDeviceCommand({ UserPoolId: poolId, Username: username, DeviceKey: deviceKey! })))
        .Device!.DeviceLastAuthenticatedDate,
    ).toBeInstanceOf(Date);
    // The library refreshes with the device's key (the device's refresh tokens need it)...
    const refreshed = await call<CognitoUserSession>((done) =>
      userOf(pool, username, storage).refreshSession(again.getRefreshToken(), done),
    );
    expect(decodeJwt(refreshed.getAccessToken().getJwtToken()).device_key).toBe(deviceKey);
    // ...and a library that lost it (another browser holding the token) is refused.
    expect(
      await failureOf(
        call((done) => userOf(pool, username, new MapStorage()).refreshSession(again.getRefreshToken(), done)),
      ),
    ).toMatchObject({ code: "NotAuthorizedException", message: "Invalid Refresh Token" });
    // The access-token forms, with the token in the body as the SDK sends it.
    expect(
      (await admin.send(new ListDevicesCommand({ AccessToken: access }))).Devices!.map((device) => device.DeviceKey),
    ).toEqual([deviceKey]);
    await admin.send(
      new UpdateDeviceStatusCommand({
        AccessToken: access,
        DeviceKey: deviceKey!,
        DeviceRememberedStatus: "not_remembered",
      }),
    );
    const fetched = (await admin.send(new GetDeviceCommand({ AccessToken: access, DeviceKey: deviceKey! }))).Device!;
    expect(fetched.DeviceAttributes).toEqual(
      expect.arrayContaining([{ Name: "dev:device_remembered_status", Value: "not_remembered" }]),
    );
    await admin.send(
      new AdminUpdateDeviceStatusCommand({
        UserPoolId: poolId,
        Username: username,
        DeviceKey: deviceKey!,
        DeviceRememberedStatus: "remembered",
      }),
    );
    const relisted = (await admin.send(new AdminListDevicesCommand({ UserPoolId: poolId, Username: username })))
      .Devices!;
    expect(relisted[0]!.DeviceAttributes).toEqual(
      expect.arrayContaining([{ Name: "dev:device_remembered_status", Value: "remembered" }]),
    );

    await admin.send(new AdminForgetDeviceCommand({ UserPoolId: poolId, Username: username, DeviceKey: deviceKey! }));
    expect(
      await failureOf(
        admin.send(new AdminGetDeviceCommand({ UserPoolId: poolId, Username: username, DeviceKey: deviceKey! })),
      ),
    ).toBeInstanceOf(ResourceNotFoundException);
    clock.advanceSeconds(30);
    // The library drops a device the gateway no longer knows and falls back to MFA.
    expect((await authenticate(userOf(pool, username, storage), username, GOOD_PASSWORD)).kind).toBe("totpRequired");
  });
});
