import { InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { decodeJwt } from "jose";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cognitoClient } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import {
  createPoolWithClient,
  GOOD_PASSWORD,
  latestMessage,
  statusAndAttributesOf,
  uniqueName,
} from "../support/directory.js";
import {
  AdminCreateUserDocument,
  AdminGetUserDocument,
  AdminGetUserMfaDocument,
  AdminSetUserMfaPreferenceDocument,
  AdminUpdateUserAttributesDocument,
  AssociateSoftwareTokenDocument,
  SetUserMfaPreferenceDocument,
  SetUserPoolMfaConfigDocument,
  VerifySoftwareTokenDocument,
  type AttributeInput,
  type CreateUserPoolInput,
  type MfaFactor,
  type SetUserMfaPreferenceInput,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import {
  SESSION_EXPIRED,
  SESSION_USED,
  createConfirmedUser,
  createMidStepClock,
  expectChallenge,
  expectError,
  expectTokens,
  listEvents,
  passwordSignIn,
  respond,
  signInEnv,
  srpSignIn,
  type Challenge,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { messageCount } from "../support/user-auth.js";

const CODE_MISMATCH = "Invalid code or auth state for the user.";
const PHONE = "+15555550100";
/** SIGN_IN_CODES_PER_HOUR (src/core/flows/sign-in/sign-in.codes.ts), in the MFA codes' own budget. */
const CODE_LIMIT = 10;
const CODE_LIMITED = `Too many sign-in codes were requested for this user (at most ${CODE_LIMIT} an hour). Use the last code sent, wait before asking for another, or sign in another way.`;

describe.each(BACKENDS)("sign-in MFA steps on $name", (backend) => {
  const clock = createMidStepClock();
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend), overrides: { clock } });
  });
  afterAll(async () => gateway?.close());

  /** What the authenticator app shows now: computed by otplib, never by the gateway. */
  const codeNow = (secret: string) => generate({ secret, epoch: Math.floor(clock.nowMs() / 1000) });
  /** A 6-digit code that is surely not `code`. */
  const otherThan = (code: string) => (code === "000000" ? "000001" : "000000");
  /** Moves to the next 30-second step, so the authenticator shows a code not yet used. */
  const nextStep = () => clock.advanceSeconds(30);

  async function setup(poolInput: Partial<CreateUserPoolInput> = {}, attributes: AttributeInput[] = []) {
    const { poolId, clientId } = await createPoolWithClient(gateway, {
      mfaConfiguration: "OPTIONAL",
      enabledMfas: ["SOFTWARE_TOKEN_MFA", "SMS_MFA", "EMAIL_OTP"],
      ...poolInput,
    });
    const username = uniqueName("mfa");
    const { sub } = await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD, attributes);
    return { poolId, clientId, username, sub };
  }

  const setPreference = async (token: string, input: SetUserMfaPreferenceInput) =>
    expectData(await gateway.gql(SetUserMfaPreferenceDocument, { input }, token));
  const adminSetPreference = async (poolId: string, username: string, input: SetUserMfaPreferenceInput) =>
    expectData(
      await gateway.gql(AdminSetUserMfaPreferenceDocument, { input: { userPoolId: poolId, username, ...input } }),
    );
  const associate = (session: string) => gateway.gql(AssociateSoftwareTokenDocument, { session }, null);
  const verify = (session: string, userCode: string) =>
    gateway.gql(VerifySoftwareTokenDocument, { userCode, session }, null);

  /** Signs in without MFA (OPTIONAL pool, no factor yet), sets up an authenticator and switches it on. */
  async function withAuthenticator(
    ids: { clientId: string; username: string },
    settings: { preferredMfa?: boolean } = {},
  ): Promise<string> {
    const token = expectTokens(await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD)).accessToken;
    const secret = expectData(await gateway.gql(AssociateSoftwareTokenDocument, {}, token)).associateSoftwareToken
      .secretCode;
    expect(
      expectData(await gateway.gql(VerifySoftwareTokenDocument, { userCode: await codeNow(secret) }, token))
        .verifySoftwareToken.status,
    ).toBe("SUCCESS");
    await setPreference(token, {
      softwareTokenMfaSettings: { enabled: true, preferredMfa: settings.preferredMfa ?? false },
    });
    nextStep();
    return secret;
  }

  const mfaEvents = async (poolId: string, sub: string) =>
    (await listEvents(gateway, poolId))
      .filter((event) => event.detail.userSub === sub && /^MFA_|^SIGN_IN_SUCCEEDED$/.test(event.type))
      .map((event) => [event.type, event.detail.factor ?? event.detail.challengeName ?? null]);

  describe("SOFTWARE_TOKEN_MFA", () => {
    it("a wrong code is CodeMismatchException and the same session then succeeds; a replayed code is refused", async () => {
      const ids = await setup();
      const secret = await withAuthenticator(ids);
      const challenge = expectChallenge(
        await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
        "SOFTWARE_TOKEN_MFA",
      );
      expect(challenge.challengeParameters.USER_ID_FOR_SRP).toBe(ids.username);
      // No code at all is a malformed answer, not a wrong one: nothing is counted (no failure among the events below).
      expectError(
        await respond(gateway, ids.clientId, challenge, { USERNAME: ids.username }),
        "InvalidParameterException",
        "Missing required parameter SOFTWARE_TOKEN_MFA_CODE",
      );
      const code = await codeNow(secret);
      expectError(
        await respond(gateway, ids.clientId, challenge, {
          USERNAME: ids.username,
          SOFTWARE_TOKEN_MFA_CODE: otherThan(code),
        }),
        "CodeMismatchException",
        CODE_MISMATCH,
      );
      const tokens = expectTokens(
        await respond(gateway, ids.clientId, challenge, { USERNAME: ids.username, SOFTWARE_TOKEN_MFA_CODE: code }),
      );
      expect(tokens.refreshToken).toBeTruthy();
      // Used up by the tokens.
      expectError(
        await respond(gateway, ids.clientId, challenge, { USERNAME: ids.username, SOFTWARE_TOKEN_MFA_CODE: code }),
        "NotAuthorizedException",
        SESSION_USED,
      );

      // The same code on a new sign-in, within its 30 seconds: a replay.
      const again = expectChallenge(
        await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
        "SOFTWARE_TOKEN_MFA",
      );
      expectError(
        await respond(gateway, ids.clientId, again, { USERNAME: ids.username, SOFTWARE_TOKEN_MFA_CODE: code }),
        "CodeMismatchException",
        CODE_MISMATCH,
      );
      nextStep();
      expectTokens(
        await respond(gateway, ids.clientId, again, {
          USERNAME: ids.username,
          SOFTWARE_TOKEN_MFA_CODE: await codeNow(secret),
        }),
      );

      expect(await mfaEvents(ids.poolId, ids.sub)).toEqual([
        ["SIGN_IN_SUCCEEDED", null],
        ["MFA_ENABLED", "SOFTWARE_TOKEN_MFA"],
        ["MFA_CHALLENGE_FAILED", "SOFTWARE_TOKEN_MFA"],
        ["MFA_CHALLENGE_PASSED", "SOFTWARE_TOKEN_MFA"],
        ["SIGN_IN_SUCCEEDED", null],
        ["MFA_CHALLENGE_FAILED", "SOFTWARE_TOKEN_MFA"],
        ["MFA_CHALLENGE_PASSED", "SOFTWARE_TOKEN_MFA"],
        ["SIGN_IN_SUCCEEDED", null],
      ]);
    });

    it("follows USER_SRP_AUTH too: PASSWORD_VERIFIER → SOFTWARE_TOKEN_MFA → tokens", async () => {
      const ids = await setup();
      const secret = await withAuthenticator(ids);
      const challenge = expectChallenge(
        await srpSignIn(gateway, { ...ids, password: GOOD_PASSWORD, clock }),
        "SOFTWARE_TOKEN_MFA",
      );
      expectTokens(
        await respond(gateway, ids.clientId, challenge, {
          USERNAME: ids.username,
          SOFTWARE_TOKEN_MFA_CODE: await codeNow(secret),
        }),
      );
    });
  });

  describe("SMS_MFA and EMAIL_OTP", () => {
    it("SMS_MFA sends a 6-digit code rendered from smsAuthenticationMessage; the code signs in", async () => {
      const ids = await setup({ smsAuthenticationMessage: "Acme sign-in code: {####}" }, [
        { name: "phone_number", value: PHONE },
      ]);
      await adminSetPreference(ids.poolId, ids.username, { smsMfaSettings: { enabled: true } });
      const challenge = expectChallenge(
        await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
        "SMS_MFA",
      );
      expect(challenge.challengeParameters).toMatchObject({
        CODE_DELIVERY_DELIVERY_MEDIUM: "SMS",
        CODE_DELIVERY_DESTINATION: "+*******0100",
        USER_ID_FOR_SRP: ids.username,
      });
      const message = await latestMessage(gateway, ids.poolId, PHONE);
      expect(message).toMatchObject({ purpose: "SMS_MFA", deliveryMedium: "SMS", subject: null });
      expect(message.body).toMatch(/^Acme sign-in code: \d{6}$/);
      expectError(
        await respond(gateway, ids.clientId, challenge, {
          USERNAME: ids.username,
          SMS_MFA_CODE: otherThan(message.code!),
        }),
        "CodeMismatchException",
        CODE_MISMATCH,
      );
      expectTokens(
        await respond(gateway, ids.clientId, challenge, { USERNAME: ids.username, SMS_MFA_CODE: message.code! }),
      );

      // The code is never stored or recorded as itself.
      expect(JSON.stringify(await listEvents(gateway, ids.poolId))).not.toContain(message.code!);
    });

    it("a passed SMS_MFA code proves the number: phone_number_verified becomes true (cognito-reference §3.4)", async () => {
      const ids = await setup({}, [{ name: "phone_number", value: PHONE }]);
      const verifiedFlag = async () =>
        expectData(
          await gateway.gql(AdminGetUserDocument, { userPoolId: ids.poolId, username: ids.username }),
        ).adminGetUser.attributes.find((attribute) => attribute.name === "phone_number_verified")?.value;
      expect(await verifiedFlag()).not.toBe("true");
      await adminSetPreference(ids.poolId, ids.username, { smsMfaSettings: { enabled: true } });
      const challenge = expectChallenge(
        await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
        "SMS_MFA",
      );
      const tokens = expectTokens(
        await respond(gateway, ids.clientId, challenge, {
          USERNAME: ids.username,
          SMS_MFA_CODE: (await latestMessage(gateway, ids.poolId, PHONE)).code!,
        }),
      );
      expect(await verifiedFlag()).toBe("true");
      // The tokens of this very sign-in already say so.
      expect(decodeJwt(tokens.idToken).phone_number_verified).toBe(true);
      const changes = (await listEvents(gateway, ids.poolId)).filter(
        (event) => event.type === "USER_ATTRIBUTES_CHANGED" && event.detail.via === "SMS_MFA",
      );
      expect(changes.map((event) => event.detail.attributes)).toEqual([["phone_number_verified"]]);
    });

    it("EMAIL_OTP sends the code with the pool's email MFA subject and message", async () => {
      const email = `${uniqueName("otp")}@example.com`;
      const ids = await setup({}, [{ name: "email", value: email }]);
      expectData(
        await gateway.gql(SetUserPoolMfaConfigDocument, {
          userPoolId: ids.poolId,
          input: { emailMfaSubject: "Your Acme code", emailMfaMessage: "Sign in with {####}." },
        }),
      );
      await adminSetPreference(ids.poolId, ids.username, { emailMfaSettings: { enabled: true } });
      const challenge = expectChallenge(
        await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
        "EMAIL_OTP",
      );
      expect(challenge.challengeParameters).toMatchObject({
        CODE_DELIVERY_DELIVERY_MEDIUM: "EMAIL",
        CODE_DELIVERY_DESTINATION: `${email[0]}***@e***`,
      });
      const message = await latestMessage(gateway, ids.poolId, email);
      expect(message).toMatchObject({ purpose: "EMAIL_OTP", deliveryMedium: "EMAIL", subject: "Your Acme code" });
      expect(message.body).toMatch(/^Sign in with \d{6}\.$/);
      expectTokens(
        await respond(gateway, ids.clientId, challenge, { USERNAME: ids.username, EMAIL_OTP_CODE: message.code! }),
      );
      expect(await mfaEvents(ids.poolId, ids.sub)).toEqual([
        ["MFA_ENABLED", "EMAIL_OTP"],
        ["MFA_CHALLENGE_PASSED", "EMAIL_OTP"],
        ["SIGN_IN_SUCCEEDED", null],
      ]);
    });

    it("three wrong codes void the session: even the right code is then refused", async () => {
      const email = `${uniqueName("void")}@example.com`;
      const ids = await setup({}, [{ name: "email", value: email }]);
      await adminSetPreference(ids.poolId, ids.username, { emailMfaSettings: { enabled: true } });
      const challenge = expectChallenge(
        await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
        "EMAIL_OTP",
      );
      const { code } = await latestMessage(gateway, ids.poolId, email);
      for (let attempt = 0; attempt < 3; attempt += 1) {
        expectError(
          await respond(gateway, ids.clientId, challenge, { USERNAME: ids.username, EMAIL_OTP_CODE: otherThan(code!) }),
          "CodeMismatchException",
          CODE_MISMATCH,
        );
      }
      expectError(
        await respond(gateway, ids.clientId, challenge, { USERNAME: ids.username, EMAIL_OTP_CODE: code! }),
        "NotAuthorizedException",
      );
      const failures = (await listEvents(gateway, ids.poolId))
        .filter((event) => event.type === "MFA_CHALLENGE_FAILED")
        .map((event) => [event.detail.failedAttempts, event.detail.sessionVoided]);
      expect(failures).toEqual([
        [1, false],
        [2, false],
        [3, true],
      ]);
      // A new sign-in (password again) gets a new code.
      const fresh = expectChallenge(
        await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
        "EMAIL_OTP",
      );
      expectTokens(
        await respond(gateway, ids.clientId, fresh, {
          USERNAME: ids.username,
          EMAIL_OTP_CODE: (await latestMessage(gateway, ids.poolId, email)).code!,
        }),
      );
    });

    it("an answer without its code is InvalidParameterException and uses up nothing: not the session's tries, not the lockout", async () => {
      const email = `${uniqueName("nocode")}@example.com`;
      const ids = await setup({}, [
        { name: "email", value: email },
        { name: "phone_number", value: PHONE },
      ]);
      await adminSetPreference(ids.poolId, ids.username, { emailMfaSettings: { enabled: true } });
      const challenge = expectChallenge(
        await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
        "EMAIL_OTP",
      );
      // Five: were they counted, three would void the session and the fifth would lock the user out.
      for (let attempt = 0; attempt < 5; attempt += 1)
        expectError(
          await respond(gateway, ids.clientId, challenge, { USERNAME: ids.username }),
          "InvalidParameterException",
          "Missing required parameter EMAIL_OTP_CODE",
        );
      const { code } = await latestMessage(gateway, ids.poolId, email);
      expectTokens(await respond(gateway, ids.clientId, challenge, { USERNAME: ids.username, EMAIL_OTP_CODE: code! }));
      await adminSetPreference(ids.poolId, ids.username, { smsMfaSettings: { enabled: true, preferredMfa: true } });
      const sms = expectChallenge(await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD), "SMS_MFA");
      expectError(
        await respond(gateway, ids.clientId, sms, { USERNAME: ids.username, SMS_MFA_CODE: "" }),
        "InvalidParameterException",
        "Missing required parameter SMS_MFA_CODE",
      );
      expect((await listEvents(gateway, ids.poolId)).filter((event) => event.type === "MFA_CHALLENGE_FAILED")).toEqual(
        [],
      );
    });

    it("of parallel submissions of the right code on one session, exactly one gets tokens", async () => {
      const ids = await setup({}, [{ name: "phone_number", value: PHONE }]);
      await adminSetPreference(ids.poolId, ids.username, { smsMfaSettings: { enabled: true } });
      const challenge = expectChallenge(
        await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
        "SMS_MFA",
      );
      const { code } = await latestMessage(gateway, ids.poolId, PHONE);
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          respond(gateway, ids.clientId, challenge, { USERNAME: ids.username, SMS_MFA_CODE: code! }),
        ),
      );
      expect(
        results.filter((result) => result.data?.respondToAuthChallenge.__typename === "AuthenticationResult"),
      ).toHaveLength(1);
      expect(results.filter((result) => errorCodes(result)[0] === "NotAuthorizedException")).toHaveLength(5);
    });

    it("wrong codes count towards the user's sign-in lockout, across sessions", async () => {
      const email = `${uniqueName("lock")}@example.com`;
      const ids = await setup({}, [{ name: "email", value: email }]);
      await adminSetPreference(ids.poolId, ids.username, { emailMfaSettings: { enabled: true } });
      const wrongAnswers = async (count: number) => {
        const challenge = expectChallenge(
          await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
          "EMAIL_OTP",
        );
        const { code } = await latestMessage(gateway, ids.poolId, email);
        for (let attempt = 0; attempt < count; attempt += 1) {
          expectError(
            await respond(gateway, ids.clientId, challenge, {
              USERNAME: ids.username,
              EMAIL_OTP_CODE: otherThan(code!),
            }),
            "CodeMismatchException",
            CODE_MISMATCH,
          );
        }
        return { challenge, code: code! };
      };
      await wrongAnswers(3);
      // The fifth failure starts a lockout (cognito-reference §11.2): even the right code is refused during it.
      const { challenge, code } = await wrongAnswers(2);
      expectError(
        await respond(gateway, ids.clientId, challenge, { USERNAME: ids.username, EMAIL_OTP_CODE: code }),
        "NotAuthorizedException",
        "Password attempts exceeded",
      );
      expectError(
        await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
        "NotAuthorizedException",
        "Password attempts exceeded",
      );
      expect(
        (await listEvents(gateway, ids.poolId)).some(
          (event) => event.type === "USER_LOCKED_OUT" && event.detail.userSub === ids.sub,
        ),
      ).toBe(true);
      clock.advanceSeconds(2);
      const fresh = expectChallenge(
        await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
        "EMAIL_OTP",
      );
      expectTokens(
        await respond(gateway, ids.clientId, fresh, {
          USERNAME: ids.username,
          EMAIL_OTP_CODE: (await latestMessage(gateway, ids.poolId, email)).code!,
        }),
      );
    });

    it("a code lives as long as the client's auth session: after it, the session is expired (§3.5, §9.1)", async () => {
      const ids = await setup({}, [{ name: "phone_number", value: PHONE }]);
      await adminSetPreference(ids.poolId, ids.username, { smsMfaSettings: { enabled: true } });
      const challenge = expectChallenge(
        await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
        "SMS_MFA",
      );
      const { code } = await latestMessage(gateway, ids.poolId, PHONE);
      // The default AuthSessionValidity is 3 minutes; the code is kept in the session, so both end together.
      clock.advanceSeconds(3 * 60 + 1);
      expectError(
        await respond(gateway, ids.clientId, challenge, { USERNAME: ids.username, SMS_MFA_CODE: code! }),
        "NotAuthorizedException",
        SESSION_EXPIRED,
      );
    });
  });

  describe("SELECT_MFA_TYPE", () => {
    it("with two factors and none preferred, asks which; ANSWER picks the challenge", async () => {
      const ids = await setup({}, [{ name: "phone_number", value: PHONE }]);
      const secret = await withAuthenticator(ids);
      await adminSetPreference(ids.poolId, ids.username, { smsMfaSettings: { enabled: true } });
      const select = expectChallenge(
        await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
        "SELECT_MFA_TYPE",
      );
      expect(JSON.parse(select.challengeParameters.MFAS_CAN_CHOOSE!)).toEqual(["SMS_MFA", "SOFTWARE_TOKEN_MFA"]);
      // A factor not offered keeps the question open on the same session.
      expectError(
        await respond(gateway, ids.clientId, select, { USERNAME: ids.username, ANSWER: "EMAIL_OTP" }),
        "InvalidParameterException",
      );
      const totpChallenge = expectChallenge(
        await respond(gateway, ids.clientId, select, { USERNAME: ids.username, ANSWER: "SOFTWARE_TOKEN_MFA" }),
        "SOFTWARE_TOKEN_MFA",
      );
      expectTokens(
        await respond(gateway, ids.clientId, totpChallenge, {
          USERNAME: ids.username,
          SOFTWARE_TOKEN_MFA_CODE: await codeNow(secret),
        }),
      );

      const again = expectChallenge(
        await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
        "SELECT_MFA_TYPE",
      );
      const sms = expectChallenge(
        await respond(gateway, ids.clientId, again, { USERNAME: ids.username, ANSWER: "SMS_MFA" }),
        "SMS_MFA",
      );
      expectTokens(
        await respond(gateway, ids.clientId, sms, {
          USERNAME: ids.username,
          SMS_MFA_CODE: (await latestMessage(gateway, ids.poolId, PHONE)).code!,
        }),
      );
    });

    it("with a preferred factor, goes straight to it", async () => {
      const ids = await setup({}, [{ name: "phone_number", value: PHONE }]);
      await withAuthenticator(ids, { preferredMfa: true });
      await adminSetPreference(ids.poolId, ids.username, { smsMfaSettings: { enabled: true } });
      expectChallenge(await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD), "SOFTWARE_TOKEN_MFA");
    });
  });

  describe("MFA_SETUP (pool MFA ON, user without a factor)", () => {
    it("sets up an authenticator with the session: associate → verify (new session) → answer → tokens; the next sign-in asks for it", async () => {
      const ids = await setup({ mfaConfiguration: "ON", enabledMfas: ["SOFTWARE_TOKEN_MFA"] });
      const challenge = expectChallenge(
        await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
        "MFA_SETUP",
      );
      expect(JSON.parse(challenge.challengeParameters.MFAS_CAN_SETUP!)).toEqual(["SOFTWARE_TOKEN_MFA"]);
      // Answering before an authenticator is proven keeps the session for the setup.
      expectError(
        await respond(gateway, ids.clientId, challenge, { USERNAME: ids.username }),
        "InvalidParameterException",
        /MFA_SETUP is not complete/,
      );

      const association = expectData(await associate(challenge.session)).associateSoftwareToken;
      expect(association.session).toBe(challenge.session);
      const code = await codeNow(association.secretCode);
      expectError(await verify(challenge.session, otherThan(code)), "EnableSoftwareTokenMFAException");
      const verified = expectData(await verify(challenge.session, code)).verifySoftwareToken;
      expect(verified.status).toBe("SUCCESS");
      expect(verified.session).toBeTruthy();
      expect(verified.session).not.toBe(challenge.session);
      // The old session is used up by the verification.
      expectError(
        await respond(gateway, ids.clientId, challenge, { USERNAME: ids.username }),
        "NotAuthorizedException",
        SESSION_USED,
      );

      const tokens = expectTokens(
        await respond(
          gateway,
          ids.clientId,
          { challengeName: "MFA_SETUP", session: verified.session! },
          { USERNAME: ids.username },
        ),
      );
      expect(
        expectData(await gateway.gql(AdminGetUserMfaDocument, { userPoolId: ids.poolId, username: ids.username }))
          .adminGetUser,
      ).toMatchObject({
        preferredMfaSetting: "SOFTWARE_TOKEN_MFA",
        userMfaSettingList: ["SOFTWARE_TOKEN_MFA"],
      });
      expect(tokens.accessToken).toBeTruthy();
      expect((await mfaEvents(ids.poolId, ids.sub)).slice(-3)).toEqual([
        ["MFA_ENABLED", "SOFTWARE_TOKEN_MFA"],
        ["MFA_CHALLENGE_PASSED", "SOFTWARE_TOKEN_MFA"],
        ["SIGN_IN_SUCCEEDED", null],
      ]);

      nextStep();
      const next = expectChallenge(
        await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
        "SOFTWARE_TOKEN_MFA",
      );
      expectTokens(
        await respond(gateway, ids.clientId, next, {
          USERNAME: ids.username,
          SOFTWARE_TOKEN_MFA_CODE: await codeNow(association.secretCode),
        }),
      );
    });

    it("sets up EMAIL_OTP by giving an address: the code goes there, and the address becomes the user's verified email", async () => {
      const ids = await setup({ mfaConfiguration: "ON", enabledMfas: ["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"] });
      const challenge = expectChallenge(
        await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
        "MFA_SETUP",
      );
      expect(JSON.parse(challenge.challengeParameters.MFAS_CAN_SETUP!)).toEqual(["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"]);
      expectError(
        await respond(gateway, ids.clientId, challenge, { USERNAME: ids.username, EMAIL: "not-an-address" }),
        "InvalidParameterException",
      );
      const email = `${uniqueName("setup")}@example.com`;
      const otp = expectChallenge(
        await respond(gateway, ids.clientId, challenge, { USERNAME: ids.username, EMAIL: email }),
        "EMAIL_OTP",
      );
      expect(otp.challengeParameters.CODE_DELIVERY_DELIVERY_MEDIUM).toBe("EMAIL");
      const { code } = await latestMessage(gateway, ids.poolId, email);
      expectTokens(await respond(gateway, ids.clientId, otp, { USERNAME: ids.username, EMAIL_OTP_CODE: code! }));
      expect(
        expectData(await gateway.gql(AdminGetUserMfaDocument, { userPoolId: ids.poolId, username: ids.username }))
          .adminGetUser.userMfaSettingList,
      ).toEqual(["EMAIL_OTP"]);

      const next = expectChallenge(
        await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
        "EMAIL_OTP",
      );
      expectTokens(
        await respond(gateway, ids.clientId, next, {
          USERNAME: ids.username,
          EMAIL_OTP_CODE: (await latestMessage(gateway, ids.poolId, email)).code!,
        }),
      );
    });

    it("comes after NEW_PASSWORD_REQUIRED", async () => {
      const { poolId, clientId } = await createPoolWithClient(gateway, {
        mfaConfiguration: "ON",
        enabledMfas: ["SOFTWARE_TOKEN_MFA"],
      });
      const username = uniqueName("newpw");
      expectData(
        await gateway.gql(AdminCreateUserDocument, {
          input: { userPoolId: poolId, username, messageAction: "SUPPRESS", temporaryPassword: "Temp0rary!pw" },
        }),
      );
      const newPassword = expectChallenge(
        await passwordSignIn(gateway, clientId, username, "Temp0rary!pw"),
        "NEW_PASSWORD_REQUIRED",
      );
      expectChallenge(
        await respond(gateway, clientId, newPassword, { USERNAME: username, NEW_PASSWORD: GOOD_PASSWORD }),
        "MFA_SETUP",
      );
      // The new password was saved before the MFA step.
      expectChallenge(await passwordSignIn(gateway, clientId, username, GOOD_PASSWORD), "MFA_SETUP");
    });
    it("an SMS-only pool asks a user without a phone number to add one, then sends the code to it (§3.2, §3.4)", async () => {
      const ids = await setup({ mfaConfiguration: "ON", enabledMfas: ["SMS_MFA"] });
      const setupStep = expectChallenge(
        await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
        "MFA_SETUP",
      );
      expect(JSON.parse(setupStep.challengeParameters.MFAS_CAN_SETUP!)).toEqual(["SMS_MFA"]);
      expectError(
        await respond(gateway, ids.clientId, setupStep, { USERNAME: ids.username }),
        "InvalidParameterException",
        /add a phone_number/,
      );
      // An unverified number is enough: no preference to switch on, the next sign-in sends the code.
      expectData(
        await gateway.gql(AdminUpdateUserAttributesDocument, {
          input: {
            userPoolId: ids.poolId,
            username: ids.username,
            userAttributes: [{ name: "phone_number", value: PHONE }],
          },
        }),
      );
      const sms = expectChallenge(await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD), "SMS_MFA");
      expect(sms.challengeParameters).toMatchObject({
        CODE_DELIVERY_DELIVERY_MEDIUM: "SMS",
        CODE_DELIVERY_DESTINATION: "+*******0100",
        USER_ID_FOR_SRP: ids.username,
      });
      expectTokens(
        await respond(gateway, ids.clientId, sms, {
          USERNAME: ids.username,
          SMS_MFA_CODE: (await latestMessage(gateway, ids.poolId, PHONE)).code!,
        }),
      );
      expect(await statusAndAttributesOf(gateway, ids.poolId, ids.username)).toMatchObject({
        phone_number: PHONE,
        phone_number_verified: "true",
      });
    });

    it("a pool with EMAIL_OTP sends a user who has an email the code there; an EMAIL setup answer never replaces an email", async () => {
      const pool = { mfaConfiguration: "ON" as const, enabledMfas: ["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"] as MfaFactor[] };
      const email = `${uniqueName("own")}@example.com`;
      const ids = await setup(pool, [
        { name: "email", value: email },
        { name: "email_verified", value: "true" },
      ]);
      const otp = expectChallenge(
        await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
        "EMAIL_OTP",
      );
      expect(otp.challengeParameters).toMatchObject({
        CODE_DELIVERY_DELIVERY_MEDIUM: "EMAIL",
        CODE_DELIVERY_DESTINATION: `${email[0]}***@e***`,
        USER_ID_FOR_SRP: ids.username,
      });
      expectTokens(
        await respond(gateway, ids.clientId, otp, {
          USERNAME: ids.username,
          EMAIL_OTP_CODE: (await latestMessage(gateway, ids.poolId, email)).code!,
        }),
      );

      // A user without an email is offered the setup; an email given meanwhile (here by an admin) stays.
      const other = await setup(pool);
      const setupStep = expectChallenge(
        await passwordSignIn(gateway, other.clientId, other.username, GOOD_PASSWORD),
        "MFA_SETUP",
      );
      expect(JSON.parse(setupStep.challengeParameters.MFAS_CAN_SETUP!)).toEqual(["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"]);
      const own = `${uniqueName("own")}@example.com`;
      expectData(
        await gateway.gql(AdminUpdateUserAttributesDocument, {
          input: {
            userPoolId: other.poolId,
            username: other.username,
            userAttributes: [
              { name: "email", value: own },
              { name: "email_verified", value: "true" },
            ],
          },
        }),
      );
      const typed = `${uniqueName("typed")}@example.com`;
      expectError(
        await respond(gateway, other.clientId, setupStep, { USERNAME: other.username, EMAIL: typed }),
        "InvalidParameterException",
        /has an email address already/,
      );
      expect(await messageCount(gateway, other.poolId, typed)).toBe(0);
      expect(await statusAndAttributesOf(gateway, other.poolId, other.username)).toMatchObject({
        email: own,
        email_verified: "true",
      });
    });
  });

  describe(`code limit: at most ${CODE_LIMIT} SMS and email MFA codes per user an hour`, () => {
    it("refuses the password sign-in past the limit, over GraphQL and the wire, and sends nothing", async () => {
      const ids = await setup({}, [{ name: "phone_number", value: PHONE }]);
      await adminSetPreference(ids.poolId, ids.username, { smsMfaSettings: { enabled: true } });
      for (let index = 0; index < CODE_LIMIT; index++)
        expectChallenge(await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD), "SMS_MFA");
      expectError(
        await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
        "LimitExceededException",
        CODE_LIMITED,
      );
      await expect(
        cognitoClient(gateway).send(
          new InitiateAuthCommand({
            ClientId: ids.clientId,
            AuthFlow: "USER_PASSWORD_AUTH",
            AuthParameters: { USERNAME: ids.username, PASSWORD: GOOD_PASSWORD },
          }),
        ),
      ).rejects.toMatchObject({ name: "LimitExceededException", message: CODE_LIMITED });
      expect(await messageCount(gateway, ids.poolId, PHONE)).toBe(CODE_LIMIT);
    });

    it("counts MFA_SETUP codes to a typed address, atomically: past 7, of 5 answers in parallel 3 send one", async () => {
      const ids = await setup({ mfaConfiguration: "ON", enabledMfas: ["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"] });
      const bystander = `${uniqueName("bystander")}@example.com`;
      const setupStep = async () =>
        expectChallenge(await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD), "MFA_SETUP");
      const answer = (challenge: Challenge) =>
        respond(gateway, ids.clientId, challenge, { USERNAME: ids.username, EMAIL: bystander });
      for (let index = 0; index < CODE_LIMIT - 3; index++)
        expectChallenge(await answer(await setupStep()), "EMAIL_OTP");
      // Five at once: no more than the lockout lets through together (each answer is counted as an attempt).
      const steps: Challenge[] = [];
      for (let index = 0; index < 5; index++) steps.push(await setupStep());
      const results = await Promise.all(steps.map(answer));
      const outcomes = results.map((result) =>
        result.errors?.length ? `${errorCodes(result)[0]}: ${result.errors[0]!.message}` : "EMAIL_OTP",
      );
      expect(outcomes.filter((outcome) => outcome === "EMAIL_OTP")).toHaveLength(3);
      expect(outcomes.filter((outcome) => outcome === `LimitExceededException: ${CODE_LIMITED}`)).toHaveLength(2);
      expect(await messageCount(gateway, ids.poolId, bystander)).toBe(CODE_LIMIT);
      // Refused before anything went out: the setup stays open (for an authenticator), and is refused again.
      const refused = steps[outcomes.findIndex((outcome) => outcome !== "EMAIL_OTP")]!;
      expectError(await answer(refused), "LimitExceededException", CODE_LIMITED);
    });
  });

  describe("no MFA step", () => {
    it("OPTIONAL pool, user without factors: tokens at once; a pool switched OFF asks no one", async () => {
      const ids = await setup();
      expectTokens(await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD));
      await withAuthenticator(ids);
      expectChallenge(await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD), "SOFTWARE_TOKEN_MFA");
      expectData(
        await gateway.gql(SetUserPoolMfaConfigDocument, {
          userPoolId: ids.poolId,
          input: { mfaConfiguration: "OFF", enabledMfas: [] as MfaFactor[] },
        }),
      );
      expectTokens(await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD));
    });
  });

  it("refuses an MFA answer on a session waiting for another challenge", async () => {
    const ids = await setup();
    await withAuthenticator(ids);
    const challenge: Challenge = expectChallenge(
      await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
      "SOFTWARE_TOKEN_MFA",
    );
    expectError(
      await respond(
        gateway,
        ids.clientId,
        { challengeName: "SMS_MFA", session: challenge.session },
        { USERNAME: ids.username, SMS_MFA_CODE: "123456" },
      ),
      "InvalidParameterException",
    );
  });
});
