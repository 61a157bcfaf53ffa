import { describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { latestMessage, uniqueName } from "../support/directory.js";
import {
  AdminGetUserDocument,
  ConfirmForgotPasswordDocument,
  ForgotPasswordDocument,
  InitiateAuthDocument,
  RespondToAuthChallengeDocument,
  SentMessagesDocument,
  type CreateUserPoolInput,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import { useTriggerSuite } from "../support/trigger-suite.js";

const LEGACY_PASSWORD = "Legacy-Passw0rd!";
/** The pool's default invitation, as Cognito words it (cognito-reference §9.2). */
const DEFAULT_INVITATION = "Your username is {username} and temporary password is {####}. ";
/** What `{####}` says in the welcome of a user migrated at sign-in: they keep the password they just used. */
const MIGRATED_AT_SIGN_IN = "the password you already use";

describe.each(BACKENDS)("lazy user migration on $name", (backend) => {
  const suite = useTriggerSuite(backend);

  /**
   * The old user store: one user per name `legacy.<name>`, with LEGACY_PASSWORD. `answer` adds to
   * (or overrides) the response the store gives for a user it knows.
   */
  async function migratingPool(
    options: {
      answer?: (event: Record<string, any>) => Record<string, unknown>;
      poolInput?: Partial<CreateUserPoolInput>;
      customMessage?: boolean;
    } = {},
  ) {
    const pool = await suite.poolWithTriggers(
      (url) => ({ userMigration: url("/migrate"), ...(options.customMessage ? { customMessage: url("/msg") } : {}) }),
      options.poolInput,
    );
    const path = pool.path("/migrate");
    suite.receiver.on(path, (event) => {
      if (!String(event.userName).startsWith("legacy"))
        return { status: 404, body: JSON.stringify({ errorMessage: "User not found" }) };
      if (event.triggerSource === "UserMigration_Authentication" && event.request.password !== LEGACY_PASSWORD)
        return { status: 401, body: JSON.stringify({ errorMessage: "Bad password" }) };
      const finalUserStatus = String(event.userName).startsWith("legacyreset") ? "RESET_REQUIRED" : "CONFIRMED";
      const response = {
        userAttributes: { email: `${event.userName}@example.com`, email_verified: "true", name: "Old Timer" },
        finalUserStatus,
        messageAction: "SUPPRESS",
        ...options.answer?.(event),
      };
      return { ...event, response };
    });
    return { ...pool, path };
  }

  const sentTo = async (poolId: string, destination: string) =>
    expectData(await suite.gateway.gql(SentMessagesDocument, { userPoolId: poolId, destination, first: 60 }))
      .sentMessages.items;
  const signIn = (clientId: string, username: string, password: string) =>
    suite.gateway.gql(
      InitiateAuthDocument,
      {
        input: { clientId, authFlow: "USER_PASSWORD_AUTH", authParameters: { USERNAME: username, PASSWORD: password } },
      },
      null,
    );

  it("creates the user on first sign-in with the password the old store accepted, and never asks again", async () => {
    const { poolId, clientId, path } = await migratingPool();
    const username = uniqueName("legacy");
    const first = expectData(await signIn(clientId, username, LEGACY_PASSWORD)).initiateAuth;
    expect(first.__typename).toBe("AuthenticationResult");
    const [request] = suite.receiver.at(path);
    expect(request!.event).toMatchObject({
      triggerSource: "UserMigration_Authentication",
      userPoolId: poolId,
      userName: username,
      request: { password: LEGACY_PASSWORD },
    });
    const user = expectData(
      await suite.gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username }),
    ).adminGetUser;
    expect(user.userStatus).toBe("CONFIRMED");
    expect(user.attributes).toEqual(
      expect.arrayContaining([
        { name: "name", value: "Old Timer" },
        { name: "email_verified", value: "true" },
      ]),
    );

    // From now on the suite.gateway checks the password itself: the trigger is not called again.
    expect(expectData(await signIn(clientId, username, LEGACY_PASSWORD)).initiateAuth.__typename).toBe(
      "AuthenticationResult",
    );
    expect(errorCodes(await signIn(clientId, username, "Wr0ng-Password!"))).toEqual(["NotAuthorizedException"]);
    expect(suite.receiver.at(path)).toHaveLength(1);
  });

  it("creates nothing when the old store refuses the password", async () => {
    const { poolId, clientId } = await migratingPool();
    const username = uniqueName("legacy");
    const refused = await signIn(clientId, username, "Wr0ng-Password!");
    expect(errorCodes(refused)).toEqual(["UserLambdaValidationException"]);
    expect(refused.errors![0]!.message).toBe("UserMigration failed with error Bad password.");
    expect(errorCodes(await suite.gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username }))).toEqual([
      "UserNotFoundException",
    ]);
  });

  it("refuses attributes that do not fit the pool's schema (InvalidLambdaResponseException) and creates nothing", async () => {
    for (const userAttributes of [
      { email: "not an email" },
      { phone_number: "12" },
      { email_verified: "maybe" },
      { "custom:undeclared": "x" },
      { totally_unknown: "y".repeat(5000) },
    ]) {
      const { poolId, clientId } = await migratingPool({ answer: () => ({ userAttributes }) });
      const username = uniqueName("legacy");
      const refused = await signIn(clientId, username, LEGACY_PASSWORD);
      expect(errorCodes(refused), JSON.stringify(userAttributes).slice(0, 60)).toEqual([
        "InvalidLambdaResponseException",
      ]);
      expect(refused.errors![0]!.message).toMatch(/^Invalid UserMigration response: /);
      expect(errorCodes(await suite.gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username }))).toEqual([
        "UserNotFoundException",
      ]);
    }
  });

  it("a burst of wrong passwords for a user not yet migrated reaches the old store 5 times, then the name is locked out", async () => {
    const { clientId, path } = await migratingPool();
    const username = uniqueName("legacy");
    const results = await Promise.all(Array.from({ length: 20 }, () => signIn(clientId, username, "Wr0ng-Password!")));
    expect(results.filter((result) => errorCodes(result)[0] === "UserLambdaValidationException")).toHaveLength(5);
    expect(results.filter((result) => result.errors?.[0]?.message === "Password attempts exceeded")).toHaveLength(15);
    expect(suite.receiver.at(path)).toHaveLength(5);
  });

  it("migrates on ForgotPassword without a password: the user is RESET_REQUIRED and sets one with the code", async () => {
    const { poolId, clientId, path } = await migratingPool();
    const username = uniqueName("legacy");
    const details = expectData(
      await suite.gateway.gql(ForgotPasswordDocument, { input: { clientId, username } }, null),
    ).forgotPassword;
    expect(details.deliveryMedium).toBe("EMAIL");
    const migration = suite.receiver.at(path)[0]!;
    expect(migration.event.triggerSource).toBe("UserMigration_ForgotPassword");
    expect(migration.event.request.password).toBeUndefined();
    expect(
      expectData(await suite.gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username })).adminGetUser
        .userStatus,
    ).toBe("RESET_REQUIRED");
    const code = (await latestMessage(suite.gateway, poolId, `${username}@example.com`)).code!;
    expectData(
      await suite.gateway.gql(
        ConfirmForgotPasswordDocument,
        { input: { clientId, username, confirmationCode: code, password: "Brand-N3w-Pass!" } },
        null,
      ),
    );
    expect(expectData(await signIn(clientId, username, "Brand-N3w-Pass!")).initiateAuth.__typename).toBe(
      "AuthenticationResult",
    );
  });

  it("honours finalUserStatus RESET_REQUIRED: the user is created but must reset before signing in", async () => {
    const { poolId, clientId } = await migratingPool();
    const username = uniqueName("legacyreset");
    const result = await signIn(clientId, username, LEGACY_PASSWORD);
    expect(errorCodes(result)).toEqual(["PasswordResetRequiredException"]);
    expect(
      expectData(await suite.gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username })).adminGetUser
        .userStatus,
    ).toBe("RESET_REQUIRED");
  });

  it("answers an unknown name the old store does not know either with the trigger's refusal, creating nothing", async () => {
    const { poolId, clientId } = await migratingPool();
    const username = uniqueName("stranger");
    const result = await signIn(clientId, username, LEGACY_PASSWORD);
    expect(errorCodes(result)).toEqual(["UserLambdaValidationException"]);
    expect(result.errors![0]!.message).toBe("UserMigration failed with error User not found.");
    expect(errorCodes(await suite.gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username }))).toEqual([
      "UserNotFoundException",
    ]);
  });
  it("sends the pool's welcome message unless SUPPRESS, to the requested mediums the user has, with no password in it", async () => {
    const mediums = (event: Record<string, any>) =>
      String(event.userName).startsWith("legacyphone") ? {} : { desiredDeliveryMediums: ["EMAIL", "SMS"] };
    const phone = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
    const { poolId, clientId } = await migratingPool({
      answer: (event) => ({
        messageAction: null,
        ...mediums(event),
        ...(String(event.userName).startsWith("legacyphone")
          ? { userAttributes: { email: `${event.userName}@example.com`, email_verified: "true", phone_number: phone } }
          : {}),
      }),
    });
    // EMAIL and SMS asked for, but the user has no phone_number: the email goes, the SMS is skipped, the sign-in works.
    const username = uniqueName("legacy");
    expect(expectData(await signIn(clientId, username, LEGACY_PASSWORD)).initiateAuth.__typename).toBe(
      "AuthenticationResult",
    );
    const [welcome, ...others] = await sentTo(poolId, `${username}@example.com`);
    expect(others).toEqual([]);
    expect(welcome).toMatchObject({
      purpose: "INVITATION",
      deliveryMedium: "EMAIL",
      subject: "Your temporary password",
    });
    expect(welcome!.body).toBe(
      DEFAULT_INVITATION.replace("{username}", username).replace("{####}", MIGRATED_AT_SIGN_IN),
    );
    expect(welcome!.body).not.toContain(LEGACY_PASSWORD);

    // No desiredDeliveryMediums: SMS, Cognito's default.
    const phoneUser = uniqueName("legacyphone");
    expectData(await signIn(clientId, phoneUser, LEGACY_PASSWORD));
    expect(await sentTo(poolId, `${phoneUser}@example.com`)).toEqual([]);
    expect(await latestMessage(suite.gateway, poolId, phone)).toMatchObject({
      purpose: "INVITATION",
      deliveryMedium: "SMS",
      subject: null,
      body: DEFAULT_INVITATION.replace("{username}", phoneUser).replace("{####}", MIGRATED_AT_SIGN_IN),
    });

    // From ForgotPassword the user has no password yet: the welcome says so, then the reset code follows.
    const forgetful = uniqueName("legacy");
    expectData(await suite.gateway.gql(ForgotPasswordDocument, { input: { clientId, username: forgetful } }, null));
    const [invitation, reset] = await sentTo(poolId, `${forgetful}@example.com`);
    expect(invitation!.body).toBe(
      DEFAULT_INVITATION.replace("{username}", forgetful).replace(
        "{####}",
        "the one you choose with your password reset code",
      ),
    );
    expect(reset!.purpose).toBe("FORGOT_PASSWORD");

    // messageAction SUPPRESS: nothing is sent.
    const quiet = await migratingPool();
    const quietUser = uniqueName("legacy");
    expectData(await signIn(quiet.clientId, quietUser, LEGACY_PASSWORD));
    expect(await sentTo(quiet.poolId, `${quietUser}@example.com`)).toEqual([]);
  });

  it("lets CustomMessage_AdminCreateUser word the welcome, and a failing CustomMessage migrates nobody", async () => {
    const { poolId, clientId, path } = await migratingPool({
      customMessage: true,
      answer: () => ({ messageAction: null, desiredDeliveryMediums: ["EMAIL"] }),
    });
    const messagePath = path.replace(/\/migrate$/, "/msg");
    suite.receiver.on(messagePath, (event) => ({
      ...event,
      response: {
        emailSubject: "Welcome back",
        emailMessage: `Hi ${event.request.usernameParameter}, sign in with ${event.request.codeParameter}`,
      },
    }));
    const username = uniqueName("legacy");
    expect(expectData(await signIn(clientId, username, LEGACY_PASSWORD)).initiateAuth.__typename).toBe(
      "AuthenticationResult",
    );
    const message = await latestMessage(suite.gateway, poolId, `${username}@example.com`);
    expect(message).toMatchObject({
      purpose: "INVITATION",
      subject: "Welcome back",
      body: `Hi ${username}, sign in with ${MIGRATED_AT_SIGN_IN}`,
    });
    const [request] = suite.receiver.at(messagePath);
    expect(request!.event).toMatchObject({
      triggerSource: "CustomMessage_AdminCreateUser",
      userName: username,
      request: { codeParameter: "{####}", usernameParameter: "{username}" },
    });
    expect(request!.rawBody).not.toContain(LEGACY_PASSWORD);

    suite.receiver.on(messagePath, () => ({
      status: 500,
      body: JSON.stringify({ errorMessage: "templates offline" }),
    }));
    const refused = uniqueName("legacy");
    const result = await signIn(clientId, refused, LEGACY_PASSWORD);
    expect(errorCodes(result)).toEqual(["UserLambdaValidationException"]);
    expect(result.errors![0]!.message).toBe("CustomMessage failed with error templates offline.");
    expect(
      errorCodes(await suite.gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username: refused })),
    ).toEqual(["UserNotFoundException"]);
  });

  it("honours enableSMSMFA: the migrated user is challenged with SMS_MFA from the first sign-in on", async () => {
    const phone = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
    const { poolId, clientId } = await migratingPool({
      poolInput: { mfaConfiguration: "OPTIONAL", enabledMfas: ["SMS_MFA", "SOFTWARE_TOKEN_MFA"] },
      answer: (event) => ({
        enableSMSMFA: true,
        userAttributes: {
          email: `${event.userName}@example.com`,
          email_verified: "true",
          ...(String(event.userName).startsWith("legacynophone") ? {} : { phone_number: phone }),
        },
      }),
    });
    const username = uniqueName("legacy");
    for (let round = 0; round < 2; round++) {
      const challenge = expectData(await signIn(clientId, username, LEGACY_PASSWORD)).initiateAuth;
      if (challenge.__typename !== "AuthChallenge")
        throw new Error(`round ${round}: expected SMS_MFA, got ${challenge.__typename}`);
      expect(challenge.challengeName).toBe("SMS_MFA");
      const code = (await latestMessage(suite.gateway, poolId, phone)).code!;
      const tokens = expectData(
        await suite.gateway.gql(
          RespondToAuthChallengeDocument,
          {
            input: {
              clientId,
              challengeName: "SMS_MFA",
              session: challenge.session,
              challengeResponses: { USERNAME: username, SMS_MFA_CODE: code },
            },
          },
          null,
        ),
      ).respondToAuthChallenge;
      expect(tokens.__typename).toBe("AuthenticationResult");
    }
    // Asked for without a phone number to send to: the answer is unusable and nobody is migrated.
    const noPhone = uniqueName("legacynophone");
    expect(errorCodes(await signIn(clientId, noPhone, LEGACY_PASSWORD))).toEqual(["InvalidLambdaResponseException"]);
    expect(
      errorCodes(await suite.gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username: noPhone })),
    ).toEqual(["UserNotFoundException"]);
  });
});
