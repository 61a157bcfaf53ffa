import { InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cognitoClient } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import {
  AdminCreateUserDocument,
  AdminDisableUserDocument,
  AdminUpdateUserAttributesDocument,
  AdminGetUserDocument,
  AdminSetUserMfaPreferenceDocument,
  AdminSetUserPasswordDocument,
  ConfirmSignUpDocument,
  RotateTriggerSecretDocument,
  SignUpDocument,
  type CreateUserPoolInput,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import {
  expectChallenge,
  expectError,
  expectTokens,
  passwordSignIn,
  respond,
  SESSION_EXPIRED,
  signInEnv,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { startTriggerReceiver, type TriggerReceiver } from "../support/trigger-receiver.js";
import { PASSWORDLESS_POOL, USER_AUTH_CLIENT, userAuth } from "../support/user-auth.js";

const NEW_PASSWORD = "N3w-Passw0rd!x";
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
