import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import {
  AdminCreateUserDocument,
  CreateWebhookSubscriptionDocument,
  InitiateAuthDocument,
  SignUpDocument,
  UpdateUserPoolDocument,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import { expectChallenge } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

describe.each(BACKENDS)("message text and the URLs the gateway calls on $name", (backend) => {
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend);
  });
  afterAll(async () => gateway?.close());

  // Generated temporary passwords draw on symbols that include `$` and `&`: about 1 in 400 was garbled.
  it("puts a temporary password and a user name with `$` patterns into the invitation as they are", async () => {
    const { poolId, clientId } = await createPoolWithClient(gateway, {
      adminCreateUserConfig: {
        allowAdminCreateUserOnly: false,
        inviteMessageTemplate: {
          emailSubject: "Welcome",
          emailMessage: "User {username}, your temporary password is {####} .",
          smsMessage: "User {username}, your temporary password is {####} .",
        },
      },
    });
    for (const temporaryPassword of ["Temp0rary$&Pw", "Temp0rary$$Pw", "Temp0rary$'Pw", "Temp0rary$`Pw"]) {
      const username = `${uniqueName("inv")}$'`;
      const email = `${uniqueName("inv")}@example.com`;
      expectData(
        await gateway.gql(AdminCreateUserDocument, {
          input: {
            userPoolId: poolId,
            username,
            temporaryPassword,
            desiredDeliveryMediums: ["EMAIL"],
            userAttributes: [
              { name: "email", value: email },
              { name: "email_verified", value: "true" },
            ],
          },
        }),
      );
      const { body } = await latestMessage(gateway, poolId, email);
      expect(body).toBe(`User ${username}, your temporary password is ${temporaryPassword} .`);
      const shown = /temporary password is (.*) \.$/.exec(body)![1]!;
      const signIn = await gateway.gql(
        InitiateAuthDocument,
        {
          input: {
            clientId,
            authFlow: "USER_PASSWORD_AUTH",
            authParameters: { USERNAME: username, PASSWORD: shown },
          },
        },
        null,
      );
      expectChallenge(signIn, "NEW_PASSWORD_REQUIRED");
    }
  });

  it("refuses an email address longer than an address can be, where a code would be sent to it", async () => {
    const { clientId } = await createPoolWithClient(gateway, { autoVerifiedAttributes: ["email"] });
    const username = uniqueName("long");
    const signUp = (email: string) =>
      gateway.gql(
        SignUpDocument,
        { input: { clientId, username, password: GOOD_PASSWORD, userAttributes: [{ name: "email", value: email }] } },
        null,
      );
    // 64 + 1 + 255 characters is the longest address; one more is refused as a client fault, on both backends.
    const longest = `${"a".repeat(64)}@${"d".repeat(251)}.com`;
    expect(longest).toHaveLength(320);
    const refused = await signUp(`a${longest}`);
    expect(errorCodes(refused)).toEqual(["InvalidParameterException"]);
    expect(refused.errors![0]!.message).toMatch(/at most 320 characters/);
    expect(expectData(await signUp(longest)).signUp.userConfirmed).toBe(false);
  });

  it("refuses trigger and webhook URLs that carry a user name or password", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const url = "https://user:secret@hooks.example.com/cognito";
    const trigger = await gateway.gql(UpdateUserPoolDocument, {
      userPoolId: poolId,
      input: { lambdaConfig: { preSignUp: url } },
    });
    expect(errorCodes(trigger)).toEqual(["InvalidParameterException"]);
    const webhook = await gateway.gql(CreateWebhookSubscriptionDocument, {
      input: { userPoolId: poolId, url, eventTypes: ["USER_DELETED"] },
    });
    expect(errorCodes(webhook)).toEqual(["InvalidParameterException"]);
    expect(webhook.errors![0]!.message).toMatch(/user name or password/);
  });
});
