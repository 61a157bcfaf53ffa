import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import {
  CreateGroupDocument,
  CreateWebhookSubscriptionDocument,
  RotateTriggerSecretDocument,
  SetUserMigrationSourceDocument,
  SignUpDocument,
  WebhookDeliveriesDocument,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import { expectError, passwordSignIn } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { startTriggerReceiver, type TriggerReceiver } from "../support/trigger-receiver.js";

const NOT_ALLOWED = /OUTBOUND_ALLOWED_NETWORKS/;

/**
 * A pool's admin chooses trigger, event-webhook and migration-source URLs; with OUTBOUND_ALLOWED_NETWORKS
 * unset (the default) the gateway calls only public addresses, however the URL spells its host. The
 * receiver listens on loopback: every call it records would be a call the policy let through.
 */
describe.each(BACKENDS)("the outbound address policy by default, on $name", (backend) => {
  let gateway: TestApp;
  let receiver: TriggerReceiver;

  beforeAll(async () => {
    receiver = await startTriggerReceiver();
    gateway = await getTestApp(backend, { env: { OUTBOUND_ALLOWED_NETWORKS: "" } });
  });
  afterAll(async () => {
    await gateway?.close();
    await receiver?.close();
  });

  const receiverPort = () => new URL(receiver.url("/")).port;
  const signUp = (clientId: string) =>
    gateway.gql(
      SignUpDocument,
      {
        input: {
          clientId,
          username: uniqueName("u"),
          password: GOOD_PASSWORD,
          userAttributes: [{ name: "email", value: "someone@example.com" }],
        },
      },
      null,
    );

  it("never calls a trigger on loopback, link-local (cloud metadata) or private addresses, in any spelling of the host", async () => {
    const port = receiverPort();
    const hosts = [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `[::ffff:127.0.0.1]:${port}`,
      `0x7f.1:${port}`,
      `2130706433:${port}`,
      "169.254.169.254",
      "10.0.0.1",
      "[fd00::1]",
    ];
    const before = receiver.received.length;
    const outcomes = await Promise.all(
      hosts.map(async (host) => {
        const { poolId, clientId } = await createPoolWithClient(gateway, {
          lambdaConfig: { preSignUp: `http://${host}/${uniqueName("pre")}` },
        });
        expectData(await gateway.gql(RotateTriggerSecretDocument, { userPoolId: poolId }));
        return signUp(clientId);
      }),
    );
    for (const outcome of outcomes) expectError(outcome, "UnexpectedLambdaException", NOT_ALLOWED);
    expect(receiver.received.length).toBe(before);
  });

  it("records an event webhook to a loopback address as refused and never posts it", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const before = receiver.received.length;
    expectData(
      await gateway.gql(CreateWebhookSubscriptionDocument, {
        input: { userPoolId: poolId, url: receiver.url("/hook"), eventTypes: ["GROUP_CREATED"], description: "x" },
      }),
    );
    expectData(await gateway.gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName: uniqueName("g") } }));
    const deadline = Date.now() + 15_000;
    let delivery;
    while (Date.now() < deadline) {
      [delivery] = expectData(
        await gateway.gql(WebhookDeliveriesDocument, { userPoolId: poolId, first: 10 }),
      ).webhookDeliveries.items;
      if (delivery?.lastError) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(delivery).toMatchObject({ status: expect.not.stringMatching(/SUCCEEDED/), lastResponseStatus: null });
    expect(delivery?.lastError).toMatch(/^refused: 127\.0\.0\.1 is not a public address/);
    expect(receiver.received.length).toBe(before);
  });

  it("refuses a migration source on a loopback address before sending it the password", async () => {
    const { poolId, clientId } = await createPoolWithClient(
      gateway,
      {},
      { explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH"] },
    );
    expectData(
      await gateway.gql(SetUserMigrationSourceDocument, {
        userPoolId: poolId,
        input: {
          endpoint: `http://localhost:${receiverPort()}/`,
          region: "us-east-1",
          sourceUserPoolId: "us-east-1_Source123",
          clientId: "sourceclient0123456789abcd",
        },
      }),
    );
    const before = receiver.received.length;
    const result = await passwordSignIn(gateway, clientId, uniqueName("old"), GOOD_PASSWORD);
    expectError(result, "UnexpectedLambdaException", NOT_ALLOWED);
    expect(receiver.received.length).toBe(before);
  });
});
