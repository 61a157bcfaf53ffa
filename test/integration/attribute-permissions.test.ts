import {
  AdminConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GetUserCommand,
  InitiateAuthCommand,
  NotAuthorizedException,
  SignUpCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cognitoClient, createAwsCredentials } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import {
  AdminConfirmSignUpDocument,
  CreateUserPoolClientDocument,
  GetUserDocument,
  SignUpDocument,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import { expectTokens, passwordSignIn, signInEnv, verifyIndependently } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const FLOWS = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] as const;

/**
 * Default attribute permissions (cognito-reference §7.4, issue #14 item 4): an app client whose read
 * and write lists are unset reads and writes every attribute of the pool, custom ones included, as real
 * pools do; only the verified flags stay out of its write list. Explicit lists still restrict.
 */
describe.each(BACKENDS)("default attribute permissions on $name", (backend) => {
  let gateway: TestApp;
  let admin: CognitoIdentityProviderClient;
  let anonymous: CognitoIdentityProviderClient;

  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend) });
    admin = cognitoClient(gateway, await createAwsCredentials(gateway));
    anonymous = cognitoClient(gateway);
  });
  afterAll(async () => {
    admin?.destroy();
    anonymous?.destroy();
    await gateway?.close();
  });

  const signUp = (clientId: string, username: string, userAttributes: { name: string; value: string }[]) =>
    gateway.gql(SignUpDocument, { input: { clientId, username, password: GOOD_PASSWORD, userAttributes } }, null);

  it("GraphQL: a default client signs up with custom:currency, its ID token carries it and getUser returns it", async () => {
    const { poolId, clientId } = await createPoolWithClient(
      gateway,
      { schema: [{ name: "currency", attributeDataType: "String" }] },
      { explicitAuthFlows: [...FLOWS] },
    );
    const username = uniqueName("cur");
    const email = `${username}@example.com`;
    expectData(
      await signUp(clientId, username, [
        { name: "email", value: email },
        { name: "custom:currency", value: "EUR" },
      ]),
    );
    expectData(await gateway.gql(AdminConfirmSignUpDocument, { userPoolId: poolId, username }));

    const tokens = expectTokens(await passwordSignIn(gateway, clientId, username, GOOD_PASSWORD));
    const id = await verifyIndependently(gateway, poolId, tokens.idToken, { audience: clientId });
    expect(id.payload).toMatchObject({ "custom:currency": "EUR", email, "cognito:username": username });
    const profile = expectData(await gateway.gql(GetUserDocument, {}, tokens.accessToken)).getUser;
    expect(profile.userAttributes).toEqual(
      expect.arrayContaining([
        { name: "custom:currency", value: "EUR" },
        { name: "email", value: email },
      ]),
    );

    // The verified flags stay out of an unset write list (§7.4): only admins or an explicit grant set them.
    expect(errorCodes(await signUp(clientId, uniqueName("flag"), [{ name: "email_verified", value: "true" }]))).toEqual(
      ["NotAuthorizedException"],
    );
  });

  it("GraphQL: a client with explicit lists is held to them, for writes, ID tokens and getUser", async () => {
    const { poolId, clientId } = await createPoolWithClient(
      gateway,
      { schema: [{ name: "currency", attributeDataType: "String" }] },
      { explicitAuthFlows: [...FLOWS] },
    );
    const narrow = expectData(
      await gateway.gql(CreateUserPoolClientDocument, {
        userPoolId: poolId,
        input: {
          clientName: "narrow",
          explicitAuthFlows: [...FLOWS],
          readAttributes: ["email"],
          writeAttributes: ["email"],
        },
      }),
    ).createUserPoolClient.clientId;
    expect(
      errorCodes(
        await signUp(narrow, uniqueName("nw"), [
          { name: "email", value: "n@example.com" },
          { name: "custom:currency", value: "EUR" },
        ]),
      ),
    ).toEqual(["NotAuthorizedException"]);

    // A user signed up through the default client keeps custom:currency hidden from the narrow one.
    const username = uniqueName("nr");
    expectData(
      await signUp(clientId, username, [
        { name: "email", value: `${username}@example.com` },
        { name: "custom:currency", value: "JPY" },
      ]),
    );
    expectData(await gateway.gql(AdminConfirmSignUpDocument, { userPoolId: poolId, username }));
    const tokens = expectTokens(await passwordSignIn(gateway, narrow, username, GOOD_PASSWORD));
    const id = (await verifyIndependently(gateway, poolId, tokens.idToken, { audience: narrow })).payload;
    expect(id["custom:currency"]).toBeUndefined();
    expect(id.email).toBe(`${username}@example.com`);
    const profile = expectData(await gateway.gql(GetUserDocument, {}, tokens.accessToken)).getUser;
    expect(profile.userAttributes.map((attribute) => attribute.name).sort()).toEqual(["email", "sub"]);
  });

  it("Cognito wire: a default client signs up with custom:currency, its ID token carries it and GetUser returns it; an explicit list refuses it", async () => {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: uniqueName("wire"),
        Schema: [{ Name: "currency", AttributeDataType: "String", Mutable: true }],
      }),
    );
    const poolId = UserPool!.Id!;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "web", ExplicitAuthFlows: [...FLOWS] }),
    );
    const clientId = UserPoolClient!.ClientId!;
    expect(UserPoolClient!.ReadAttributes ?? []).toEqual([]);
    const username = uniqueName("wire");
    await anonymous.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: username,
        Password: GOOD_PASSWORD,
        UserAttributes: [{ Name: "custom:currency", Value: "GBP" }],
      }),
    );
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: username }));

    const { AuthenticationResult } = await anonymous.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: username, PASSWORD: GOOD_PASSWORD },
      }),
    );
    const id = await verifyIndependently(gateway, poolId, AuthenticationResult!.IdToken!, { audience: clientId });
    expect(id.payload["custom:currency"]).toBe("GBP");
    const user = await anonymous.send(new GetUserCommand({ AccessToken: AuthenticationResult!.AccessToken! }));
    expect(user.UserAttributes).toEqual(expect.arrayContaining([{ Name: "custom:currency", Value: "GBP" }]));

    const narrow = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: "narrow",
        ExplicitAuthFlows: [...FLOWS],
        WriteAttributes: ["email"],
      }),
    );
    const refused = await anonymous
      .send(
        new SignUpCommand({
          ClientId: narrow.UserPoolClient!.ClientId!,
          Username: uniqueName("wn"),
          Password: GOOD_PASSWORD,
          UserAttributes: [{ Name: "custom:currency", Value: "GBP" }],
        }),
      )
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(NotAuthorizedException);
  });
});
