import {
  AdminCreateUserCommand,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cognitoClient, createAwsCredentials } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, latestMessage, uniqueName } from "../support/directory.js";
import {
  AdminCreateUserDocument,
  AdminGetUserDocument,
  ConfirmSignUpDocument,
  SignUpDocument,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import { expectChallenge, expectError, expectTokens, respond, SESSION_EXPIRED, signInEnv } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { latestOtp, messageCount, PASSWORDLESS_POOL, USER_AUTH_CLIENT, userAuth } from "../support/user-auth.js";

const NEEDS_PASSWORD =
  "Password is required: this user pool allows no passwordless first authentication factor (EMAIL_OTP, SMS_OTP or WEB_AUTHN).";

/** Passwordless sign-up and the sign-in without another code (reference-oauth §13.6), on both APIs. */
describe.each(BACKENDS)("passwordless sign-up on $name", (backend) => {
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend) });
  });
  afterAll(async () => gateway?.close());

  const passwordlessPool = () =>
    createPoolWithClient(gateway, { ...PASSWORDLESS_POOL, autoVerifiedAttributes: ["email"] }, USER_AUTH_CLIENT);

  it("SignUp without a password needs a pool with a passwordless first factor", async () => {
    const { clientId } = await createPoolWithClient(gateway, { autoVerifiedAttributes: ["email"] }, USER_AUTH_CLIENT);
    const username = uniqueName("nopw");
    expectError(
      await gateway.gql(
        SignUpDocument,
        { input: { clientId, username, userAttributes: [{ name: "email", value: `${username}@example.com` }] } },
        null,
      ),
      "InvalidParameterException",
      NEEDS_PASSWORD,
    );
    await expect(
      cognitoClient(gateway).send(
        new SignUpCommand({
          ClientId: clientId,
          Username: username,
          UserAttributes: [{ Name: "email", Value: `${username}@example.com` }],
        }),
      ),
    ).rejects.toMatchObject({ name: "InvalidParameterException", message: NEEDS_PASSWORD });
  });

  it("on the wire: SignUp (no Password) → ConfirmSignUp's Session → InitiateAuth USER_AUTH with Session signs in once, without another code", async () => {
    const { poolId, clientId } = await passwordlessPool();
    const sdk = cognitoClient(gateway);
    const username = uniqueName("pwless");
    const email = `${username}@example.com`;
    const signedUp = await sdk.send(
      new SignUpCommand({ ClientId: clientId, Username: username, UserAttributes: [{ Name: "email", Value: email }] }),
    );
    expect(signedUp).toMatchObject({ UserConfirmed: false, CodeDeliveryDetails: { DeliveryMedium: "EMAIL" } });
    expect(signedUp.Session).toBeTruthy();
    // The SignUp session of a user not yet confirmed signs no one in.
    await expect(
      sdk.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: "USER_AUTH",
          AuthParameters: { USERNAME: username },
          Session: signedUp.Session,
        }),
      ),
    ).rejects.toMatchObject({ name: "NotAuthorizedException" });
    const user = expectData(await gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username })).adminGetUser;
    expect(user.userStatus).toBe("UNCONFIRMED");

    const code = (await latestMessage(gateway, poolId, email)).code!;
    const confirmed = await sdk.send(
      new ConfirmSignUpCommand({ ClientId: clientId, Username: username, ConfirmationCode: code }),
    );
    expect(confirmed.Session).toBeTruthy();
    const sent = await messageCount(gateway, poolId, email);
    const tokens = await sdk.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: "USER_AUTH",
        AuthParameters: { USERNAME: username },
        Session: confirmed.Session,
      }),
    );
    expect(tokens.AuthenticationResult?.AccessToken).toBeTruthy();
    expect(decodeJwt(tokens.AuthenticationResult!.IdToken!)).toMatchObject({
      "cognito:username": username,
      email,
      email_verified: true,
    });
    expect(await messageCount(gateway, poolId, email)).toBe(sent);
    // Once only.
    await expect(
      sdk.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: "USER_AUTH",
          AuthParameters: { USERNAME: username },
          Session: confirmed.Session,
        }),
      ),
    ).rejects.toMatchObject({
      name: "NotAuthorizedException",
      message: SESSION_EXPIRED,
    });
    // The user has no password: only the code factors are offered.
    const choice = await sdk.send(
      new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_AUTH", AuthParameters: { USERNAME: username } }),
    );
    expect(choice.AvailableChallenges).toEqual(["EMAIL_OTP"]);
  });

  it("over GraphQL, ten parallel uses of one ConfirmSignUp session give one sign-in", async () => {
    const { poolId, clientId } = await passwordlessPool();
    const username = uniqueName("race");
    const email = `${username}@example.com`;
    const signedUp = expectData(
      await gateway.gql(
        SignUpDocument,
        { input: { clientId, username, userAttributes: [{ name: "email", value: email }] } },
        null,
      ),
    ).signUp;
    expect(signedUp.session).toBeTruthy();
    const code = (await latestMessage(gateway, poolId, email)).code!;
    const { session } = expectData(
      await gateway.gql(ConfirmSignUpDocument, { input: { clientId, username, confirmationCode: code } }, null),
    ).confirmSignUp;
    const results = await Promise.all(
      Array.from({ length: 10 }, () => userAuth(gateway, clientId, { USERNAME: username }, session!)),
    );
    expect(results.filter((result) => !result.errors).length).toBe(1);
    for (const failed of results.filter((result) => result.errors))
      expect(errorCodes(failed)).toEqual(["NotAuthorizedException"]);
    expectTokens(results.find((result) => !result.errors)!);
  });

  it("a session is bound to its client: another client of the pool cannot redeem it", async () => {
    const { poolId, clientId } = await passwordlessPool();
    const other = await gateway.gql((await import("../support/generated/graphql.js")).CreateUserPoolClientDocument, {
      userPoolId: poolId,
      input: { clientName: "other", ...USER_AUTH_CLIENT },
    });
    const otherClientId = expectData(other).createUserPoolClient.clientId;
    const username = uniqueName("bound");
    const email = `${username}@example.com`;
    expectData(
      await gateway.gql(
        SignUpDocument,
        { input: { clientId, username, userAttributes: [{ name: "email", value: email }] } },
        null,
      ),
    );
    const code = (await latestMessage(gateway, poolId, email)).code!;
    const { session } = expectData(
      await gateway.gql(ConfirmSignUpDocument, { input: { clientId, username, confirmationCode: code } }, null),
    ).confirmSignUp;
    expectError(
      await userAuth(gateway, otherClientId, { USERNAME: username }, session!),
      "NotAuthorizedException",
      SESSION_EXPIRED,
    );
  });

  it("AdminCreateUser without a temporary password in a passwordless pool: CONFIRMED, no password, no invitation; EMAIL_OTP signs in", async () => {
    const { poolId, clientId } = await passwordlessPool();
    const username = uniqueName("adm");
    const email = `${username}@example.com`;
    const created = expectData(
      await gateway.gql(AdminCreateUserDocument, {
        input: {
          userPoolId: poolId,
          username,
          userAttributes: [
            { name: "email", value: email },
            { name: "email_verified", value: "true" },
          ],
        },
      }),
    ).adminCreateUser;
    expect(created.userStatus).toBe("CONFIRMED");
    expect(await messageCount(gateway, poolId, email)).toBe(0);
    const otp = expectChallenge(await userAuth(gateway, clientId, { USERNAME: username }), "SELECT_CHALLENGE");
    expect(otp.availableChallenges).toEqual(["EMAIL_OTP"]);
    const challenge = expectChallenge(
      await respond(gateway, clientId, otp, { USERNAME: username, ANSWER: "EMAIL_OTP" }),
      "EMAIL_OTP",
    );
    expectTokens(
      await respond(gateway, clientId, challenge, {
        USERNAME: username,
        EMAIL_OTP_CODE: (await latestOtp(gateway, poolId, email)).code,
      }),
    );

    // On the wire too; and a pool without passwordless factors still generates a temporary password.
    const admin = cognitoClient(gateway, await createAwsCredentials(gateway));
    const wire = await admin.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: uniqueName("wire"), MessageAction: "SUPPRESS" }),
    );
    expect(wire.User?.UserStatus).toBe("CONFIRMED");
    const passwordPool = await createPoolWithClient(gateway, {}, USER_AUTH_CLIENT);
    const classic = await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: passwordPool.poolId,
        Username: uniqueName("classic"),
        MessageAction: "SUPPRESS",
      }),
    );
    expect(classic.User?.UserStatus).toBe("FORCE_CHANGE_PASSWORD");
  });
});
