import { InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
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
  AdminDisableUserDocument,
  AdminUpdateUserAttributesDocument,
  AdminGetUserDocument,
  AdminGetUserMfaDocument,
  AdminSetUserMfaPreferenceDocument,
  AdminSetUserPasswordDocument,
  ConfirmSignUpDocument,
  RotateTriggerSecretDocument,
  SignUpDocument,
  type AttributeInput,
  type CreateUserPoolClientInput,
  type CreateUserPoolInput,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import {
  createConfirmedUser,
  expectChallenge,
  expectError,
  expectTokens,
  passwordSignIn,
  respond,
  SESSION_EXPIRED,
  signInEnv,
  srpSignIn,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { startTriggerReceiver, type TriggerReceiver } from "../support/trigger-receiver.js";
import { latestOtp, PASSWORDLESS_POOL, USER_AUTH_CLIENT, userAuth } from "../support/user-auth.js";

const NEW_PASSWORD = "N3w-Passw0rd!x";
const PHONE = "+15555550100";
const NOT_ELIGIBLE =
  "This user cannot be signed in with the sign-up session: sign in with USER_AUTH and the user's own sign-in factors.";

/**
 * Account state that changes between two steps of a sign-in: a step after the first factor answers for
 * the user as it is now. And the sign-up Session, which stands in for a passwordless first factor, signs
 * in only a user who could sign in with one (reference-oauth §13.2, §13.6).
 */
describe.each(BACKENDS)("account state across sign-in steps on $name", (backend) => {
  let gateway: TestApp;
  let receiver: TriggerReceiver;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend) });
    receiver = await startTriggerReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await gateway?.close();
  });

  const userOf = async (poolId: string, username: string) =>
    expectData(await gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username })).adminGetUser;

  /**
   * A new pool whose PostAuthentication trigger makes `change` (an admin's call) before it answers,
   * and a CONFIRMED user in it: the change lands after the answer was read and before its commit.
   */
  async function userWithPostAuthentication(
    poolInput: Partial<CreateUserPoolInput>,
    attributes: AttributeInput[],
    change: (poolId: string, username: string) => Promise<unknown>,
    clientInput?: Partial<CreateUserPoolClientInput>,
  ) {
    const path = `/${uniqueName("t")}/post`;
    const { poolId, clientId } = await createPoolWithClient(
      gateway,
      { ...poolInput, lambdaConfig: { postAuthentication: receiver.url(path) } },
      clientInput,
    );
    expectData(await gateway.gql(RotateTriggerSecretDocument, { userPoolId: poolId }));
    const username = uniqueName("mfa");
    await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD, attributes);
    receiver.on(path, async (event) => {
      await change(poolId, username);
      return event;
    });
    return { poolId, clientId, username };
  }

  describe("NEW_PASSWORD_REQUIRED", () => {
    /** A FORCE_CHANGE_PASSWORD user in a new pool, and its NEW_PASSWORD_REQUIRED challenge. */
    async function awaitingNewPassword(poolInput: Partial<CreateUserPoolInput> = {}) {
      const { poolId, clientId } = await createPoolWithClient(gateway, poolInput);
      const username = uniqueName("temp");
      expectData(
        await gateway.gql(AdminCreateUserDocument, {
          input: { userPoolId: poolId, username, messageAction: "SUPPRESS", temporaryPassword: GOOD_PASSWORD },
        }),
      );
      const challenge = expectChallenge(
        await passwordSignIn(gateway, clientId, username, GOOD_PASSWORD),
        "NEW_PASSWORD_REQUIRED",
      );
      return { poolId, clientId, username, challenge };
    }

    it("refuses the new password of a user disabled since the password step: no tokens, nothing changed", async () => {
      const { poolId, clientId, username, challenge } = await awaitingNewPassword();
      expectData(await gateway.gql(AdminDisableUserDocument, { userPoolId: poolId, username }));
      expectError(
        await respond(gateway, clientId, challenge, { USERNAME: username, NEW_PASSWORD }),
        "NotAuthorizedException",
        "User is disabled.",
      );
      expect(await userOf(poolId, username)).toMatchObject({ enabled: false, userStatus: "FORCE_CHANGE_PASSWORD" });
    });

    it("refuses it once the user no longer waits for a new password (an admin set a permanent one)", async () => {
      const { poolId, clientId, username, challenge } = await awaitingNewPassword();
      expectData(
        await gateway.gql(AdminSetUserPasswordDocument, {
          input: { userPoolId: poolId, username, password: "Adm1n-Chosen!pw", permanent: true },
        }),
      );
      expectError(
        await respond(gateway, clientId, challenge, { USERNAME: username, NEW_PASSWORD }),
        "NotAuthorizedException",
        SESSION_EXPIRED,
      );
      // The administrator's password stands.
      expectTokens(await passwordSignIn(gateway, clientId, username, "Adm1n-Chosen!pw"));
      expectError(await passwordSignIn(gateway, clientId, username, NEW_PASSWORD), "NotAuthorizedException");
    });

    it("does not undo a disable that lands while the answer is under way (here: during PostAuthentication)", async () => {
      const prefix = `/${uniqueName("t")}`;
      const { poolId, clientId, username, challenge } = await awaitingNewPassword({
        lambdaConfig: { postAuthentication: receiver.url(`${prefix}/post`) },
      });
      expectData(await gateway.gql(RotateTriggerSecretDocument, { userPoolId: poolId }));
      receiver.on(`${prefix}/post`, async (event) => {
        expectData(await gateway.gql(AdminDisableUserDocument, { userPoolId: poolId, username }));
        return event;
      });
      expectError(
        await respond(gateway, clientId, challenge, { USERNAME: username, NEW_PASSWORD }),
        "NotAuthorizedException",
        "User is disabled.",
      );
      expect(receiver.at(`${prefix}/post`)).toHaveLength(1);
      expect(await userOf(poolId, username)).toMatchObject({ enabled: false, userStatus: "FORCE_CHANGE_PASSWORD" });
    });

    it("keeps an admin's attribute change that lands while the answer is under way (here: during PostAuthentication)", async () => {
      const prefix = `/${uniqueName("t")}`;
      const { poolId, clientId, username, challenge } = await awaitingNewPassword({
        lambdaConfig: { postAuthentication: receiver.url(`${prefix}/post`) },
      });
      expectData(await gateway.gql(RotateTriggerSecretDocument, { userPoolId: poolId }));
      receiver.on(`${prefix}/post`, async (event) => {
        expectData(
          await gateway.gql(AdminUpdateUserAttributesDocument, {
            input: { userPoolId: poolId, username, userAttributes: [{ name: "name", value: "Set meanwhile" }] },
          }),
        );
        return event;
      });
      expectTokens(
        await respond(gateway, clientId, challenge, {
          USERNAME: username,
          NEW_PASSWORD,
          userAttributes: [{ name: "family_name", value: "Answered" }],
        }),
      );
      const attributes = Object.fromEntries(
        (await userOf(poolId, username)).attributes.map((attribute) => [attribute.name, attribute.value]),
      );
      expect(attributes).toMatchObject({ name: "Set meanwhile", family_name: "Answered" });
      expect((await userOf(poolId, username)).userStatus).toBe("CONFIRMED");
    });

    it("still sets the password and signs in a user that may", async () => {
      const { clientId, username, challenge } = await awaitingNewPassword();
      expectTokens(await respond(gateway, clientId, challenge, { USERNAME: username, NEW_PASSWORD }));
      expectTokens(await passwordSignIn(gateway, clientId, username, NEW_PASSWORD));
    });
  });

  describe("an MFA or sign-in code answer that proves an address: the row as it is at the commit", () => {
    /** An OPTIONAL pool, a user with an unverified phone and SMS MFA on, and the SMS_MFA challenge. */
    async function smsChallenge(change: (poolId: string, username: string) => Promise<unknown>) {
      const ids = await userWithPostAuthentication(
        { mfaConfiguration: "OPTIONAL", enabledMfas: ["SMS_MFA"] },
        [{ name: "phone_number", value: PHONE }],
        change,
      );
      expectData(
        await gateway.gql(AdminSetUserMfaPreferenceDocument, {
          input: { userPoolId: ids.poolId, username: ids.username, smsMfaSettings: { enabled: true } },
        }),
      );
      const challenge = expectChallenge(
        await passwordSignIn(gateway, ids.clientId, ids.username, GOOD_PASSWORD),
        "SMS_MFA",
      );
      const answer = { USERNAME: ids.username, SMS_MFA_CODE: (await latestMessage(gateway, ids.poolId, PHONE)).code! };
      return { ...ids, challenge, answer };
    }

    it("SMS_MFA on an unverified phone keeps the attributes and password an admin set meanwhile, and verifies the phone", async () => {
      const { poolId, clientId, username, challenge, answer } = await smsChallenge(async (userPoolId, name) => {
        expectData(
          await gateway.gql(AdminUpdateUserAttributesDocument, {
            input: { userPoolId, username: name, userAttributes: [{ name: "name", value: "Set meanwhile" }] },
          }),
        );
        expectData(
          await gateway.gql(AdminSetUserPasswordDocument, {
            input: { userPoolId, username: name, password: NEW_PASSWORD, permanent: true },
          }),
        );
      });
      expectTokens(await respond(gateway, clientId, challenge, answer));
      expect(await statusAndAttributesOf(gateway, poolId, username)).toMatchObject({
        name: "Set meanwhile",
        phone_number_verified: "true",
      });
      expectError(await passwordSignIn(gateway, clientId, username, GOOD_PASSWORD), "NotAuthorizedException");
      expectChallenge(await passwordSignIn(gateway, clientId, username, NEW_PASSWORD), "SMS_MFA");
    });

    it("SMS_MFA gives no tokens to a user disabled meanwhile, and does not enable the user again", async () => {
      const { poolId, clientId, username, challenge, answer } = await smsChallenge((userPoolId, name) =>
        gateway.gql(AdminDisableUserDocument, { userPoolId, username: name }).then(expectData),
      );
      expectError(await respond(gateway, clientId, challenge, answer), "NotAuthorizedException", "User is disabled.");
      expect(await userOf(poolId, username)).toMatchObject({ enabled: false });
      expect(await statusAndAttributesOf(gateway, poolId, username)).not.toHaveProperty(
        "phone_number_verified",
        "true",
      );
    });

    it("EMAIL_OTP set up in MFA_SETUP does not replace an email an admin set meanwhile", async () => {
      const own = `${uniqueName("own")}@example.com`;
      const { poolId, clientId, username } = await userWithPostAuthentication(
        { mfaConfiguration: "ON", enabledMfas: ["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"] },
        [],
        (userPoolId, name) =>
          gateway
            .gql(AdminUpdateUserAttributesDocument, {
              input: {
                userPoolId,
                username: name,
                userAttributes: [
                  { name: "email", value: own },
                  { name: "email_verified", value: "true" },
                ],
              },
            })
            .then(expectData),
      );
      const setup = expectChallenge(await passwordSignIn(gateway, clientId, username, GOOD_PASSWORD), "MFA_SETUP");
      const typed = `${uniqueName("typed")}@example.com`;
      const otp = expectChallenge(
        await respond(gateway, clientId, setup, { USERNAME: username, EMAIL: typed }),
        "EMAIL_OTP",
      );
      const code = (await latestMessage(gateway, poolId, typed)).code!;
      expectError(
        await respond(gateway, clientId, otp, { USERNAME: username, EMAIL_OTP_CODE: code }),
        "ExpiredCodeException",
      );
      expect(await statusAndAttributesOf(gateway, poolId, username)).toMatchObject({
        email: own,
        email_verified: "true",
      });
      expect(
        expectData(await gateway.gql(AdminGetUserMfaDocument, { userPoolId: poolId, username })).adminGetUser
          .userMfaSettingList,
      ).toEqual([]);
    });

    it.each([false, true])(
      "a USER_AUTH EMAIL_OTP code (email verified before: %s) gives no tokens to a user disabled meanwhile, and does not enable the user again",
      async (isVerified) => {
        const { poolId, clientId, username } = await userWithPostAuthentication(
          PASSWORDLESS_POOL,
          [
            { name: "email", value: `${uniqueName("otp")}@example.com` },
            ...(isVerified ? [{ name: "email_verified", value: "true" }] : []),
          ],
          (userPoolId, name) => gateway.gql(AdminDisableUserDocument, { userPoolId, username: name }).then(expectData),
          USER_AUTH_CLIENT,
        );
        const challenge = expectChallenge(
          await userAuth(gateway, clientId, { USERNAME: username, PREFERRED_CHALLENGE: "EMAIL_OTP" }),
          "EMAIL_OTP",
        );
        const email = (await statusAndAttributesOf(gateway, poolId, username)).email!;
        const { code } = await latestOtp(gateway, poolId, email);
        expectError(
          await respond(gateway, clientId, challenge, { USERNAME: username, EMAIL_OTP_CODE: code }),
          "NotAuthorizedException",
          "User is disabled.",
        );
        expect(await userOf(poolId, username)).toMatchObject({ enabled: false });
      },
    );
  });

  describe("a password sign-in without MFA, which saves nothing with its tokens: the user as it is at the commit", () => {
    const disable = (userPoolId: string, name: string) =>
      gateway.gql(AdminDisableUserDocument, { userPoolId, username: name }).then(expectData);

    it.each(["USER_PASSWORD_AUTH", "USER_SRP_AUTH"])(
      "%s gives no tokens to a user disabled meanwhile (here: by PostAuthentication)",
      async (flow) => {
        const { poolId, clientId, username } = await userWithPostAuthentication({}, [], disable);
        const result =
          flow === "USER_PASSWORD_AUTH"
            ? await passwordSignIn(gateway, clientId, username, GOOD_PASSWORD)
            : await srpSignIn(gateway, { poolId, clientId, username, password: GOOD_PASSWORD });
        expectError(result, "NotAuthorizedException", "User is disabled.");
        expect(await userOf(poolId, username)).toMatchObject({ enabled: false });
      },
    );
  });

  describe("the sign-up Session", () => {
    /** SignUp (with a password) and ConfirmSignUp in a new pool; the ConfirmSignUp Session. */
    async function confirmedSignUp(poolInput: Partial<CreateUserPoolInput>) {
      const { poolId, clientId } = await createPoolWithClient(
        gateway,
        { autoVerifiedAttributes: ["email"], ...poolInput },
        {
          ...USER_AUTH_CLIENT,
          explicitAuthFlows: [...USER_AUTH_CLIENT.explicitAuthFlows!, "ALLOW_USER_PASSWORD_AUTH"],
        },
      );
      const username = uniqueName("new");
      const email = `${username}@example.com`;
      expectData(
        await gateway.gql(
          SignUpDocument,
          { input: { clientId, username, password: GOOD_PASSWORD, userAttributes: [{ name: "email", value: email }] } },
          null,
        ),
      );
      const code = (await latestMessage(gateway, poolId, email)).code!;
      const { session } = expectData(
        await gateway.gql(ConfirmSignUpDocument, { input: { clientId, username, confirmationCode: code } }, null),
      ).confirmSignUp;
      expect(session).toBeTruthy();
      return { poolId, clientId, username, email, session: session! };
    }

    it("does not skip MFA: refused in an MFA ON pool, where the password sign-in asks for the second factor", async () => {
      const { clientId, username, session } = await confirmedSignUp({
        mfaConfiguration: "ON",
        enabledMfas: ["SOFTWARE_TOKEN_MFA"],
      });
      expectError(
        await userAuth(gateway, clientId, { USERNAME: username }, session),
        "NotAuthorizedException",
        NOT_ELIGIBLE,
      );
      // Used up all the same.
      expectError(
        await userAuth(gateway, clientId, { USERNAME: username }, session),
        "NotAuthorizedException",
        SESSION_EXPIRED,
      );
      expectChallenge(await passwordSignIn(gateway, clientId, username, GOOD_PASSWORD), "MFA_SETUP");
    });

    it("is refused (on the wire too) in a pool that allows no passwordless first factor", async () => {
      const { clientId, username, session } = await confirmedSignUp({});
      await expect(
        cognitoClient(gateway).send(
          new InitiateAuthCommand({
            ClientId: clientId,
            AuthFlow: "USER_AUTH",
            AuthParameters: { USERNAME: username },
            Session: session,
          }),
        ),
      ).rejects.toMatchObject({ name: "NotAuthorizedException", message: NOT_ELIGIBLE });
    });

    it("is refused for a user who switched MFA on since (MFA OPTIONAL), and still signs in one who did not", async () => {
      const pool = { ...PASSWORDLESS_POOL, mfaConfiguration: "OPTIONAL" as const, enabledMfas: ["EMAIL_OTP" as const] };
      const withMfa = await confirmedSignUp(pool);
      expectData(
        await gateway.gql(AdminSetUserMfaPreferenceDocument, {
          input: {
            userPoolId: withMfa.poolId,
            username: withMfa.username,
            emailMfaSettings: { enabled: true, preferredMfa: true },
          },
        }),
      );
      expectError(
        await userAuth(gateway, withMfa.clientId, { USERNAME: withMfa.username }, withMfa.session),
        "NotAuthorizedException",
        NOT_ELIGIBLE,
      );
      const without = await confirmedSignUp(pool);
      expectTokens(await userAuth(gateway, without.clientId, { USERNAME: without.username }, without.session));
    });
  });
});
