import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  AdminInitiateAuthCommand,
  GetUserAuthFactorsCommand,
  AdminGetUserAuthFactorsCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cognitoClient, createAwsCredentials } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import {
  AdminGetUserAuthFactorsDocument,
  AdminGetUserDocument,
  AdminInitiateAuthDocument,
  AdminSetUserMfaPreferenceDocument,
  GetUserAuthFactorsDocument,
  SignUpDocument,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import { createSrpClient } from "../support/cognito-srp-client.js";
import {
  answerVerifier,
  createMidStepClock,
  expectChallenge,
  expectError,
  expectTokens,
  listEvents,
  respond,
  signInEnv,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import {
  latestOtp,
  otherCode,
  PASSWORDLESS_POOL,
  USER_AUTH_CLIENT,
  userAuth,
  userAuthSetup,
} from "../support/user-auth.js";

const CODE_MISMATCH = "Invalid code or auth state for the user.";

/** USER_AUTH (reference-oauth §13.2): the choice, the preferred factor, the password factors and one-time codes, on both APIs. */
describe.each(BACKENDS)("USER_AUTH sign-in on $name", (backend) => {
  const clock = createMidStepClock();
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend), overrides: { clock } });
  });
  afterAll(async () => gateway?.close());

  const attributesOf = async (poolId: string, username: string) =>
    Object.fromEntries(
      expectData(await gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username })).adminGetUser.attributes.map(
        (attribute) => [attribute.name, attribute.value],
      ),
    );

  it("offers the user's factors (SELECT_CHALLENGE), sends an 8-digit EMAIL_OTP on ANSWER and signs in with it; the code verifies the email", async () => {
    const ids = await userAuthSetup(gateway);
    const choice = expectChallenge(
      await userAuth(gateway, ids.clientId, { USERNAME: ids.username }),
      "SELECT_CHALLENGE",
    );
    expect(choice.availableChallenges).toEqual(["EMAIL_OTP", "SMS_OTP", "PASSWORD_SRP", "PASSWORD"]);
    expect(choice.challengeParameters.CODE_DELIVERY_DESTINATION).toBeNull();
    const otp = expectChallenge(
      await respond(gateway, ids.clientId, choice, { USERNAME: ids.username, ANSWER: "EMAIL_OTP" }),
      "EMAIL_OTP",
    );
    expect(otp.challengeParameters).toMatchObject({
      CODE_DELIVERY_DELIVERY_MEDIUM: "EMAIL",
      CODE_DELIVERY_DESTINATION: `${ids.username[0]}***@e***`,
    });
    const message = await latestOtp(gateway, ids.poolId, ids.email);
    expect(message).toMatchObject({ purpose: "EMAIL_OTP", deliveryMedium: "EMAIL" });
    expect(message.code).toMatch(/^\d{8}$/);
    expectError(
      await respond(gateway, ids.clientId, otp, { USERNAME: ids.username, EMAIL_OTP_CODE: otherCode(message.code) }),
      "CodeMismatchException",
      CODE_MISMATCH,
    );
    const tokens = expectTokens(
      await respond(gateway, ids.clientId, otp, { USERNAME: ids.username, EMAIL_OTP_CODE: message.code }),
    );
    expect(decodeJwt(tokens.accessToken)).toMatchObject({ sub: ids.sub, username: ids.username, token_use: "access" });
    expect((await attributesOf(ids.poolId, ids.username)).email_verified).toBe("true");

    const events = (await listEvents(gateway, ids.poolId))
      .filter((event) => event.detail.userSub === ids.sub)
      .map((event) => [event.type, event.detail.challengeName ?? event.detail.purpose ?? null]);
    expect(events.slice(-6)).toEqual([
      ["CHALLENGE_ISSUED", "SELECT_CHALLENGE"],
      ["CODE_SENT", "EMAIL_OTP"],
      ["CHALLENGE_ISSUED", "EMAIL_OTP"],
      ["SIGN_IN_FAILED", "EMAIL_OTP"],
      ["USER_ATTRIBUTES_CHANGED", null],
      ["SIGN_IN_SUCCEEDED", null],
    ]);
  });

  it("goes straight to PREFERRED_CHALLENGE=SMS_OTP (code by SMS, phone verified after), and falls back to the choice for a factor the user lacks", async () => {
    const ids = await userAuthSetup(gateway);
    const otp = expectChallenge(
      await userAuth(gateway, ids.clientId, { USERNAME: ids.username, PREFERRED_CHALLENGE: "SMS_OTP" }),
      "SMS_OTP",
    );
    expect(otp.availableChallenges).toEqual(["SMS_OTP"]);
    expect(otp.challengeParameters).toMatchObject({
      CODE_DELIVERY_DELIVERY_MEDIUM: "SMS",
      CODE_DELIVERY_DESTINATION: `+${"*".repeat(ids.phone.length - 5)}${ids.phone.slice(-4)}`,
    });
    const { code } = await latestOtp(gateway, ids.poolId, ids.phone);
    expectTokens(await respond(gateway, ids.clientId, otp, { USERNAME: ids.username, SMS_OTP_CODE: code }));
    expect((await attributesOf(ids.poolId, ids.username)).phone_number_verified).toBe("true");

    // No passkeys served here, and WEB_AUTHN not allowed: the choice instead, never an error.
    const fallback = expectChallenge(
      await userAuth(gateway, ids.clientId, { USERNAME: ids.username, PREFERRED_CHALLENGE: "WEB_AUTHN" }),
      "SELECT_CHALLENGE",
    );
    expect(fallback.availableChallenges).toEqual(["EMAIL_OTP", "SMS_OTP", "PASSWORD_SRP", "PASSWORD"]);
  });

  it("PASSWORD and PASSWORD_SRP as preferred factors and as ANSWERs", async () => {
    const ids = await userAuthSetup(gateway);
    expectTokens(
      await userAuth(gateway, ids.clientId, {
        USERNAME: ids.username,
        PREFERRED_CHALLENGE: "PASSWORD",
        PASSWORD: GOOD_PASSWORD,
      }),
    );
    expectError(
      await userAuth(gateway, ids.clientId, {
        USERNAME: ids.username,
        PREFERRED_CHALLENGE: "PASSWORD",
        PASSWORD: "Wr0ng-Password!",
      }),
      "NotAuthorizedException",
      "Incorrect username or password.",
    );

    const srp = createSrpClient(ids.poolId);
    const verifier = expectChallenge(
      await userAuth(gateway, ids.clientId, {
        USERNAME: ids.username,
        PREFERRED_CHALLENGE: "PASSWORD_SRP",
        SRP_A: srp.srpA,
      }),
      "PASSWORD_VERIFIER",
    );
    expectTokens(await respond(gateway, ids.clientId, verifier, answerVerifier(srp, verifier, GOOD_PASSWORD, clock)));

    const choice = expectChallenge(
      await userAuth(gateway, ids.clientId, { USERNAME: ids.username }),
      "SELECT_CHALLENGE",
    );
    expectTokens(
      await respond(gateway, ids.clientId, choice, {
        USERNAME: ids.username,
        ANSWER: "PASSWORD",
        PASSWORD: GOOD_PASSWORD,
      }),
    );

    const srp2 = createSrpClient(ids.poolId);
    const choice2 = expectChallenge(
      await userAuth(gateway, ids.clientId, { USERNAME: ids.username }),
      "SELECT_CHALLENGE",
    );
    const verifier2 = expectChallenge(
      await respond(gateway, ids.clientId, choice2, {
        USERNAME: ids.username,
        ANSWER: "PASSWORD_SRP",
        SRP_A: srp2.srpA,
      }),
      "PASSWORD_VERIFIER",
    );
    expectTokens(
      await respond(gateway, ids.clientId, verifier2, answerVerifier(srp2, verifier2, GOOD_PASSWORD, clock)),
    );
  });

  it("an ANSWER not offered (or missing its password) keeps the choice open; the session then works", async () => {
    const ids = await userAuthSetup(gateway, { signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] } });
    const choice = expectChallenge(
      await userAuth(gateway, ids.clientId, { USERNAME: ids.username }),
      "SELECT_CHALLENGE",
    );
    expect(choice.availableChallenges).toEqual(["EMAIL_OTP", "PASSWORD_SRP", "PASSWORD"]);
    expectError(
      await respond(gateway, ids.clientId, choice, { USERNAME: ids.username, ANSWER: "SMS_OTP" }),
      "InvalidParameterException",
      'ANSWER must be one of ["EMAIL_OTP","PASSWORD_SRP","PASSWORD"].',
    );
    expectError(
      await respond(gateway, ids.clientId, choice, { USERNAME: ids.username, ANSWER: "PASSWORD" }),
      "InvalidParameterException",
      "Missing required parameter PASSWORD",
    );
    expectTokens(
      await respond(gateway, ids.clientId, choice, {
        USERNAME: ids.username,
        ANSWER: "PASSWORD",
        PASSWORD: GOOD_PASSWORD,
      }),
    );
  });

  it("needs ALLOW_USER_AUTH on the client", async () => {
    const ids = await userAuthSetup(gateway, PASSWORDLESS_POOL, {
      explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    });
    expectError(
      await userAuth(gateway, ids.clientId, { USERNAME: ids.username }),
      "InvalidParameterException",
      "USER_AUTH flow not enabled for this client",
    );
  });

  it("a pool that allows only PASSWORD offers only the password factors", async () => {
    const ids = await userAuthSetup(gateway, {});
    const choice = expectChallenge(
      await userAuth(gateway, ids.clientId, { USERNAME: ids.username, PREFERRED_CHALLENGE: "EMAIL_OTP" }),
      "SELECT_CHALLENGE",
    );
    expect(choice.availableChallenges).toEqual(["PASSWORD_SRP", "PASSWORD"]);
  });

  it("MFA OPTIONAL: a user with MFA switched on is offered the password factors only, and the password leads to MFA", async () => {
    const ids = await userAuthSetup(gateway, {
      ...PASSWORDLESS_POOL,
      mfaConfiguration: "OPTIONAL",
      enabledMfas: ["EMAIL_OTP"],
    });
    expectData(
      await gateway.gql(AdminSetUserMfaPreferenceDocument, {
        input: {
          userPoolId: ids.poolId,
          username: ids.username,
          emailMfaSettings: { enabled: true, preferredMfa: true },
        },
      }),
    );
    const choice = expectChallenge(
      await userAuth(gateway, ids.clientId, { USERNAME: ids.username, PREFERRED_CHALLENGE: "EMAIL_OTP" }),
      "SELECT_CHALLENGE",
    );
    expect(choice.availableChallenges).toEqual(["PASSWORD_SRP", "PASSWORD"]);
    const mfa = expectChallenge(
      await respond(gateway, ids.clientId, choice, {
        USERNAME: ids.username,
        ANSWER: "PASSWORD",
        PASSWORD: GOOD_PASSWORD,
      }),
      "EMAIL_OTP",
    );
    // The MFA code is the 6-digit one of the MFA steps, not a first-factor code.
    expect(mfa.availableChallenges).toBeNull();
  });

  it("an OTP first factor confirms an UNCONFIRMED user (passwordless sign-up without ConfirmSignUp)", async () => {
    const { poolId, clientId } = await createPoolWithClient(gateway, PASSWORDLESS_POOL, USER_AUTH_CLIENT);
    const username = uniqueName("unc");
    const email = `${username}@example.com`;
    expectData(
      await gateway.gql(
        SignUpDocument,
        { input: { clientId, username, userAttributes: [{ name: "email", value: email }] } },
        null,
      ),
    );
    const otp = expectChallenge(
      await userAuth(gateway, clientId, { USERNAME: username, PREFERRED_CHALLENGE: "EMAIL_OTP" }),
      "EMAIL_OTP",
    );
    expectTokens(
      await respond(gateway, clientId, otp, {
        USERNAME: username,
        EMAIL_OTP_CODE: (await latestOtp(gateway, poolId, email)).code,
      }),
    );
    const user = expectData(await gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username })).adminGetUser;
    expect(user.userStatus).toBe("CONFIRMED");
    expect(user.attributes.find((attribute) => attribute.name === "email_verified")?.value).toBe("true");
  });

  it("an unknown name sees the same choices and a simulated EMAIL_OTP (nothing sent); LEGACY clients say UserNotFoundException", async () => {
    const ids = await userAuthSetup(gateway);
    const real = expectChallenge(await userAuth(gateway, ids.clientId, { USERNAME: ids.username }), "SELECT_CHALLENGE");
    const unknownName = uniqueName("nobody");
    const simulated = expectChallenge(
      await userAuth(gateway, ids.clientId, { USERNAME: unknownName }),
      "SELECT_CHALLENGE",
    );
    expect(simulated.availableChallenges).toEqual(real.availableChallenges);
    expect(simulated.challengeParameters).toEqual(real.challengeParameters);
    const otp = expectChallenge(
      await respond(gateway, ids.clientId, simulated, { USERNAME: unknownName, ANSWER: "EMAIL_OTP" }),
      "EMAIL_OTP",
    );
    expect(otp.challengeParameters.CODE_DELIVERY_DELIVERY_MEDIUM).toBe("EMAIL");
    expect(otp.challengeParameters.CODE_DELIVERY_DESTINATION).toMatch(/^.\*\*\*@.\*\*\*$/);
    // Stable for the name: asking again shows the same masked address.
    const again = expectChallenge(
      await userAuth(gateway, ids.clientId, { USERNAME: unknownName, PREFERRED_CHALLENGE: "EMAIL_OTP" }),
      "EMAIL_OTP",
    );
    expect(again.challengeParameters.CODE_DELIVERY_DESTINATION).toBe(otp.challengeParameters.CODE_DELIVERY_DESTINATION);
    expectError(
      await respond(gateway, ids.clientId, otp, { USERNAME: unknownName, EMAIL_OTP_CODE: "12345678" }),
      "CodeMismatchException",
      CODE_MISMATCH,
    );

    const legacy = await createPoolWithClient(gateway, PASSWORDLESS_POOL, {
      ...USER_AUTH_CLIENT,
      preventUserExistenceErrors: "LEGACY",
    });
    expectError(
      await userAuth(gateway, legacy.clientId, { USERNAME: unknownName }),
      "UserNotFoundException",
      "User does not exist.",
    );
  });

  it("a pool that allows WEB_AUTHN but has no RP ID (no domain, none configured): an unknown name is not offered a passkey either", async () => {
    const ids = await userAuthSetup(gateway, {
      signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN"] },
    });
    const real = expectChallenge(await userAuth(gateway, ids.clientId, { USERNAME: ids.username }), "SELECT_CHALLENGE");
    expect(real.availableChallenges).not.toContain("WEB_AUTHN");
    const simulated = expectChallenge(
      await userAuth(gateway, ids.clientId, { USERNAME: uniqueName("nobody") }),
      "SELECT_CHALLENGE",
    );
    expect(simulated.availableChallenges).toEqual(real.availableChallenges);
  });

  it("AdminInitiateAuth USER_AUTH, and an answer naming another user is refused", async () => {
    const ids = await userAuthSetup(gateway);
    const other = await userAuthSetup(gateway);
    const choice = expectChallenge(
      await gateway.gql(AdminInitiateAuthDocument, {
        input: {
          userPoolId: ids.poolId,
          clientId: ids.clientId,
          authFlow: "USER_AUTH",
          authParameters: { USERNAME: ids.username },
        },
      }),
      "SELECT_CHALLENGE",
    );
    expect(choice.availableChallenges).toEqual(["EMAIL_OTP", "SMS_OTP", "PASSWORD_SRP", "PASSWORD"]);
    const publicChoice = expectChallenge(
      await userAuth(gateway, ids.clientId, { USERNAME: ids.username }),
      "SELECT_CHALLENGE",
    );
    expectError(
      await respond(gateway, ids.clientId, publicChoice, {
        USERNAME: other.username,
        ANSWER: "PASSWORD",
        PASSWORD: GOOD_PASSWORD,
      }),
      "NotAuthorizedException",
    );
  });

  it("GetUserAuthFactors and AdminGetUserAuthFactors list the USER_AUTH factors", async () => {
    const ids = await userAuthSetup(gateway);
    const token = expectTokens(
      await userAuth(gateway, ids.clientId, {
        USERNAME: ids.username,
        PREFERRED_CHALLENGE: "PASSWORD",
        PASSWORD: GOOD_PASSWORD,
      }),
    ).accessToken;
    const own = expectData(await gateway.gql(GetUserAuthFactorsDocument, {}, token)).getUserAuthFactors;
    expect(own).toEqual({
      username: ids.username,
      preferredMfaSetting: null,
      userMfaSettingList: [],
      configuredUserAuthFactors: ["EMAIL_OTP", "SMS_OTP", "PASSWORD"],
    });
    expect(
      expectData(await gateway.gql(AdminGetUserAuthFactorsDocument, { userPoolId: ids.poolId, username: ids.username }))
        .adminGetUserAuthFactors,
    ).toEqual(own);
  });

  describe("on the wire (AWS SDK)", () => {
    let sdk: CognitoIdentityProviderClient;
    let admin: CognitoIdentityProviderClient;
    beforeAll(async () => {
      sdk = cognitoClient(gateway);
      admin = cognitoClient(gateway, await createAwsCredentials(gateway));
    });

    it("InitiateAuth → SELECT_CHALLENGE with AvailableChallenges, EMAIL_OTP, tokens; AdminInitiateAuth; GetUserAuthFactors", async () => {
      const ids = await userAuthSetup(gateway);
      const choice = await sdk.send(
        new InitiateAuthCommand({
          ClientId: ids.clientId,
          AuthFlow: "USER_AUTH",
          AuthParameters: { USERNAME: ids.username },
        }),
      );
      expect(choice).toMatchObject({
        ChallengeName: "SELECT_CHALLENGE",
        ChallengeParameters: {},
        AvailableChallenges: ["EMAIL_OTP", "SMS_OTP", "PASSWORD_SRP", "PASSWORD"],
      });
      const otp = await sdk.send(
        new RespondToAuthChallengeCommand({
          ClientId: ids.clientId,
          ChallengeName: "SELECT_CHALLENGE",
          Session: choice.Session,
          ChallengeResponses: { USERNAME: ids.username, ANSWER: "EMAIL_OTP" },
        }),
      );
      expect(otp).toMatchObject({
        ChallengeName: "EMAIL_OTP",
        ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: "EMAIL" },
      });
      const { code } = await latestOtp(gateway, ids.poolId, ids.email);
      const done = await sdk.send(
        new RespondToAuthChallengeCommand({
          ClientId: ids.clientId,
          ChallengeName: "EMAIL_OTP",
          Session: otp.Session,
          ChallengeResponses: { USERNAME: ids.username, EMAIL_OTP_CODE: code },
        }),
      );
      expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
      expect(done.ChallengeName).toBeUndefined();
      expect(done.AvailableChallenges).toBeUndefined();

      const factors = await sdk.send(
        new GetUserAuthFactorsCommand({ AccessToken: done.AuthenticationResult!.AccessToken }),
      );
      expect(factors).toMatchObject({
        Username: ids.username,
        ConfiguredUserAuthFactors: ["EMAIL_OTP", "SMS_OTP", "PASSWORD"],
      });
      const adminFactors = await admin.send(
        new AdminGetUserAuthFactorsCommand({ UserPoolId: ids.poolId, Username: ids.username }),
      );
      expect(adminFactors.ConfiguredUserAuthFactors).toEqual(["EMAIL_OTP", "SMS_OTP", "PASSWORD"]);

      const adminChoice = await admin.send(
        new AdminInitiateAuthCommand({
          UserPoolId: ids.poolId,
          ClientId: ids.clientId,
          AuthFlow: "USER_AUTH",
          AuthParameters: { USERNAME: ids.username, PREFERRED_CHALLENGE: "PASSWORD", PASSWORD: GOOD_PASSWORD },
        }),
      );
      expect(adminChoice.AuthenticationResult?.IdToken).toBeTruthy();
    });
  });
});
