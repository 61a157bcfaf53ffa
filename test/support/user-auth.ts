import { expect } from "vitest";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "./directory.js";
import {
  AdminUpdateUserAttributesDocument,
  InitiateAuthDocument,
  SentMessagesDocument,
  type AuthParametersInput,
  type CreateUserPoolClientInput,
  type CreateUserPoolInput,
} from "./generated/graphql.js";
import { expectData } from "./graphql-client.js";
import { createConfirmedUser } from "./sign-in.js";
import type { TestApp } from "./test-app.js";

/** A pool whose USER_AUTH offers every first factor but passkeys. */
export const PASSWORDLESS_POOL: Partial<CreateUserPoolInput> = {
  signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP", "SMS_OTP"] },
};
/** A client that allows USER_AUTH (and hides users, as Cognito's console creates clients). */
export const USER_AUTH_CLIENT: Partial<CreateUserPoolClientInput> = {
  explicitAuthFlows: ["ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
  preventUserExistenceErrors: "ENABLED",
};

/** A pool, a USER_AUTH client and a CONFIRMED user with a password, an email and a phone number (both unverified). */
export async function userAuthSetup(
  gateway: TestApp,
  poolInput: Partial<CreateUserPoolInput> = PASSWORDLESS_POOL,
  clientInput: Partial<CreateUserPoolClientInput> = USER_AUTH_CLIENT,
) {
  const { poolId, clientId, clientSecret } = await createPoolWithClient(gateway, poolInput, clientInput);
  const username = uniqueName("ua");
  const email = `${username}@example.com`;
  const phone = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  const { sub } = await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD, [
    { name: "email", value: email },
    { name: "phone_number", value: phone },
  ]);
  return { poolId, clientId, clientSecret, username, sub, email, phone };
}

/** InitiateAuth USER_AUTH over GraphQL, unauthenticated, as a browser would call it. */
export const userAuth = (gateway: TestApp, clientId: string, authParameters: AuthParametersInput, session?: string) =>
  gateway.gql(
    InitiateAuthDocument,
    { input: { clientId, authFlow: "USER_AUTH", authParameters, ...(session ? { session } : {}) } },
    null,
  );

/** The 8-digit code of the newest message to a destination, read from the outbox as the MFA tests read theirs. */
export async function latestOtp(
  gateway: TestApp,
  poolId: string,
  destination: string,
): Promise<{ code: string; purpose: string; deliveryMedium: string; count: number }> {
  const messages = expectData(await gateway.gql(SentMessagesDocument, { userPoolId: poolId, destination, first: 60 }))
    .sentMessages.items;
  const message = messages[messages.length - 1];
  expect(message, `a message to ${destination}`).toBeDefined();
  const code = /\b(\d{8})\b/.exec(message!.body)?.[1];
  expect(code, message!.body).toBeDefined();
  return { code: code!, purpose: message!.purpose, deliveryMedium: message!.deliveryMedium, count: messages.length };
}

/** How many messages went to a destination so far. */
export async function messageCount(gateway: TestApp, poolId: string, destination: string): Promise<number> {
  return expectData(await gateway.gql(SentMessagesDocument, { userPoolId: poolId, destination, first: 60 }))
    .sentMessages.items.length;
}

/** An 8-digit code surely not `code`. */
export const otherCode = (code: string) => (code === "00000000" ? "00000001" : "00000000");

export const setAttributes = async (
  gateway: TestApp,
  poolId: string,
  username: string,
  attributes: { name: string; value: string }[],
) =>
  expectData(
    await gateway.gql(AdminUpdateUserAttributesDocument, {
      input: { userPoolId: poolId, username, userAttributes: attributes },
    }),
  );
