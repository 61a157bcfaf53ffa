import { decodeJwt } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/lib/clock.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import {
  AdminCreateUserDocument,
  AdminDisableUserDocument,
  AdminGetUserDocument,
  AdminInitiateAuthDocument,
  AdminRespondToAuthChallengeDocument,
  AdminResetUserPasswordDocument,
  ConfirmSignUpDocument,
  InitiateAuthDocument,
  SignUpDocument,
  type AuthFlow,
  type CreateUserPoolClientInput,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import {
  answerVerifier,
  createConfirmedUser,
  expectChallenge,
  expectError,
  expectTokens,
  INCORRECT,
  listEvents,
  passwordSignIn,
  refreshSignIn,
  respond,
  secretHashOf,
  SESSION_EXPIRED,
  SESSION_USED,
  signInEnv,
  srpSignIn,
  startSrp,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const WRONG_PASSWORD = "Wr0ng-Password!";
const TEMPORARY_PASSWORD = "Temp0rary-Pass!";

describe.each(BACKENDS)("sign-in on $name", (backend) => {
  let gateway: TestApp;
  const clock = createManualClock(new Date());
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend), overrides: { clock } });
  });
  afterAll(async () => gateway?.close());
  beforeEach(() => clock.set(new Date()));

  /** Signed up and not confirmed yet. */
  async function signedUpUser() {
    const { poolId, clientId } = await createPoolWithClient(gateway, { autoVerifiedAttributes: ["email"] });
    const username = uniqueName("si");
    const email = `${username}@example.com`;
    expectData(
      await gateway.gql(
        SignUpDocument,
        { input: { clientId, username, password: GOOD_PASSWORD, userAttributes: [{ name: "email", value: email }] } },
        null,
      ),
    );
    return { poolId, clientId, username, email };
  }

  async function confirmedUser() {
    const user = await signedUpUser();
    expectData(
      await gateway.gql(
        ConfirmSignUpDocument,
        {
          input: {
            clientId: user.clientId,
            username: user.username,
            confirmationCode: (await latestMessage(gateway, user.poolId, user.email)).code!,
          },
        },
        null,
      ),
    );
    return user;
  }

  async function userInNewPool(clientInput: Partial<CreateUserPoolClientInput> = {}) {
    const { poolId, clientId, clientSecret } = await createPoolWithClient(gateway, {}, clientInput);
    const user = await createConfirmedUser(gateway, poolId, uniqueName("si"), GOOD_PASSWORD);
    return { poolId, clientId, clientSecret, ...user };
  }

  it("signs in with SRP driven by amazon-cognito-identity-js, and records the challenge and the sign-in", async () => {
    const { poolId, clientId, username } = await confirmedUser();
    const { client, result } = await startSrp(gateway, { poolId, clientId, username });
    const challenge = expectChallenge(result);
    const done = expectTokens(
      await respond(gateway, clientId, challenge, answerVerifier(client, challenge, GOOD_PASSWORD, clock)),
    );
    expect(done.tokenType).toBe("Bearer");
    expect(done.expiresIn).toBe(3600);
    expect(done.refreshToken).toBeTruthy();
    const sub = decodeJwt(done.idToken).sub;
    const events = (await listEvents(gateway, poolId)).filter((event) =>
      ["CHALLENGE_ISSUED", "SIGN_IN_SUCCEEDED"].includes(event.type),
    );
    expect(events.map(({ type, actor, detail }) => ({ type, actor, detail }))).toEqual([
      {
        type: "CHALLENGE_ISSUED",
        actor: `client:${clientId}`,
        detail: { userSub: sub, challengeName: "PASSWORD_VERIFIER" },
      },
      { type: "SIGN_IN_SUCCEEDED", actor: `client:${clientId}`, detail: { userSub: sub, clientId } },
    ]);
  });

  it("refuses a wrong password with the same error as an unknown user", async () => {
    const { poolId, clientId, username } = await confirmedUser();
    const wrong = await srpSignIn(gateway, { poolId, clientId, username, password: WRONG_PASSWORD, clock });
    const unknown = await srpSignIn(gateway, {
      poolId,
      clientId,
      username: uniqueName("ghost"),
      password: WRONG_PASSWORD,
      clock,
    });
    expectError(wrong, "NotAuthorizedException", INCORRECT);
    expect(unknown.errors).toEqual(wrong.errors);
  });

  describe("account states (cognito-reference §8.2)", () => {
    it("refuses an unconfirmed user with the right password (UserNotConfirmedException), and a wrong password as usual", async () => {
      const { poolId, clientId, username } = await signedUpUser();
      expectError(
        await srpSignIn(gateway, { poolId, clientId, username, password: GOOD_PASSWORD, clock }),
        "UserNotConfirmedException",
        "User is not confirmed.",
      );
      expectError(
        await passwordSignIn(gateway, clientId, username, GOOD_PASSWORD),
        "UserNotConfirmedException",
        "User is not confirmed.",
      );
      expectError(
        await passwordSignIn(gateway, clientId, username, WRONG_PASSWORD),
        "NotAuthorizedException",
        INCORRECT,
      );
    });

    it("refuses a disabled user with the right password, and the refresh tokens it already has", async () => {
      const user = await userInNewPool();
      const { refreshToken } = expectTokens(await passwordSignIn(gateway, user.clientId, user.username, GOOD_PASSWORD));
      expect(
        expectData(await gateway.gql(AdminDisableUserDocument, { userPoolId: user.poolId, username: user.username }))
          .adminDisableUser,
      ).toBe(true);
      expectError(
        await srpSignIn(gateway, { ...user, password: GOOD_PASSWORD, clock }),
        "NotAuthorizedException",
        "User is disabled.",
      );
      expectError(
        await passwordSignIn(gateway, user.clientId, user.username, GOOD_PASSWORD),
        "NotAuthorizedException",
        "User is disabled.",
      );
      expectError(
        await passwordSignIn(gateway, user.clientId, user.username, WRONG_PASSWORD),
        "NotAuthorizedException",
        INCORRECT,
      );
      expectError(
        await refreshSignIn(gateway, user.clientId, refreshToken!),
        "NotAuthorizedException",
        "User is disabled.",
      );
    });

    it("asks a RESET_REQUIRED user to reset the password", async () => {
      const { poolId, clientId, username } = await confirmedUser();
      expectData(await gateway.gql(AdminResetUserPasswordDocument, { userPoolId: poolId, username }));
      expectError(
        await srpSignIn(gateway, { poolId, clientId, username, password: GOOD_PASSWORD, clock }),
        "PasswordResetRequiredException",
        "Password reset required for the user",
      );
      expectError(
        await passwordSignIn(gateway, clientId, username, GOOD_PASSWORD),
        "PasswordResetRequiredException",
        "Password reset required for the user",
      );
    });
  });

  describe("NEW_PASSWORD_REQUIRED", () => {
    async function invitedUser() {
      const { poolId, clientId } = await createPoolWithClient(gateway, {
        schema: [{ name: "given_name", attributeDataType: "String", required: true }],
      });
      const username = uniqueName("inv");
      const email = `${username}@example.com`;
      const attributes = [
        { name: "email", value: email },
        { name: "email_verified", value: "true" },
      ];
      expectData(
        await gateway.gql(AdminCreateUserDocument, {
          input: {
            userPoolId: poolId,
            username,
            temporaryPassword: TEMPORARY_PASSWORD,
            messageAction: "SUPPRESS",
            userAttributes: attributes,
          },
        }),
      );
      return { poolId, clientId, username, email };
    }

    it("asks for a new password and the missing required attributes; refused answers keep the session", async () => {
      const { poolId, clientId, username, email } = await invitedUser();
      const challenge = expectChallenge(
        await srpSignIn(gateway, { poolId, clientId, username, password: TEMPORARY_PASSWORD, clock }),
        "NEW_PASSWORD_REQUIRED",
      );
      expect(JSON.parse(challenge.challengeParameters.requiredAttributes!)).toEqual(["userAttributes.given_name"]);
      expect(JSON.parse(challenge.challengeParameters.userAttributes!)).toEqual({ email });
      expect(challenge.challengeParameters.USER_ID_FOR_SRP).toBe(username);

      expectError(
        await respond(gateway, clientId, challenge, { USERNAME: username, NEW_PASSWORD: GOOD_PASSWORD }),
        "InvalidParameterException",
      );
      expectError(
        await respond(gateway, clientId, challenge, {
          USERNAME: username,
          NEW_PASSWORD: "weak",
          userAttributes: [{ name: "given_name", value: "Ada" }],
        }),
        "InvalidPasswordException",
      );
      const tokens = expectTokens(
        await respond(gateway, clientId, challenge, {
          USERNAME: username,
          NEW_PASSWORD: GOOD_PASSWORD,
          userAttributes: [{ name: "given_name", value: "Ada" }],
        }),
      );
      expect(decodeJwt(tokens.idToken)).toMatchObject({ "cognito:username": username, given_name: "Ada", email });
      expectError(
        await respond(gateway, clientId, challenge, {
          USERNAME: username,
          NEW_PASSWORD: GOOD_PASSWORD,
          userAttributes: [{ name: "given_name", value: "Ada" }],
        }),
        "NotAuthorizedException",
        SESSION_USED,
      );

      const user = expectData(await gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username })).adminGetUser;
      expect(user.userStatus).toBe("CONFIRMED");
      expect(user.attributes).toContainEqual({ name: "given_name", value: "Ada" });
      expectTokens(await passwordSignIn(gateway, clientId, username, GOOD_PASSWORD));
      expectError(
        await passwordSignIn(gateway, clientId, username, TEMPORARY_PASSWORD),
        "NotAuthorizedException",
        INCORRECT,
      );
    });

    it("expires the session of a NEW_PASSWORD_REQUIRED challenge too", async () => {
      const { clientId, username } = await invitedUser();
      const challenge = expectChallenge(
        await passwordSignIn(gateway, clientId, username, TEMPORARY_PASSWORD),
        "NEW_PASSWORD_REQUIRED",
      );
      clock.advanceSeconds(181);
      expectError(
        await respond(gateway, clientId, challenge, {
          USERNAME: username,
          NEW_PASSWORD: GOOD_PASSWORD,
          userAttributes: [{ name: "given_name", value: "Ada" }],
        }),
        "NotAuthorizedException",
        SESSION_EXPIRED,
      );
    });

    it("refuses a temporary password older than temporaryPasswordValidityDays", async () => {
      const { clientId, username } = await invitedUser();
      clock.advanceSeconds(7 * 86_400 - 60);
      expectChallenge(await passwordSignIn(gateway, clientId, username, TEMPORARY_PASSWORD), "NEW_PASSWORD_REQUIRED");
      clock.advanceSeconds(86_400 + 60);
      expectError(
        await passwordSignIn(gateway, clientId, username, TEMPORARY_PASSWORD),
        "NotAuthorizedException",
        "Temporary password has expired and must be reset by an administrator.",
      );
    });
  });

  describe("flows and clients (cognito-reference §3.1, §5)", () => {
    const initiate = (clientId: string, authFlow: AuthFlow, username: string) =>
      gateway.gql(
        InitiateAuthDocument,
        {
          input: {
            clientId,
            authFlow,
            authParameters: { USERNAME: username, PASSWORD: GOOD_PASSWORD, SRP_A: "2", REFRESH_TOKEN: "x".repeat(40) },
          },
        },
        null,
      );

    it("refuses flows the client does not allow", async () => {
      const srpOnly = await userInNewPool({ explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"] });
      expectError(
        await initiate(srpOnly.clientId, "USER_PASSWORD_AUTH", srpOnly.username),
        "InvalidParameterException",
        "USER_PASSWORD_AUTH flow not enabled for this client",
      );
      expectError(
        await initiate(srpOnly.clientId, "REFRESH_TOKEN_AUTH", srpOnly.username),
        "InvalidParameterException",
        "REFRESH_TOKEN_AUTH flow not enabled for this client",
      );
      const passwordOnly = await userInNewPool({ explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH"] });
      expectError(
        await initiate(passwordOnly.clientId, "USER_SRP_AUTH", passwordOnly.username),
        "InvalidParameterException",
        "USER_SRP_AUTH flow not enabled for this client",
      );
      expectTokens(await initiate(passwordOnly.clientId, "USER_PASSWORD_AUTH", passwordOnly.username));
    });

    it("runs ADMIN_USER_PASSWORD_AUTH through adminInitiateAuth only", async () => {
      const user = await userInNewPool({
        explicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH"],
      });
      const adminInitiate = (authFlow: AuthFlow, token?: string | null) =>
        gateway.gql(
          AdminInitiateAuthDocument,
          {
            input: {
              userPoolId: user.poolId,
              clientId: user.clientId,
              authFlow,
              authParameters: { USERNAME: user.username, PASSWORD: GOOD_PASSWORD },
            },
          },
          token,
        );
      expectTokens(await adminInitiate("ADMIN_USER_PASSWORD_AUTH"));
      expectTokens(await adminInitiate("ADMIN_NO_SRP_AUTH"));
      expectError(
        await initiate(user.clientId, "ADMIN_USER_PASSWORD_AUTH", user.username),
        "InvalidParameterException",
      );
      expectError(await adminInitiate("USER_PASSWORD_AUTH"), "InvalidParameterException");
      expect((await adminInitiate("ADMIN_USER_PASSWORD_AUTH", null)).data ?? null).toBeNull();
      const otherClient = await userInNewPool();
      expectError(
        await gateway.gql(AdminInitiateAuthDocument, {
          input: {
            userPoolId: otherClient.poolId,
            clientId: otherClient.clientId,
            authFlow: "ADMIN_USER_PASSWORD_AUTH",
            authParameters: { USERNAME: otherClient.username, PASSWORD: GOOD_PASSWORD },
          },
        }),
        "InvalidParameterException",
        "ADMIN_USER_PASSWORD_AUTH flow not enabled for this client",
      );
    });

    it("keeps admin SRP sessions to the admin API", async () => {
      const user = await userInNewPool();
      const started = await startSrp(gateway, user);
      const publicChallenge = expectChallenge(started.result);
      // An admin start answered publicly: refused like another client's session.
      const { client } = await startSrp(gateway, user);
      const adminChallenge = expectChallenge(
        await gateway.gql(AdminInitiateAuthDocument, {
          input: {
            userPoolId: user.poolId,
            clientId: user.clientId,
            authFlow: "USER_SRP_AUTH",
            authParameters: { USERNAME: user.username, SRP_A: client.srpA },
          },
        }),
      );
      expectError(
        await respond(
          gateway,
          user.clientId,
          adminChallenge,
          answerVerifier(client, adminChallenge, GOOD_PASSWORD, clock),
        ),
        "NotAuthorizedException",
        SESSION_EXPIRED,
      );
      const answer = answerVerifier(started.client, publicChallenge, GOOD_PASSWORD, clock);
      const viaAdmin = await gateway.gql(AdminRespondToAuthChallengeDocument, {
        input: {
          userPoolId: user.poolId,
          clientId: user.clientId,
          challengeName: "PASSWORD_VERIFIER",
          session: publicChallenge.session,
          challengeResponses: answer,
        },
      });
      expectError(viaAdmin, "NotAuthorizedException", SESSION_EXPIRED);
    });

    it("requires SECRET_HASH from a client with a secret, at every step", async () => {
      const user = await userInNewPool({ generateSecret: true });
      const secret = user.clientSecret!;
      const hash = secretHashOf(secret, user.username, user.clientId);
      expectError(
        await passwordSignIn(gateway, user.clientId, user.username, GOOD_PASSWORD),
        "NotAuthorizedException",
        `Client ${user.clientId} is configured with secret but SECRET_HASH was not received`,
      );
      expectError(
        await passwordSignIn(gateway, user.clientId, user.username, GOOD_PASSWORD, {
          SECRET_HASH: secretHashOf(`${secret}x`, user.username, user.clientId),
        }),
        "NotAuthorizedException",
        `SecretHash does not match for the client: ${user.clientId}`,
      );
      const tokens = expectTokens(
        await passwordSignIn(gateway, user.clientId, user.username, GOOD_PASSWORD, { SECRET_HASH: hash }),
      );

      expectError(
        (await startSrp(gateway, { ...user })).result,
        "NotAuthorizedException",
        `Client ${user.clientId} is configured with secret but SECRET_HASH was not received`,
      );
      for (const secretHash of [undefined, hash]) {
        const { client, result } = await startSrp(gateway, { ...user, secretHash: hash });
        const challenge = expectChallenge(result);
        const answered = await respond(gateway, user.clientId, challenge, {
          ...answerVerifier(client, challenge, GOOD_PASSWORD, clock),
          ...(secretHash ? { SECRET_HASH: secretHash } : {}),
        });
        if (secretHash) expectTokens(answered);
        else
          expectError(
            answered,
            "NotAuthorizedException",
            `Client ${user.clientId} is configured with secret but SECRET_HASH was not received`,
          );
      }

      const refresh = (SECRET_HASH?: string) =>
        gateway.gql(
          InitiateAuthDocument,
          {
            input: {
              clientId: user.clientId,
              authFlow: "REFRESH_TOKEN_AUTH",
              authParameters: { REFRESH_TOKEN: tokens.refreshToken!, ...(SECRET_HASH ? { SECRET_HASH } : {}) },
            },
          },
          null,
        );
      expectError(
        await refresh(),
        "NotAuthorizedException",
        `Client ${user.clientId} is configured with secret but SECRET_HASH was not received`,
      );
      expectTokens(await refresh(hash));
    });
  });
});
