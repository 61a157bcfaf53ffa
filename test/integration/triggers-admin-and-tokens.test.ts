import {
  AdminConfirmSignUpCommand,
  AdminResetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  ForgotPasswordCommand,
  GetUserAttributeVerificationCodeCommand,
  ResendConfirmationCodeCommand,
  UpdateUserAttributesCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { cognitoClient, createAwsCredentials } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import {
  AdminAddUserToGroupDocument,
  AdminConfirmSignUpDocument,
  AdminCreateUserDocument,
  AdminGetUserDocument,
  AdminSetUserMfaPreferenceDocument,
  AdminResetUserPasswordDocument,
  AdminSetUserPasswordDocument,
  AdminUpdateUserAttributesDocument,
  ConfirmForgotPasswordDocument,
  CreateGroupDocument,
  ForgotPasswordDocument,
  GetUserAttributeVerificationCodeDocument,
  InitiateAuthDocument,
  ResendConfirmationCodeDocument,
  RespondToAuthChallengeDocument,
  SentMessagesDocument,
  SignUpDocument,
  UpdateUserAttributesDocument,
  type CreateUserPoolClientInput,
  type CreateUserPoolInput,
  type LambdaConfigInput,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import { useTriggerSuite } from "../support/trigger-suite.js";

describe.each(BACKENDS)("admin, recovery and token triggers on $name", (backend) => {
  const suite = useTriggerSuite(backend);
  const poolWithTriggers = (
    lambdaConfig: (url: (path: string) => string) => LambdaConfigInput,
    poolInput: Partial<CreateUserPoolInput> = {},
    clientInput: Partial<CreateUserPoolClientInput> = {},
  ) => suite.poolWithTriggers(lambdaConfig, { autoVerifiedAttributes: ["email"], ...poolInput }, clientInput);

  const createUser = (poolId: string, username: string, extra: Record<string, unknown> = {}) =>
    suite.gateway.gql(AdminCreateUserDocument, {
      input: {
        userPoolId: poolId,
        username,
        temporaryPassword: GOOD_PASSWORD,
        userAttributes: [
          { name: "email", value: `${username}@example.com` },
          { name: "email_verified", value: "true" },
        ],
        ...extra,
      },
    });
  const passwordSignIn = (
    clientId: string,
    username: string,
    password = GOOD_PASSWORD,
    clientMetadata?: Record<string, string>,
  ) =>
    suite.gateway.gql(
      InitiateAuthDocument,
      {
        input: {
          clientId,
          authFlow: "USER_PASSWORD_AUTH",
          authParameters: { USERNAME: username, PASSWORD: password },
          ...(clientMetadata ? { clientMetadata } : {}),
        },
      },
      null,
    );

  it("runs PreSignUp_AdminCreateUser before creating, ignoring auto-confirm, and a refusal creates no user", async () => {
    const { poolId, path } = await poolWithTriggers((url) => ({ preSignUp: url("/pre") }));
    suite.receiver.on(path("/pre"), (event) =>
      event.request.userAttributes.email.startsWith("blocked")
        ? { status: 400, body: JSON.stringify({ errorMessage: "Not on the list" }) }
        : { ...event, response: { autoConfirmUser: true } },
    );
    const allowed = uniqueName("ok");
    expectData(
      await createUser(poolId, allowed, {
        messageAction: "SUPPRESS",
        validationData: [{ name: "ticket", value: "42" }],
      }),
    );
    expect(
      expectData(await suite.gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username: allowed })).adminGetUser
        .userStatus,
    ).toBe("FORCE_CHANGE_PASSWORD");
    expect(suite.receiver.at(path("/pre"))[0]!.event).toMatchObject({
      triggerSource: "PreSignUp_AdminCreateUser",
      userName: allowed,
      request: { validationData: { ticket: "42" } },
    });

    const blocked = uniqueName("blocked");
    const refused = await createUser(poolId, blocked, { messageAction: "SUPPRESS" });
    expect(errorCodes(refused)).toEqual(["UserLambdaValidationException"]);
    expect(refused.errors![0]!.message).toBe("PreSignUp failed with error Not on the list.");
    expect(
      errorCodes(await suite.gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username: blocked })),
    ).toEqual(["UserNotFoundException"]);
  });

  it("lets CustomMessage_AdminCreateUser rewrite the invitation with the username and password placeholders", async () => {
    const { poolId, path } = await poolWithTriggers((url) => ({ customMessage: url("/msg") }));
    suite.receiver.on(path("/msg"), (event) => ({
      ...event,
      response: {
        emailSubject: "Your new account",
        emailMessage: `Log in as ${event.request.usernameParameter} with ${event.request.codeParameter}`,
      },
    }));
    const username = uniqueName("inv");
    expectData(await createUser(poolId, username, { desiredDeliveryMediums: ["EMAIL"] }));
    const message = await latestMessage(suite.gateway, poolId, `${username}@example.com`);
    expect(message.subject).toBe("Your new account");
    expect(message.body).toBe(`Log in as ${username} with ${GOOD_PASSWORD}`);
    const [request] = suite.receiver.at(path("/msg"));
    expect(request!.event).toMatchObject({
      triggerSource: "CustomMessage_AdminCreateUser",
      request: { usernameParameter: "{username}", codeParameter: "{####}" },
    });
    expect(request!.rawBody).not.toContain(GOOD_PASSWORD);
  });

  it("runs PostConfirmation after AdminConfirmSignUp and ConfirmForgotPassword committed: a failure fails the call and undoes nothing", async () => {
    const { poolId, clientId, path } = await poolWithTriggers((url) => ({ postConfirmation: url("/post") }));
    suite.receiver.on(path("/post"), () => ({ status: 500, body: "down" }));
    const username = uniqueName("pc");
    expectData(
      await suite.gateway.gql(
        SignUpDocument,
        {
          input: {
            clientId,
            username,
            password: GOOD_PASSWORD,
            userAttributes: [{ name: "email", value: `${username}@example.com` }],
          },
        },
        null,
      ),
    );
    expect(errorCodes(await suite.gateway.gql(AdminConfirmSignUpDocument, { userPoolId: poolId, username }))).toEqual([
      "UserLambdaValidationException",
    ]);
    expect(
      expectData(await suite.gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username })).adminGetUser
        .userStatus,
    ).toBe("CONFIRMED");
    expect(suite.receiver.at(path("/post"))[0]!.event).toMatchObject({
      triggerSource: "PostConfirmation_ConfirmSignUp",
      request: { userAttributes: { "cognito:user_status": "CONFIRMED" } },
    });

    const recoverable = uniqueName("fp");
    expectData(await createUser(poolId, recoverable, { messageAction: "SUPPRESS" }));
    expectData(
      await suite.gateway.gql(AdminSetUserPasswordDocument, {
        input: { userPoolId: poolId, username: recoverable, password: GOOD_PASSWORD, permanent: true },
      }),
    );
    expectData(await suite.gateway.gql(ForgotPasswordDocument, { input: { clientId, username: recoverable } }, null));
    const code = (await latestMessage(suite.gateway, poolId, `${recoverable}@example.com`)).code!;
    suite.receiver.on(path("/post"), () => ({ status: 400, body: JSON.stringify({ errorMessage: "nope" }) }));
    expect(
      errorCodes(
        await suite.gateway.gql(
          ConfirmForgotPasswordDocument,
          { input: { clientId, username: recoverable, confirmationCode: code, password: "N3w-Password!!" } },
          null,
        ),
      ),
    ).toEqual(["UserLambdaValidationException"]);
    expect(suite.receiver.at(path("/post")).at(-1)!.event.triggerSource).toBe("PostConfirmation_ConfirmForgotPassword");
    // The reset stands: the new password works, the old one and the code do not.
    suite.receiver.on(path("/post"), (event) => event);
    expect(expectData(await passwordSignIn(clientId, recoverable, "N3w-Password!!")).initiateAuth.__typename).toBe(
      "AuthenticationResult",
    );
    expect(errorCodes(await passwordSignIn(clientId, recoverable))).toEqual(["NotAuthorizedException"]);
    // A used code answers as a code never sent would: the client hides user existence (PreventUserExistenceErrors ENABLED).
    expect(
      errorCodes(
        await suite.gateway.gql(
          ConfirmForgotPasswordDocument,
          { input: { clientId, username: recoverable, confirmationCode: code, password: "An0ther-Passw0rd!" } },
          null,
        ),
      ),
    ).toEqual(["CodeMismatchException"]);
  });

  it("sends PreAuthentication userNotFound for an unknown name when the client hides user existence", async () => {
    const { clientId, path } = await poolWithTriggers(
      (url) => ({ preAuthentication: url("/preauth") }),
      {},
      { preventUserExistenceErrors: "ENABLED" },
    );
    const stranger = uniqueName("nobody");
    expect(errorCodes(await passwordSignIn(clientId, stranger, GOOD_PASSWORD, { app: "web" }))).toEqual([
      "NotAuthorizedException",
    ]);
    expect(suite.receiver.at(path("/preauth"))[0]!.event).toMatchObject({
      triggerSource: "PreAuthentication_Authentication",
      userName: stranger,
      request: { userNotFound: true, userAttributes: {}, validationData: { app: "web" } },
    });
    // The trigger's refusal reads the same for unknown and known names.
    suite.receiver.on(path("/preauth"), () => ({ status: 400, body: JSON.stringify({ errorMessage: "closed" }) }));
    expect(errorCodes(await passwordSignIn(clientId, stranger))).toEqual(["UserLambdaValidationException"]);
  });

  it("applies PreTokenGeneration V1_0 to the ID token only, with the group override, also on refresh", async () => {
    const { poolId, clientId, path } = await poolWithTriggers((url) => ({
      preTokenGeneration: url("/token"),
      preAuthentication: url("/preauth"),
    }));
    expectData(
      await suite.gateway.gql(CreateGroupDocument, {
        input: { userPoolId: poolId, groupName: "staff", roleArn: "arn:aws:iam::123456789012:role/staff" },
      }),
    );
    suite.receiver.on(path("/token"), (event) => ({
      ...event,
      response: {
        claimsOverrideDetails: {
          claimsToAddOrOverride: { department: "sales", token_use: "access" },
          claimsToSuppress: ["email_verified"],
          groupOverrideDetails: { groupsToOverride: ["admins"], iamRolesToOverride: [], preferredRole: null },
        },
      },
    }));
    const username = uniqueName("tk");
    expectData(await createUser(poolId, username, { messageAction: "SUPPRESS" }));
    expectData(
      await suite.gateway.gql(AdminSetUserPasswordDocument, {
        input: { userPoolId: poolId, username, password: GOOD_PASSWORD, permanent: true },
      }),
    );
    expectData(
      await suite.gateway.gql(AdminAddUserToGroupDocument, { userPoolId: poolId, username, groupName: "staff" }),
    );
    const tokens = expectData(await passwordSignIn(clientId, username, GOOD_PASSWORD, { app: "web" })).initiateAuth;
    if (tokens.__typename !== "AuthenticationResult") throw new Error("expected tokens");
    const id = decodeJwt(tokens.idToken);
    const access = decodeJwt(tokens.accessToken);
    expect(id).toMatchObject({ department: "sales", token_use: "id", "cognito:groups": ["admins"] });
    expect(id.email_verified).toBeUndefined();
    expect(id["cognito:roles"]).toBeUndefined();
    expect(access.department).toBeUndefined();
    expect(access["cognito:groups"]).toEqual(["admins"]);
    const [first] = suite.receiver.at(path("/token"));
    expect(first!.event).toMatchObject({
      version: "1",
      triggerSource: "TokenGeneration_Authentication",
      request: {
        groupConfiguration: {
          groupsToOverride: ["staff"],
          iamRolesToOverride: ["arn:aws:iam::123456789012:role/staff"],
          preferredRole: "arn:aws:iam::123456789012:role/staff",
        },
      },
    });
    expect(suite.receiver.at(path("/preauth"))[0]!.event.request.validationData).toEqual({ app: "web" });

    const refreshed = expectData(
      await suite.gateway.gql(
        InitiateAuthDocument,
        {
          input: { clientId, authFlow: "REFRESH_TOKEN_AUTH", authParameters: { REFRESH_TOKEN: tokens.refreshToken! } },
        },
        null,
      ),
    ).initiateAuth;
    if (refreshed.__typename !== "AuthenticationResult") throw new Error("expected tokens");
    expect(decodeJwt(refreshed.idToken)).toMatchObject({ department: "sales" });
    expect(suite.receiver.at(path("/token")).at(-1)!.event.triggerSource).toBe("TokenGeneration_RefreshTokens");

    // A failing PreTokenGeneration fails the sign-in: no tokens.
    suite.receiver.on(path("/token"), () => ({ status: 502, body: "" }));
    expect(errorCodes(await passwordSignIn(clientId, username))).toEqual(["UserLambdaValidationException"]);
  });

  it("hands SMS codes to CustomSMSSender and confirms delivery; a failing sender is CodeDeliveryFailureException", async () => {
    const { poolId, clientId, path } = await poolWithTriggers(
      (url) => ({ customSmsSender: { lambdaVersion: "V1_0", lambdaArn: url("/sms") } }),
      { autoVerifiedAttributes: ["phone_number"] },
    );
    const username = uniqueName("sms");
    const phone = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
    expectData(
      await suite.gateway.gql(
        SignUpDocument,
        {
          input: {
            clientId,
            username,
            password: GOOD_PASSWORD,
            userAttributes: [{ name: "phone_number", value: phone }],
          },
        },
        null,
      ),
    );
    const [request] = suite.receiver.at(path("/sms"));
    expect(request!.event).toMatchObject({
      triggerSource: "CustomSMSSender_SignUp",
      request: { type: "customSMSSenderRequestV1", userAttributes: { phone_number: phone } },
    });
    expect(request!.event.request.code).not.toMatch(/^\d{6}$/);
    expect(
      expectData(await suite.gateway.gql(SentMessagesDocument, { userPoolId: poolId })).sentMessages.items,
    ).toEqual([]);
    suite.receiver.on(path("/sms"), () => ({ status: 500, body: "carrier down" }));
    expect(
      errorCodes(
        await suite.gateway.gql(
          SignUpDocument,
          {
            input: {
              clientId,
              username: uniqueName("sms"),
              password: GOOD_PASSWORD,
              userAttributes: [{ name: "phone_number", value: `${phone.slice(0, -1)}9` }],
            },
          },
          null,
        ),
      ),
    ).toEqual(["CodeDeliveryFailureException"]);
  });

  it("lets CustomMessage_Authentication rewrite the EMAIL_OTP sign-in message; RespondToAuthChallenge's clientMetadata reaches the later triggers", async () => {
    const { poolId, clientId, path } = await poolWithTriggers(
      (url) => ({
        customMessage: url("/msg"),
        postAuthentication: url("/postauth"),
        preTokenGeneration: url("/token"),
      }),
      {
        mfaConfiguration: "OPTIONAL",
        enabledMfas: ["EMAIL_OTP"],
      },
    );
    suite.receiver.on(path("/msg"), (event) => ({
      ...event,
      response: {
        emailSubject: "Sign-in code",
        emailMessage: `Code for ${event.triggerSource}: ${event.request.codeParameter}`,
      },
    }));
    const username = uniqueName("otp");
    expectData(await createUser(poolId, username, { messageAction: "SUPPRESS" }));
    expectData(
      await suite.gateway.gql(AdminSetUserPasswordDocument, {
        input: { userPoolId: poolId, username, password: GOOD_PASSWORD, permanent: true },
      }),
    );
    expectData(
      await suite.gateway.gql(AdminSetUserMfaPreferenceDocument, {
        input: { userPoolId: poolId, username, emailMfaSettings: { enabled: true, preferredMfa: true } },
      }),
    );
    const challenge = expectData(
      await passwordSignIn(clientId, username, GOOD_PASSWORD, { step: "initiate" }),
    ).initiateAuth;
    if (challenge.__typename !== "AuthChallenge") throw new Error("expected EMAIL_OTP");
    expect(challenge.challengeName).toBe("EMAIL_OTP");
    const message = await latestMessage(suite.gateway, poolId, `${username}@example.com`);
    expect(message.subject).toBe("Sign-in code");
    expect(message.body).toBe(`Code for CustomMessage_Authentication: ${message.code}`);
    // InitiateAuth's ClientMetadata reaches only PreSignUp, PreAuthentication and UserMigration (cognito-reference §10.1).
    expect(suite.receiver.at(path("/msg"))[0]!.event.request.clientMetadata).toBeUndefined();
    const tokens = expectData(
      await suite.gateway.gql(
        RespondToAuthChallengeDocument,
        {
          input: {
            clientId,
            challengeName: "EMAIL_OTP",
            session: challenge.session,
            challengeResponses: { USERNAME: username, EMAIL_OTP_CODE: message.code! },
            clientMetadata: { step: "respond" },
          },
        },
        null,
      ),
    ).respondToAuthChallenge;
    expect(tokens.__typename).toBe("AuthenticationResult");
    expect(suite.receiver.at(path("/postauth"))[0]!.event.request.clientMetadata).toEqual({ step: "respond" });
    expect(suite.receiver.at(path("/token"))[0]!.event.request.clientMetadata).toEqual({ step: "respond" });
  });

  type Metadata = Record<string, string>;
  type Attributes = { name: string; value: string }[];
  /** The operations whose ClientMetadata reaches only their message or confirmation trigger, over one API. */
  interface MetadataCalls {
    resendConfirmationCode(clientId: string, username: string, metadata: Metadata): Promise<unknown>;
    forgotPassword(clientId: string, username: string, metadata: Metadata): Promise<unknown>;
    updateUserAttributes(accessToken: string, attributes: Attributes, metadata: Metadata): Promise<unknown>;
    getUserAttributeVerificationCode(accessToken: string, name: string, metadata: Metadata): Promise<unknown>;
    adminUpdateUserAttributes(
      poolId: string,
      username: string,
      attributes: Attributes,
      metadata: Metadata,
    ): Promise<unknown>;
    adminConfirmSignUp(poolId: string, username: string, metadata: Metadata): Promise<unknown>;
    adminResetUserPassword(poolId: string, username: string, metadata: Metadata): Promise<unknown>;
  }
  const graphqlCalls = (): MetadataCalls => {
    const gql = suite.gateway.gql.bind(suite.gateway);
    return {
      resendConfirmationCode: async (clientId, username, clientMetadata) =>
        expectData(await gql(ResendConfirmationCodeDocument, { input: { clientId, username, clientMetadata } }, null)),
      forgotPassword: async (clientId, username, clientMetadata) =>
        expectData(await gql(ForgotPasswordDocument, { input: { clientId, username, clientMetadata } }, null)),
      updateUserAttributes: async (token, userAttributes, clientMetadata) =>
        expectData(await gql(UpdateUserAttributesDocument, { input: { userAttributes, clientMetadata } }, token)),
      getUserAttributeVerificationCode: async (token, attributeName, clientMetadata) =>
        expectData(await gql(GetUserAttributeVerificationCodeDocument, { attributeName, clientMetadata }, token)),
      adminUpdateUserAttributes: async (userPoolId, username, userAttributes, clientMetadata) =>
        expectData(
          await gql(AdminUpdateUserAttributesDocument, {
            input: { userPoolId, username, userAttributes, clientMetadata },
          }),
        ),
      adminConfirmSignUp: async (userPoolId, username, clientMetadata) =>
        expectData(await gql(AdminConfirmSignUpDocument, { userPoolId, username, clientMetadata })),
      adminResetUserPassword: async (userPoolId, username, clientMetadata) =>
        expectData(await gql(AdminResetUserPasswordDocument, { userPoolId, username, clientMetadata })),
    };
  };
  const wireCalls = async (): Promise<MetadataCalls> => {
    const anonymous = cognitoClient(suite.gateway);
    const admin = cognitoClient(suite.gateway, await createAwsCredentials(suite.gateway));
    const wire = (attributes: Attributes) => attributes.map(({ name, value }) => ({ Name: name, Value: value }));
    return {
      resendConfirmationCode: (ClientId, Username, ClientMetadata) =>
        anonymous.send(new ResendConfirmationCodeCommand({ ClientId, Username, ClientMetadata })),
      forgotPassword: (ClientId, Username, ClientMetadata) =>
        anonymous.send(new ForgotPasswordCommand({ ClientId, Username, ClientMetadata })),
      updateUserAttributes: (AccessToken, attributes, ClientMetadata) =>
        anonymous.send(
          new UpdateUserAttributesCommand({ AccessToken, UserAttributes: wire(attributes), ClientMetadata }),
        ),
      getUserAttributeVerificationCode: (AccessToken, AttributeName, ClientMetadata) =>
        anonymous.send(new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName, ClientMetadata })),
      adminUpdateUserAttributes: (UserPoolId, Username, attributes, ClientMetadata) =>
        admin.send(
          new AdminUpdateUserAttributesCommand({
            UserPoolId,
            Username,
            UserAttributes: wire(attributes),
            ClientMetadata,
          }),
        ),
      adminConfirmSignUp: (UserPoolId, Username, ClientMetadata) =>
        admin.send(new AdminConfirmSignUpCommand({ UserPoolId, Username, ClientMetadata })),
      adminResetUserPassword: (UserPoolId, Username, ClientMetadata) =>
        admin.send(new AdminResetUserPasswordCommand({ UserPoolId, Username, ClientMetadata })),
    };
  };

  it.each(["graphql", "wire"] as const)(
    "hands ClientMetadata over %s to CustomMessage, PostConfirmation and UserMigration_ForgotPassword",
    async (via) => {
      const { poolId, clientId, path } = await poolWithTriggers((url) => ({
        customMessage: url("/msg"),
        postConfirmation: url("/post"),
        userMigration: url("/migrate"),
      }));
      const api = via === "graphql" ? graphqlCalls() : await wireCalls();
      const username = uniqueName("cm");
      const email = (tag: string) => ({ name: "email", value: `${username}+${tag}@example.com` });
      expectData(
        await suite.gateway.gql(
          SignUpDocument,
          { input: { clientId, username, password: GOOD_PASSWORD, userAttributes: [email("a")] } },
          null,
        ),
      );
      await api.resendConfirmationCode(clientId, username, { op: "resend" });
      await api.adminConfirmSignUp(poolId, username, { op: "admin-confirm" });
      await api.adminUpdateUserAttributes(poolId, username, [email("b")], { op: "admin-update" });
      const tokens = expectData(await passwordSignIn(clientId, username)).initiateAuth;
      if (tokens.__typename !== "AuthenticationResult") throw new Error("expected tokens");
      await api.updateUserAttributes(tokens.accessToken, [email("c")], { op: "update" });
      await api.getUserAttributeVerificationCode(tokens.accessToken, "email", { op: "verify-code" });
      // A verified email for the reset codes; vouched for by the admin, so no message goes out.
      await api.adminUpdateUserAttributes(poolId, username, [{ name: "email_verified", value: "true" }], {});
      await api.adminResetUserPassword(poolId, username, { op: "admin-reset" });
      await api.forgotPassword(clientId, username, { op: "forgot" });
      // An unknown name goes to UserMigration_ForgotPassword, whose answer (the event unchanged) is invalid.
      await expect(api.forgotPassword(clientId, uniqueName("old"), { op: "migrate" })).rejects.toThrow();

      const seen = (name: string) =>
        suite.receiver.at(path(name)).map(({ event }) => [event.triggerSource, event.request.clientMetadata]);
      expect(seen("/msg")).toEqual([
        ["CustomMessage_SignUp", undefined],
        ["CustomMessage_ResendCode", { op: "resend" }],
        ["CustomMessage_UpdateUserAttribute", { op: "admin-update" }],
        ["CustomMessage_UpdateUserAttribute", { op: "update" }],
        ["CustomMessage_VerifyUserAttribute", { op: "verify-code" }],
        ["CustomMessage_ForgotPassword", { op: "admin-reset" }],
        ["CustomMessage_ForgotPassword", { op: "forgot" }],
      ]);
      expect(seen("/post")).toEqual([["PostConfirmation_ConfirmSignUp", { op: "admin-confirm" }]]);
      expect(seen("/migrate")).toEqual([["UserMigration_ForgotPassword", { op: "migrate" }]]);
    },
  );
});
