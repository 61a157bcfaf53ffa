import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import {
  createPoolWithClient,
  GOOD_PASSWORD,
  latestMessage,
  uniqueName,
  statusAndAttributesOf,
} from "../support/directory.js";
import {
  AdminSetUserMfaPreferenceDocument,
  AdminSetUserPasswordDocument,
  ConfirmSignUpDocument,
  GetUserAttributeVerificationCodeDocument,
  SignUpDocument,
  UpdateUserAttributesDocument,
  UpdateUserPoolDocument,
  VerifyUserAttributeDocument,
  type AttributeInput,
  type UpdateUserPoolInput,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import {
  createConfirmedUser,
  expectChallenge,
  expectTokens,
  passwordSignIn,
  respond,
  signInEnv,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { latestOtp, setAttributes, userAuth, userAuthSetup } from "../support/user-auth.js";

/**
 * A code proves the address it was sent to, and nothing else. These are the ways an email or phone can
 * change — or the pool's idea of the sign-up channel can — while a code for the old one is out, beyond
 * AdminUpdateUserAttributes (admin-attribute-codes.test.ts): the code must not verify what it never reached.
 */
const EXPIRED = "ExpiredCodeException";

describe.each(BACKENDS)("codes bound to the address they were sent to, on $name", (backend) => {
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend) });
  });
  afterAll(async () => gateway?.close());

  const attributesOf = (poolId: string, username: string) => statusAndAttributesOf(gateway, poolId, username);
  const updatePool = async (userPoolId: string, input: UpdateUserPoolInput) =>
    expectData(await gateway.gql(UpdateUserPoolDocument, { userPoolId, input }));
  const requestCode = async (accessToken: string, poolId: string, attributeName: string, destination: string) => {
    expectData(await gateway.gql(GetUserAttributeVerificationCodeDocument, { attributeName }, accessToken));
    return (await latestMessage(gateway, poolId, destination)).code!;
  };
  const verify = (accessToken: string, attributeName: string, code: string) =>
    gateway.gql(VerifyUserAttributeDocument, { attributeName, code }, accessToken);

  describe("ConfirmSignUp after the pool's autoVerifiedAttributes changed", () => {
    async function signedUpByEmail() {
      const { poolId, clientId } = await createPoolWithClient(gateway, { autoVerifiedAttributes: ["email"] });
      const username = uniqueName("chan");
      const email = `${username}@example.com`;
      const phone = "+14325550111";
      const attributes: AttributeInput[] = [
        { name: "email", value: email },
        { name: "phone_number", value: phone },
      ];
      expectData(
        await gateway.gql(
          SignUpDocument,
          { input: { clientId, username, password: GOOD_PASSWORD, userAttributes: attributes } },
          null,
        ),
      );
      const message = await latestMessage(gateway, poolId, email);
      expect(message.purpose).toBe("SIGN_UP");
      return { poolId, clientId, username, email, phone, code: message.code! };
    }
    const confirm = (clientId: string, username: string, confirmationCode: string) =>
      gateway.gql(ConfirmSignUpDocument, { input: { clientId, username, confirmationCode } }, null);

    it("a sign-up code sent by email verifies the email, not the phone the pool now auto-verifies", async () => {
      const user = await signedUpByEmail();
      await updatePool(user.poolId, { autoVerifiedAttributes: ["phone_number"] });
      expectData(await confirm(user.clientId, user.username, user.code));
      expect(await attributesOf(user.poolId, user.username)).toMatchObject({
        userStatus: "CONFIRMED",
        email_verified: "true",
        phone_number_verified: "false",
      });
    });

    it("with both auto-verified after the code went by email, still only the email", async () => {
      // signUpTarget now picks the phone: the code never went there.
      const user = await signedUpByEmail();
      await updatePool(user.poolId, { autoVerifiedAttributes: ["email", "phone_number"] });
      expectData(await confirm(user.clientId, user.username, user.code));
      expect(await attributesOf(user.poolId, user.username)).toMatchObject({
        userStatus: "CONFIRMED",
        email_verified: "true",
        phone_number_verified: "false",
      });
    });
  });

  describe("NEW_PASSWORD_REQUIRED with a new email", () => {
    /** A CONFIRMED user, then FORCE_CHANGE_PASSWORD again (an admin's temporary password). */
    async function forcedToChange(attributes: AttributeInput[]) {
      const { poolId, clientId } = await createPoolWithClient(gateway);
      const username = uniqueName("npr");
      await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD, attributes);
      const setTemporary = async () =>
        expectData(
          await gateway.gql(AdminSetUserPasswordDocument, {
            input: { userPoolId: poolId, username, password: GOOD_PASSWORD, permanent: false },
          }),
        );
      const answerWithEmail = async (email: string) => {
        const challenge = expectChallenge(
          await passwordSignIn(gateway, clientId, username, GOOD_PASSWORD),
          "NEW_PASSWORD_REQUIRED",
        );
        return expectTokens(
          await respond(gateway, clientId, challenge, {
            USERNAME: username,
            NEW_PASSWORD: `New-${GOOD_PASSWORD}`,
            userAttributes: [{ name: "email", value: email }],
          }),
        );
      };
      return { poolId, clientId, username, setTemporary, answerWithEmail };
    }

    it("a code sent to the old email does not verify the email set while answering", async () => {
      const oldEmail = `${uniqueName("old")}@example.com`;
      const user = await forcedToChange([{ name: "email", value: oldEmail }]);
      const first = expectTokens(await passwordSignIn(gateway, user.clientId, user.username, GOOD_PASSWORD));
      const codeForOld = await requestCode(first.accessToken, user.poolId, "email", oldEmail);
      await user.setTemporary();
      const newEmail = `${uniqueName("new")}@example.com`;
      const { accessToken } = await user.answerWithEmail(newEmail);
      expect(errorCodes(await verify(accessToken, "email", codeForOld))).toEqual([EXPIRED]);
      expect(await attributesOf(user.poolId, user.username)).toMatchObject({
        userStatus: "CONFIRMED",
        email: newEmail,
        email_verified: "false",
      });
      // A code sent to the new address verifies it.
      expectData(await verify(accessToken, "email", await requestCode(accessToken, user.poolId, "email", newEmail)));
      expect((await attributesOf(user.poolId, user.username)).email_verified).toBe("true");
    });

    it("a verified email replaced while answering is no longer verified", async () => {
      const user = await forcedToChange([
        { name: "email", value: `${uniqueName("old")}@example.com` },
        { name: "email_verified", value: "true" },
      ]);
      await user.setTemporary();
      const newEmail = `${uniqueName("new")}@example.com`;
      await user.answerWithEmail(newEmail);
      expect(await attributesOf(user.poolId, user.username)).toMatchObject({
        email: newEmail,
        email_verified: "false",
      });
    });
  });

  it("a USER_AUTH EMAIL_OTP code sent to the old email neither signs in nor verifies the email the user set meanwhile", async () => {
    const ids = await userAuthSetup(gateway);
    // Signed in elsewhere: the same user changes the email while this sign-in waits for its code.
    const elsewhere = expectTokens(
      await userAuth(gateway, ids.clientId, {
        USERNAME: ids.username,
        PREFERRED_CHALLENGE: "PASSWORD",
        PASSWORD: GOOD_PASSWORD,
      }),
    );
    const otp = expectChallenge(
      await userAuth(gateway, ids.clientId, { USERNAME: ids.username, PREFERRED_CHALLENGE: "EMAIL_OTP" }),
      "EMAIL_OTP",
    );
    const { code } = await latestOtp(gateway, ids.poolId, ids.email);
    const newEmail = `${uniqueName("new")}@example.com`;
    expectData(
      await gateway.gql(
        UpdateUserAttributesDocument,
        { input: { userAttributes: [{ name: "email", value: newEmail }] } },
        elsewhere.accessToken,
      ),
    );
    expect(
      errorCodes(await respond(gateway, ids.clientId, otp, { USERNAME: ids.username, EMAIL_OTP_CODE: code })),
    ).toEqual([EXPIRED]);
    expect(await attributesOf(ids.poolId, ids.username)).toMatchObject({ email: newEmail, email_verified: "false" });
    // A new sign-in sends its code to the new address, which that code proves.
    const again = expectChallenge(
      await userAuth(gateway, ids.clientId, { USERNAME: ids.username, PREFERRED_CHALLENGE: "EMAIL_OTP" }),
      "EMAIL_OTP",
    );
    expectTokens(
      await respond(gateway, ids.clientId, again, {
        USERNAME: ids.username,
        EMAIL_OTP_CODE: (await latestOtp(gateway, ids.poolId, newEmail)).code,
      }),
    );
    expect((await attributesOf(ids.poolId, ids.username)).email_verified).toBe("true");
  });

  it("an SMS_MFA code sent to the old phone does not verify the phone an admin set meanwhile", async () => {
    const { poolId, clientId } = await createPoolWithClient(gateway, {
      mfaConfiguration: "OPTIONAL",
      enabledMfas: ["SMS_MFA"],
    });
    const username = uniqueName("sms");
    await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD, [
      { name: "phone_number", value: "+14325550121" },
    ]);
    expectData(
      await gateway.gql(AdminSetUserMfaPreferenceDocument, {
        input: { userPoolId: poolId, username, smsMfaSettings: { enabled: true } },
      }),
    );
    const challenge = expectChallenge(await passwordSignIn(gateway, clientId, username, GOOD_PASSWORD), "SMS_MFA");
    const { code } = await latestMessage(gateway, poolId, "+14325550121");
    await setAttributes(gateway, poolId, username, [{ name: "phone_number", value: "+14325550122" }]);
    expect(
      errorCodes(await respond(gateway, clientId, challenge, { USERNAME: username, SMS_MFA_CODE: code! })),
    ).toEqual([EXPIRED]);
    expect(await attributesOf(poolId, username)).toMatchObject({
      phone_number: "+14325550122",
      phone_number_verified: "false",
    });
  });

  it("MFA_SETUP by email does not replace an email set while its code is out: the code stops working", async () => {
    const { poolId, clientId } = await createPoolWithClient(gateway, {
      mfaConfiguration: "ON",
      enabledMfas: ["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"],
    });
    const username = uniqueName("setup");
    await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD);
    const setup = expectChallenge(await passwordSignIn(gateway, clientId, username, GOOD_PASSWORD), "MFA_SETUP");
    const typed = `${username}@typed.example`;
    const otp = expectChallenge(
      await respond(gateway, clientId, setup, { USERNAME: username, EMAIL: typed }),
      "EMAIL_OTP",
    );
    const { code } = await latestMessage(gateway, poolId, typed);
    const own = `${username}@own.example`;
    await setAttributes(gateway, poolId, username, [
      { name: "email", value: own },
      { name: "email_verified", value: "true" },
    ]);
    expect(errorCodes(await respond(gateway, clientId, otp, { USERNAME: username, EMAIL_OTP_CODE: code! }))).toEqual([
      EXPIRED,
    ]);
    expect(await attributesOf(poolId, username)).toMatchObject({ email: own, email_verified: "true" });
  });
});
