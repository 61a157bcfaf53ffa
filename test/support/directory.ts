import { expect } from "vitest";
import {
  AdminGetUserDocument,
  CreateUserPoolClientDocument,
  CreateUserPoolDocument,
  SentMessagesDocument,
  type CreateUserPoolClientInput,
  type CreateUserPoolInput,
} from "./generated/graphql.js";
import { expectData } from "./graphql-client.js";
import type { TestApp } from "./test-app.js";

let counter = 0;
/** A name unique across parallel tests and runs, safe for usernames and emails. */
export const uniqueName = (prefix: string): string =>
  `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** A pool and an app client of its own, for one test. */
export async function createPoolWithClient(
  gateway: TestApp,
  poolInput: Partial<CreateUserPoolInput> = {},
  clientInput: Partial<CreateUserPoolClientInput> = {},
): Promise<{ poolId: string; clientId: string; clientSecret: string | null }> {
  const pool = expectData(
    await gateway.gql(CreateUserPoolDocument, { input: { name: uniqueName("pool"), ...poolInput } }),
  ).createUserPool;
  const client = expectData(
    await gateway.gql(CreateUserPoolClientDocument, {
      userPoolId: pool.id,
      input: {
        clientName: "app",
        explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        ...clientInput,
      },
    }),
  ).createUserPoolClient;
  return { poolId: pool.id, clientId: client.clientId, clientSecret: client.clientSecret ?? null };
}

/** The newest message in the outbox for a destination, and the 6-digit code in it. */
export async function latestMessage(
  gateway: TestApp,
  poolId: string,
  destination: string,
): Promise<{ body: string; subject: string | null; code: string | null; purpose: string; deliveryMedium: string }> {
  const messages = expectData(await gateway.gql(SentMessagesDocument, { userPoolId: poolId, destination, first: 60 }))
    .sentMessages.items;
  const message = messages[messages.length - 1];
  expect(message, `a message to ${destination}`).toBeDefined();
  return { ...message!, code: /\b(\d{6})\b/.exec(message!.body)?.[1] ?? null };
}

/** A user's status and attributes as AdminGetUser answers them, one record (`userStatus` beside the attributes). */
export async function statusAndAttributesOf(
  gateway: TestApp,
  poolId: string,
  username: string,
): Promise<Record<string, string>> {
  const user = expectData(await gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username })).adminGetUser;
  return {
    userStatus: user.userStatus,
    ...Object.fromEntries(user.attributes.map((attribute) => [attribute.name, attribute.value])),
  };
}

export const GOOD_PASSWORD = "Corr3ct-Horse!";
