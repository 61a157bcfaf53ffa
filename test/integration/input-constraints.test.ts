import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawCall } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD } from "../support/directory.js";
import { ListUsersDocument } from "../support/generated/graphql.js";
import { expectData, postGraphql } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/**
 * Cognito's member constraints (cognito-reference §2.2) are core's, checked on entry of the services
 * both edges call: the same bad input gets the same InvalidParameterException over GraphQL and over
 * the wire protocol, and nothing is created.
 */

const HUGE = "x".repeat(200_000);
const NUL = "bad\u0000name";
const NAME_PATTERN = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+";
const one = (problem: string) => `1 validation error detected: ${problem}`;
const TOO_LONG_USERNAME = one(
  "Value at 'username' failed to satisfy constraint: Member must have length less than or equal to 128",
);
const NUL_USERNAME = one(
  `Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: ${NAME_PATTERN}`,
);
const EMPTY_USERNAME = one(
  "Value at 'username' failed to satisfy constraint: Member must have length greater than or equal to 1",
);

const SIGN_UP = "mutation($input: SignUpInput!) { signUp(input: $input) { userSub } }";
const CONFIRM_SIGN_UP = "mutation($input: ConfirmSignUpInput!) { confirmSignUp(input: $input) { session } }";
const RESEND = "mutation($input: UsernameRequestInput!) { resendConfirmationCode(input: $input) { destination } }";
const FORGOT = "mutation($input: UsernameRequestInput!) { forgotPassword(input: $input) { destination } }";
const CONFIRM_FORGOT = "mutation($input: ConfirmForgotPasswordInput!) { confirmForgotPassword(input: $input) }";
const INITIATE = "mutation($input: InitiateAuthInput!) { initiateAuth(input: $input) { __typename } }";
const RESPOND =
  "mutation($input: RespondToAuthChallengeInput!) { respondToAuthChallenge(input: $input) { __typename } }";
const ADMIN_CREATE = "mutation($input: AdminCreateUserInput!) { adminCreateUser(input: $input) { username } }";

interface Case {
  name: string;
  /** GraphQL document, its `input` variable and whether the admin key goes with it. */
  graphql: { query: string; input: Record<string, unknown>; admin?: boolean };
  /** The same request as a Cognito action. */
  wire: { action: string; body: Record<string, unknown>; admin?: boolean };
  message: string;
}

function cases(poolId: string, clientId: string): Case[] {
  const ask = (
    query: string,
    action: string,
    graphqlInput: Record<string, unknown>,
    wireBody: Record<string, unknown>,
    message: string,
    name: string,
    admin = false,
  ): Case => ({
    name,
    graphql: { query, input: graphqlInput, admin },
    wire: { action, body: wireBody, admin },
    message,
  });
  const usernameCases = (
    query: string,
    action: string,
    extra: { graphql: Record<string, unknown>; wire: Record<string, unknown> } = { graphql: {}, wire: {} },
  ) =>
    (
      [
        ["a 200 KB username", HUGE, TOO_LONG_USERNAME],
        ["a username with NUL", NUL, NUL_USERNAME],
        ["an empty username", "", EMPTY_USERNAME],
      ] as const
    ).map(([label, username, message]) =>
      ask(
        query,
        action,
        { clientId, username, ...extra.graphql },
        { ClientId: clientId, Username: username, ...extra.wire },
        message,
        `${action} with ${label}`,
      ),
    );
  return [
    ...usernameCases(FORGOT, "ForgotPassword"),
    ...usernameCases(RESEND, "ResendConfirmationCode"),
    ...usernameCases(SIGN_UP, "SignUp", { graphql: { password: GOOD_PASSWORD }, wire: { Password: GOOD_PASSWORD } }),
    ask(
      SIGN_UP,
      "SignUp",
      { clientId, username: "fine-name", password: "p".repeat(257) },
      { ClientId: clientId, Username: "fine-name", Password: "p".repeat(257) },
      one("Value at 'password' failed to satisfy constraint: Member must have length less than or equal to 256"),
      "SignUp with a 257-character password",
    ),
    ask(
      SIGN_UP,
      "SignUp",
      {
        clientId,
        username: "fine-name",
        password: GOOD_PASSWORD,
        userAttributes: [{ name: "email", value: "v".repeat(2049) }],
      },
      {
        ClientId: clientId,
        Username: "fine-name",
        Password: GOOD_PASSWORD,
        UserAttributes: [{ Name: "email", Value: "v".repeat(2049) }],
      },
      one(
        "Value at 'userAttributes.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 2048",
      ),
      "SignUp with an over-long attribute value",
    ),
    ask(
      CONFIRM_SIGN_UP,
      "ConfirmSignUp",
      { clientId, username: "someone", confirmationCode: "" },
      { ClientId: clientId, Username: "someone", ConfirmationCode: "" },
      one(
        "Value '' at 'confirmationCode' failed to satisfy constraint: Member must have length greater than or equal to 1",
      ),
      "ConfirmSignUp with an empty code",
    ),
    ask(
      CONFIRM_FORGOT,
      "ConfirmForgotPassword",
      { clientId, username: "someone", confirmationCode: "1".repeat(2049), password: GOOD_PASSWORD },
      { ClientId: clientId, Username: "someone", ConfirmationCode: "1".repeat(2049), Password: GOOD_PASSWORD },
      one(
        `Value '${"1".repeat(2049)}' at 'confirmationCode' failed to satisfy constraint: Member must have length less than or equal to 2048`,
      ),
      "ConfirmForgotPassword with an over-long code",
    ),
    ask(
      CONFIRM_FORGOT,
      "ConfirmForgotPassword",
      { clientId, username: HUGE, confirmationCode: "123456", password: "p".repeat(300) },
      { ClientId: clientId, Username: HUGE, ConfirmationCode: "123456", Password: "p".repeat(300) },
      "2 validation errors detected: Value at 'username' failed to satisfy constraint: Member must have length less than or equal to 128; Value at 'password' failed to satisfy constraint: Member must have length less than or equal to 256",
      "ConfirmForgotPassword with an over-long username and password",
    ),
    ask(
      INITIATE,
      "InitiateAuth",
      { clientId, authFlow: "USER_PASSWORD_AUTH", authParameters: { USERNAME: HUGE, PASSWORD: GOOD_PASSWORD } },
      {
        ClientId: clientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: HUGE, PASSWORD: GOOD_PASSWORD },
      },
      one(
        "Value at 'authParameters.USERNAME' failed to satisfy constraint: Member must have length less than or equal to 128",
      ),
      "InitiateAuth with a 200 KB USERNAME",
    ),
    ask(
      INITIATE,
      "InitiateAuth",
      { clientId, authFlow: "USER_SRP_AUTH", authParameters: { USERNAME: "someone", SRP_A: "a".repeat(5000) } },
      {
        ClientId: clientId,
        AuthFlow: "USER_SRP_AUTH",
        AuthParameters: { USERNAME: "someone", SRP_A: "a".repeat(5000) },
      },
      one(
        "Value at 'authParameters.SRP_A' failed to satisfy constraint: Member must have length less than or equal to 1024",
      ),
      "InitiateAuth with an over-long SRP_A",
    ),
    ask(
      RESPOND,
      "RespondToAuthChallenge",
      {
        clientId,
        challengeName: "SMS_MFA",
        session: "s".repeat(2049),
        challengeResponses: { USERNAME: "someone", SMS_MFA_CODE: "123456" },
      },
      {
        ClientId: clientId,
        ChallengeName: "SMS_MFA",
        Session: "s".repeat(2049),
        ChallengeResponses: { USERNAME: "someone", SMS_MFA_CODE: "123456" },
      },
      one("Value at 'session' failed to satisfy constraint: Member must have length less than or equal to 2048"),
      "RespondToAuthChallenge with an over-long session",
    ),
    ask(
      RESPOND,
      "RespondToAuthChallenge",
      {
        clientId,
        challengeName: "SMS_MFA",
        session: "short",
        challengeResponses: { USERNAME: "someone", SMS_MFA_CODE: "123456" },
      },
      {
        ClientId: clientId,
        ChallengeName: "SMS_MFA",
        Session: "short",
        ChallengeResponses: { USERNAME: "someone", SMS_MFA_CODE: "123456" },
      },
      one("Value at 'session' failed to satisfy constraint: Member must have length greater than or equal to 20"),
      "RespondToAuthChallenge with a short session",
    ),
    ask(
      ADMIN_CREATE,
      "AdminCreateUser",
      { userPoolId: poolId, username: NUL },
      { UserPoolId: poolId, Username: NUL },
      NUL_USERNAME,
      "AdminCreateUser with a username with NUL",
      true,
    ),
    ask(
      ADMIN_CREATE,
      "AdminCreateUser",
      { userPoolId: poolId, username: HUGE, temporaryPassword: "has space" },
      { UserPoolId: poolId, Username: HUGE, TemporaryPassword: "has space" },
      "2 validation errors detected: Value at 'username' failed to satisfy constraint: Member must have length less than or equal to 128; Value at 'temporaryPassword' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+",
      "AdminCreateUser with a 200 KB username and a password with a space",
      true,
    ),
  ];
}

describe.each(BACKENDS)("one set of input constraints for GraphQL and the wire on $name", (backend) => {
  let gateway: TestApp;
  let poolId: string;
  let clientId: string;

  beforeAll(async () => {
    gateway = await getTestApp(backend);
    ({ poolId, clientId } = await createPoolWithClient(gateway));
  });
  afterAll(async () => gateway?.close());

  it("answers the same bad inputs with the same InvalidParameterException on both edges, and creates nothing", async () => {
    const all = cases(poolId, clientId);
    for (const { name, graphql, wire, message } of all) {
      const overGraphql = await postGraphql(
        gateway.url,
        graphql.query,
        { input: graphql.input },
        { token: graphql.admin ? gateway.adminKey : null },
      );
      const overWire = await rawCall(
        gateway,
        wire.action,
        wire.body,
        wire.admin ? { authorization: `Bearer ${gateway.adminKey}` } : {},
      );
      expect(
        {
          code: overGraphql.errors?.[0]?.extensions?.code,
          message: overGraphql.errors?.[0]?.message,
          data: overGraphql.data ?? null,
        },
        `${name} over GraphQL`,
      ).toEqual({
        code: "InvalidParameterException",
        message,
        data: null,
      });
      expect(
        { status: overWire.status, type: overWire.body.__type, message: overWire.body.message },
        `${name} over the wire`,
      ).toEqual({ status: 400, type: "InvalidParameterException", message });
    }
    expect(expectData(await gateway.gql(ListUsersDocument, { userPoolId: poolId })).listUsers.users).toEqual([]);
  });

  it("still serves conforming input on both edges", async () => {
    const signUp = await postGraphql<{ signUp: { userSub: string } }, unknown>(
      gateway.url,
      SIGN_UP,
      { input: { clientId, username: "Ünïcødé-user✓", password: GOOD_PASSWORD } },
      { token: null },
    );
    expect(expectData(signUp).signUp.userSub).toMatch(/^[0-9a-f-]{36}$/);
    const overWire = await rawCall(gateway, "SignUp", {
      ClientId: clientId,
      Username: "wire-user",
      Password: GOOD_PASSWORD,
    });
    expect(overWire.status).toBe(200);
    expect(expectData(await gateway.gql(ListUsersDocument, { userPoolId: poolId })).listUsers.users).toHaveLength(2);
  });
});
