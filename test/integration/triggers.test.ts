import { createDecipheriv, createHmac } from "node:crypto";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import {
  AdminGetUserDocument,
  ConfirmSignUpDocument,
  InitiateAuthDocument,
  PoolLambdaConfigDocument,
  RotateTriggerSecretDocument,
  SentMessagesDocument,
  SignUpDocument,
  type CreateUserPoolInput,
  type LambdaConfigInput,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import { hasValidSignature } from "../support/trigger-receiver.js";
import { useTriggerSuite } from "../support/trigger-suite.js";

describe.each(BACKENDS)("triggers on $name", (backend) => {
  const suite = useTriggerSuite(backend);
  const poolWithTriggers = (
    lambdaConfig: (url: (path: string) => string) => LambdaConfigInput,
    poolInput: Partial<CreateUserPoolInput> = {},
  ) => suite.poolWithTriggers(lambdaConfig, { autoVerifiedAttributes: ["email"], ...poolInput });

  const signUp = (clientId: string, username: string, extra: Record<string, unknown> = {}) =>
    suite.gateway.gql(
      SignUpDocument,
      {
        input: {
          clientId,
          username,
          password: GOOD_PASSWORD,
          userAttributes: [{ name: "email", value: `${username}@example.com` }],
          ...extra,
        },
      },
      null,
    );
  const getUser = (poolId: string, username: string) =>
    suite.gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username });

  it("sends PreSignUp Cognito's event, signed, and honours autoConfirmUser and autoVerifyEmail", async () => {
    const { poolId, clientId, path, secret } = await poolWithTriggers((url) => ({ preSignUp: url("/pre") }));
    suite.receiver.on(path("/pre"), (event) => ({
      ...event,
      response: { autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: false },
    }));
    const username = uniqueName("u");
    const result = expectData(
      await signUp(clientId, username, {
        validationData: [{ name: "invite", value: "abc" }],
        clientMetadata: { source: "test" },
      }),
    ).signUp;
    expect(result.userConfirmed).toBe(true);
    expect(result.codeDeliveryDetails).toBeNull();

    const [request] = suite.receiver.at(path("/pre"));
    expect(hasValidSignature(request!, secret)).toBe(true);
    expect(hasValidSignature(request!, "another-secret")).toBe(false);
    expect(request!.event).toEqual({
      version: "1",
      triggerSource: "PreSignUp_SignUp",
      region: poolId.split("_")[0],
      userPoolId: poolId,
      userName: username,
      callerContext: { awsSdkVersion: expect.any(String), clientId },
      request: {
        userAttributes: { email: `${username}@example.com`, email_verified: "false" },
        validationData: { invite: "abc" },
        clientMetadata: { source: "test" },
      },
      response: {},
    });
    const user = expectData(await getUser(poolId, username)).adminGetUser;
    expect(user.userStatus).toBe("CONFIRMED");
    expect(user.attributes).toContainEqual({ name: "email_verified", value: "true" });
    const messages = expectData(await suite.gateway.gql(SentMessagesDocument, { userPoolId: poolId })).sentMessages
      .items;
    expect(messages).toEqual([]);
  });

  it("fails SignUp with UserLambdaValidationException carrying the receiver's message, and creates no user", async () => {
    const { poolId, clientId, path } = await poolWithTriggers((url) => ({ preSignUp: url("/pre") }));
    suite.receiver.on(path("/pre"), () => ({
      status: 400,
      body: JSON.stringify({ errorMessage: "Invalid email domain" }),
    }));
    const username = uniqueName("u");
    const result = await signUp(clientId, username);
    expect(errorCodes(result)).toEqual(["UserLambdaValidationException"]);
    expect(result.errors![0]!.message).toBe("PreSignUp failed with error Invalid email domain.");
    expect(errorCodes(await getUser(poolId, username))).toEqual(["UserNotFoundException"]);
  });

  it("maps a malformed or ill-typed answer to InvalidLambdaResponseException, and creates no user", async () => {
    const { poolId, clientId, path } = await poolWithTriggers((url) => ({ preSignUp: url("/pre") }));
    suite.receiver.on(path("/pre"), () => ({ status: 200, body: "this is not json" }));
    const first = uniqueName("u");
    expect(errorCodes(await signUp(clientId, first))).toEqual(["InvalidLambdaResponseException"]);
    suite.receiver.on(path("/pre"), (event) => ({ ...event, response: { autoConfirmUser: "yes" } }));
    const second = uniqueName("u");
    expect(errorCodes(await signUp(clientId, second))).toEqual(["InvalidLambdaResponseException"]);
    expect(errorCodes(await getUser(poolId, first))).toEqual(["UserNotFoundException"]);
    expect(errorCodes(await getUser(poolId, second))).toEqual(["UserNotFoundException"]);
  });

  it("fails with UnexpectedLambdaException when the trigger is unreachable or a pool has no secret yet", async () => {
    const { clientId } = await poolWithTriggers(() => ({ preSignUp: "http://127.0.0.1:9/unreachable" }));
    expect(errorCodes(await signUp(clientId, uniqueName("u")))).toEqual(["UnexpectedLambdaException"]);
    const path = `/${uniqueName("t")}/pre`;
    const noSecret = await createPoolWithClient(suite.gateway, {
      lambdaConfig: { preSignUp: suite.receiver.url(path) },
    });
    expect(errorCodes(await signUp(noSecret.clientId, uniqueName("u")))).toEqual(["UnexpectedLambdaException"]);
    expect(suite.receiver.at(path)).toHaveLength(0);
  });

  it("gives up after 5 seconds with UnexpectedLambdaException, and creates no user", async () => {
    const { poolId, clientId, path } = await poolWithTriggers((url) => ({ preSignUp: url("/pre") }));
    suite.receiver.on(path("/pre"), () => "hang");
    const username = uniqueName("u");
    const started = Date.now();
    const result = await signUp(clientId, username);
    const elapsedMs = Date.now() - started;
    expect(errorCodes(result)).toEqual(["UnexpectedLambdaException"]);
    expect(elapsedMs).toBeGreaterThanOrEqual(4_900);
    expect(errorCodes(await getUser(poolId, username))).toEqual(["UserNotFoundException"]);
  }, 20_000);

  it("runs PostConfirmation after ConfirmSignUp committed: when it fails the call fails, but the user is confirmed and the code used", async () => {
    const { poolId, clientId, path } = await poolWithTriggers((url) => ({ postConfirmation: url("/post") }));
    suite.receiver.on(path("/post"), () => ({ status: 500, body: "crm down" }));
    const username = uniqueName("u");
    expectData(await signUp(clientId, username, { clientMetadata: { step: "sign-up" } }));
    const code = (await latestMessage(suite.gateway, poolId, `${username}@example.com`)).code!;
    const failed = await suite.gateway.gql(
      ConfirmSignUpDocument,
      { input: { clientId, username, confirmationCode: code, clientMetadata: { step: "confirm" } } },
      null,
    );
    expect(errorCodes(failed)).toEqual(["UserLambdaValidationException"]);
    expect(failed.errors![0]!.message).toBe("PostConfirmation failed with error crm down.");
    // Cognito calls the trigger "just after" it confirmed the user; the failure undoes nothing.
    expect(expectData(await getUser(poolId, username)).adminGetUser.userStatus).toBe("CONFIRMED");
    expect(
      errorCodes(
        await suite.gateway.gql(ConfirmSignUpDocument, { input: { clientId, username, confirmationCode: code } }, null),
      ),
    ).toEqual(["NotAuthorizedException"]);
    expect(suite.receiver.at(path("/post"))).toHaveLength(1);
    const [request] = suite.receiver.at(path("/post"));
    expect(request!.event.triggerSource).toBe("PostConfirmation_ConfirmSignUp");
    expect(request!.event.request.clientMetadata).toEqual({ step: "confirm" });
    expect(request!.event.request.userAttributes).toMatchObject({
      email: `${username}@example.com`,
      email_verified: "true",
      "cognito:user_status": "CONFIRMED",
    });
  });

  it("holds no transaction while a trigger answers: a slow CustomMessage or PostConfirmation does not hold up a sign-up elsewhere", async () => {
    const slow = await poolWithTriggers((url) => ({ customMessage: url("/msg"), postConfirmation: url("/post") }));
    const other = await poolWithTriggers(() => ({}));
    /** Answers the trigger when released, or after 1.5 s at the latest (the old behaviour then shows as an order). */
    const holdTrigger = (path: string) => {
      let release = () => {};
      let isAnswered = false;
      const released = new Promise<void>((resolve) => (release = resolve));
      suite.receiver.on(path, async (event) => {
        await Promise.race([released, new Promise((resolve) => setTimeout(resolve, 1_500))]);
        isAnswered = true;
        return event;
      });
      return { release: () => release(), isAnswered: () => isAnswered };
    };
    const reached = async (path: string, count: number) => {
      while (suite.receiver.at(path).length < count) await new Promise((resolve) => setTimeout(resolve, 10));
    };

    const message = holdTrigger(slow.path("/msg"));
    const username = uniqueName("u");
    const slowSignUp = signUp(slow.clientId, username);
    await reached(slow.path("/msg"), 1);
    expectData(await signUp(other.clientId, uniqueName("u")));
    expect(message.isAnswered()).toBe(false);
    message.release();
    expectData(await slowSignUp);

    const confirmation = holdTrigger(slow.path("/post"));
    const code = (await latestMessage(suite.gateway, slow.poolId, `${username}@example.com`)).code!;
    const slowConfirm = suite.gateway.gql(
      ConfirmSignUpDocument,
      { input: { clientId: slow.clientId, username, confirmationCode: code } },
      null,
    );
    await reached(slow.path("/post"), 1);
    expectData(await signUp(other.clientId, uniqueName("u")));
    expect(confirmation.isAnswered()).toBe(false);
    confirmation.release();
    expectData(await slowConfirm);
  });

  it("lets CustomMessage rewrite the sign-up email without ever seeing the code, and refuses one that drops the placeholder", async () => {
    const { poolId, clientId, path } = await poolWithTriggers((url) => ({ customMessage: url("/msg") }));
    suite.receiver.on(path("/msg"), (event) => ({
      ...event,
      response: {
        emailSubject: "Welcome aboard",
        emailMessage: `Hi ${event.userName}, your code: ${event.request.codeParameter}`,
      },
    }));
    const username = uniqueName("u");
    expectData(await signUp(clientId, username));
    const message = await latestMessage(suite.gateway, poolId, `${username}@example.com`);
    expect(message.subject).toBe("Welcome aboard");
    expect(message.body).toBe(`Hi ${username}, your code: ${message.code}`);
    const [request] = suite.receiver.at(path("/msg"));
    expect(request!.event.triggerSource).toBe("CustomMessage_SignUp");
    expect(request!.event.request).toMatchObject({ codeParameter: "{####}", usernameParameter: null });
    expect(request!.rawBody).not.toContain(message.code!);

    suite.receiver.on(path("/msg"), (event) => ({ ...event, response: { emailMessage: "no code here" } }));
    const other = uniqueName("u");
    expect(errorCodes(await signUp(clientId, other))).toEqual(["InvalidLambdaResponseException"]);
    expect(errorCodes(await getUser(poolId, other))).toEqual(["UserNotFoundException"]);

    // A subject longer than a subject line (and than the outbox keeps): the trigger's fault, on both backends.
    suite.receiver.on(path("/msg"), (event) => ({
      ...event,
      response: { emailSubject: "S".repeat(256), emailMessage: `code ${event.request.codeParameter}` },
    }));
    const third = uniqueName("u");
    const refused = await signUp(clientId, third);
    expect(errorCodes(refused)).toEqual(["InvalidLambdaResponseException"]);
    expect(refused.errors![0]!.message).toMatch(/emailSubject must be at most 255 characters/);
    expect(errorCodes(await getUser(poolId, third))).toEqual(["UserNotFoundException"]);
  });

  it("applies PreTokenGeneration V2_0 claim and scope edits, never touching protected claims", async () => {
    const { poolId, clientId, path } = await poolWithTriggers((url) => ({
      preTokenGenerationConfig: { lambdaVersion: "V2_0", lambdaArn: url("/token") },
    }));
    const lambdaConfig = expectData(await suite.gateway.gql(PoolLambdaConfigDocument, { userPoolId: poolId })).userPool
      .lambdaConfig;
    expect(lambdaConfig.preTokenGenerationConfig).toEqual({
      lambdaVersion: "V2_0",
      lambdaArn: suite.receiver.url(path("/token")),
    });
    suite.receiver.on(path("/token"), (event) => ({
      ...event,
      response: {
        claimsAndScopeOverrideDetails: {
          idTokenGeneration: {
            claimsToAddOrOverride: { tenant: "acme", sub: "forged", "cognito:username": "admin" },
            claimsToSuppress: ["email"],
          },
          accessTokenGeneration: { claimsToAddOrOverride: { plan: { tier: "gold" } }, scopesToAdd: ["orders/read"] },
          groupOverrideDetails: { groupsToOverride: ["vip"] },
        },
      },
    }));
    const username = uniqueName("u");
    const { userSub } = expectData(await signUp(clientId, username)).signUp;
    const code = (await latestMessage(suite.gateway, poolId, `${username}@example.com`)).code!;
    expectData(
      await suite.gateway.gql(ConfirmSignUpDocument, { input: { clientId, username, confirmationCode: code } }, null),
    );
    const result = expectData(
      await suite.gateway.gql(
        InitiateAuthDocument,
        {
          input: {
            clientId,
            authFlow: "USER_PASSWORD_AUTH",
            authParameters: { USERNAME: username, PASSWORD: GOOD_PASSWORD },
          },
        },
        null,
      ),
    ).initiateAuth;
    if (result.__typename !== "AuthenticationResult") throw new Error(`expected tokens, got ${result.__typename}`);
    const id = decodeJwt(result.idToken);
    const access = decodeJwt(result.accessToken);
    expect(id).toMatchObject({ tenant: "acme", sub: userSub, "cognito:username": username, "cognito:groups": ["vip"] });
    expect(id.email).toBeUndefined();
    expect(access).toMatchObject({
      plan: { tier: "gold" },
      "cognito:groups": ["vip"],
      scope: "aws.cognito.signin.user.admin orders/read",
    });
    const [request] = suite.receiver.at(path("/token"));
    expect(request!.event).toMatchObject({
      version: "2",
      triggerSource: "TokenGeneration_Authentication",
      request: { scopes: ["aws.cognito.signin.user.admin"], groupConfiguration: { groupsToOverride: [] } },
    });
  });

  it("fails the sign-in when PreAuthentication refuses, issuing nothing", async () => {
    const { poolId, clientId, path } = await poolWithTriggers((url) => ({
      preSignUp: url("/pre"),
      preAuthentication: url("/preauth"),
      postAuthentication: url("/postauth"),
    }));
    suite.receiver.on(path("/pre"), (event) => ({ ...event, response: { autoConfirmUser: true } }));
    suite.receiver.on(path("/preauth"), () => ({
      status: 403,
      body: JSON.stringify({ message: "Outside office hours" }),
    }));
    const username = uniqueName("u");
    expectData(await signUp(clientId, username));
    const refused = await suite.gateway.gql(
      InitiateAuthDocument,
      {
        input: {
          clientId,
          authFlow: "USER_PASSWORD_AUTH",
          authParameters: { USERNAME: username, PASSWORD: GOOD_PASSWORD },
        },
      },
      null,
    );
    expect(errorCodes(refused)).toEqual(["UserLambdaValidationException"]);
    expect(refused.errors![0]!.message).toBe("PreAuthentication failed with error Outside office hours.");
    expect(suite.receiver.at(path("/postauth"))).toHaveLength(0);

    suite.receiver.on(path("/preauth"), (event) => event);
    suite.receiver.on(path("/postauth"), () => ({ status: 400, body: "audit failed" }));
    const postRefused = await suite.gateway.gql(
      InitiateAuthDocument,
      {
        input: {
          clientId,
          authFlow: "USER_PASSWORD_AUTH",
          authParameters: { USERNAME: username, PASSWORD: GOOD_PASSWORD },
        },
      },
      null,
    );
    expect(errorCodes(postRefused)).toEqual(["UserLambdaValidationException"]);

    suite.receiver.on(path("/postauth"), (event) => event);
    const ok = expectData(
      await suite.gateway.gql(
        InitiateAuthDocument,
        {
          input: {
            clientId,
            authFlow: "USER_PASSWORD_AUTH",
            authParameters: { USERNAME: username, PASSWORD: GOOD_PASSWORD },
          },
        },
        null,
      ),
    ).initiateAuth;
    expect(ok.__typename).toBe("AuthenticationResult");
    expect(suite.receiver.at(path("/postauth")).at(-1)!.event).toMatchObject({
      triggerSource: "PostAuthentication_Authentication",
      userPoolId: poolId,
      request: { newDeviceUsed: false },
    });
  });

  it("hands codes to CustomEmailSender sealed with the trigger secret instead of sending them", async () => {
    const { poolId, clientId, path, secret } = await poolWithTriggers((url) => ({
      customEmailSender: { lambdaVersion: "V1_0", lambdaArn: url("/email") },
    }));
    const username = uniqueName("u");
    expectData(await signUp(clientId, username));
    const [request] = suite.receiver.at(path("/email"));
    expect(request!.event).toMatchObject({
      triggerSource: "CustomEmailSender_SignUp",
      request: { type: "customEmailSenderRequestV1" },
    });
    const code = openSealedCode(secret, request!.event.request.code as string);
    expect(code).toMatch(/^\d{6}$/);
    expect(
      expectData(await suite.gateway.gql(SentMessagesDocument, { userPoolId: poolId })).sentMessages.items,
    ).toEqual([]);
    expectData(
      await suite.gateway.gql(ConfirmSignUpDocument, { input: { clientId, username, confirmationCode: code } }, null),
    );
  });

  it("signs with the newest secret once rotateTriggerSecret replaced it", async () => {
    const { poolId, clientId, path, secret: first } = await poolWithTriggers((url) => ({ preSignUp: url("/pre") }));
    const { secret: second } = expectData(
      await suite.gateway.gql(RotateTriggerSecretDocument, { userPoolId: poolId }),
    ).rotateTriggerSecret;
    expect(second).not.toBe(first);
    expect(second.length).toBeGreaterThanOrEqual(43);
    expectData(await signUp(clientId, uniqueName("u")));
    const [request] = suite.receiver.at(path("/pre"));
    expect(hasValidSignature(request!, second)).toBe(true);
    expect(hasValidSignature(request!, first)).toBe(false);
    const timestamp = Number(request!.headers["x-gateway-timestamp"]);
    expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(60);
  });
});

/** What a custom sender does with `request.code` (README "Triggers"). */
function openSealedCode(secret: string, sealed: string): string {
  const bytes = Buffer.from(sealed, "base64");
  const key = createHmac("sha256", secret).update("identity-gateway trigger code v1").digest();
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString("utf8");
}
