import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, type Backend } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import { rawCall } from "../support/aws-clients.js";
import { subscribeToUserEvents } from "../support/event-subscriber.js";
import {
  CreateWebhookSubscriptionDocument,
  DeleteWebhookSubscriptionDocument,
  GetUserPoolDocument,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import {
  createConfirmedUser,
  expectError,
  expectTokens,
  INCORRECT,
  passwordSignIn,
  signInEnv,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const TOKEN = `metrics-${randomBytes(16).toString("hex")}`;

/**
 * signInEnv, on a Redis database of its own: the six wrong passwords here would otherwise count
 * against 127.0.0.1's failure limit in the sign-in suites' database (parallel-guessing allows 20).
 */
function metricsEnv(backend: Backend): Record<string, string> {
  const env = signInEnv(backend);
  if (env.REDIS_URL) {
    const url = new URL(env.REDIS_URL);
    url.pathname = "/10";
    env.REDIS_URL = url.toString();
  }
  return { ...env, METRICS_TOKEN: TOKEN };
}

/** One scrape as `name{labels}` → value (label order as prom-client writes it). */
type Scrape = { text: string; values: Map<string, number> };

async function scrapeAt(url: string, token: string | null): Promise<Scrape> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
  const text = await response.text();
  const values = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    values.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return { text, values };
}

const valueOf = (scrape: Scrape, series: string): number => scrape.values.get(series) ?? 0;
const delta = (before: Scrape, after: Scrape, series: string): number =>
  valueOf(after, series) - valueOf(before, series);

/** A local port nothing listens on: webhook deliveries to it fail and stay pending. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function eventually(read: () => Promise<number>, expected: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value === expected) return;
    if (Date.now() > deadline) throw new Error(`expected ${expected}, still ${value} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.each(BACKENDS)("Prometheus metrics ($name)", (backend) => {
  let gateway: TestApp;
  const scrape = () => scrapeAt(`${gateway.baseUrl}/metrics`, TOKEN);

  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: metricsEnv(backend) });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it("counts requests, sign-ins, lockouts, subscribers and the webhook backlog, and names no pool or user", async () => {
    const { poolId, clientId } = await createPoolWithClient(gateway);
    const alice = uniqueName("alice");
    const mallory = uniqueName("mallory");
    await createConfirmedUser(gateway, poolId, alice, GOOD_PASSWORD);
    await createConfirmedUser(gateway, poolId, mallory, GOOD_PASSWORD);
    const hook = expectData(
      await gateway.gql(CreateWebhookSubscriptionDocument, {
        input: {
          userPoolId: poolId,
          url: `http://127.0.0.1:${await closedPort()}/hook`,
          eventTypes: ["USER_LOCKED_OUT"],
          description: "unreachable",
        },
      }),
    ).createWebhookSubscription;
    const before = await scrape();

    // GraphQL: one success, one failure, one query.
    expectTokens(await passwordSignIn(gateway, clientId, alice, GOOD_PASSWORD));
    expectError(await passwordSignIn(gateway, clientId, alice, "Wrong-Passw0rd!"), "NotAuthorizedException", INCORRECT);
    expectData(await gateway.gql(GetUserPoolDocument, { userPoolId: poolId }));
    // The wire: one sign-in, one unknown action.
    const wire = await rawCall(gateway, "InitiateAuth", {
      ClientId: clientId,
      AuthFlow: "USER_PASSWORD_AUTH",
      AuthParameters: { USERNAME: alice, PASSWORD: GOOD_PASSWORD },
    });
    expect(wire.status).toBe(200);
    expect((await rawCall(gateway, `No${uniqueName("Such")}Action`, {})).status).toBe(400);
    // Five wrong passwords in a row: the fifth starts a lockout (one USER_LOCKED_OUT, one pending delivery).
    for (let attempt = 0; attempt < 5; attempt++)
      expectError(
        await passwordSignIn(gateway, clientId, mallory, "Wrong-Passw0rd!"),
        "NotAuthorizedException",
        INCORRECT,
      );
    // A live subscriber, open then closed.
    const subscriber = subscribeToUserEvents(gateway.url, gateway.adminKey, { userPoolId: poolId });
    const liveSubscribers = async () => valueOf(await scrape(), "gateway_live_subscribers");
    await eventually(liveSubscribers, valueOf(before, "gateway_live_subscribers") + 1);
    await subscriber.close();
    await eventually(liveSubscribers, valueOf(before, "gateway_live_subscribers"));

    const after = await scrape();
    expect(delta(before, after, 'gateway_sign_ins_total{flow="USER_PASSWORD_AUTH",outcome="authenticated"}')).toBe(2);
    expect(
      delta(before, after, 'gateway_sign_ins_total{flow="USER_PASSWORD_AUTH",outcome="NotAuthorizedException"}'),
    ).toBe(6);
    expect(delta(before, after, "gateway_lockouts_total")).toBe(1);
    expect(
      delta(before, after, 'gateway_requests_total{api="graphql",operation="initiateAuth",outcome="ok",code="none"}'),
    ).toBe(1);
    expect(
      delta(
        before,
        after,
        'gateway_requests_total{api="graphql",operation="initiateAuth",outcome="client_error",code="NotAuthorizedException"}',
      ),
    ).toBe(6);
    expect(
      delta(before, after, 'gateway_requests_total{api="graphql",operation="userPool",outcome="ok",code="none"}'),
    ).toBe(1);
    expect(
      delta(before, after, 'gateway_requests_total{api="aws_json",operation="InitiateAuth",outcome="ok",code="none"}'),
    ).toBe(1);
    expect(
      delta(
        before,
        after,
        'gateway_requests_total{api="aws_json",operation="other",outcome="client_error",code="UnknownOperationException"}',
      ),
    ).toBe(1);
    expect(
      delta(
        before,
        after,
        'gateway_request_duration_seconds_count{api="graphql",operation="initiateAuth",outcome="client_error"}',
      ),
    ).toBe(6);
    expect(
      delta(
        before,
        after,
        'gateway_request_duration_seconds_count{api="aws_json",operation="InitiateAuth",outcome="ok"}',
      ),
    ).toBe(1);
    // The scrapes themselves are requests too (the first one is in `before`'s own count only once answered).
    expect(
      delta(before, after, 'gateway_requests_total{api="http",operation="metrics",outcome="ok",code="none"}'),
    ).toBeGreaterThanOrEqual(2);
    // Round trips: every password sign-in reads the user and takes an attempt from the store.
    expect(delta(before, after, 'gateway_database_duration_seconds_count{operation="read"}')).toBeGreaterThanOrEqual(8);
    expect(
      delta(before, after, 'gateway_database_duration_seconds_count{operation="transaction"}'),
    ).toBeGreaterThanOrEqual(6);
    expect(
      delta(before, after, 'gateway_store_duration_seconds_count{operation="takeAttempt"}'),
    ).toBeGreaterThanOrEqual(8);
    expect(valueOf(after, "gateway_srp_queue_depth")).toBe(0);
    // The delivery to the closed port failed and waits for its retry.
    if (backend.name === "embedded") expect(delta(before, after, "gateway_webhook_backlog")).toBe(1);
    else expect(valueOf(after, "gateway_webhook_backlog")).toBeGreaterThanOrEqual(1); // shared MariaDB: other suites' deliveries come and go
    // prom-client's default process metrics.
    expect(after.values.has("process_cpu_user_seconds_total")).toBe(true);
    expect(after.values.has("nodejs_eventloop_lag_seconds")).toBe(true);

    // No pool, client, user or subscription ever appears, in a label or anywhere else.
    for (const secret of [poolId, poolId.split("_")[1]!, clientId, alice, mallory, hook.subscription.id])
      expect(after.text).not.toContain(secret);
    expect(after.text).not.toContain(backend.name === "embedded" ? gateway.config.dataDir : "mariadb://");

    expectData(
      await gateway.gql(DeleteWebhookSubscriptionDocument, {
        userPoolId: poolId,
        subscriptionId: hook.subscription.id,
      }),
    );
  });

  it("answers /metrics on the public port only to METRICS_TOKEN, and 404 otherwise", async () => {
    const url = `${gateway.baseUrl}/metrics`;
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(404);
    expect(await anonymous.json()).toMatchObject({ __type: "NotFoundException" });
    expect((await fetch(url, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(404);
    expect((await fetch(url, { headers: { authorization: `Bearer ${"x".repeat(TOKEN.length)}` } })).status).toBe(404);
    expect((await fetch(url, { headers: { authorization: TOKEN } })).status).toBe(404);
    expect((await scrapeAt(url, TOKEN)).text).toContain("gateway_requests_total");
  });

  it("serves /metrics on METRICS_PORT, and never on the public port then", async () => {
    const separate = await getTestApp(backend, { env: { ...metricsEnv(backend), METRICS_PORT: "0" } });
    try {
      const metricsPort = separate.app.metricsPort!;
      expect(metricsPort).toBeGreaterThan(0);
      expect(metricsPort).not.toBe(separate.app.port);
      const scraped = await scrapeAt(`http://127.0.0.1:${metricsPort}/metrics`, TOKEN);
      expect(scraped.values.has("process_resident_memory_bytes")).toBe(true);
      // The token still guards it; other paths are not served there.
      expect((await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).status).toBe(404);
      expect(
        (await fetch(`http://127.0.0.1:${metricsPort}/graphql`, { headers: { authorization: `Bearer ${TOKEN}` } }))
          .status,
      ).toBe(404);
      // The public port answers 404 even to the right token.
      expect(
        (await fetch(`${separate.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status,
      ).toBe(404);
    } finally {
      await separate.close();
    }
    // Closed with the app.
    await expect(fetch(`http://127.0.0.1:${separate.app.metricsPort}/metrics`)).rejects.toThrow();
  });
});
