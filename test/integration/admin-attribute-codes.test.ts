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
  AdminDeleteUserAttributesDocument,
  AdminUpdateUserAttributesDocument,
  ConfirmSignUpDocument,
  GetUserAttributeVerificationCodeDocument,
  ResendConfirmationCodeDocument,
  SentMessagesDocument,
  SignUpDocument,
  VerifyUserAttributeDocument,
  type AttributeInput,
  type CreateUserPoolInput,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import { expectTokens, passwordSignIn, signInEnv } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/**
 * A code proves the address it was sent to. When an admin changes that address
 * (AdminUpdateUserAttributes, AdminDeleteUserAttributes), the codes sent for the old one must not
 * verify the new one — neither VerifyUserAttribute's nor the sign-up code, which ConfirmSignUp turns
 * into a verified flag on whatever the sign-up channel is when the code comes back.
 */
const EXPIRED = "ExpiredCodeException";
const MISMATCH = "CodeMismatchException";

describe.each(BACKENDS)("codes after an admin changes an address, on $name", (backend) => {
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend) });
  });
  afterAll(async () => gateway?.close());

  const attributesOf = (poolId: string, username: string) => statusAndAttributesOf(gateway, poolId, username);

  const adminUpdate = async (poolId: string, username: string, userAttributes: AttributeInput[]) =>
    expectData(
      await gateway.gql(AdminUpdateUserAttributesDocument, { input: { userPoolId: poolId, username, userAttributes } }),
    );

  const confirm = (clientId: string, username: string, confirmationCode: string) =>
    gateway.gql(ConfirmSignUpDocument, { input: { clientId, username, confirmationCode } }, null);

  /** An UNCONFIRMED user of a fresh pool, with the sign-up code that went to its email. */
  async function signedUp(poolInput: Partial<CreateUserPoolInput>, extra: AttributeInput[] = []) {
    const { poolId, clientId } = await createPoolWithClient(gateway, poolInput);
    const username = uniqueName("swap");
    const email = `${username}@old.example`;
    expectData(
      await gateway.gql(
        SignUpDocument,
        {
          input: {
            clientId,
            username,
            password: GOOD_PASSWORD,
            userAttributes: [{ name: "email", value: email }, ...extra],
          },
        },
        null,
      ),
    );
    return { poolId, clientId, username, email, signUpCode: (await latestMessage(gateway, poolId, email)).code! };
  }

  /** A CONFIRMED, signed-in user (email verified) of a pool that auto-verifies email. */
  async function signedIn(extra: AttributeInput[] = [], poolInput: Partial<CreateUserPoolInput> = {}) {
    const user = await signedUp({ autoVerifiedAttributes: ["email"], ...poolInput }, extra);
    expectData(await confirm(user.clientId, user.username, user.signUpCode));
    const { accessToken } = expectTokens(await passwordSignIn(gateway, user.clientId, user.username, GOOD_PASSWORD));
    const verify = (attributeName: string, code: string) =>
      gateway.gql(VerifyUserAttributeDocument, { attributeName, code }, accessToken);
    const requestCode = async (attributeName: string, destination: string) => {
      expectData(await gateway.gql(GetUserAttributeVerificationCodeDocument, { attributeName }, accessToken));
      return (await latestMessage(gateway, user.poolId, destination)).code!;
    };
    return { ...user, verify, requestCode };
  }

  it("a code sent to the old email does not verify the email an admin set", async () => {
    const user = await signedIn();
    const codeForOld = await user.requestCode("email", user.email);
    const newEmail = `${user.username}@new.example`;
    await adminUpdate(user.poolId, user.username, [{ name: "email", value: newEmail }]);
    // The pool auto-verifies email: the code the change sent to the new address took the old one's place.
    expect(errorCodes(await user.verify("email", codeForOld))).toEqual([MISMATCH]);
    expect(await attributesOf(user.poolId, user.username)).toMatchObject({ email: newEmail, email_verified: "false" });
    // A code sent to the new address verifies it.
    expectData(await user.verify("email", await user.requestCode("email", newEmail)));
    expect(await attributesOf(user.poolId, user.username)).toMatchObject({ email: newEmail, email_verified: "true" });
  });

  it("a code sent to the old phone number does not verify the phone number an admin set", async () => {
    const user = await signedIn([{ name: "phone_number", value: "+14325550101" }]);
    const codeForOld = await user.requestCode("phone_number", "+14325550101");
    await adminUpdate(user.poolId, user.username, [{ name: "phone_number", value: "+14325550102" }]);
    expect(errorCodes(await user.verify("phone_number", codeForOld))).toEqual([EXPIRED]);
    expect(await attributesOf(user.poolId, user.username)).toMatchObject({
      phone_number: "+14325550102",
      phone_number_verified: "false",
    });
  });

  it("a code sent to an email the admin removed does not verify the email the admin sets next", async () => {
    const user = await signedIn();
    const codeForOld = await user.requestCode("email", user.email);
    expectData(
      await gateway.gql(AdminDeleteUserAttributesDocument, {
        input: { userPoolId: user.poolId, username: user.username, userAttributeNames: ["email"] },
      }),
    );
    const newEmail = `${user.username}@new.example`;
    await adminUpdate(user.poolId, user.username, [{ name: "email", value: newEmail }]);
    // As above: the code sent to the new address is the one in force.
    expect(errorCodes(await user.verify("email", codeForOld))).toEqual([MISMATCH]);
    expect(await attributesOf(user.poolId, user.username)).toMatchObject({ email: newEmail, email_verified: "false" });
  });

  it("an admin change to another attribute, or to the email's flag, leaves the email's code working", async () => {
    const user = await signedIn();
    const code = await user.requestCode("email", user.email);
    await adminUpdate(user.poolId, user.username, [
      { name: "name", value: "Someone Else" },
      { name: "email_verified", value: "false" },
    ]);
    expectData(await user.verify("email", code));
    expect(await attributesOf(user.poolId, user.username)).toMatchObject({ email: user.email, email_verified: "true" });
  });

  it("a sign-up code sent to the old email does not verify the email an admin set", async () => {
    const user = await signedUp({ autoVerifiedAttributes: ["email"] });
    const newEmail = `${user.username}@new.example`;
    await adminUpdate(user.poolId, user.username, [{ name: "email", value: newEmail }]);
    expect(errorCodes(await confirm(user.clientId, user.username, user.signUpCode))).toEqual([EXPIRED]);
    expect(await attributesOf(user.poolId, user.username)).toMatchObject({
      userStatus: "UNCONFIRMED",
      email: newEmail,
      email_verified: "false",
    });
    // A new code goes to the new address and confirms the user with it verified.
    expectData(
      await gateway.gql(
        ResendConfirmationCodeDocument,
        { input: { clientId: user.clientId, username: user.username } },
        null,
      ),
    );
    expectData(
      await confirm(user.clientId, user.username, (await latestMessage(gateway, user.poolId, newEmail)).code!),
    );
    expect(await attributesOf(user.poolId, user.username)).toMatchObject({
      userStatus: "CONFIRMED",
      email: newEmail,
      email_verified: "true",
    });
  });

  it("a sign-up code sent by email does not verify a phone number an admin added", async () => {
    // With both auto-verified, the phone is the sign-up channel once there is one (signUpTarget).
    const user = await signedUp({ autoVerifiedAttributes: ["email", "phone_number"] });
    await adminUpdate(user.poolId, user.username, [{ name: "phone_number", value: "+14325550103" }]);
    expect(errorCodes(await confirm(user.clientId, user.username, user.signUpCode))).toEqual([EXPIRED]);
    const attributes = await attributesOf(user.poolId, user.username);
    expect(attributes).toMatchObject({ userStatus: "UNCONFIRMED", phone_number_verified: "false" });
    expect(attributes.email_verified).not.toBe("true");
  });
  /** The messages the outbox holds for an address. */
  const messagesTo = async (poolId: string, destination: string) =>
    expectData(await gateway.gql(SentMessagesDocument, { userPoolId: poolId, destination, first: 60 })).sentMessages
      .items;

  // AdminUpdateUserAttributes honours the pool's verification settings as UpdateUserAttributes does
  // (cognito-reference §7.5), unless the call itself sets the verified flag (found in review).
  it("an email an admin sets in a pool that auto-verifies email gets a code there, which verifies it", async () => {
    const user = await signedIn();
    const newEmail = `${user.username}@new.example`;
    await adminUpdate(user.poolId, user.username, [{ name: "email", value: newEmail }]);
    expect(await attributesOf(user.poolId, user.username)).toMatchObject({ email: newEmail, email_verified: "false" });
    const sent = await latestMessage(gateway, user.poolId, newEmail);
    expect(sent).toMatchObject({ purpose: "VERIFY_EMAIL", deliveryMedium: "EMAIL" });
    expectData(await user.verify("email", sent.code!));
    expect(await attributesOf(user.poolId, user.username)).toMatchObject({ email: newEmail, email_verified: "true" });
  });

  it("with verification before update, an admin's new email waits for its code; the old one stays in force", async () => {
    const user = await signedIn([], { attributesRequireVerificationBeforeUpdate: ["email"] });
    const newEmail = `${user.username}@new.example`;
    await adminUpdate(user.poolId, user.username, [
      { name: "email", value: newEmail },
      { name: "name", value: "Applied At Once" },
    ]);
    expect(await attributesOf(user.poolId, user.username)).toMatchObject({
      email: user.email,
      email_verified: "true",
      name: "Applied At Once",
    });
    const sent = await latestMessage(gateway, user.poolId, newEmail);
    expect(sent.purpose).toBe("VERIFY_EMAIL");
    expectData(await user.verify("email", sent.code!));
    expect(await attributesOf(user.poolId, user.username)).toMatchObject({ email: newEmail, email_verified: "true" });
  });

  it("an admin who sets the verified flag with the new email applies it at once and sends no code", async () => {
    for (const poolInput of [{}, { attributesRequireVerificationBeforeUpdate: ["email" as const] }]) {
      const user = await signedIn([], poolInput);
      const vouched = `${user.username}@vouched.example`;
      await adminUpdate(user.poolId, user.username, [
        { name: "email", value: vouched },
        { name: "email_verified", value: "true" },
      ]);
      expect(await attributesOf(user.poolId, user.username)).toMatchObject({ email: vouched, email_verified: "true" });
      expect(await messagesTo(user.poolId, vouched)).toEqual([]);
    }
  });
});
