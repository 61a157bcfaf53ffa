import { randomBytes } from "node:crypto";
import Sqlite from "better-sqlite3";
import { createConnection } from "mysql2/promise";
import { createServer, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createManualClock, type ManualClock } from "../../src/lib/clock.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import {
  AuditEventsDocument,
  CreateGroupDocument,
  CreateAdminApiKeyDocument,
  CreateUserPoolClientDocument,
  CreateWebhookSubscriptionDocument,
  DeleteUserPoolDocument,
  DeleteWebhookSubscriptionDocument,
  WebhookDeliveriesDocument,
  WebhookSubscriptionsDocument,
  type EventType,
  type WebhookDeliveriesQuery,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import {
  answerVerifier,
  createConfirmedUser,
  expectChallenge,
  expectTokens,
  listEvents,
  refreshSignIn,
  respond,
  startSrp,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

type Delivery = WebhookDeliveriesQuery["webhookDeliveries"]["items"][number];

interface ReceivedRequest {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An HTTP endpoint that records every request and answers with the next scripted status (then 200). */
async function startReceiver(): Promise<{
  url: string;
  requests: ReceivedRequest[];
  script: number[];
  close(): Promise<void>;
}> {
  const requests: ReceivedRequest[] = [];
  const script: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.statusCode = script.shift() ?? 200;
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}/hooks/${uniqueName("r")}`,
    requests,
    script,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * An endpoint that reads every request and never answers (a dead tenant's webhook): each attempt
 * to it lasts the poster's whole timeout. It records the delivery ids it was sent and the most
 * requests it held open at once; `close` drops the held connections, so their attempts fail at once.
 */
async function startBlackHole(): Promise<{
  url: string;
  deliveryIds: string[];
  maxOpen(): number;
  close(): Promise<void>;
}> {
  const deliveryIds: string[] = [];
  let open = 0;
  let maxOpen = 0;
  const server: Server = createServer((req, res) => {
    open++;
    maxOpen = Math.max(maxOpen, open);
    res.on("close", () => open--);
    req.resume();
    req.on("end", () => deliveryIds.push(String(req.headers["webhook-id"])));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}/hooks/${uniqueName("hole")}`,
    deliveryIds,
    maxOpen: () => maxOpen,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The receiver's check, with the standardwebhooks library as a receiver would use it, its wall clock
 * set to `atMs` (the gateway signs with its manual clock, far from the real time). Throws
 * WebhookVerificationError when the library refuses the request.
 */
function verifyAsReceiver(secret: string, request: ReceivedRequest, atMs: number): unknown {
  vi.useFakeTimers({ toFake: ["Date"], now: atMs });
  try {
    return new Webhook(secret).verify(request.body, request.headers as Record<string, string>);
  } finally {
    vi.useRealTimers();
  }
}

/** True when the library accepts the request at the moment it was signed. */
function isValidSignature(secret: string, request: ReceivedRequest): boolean {
  try {
    verifyAsReceiver(secret, request, Number(request.headers["webhook-timestamp"]) * 1000);
    return true;
  } catch (error) {
    if (error instanceof WebhookVerificationError) return false;
    throw error;
  }
}

async function eventually<T>(read: () => Promise<T>, isDone: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Runs SQL on the app's database past the gateway (a second connection). */
async function execSql(app: TestApp, sql: string): Promise<void> {
  const target = app.config.database;
  if (target.dialect === "sqlite") {
    const db = new Sqlite(target.path, { fileMustExist: true });
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
    return;
  }
  const connection = await createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database,
  });
  try {
    await connection.query(sql);
  } finally {
    await connection.end();
  }
}

/**
 * Makes the database itself refuse every delivery row of one subscription (a trigger, past the
 * gateway), as a crash or a failing disk would between the event's INSERT and its deliveries'.
 * Returns the undo.
 */
async function refuseDeliveries(app: TestApp, subscriptionId: string): Promise<() => Promise<void>> {
  expect(subscriptionId).toMatch(/^[a-z0-9]+$/);
  const name = `test_refuse_${subscriptionId}`;
  await execSql(
    app,
    app.config.database.dialect === "sqlite"
      ? `CREATE TRIGGER ${name} BEFORE INSERT ON webhook_deliveries WHEN NEW.subscription_id = '${subscriptionId}' BEGIN SELECT RAISE(ABORT, 'refused by test'); END`
      : `CREATE TRIGGER ${name} BEFORE INSERT ON webhook_deliveries FOR EACH ROW BEGIN IF NEW.subscription_id = '${subscriptionId}' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by test'; END IF; END`,
  );
  return () => execSql(app, `DROP TRIGGER ${name}`);
}

// The manual clock starts far ahead of the wall clock, so deliveries these apps schedule are never
// due for other test apps sharing the MariaDB database (they run on the system clock).
const FAR_FUTURE = new Date("2100-01-01T00:00:00Z");
const DISPATCHER = {
  pollIntervalMs: 25,
  maxAttempts: 4,
  baseBackoffSeconds: 10,
  maxBackoffSeconds: 3600,
  maxInFlightPerSubscription: 5,
};

describe.each(BACKENDS)("event webhooks on $name", (backend) => {
  let gateway: TestApp;
  let clock: ManualClock;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const secretsKey = randomBytes(32).toString("base64");
  const dataDir = mkdtempSync(path.join(tmpdir(), "gw-webhooks-"));

  beforeAll(async () => {
    clock = createManualClock(FAR_FUTURE);
    receiver = await startReceiver();
    gateway = await getTestApp(backend, {
      dataDir,
      env: { SECRETS_KEY: secretsKey },
      overrides: { clock, webhookDispatcher: DISPATCHER },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const deliveriesOf = async (app: TestApp, userPoolId: string, subscriptionId?: string): Promise<Delivery[]> =>
    expectData(await app.gql(WebhookDeliveriesDocument, { userPoolId, subscriptionId, first: 100 })).webhookDeliveries
      .items;

  const subscribe = async (app: TestApp, userPoolId: string, url: string, eventTypes: EventType[]) =>
    expectData(
      await app.gql(CreateWebhookSubscriptionDocument, { input: { userPoolId, url, eventTypes, description: "test" } }),
    ).createWebhookSubscription;

  it("signs each delivery in the Standard Webhooks format (the standardwebhooks library verifies it) and records its success", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const created = await subscribe(gateway, poolId, receiver.url, ["GROUP_CREATED"]);
    // `whsec_` + standard base64 of a 256-bit key: what `new Webhook(secret)` takes as is.
    expect(created.signingSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const before = receiver.requests.length;
    const groupName = uniqueName("g");
    expectData(await gateway.gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName } }));
    // Not subscribed to: no delivery.
    expectData(await gateway.gql(CreateUserPoolClientDocument, { userPoolId: poolId, input: { clientName: "other" } }));

    const [delivery] = await eventually(
      () => deliveriesOf(gateway, poolId),
      (rows) => rows.length === 1 && rows[0]!.status === "SUCCEEDED",
    );
    expect(delivery).toMatchObject({
      subscriptionId: created.subscription.id,
      eventType: "GROUP_CREATED",
      status: "SUCCEEDED",
      attempts: 1,
      lastResponseStatus: 200,
      lastError: null,
      nextAttemptAt: null,
    });
    const request = receiver.requests
      .slice(before)
      .find((candidate) => candidate.headers["webhook-id"] === delivery!.id)!;
    expect(request).toBeDefined();
    expect(request.headers["content-type"]).toBe("application/json");
    expect(Number(request.headers["webhook-timestamp"])).toBe(Math.floor(clock.nowMs() / 1000));
    expect(request.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(request.headers["x-gateway-signature"]).toBeUndefined();
    const atSigning = clock.nowMs();
    expect(verifyAsReceiver(created.signingSecret, request, atSigning)).toMatchObject({
      id: delivery!.id,
      event: { type: "GROUP_CREATED" },
    });
    // The library refuses another secret, a tampered body, a tampered id and a stale timestamp.
    expect(isValidSignature(`whsec_${randomBytes(32).toString("base64")}`, request)).toBe(false);
    expect(
      isValidSignature(created.signingSecret, { ...request, body: request.body.replace(groupName, `${groupName}x`) }),
    ).toBe(false);
    expect(
      isValidSignature(created.signingSecret, {
        ...request,
        headers: { ...request.headers, "webhook-id": `${delivery!.id}x` },
      }),
    ).toBe(false);
    expect(() => verifyAsReceiver(created.signingSecret, request, atSigning + 6 * 60_000)).toThrow(/timestamp too old/);
    expect(() =>
      verifyAsReceiver(
        created.signingSecret,
        {
          ...request,
          headers: { ...request.headers, "webhook-timestamp": String(Math.floor(atSigning / 1000) - 3600) },
        },
        atSigning,
      ),
    ).toThrow(WebhookVerificationError);
    const body = JSON.parse(request.body) as {
      id: string;
      attempt: number;
      event: { type: string; userPoolId: string; seq: number; detail: Record<string, unknown> };
    };
    expect(body).toMatchObject({
      id: delivery!.id,
      attempt: 1,
      event: { type: "GROUP_CREATED", userPoolId: poolId, seq: delivery!.eventSeq, detail: { groupName } },
    });
    expect(request.body).not.toContain(created.signingSecret);

    const listed = expectData(
      await gateway.gql(WebhookSubscriptionsDocument, { userPoolId: poolId }),
    ).webhookSubscriptions;
    expect(listed).toEqual([
      { id: created.subscription.id, url: receiver.url, eventTypes: ["GROUP_CREATED"], description: "test" },
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.signingSecret);
  });

  it("delivers the events sign-in writes outside a transaction (CHALLENGE_ISSUED, TOKENS_REFRESHED)", async () => {
    const { poolId, clientId } = await createPoolWithClient(gateway);
    const created = await subscribe(gateway, poolId, receiver.url, ["CHALLENGE_ISSUED", "TOKENS_REFRESHED"]);
    const { username } = await createConfirmedUser(gateway, poolId, uniqueName("u"), GOOD_PASSWORD);
    const { client, result } = await startSrp(gateway, { poolId, clientId, username });
    const challenge = expectChallenge(result);
    const tokens = expectTokens(
      await respond(gateway, clientId, challenge, answerVerifier(client, challenge, GOOD_PASSWORD, clock)),
    );
    expectTokens(await refreshSignIn(gateway, clientId, tokens.refreshToken!));

    const deliveries = await eventually(
      () => deliveriesOf(gateway, poolId),
      (rows) => rows.length === 2 && rows.every((row) => row.status === "SUCCEEDED"),
    );
    expect(deliveries.map((row) => row.eventType).sort()).toEqual(["CHALLENGE_ISSUED", "TOKENS_REFRESHED"]);
    expect(deliveries.every((row) => row.subscriptionId === created.subscription.id)).toBe(true);
    const bodies = receiver.requests
      .filter((request) => deliveries.some((row) => row.id === request.headers["webhook-id"]))
      .map((request) => JSON.parse(request.body) as { event: { type: string; detail: Record<string, unknown> } });
    expect(bodies.map((body) => body.event).sort((a, b) => a.type.localeCompare(b.type))).toMatchObject([
      { type: "CHALLENGE_ISSUED", detail: { challengeName: "PASSWORD_VERIFIER" } },
      { type: "TOKENS_REFRESHED", detail: { rotated: false } },
    ]);
  });

  it("writes an event outside a transaction together with its delivery or not at all", async () => {
    const { poolId, clientId } = await createPoolWithClient(gateway);
    const created = await subscribe(gateway, poolId, receiver.url, ["CHALLENGE_ISSUED"]);
    const { username } = await createConfirmedUser(gateway, poolId, uniqueName("u"), GOOD_PASSWORD);
    const challengesLogged = async () =>
      (await listEvents(gateway, poolId)).filter((event) => event.type === "CHALLENGE_ISSUED").length;

    const undo = await refuseDeliveries(gateway, created.subscription.id);
    try {
      expect(errorCodes((await startSrp(gateway, { poolId, clientId, username })).result)).toEqual([
        "InternalErrorException",
      ]);
    } finally {
      await undo();
    }
    // The delivery could not be written, so neither was the event: no log entry that a subscriber never hears of.
    expect(await challengesLogged()).toBe(0);

    expectChallenge((await startSrp(gateway, { poolId, clientId, username })).result);
    expect(await challengesLogged()).toBe(1);
    const [delivery] = await eventually(
      () => deliveriesOf(gateway, poolId),
      (rows) => rows.length === 1 && rows[0]!.status === "SUCCEEDED",
    );
    expect(delivery).toMatchObject({ subscriptionId: created.subscription.id, eventType: "CHALLENGE_ISSUED" });
  });

  it("deletes a subscription of the deletion's own event type without a delivery to it; the others get theirs", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const deleting = await subscribe(gateway, poolId, receiver.url, ["GROUP_CREATED", "WEBHOOK_SUBSCRIPTION_DELETED"]);
    const staying = await subscribe(gateway, poolId, receiver.url, ["WEBHOOK_SUBSCRIPTION_DELETED"]);
    // Fills the process's subscription cache with both.
    expectData(await gateway.gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName: uniqueName("g") } }));
    await eventually(
      () => deliveriesOf(gateway, poolId),
      (rows) => rows.length === 1 && rows[0]!.status === "SUCCEEDED",
    );

    expectData(
      await gateway.gql(DeleteWebhookSubscriptionDocument, {
        userPoolId: poolId,
        subscriptionId: deleting.subscription.id,
      }),
    );
    const [delivery] = await eventually(
      () => deliveriesOf(gateway, poolId),
      (rows) => rows.length === 1 && rows[0]!.status === "SUCCEEDED",
    );
    expect(delivery).toMatchObject({
      subscriptionId: staying.subscription.id,
      eventType: "WEBHOOK_SUBSCRIPTION_DELETED",
    });
  });

  // Subscriptions are cached per process; a second process needs the shared database and Redis.
  it.skipIf(backend.name === "embedded")(
    "matches the other process's very next event against a subscription created or deleted here",
    async () => {
      const second = await getTestApp(backend, {
        dataDir,
        env: { SECRETS_KEY: secretsKey },
        overrides: { clock, webhookDispatcher: DISPATCHER },
      });
      try {
        const { poolId, clientId } = await createPoolWithClient(gateway);
        const { username } = await createConfirmedUser(gateway, poolId, uniqueName("u"), GOOD_PASSWORD);
        const challengeOn = async (app: TestApp) =>
          expectChallenge((await startSrp(app, { poolId, clientId, username })).result);
        // Both processes cache the pool's subscriptions: none yet.
        await challengeOn(gateway);
        await challengeOn(second);

        const first = await subscribe(gateway, poolId, receiver.url, ["CHALLENGE_ISSUED"]);
        await challengeOn(second);
        expect((await deliveriesOf(gateway, poolId)).map((row) => [row.subscriptionId, row.eventType])).toEqual([
          [first.subscription.id, "CHALLENGE_ISSUED"],
        ]);

        // Deleted on the second process, replaced by another: this process matches the next event against the new list.
        expectData(
          await second.gql(DeleteWebhookSubscriptionDocument, {
            userPoolId: poolId,
            subscriptionId: first.subscription.id,
          }),
        );
        const replacement = await subscribe(second, poolId, receiver.url, ["CHALLENGE_ISSUED"]);
        await challengeOn(gateway);
        expect((await deliveriesOf(gateway, poolId)).map((row) => row.subscriptionId)).toEqual([
          replacement.subscription.id,
        ]);
        await challengeOn(second);
        expect((await deliveriesOf(gateway, poolId)).map((row) => row.subscriptionId)).toEqual([
          replacement.subscription.id,
          replacement.subscription.id,
        ]);
      } finally {
        await second.close();
      }
    },
  );

  it("retries a failing endpoint with exponential backoff on the injected clock, then succeeds", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const created = await subscribe(gateway, poolId, receiver.url, ["GROUP_CREATED"]);
    receiver.script.push(500, 503);
    expectData(await gateway.gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName: uniqueName("g") } }));

    const firstAttemptAt = clock.nowMs();
    let [delivery] = await eventually(
      () => deliveriesOf(gateway, poolId),
      (rows) => rows[0]?.attempts === 1 && rows[0].lastResponseStatus === 500,
    );
    expect(delivery).toMatchObject({ status: "PENDING", lastError: "HTTP 500" });
    expect(Date.parse(delivery!.nextAttemptAt!)).toBe(firstAttemptAt + 10_000);

    // Not due yet: several dispatcher polls pass without a second attempt.
    clock.advanceSeconds(9);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await deliveriesOf(gateway, poolId))[0]!.attempts).toBe(1);

    clock.advanceSeconds(1);
    [delivery] = await eventually(
      () => deliveriesOf(gateway, poolId),
      (rows) => rows[0]?.attempts === 2 && rows[0].lastResponseStatus === 503,
    );
    expect(Date.parse(delivery!.nextAttemptAt!)).toBe(clock.nowMs() + 20_000);

    clock.advanceSeconds(20);
    [delivery] = await eventually(
      () => deliveriesOf(gateway, poolId),
      (rows) => rows[0]?.status === "SUCCEEDED",
    );
    expect(delivery).toMatchObject({ attempts: 3, lastResponseStatus: 200, lastError: null });

    const attempts = receiver.requests.filter((request) => request.headers["webhook-id"] === delivery!.id);
    expect(attempts.map((request) => (JSON.parse(request.body) as { attempt: number }).attempt)).toEqual([1, 2, 3]);
    for (const request of attempts) expect(isValidSignature(created.signingSecret, request)).toBe(true);
  });

  it("gives up after the last attempt and marks the delivery FAILED", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    await subscribe(gateway, poolId, receiver.url, ["GROUP_CREATED"]);
    receiver.script.push(500, 500, 500, 500);
    expectData(await gateway.gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName: uniqueName("g") } }));
    for (let attempt = 1; attempt < DISPATCHER.maxAttempts; attempt++) {
      await eventually(
        () => deliveriesOf(gateway, poolId),
        (rows) => rows[0]?.attempts === attempt && rows[0].lastResponseStatus === 500,
      );
      clock.advanceSeconds(DISPATCHER.baseBackoffSeconds * 2 ** (attempt - 1));
    }
    const [delivery] = await eventually(
      () => deliveriesOf(gateway, poolId),
      (rows) => rows[0]?.status === "FAILED",
    );
    expect(delivery).toMatchObject({ attempts: DISPATCHER.maxAttempts, lastResponseStatus: 500, nextAttemptAt: null });
    expect(delivery!.completedAt).not.toBeNull();
    const failed = expectData(await gateway.gql(WebhookDeliveriesDocument, { userPoolId: poolId, status: "FAILED" }))
      .webhookDeliveries.items;
    expect(failed.map((row) => row.id)).toEqual([delivery!.id]);
    expect(
      expectData(await gateway.gql(WebhookDeliveriesDocument, { userPoolId: poolId, status: "SUCCEEDED" }))
        .webhookDeliveries.items,
    ).toEqual([]);
  });

  it("records an unreachable endpoint as a failed attempt to retry", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    await subscribe(gateway, poolId, "http://127.0.0.1:9/nothing-listens-here", ["GROUP_CREATED"]);
    expectData(await gateway.gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName: uniqueName("g") } }));
    const [delivery] = await eventually(
      () => deliveriesOf(gateway, poolId),
      (rows) => rows[0]?.attempts === 1 && rows[0].lastError !== null,
    );
    expect(delivery).toMatchObject({ status: "PENDING", lastResponseStatus: null });
    expect(delivery!.lastError).toMatch(/^network error/);
  });

  it("keeps delivering other pools' events promptly while one pool's endpoint never answers, on two processes", async () => {
    const hole = await startBlackHole();
    // A receiver of its own, so no delivery of this pool can take another test's scripted status.
    const fastReceiver = await startReceiver();
    const second = await getTestApp(backend, {
      dataDir,
      env: { SECRETS_KEY: secretsKey },
      overrides: { clock, webhookDispatcher: DISPATCHER },
    });
    const { poolId: slowPoolId } = await createPoolWithClient(gateway);
    const { poolId: fastPoolId } = await createPoolWithClient(gateway);
    const slow = await subscribe(gateway, slowPoolId, hole.url, ["GROUP_CREATED"]);
    const fastSubscription = await subscribe(gateway, fastPoolId, fastReceiver.url, ["GROUP_CREATED"]);
    // Half the events are caused on each process, so both dispatchers wake for them.
    const createGroups = (userPoolId: string, count: number, prefix: string) =>
      Promise.all(
        Array.from({ length: count }, (_, i) =>
          (i % 2 === 0 ? gateway : second)
            .gql(CreateGroupDocument, { input: { userPoolId, groupName: uniqueName(`${prefix}${i}`) } })
            .then(expectData),
        ),
      );
    try {
      // Six old batches' worth of deliveries to the dead endpoint (three per process), each attempt
      // held for the poster's whole 5 s timeout, all due before the other pool's.
      const slowCount = 120;
      for (let done = 0; done < slowCount; done += 10) await createGroups(slowPoolId, 10, "s");
      await eventually(
        async () => hole.deliveryIds.length,
        (count) => count > 0,
      );

      const startedAtMs = Date.now();
      await createGroups(fastPoolId, 6, "f");
      // Behind the dead endpoint's attempts they would wait 5 s per batch of them: at least 10 s.
      // Unblocked, these are local POSTs; the bound is loose for a busy machine.
      const fast = await eventually(
        () => deliveriesOf(gateway, fastPoolId),
        (rows) => rows.length === 6 && rows.every((row) => row.status === "SUCCEEDED"),
        4_500,
      );
      expect(Date.now() - startedAtMs).toBeLessThan(4_500);
      expect(fast.every((row) => row.attempts === 1)).toBe(true);
      expect(fastReceiver.requests.map((request) => String(request.headers["webhook-id"])).sort()).toEqual(
        fast.map((row) => row.id).sort(),
      );

      // The dead endpoint holds no more than its bound on each process, and its deliveries are
      // neither lost nor doubled: all pending, each sent at most once (retries are not due on the
      // manual clock).
      expect(hole.maxOpen()).toBeLessThanOrEqual(2 * DISPATCHER.maxInFlightPerSubscription);
      expect(new Set(hole.deliveryIds).size).toBe(hole.deliveryIds.length);
      const held: Delivery[] = [];
      for (let after: string | null | undefined; ;) {
        const page = expectData(
          await gateway.gql(WebhookDeliveriesDocument, { userPoolId: slowPoolId, first: 100, after }),
        ).webhookDeliveries;
        held.push(...page.items);
        after = page.nextCursor;
        if (!after) break;
      }
      expect(held).toHaveLength(slowCount);
      expect(held.every((row) => row.status === "PENDING" && row.attempts <= 1)).toBe(true);
    } finally {
      // Drops the dead endpoint's pending deliveries: later tests move the clock past their retries.
      for (const [userPoolId, subscriptionId] of [
        [slowPoolId, slow.subscription.id],
        [fastPoolId, fastSubscription.subscription.id],
      ] as const) {
        expectData(await gateway.gql(DeleteWebhookSubscriptionDocument, { userPoolId, subscriptionId }));
      }
      await hole.close();
      await second.close();
      await fastReceiver.close();
    }
  });

  it("loses no pending delivery when the gateway goes down: another process delivers it", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const created = await subscribe(gateway, poolId, receiver.url, ["APP_CLIENT_CREATED"]);
    receiver.script.push(502);
    expectData(await gateway.gql(CreateUserPoolClientDocument, { userPoolId: poolId, input: { clientName: "c" } }));
    await eventually(
      () => deliveriesOf(gateway, poolId),
      (rows) => rows[0]?.attempts === 1 && rows[0].lastResponseStatus === 502,
    );
    await gateway.close();

    // A new process on the same database (and the same SECRETS_KEY), its clock past the backoff.
    clock.advanceSeconds(10);
    gateway = await getTestApp(backend, {
      dataDir,
      env: { SECRETS_KEY: secretsKey },
      overrides: { clock, webhookDispatcher: DISPATCHER },
    });
    const [delivery] = await eventually(
      () => deliveriesOf(gateway, poolId),
      (rows) => rows[0]?.status === "SUCCEEDED",
    );
    expect(delivery).toMatchObject({ subscriptionId: created.subscription.id, attempts: 2, lastResponseStatus: 200 });
  });

  it("sends each delivery once when two processes' dispatchers race for it", async () => {
    const second = await getTestApp(backend, {
      dataDir,
      env: { SECRETS_KEY: secretsKey },
      overrides: { clock, webhookDispatcher: { ...DISPATCHER, pollIntervalMs: 5 } },
    });
    try {
      const { poolId } = await createPoolWithClient(gateway);
      await subscribe(gateway, poolId, receiver.url, ["GROUP_CREATED"]);
      const before = receiver.requests.length;
      // Half the events are caused on each process, so both dispatchers wake for every commit.
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          (i % 2 === 0 ? gateway : second)
            .gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName: uniqueName(`g${i}`) } })
            .then(expectData),
        ),
      );
      const deliveries = await eventually(
        () => deliveriesOf(gateway, poolId),
        (rows) => rows.length === 30 && rows.every((row) => row.status === "SUCCEEDED"),
      );
      expect(deliveries.every((row) => row.attempts === 1)).toBe(true);
      const ids = receiver.requests.slice(before).map((request) => String(request.headers["webhook-id"]));
      expect(ids.sort()).toEqual(deliveries.map((row) => row.id).sort());
    } finally {
      await second.close();
    }
  });

  it("holds a pool to 10 subscriptions when 30 creates race: 10 stored, 20 LimitExceededException", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        gateway.gql(CreateWebhookSubscriptionDocument, {
          input: { userPoolId: poolId, url: receiver.url, eventTypes: ["GROUP_CREATED"] },
        }),
      ),
    );
    const codes = results.map((result) => errorCodes(result)[0] ?? "created");
    expect(codes.filter((code) => code === "created")).toHaveLength(10);
    expect(codes.filter((code) => code !== "created")).toEqual(Array(20).fill("LimitExceededException"));
    expect(
      expectData(await gateway.gql(WebhookSubscriptionsDocument, { userPoolId: poolId })).webhookSubscriptions,
    ).toHaveLength(10);
  });

  it("refuses USER_POOL_DELETED for a webhook (its subscriptions go with the pool); a pool with one stored earlier deletes and records it", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const refused = await gateway.gql(CreateWebhookSubscriptionDocument, {
      input: { userPoolId: poolId, url: receiver.url, eventTypes: ["GROUP_CREATED", "USER_POOL_DELETED"] },
    });
    expect(errorCodes(refused)).toEqual(["InvalidParameterException"]);
    expect(refused.errors![0]!.message).toMatch(/USER_POOL_DELETED/);
    // A subscription stored before the refusal existed; the next create makes the process read it again.
    const stored = await subscribe(gateway, poolId, receiver.url, ["GROUP_CREATED"]);
    expect(stored.subscription.id).toMatch(/^[a-z0-9]+$/);
    await execSql(
      gateway,
      `UPDATE webhook_subscriptions SET event_types = '["GROUP_CREATED","USER_POOL_DELETED"]' WHERE id = '${stored.subscription.id}'`,
    );
    await subscribe(gateway, poolId, receiver.url, ["GROUP_CREATED"]);
    expectData(await gateway.gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName: uniqueName("g") } }));
    expectData(await gateway.gql(DeleteUserPoolDocument, { userPoolId: poolId }));
    const recorded = expectData(
      await gateway.gql(AuditEventsDocument, { userPoolId: poolId, types: ["USER_POOL_DELETED"] }),
    ).events.items;
    expect(recorded.map((event) => event.type)).toEqual(["USER_POOL_DELETED"]);
  });

  it("validates input, scopes keys to their pools and deletes subscriptions with their records", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const { poolId: otherPoolId } = await createPoolWithClient(gateway);
    const bad = async (input: { url: string; eventTypes: ("GROUP_CREATED" | "USER_DELETED")[] }) =>
      errorCodes(await gateway.gql(CreateWebhookSubscriptionDocument, { input: { userPoolId: poolId, ...input } }));
    expect(await bad({ url: "ftp://example.com/hook", eventTypes: ["GROUP_CREATED"] })).toEqual([
      "InvalidParameterException",
    ]);
    expect(await bad({ url: "not a url", eventTypes: ["GROUP_CREATED"] })).toEqual(["InvalidParameterException"]);
    expect(await bad({ url: receiver.url, eventTypes: [] })).toEqual(["InvalidParameterException"]);

    const scoped = expectData(
      await gateway.gql(CreateAdminApiKeyDocument, { input: { name: uniqueName("k"), poolScope: [poolId] } }),
    ).createAdminApiKey.secret;
    expect(
      errorCodes(
        await gateway.gql(
          CreateWebhookSubscriptionDocument,
          { input: { userPoolId: otherPoolId, url: receiver.url, eventTypes: ["GROUP_CREATED"] } },
          scoped,
        ),
      ),
    ).toEqual(["NotAuthorizedException"]);
    expect(errorCodes(await gateway.gql(WebhookDeliveriesDocument, { userPoolId: otherPoolId }, scoped))).toEqual([
      "NotAuthorizedException",
    ]);
    expect(errorCodes(await gateway.gql(WebhookSubscriptionsDocument, { userPoolId: otherPoolId }, scoped))).toEqual([
      "NotAuthorizedException",
    ]);

    const created = await subscribe(gateway, poolId, receiver.url, ["GROUP_CREATED"]);
    expectData(await gateway.gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName: uniqueName("g") } }));
    await eventually(
      () => deliveriesOf(gateway, poolId),
      (rows) => rows[0]?.status === "SUCCEEDED",
    );
    expect(
      errorCodes(
        await gateway.gql(DeleteWebhookSubscriptionDocument, {
          userPoolId: otherPoolId,
          subscriptionId: created.subscription.id,
        }),
      ),
    ).toEqual(["ResourceNotFoundException"]);
    expectData(
      await gateway.gql(
        DeleteWebhookSubscriptionDocument,
        { userPoolId: poolId, subscriptionId: created.subscription.id },
        scoped,
      ),
    );
    expect(
      expectData(await gateway.gql(WebhookSubscriptionsDocument, { userPoolId: poolId })).webhookSubscriptions,
    ).toEqual([]);
    expect(await deliveriesOf(gateway, poolId)).toEqual([]);
    expect(
      errorCodes(
        await gateway.gql(DeleteWebhookSubscriptionDocument, {
          userPoolId: poolId,
          subscriptionId: created.subscription.id,
        }),
      ),
    ).toEqual(["ResourceNotFoundException"]);
  });
});
