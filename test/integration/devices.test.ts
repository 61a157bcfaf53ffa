import { randomBytes, randomUUID } from "node:crypto";
import { decodeJwt } from "jose";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatSrpTimestamp } from "../../src/lib/srp-timestamp.js";
import { BACKENDS } from "../support/backends.js";
import { createDeviceVerifier, startDeviceSrp, type RememberedDevice } from "../support/cognito-device-client.js";
import { createSrpClient } from "../support/cognito-srp-client.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import {
  AdminForgetDeviceDocument,
  AdminInitiateAuthDocument,
  AdminGetDeviceDocument,
  AdminListDevicesDocument,
  AdminUpdateDeviceStatusDocument,
  AssociateSoftwareTokenDocument,
  ConfirmDeviceDocument,
  ForgetDeviceDocument,
  GetDeviceDocument,
  InitiateAuthDocument,
  ListDevicesDocument,
  SetUserMfaPreferenceDocument,
  UpdateDeviceStatusDocument,
  VerifySoftwareTokenDocument,
  type CreateUserPoolInput,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import {
  INCORRECT,
  SESSION_USED,
  answerVerifier,
  createConfirmedUser,
  createMidStepClock,
  expectChallenge,
  expectError,
  expectTokens,
  listEvents,
  passwordSignIn,
  refreshSignIn,
  respond,
  signInEnv,
  type Challenge,
  type Tokens,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const DEVICE_NOT_FOUND = "Device does not exist.";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

describe.each(BACKENDS)("remembered devices on $name", (backend) => {
  const clock = createMidStepClock();
  const secretsKey = randomBytes(32).toString("base64");
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend, {
      env: { ...signInEnv(backend), SECRETS_KEY: secretsKey },
      overrides: { clock },
    });
  });
  afterAll(async () => gateway?.close());

  const codeNow = (secret: string) => generate({ secret, epoch: Math.floor(clock.nowMs() / 1000) });
  const nextStep = () => clock.advanceSeconds(30);
  const timestampNow = () => formatSrpTimestamp(clock.now());
  const claimsOf = (token: string) => decodeJwt(token);

  type Ids = { poolId: string; clientId: string; username: string; sub: string };

  async function setup(poolInput: Partial<CreateUserPoolInput>): Promise<Ids> {
    const { poolId, clientId } = await createPoolWithClient(gateway, poolInput);
    const username = uniqueName("dev");
    const { sub } = await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD);
    return { poolId, clientId, username, sub };
  }

  const tracking = (challengeRequiredOnNewDevice: boolean, deviceOnlyRememberedOnUserPrompt: boolean) => ({
    deviceConfiguration: { challengeRequiredOnNewDevice, deviceOnlyRememberedOnUserPrompt },
  });
  const totpOn = { mfaConfiguration: "ON" as const, enabledMfas: ["SOFTWARE_TOKEN_MFA" as const] };

  /**
   * USER_SRP_AUTH as CognitoUser.authenticateUserDefaultAuth does it: DEVICE_KEY in AuthParameters and
   * in the PASSWORD_VERIFIER answer. Returns the outcome of the PASSWORD_VERIFIER answer.
   */
  async function srpWithDevice(ids: Ids, deviceKey: string | null, on: TestApp = gateway) {
    const client = createSrpClient(ids.poolId);
    const started = await on.gql(
      InitiateAuthDocument,
      {
        input: {
          clientId: ids.clientId,
          authFlow: "USER_SRP_AUTH",
          authParameters: {
            USERNAME: ids.username,
            SRP_A: client.srpA,
            ...(deviceKey ? { DEVICE_KEY: deviceKey } : {}),
          },
        },
      },
      null,
    );
    const challenge = expectChallenge(started);
    const answer = {
      ...answerVerifier(client, challenge, GOOD_PASSWORD, clock),
      ...(deviceKey ? { DEVICE_KEY: deviceKey } : {}),
    };
    return { challenge, answer, result: await respond(on, ids.clientId, challenge, answer) };
  }

  /** CognitoUser.getDeviceResponse: DEVICE_SRP_AUTH with SRP_A, then the device's claim. */
  async function proveDevice(
    ids: Ids,
    challenge: Challenge,
    device: RememberedDevice,
    options: { password?: string; second?: TestApp } = {},
  ) {
    expect(challenge.challengeName).toBe("DEVICE_SRP_AUTH");
    const client = startDeviceSrp(device);
    const verifier = expectChallenge(
      await respond(gateway, ids.clientId, challenge, {
        USERNAME: ids.username,
        DEVICE_KEY: device.deviceKey,
        SRP_A: client.srpA,
      }),
      "DEVICE_PASSWORD_VERIFIER",
    );
    expect(verifier.challengeParameters.USERNAME).toBe(ids.username);
    return respond(
      options.second ?? gateway,
      ids.clientId,
      verifier,
      client.answer(verifier.challengeParameters, ids.username, timestampNow(), options.password),
    );
  }

  async function confirm(ids: Ids, tokens: Tokens, deviceName = "vitest device") {
    expect(tokens.newDeviceMetadata).toBeTruthy();
    const { deviceSecretVerifierConfig, device } = createDeviceVerifier(
      tokens.newDeviceMetadata!,
      ids.poolId.split("_")[1]!,
    );
    const confirmed = expectData(
      await gateway.gql(
        ConfirmDeviceDocument,
        { input: { deviceKey: device.deviceKey, deviceSecretVerifierConfig, deviceName } },
        tokens.accessToken,
      ),
    ).confirmDevice;
    return { device, userConfirmationNecessary: confirmed.userConfirmationNecessary };
  }

  /** MFA_SETUP with an authenticator during the first sign-in (pool MFA ON); returns the secret and the tokens. */
  async function firstSignInWithTotpSetup(ids: Ids): Promise<{ secret: string; tokens: Tokens }> {
    const setupChallenge = expectChallenge((await srpWithDevice(ids, null)).result, "MFA_SETUP");
    const secret = expectData(
      await gateway.gql(AssociateSoftwareTokenDocument, { session: setupChallenge.session }, null),
    ).associateSoftwareToken.secretCode;
    const verified = expectData(
      await gateway.gql(
        VerifySoftwareTokenDocument,
        { userCode: await codeNow(secret), friendlyDeviceName: "Work phone", session: setupChallenge.session },
        null,
      ),
    ).verifySoftwareToken;
    const tokens = expectTokens(
      await respond(
        gateway,
        ids.clientId,
        { challengeName: "MFA_SETUP", session: verified.session! },
        { USERNAME: ids.username },
      ),
    );
    nextStep();
    return { secret, tokens };
  }

  const deviceEvents = async (poolId: string) =>
    (await listEvents(gateway, poolId))
      .filter((event) => event.type.startsWith("DEVICE_"))
      .map((event) => [event.type, event.detail.deviceKey, event.detail.status ?? null]);

  it("hands out NewDeviceMetadata, confirms with the SDK's verifier, signs in as the device (DEVICE_SRP_AUTH → DEVICE_PASSWORD_VERIFIER) with device_key in the tokens, across refreshes", async () => {
    const ids = await setup(tracking(true, false));
    const first = expectTokens((await srpWithDevice(ids, null)).result);
    const region = ids.poolId.split("_")[0]!;
    expect(first.newDeviceMetadata!.deviceKey).toMatch(new RegExp(`^${region}_${UUID}$`));
    expect(first.newDeviceMetadata!.deviceGroupKey).toBeTruthy();
    // The new device's key is already in the access token of the sign-in that created it.
    expect(claimsOf(first.accessToken).device_key).toBe(first.newDeviceMetadata!.deviceKey);

    const { device, userConfirmationNecessary } = await confirm(ids, first);
    expect(userConfirmationNecessary).toBe(false);
    const stored = expectData(
      await gateway.gql(GetDeviceDocument, { deviceKey: device.deviceKey }, first.accessToken),
    ).getDevice;
    expect(stored.deviceAttributes).toEqual(
      expect.arrayContaining([
        { name: "device_status", value: "valid" },
        { name: "device_remembered_status", value: "remembered" },
        { name: "device_name", value: "vitest device" },
      ]),
    );
    expect(stored.deviceLastAuthenticatedDate).toBeNull();

    clock.advanceSeconds(5);
    const deviceStep = expectChallenge((await srpWithDevice(ids, device.deviceKey)).result, "DEVICE_SRP_AUTH");
    const tokens = expectTokens(await proveDevice(ids, deviceStep, device));
    // A device sign-in hands out no new device.
    expect(tokens.newDeviceMetadata).toBeNull();
    expect(claimsOf(tokens.accessToken).device_key).toBe(device.deviceKey);
    expect(claimsOf(tokens.idToken).device_key).toBeUndefined();
    const after = expectData(
      await gateway.gql(GetDeviceDocument, { deviceKey: device.deviceKey }, tokens.accessToken),
    ).getDevice;
    expect(after.deviceLastAuthenticatedDate).toBe(clock.now().toISOString());
    expect(after.deviceAttributes.find((attribute) => attribute.name === "last_ip_used")?.value).toMatch(
      /127\.0\.0\.1/,
    );

    // Refreshes keep the device key of the sign-in, and need it, as the SDKs send it (CognitoUser.refreshSession).
    const refreshWithDevice = (refreshToken: string, deviceKey: string) =>
      gateway.gql(
        InitiateAuthDocument,
        {
          input: {
            clientId: ids.clientId,
            authFlow: "REFRESH_TOKEN_AUTH",
            authParameters: { REFRESH_TOKEN: refreshToken, DEVICE_KEY: deviceKey },
          },
        },
        null,
      );
    const refreshed = expectTokens(await refreshWithDevice(tokens.refreshToken!, device.deviceKey));
    expect(claimsOf(refreshed.accessToken).device_key).toBe(device.deviceKey);
    expect(refreshed.newDeviceMetadata).toBeNull();
    expectError(
      await refreshSignIn(gateway, ids.clientId, tokens.refreshToken!),
      "NotAuthorizedException",
      "Invalid Refresh Token",
    );
    expectError(
      await refreshWithDevice(tokens.refreshToken!, `${region}_${randomUUID()}`),
      "NotAuthorizedException",
      "Invalid Refresh Token",
    );
    // The first sign-in's token belongs to the same (now confirmed) device: the same rule.
    expectTokens(await refreshWithDevice(first.refreshToken!, device.deviceKey));
    expectError(
      await refreshSignIn(gateway, ids.clientId, first.refreshToken!),
      "NotAuthorizedException",
      "Invalid Refresh Token",
    );
    // A sign-in whose new device nobody confirmed refreshes without a device key.
    const unconfirmed = expectTokens((await srpWithDevice(ids, null)).result);
    expect(
      claimsOf(expectTokens(await refreshSignIn(gateway, ids.clientId, unconfirmed.refreshToken!)).accessToken)
        .device_key,
    ).toBe(unconfirmed.newDeviceMetadata!.deviceKey);

    // The device's SRP secrets never leave: not in events, not in the device's shape.
    const events = await listEvents(gateway, ids.poolId);
    expect(JSON.stringify(events)).not.toContain(device.randomPassword);
    expect(await deviceEvents(ids.poolId)).toEqual([["DEVICE_CONFIRMED", device.deviceKey, "remembered"]]);
    const signIns = events
      .filter((event) => event.type === "SIGN_IN_SUCCEEDED")
      .map((event) => [event.detail.deviceKey, event.detail.viaDevice]);
    expect(signIns).toEqual([
      [device.deviceKey, false],
      [device.deviceKey, true],
      [unconfirmed.newDeviceMetadata!.deviceKey, false],
    ]);
  });

  it("a remembered device skips the authenticator code (pool MFA ON); without the device, or once forgotten, the code is asked", async () => {
    const ids = await setup({ ...totpOn, ...tracking(true, false) });
    const { secret, tokens: first } = await firstSignInWithTotpSetup(ids);
    const { device } = await confirm(ids, first);

    const skipped = expectChallenge((await srpWithDevice(ids, device.deviceKey)).result, "DEVICE_SRP_AUTH");
    expect(claimsOf(expectTokens(await proveDevice(ids, skipped, device)).accessToken).device_key).toBe(
      device.deviceKey,
    );

    // Without the device: the authenticator, named as it was at verifySoftwareToken.
    const asked = expectChallenge((await srpWithDevice(ids, null)).result, "SOFTWARE_TOKEN_MFA");
    expect(asked.challengeParameters.FRIENDLY_DEVICE_NAME).toBe("Work phone");

    expectData(await gateway.gql(ForgetDeviceDocument, { deviceKey: device.deviceKey }, first.accessToken));
    expect((await deviceEvents(ids.poolId)).at(-1)).toEqual(["DEVICE_FORGOTTEN", device.deviceKey, null]);
    // The forgotten key is "Device does not exist."; the SDK then sends the same answer without it, on the same session.
    const { challenge, answer, result } = await srpWithDevice(ids, device.deviceKey);
    expectError(result, "ResourceNotFoundException", DEVICE_NOT_FOUND);
    const { DEVICE_KEY: _dropped, ...withoutDevice } = answer;
    const mfa = expectChallenge(await respond(gateway, ids.clientId, challenge, withoutDevice), "SOFTWARE_TOKEN_MFA");
    const tokens = expectTokens(
      await respond(gateway, ids.clientId, mfa, {
        USERNAME: ids.username,
        SOFTWARE_TOKEN_MFA_CODE: await codeNow(secret),
      }),
    );
    // Signed in as a new device.
    expect(tokens.newDeviceMetadata!.deviceKey).not.toBe(device.deviceKey);
    expectError(
      await gateway.gql(GetDeviceDocument, { deviceKey: device.deviceKey }, tokens.accessToken),
      "ResourceNotFoundException",
      DEVICE_NOT_FOUND,
    );
  });

  it("forgetting a device signs it out: its refresh tokens no longer refresh and its access tokens are refused; the user's other devices stay signed in (self and admin forms)", async () => {
    const ids = await setup(tracking(true, false));
    const refreshAs = (refreshToken: string, deviceKey: string) =>
      gateway.gql(
        InitiateAuthDocument,
        {
          input: {
            clientId: ids.clientId,
            authFlow: "REFRESH_TOKEN_AUTH",
            authParameters: { REFRESH_TOKEN: refreshToken, DEVICE_KEY: deviceKey },
          },
        },
        null,
      );
    const first = expectTokens((await srpWithDevice(ids, null)).result);
    const { device } = await confirm(ids, first);
    const second = expectTokens((await srpWithDevice(ids, null)).result);
    const { device: other } = await confirm(ids, second, "other device");
    const viaDevice = expectTokens(
      await proveDevice(
        ids,
        expectChallenge((await srpWithDevice(ids, device.deviceKey)).result, "DEVICE_SRP_AUTH"),
        device,
      ),
    );
    expectTokens(await refreshAs(viaDevice.refreshToken!, device.deviceKey));

    // Forgotten from the other device: every sign-in of the forgotten one ends, the creating one included.
    expectData(await gateway.gql(ForgetDeviceDocument, { deviceKey: device.deviceKey }, second.accessToken));
    expectError(await refreshAs(viaDevice.refreshToken!, device.deviceKey), "NotAuthorizedException");
    expectError(await refreshAs(first.refreshToken!, device.deviceKey), "NotAuthorizedException");
    expectError(
      await gateway.gql(ListDevicesDocument, {}, viaDevice.accessToken),
      "NotAuthorizedException",
      "Access Token has been revoked",
    );
    expect(claimsOf(expectTokens(await refreshAs(second.refreshToken!, other.deviceKey)).accessToken).device_key).toBe(
      other.deviceKey,
    );
    expect(
      expectData(await gateway.gql(ListDevicesDocument, {}, second.accessToken)).listDevices.devices.map(
        (listed) => listed.deviceKey,
      ),
    ).toEqual([other.deviceKey]);

    expectData(
      await gateway.gql(AdminForgetDeviceDocument, {
        userPoolId: ids.poolId,
        username: ids.username,
        deviceKey: other.deviceKey,
      }),
    );
    expectError(await refreshAs(second.refreshToken!, other.deviceKey), "NotAuthorizedException");
    expectError(
      await gateway.gql(ListDevicesDocument, {}, second.accessToken),
      "NotAuthorizedException",
      "Access Token has been revoked",
    );
  });

  it("user-prompt pools: a device stays not_remembered until the user says so; until then MFA is asked and the device proves itself after it", async () => {
    const ids = await setup({ ...totpOn, ...tracking(true, true) });
    const { secret, tokens: first } = await firstSignInWithTotpSetup(ids);
    const { device, userConfirmationNecessary } = await confirm(ids, first);
    expect(userConfirmationNecessary).toBe(true);
    const status = async (token: string) =>
      expectData(
        await gateway.gql(GetDeviceDocument, { deviceKey: device.deviceKey }, token),
      ).getDevice.deviceAttributes.find((attribute) => attribute.name === "device_remembered_status")?.value;
    expect(await status(first.accessToken)).toBe("not_remembered");

    // Not remembered: MFA first (CognitoUser.sendMFACode then gets DEVICE_SRP_AUTH), then the device's proof.
    const mfa = expectChallenge((await srpWithDevice(ids, device.deviceKey)).result, "SOFTWARE_TOKEN_MFA");
    const deviceStep = expectChallenge(
      await respond(gateway, ids.clientId, mfa, {
        USERNAME: ids.username,
        SOFTWARE_TOKEN_MFA_CODE: await codeNow(secret),
        DEVICE_KEY: device.deviceKey,
      }),
      "DEVICE_SRP_AUTH",
    );
    const tokens = expectTokens(await proveDevice(ids, deviceStep, device));
    expect(claimsOf(tokens.accessToken).device_key).toBe(device.deviceKey);

    expectData(
      await gateway.gql(
        UpdateDeviceStatusDocument,
        { deviceKey: device.deviceKey, deviceRememberedStatus: "remembered" },
        tokens.accessToken,
      ),
    );
    expect(await status(tokens.accessToken)).toBe("remembered");
    expectTokens(
      await proveDevice(
        ids,
        expectChallenge((await srpWithDevice(ids, device.deviceKey)).result, "DEVICE_SRP_AUTH"),
        device,
      ),
    );

    expectData(
      await gateway.gql(
        UpdateDeviceStatusDocument,
        { deviceKey: device.deviceKey, deviceRememberedStatus: "not_remembered" },
        tokens.accessToken,
      ),
    );
    expectChallenge((await srpWithDevice(ids, device.deviceKey)).result, "SOFTWARE_TOKEN_MFA");
    expect(await deviceEvents(ids.poolId)).toEqual([
      ["DEVICE_CONFIRMED", device.deviceKey, "not_remembered"],
      ["DEVICE_REMEMBERED", device.deviceKey, "remembered"],
      ["DEVICE_REMEMBERED", device.deviceKey, "not_remembered"],
    ]);
  });

  it("without challengeRequiredOnNewDevice even a remembered device is asked for MFA", async () => {
    const ids = await setup({ ...totpOn, ...tracking(false, false) });
    const { secret, tokens: first } = await firstSignInWithTotpSetup(ids);
    const { device } = await confirm(ids, first);
    const mfa = expectChallenge((await srpWithDevice(ids, device.deviceKey)).result, "SOFTWARE_TOKEN_MFA");
    const deviceStep = expectChallenge(
      await respond(gateway, ids.clientId, mfa, {
        USERNAME: ids.username,
        SOFTWARE_TOKEN_MFA_CODE: await codeNow(secret),
      }),
      "DEVICE_SRP_AUTH",
    );
    expectTokens(await proveDevice(ids, deviceStep, device));
  });

  it("refuses a wrong device proof (NotAuthorizedException, session spent) and an unknown device key (ResourceNotFoundException), in SRP and password flows", async () => {
    const ids = await setup(tracking(true, false));
    const { device } = await confirm(
      ids,
      expectTokens(await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD)),
    );

    const deviceStep = expectChallenge((await srpWithDevice(ids, device.deviceKey)).result, "DEVICE_SRP_AUTH");
    const client = startDeviceSrp(device);
    const verifier = expectChallenge(
      await respond(gateway, ids.clientId, deviceStep, {
        USERNAME: ids.username,
        DEVICE_KEY: device.deviceKey,
        SRP_A: client.srpA,
      }),
      "DEVICE_PASSWORD_VERIFIER",
    );
    const wrong = client.answer(
      verifier.challengeParameters,
      ids.username,
      timestampNow(),
      randomBytes(40).toString("base64"),
    );
    expectError(await respond(gateway, ids.clientId, verifier, wrong), "NotAuthorizedException", INCORRECT);
    expectError(
      await respond(
        gateway,
        ids.clientId,
        verifier,
        client.answer(verifier.challengeParameters, ids.username, timestampNow()),
      ),
      "NotAuthorizedException",
      SESSION_USED,
    );
    expect(
      (await listEvents(gateway, ids.poolId)).some(
        (event) => event.type === "SIGN_IN_FAILED" && event.detail.reason === "wrong device proof",
      ),
    ).toBe(true);

    // Another device key than the one the password step named.
    const named = expectChallenge((await srpWithDevice(ids, device.deviceKey)).result, "DEVICE_SRP_AUTH");
    const other = startDeviceSrp({ ...device, deviceKey: `${ids.poolId.split("_")[0]}_${randomUUID()}` });
    expectError(
      await respond(gateway, ids.clientId, named, {
        USERNAME: ids.username,
        DEVICE_KEY: `${ids.poolId.split("_")[0]}_${randomUUID()}`,
        SRP_A: other.srpA,
      }),
      "NotAuthorizedException",
      INCORRECT,
    );

    const unknown = `${ids.poolId.split("_")[0]}_${randomUUID()}`;
    expectError((await srpWithDevice(ids, unknown)).result, "ResourceNotFoundException", DEVICE_NOT_FOUND);
    expectError(
      await gateway.gql(
        InitiateAuthDocument,
        {
          input: {
            clientId: ids.clientId,
            authFlow: "USER_PASSWORD_AUTH",
            authParameters: { USERNAME: ids.username, PASSWORD: GOOD_PASSWORD, DEVICE_KEY: unknown },
          },
        },
        null,
      ),
      "ResourceNotFoundException",
      DEVICE_NOT_FOUND,
    );
    // A wrong password with an unknown device key learns nothing about the device.
    expectError(
      await gateway.gql(
        InitiateAuthDocument,
        {
          input: {
            clientId: ids.clientId,
            authFlow: "USER_PASSWORD_AUTH",
            authParameters: { USERNAME: ids.username, PASSWORD: "Wr0ng-Password!", DEVICE_KEY: unknown },
          },
        },
        null,
      ),
      "NotAuthorizedException",
      INCORRECT,
    );
    // USER_PASSWORD_AUTH with the confirmed device goes to DEVICE_SRP_AUTH as well.
    const viaPassword = expectChallenge(
      await gateway.gql(
        InitiateAuthDocument,
        {
          input: {
            clientId: ids.clientId,
            authFlow: "USER_PASSWORD_AUTH",
            authParameters: { USERNAME: ids.username, PASSWORD: GOOD_PASSWORD, DEVICE_KEY: device.deviceKey },
          },
        },
        null,
      ),
      "DEVICE_SRP_AUTH",
    );
    expectTokens(await proveDevice(ids, viaPassword, device));
  });

  it("a burst of wrong device proofs over 12 sessions is checked 5 times, then the user is locked out", async () => {
    const ids = await setup(tracking(true, false));
    const { device } = await confirm(
      ids,
      expectTokens(await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD)),
    );
    const answers: { verifier: Challenge; answer: Record<string, string> }[] = [];
    for (let i = 0; i < 12; i++) {
      const deviceStep = expectChallenge((await srpWithDevice(ids, device.deviceKey)).result, "DEVICE_SRP_AUTH");
      const client = startDeviceSrp(device);
      const verifier = expectChallenge(
        await respond(gateway, ids.clientId, deviceStep, {
          USERNAME: ids.username,
          DEVICE_KEY: device.deviceKey,
          SRP_A: client.srpA,
        }),
        "DEVICE_PASSWORD_VERIFIER",
      );
      answers.push({
        verifier,
        answer: client.answer(
          verifier.challengeParameters,
          ids.username,
          timestampNow(),
          randomBytes(40).toString("base64"),
        ),
      });
    }
    const results = await Promise.all(
      answers.map(({ verifier, answer }) => respond(gateway, ids.clientId, verifier, answer)),
    );
    const messages = results.map((result) => result.errors?.[0]?.message);
    expect(messages.filter((message) => message === INCORRECT)).toHaveLength(5);
    expect(messages.filter((message) => message === "Password attempts exceeded")).toHaveLength(7);
  });

  it("keeps a device challenge open after a malformed answer (no SRP_A, an unreadable TIMESTAMP): InvalidParameterException, then the corrected answer signs in", async () => {
    const ids = await setup(tracking(true, false));
    const { device } = await confirm(
      ids,
      expectTokens(await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD)),
    );
    const deviceStep = expectChallenge((await srpWithDevice(ids, device.deviceKey)).result, "DEVICE_SRP_AUTH");
    const client = startDeviceSrp(device);
    expectError(
      await respond(gateway, ids.clientId, deviceStep, { USERNAME: ids.username, DEVICE_KEY: device.deviceKey }),
      "InvalidParameterException",
      "Missing required parameter SRP_A",
    );
    expectError(
      await respond(gateway, ids.clientId, deviceStep, {
        USERNAME: ids.username,
        DEVICE_KEY: device.deviceKey,
        SRP_A: "0",
      }),
      "InvalidParameterException",
      "SRP_A is not a valid SRP public value.",
    );
    const verifier = expectChallenge(
      await respond(gateway, ids.clientId, deviceStep, {
        USERNAME: ids.username,
        DEVICE_KEY: device.deviceKey,
        SRP_A: client.srpA,
      }),
      "DEVICE_PASSWORD_VERIFIER",
    );
    // Signed over the text sent: only the format is wrong.
    const unreadable = client.answer(verifier.challengeParameters, ids.username, "yesterday at noon");
    expectError(
      await respond(gateway, ids.clientId, verifier, unreadable),
      "InvalidParameterException",
      "TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.",
    );
    const { PASSWORD_CLAIM_SIGNATURE: _signature, ...unsigned } = client.answer(
      verifier.challengeParameters,
      ids.username,
      timestampNow(),
    );
    expectError(
      await respond(gateway, ids.clientId, verifier, unsigned),
      "InvalidParameterException",
      "Missing required parameter PASSWORD_CLAIM_SIGNATURE",
    );
    const answer = client.answer(verifier.challengeParameters, ids.username, timestampNow());
    expect(claimsOf(expectTokens(await respond(gateway, ids.clientId, verifier, answer)).accessToken).device_key).toBe(
      device.deviceKey,
    );
    expectError(await respond(gateway, ids.clientId, verifier, answer), "NotAuthorizedException", SESSION_USED);
  });

  it("another user's device is not this user's: sign-in, get and forget answer Device does not exist.", async () => {
    const ids = await setup(tracking(true, false));
    const { device } = await confirm(
      ids,
      expectTokens(await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD)),
    );
    const otherName = uniqueName("other");
    const other = await createConfirmedUser(gateway, ids.poolId, otherName, GOOD_PASSWORD);
    const otherIds = { ...ids, username: otherName, sub: other.sub };
    expectError(
      (await srpWithDevice(otherIds, device.deviceKey)).result,
      "ResourceNotFoundException",
      DEVICE_NOT_FOUND,
    );
    const otherTokens = expectTokens(await passwordSignIn(gateway, ids.clientId, otherName, GOOD_PASSWORD));
    expectError(
      await gateway.gql(GetDeviceDocument, { deviceKey: device.deviceKey }, otherTokens.accessToken),
      "ResourceNotFoundException",
      DEVICE_NOT_FOUND,
    );
    expectError(
      await gateway.gql(ForgetDeviceDocument, { deviceKey: device.deviceKey }, otherTokens.accessToken),
      "ResourceNotFoundException",
      DEVICE_NOT_FOUND,
    );
    // Nor can another user confirm a device handed out to this one.
    const pending = expectTokens(
      await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
    ).newDeviceMetadata!;
    const { deviceSecretVerifierConfig } = createDeviceVerifier(pending, ids.poolId.split("_")[1]!);
    expectError(
      await gateway.gql(
        ConfirmDeviceDocument,
        { input: { deviceKey: pending.deviceKey, deviceSecretVerifierConfig } },
        otherTokens.accessToken,
      ),
      "ResourceNotFoundException",
      DEVICE_NOT_FOUND,
    );
  });

  it("lists, reads, updates and forgets devices, also in the admin forms; pending devices are not listed; a device is confirmed once", async () => {
    const ids = await setup(tracking(true, true));
    const devices: RememberedDevice[] = [];
    let token = "";
    for (let index = 0; index < 3; index += 1) {
      const tokens = expectTokens(await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD));
      devices.push((await confirm(ids, tokens, `device ${index}`)).device);
      token = tokens.accessToken;
    }
    // A fourth sign-in leaves a device pending (never confirmed): not listed, not readable.
    const pending = expectTokens(
      await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
    ).newDeviceMetadata!;
    expectError(
      await gateway.gql(GetDeviceDocument, { deviceKey: pending.deviceKey }, token),
      "ResourceNotFoundException",
      DEVICE_NOT_FOUND,
    );
    // Confirming twice is refused.
    const again = createDeviceVerifier(
      { deviceKey: devices[0]!.deviceKey, deviceGroupKey: devices[0]!.deviceGroupKey },
      "x",
    );
    expectError(
      await gateway.gql(
        ConfirmDeviceDocument,
        { input: { deviceKey: devices[0]!.deviceKey, deviceSecretVerifierConfig: again.deviceSecretVerifierConfig } },
        token,
      ),
      "DeviceKeyExistsException",
    );
    // A verifier that is not a group element (0) is refused.
    const zero = { passwordVerifier: Buffer.alloc(8).toString("base64"), salt: Buffer.from("salt").toString("base64") };
    expectError(
      await gateway.gql(
        ConfirmDeviceDocument,
        { input: { deviceKey: pending.deviceKey, deviceSecretVerifierConfig: zero } },
        token,
      ),
      "InvalidParameterException",
    );

    const sorted = devices.map((device) => device.deviceKey).sort();
    const firstPage = expectData(await gateway.gql(ListDevicesDocument, { limit: 2 }, token)).listDevices;
    expect(firstPage.devices.map((device) => device.deviceKey)).toEqual(sorted.slice(0, 2));
    expect(firstPage.paginationToken).toBeTruthy();
    const secondPage = expectData(
      await gateway.gql(ListDevicesDocument, { limit: 2, paginationToken: firstPage.paginationToken }, token),
    ).listDevices;
    expect(secondPage.devices.map((device) => device.deviceKey)).toEqual(sorted.slice(2));
    expect(secondPage.paginationToken).toBeNull();
    expectError(await gateway.gql(ListDevicesDocument, { limit: 61 }, token), "InvalidParameterException");
    expectError(
      await gateway.gql(ListDevicesDocument, { paginationToken: "garbage" }, token),
      "InvalidParameterException",
    );

    const admin = { userPoolId: ids.poolId, username: ids.username };
    const listed = expectData(await gateway.gql(AdminListDevicesDocument, { ...admin })).adminListDevices;
    expect(listed.devices.map((device) => device.deviceKey)).toEqual(sorted);
    expect(
      listed.devices.every((device) =>
        device.deviceAttributes.some(
          (attribute) => attribute.name === "device_remembered_status" && attribute.value === "not_remembered",
        ),
      ),
    ).toBe(true);
    // A user's page token does not page through another user's devices.
    const stranger = await createConfirmedUser(gateway, ids.poolId, uniqueName("stranger"), GOOD_PASSWORD);
    expectError(
      await gateway.gql(AdminListDevicesDocument, {
        userPoolId: ids.poolId,
        username: stranger.username,
        paginationToken: firstPage.paginationToken,
      }),
      "InvalidParameterException",
    );
    expect(
      expectData(await gateway.gql(AdminListDevicesDocument, { userPoolId: ids.poolId, username: stranger.username }))
        .adminListDevices.devices,
    ).toEqual([]);

    const target = devices[1]!.deviceKey;
    expectData(
      await gateway.gql(AdminUpdateDeviceStatusDocument, {
        ...admin,
        deviceKey: target,
        deviceRememberedStatus: "remembered",
      }),
    );
    const read = expectData(await gateway.gql(AdminGetDeviceDocument, { ...admin, deviceKey: target })).adminGetDevice;
    expect(read.deviceAttributes).toEqual(
      expect.arrayContaining([
        { name: "device_remembered_status", value: "remembered" },
        { name: "device_name", value: "device 1" },
      ]),
    );
    expectData(await gateway.gql(AdminForgetDeviceDocument, { ...admin, deviceKey: target }));
    expectError(
      await gateway.gql(AdminGetDeviceDocument, { ...admin, deviceKey: target }),
      "ResourceNotFoundException",
      DEVICE_NOT_FOUND,
    );
    expectError(
      await gateway.gql(AdminForgetDeviceDocument, { ...admin, deviceKey: target }),
      "ResourceNotFoundException",
      DEVICE_NOT_FOUND,
    );
    expectError(
      await gateway.gql(AdminGetDeviceDocument, { userPoolId: ids.poolId, username: "nobody-here", deviceKey: target }),
      "UserNotFoundException",
    );
    expect(
      expectData(await gateway.gql(ListDevicesDocument, {}, token)).listDevices.devices.map(
        (device) => device.deviceKey,
      ),
    ).toEqual(sorted.filter((key) => key !== target));
    // The self-service operations need the user's access token, the admin ones an admin key.
    expectError(await gateway.gql(ListDevicesDocument, {}), "NotAuthorizedException");
    expectError(await gateway.gql(AdminListDevicesDocument, { ...admin }, token), "NotAuthorizedException");

    const adminEvents = (await listEvents(gateway, ids.poolId)).filter(
      (event) => event.type === "DEVICE_REMEMBERED" || event.type === "DEVICE_FORGOTTEN",
    );
    expect(
      adminEvents.map((event) => [event.type, event.detail.deviceKey, event.actor.startsWith("admin-key:")]),
    ).toEqual([
      ["DEVICE_REMEMBERED", target, true],
      ["DEVICE_FORGOTTEN", target, true],
    ]);
  });

  it("pools without device tracking and admin sign-ins hand out no device", async () => {
    const plain = await setup({});
    const tokens = expectTokens(await passwordSignIn(gateway, plain.clientId, plain.username, GOOD_PASSWORD));
    expect(tokens.newDeviceMetadata).toBeNull();
    expect(claimsOf(tokens.accessToken).device_key).toBeUndefined();
    // A DEVICE_KEY sent to a pool that tracks no devices is ignored.
    expectTokens((await srpWithDevice(plain, `${plain.poolId.split("_")[0]}_${randomUUID()}`)).result);

    // The admin flow does no device tracking (cognito-reference §3.1), even in a pool that tracks devices.
    const { poolId, clientId } = await createPoolWithClient(gateway, tracking(true, false), {
      explicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    });
    const username = uniqueName("admin");
    await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD);
    const adminTokens = expectTokens(
      await gateway.gql(AdminInitiateAuthDocument, {
        input: {
          userPoolId: poolId,
          clientId,
          authFlow: "ADMIN_USER_PASSWORD_AUTH",
          authParameters: { USERNAME: username, PASSWORD: GOOD_PASSWORD },
        },
      }),
    );
    expect(adminTokens.newDeviceMetadata).toBeNull();
    expect(claimsOf(adminTokens.accessToken).device_key).toBeUndefined();
    // …while the public flow of the same pool does.
    expect(
      expectTokens(await passwordSignIn(gateway, clientId, username, GOOD_PASSWORD)).newDeviceMetadata,
    ).toBeTruthy();
  });

  // The embedded backend keeps sessions in the process's memory; two processes share them only on MariaDB + Redis.
  describe.skipIf(backend.name === "embedded")("steps on two gateway processes", () => {
    let second: TestApp;
    beforeAll(async () => {
      second = await getTestApp(backend, {
        env: { ...signInEnv(backend), SECRETS_KEY: secretsKey },
        overrides: { clock },
      });
    });
    afterAll(async () => second?.close());

    it("one MFA sign-in: password on the first process, the authenticator code on the second", async () => {
      const ids = await setup({ mfaConfiguration: "OPTIONAL", enabledMfas: ["SOFTWARE_TOKEN_MFA"] });
      const token = expectTokens(await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD)).accessToken;
      const secret = expectData(await gateway.gql(AssociateSoftwareTokenDocument, {}, token)).associateSoftwareToken
        .secretCode;
      expectData(await second.gql(VerifySoftwareTokenDocument, { userCode: await codeNow(secret) }, token));
      expectData(
        await second.gql(
          SetUserMfaPreferenceDocument,
          { input: { softwareTokenMfaSettings: { enabled: true, preferredMfa: true } } },
          token,
        ),
      );
      nextStep();
      const mfa = expectChallenge((await srpWithDevice(ids, null)).result, "SOFTWARE_TOKEN_MFA");
      const code = await codeNow(secret);
      expectTokens(await respond(second, ids.clientId, mfa, { USERNAME: ids.username, SOFTWARE_TOKEN_MFA_CODE: code }));
      // Used up on both processes.
      expectError(
        await respond(gateway, ids.clientId, mfa, { USERNAME: ids.username, SOFTWARE_TOKEN_MFA_CODE: code }),
        "NotAuthorizedException",
        SESSION_USED,
      );
    });

    it("one device sign-in: password on the first, DEVICE_SRP_AUTH on the first, DEVICE_PASSWORD_VERIFIER on the second", async () => {
      const ids = await setup(tracking(true, false));
      const { device } = await confirm(ids, expectTokens((await srpWithDevice(ids, null, second)).result));
      const deviceStep = expectChallenge((await srpWithDevice(ids, device.deviceKey)).result, "DEVICE_SRP_AUTH");
      const tokens = expectTokens(await proveDevice(ids, deviceStep, device, { second }));
      expect(claimsOf(tokens.accessToken).device_key).toBe(device.deviceKey);
    });
  });
});
