import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import { ConfirmSignUpDocument, SignUpDocument } from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

describe.each(BACKENDS)("sign-up on $name", (backend) => {
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend);
  });
  afterAll(async () => gateway?.close());

  it("signs up, sends the templated code to the email and confirms with it", async () => {
    const { poolId, clientId } = await createPoolWithClient(gateway, { autoVerifiedAttributes: ["email"], verificationMessageTemplate: { emailMessage: "Code for you: {####}!", emailSubject: "Welcome" } });
    const username = uniqueName("user");
    const email = `${username}@example.com`;
    const result = expectData(await gateway.gql(SignUpDocument, { input: { clientId, username, password: GOOD_PASSWORD, userAttributes: [{ name: "email", value: email }] } }, null)).signUp;
    expect(result.userConfirmed).toBe(false);
    expect(result.codeDeliveryDetails).toEqual({ destination: `${username[0]}***@e***`, deliveryMedium: "EMAIL", attributeName: "email" });
    const message = await latestMessage(gateway, poolId, email);
    expect(message.subject).toBe("Welcome");
    expect(message.body).toMatch(/^Code for you: \d{6}!$/);
    expect(errorCodes(await gateway.gql(ConfirmSignUpDocument, { input: { clientId, username, confirmationCode: message.code === "000000" ? "111111" : "000000" } }, null))).toEqual(["CodeMismatchException"]);
    expectData(await gateway.gql(ConfirmSignUpDocument, { input: { clientId, username, confirmationCode: message.code! } }, null));
    expect(errorCodes(await gateway.gql(ConfirmSignUpDocument, { input: { clientId, username, confirmationCode: message.code! } }, null))).toEqual(["NotAuthorizedException"]);
  });
});
