import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/core/ports.js";
import { BACKENDS, withClusterBackend } from "../support/backends.js";
import { createPoolWithClient, uniqueName } from "../support/directory.js";
import { subscribeToUserEvents, type LiveEvent } from "../support/event-subscriber.js";
import {
  AuditEventsDocument,
  CreateAdminApiKeyDocument,
  CreateGroupDocument,
  CreateUserPoolClientDocument,
  CreateWebhookSubscriptionDocument,
  type AuditEventsQuery,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

type AuditEvent = AuditEventsQuery["events"]["items"][number];

describe.each(BACKENDS)("live user events on $name", (backend) => {
  let gateway: TestApp;

  beforeAll(async () => {
    gateway = await getTestApp(backend);
  });
  afterAll(async () => {
    await gateway?.close();
  });

  const createGroups = async (app: TestApp, userPoolId: string, count: number): Promise<string[]> => {
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      const groupName = uniqueName("g");
      expectData(await app.gql(CreateGroupDocument, { input: { userPoolId, groupName } }));
      names.push(groupName);
    }
    return names;
  };

  /** The pool's whole log, oldest first, from the audit query. */
  const auditLog = async (app: TestApp, userPoolId: string): Promise<AuditEvent[]> => {
    const items: AuditEvent[] = [];
    let after: string | null = null;
    do {
      const page: AuditEventsQuery["events"] = expectData(
        await app.gql(AuditEventsDocument, { userPoolId, first: 1000, after }),
      ).events;
      items.push(...page.items);
      after = page.nextCursor;
    } while (after);
    return items.reverse();
  };

  const latestCursor = async (userPoolId: string) => (await auditLog(gateway, userPoolId)).at(-1)!.cursor;

  it("replays stored events after the cursor, then goes live, across a disconnect with no loss and no duplicate", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const start = await latestCursor(poolId);

    const first = subscribeToUserEvents(gateway.url, gateway.adminKey, { userPoolId: poolId, after: start });
    const firstNames = await createGroups(gateway, poolId, 5);
    await first.waitFor((events) => events.length >= 5);
    await first.close();
    const resumeFrom = first.events.at(-1)!.cursor;

    // While nobody listens: these must come back by replay.
    const missedNames = await createGroups(gateway, poolId, 7);
    const second = subscribeToUserEvents(gateway.url, gateway.adminKey, { userPoolId: poolId, after: resumeFrom });
    // Written while the second subscriber replays and goes live: the seam.
    const seamNames = await createGroups(gateway, poolId, 6);
    await second.waitFor((events) => events.length >= missedNames.length + seamNames.length);
    const laterNames = await createGroups(gateway, poolId, 3);
    await second.waitFor((events) => events.length >= missedNames.length + seamNames.length + laterNames.length);
    // Give a duplicate the chance to show up before checking there is none.
    await createGroups(gateway, poolId, 1);
    await second.waitFor((events) => events.length >= missedNames.length + seamNames.length + laterNames.length + 1);
    await second.close();

    const log = await auditLog(gateway, poolId);
    const afterStart = log.slice(log.findIndex((event) => event.cursor === start) + 1);
    const received = [...first.events, ...second.events];
    expect(received.map((event) => event.seq)).toEqual(afterStart.map((event) => event.seq));
    expect(received.map((event) => event.detail.groupName)).toEqual([
      ...firstNames,
      ...missedNames,
      ...seamNames,
      ...laterNames,
      expect.any(String),
    ]);
    expect(new Set(received.map((event) => event.seq)).size).toBe(received.length);
    for (const event of received) {
      expect(event.userPoolId).toBe(poolId);
      expect(event.type).toBe("GROUP_CREATED");
    }
  });

  it("delivers only the requested types, in order, and only the subscribed pool's events", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const { poolId: otherPoolId } = await createPoolWithClient(gateway);
    const subscriber = subscribeToUserEvents(gateway.url, gateway.adminKey, {
      userPoolId: poolId,
      types: ["APP_CLIENT_CREATED"],
      after: await latestCursor(poolId),
    });
    await createGroups(gateway, poolId, 2);
    await createGroups(gateway, otherPoolId, 2);
    for (const clientName of ["one", "two", "three"]) {
      expectData(await gateway.gql(CreateUserPoolClientDocument, { userPoolId: poolId, input: { clientName } }));
      expectData(await gateway.gql(CreateUserPoolClientDocument, { userPoolId: otherPoolId, input: { clientName } }));
    }
    const events = await subscriber.waitFor((received) => received.length >= 3);
    await subscriber.close();
    expect(events.map((event) => event.type)).toEqual([
      "APP_CLIENT_CREATED",
      "APP_CLIENT_CREATED",
      "APP_CLIENT_CREATED",
    ]);
    expect(events.map((event) => event.detail.clientName)).toEqual(["one", "two", "three"]);
    expect(events.every((event) => event.userPoolId === poolId)).toBe(true);
    expect(events.map((event) => event.seq)).toEqual([...events.map((event) => event.seq)].sort((a, b) => a - b));
  });

  it("goes live without a cursor", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const subscriber = subscribeToUserEvents(gateway.url, gateway.adminKey, { userPoolId: poolId });
    // Without a cursor only events after the subscription started count; keep producing until one arrives.
    const deadline = Date.now() + 10_000;
    while (subscriber.events.length === 0 && Date.now() < deadline) {
      await createGroups(gateway, poolId, 1);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await subscriber.close();
    expect(subscriber.events.length).toBeGreaterThan(0);
    expect(subscriber.events[0]!.type).toBe("GROUP_CREATED");
  });

  it("lets a scoped key subscribe to its own pool only, and nobody without a key", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const { poolId: otherPoolId } = await createPoolWithClient(gateway);
    const scoped = expectData(
      await gateway.gql(CreateAdminApiKeyDocument, { input: { name: uniqueName("scoped"), poolScope: [poolId] } }),
    ).createAdminApiKey.secret;

    const refused = subscribeToUserEvents(gateway.url, scoped, { userPoolId: otherPoolId });
    expect((await refused.waitForErrors()).map((error) => error.extensions?.code)).toEqual(["NotAuthorizedException"]);
    await refused.close();

    const anonymous = subscribeToUserEvents(gateway.url, null, { userPoolId: poolId });
    expect((await anonymous.waitForErrors()).map((error) => error.extensions?.code)).toEqual([
      "NotAuthorizedException",
    ]);
    await anonymous.close();

    const wrongKey = subscribeToUserEvents(gateway.url, `${scoped}x`, { userPoolId: poolId });
    expect((await wrongKey.waitForErrors()).map((error) => error.extensions?.code)).toEqual(["NotAuthorizedException"]);
    await wrongKey.close();

    const allowed = subscribeToUserEvents(gateway.url, scoped, {
      userPoolId: poolId,
      after: await latestCursor(poolId),
    });
    await createGroups(gateway, otherPoolId, 1);
    await createGroups(gateway, poolId, 1);
    const events = await allowed.waitFor((received) => received.length >= 1);
    await allowed.close();
    expect(events[0]!.userPoolId).toBe(poolId);
    expect(events.every((event) => event.userPoolId === poolId)).toBe(true);
  });

  it("rejects a forged cursor, an unknown type and an unknown pool", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const forged = subscribeToUserEvents(gateway.url, gateway.adminKey, { userPoolId: poolId, after: "not-a-cursor!" });
    expect((await forged.waitForErrors()).map((error) => error.extensions?.code)).toEqual([
      "InvalidParameterException",
    ]);
    await forged.close();
    const unknownPool = subscribeToUserEvents(gateway.url, gateway.adminKey, { userPoolId: "local_doesNotExist1" });
    expect((await unknownPool.waitForErrors()).map((error) => error.extensions?.code)).toEqual([
      "ResourceNotFoundException",
    ]);
    await unknownPool.close();
    const badType = subscribeToUserEvents(gateway.url, gateway.adminKey, {
      userPoolId: poolId,
      types: ["NOT_A_TYPE" as never],
    });
    expect((await badType.waitForErrors()).length).toBeGreaterThan(0);
    await badType.close();
  });

  it("puts no secret in any payload (client secrets, webhook signing secrets)", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const subscriber = subscribeToUserEvents(gateway.url, gateway.adminKey, {
      userPoolId: poolId,
      after: await latestCursor(poolId),
    });
    const client = expectData(
      await gateway.gql(CreateUserPoolClientDocument, {
        userPoolId: poolId,
        input: { clientName: "confidential", generateSecret: true },
      }),
    ).createUserPoolClient;
    const webhook = expectData(
      await gateway.gql(CreateWebhookSubscriptionDocument, {
        input: { userPoolId: poolId, url: "http://127.0.0.1:9/hook", eventTypes: ["USER_DELETED"] },
      }),
    ).createWebhookSubscription;
    const events: LiveEvent[] = await subscriber.waitFor((received) =>
      received.some((event) => event.type === "WEBHOOK_SUBSCRIPTION_CREATED"),
    );
    await subscriber.close();
    const text = JSON.stringify(events);
    expect(client.clientSecret).toBeTruthy();
    expect(text).not.toContain(client.clientSecret!);
    expect(text).not.toContain(webhook.signingSecret);
    expect(events.map((event) => event.type)).toEqual(["APP_CLIENT_CREATED", "WEBHOOK_SUBSCRIPTION_CREATED"]);
  });
});

describe.each(BACKENDS)("a live subscriber that falls behind during its replay on $name", (backend) => {
  it("is cut off once the live events held back during its replay pass maxQueued", async () => {
    // The replay's reads of one pool wait for the test: the subscriber stays in its replay, as one
    // that stops reading mid-replay does, and every live event of the pool is held back meanwhile.
    // (They wait outside the read: SQLite's reads take turns with every other query.)
    let gatedPoolId = "";
    let isReplayHeld = true;
    let releaseReplay = () => undefined as void;
    const replayGate = new Promise<void>((resolve) => (releaseReplay = resolve));
    const wrapDatabase = (db: Database): Database => ({
      ...db,
      async read(work) {
        for (;;) {
          let isGated = false;
          try {
            return await db.read((repositories) =>
              work({
                ...repositories,
                events: {
                  ...repositories.events,
                  list: (filter, page) => {
                    isGated = isReplayHeld && filter.poolId === gatedPoolId && page.throughSeq !== undefined;
                    if (isGated) return Promise.reject(new Error("replay held by the test"));
                    return repositories.events.list(filter, page);
                  },
                },
              }),
            );
          } catch (error) {
            if (!isGated) throw error;
            await replayGate;
          }
        }
      },
    });
    const app = await getTestApp(backend, { overrides: { liveEvents: { maxQueued: 5 }, wrapDatabase } });
    try {
      const { poolId } = await createPoolWithClient(app);
      const after = expectData(await app.gql(AuditEventsDocument, { userPoolId: poolId, first: 1 })).events.items[0]!
        .cursor;
      gatedPoolId = poolId;
      const subscriber = subscribeToUserEvents(app.url, app.adminKey, { userPoolId: poolId, after });
      // A group created before the subscriber registered with the feed is replayed, not held: create
      // them until the stream ends (the sixth held-back event passes maxQueued).
      for (let i = 0; i < 20 && !subscriber.errors; i++) {
        expectData(await app.gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName: uniqueName("g") } }));
      }
      // Ended with LimitExceededException, with nothing delivered.
      expect((await subscriber.waitForErrors(5_000)).map((error) => error.extensions?.code)).toEqual([
        "LimitExceededException",
      ]);
      expect(subscriber.events).toEqual([]);
      await subscriber.close();
    } finally {
      isReplayHeld = false;
      releaseReplay();
      await app.close();
    }
  });
});

const crossProcessBackends = withClusterBackend(BACKENDS, "live user events across gateway processes").filter(
  (backend) => backend.name !== "embedded",
);
describe.each(crossProcessBackends)("live user events across gateway processes on $name", (backend) => {
  let producer: TestApp;
  let consumer: TestApp;

  beforeAll(async () => {
    producer = await getTestApp(backend);
    // The consumer's fallback poll is off: only a note through Redis can wake it.
    consumer = await getTestApp(backend, { overrides: { eventFeed: { idlePollMs: 3_600_000 } } });
  });
  afterAll(async () => {
    await producer?.close();
    await consumer?.close();
  });

  it("delivers an event caused on process A to a subscriber on process B within one second", async () => {
    const { poolId } = await createPoolWithClient(producer);
    const start = expectData(await consumer.gql(AuditEventsDocument, { userPoolId: poolId, first: 1 })).events.items[0]!
      .cursor;
    const subscriber = subscribeToUserEvents(consumer.url, consumer.adminKey, { userPoolId: poolId, after: start });
    // Let the subscription settle (replay of nothing), then measure commit → delivery one by one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const latenciesMs: number[] = [];
    for (let i = 0; i < 10; i++) {
      const before = subscriber.events.length;
      const sentAt = performance.now();
      expectData(
        await producer.gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName: uniqueName("x") } }),
      );
      await subscriber.waitFor((events) => events.length > before, 5_000);
      latenciesMs.push(subscriber.arrivalsMs[before]! - sentAt);
    }
    await subscriber.close();
    expect(subscriber.events).toHaveLength(10);
    expect(Math.max(...latenciesMs)).toBeLessThan(1000);
  });
});
