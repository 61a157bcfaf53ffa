import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/lib/clock.js";
import { BACKENDS } from "../support/backends.js";
import { createSrpClient } from "../support/cognito-srp-client.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import {
  AdminDisableUserDocument,
  AdminGetUserDocument,
  AdminUserGlobalSignOutDocument,
  ChangePasswordDocument,
  ConfirmSignUpDocument,
  CreateUserPoolClientDocument,
  DeleteUserAttributesDocument,
  DeleteUserDocument,
  ForgotPasswordDocument,
  GetUserAttributeVerificationCodeDocument,
  GetUserDocument,
  GlobalSignOutDocument,
  InitiateAuthDocument,
  ListEventsDocument,
  RespondToAuthChallengeDocument,
  RevokeTokenDocument,
  SignUpDocument,
  UpdateUserAttributesDocument,
  VerifyUserAttributeDocument,
  type CreateUserPoolClientInput,
  type CreateUserPoolInput,
} from "../support/generated/graphql.js";
import { errorCodes, expectData, wsGraphql, type GraphqlResult } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const NEW_PASSWORD = "N3w-Passw0rd!";
const NOT_AUTHORIZED = ["NotAuthorizedException"];

const secretHash = (secret: string, username: string, clientId: string) =>
  createHmac("sha256", secret)
    .update(username + clientId)
    .digest("base64");

/** The TIMESTAMP amazon-cognito-identity-js sends ("Tue Nov 3 09:05:07 UTC 2026"), from the gateway's clock. */
function srpTimestamp(date: Date): string {
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const two = (value: number) => String(value).padStart(2, "0");
  return `${days[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${date.getUTCDate()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`;
}

/** A JWT with the given payload and a made-up signature. */
function forgedJwt(
  payload: Record<string, unknown>,
  header: Record<string, unknown> = { kid: "made-up", alg: "RS256" },
): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode(header)}.${encode(payload)}.${Buffer.from("not a signature").toString("base64url")}`;
}

function decodePayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>;
}

const attributeMap = (attributes: { name: string; value: string }[]) =>
  Object.fromEntries(attributes.map(({ name, value }) => [name, value]));
const firstError = (result: Omit<GraphqlResult<unknown>, "status">) => ({
  code: result.errors?.[0]?.extensions?.code,
  message: result.errors?.[0]?.message,
});

describe.each(BACKENDS)("self-service with an access token on $name", (backend) => {
  // Starts at the real time: the SRP client's TIMESTAMP must be within minutes of the gateway's clock.
  const clock = createManualClock(new Date());
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { overrides: { clock } });
  });
  afterAll(async () => gateway?.close());

  interface Setup {
    poolId: string;
    clientId: string;
    clientSecret: string | null;
    username: string;
    email: string;
  }

  /** A pool, a client allowed USER_PASSWORD_AUTH, and a confirmed user whose email is verified. */
  async function setup(
    poolInput: Partial<CreateUserPoolInput> = {},
    clientInput: Partial<CreateUserPoolClientInput> = {},
    extraAttributes: { name: string; value: string }[] = [],
  ): Promise<Setup> {
    const { poolId, clientId, clientSecret } = await createPoolWithClient(
      gateway,
      { autoVerifiedAttributes: ["email"], ...poolInput },
      clientInput,
    );
    const username = uniqueName("ss");
    const email = `${username}@example.com`;
    const hash = clientSecret ? secretHash(clientSecret, username, clientId) : undefined;
    expectData(
      await gateway.gql(
        SignUpDocument,
        {
          input: {
            clientId,
            username,
            password: GOOD_PASSWORD,
            secretHash: hash,
            userAttributes: [{ name: "email", value: email }, { name: "name", value: "Ada" }, ...extraAttributes],
          },
        },
        null,
      ),
    );
    const code = (await latestMessage(gateway, poolId, email)).code!;
    expectData(
      await gateway.gql(
        ConfirmSignUpDocument,
        { input: { clientId, username, confirmationCode: code, secretHash: hash } },
        null,
      ),
    );
    return { poolId, clientId, clientSecret, username, email };
  }

  function passwordAuth(context: Pick<Setup, "clientId" | "clientSecret">, username: string, password: string) {
    const SECRET_HASH = context.clientSecret ? secretHash(context.clientSecret, username, context.clientId) : undefined;
    return gateway.gql(
      InitiateAuthDocument,
      {
        input: {
          clientId: context.clientId,
          authFlow: "USER_PASSWORD_AUTH",
          authParameters: { USERNAME: username, PASSWORD: password, SECRET_HASH },
        },
      },
      null,
    );
  }

  async function signIn(context: Pick<Setup, "clientId" | "clientSecret" | "username">, password = GOOD_PASSWORD) {
    const result = expectData(await passwordAuth(context, context.username, password)).initiateAuth;
    if (result.__typename !== "AuthenticationResult") throw new Error(`expected tokens, got ${result.__typename}`);
    return { accessToken: result.accessToken, idToken: result.idToken, refreshToken: result.refreshToken! };
  }

  function refresh(context: Pick<Setup, "clientId" | "clientSecret">, refreshToken: string, username?: string) {
    const SECRET_HASH =
      context.clientSecret && username ? secretHash(context.clientSecret, username, context.clientId) : undefined;
    return gateway.gql(
      InitiateAuthDocument,
      {
        input: {
          clientId: context.clientId,
          authFlow: "REFRESH_TOKEN_AUTH",
          authParameters: { REFRESH_TOKEN: refreshToken, SECRET_HASH },
        },
      },
      null,
    );
  }

  const getUser = (token: string | null) => gateway.gql(GetUserDocument, {}, token);
  const profileOf = async (token: string) => attributeMap(expectData(await getUser(token)).getUser.userAttributes);
  const events = async (poolId: string) =>
    expectData(await gateway.gql(ListEventsDocument, { userPoolId: poolId, first: 1000 })).events.items;

  it("returns the user and the attributes its client may read, sub first, for an SRP sign-in", async () => {
    const context = await setup();
    const srp = createSrpClient(context.poolId);
    const started = expectData(
      await gateway.gql(
        InitiateAuthDocument,
        {
          input: {
            clientId: context.clientId,
            authFlow: "USER_SRP_AUTH",
            authParameters: { USERNAME: context.username, SRP_A: srp.srpA },
          },
        },
        null,
      ),
    ).initiateAuth;
    if (started.__typename !== "AuthChallenge") throw new Error("expected a challenge");
    const answer = srp.answer(started.challengeParameters, GOOD_PASSWORD, srpTimestamp(clock.now()));
    const done = expectData(
      await gateway.gql(
        RespondToAuthChallengeDocument,
        {
          input: {
            clientId: context.clientId,
            challengeName: "PASSWORD_VERIFIER",
            session: started.session,
            challengeResponses: answer,
          },
        },
        null,
      ),
    ).respondToAuthChallenge;
    if (done.__typename !== "AuthenticationResult") throw new Error("expected tokens");

    const profile = expectData(await getUser(done.accessToken)).getUser;
    expect(profile.username).toBe(context.username);
    expect(profile.userAttributes[0]).toEqual({ name: "sub", value: decodePayload(done.accessToken).sub });
    expect(attributeMap(profile.userAttributes)).toMatchObject({
      email: context.email,
      email_verified: "true",
      name: "Ada",
    });

    // A client that may read only email sees sub and email, nothing else.
    const narrow = expectData(
      await gateway.gql(CreateUserPoolClientDocument, {
        userPoolId: context.poolId,
        input: {
          clientName: "narrow",
          explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
          readAttributes: ["email"],
        },
      }),
    ).createUserPoolClient;
    const narrowTokens = await signIn({ clientId: narrow.clientId, clientSecret: null, username: context.username });
    expect(Object.keys(await profileOf(narrowTokens.accessToken))).toEqual(["sub", "email"]);
  });

  it("answers getUser over graphql-ws with the token in connectionParams", async () => {
    const context = await setup();
    const { accessToken } = await signIn(context);
    const result = await wsGraphql(gateway.url, GetUserDocument, {}, { token: accessToken });
    expect(expectData(result).getUser.username).toBe(context.username);
    expect(errorCodes(await wsGraphql(gateway.url, GetUserDocument, {}, { token: gateway.adminKey }))).toEqual(
      NOT_AUTHORIZED,
    );
  });

  it("refuses anything but a valid, unrevoked access token of this gateway, and never mixes user tokens and admin keys", async () => {
    const context = await setup();
    const other = await setup();
    const tokens = await signIn(context);
    const claims = decodePayload(tokens.accessToken);
    const refuse = async (token: string | null, message?: string) => {
      const result = await getUser(token);
      expect(errorCodes(result), `token ${String(token).slice(0, 40)}`).toEqual(NOT_AUTHORIZED);
      if (message) expect(result.errors?.[0]?.message).toBe(message);
    };

    await refuse(null);
    await refuse("garbage");
    await refuse("a.b.c", "Invalid Access Token");
    await refuse(tokens.idToken, "Invalid Access Token");
    await refuse(tokens.refreshToken, "Invalid Access Token");
    await refuse(gateway.adminKey);
    // The payload re-pointed at another pool: the signature no longer matches.
    const [header, , signature] = tokens.accessToken.split(".");
    await refuse(
      `${header}.${Buffer.from(JSON.stringify({ ...claims, iss: `${gateway.config.publicUrl}/${other.poolId}` })).toString("base64url")}.${signature}`,
      "Invalid Access Token",
    );
    // An issuer that is not this gateway.
    await refuse(
      forgedJwt({ ...claims, iss: `https://cognito-idp.us-east-1.amazonaws.com/${context.poolId}` }),
      "Invalid Access Token",
    );
    // Validly signed by another pool, naming this pool's user and client.
    await refuse(
      await gateway.app.tokens.sign(
        other.poolId,
        "access",
        { ...claims, iss: undefined, exp: undefined, iat: undefined },
        3600,
      ),
      "Invalid Access Token",
    );
    // Validly signed by this pool, without the self-service scope (an OAuth token, say).
    await refuse(
      await gateway.app.tokens.sign(
        context.poolId,
        "access",
        { ...claims, iss: undefined, exp: undefined, iat: undefined, scope: "openid email" },
        3600,
      ),
      "Access Token does not have required scopes",
    );

    // A user token is no admin key.
    expect(
      errorCodes(
        await gateway.gql(
          AdminGetUserDocument,
          { userPoolId: context.poolId, username: context.username },
          tokens.accessToken,
        ),
      ),
    ).toEqual(NOT_AUTHORIZED);
    expect(
      errorCodes(
        await gateway.gql(
          AdminUserGlobalSignOutDocument,
          { userPoolId: context.poolId, username: context.username },
          tokens.accessToken,
        ),
      ),
    ).toEqual(NOT_AUTHORIZED);

    // A disabled user's token stops working at once.
    const disabled = await setup();
    const disabledTokens = await signIn(disabled);
    expectData(
      await gateway.gql(AdminDisableUserDocument, { userPoolId: disabled.poolId, username: disabled.username }),
    );
    await refuse(disabledTokens.accessToken, "User is disabled.");

    // Still valid now; expired after its hour.
    expectData(await getUser(tokens.accessToken));
    clock.advanceSeconds(3601);
    await refuse(tokens.accessToken, "Access Token has expired");
  });

  it("sends a code to the new email, leaves it unverified until verifyUserAttribute", async () => {
    const context = await setup();
    const { accessToken } = await signIn(context);
    const newEmail = `${uniqueName("new")}@example.org`;
    const updated = expectData(
      await gateway.gql(
        UpdateUserAttributesDocument,
        {
          input: {
            userAttributes: [
              { name: "email", value: newEmail },
              { name: "given_name", value: "Augusta" },
            ],
          },
        },
        accessToken,
      ),
    ).updateUserAttributes;
    expect(updated.codeDeliveryDetailsList).toEqual([
      { destination: `${newEmail[0]}***@e***`, deliveryMedium: "EMAIL", attributeName: "email" },
    ]);
    expect(await profileOf(accessToken)).toMatchObject({
      email: newEmail,
      email_verified: "false",
      given_name: "Augusta",
    });

    const message = await latestMessage(gateway, context.poolId, newEmail);
    expect(message.purpose).toBe("VERIFY_EMAIL");
    const wrong = message.code === "000000" ? "111111" : "000000";
    expect(
      errorCodes(await gateway.gql(VerifyUserAttributeDocument, { attributeName: "email", code: wrong }, accessToken)),
    ).toEqual(["CodeMismatchException"]);
    expect(
      expectData(
        await gateway.gql(VerifyUserAttributeDocument, { attributeName: "email", code: message.code! }, accessToken),
      ).verifyUserAttribute,
    ).toBe(true);
    expect(await profileOf(accessToken)).toMatchObject({ email: newEmail, email_verified: "true" });
    expect(
      errorCodes(
        await gateway.gql(VerifyUserAttributeDocument, { attributeName: "email", code: message.code! }, accessToken),
      ),
    ).toEqual(["ExpiredCodeException"]);

    // An empty value removes an attribute.
    expectData(
      await gateway.gql(
        UpdateUserAttributesDocument,
        { input: { userAttributes: [{ name: "given_name", value: "" }] } },
        accessToken,
      ),
    );
    expect(await profileOf(accessToken)).not.toHaveProperty("given_name");

    const recorded = await events(context.poolId);
    expect(recorded.map((event) => event.type)).toEqual(
      expect.arrayContaining(["USER_ATTRIBUTES_CHANGED", "ATTRIBUTE_VERIFIED"]),
    );
    expect(JSON.stringify(recorded)).not.toContain(message.code!);
    expect(JSON.stringify(recorded)).not.toContain(accessToken);
  });

  it("keeps the old email in force until the new one is verified when the pool requires it", async () => {
    const context = await setup({ aliasAttributes: ["email"], attributesRequireVerificationBeforeUpdate: ["email"] });
    const { accessToken } = await signIn(context);
    const newEmail = `${uniqueName("pending")}@example.org`;
    const updated = expectData(
      await gateway.gql(
        UpdateUserAttributesDocument,
        { input: { userAttributes: [{ name: "email", value: newEmail }] } },
        accessToken,
      ),
    ).updateUserAttributes;
    expect(updated.codeDeliveryDetailsList).toEqual([
      { destination: `${newEmail[0]}***@e***`, deliveryMedium: "EMAIL", attributeName: "email" },
    ]);
    const firstCode = (await latestMessage(gateway, context.poolId, newEmail)).code!;

    // The old value is still the user's: in GetUser, in the admin view, as a sign-in alias and for messages.
    expect(await profileOf(accessToken)).toMatchObject({ email: context.email, email_verified: "true" });
    const adminView = expectData(
      await gateway.gql(AdminGetUserDocument, { userPoolId: context.poolId, username: context.username }),
    ).adminGetUser;
    expect(JSON.stringify(adminView)).not.toContain(newEmail);
    expect(
      expectData(
        await gateway.gql(
          ForgotPasswordDocument,
          { input: { clientId: context.clientId, username: context.email } },
          null,
        ),
      ).forgotPassword.destination,
    ).toBe(`${context.email[0]}***@e***`);
    expect((await latestMessage(gateway, context.poolId, context.email)).purpose).toBe("FORGOT_PASSWORD");
    expect((await passwordAuth(context, context.email, GOOD_PASSWORD)).data?.initiateAuth.__typename).toBe(
      "AuthenticationResult",
    );
    expect(errorCodes(await passwordAuth(context, newEmail, GOOD_PASSWORD))).toEqual(NOT_AUTHORIZED);

    // Asking for a code again sends it to the held value, and only the newest code counts.
    expect(
      expectData(await gateway.gql(GetUserAttributeVerificationCodeDocument, { attributeName: "email" }, accessToken))
        .getUserAttributeVerificationCode.destination,
    ).toBe(`${newEmail[0]}***@e***`);
    const secondCode = (await latestMessage(gateway, context.poolId, newEmail)).code!;
    if (secondCode !== firstCode) {
      expect(
        errorCodes(
          await gateway.gql(VerifyUserAttributeDocument, { attributeName: "email", code: firstCode }, accessToken),
        ),
      ).toEqual(["CodeMismatchException"]);
    }
    expectData(
      await gateway.gql(VerifyUserAttributeDocument, { attributeName: "email", code: secondCode }, accessToken),
    );

    expect(await profileOf(accessToken)).toMatchObject({ email: newEmail, email_verified: "true" });
    expect((await passwordAuth(context, newEmail, GOOD_PASSWORD)).data?.initiateAuth.__typename).toBe(
      "AuthenticationResult",
    );
    expect(errorCodes(await passwordAuth(context, context.email, GOOD_PASSWORD))).toEqual(NOT_AUTHORIZED);
    const verified = (await events(context.poolId)).filter((event) => event.type === "ATTRIBUTE_VERIFIED").at(-1);
    expect(verified?.detail).toMatchObject({ attributeName: "email", pendingChangeApplied: true });
  });

  it("withdraws a held change when the current value is written again", async () => {
    const context = await setup({ attributesRequireVerificationBeforeUpdate: ["email"] });
    const { accessToken } = await signIn(context);
    const newEmail = `${uniqueName("withdrawn")}@example.org`;
    expectData(
      await gateway.gql(
        UpdateUserAttributesDocument,
        { input: { userAttributes: [{ name: "email", value: newEmail }] } },
        accessToken,
      ),
    );
    const code = (await latestMessage(gateway, context.poolId, newEmail)).code!;
    expectData(
      await gateway.gql(
        UpdateUserAttributesDocument,
        { input: { userAttributes: [{ name: "email", value: context.email }] } },
        accessToken,
      ),
    );
    expect(
      errorCodes(await gateway.gql(VerifyUserAttributeDocument, { attributeName: "email", code }, accessToken)),
    ).toEqual(["ExpiredCodeException"]);
    expect(await profileOf(accessToken)).toMatchObject({ email: context.email, email_verified: "true" });
  });

  it("refuses to verify an email another user holds as a verified alias", async () => {
    const holder = await setup({ aliasAttributes: ["email"] });
    const { clientId, poolId } = holder;
    const username = uniqueName("b");
    const ownEmail = `${username}@example.com`;
    expectData(
      await gateway.gql(
        SignUpDocument,
        {
          input: { clientId, username, password: GOOD_PASSWORD, userAttributes: [{ name: "email", value: ownEmail }] },
        },
        null,
      ),
    );
    expectData(
      await gateway.gql(
        ConfirmSignUpDocument,
        { input: { clientId, username, confirmationCode: (await latestMessage(gateway, poolId, ownEmail)).code! } },
        null,
      ),
    );
    const { accessToken } = await signIn({ clientId, clientSecret: null, username });

    // Unverified, the value is no alias: the update itself succeeds and a code goes out.
    expectData(
      await gateway.gql(
        UpdateUserAttributesDocument,
        { input: { userAttributes: [{ name: "email", value: holder.email }] } },
        accessToken,
      ),
    );
    const code = (await latestMessage(gateway, poolId, holder.email)).code!;
    expect(
      errorCodes(await gateway.gql(VerifyUserAttributeDocument, { attributeName: "email", code }, accessToken)),
    ).toEqual(["AliasExistsException"]);
    expect(await profileOf(accessToken)).toMatchObject({ email: holder.email, email_verified: "false" });
  });

  it("deletes attributes under the schema's and the client's rules", async () => {
    const context = await setup(
      { schema: [{ name: "family_name", attributeDataType: "String", required: true }] },
      { writeAttributes: ["name", "email", "family_name"] },
      [{ name: "family_name", value: "Lovelace" }],
    );
    const { accessToken } = await signIn(context);
    const remove = (names: string[]) =>
      gateway.gql(DeleteUserAttributesDocument, { userAttributeNames: names }, accessToken);
    expect(errorCodes(await remove(["sub"]))).toEqual(["InvalidParameterException"]);
    expect(errorCodes(await remove(["family_name"]))).toEqual(["InvalidParameterException"]);
    expect(errorCodes(await remove(["custom:nothing"]))).toEqual(["InvalidParameterException"]);
    expect(errorCodes(await remove(["given_name"]))).toEqual(NOT_AUTHORIZED);
    expect(
      errorCodes(
        await gateway.gql(
          UpdateUserAttributesDocument,
          { input: { userAttributes: [{ name: "given_name", value: "X" }] } },
          accessToken,
        ),
      ),
    ).toEqual(NOT_AUTHORIZED);
    expect(
      errorCodes(
        await gateway.gql(
          UpdateUserAttributesDocument,
          { input: { userAttributes: [{ name: "email_verified", value: "true" }] } },
          accessToken,
        ),
      ),
    ).toEqual(NOT_AUTHORIZED);

    expect(expectData(await remove(["name", "email"])).deleteUserAttributes).toBe(true);
    const profile = await profileOf(accessToken);
    expect(profile).not.toHaveProperty("name");
    expect(profile).not.toHaveProperty("email");
    expect(profile).not.toHaveProperty("email_verified");
  });

  it("sends verification codes on request, five an hour", async () => {
    const context = await setup();
    const { accessToken } = await signIn(context);
    const ask = (attributeName: string) =>
      gateway.gql(GetUserAttributeVerificationCodeDocument, { attributeName }, accessToken);
    expect(errorCodes(await ask("name"))).toEqual(["InvalidParameterException"]);
    expect(errorCodes(await ask("phone_number"))).toEqual(["InvalidParameterException"]);
    expect(expectData(await ask("email")).getUserAttributeVerificationCode).toEqual({
      destination: `${context.email[0]}***@e***`,
      deliveryMedium: "EMAIL",
      attributeName: "email",
    });
    expect((await latestMessage(gateway, context.poolId, context.email)).purpose).toBe("VERIFY_EMAIL");
    // The phone_number call above counted too: 2 so far.
    for (let call = 3; call <= 5; call++) expectData(await ask("email"));
    expect(firstError(await ask("email"))).toEqual({
      code: "LimitExceededException",
      message: "Attempt limit exceeded, please try after some time.",
    });
  });

  it("changes the password under the policy and the history, five calls an hour, keeping refresh tokens", async () => {
    const context = await setup({ passwordPolicy: { passwordHistorySize: 2 } });
    const { accessToken, refreshToken } = await signIn(context);
    const change = (previousPassword: string, proposedPassword: string) =>
      gateway.gql(ChangePasswordDocument, { previousPassword, proposedPassword }, accessToken);

    expect(firstError(await change("Wr0ng-Password!", NEW_PASSWORD))).toEqual({
      code: "NotAuthorizedException",
      message: "Incorrect username or password.",
    });
    expect(errorCodes(await change(GOOD_PASSWORD, "weak"))).toEqual(["InvalidPasswordException"]);
    expect(errorCodes(await change(GOOD_PASSWORD, GOOD_PASSWORD))).toEqual(["PasswordHistoryPolicyViolationException"]);
    expect(expectData(await change(GOOD_PASSWORD, NEW_PASSWORD)).changePassword).toBe(true);

    expect(errorCodes(await passwordAuth(context, context.username, GOOD_PASSWORD))).toEqual(NOT_AUTHORIZED);
    await signIn(context, NEW_PASSWORD);
    // Cognito does not revoke tokens on a password change.
    expect(expectData(await refresh(context, refreshToken)).initiateAuth.__typename).toBe("AuthenticationResult");
    expectData(await getUser(accessToken));

    // The history remembers the previous password.
    expect(errorCodes(await change(NEW_PASSWORD, GOOD_PASSWORD))).toEqual(["PasswordHistoryPolicyViolationException"]);
    expect(firstError(await change(NEW_PASSWORD, "An0ther-Passw0rd!"))).toEqual({
      code: "LimitExceededException",
      message: "Attempt limit exceeded, please try after some time.",
    });

    const recorded = await events(context.poolId);
    expect(recorded.filter((event) => event.type === "PASSWORD_CHANGED").at(-1)?.detail).toMatchObject({
      via: "ChangePassword",
    });
    for (const secret of [GOOD_PASSWORD, NEW_PASSWORD, refreshToken, accessToken])
      expect(JSON.stringify(recorded)).not.toContain(secret);
  });

  it("deletes the user, after which the token is refused", async () => {
    const context = await setup();
    const { accessToken } = await signIn(context);
    expect(expectData(await gateway.gql(DeleteUserDocument, {}, accessToken)).deleteUser).toBe(true);
    expect(firstError(await getUser(accessToken))).toEqual({
      code: "UserNotFoundException",
      message: "User does not exist.",
    });
    expect(errorCodes(await passwordAuth(context, context.username, GOOD_PASSWORD))).toEqual(NOT_AUTHORIZED);
    expect(
      (await events(context.poolId)).filter((event) => event.type === "USER_DELETED").at(-1)?.detail,
    ).toMatchObject({ via: "DeleteUser" });
  });

  it("signs out everywhere: every access token is revoked and no refresh token works", async () => {
    const context = await setup();
    const first = await signIn(context);
    const second = await signIn(context);
    expect(expectData(await gateway.gql(GlobalSignOutDocument, {}, first.accessToken)).globalSignOut).toBe(true);
    for (const tokens of [first, second]) {
      expect(firstError(await getUser(tokens.accessToken))).toEqual({
        code: "NotAuthorizedException",
        message: "Access Token has been revoked",
      });
      expect(errorCodes(await refresh(context, tokens.refreshToken))).toEqual(NOT_AUTHORIZED);
    }
    const fresh = await signIn(context);
    expectData(await getUser(fresh.accessToken));
    expect((await events(context.poolId)).map((event) => event.type)).toContain("SIGNED_OUT");
  });

  it("signs out access tokens without origin_jti too (client with token revocation off)", async () => {
    const context = await setup({}, { enableTokenRevocation: false });
    const tokens = await signIn(context);
    expect(decodePayload(tokens.accessToken)).not.toHaveProperty("origin_jti");
    expectData(await gateway.gql(GlobalSignOutDocument, {}, tokens.accessToken));
    expect(firstError(await getUser(tokens.accessToken))).toEqual({
      code: "NotAuthorizedException",
      message: "Access Token has been revoked",
    });
    clock.advanceSeconds(1);
    expectData(await getUser((await signIn(context)).accessToken));
  });

  it("signs a user out as an admin (adminUserGlobalSignOut)", async () => {
    const context = await setup();
    const tokens = await signIn(context);
    expect(
      errorCodes(
        await gateway.gql(AdminUserGlobalSignOutDocument, {
          userPoolId: context.poolId,
          username: uniqueName("ghost"),
        }),
      ),
    ).toEqual(["UserNotFoundException"]);
    expect(
      expectData(
        await gateway.gql(AdminUserGlobalSignOutDocument, { userPoolId: context.poolId, username: context.username }),
      ).adminUserGlobalSignOut,
    ).toBe(true);
    expect(firstError(await getUser(tokens.accessToken))).toEqual({
      code: "NotAuthorizedException",
      message: "Access Token has been revoked",
    });
    expect(errorCodes(await refresh(context, tokens.refreshToken))).toEqual(NOT_AUTHORIZED);
    const signedOut = (await events(context.poolId)).filter((event) => event.type === "SIGNED_OUT").at(-1);
    expect(signedOut?.actor).toMatch(/^admin-key:/);
  });

  it("revokes one sign-in's tokens and leaves the user's other sign-ins alone", async () => {
    const context = await setup();
    const revoked = await signIn(context);
    const kept = await signIn(context);
    const revoke = (token: string, clientId = context.clientId, clientSecret?: string) =>
      gateway.gql(RevokeTokenDocument, { input: { token, clientId, clientSecret } }, null);

    const otherClient = expectData(
      await gateway.gql(CreateUserPoolClientDocument, {
        userPoolId: context.poolId,
        input: { clientName: "other", explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] },
      }),
    ).createUserPoolClient;
    expect(errorCodes(await revoke(revoked.refreshToken, otherClient.clientId))).toEqual(["UnauthorizedException"]);
    expect(errorCodes(await revoke(revoked.accessToken))).toEqual(["UnsupportedTokenTypeException"]);
    // Unknown tokens are answered with success (RFC 7009), revealing nothing.
    expect(expectData(await revoke("bm90LWEtcmVhbC10b2tlbg")).revokeToken).toBe(true);

    expect(expectData(await revoke(revoked.refreshToken)).revokeToken).toBe(true);
    expect(firstError(await getUser(revoked.accessToken))).toEqual({
      code: "NotAuthorizedException",
      message: "Access Token has been revoked",
    });
    expect(errorCodes(await refresh(context, revoked.refreshToken))).toEqual(NOT_AUTHORIZED);
    expectData(await getUser(kept.accessToken));
    expect(expectData(await refresh(context, kept.refreshToken)).initiateAuth.__typename).toBe("AuthenticationResult");
    // Again: still success, and no second event.
    expectData(await revoke(revoked.refreshToken));

    const recorded = (await events(context.poolId)).filter((event) => event.type === "TOKEN_REVOKED");
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.detail).toMatchObject({
      originJti: decodePayload(revoked.accessToken).origin_jti,
      via: "RevokeToken",
    });
    expect(JSON.stringify(recorded)).not.toContain(revoked.refreshToken);
  });

  it("makes clients with a secret prove it, and refuses clients with revocation off", async () => {
    const context = await setup({}, { generateSecret: true });
    const tokens = await signIn(context);
    const revoke = (clientSecret?: string) =>
      gateway.gql(
        RevokeTokenDocument,
        { input: { token: tokens.refreshToken, clientId: context.clientId, clientSecret } },
        null,
      );
    expect(errorCodes(await revoke())).toEqual(["UnauthorizedException"]);
    expect(errorCodes(await revoke(`${context.clientSecret!}x`))).toEqual(["UnauthorizedException"]);
    expectData(await revoke(context.clientSecret!));
    expect(firstError(await getUser(tokens.accessToken)).message).toBe("Access Token has been revoked");

    const noRevocation = await setup({}, { enableTokenRevocation: false });
    const noRevocationTokens = await signIn(noRevocation);
    expect(
      errorCodes(
        await gateway.gql(
          RevokeTokenDocument,
          { input: { token: noRevocationTokens.refreshToken, clientId: noRevocation.clientId } },
          null,
        ),
      ),
    ).toEqual(["UnsupportedOperationException"]);
  });
});
