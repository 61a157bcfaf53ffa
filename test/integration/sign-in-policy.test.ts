import {
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  UpdateUserPoolCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cognitoClient, createAwsCredentials } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { uniqueName } from "../support/directory.js";
import {
  CreateUserPoolDocument,
  GetUserPoolDocument,
  SetUserPoolMfaConfigDocument,
  UpdateUserPoolDocument,
  type AuthFactorType,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import { expectError } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/** Policies.SignInPolicy (reference-oauth §13.1) on Create/Update/DescribeUserPool and GraphQL. */
describe.each(BACKENDS)("pool sign-in policy on $name", (backend) => {
  let gateway: TestApp;
  let admin: CognitoIdentityProviderClient;
  beforeAll(async () => {
    gateway = await getTestApp(backend);
    admin = cognitoClient(gateway, await createAwsCredentials(gateway));
  });
  afterAll(async () => gateway?.close());

  const REFUSALS: [AuthFactorType[], string][] = [
    [["EMAIL_OTP"], "PASSWORD must be one of the AllowedFirstAuthFactors."],
    [["PASSWORD", "SOFTWARE_TOKEN"], "SOFTWARE_TOKEN is not supported as a first authentication factor."],
    [["PASSWORD", "PASSWORD"], "AllowedFirstAuthFactors must not contain duplicate values."],
    [[], "AllowedFirstAuthFactors must contain between 1 and 5 values."],
  ];

  it("GraphQL: defaults to PASSWORD, takes passwordless factors, refuses what Cognito refuses", async () => {
    const pool = expectData(
      await gateway.gql(CreateUserPoolDocument, { input: { name: uniqueName("sip") } }),
    ).createUserPool;
    expect(pool.signInPolicy).toEqual({ allowedFirstAuthFactors: ["PASSWORD"] });
    const updated = expectData(
      await gateway.gql(UpdateUserPoolDocument, {
        userPoolId: pool.id,
        input: { signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "WEB_AUTHN", "EMAIL_OTP", "SMS_OTP"] } },
      }),
    ).updateUserPool;
    expect(updated.signInPolicy.allowedFirstAuthFactors).toEqual(["PASSWORD", "WEB_AUTHN", "EMAIL_OTP", "SMS_OTP"]);
    expect(
      expectData(await gateway.gql(GetUserPoolDocument, { userPoolId: pool.id })).userPool.signInPolicy
        .allowedFirstAuthFactors,
    ).toEqual(["PASSWORD", "WEB_AUTHN", "EMAIL_OTP", "SMS_OTP"]);
    for (const [factors, message] of REFUSALS) {
      expectError(
        await gateway.gql(UpdateUserPoolDocument, {
          userPoolId: pool.id,
          input: { signInPolicy: { allowedFirstAuthFactors: factors } },
        }),
        "InvalidParameterException",
        message,
      );
    }
    // Passwordless factors and MFA ON exclude each other, whichever comes second.
    const mfaOn =
      "Passwordless first authentication factors (EMAIL_OTP, SMS_OTP, WEB_AUTHN) cannot be allowed while MfaConfiguration is ON.";
    expectError(
      await gateway.gql(SetUserPoolMfaConfigDocument, {
        userPoolId: pool.id,
        input: { mfaConfiguration: "ON", enabledMfas: ["SOFTWARE_TOKEN_MFA"] },
      }),
      "InvalidParameterException",
      mfaOn,
    );
    expectError(
      await gateway.gql(CreateUserPoolDocument, {
        input: {
          name: uniqueName("sip"),
          mfaConfiguration: "ON",
          enabledMfas: ["SOFTWARE_TOKEN_MFA"],
          signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] },
        },
      }),
      "InvalidParameterException",
      mfaOn,
    );
  });

  it("wire: Policies.SignInPolicy in, out, and the same refusals", async () => {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: uniqueName("sipw"),
        Policies: { SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] } },
      }),
    );
    expect(UserPool!.Policies).toMatchObject({
      PasswordPolicy: { MinimumLength: 8 },
      SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] },
    });
    // An update naming only the password policy keeps the sign-in policy.
    await admin.send(
      new UpdateUserPoolCommand({ UserPoolId: UserPool!.Id!, Policies: { PasswordPolicy: { MinimumLength: 10 } } }),
    );
    const described = (await admin.send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id! }))).UserPool!;
    expect(described.Policies?.SignInPolicy?.AllowedFirstAuthFactors).toEqual(["PASSWORD", "EMAIL_OTP"]);
    for (const [factors, message] of REFUSALS.filter(([factors]) => factors.length > 0)) {
      await expect(
        admin.send(
          new UpdateUserPoolCommand({
            UserPoolId: UserPool!.Id!,
            Policies: { SignInPolicy: { AllowedFirstAuthFactors: factors } },
          }),
        ),
      ).rejects.toMatchObject({ name: "InvalidParameterException", message });
    }
    await expect(
      admin.send(
        new UpdateUserPoolCommand({
          UserPoolId: UserPool!.Id!,
          Policies: { SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD", "MAGIC_LINK" as AuthFactorType] } },
        }),
      ),
    ).rejects.toMatchObject({
      name: "InvalidParameterException",
    });
    const { UserPool: plain } = await admin.send(new CreateUserPoolCommand({ PoolName: uniqueName("sipd") }));
    expect(plain!.Policies?.SignInPolicy).toEqual({ AllowedFirstAuthFactors: ["PASSWORD"] });
  });
});
