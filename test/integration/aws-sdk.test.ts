import {
  AddCustomAttributesCommand,
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  AdminDeleteUserAttributesCommand,
  AdminResetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  AssociateSoftwareTokenCommand,
  DeleteGroupCommand,
  DeleteUserAttributesCommand,
  DeleteUserCommand,
  DeleteUserPoolClientCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserPoolMfaConfigCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
  UpdateGroupCommand,
  UpdateUserPoolClientCommand,
  VerifySoftwareTokenCommand,
  VerifyUserAttributeCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  CodeMismatchException,
  CognitoIdentityProviderServiceException,
  ConfirmSignUpCommand,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetGroupCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  GroupExistsException,
  InitiateAuthCommand,
  InvalidParameterException,
  InvalidPasswordException,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
  NotAuthorizedException,
  ResourceNotFoundException,
  RevokeTokenCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
  UpdateUserPoolCommand,
  UserNotFoundException,
  UsernameExistsException,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cognitoClient, createAwsCredentials } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import { RotateTriggerSecretDocument } from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import { secretHashOf, signInEnv, verifyIndependently } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/** Resolves to what the promise rejected with; fails the test when it resolved. */
async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error as Error,
  );
  expect(outcome, "the call should have failed").not.toBeNull();
  return outcome!;
}

describe.each(BACKENDS)("AWS SDK v3 CognitoIdentityProviderClient against the gateway on $name", (backend) => {
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

  /** A pool (email auto-verified, codes by email) and a public client, both made through the SDK. */
  async function createPool(): Promise<{ poolId: string; clientId: string }> {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: uniqueName("sdkpool"),
        AutoVerifiedAttributes: ["email"],
        Policies: { PasswordPolicy: { MinimumLength: 10 } },
      }),
    );
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool!.Id!,
        ClientName: "web",
        ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      }),
    );
    return { poolId: UserPool!.Id!, clientId: UserPoolClient!.ClientId! };
  }

  it("creates, describes, lists, changes and deletes pools and clients", async () => {
    const before = Date.now();
    const name = uniqueName("sdkpool");
    const created = (
      await admin.send(
        new CreateUserPoolCommand({
          PoolName: name,
          UsernameAttributes: ["email"],
          MfaConfiguration: "OFF",
          Schema: [{ Name: "plan", AttributeDataType: "String", Mutable: true }],
        }),
      )
    ).UserPool!;
    expect(created.Name).toBe(name);
    expect(created.UsernameAttributes).toEqual(["email"]);
    // The SDK turns epoch seconds into Dates: proof the timestamps crossed the wire in Cognito's form.
    expect(created.CreationDate).toBeInstanceOf(Date);
    expect(Math.abs(created.CreationDate!.getTime() - before)).toBeLessThan(60_000);
    expect(created.SchemaAttributes!.find((attribute) => attribute.Name === "custom:plan")).toMatchObject({
      AttributeDataType: "String",
      Mutable: true,
    });

    await admin.send(
      new UpdateUserPoolCommand({
        UserPoolId: created.Id!,
        Policies: { PasswordPolicy: { MinimumLength: 12, RequireSymbols: false } },
      }),
    );
    const described = (await admin.send(new DescribeUserPoolCommand({ UserPoolId: created.Id! }))).UserPool!;
    expect(described.Policies!.PasswordPolicy).toMatchObject({ MinimumLength: 12, RequireSymbols: false });
    expect(described.EstimatedNumberOfUsers).toBe(0);

    const client = (
      await admin.send(
        new CreateUserPoolClientCommand({ UserPoolId: created.Id!, ClientName: "server", GenerateSecret: true }),
      )
    ).UserPoolClient!;
    expect(client.ClientSecret).toMatch(/^[a-z0-9]{24,64}$/);
    expect(client.ExplicitAuthFlows).toEqual(
      expect.arrayContaining(["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]),
    );
    expect(
      (await admin.send(new DescribeUserPoolClientCommand({ UserPoolId: created.Id!, ClientId: client.ClientId! })))
        .UserPoolClient!.ClientSecret,
    ).toBe(client.ClientSecret);
    expect((await admin.send(new ListUserPoolClientsCommand({ UserPoolId: created.Id! }))).UserPoolClients).toEqual([
      { ClientId: client.ClientId, UserPoolId: created.Id, ClientName: "server" },
    ]);
    // A client with a secret needs SecretHash, computed as the SDK documentation says.
    const email = `${uniqueName("hashed")}@example.com`;
    expect(
      await rejectionOf(
        anonymous.send(new SignUpCommand({ ClientId: client.ClientId, Username: email, Password: GOOD_PASSWORD })),
      ),
    ).toBeInstanceOf(NotAuthorizedException);
    const hashed = await anonymous.send(
      new SignUpCommand({
        ClientId: client.ClientId,
        Username: email,
        Password: GOOD_PASSWORD,
        SecretHash: secretHashOf(client.ClientSecret!, email, client.ClientId!),
      }),
    );
    expect(hashed.UserSub).toMatch(/^[0-9a-f-]{36}$/);

    // Page through every pool the key sees until this one turns up.
    let found = false;
    let nextToken: string | undefined;
    do {
      const page = await admin.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken: nextToken }));
      found ||= page.UserPools!.some((pool) => pool.Id === created.Id && pool.Name === name);
      nextToken = page.NextToken;
    } while (!found && nextToken);
    expect(found).toBe(true);

    await admin.send(new DeleteUserPoolCommand({ UserPoolId: created.Id! }));
    expect(await rejectionOf(admin.send(new DescribeUserPoolCommand({ UserPoolId: created.Id! })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it("signs up without credentials, confirms with the code from the outbox, and refuses what Cognito refuses by exception class", async () => {
    const { poolId, clientId } = await createPool();
    const email = `${uniqueName("sdk")}@example.com`;
    const signUp = await anonymous.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: email,
        Password: GOOD_PASSWORD,
        UserAttributes: [{ Name: "email", Value: email }],
      }),
    );
    expect(signUp.UserConfirmed).toBe(false);
    expect(signUp.UserSub).toMatch(/^[0-9a-f-]{36}$/);
    expect(signUp.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: "EMAIL", AttributeName: "email" });

    expect(
      await rejectionOf(
        anonymous.send(
          new SignUpCommand({
            ClientId: clientId,
            Username: email,
            Password: GOOD_PASSWORD,
            UserAttributes: [{ Name: "email", Value: email }],
          }),
        ),
      ),
    ).toBeInstanceOf(UsernameExistsException);
    expect(
      await rejectionOf(
        anonymous.send(new SignUpCommand({ ClientId: clientId, Username: uniqueName("weak"), Password: "short" })),
      ),
    ).toBeInstanceOf(InvalidPasswordException);

    const { code } = await latestMessage(gateway, poolId, email);
    const wrong = code === "000000" ? "000001" : "000000";
    expect(
      await rejectionOf(
        anonymous.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: wrong })),
      ),
    ).toBeInstanceOf(CodeMismatchException);
    await anonymous.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: code! }));

    const user = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: email }));
    expect(user.UserStatus).toBe("CONFIRMED");
    expect(user.Enabled).toBe(true);
    expect(user.UserCreateDate).toBeInstanceOf(Date);
    expect(user.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: "sub", Value: signUp.UserSub },
        { Name: "email", Value: email },
        { Name: "email_verified", Value: "true" },
      ]),
    );

    // A public action through the signed client works too; the signature is simply not needed.
    const signIn = await admin.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: email, PASSWORD: GOOD_PASSWORD },
      }),
    );
    expect(signIn.AuthenticationResult!.TokenType).toBe("Bearer");
    expect(signIn.ChallengeName).toBeUndefined();
    const { payload } = await verifyIndependently(gateway, poolId, signIn.AuthenticationResult!.IdToken!, {
      audience: clientId,
    });
    expect(payload).toMatchObject({ sub: signUp.UserSub, email, token_use: "id" });

    expect(
      await rejectionOf(
        anonymous.send(
          new InitiateAuthCommand({
            ClientId: clientId,
            AuthFlow: "USER_PASSWORD_AUTH",
            AuthParameters: { USERNAME: email, PASSWORD: "Wr0ng-Password!" },
          }),
        ),
      ),
    ).toBeInstanceOf(NotAuthorizedException);
    expect(
      await rejectionOf(admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "nobody-here" }))),
    ).toBeInstanceOf(UserNotFoundException);
    const invalid = await rejectionOf(admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "" })));
    expect(invalid).toBeInstanceOf(InvalidParameterException);
    expect(invalid.message).toBe(
      "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it("admin-creates users, lists them with a filter and pages, and runs the admin sign-in with NEW_PASSWORD_REQUIRED", async () => {
    const { poolId, clientId } = await createPool();
    const emails = [0, 1, 2].map((index) => `${uniqueName(`listed${index}`)}@example.com`);
    for (const email of emails) {
      const { User } = await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: email.split("@")[0],
          TemporaryPassword: "Temp0rary-Pass!",
          MessageAction: "SUPPRESS",
          UserAttributes: [{ Name: "email", Value: email }],
        }),
      );
      expect(User).toMatchObject({ Username: email.split("@")[0], UserStatus: "FORCE_CHANGE_PASSWORD", Enabled: true });
      expect(User!.UserCreateDate).toBeInstanceOf(Date);
    }
    expect(
      await rejectionOf(
        admin.send(
          new AdminCreateUserCommand({
            UserPoolId: poolId,
            Username: emails[0]!.split("@")[0],
            MessageAction: "SUPPRESS",
          }),
        ),
      ),
    ).toBeInstanceOf(UsernameExistsException);

    const filtered = await admin.send(new ListUsersCommand({ UserPoolId: poolId, Filter: `email = "${emails[1]}"` }));
    expect(filtered.Users!.map((user) => user.Username)).toEqual([emails[1]!.split("@")[0]]);
    expect(filtered.PaginationToken).toBeUndefined();
    const onlyEmail = await admin.send(
      new ListUsersCommand({ UserPoolId: poolId, Filter: `email ^= "listed2"`, AttributesToGet: ["email"] }),
    );
    expect(onlyEmail.Users![0]!.Attributes).toEqual([{ Name: "email", Value: emails[2] }]);

    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await admin.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 2, PaginationToken: token }));
      expect(page.Users!.length).toBeLessThanOrEqual(2);
      seen.push(...page.Users!.map((user) => user.Username!));
      token = page.PaginationToken;
    } while (token);
    expect(seen.sort()).toEqual(emails.map((email) => email.split("@")[0]).sort());
    const badFilter = await rejectionOf(admin.send(new ListUsersCommand({ UserPoolId: poolId, Filter: "nonsense" })));
    expect(badFilter).toBeInstanceOf(InvalidParameterException);

    const username = emails[0]!.split("@")[0]!;
    const started = await admin.send(
      new AdminInitiateAuthCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: username, PASSWORD: "Temp0rary-Pass!" },
      }),
    );
    expect(started.ChallengeName).toBe("NEW_PASSWORD_REQUIRED");
    expect(started.Session!.length).toBeGreaterThanOrEqual(20);
    const done = await admin.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        ChallengeName: "NEW_PASSWORD_REQUIRED",
        Session: started.Session,
        ChallengeResponses: { USERNAME: username, NEW_PASSWORD: GOOD_PASSWORD },
      }),
    );
    expect(done.AuthenticationResult!.AccessToken).toBeTruthy();
    expect(done.AuthenticationResult!.ExpiresIn).toBe(3600);
    expect((await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }))).UserStatus).toBe(
      "CONFIRMED",
    );

    await admin.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: poolId,
        Username: username,
        UserAttributes: [{ Name: "given_name", Value: "Ada" }],
      }),
    );
    await admin.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: username }));
    const disabled = await rejectionOf(
      anonymous.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: "USER_PASSWORD_AUTH",
          AuthParameters: { USERNAME: username, PASSWORD: GOOD_PASSWORD },
        }),
      ),
    );
    expect(disabled).toBeInstanceOf(NotAuthorizedException);
    expect(disabled.message).toBe("User is disabled.");
    await admin.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: username }));
    await admin.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: username,
        Password: "An0ther-Secret!",
        Permanent: true,
      }),
    );
    const again = await anonymous.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: username, PASSWORD: "An0ther-Secret!" },
      }),
    );
    expect(again.AuthenticationResult!.IdToken).toBeTruthy();
    await admin.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: username }));
    expect(
      await rejectionOf(admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }))),
    ).toBeInstanceOf(UserNotFoundException);
  });

  it("manages groups and memberships", async () => {
    const { poolId } = await createPool();
    const username = uniqueName("member");
    await admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: username, MessageAction: "SUPPRESS" }));
    const { Group } = await admin.send(
      new CreateGroupCommand({ UserPoolId: poolId, GroupName: "admins", Description: "the admins", Precedence: 1 }),
    );
    expect(Group).toMatchObject({ GroupName: "admins", UserPoolId: poolId, Description: "the admins", Precedence: 1 });
    expect(Group!.CreationDate).toBeInstanceOf(Date);
    expect(
      await rejectionOf(admin.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: "admins" }))),
    ).toBeInstanceOf(GroupExistsException);
    await admin.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: "readers" }));

    await admin.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: username, GroupName: "admins" }));
    expect(
      (await admin.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: "admins" }))).Users!.map(
        (user) => user.Username,
      ),
    ).toEqual([username]);
    expect(
      (await admin.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: username }))).Groups!.map(
        (group) => group.GroupName,
      ),
    ).toEqual(["admins"]);
    const firstPage = await admin.send(new ListGroupsCommand({ UserPoolId: poolId, Limit: 1 }));
    expect(firstPage.Groups!.map((group) => group.GroupName)).toEqual(["admins"]);
    const secondPage = await admin.send(
      new ListGroupsCommand({ UserPoolId: poolId, Limit: 1, NextToken: firstPage.NextToken }),
    );
    expect(secondPage.Groups!.map((group) => group.GroupName)).toEqual(["readers"]);
    expect(secondPage.NextToken).toBeUndefined();
    await admin.send(
      new AdminRemoveUserFromGroupCommand({ UserPoolId: poolId, Username: username, GroupName: "admins" }),
    );
    expect((await admin.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: "admins" }))).Users).toEqual(
      [],
    );
    expect(
      await rejectionOf(admin.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: "nobody" }))),
    ).toBeInstanceOf(ResourceNotFoundException);
    expect(
      await rejectionOf(
        admin.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: "ghost", GroupName: "readers" })),
      ),
    ).toBeInstanceOf(UserNotFoundException);
  });

  it("serves the access-token actions with the token in the body, and revokes", async () => {
    const { poolId, clientId } = await createPool();
    const username = uniqueName("self");
    await admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: username, MessageAction: "SUPPRESS" }));
    await admin.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: username,
        Password: GOOD_PASSWORD,
        Permanent: true,
      }),
    );
    const signIn = async () =>
      (
        await anonymous.send(
          new InitiateAuthCommand({
            ClientId: clientId,
            AuthFlow: "USER_PASSWORD_AUTH",
            AuthParameters: { USERNAME: username, PASSWORD: GOOD_PASSWORD },
          }),
        )
      ).AuthenticationResult!;

    const tokens = await signIn();
    await anonymous.send(
      new UpdateUserAttributesCommand({
        AccessToken: tokens.AccessToken,
        UserAttributes: [{ Name: "family_name", Value: "Lovelace" }],
      }),
    );
    const me = await anonymous.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
    expect(me.Username).toBe(username);
    expect(me.UserAttributes).toEqual(expect.arrayContaining([{ Name: "family_name", Value: "Lovelace" }]));

    const refreshed = await anonymous.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: "REFRESH_TOKEN_AUTH",
        AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! },
      }),
    );
    expect(refreshed.AuthenticationResult!.AccessToken).toBeTruthy();
    expect(refreshed.AuthenticationResult!.RefreshToken).toBeUndefined();

    await anonymous.send(new RevokeTokenCommand({ ClientId: clientId, Token: tokens.RefreshToken }));
    expect(await rejectionOf(anonymous.send(new GetUserCommand({ AccessToken: tokens.AccessToken })))).toBeInstanceOf(
      NotAuthorizedException,
    );
    expect(
      await rejectionOf(
        anonymous.send(
          new InitiateAuthCommand({
            ClientId: clientId,
            AuthFlow: "REFRESH_TOKEN_AUTH",
            AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! },
          }),
        ),
      ),
    ).toBeInstanceOf(NotAuthorizedException);

    const second = await signIn();
    await anonymous.send(new GlobalSignOutCommand({ AccessToken: second.AccessToken }));
    const signedOut = await rejectionOf(anonymous.send(new GetUserCommand({ AccessToken: second.AccessToken })));
    expect(signedOut).toBeInstanceOf(NotAuthorizedException);
    expect(signedOut.message).toBe("Access Token has been revoked");
  });

  it("answers bad credentials with AWS's own authentication errors", async () => {
    const { poolId } = await createPool();
    const credentials = await createAwsCredentials(gateway);
    const wrongSecret = cognitoClient(gateway, { ...credentials, secretAccessKey: `${credentials.secretAccessKey}x` });
    const unknownKey = cognitoClient(gateway, {
      accessKeyId: "AKIAIOSFODNN7EXAMPLE",
      secretAccessKey: credentials.secretAccessKey,
    });
    try {
      const badSignature = await rejectionOf(wrongSecret.send(new DescribeUserPoolCommand({ UserPoolId: poolId })));
      expect(badSignature).toBeInstanceOf(CognitoIdentityProviderServiceException);
      expect(badSignature.name).toBe("InvalidSignatureException");
      const unknown = await rejectionOf(unknownKey.send(new DescribeUserPoolCommand({ UserPoolId: poolId })));
      expect(unknown.name).toBe("UnrecognizedClientException");
      expect(unknown.message).toBe("The security token included in the request is invalid.");
    } finally {
      wrongSecret.destroy();
      unknownKey.destroy();
    }
  });
  it("serves the remaining admin, self-service and MFA-setup actions", async () => {
    const { poolId, clientId } = await createPool();
    await admin.send(
      new AddCustomAttributesCommand({
        UserPoolId: poolId,
        CustomAttributes: [{ Name: "tier", AttributeDataType: "String", Mutable: true }],
      }),
    );
    expect(
      (await admin.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!.SchemaAttributes!.map(
        (attribute) => attribute.Name,
      ),
    ).toContain("custom:tier");
    // UpdateUserPoolClient replaces the whole configuration, as Cognito's does: the flows are sent again.
    await admin.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        ClientName: "renamed",
        ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      }),
    );
    const renamed = (await admin.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId })))
      .UserPoolClient!;
    expect(renamed.ClientName).toBe("renamed");
    expect(renamed.ExplicitAuthFlows).toContain("ALLOW_USER_PASSWORD_AUTH");
    const spare = (await admin.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "spare" })))
      .UserPoolClient!;
    await admin.send(new DeleteUserPoolClientCommand({ UserPoolId: poolId, ClientId: spare.ClientId! }));
    expect(
      await rejectionOf(
        admin.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: spare.ClientId! })),
      ),
    ).toBeInstanceOf(ResourceNotFoundException);
    await admin.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: "temp" }));
    expect(
      (await admin.send(new UpdateGroupCommand({ UserPoolId: poolId, GroupName: "temp", Description: "changed" })))
        .Group!.Description,
    ).toBe("changed");
    await admin.send(new DeleteGroupCommand({ UserPoolId: poolId, GroupName: "temp" }));
    expect(
      await rejectionOf(admin.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: "temp" }))),
    ).toBeInstanceOf(ResourceNotFoundException);

    const username = uniqueName("rest");
    const email = `${username}@example.com`;
    await anonymous.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: username,
        Password: GOOD_PASSWORD,
        UserAttributes: [
          { Name: "email", Value: email },
          { Name: "family_name", Value: "Byron" },
        ],
      }),
    );
    expect(
      (await anonymous.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: username })))
        .CodeDeliveryDetails,
    ).toMatchObject({ DeliveryMedium: "EMAIL" });
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: username }));
    await admin.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: poolId,
        Username: username,
        UserAttributes: [
          { Name: "given_name", Value: "Ada" },
          { Name: "email_verified", Value: "false" },
        ],
      }),
    );
    await admin.send(
      new AdminDeleteUserAttributesCommand({
        UserPoolId: poolId,
        Username: username,
        UserAttributeNames: ["given_name"],
      }),
    );
    const adminView = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
    expect(adminView.UserStatus).toBe("CONFIRMED");
    expect(adminView.UserAttributes!.map((attribute) => attribute.Name)).not.toContain("given_name");

    const signIn = async () =>
      (
        await anonymous.send(
          new InitiateAuthCommand({
            ClientId: clientId,
            AuthFlow: "USER_PASSWORD_AUTH",
            AuthParameters: { USERNAME: username, PASSWORD: GOOD_PASSWORD },
          }),
        )
      ).AuthenticationResult!;
    const { AccessToken } = await signIn();
    expect(
      (await anonymous.send(new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: "email" })))
        .CodeDeliveryDetails,
    ).toMatchObject({ AttributeName: "email" });
    const { code } = await latestMessage(gateway, poolId, email);
    await anonymous.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: "email", Code: code! }));
    await anonymous.send(new DeleteUserAttributesCommand({ AccessToken, UserAttributeNames: ["family_name"] }));
    const own = await anonymous.send(new GetUserCommand({ AccessToken }));
    expect(own.UserAttributes).toEqual(expect.arrayContaining([{ Name: "email_verified", Value: "true" }]));
    expect(own.UserAttributes!.map((attribute) => attribute.Name)).not.toContain("family_name");
    await admin.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: username }));
    expect(await rejectionOf(anonymous.send(new GetUserCommand({ AccessToken })))).toBeInstanceOf(
      NotAuthorizedException,
    );

    // MFA required for everyone: the first sign-in sets up an authenticator with the session alone.
    const mfa = await admin.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: poolId,
        MfaConfiguration: "ON",
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
    expect(mfa).toMatchObject({ MfaConfiguration: "ON", SoftwareTokenMfaConfiguration: { Enabled: true } });
    expect((await admin.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }))).MfaConfiguration).toBe("ON");
    const setup = await anonymous.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: username, PASSWORD: GOOD_PASSWORD },
      }),
    );
    expect(setup.ChallengeName).toBe("MFA_SETUP");
    const association = await anonymous.send(new AssociateSoftwareTokenCommand({ Session: setup.Session }));
    const userCode = await generate({ secret: association.SecretCode! });
    const verified = await anonymous.send(
      new VerifySoftwareTokenCommand({ Session: association.Session, UserCode: userCode, FriendlyDeviceName: "phone" }),
    );
    expect(verified.Status).toBe("SUCCESS");
    const done = await anonymous.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: "MFA_SETUP",
        Session: verified.Session,
        ChallengeResponses: { USERNAME: username },
      }),
    );
    const tokens = done.AuthenticationResult!;
    const withTotp = await anonymous.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
    expect(withTotp.UserMFASettingList).toEqual(["SOFTWARE_TOKEN_MFA"]);
    expect(withTotp.MFAOptions).toBeUndefined();

    await anonymous.send(new DeleteUserCommand({ AccessToken: tokens.AccessToken }));
    expect(
      await rejectionOf(admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }))),
    ).toBeInstanceOf(UserNotFoundException);
    const other = uniqueName("reset");
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: other,
        MessageAction: "SUPPRESS",
        UserAttributes: [
          { Name: "email", Value: `${other}@example.com` },
          { Name: "email_verified", Value: "true" },
        ],
      }),
    );
    await admin.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: other,
        Password: GOOD_PASSWORD,
        Permanent: true,
      }),
    );
    await admin.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: other }));
    expect((await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: other }))).UserStatus).toBe(
      "RESET_REQUIRED",
    );
  });
  it("sets trigger endpoints through LambdaConfig and hands ValidationData and ClientMetadata to them", async () => {
    const events: {
      path: string;
      event: { triggerSource: string; request: Record<string, unknown>; response: Record<string, unknown> };
    }[] = [];
    const receiver: Server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      request.on("end", () => {
        const event = JSON.parse(body) as (typeof events)[number]["event"];
        events.push({ path: request.url ?? "", event });
        response.setHeader("content-type", "application/json");
        response.end(
          JSON.stringify({
            ...event,
            response: event.triggerSource === "PreSignUp_SignUp" ? { autoConfirmUser: true } : {},
          }),
        );
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    try {
      const { UserPool } = await admin.send(
        new CreateUserPoolCommand({
          PoolName: uniqueName("triggers"),
          LambdaConfig: {
            PreSignUp: `${base}/pre-sign-up`,
            PreAuthentication: `${base}/pre-auth`,
            PreTokenGenerationConfig: { LambdaVersion: "V2_0", LambdaArn: `${base}/pre-token` },
          },
        }),
      );
      const poolId = UserPool!.Id!;
      expect((await admin.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!.LambdaConfig).toEqual({
        PreSignUp: `${base}/pre-sign-up`,
        PreAuthentication: `${base}/pre-auth`,
        PreTokenGenerationConfig: { LambdaVersion: "V2_0", LambdaArn: `${base}/pre-token` },
      });
      expectData(await gateway.gql(RotateTriggerSecretDocument, { userPoolId: poolId }));
      const { UserPoolClient } = await admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: "app",
          ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        }),
      );
      const clientId = UserPoolClient!.ClientId!;

      const username = uniqueName("hooked");
      const signUp = await anonymous.send(
        new SignUpCommand({
          ClientId: clientId,
          Username: username,
          Password: GOOD_PASSWORD,
          ValidationData: [{ Name: "invite", Value: "abc" }],
          ClientMetadata: { source: "sdk" },
        }),
      );
      expect(signUp.UserConfirmed).toBe(true);
      const preSignUp = events.find((entry) => entry.path === "/pre-sign-up")!.event;
      expect(preSignUp.request).toMatchObject({ validationData: { invite: "abc" }, clientMetadata: { source: "sdk" } });

      await anonymous.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: "USER_PASSWORD_AUTH",
          AuthParameters: { USERNAME: username, PASSWORD: GOOD_PASSWORD },
          ClientMetadata: { screen: "login" },
        }),
      );
      expect(events.find((entry) => entry.path === "/pre-auth")!.event.request).toMatchObject({
        validationData: { screen: "login" },
      });
      expect(events.some((entry) => entry.path === "/pre-token")).toBe(true);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
