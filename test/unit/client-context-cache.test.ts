import { describe, expect, it } from "vitest";
import type { AppClient } from "../../src/core/clients/app-client.types.js";
import { CLIENT_CONTEXT_CHANNEL, createClientContextCache } from "../../src/core/clients/client-context-cache.js";
import type { UserPool } from "../../src/core/pools/user-pool.types.js";
import type { Database, Repositories, ShortLivedStore } from "../../src/core/ports.js";
import type { WebhookSubscription } from "../../src/core/webhooks/webhook.types.js";
import { createMemoryShortLivedStore } from "../../src/infra/memory/short-lived-store.js";
import { createManualClock } from "../../src/lib/clock.js";

/**
 * The cache's freshness rules over an in-memory store and a fake database that counts its reads
 * and can hold a read open. Cross-process delivery over Redis is tested end to end in
 * test/integration/client-context-cache.test.ts.
 */
function createFakeDatabase() {
  const clients = new Map<string, { clientId: string; poolId: string; clientName: string }>([
    ["client1", { clientId: "client1", poolId: "pool_A", clientName: "one" }],
    ["client2", { clientId: "client2", poolId: "pool_A", clientName: "two" }],
    ["client3", { clientId: "client3", poolId: "pool_B", clientName: "three" }],
  ]);
  const pools = new Map<string, { id: string; name: string }>([
    ["pool_A", { id: "pool_A", name: "A" }],
    ["pool_B", { id: "pool_B", name: "B" }],
  ]);
  /** Webhook subscription ids by pool. */
  const subscriptions = new Map<string, string[]>([["pool_A", ["hook1"]]]);
  let reads = 0;
  let subscriptionReads = 0;
  let gate: Promise<void> | null = null;
  const listSubscriptions = async (poolId: string) =>
    (subscriptions.get(poolId) ?? []).map(
      (id) => ({ id, poolId, eventTypes: ["GROUP_CREATED"] }) as unknown as WebhookSubscription,
    );
  const repositories = {
    clients: {
      findById: async (clientId: string) =>
        clients.has(clientId) ? ({ ...clients.get(clientId)! } as unknown as AppClient) : null,
    },
    pools: {
      findById: async (poolId: string) =>
        pools.has(poolId) ? ({ ...pools.get(poolId)! } as unknown as UserPool) : null,
    },
    webhooks: { listSubscriptions },
  } as unknown as Repositories;
  const db = {
    async read<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
      reads++;
      const result = await work(repositories);
      if (gate) await gate;
      return result;
    },
  } as unknown as Database;
  return {
    db,
    clients,
    pools,
    subscriptions,
    /** A subscriptions read as the pipeline does it, on its own repositories (counted apart from `reads`). */
    loadSubscriptions: (poolId: string) => {
      subscriptionReads++;
      return listSubscriptions(poolId);
    },
    subscriptionReads: () => subscriptionReads,
    reads: () => reads,
    /** Holds every read's answer until the returned function is called (the read has already happened). */
    hold(): () => void {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
  };
}

const clientNameOf = async (cache: ReturnType<typeof createClientContextCache>, clientId: string) =>
  (await cache.get(clientId)).client.clientName;

describe("client context cache", () => {
  it("reads a client and its pool once, then serves them from memory, frozen", async () => {
    const fake = createFakeDatabase();
    const cache = createClientContextCache({
      db: fake.db,
      store: createMemoryShortLivedStore({ clock: createManualClock() }),
    });
    await cache.start();
    const first = await cache.get("client1");
    const again = await Promise.all([cache.get("client1"), cache.get("client1")]);
    expect(fake.reads()).toBe(1);
    expect(again[0]).toBe(first);
    expect(Object.isFrozen(first.client) && Object.isFrozen(first.pool)).toBe(true);
  });

  it("reads again after the client is invalidated, and drops every client of an invalidated pool", async () => {
    const fake = createFakeDatabase();
    const cache = createClientContextCache({
      db: fake.db,
      store: createMemoryShortLivedStore({ clock: createManualClock() }),
    });
    await cache.start();
    await Promise.all(["client1", "client2", "client3"].map((id) => cache.get(id)));
    expect(fake.reads()).toBe(3);

    fake.clients.get("client1")!.clientName = "renamed";
    await cache.invalidateClient("client1");
    expect(await clientNameOf(cache, "client1")).toBe("renamed");
    expect(fake.reads()).toBe(4);

    await cache.invalidatePool("pool_A");
    await Promise.all(["client1", "client2", "client3"].map((id) => cache.get(id)));
    // client1 and client2 are pool_A's; client3 (pool_B) stayed cached.
    expect(fake.reads()).toBe(6);
  });

  it("does not cache what a read saw before an invalidation that arrived while it was in flight", async () => {
    const fake = createFakeDatabase();
    const cache = createClientContextCache({
      db: fake.db,
      store: createMemoryShortLivedStore({ clock: createManualClock() }),
    });
    await cache.start();
    const release = fake.hold();
    const stale = cache.get("client1");
    // The read has happened (its answer is held): the change and its invalidation come after it.
    await new Promise((resolve) => setImmediate(resolve));
    fake.clients.get("client1")!.clientName = "changed";
    await cache.invalidateClient("client1");
    release();
    expect((await stale).client.clientName).toBe("one");
    expect(await clientNameOf(cache, "client1")).toBe("changed");
  });

  it("drops an entry when another process announces a change on the store's channel, and everything on a message it cannot read", async () => {
    const fake = createFakeDatabase();
    const store = createMemoryShortLivedStore({ clock: createManualClock() });
    const cache = createClientContextCache({ db: fake.db, store });
    await cache.start();
    await Promise.all([cache.get("client1"), cache.get("client3")]);
    fake.clients.get("client1")!.clientName = "elsewhere";
    await store.publish(CLIENT_CONTEXT_CHANNEL, JSON.stringify({ kind: "client", id: "client1" }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(await clientNameOf(cache, "client1")).toBe("elsewhere");
    expect(fake.reads()).toBe(3);

    fake.clients.get("client3")!.clientName = "garbled";
    await store.publish(CLIENT_CONTEXT_CHANNEL, "not json");
    await new Promise((resolve) => setImmediate(resolve));
    expect(await clientNameOf(cache, "client3")).toBe("garbled");
  });

  it("drops everything when the store reports a gap in its subscription", async () => {
    const fake = createFakeDatabase();
    const memory = createMemoryShortLivedStore({ clock: createManualClock() });
    let reportGap: (() => void) | undefined;
    const store: ShortLivedStore = {
      ...memory,
      subscribe: async (channel, onMessage, options) => {
        reportGap = options?.onGap;
        return memory.subscribe(channel, onMessage);
      },
    };
    const cache = createClientContextCache({ db: fake.db, store });
    await cache.start();
    await cache.get("client1");
    fake.clients.get("client1")!.clientName = "missed";
    reportGap!();
    expect(await clientNameOf(cache, "client1")).toBe("missed");
  });

  it("caches nothing while it cannot subscribe, and starts caching once a later attempt succeeds", async () => {
    const fake = createFakeDatabase();
    const memory = createMemoryShortLivedStore({ clock: createManualClock() });
    let storeUp = false;
    const store: ShortLivedStore = {
      ...memory,
      subscribe: async (channel, onMessage) => {
        if (!storeUp) throw new Error("store unreachable");
        return memory.subscribe(channel, onMessage);
      },
    };
    const cache = createClientContextCache({ db: fake.db, store });
    await expect(cache.start()).resolves.toBeUndefined();
    await cache.get("client1");
    await cache.get("client1");
    expect(fake.reads()).toBe(2);

    storeUp = true;
    // This miss retries the subscription; what it read predates the subscription, so it is not kept.
    await cache.get("client1");
    await new Promise((resolve) => setImmediate(resolve));
    await cache.get("client1");
    await cache.get("client1");
    expect(fake.reads()).toBe(4);
  });

  it("refuses a malformed client id without reading, and reports a missing client as ResourceNotFoundException", async () => {
    const fake = createFakeDatabase();
    const cache = createClientContextCache({
      db: fake.db,
      store: createMemoryShortLivedStore({ clock: createManualClock() }),
    });
    await cache.start();
    await expect(cache.get("not a client id")).rejects.toMatchObject({ code: "InvalidParameterException" });
    expect(fake.reads()).toBe(0);
    await expect(cache.get("nosuchclient")).rejects.toMatchObject({ code: "ResourceNotFoundException" });
  });

  it("keeps pools by id for admin calls: read once, dropped with their pool's invalidation or another connection's commit, never kept when missing", async () => {
    const fake = createFakeDatabase();
    let poolReads = 0;
    const readPool = (poolId: string) => async () => {
      poolReads++;
      return fake.pools.has(poolId) ? ({ ...fake.pools.get(poolId)! } as unknown as UserPool) : null;
    };
    let dataVersion = 1;
    const store = createMemoryShortLivedStore({ clock: createManualClock() });
    const cache = createClientContextCache({ db: fake.db, store, outsideCommits: { count: () => dataVersion } });
    const otherProcess = createClientContextCache({ db: fake.db, store });
    await Promise.all([cache.start(), otherProcess.start()]);
    const first = await cache.pool("pool_A", readPool("pool_A"));
    expect(await cache.pool("pool_A", readPool("pool_A"))).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(await cache.pool("pool_Z", readPool("pool_Z"))).toBeNull();
    expect(await cache.pool("pool_Z", readPool("pool_Z"))).toBeNull();
    expect(poolReads).toBe(3);

    fake.pools.get("pool_A")!.name = "renamed";
    await otherProcess.invalidatePool("pool_A");
    await new Promise((resolve) => setImmediate(resolve));
    expect((await cache.pool("pool_A", readPool("pool_A")))?.name).toBe("renamed");
    expect(poolReads).toBe(4);

    fake.pools.get("pool_A")!.name = "by the CLI";
    dataVersion = 2;
    expect((await cache.pool("pool_A", readPool("pool_A")))?.name).toBe("by the CLI");
  });

  describe("webhook subscriptions", () => {
    const idsOf = async (
      cache: ReturnType<typeof createClientContextCache>,
      fake: ReturnType<typeof createFakeDatabase>,
      poolId: string,
    ) =>
      (await cache.webhookSubscriptions(poolId, () => fake.loadSubscriptions(poolId))).map(
        (subscription) => subscription.id,
      );

    it("reads a pool's subscriptions once, frozen, until this or another process invalidates them or the pool", async () => {
      const fake = createFakeDatabase();
      const store = createMemoryShortLivedStore({ clock: createManualClock() });
      const cache = createClientContextCache({ db: fake.db, store });
      const otherProcess = createClientContextCache({ db: fake.db, store });
      await Promise.all([cache.start(), otherProcess.start()]);
      expect(await idsOf(cache, fake, "pool_A")).toEqual(["hook1"]);
      expect(await idsOf(cache, fake, "pool_A")).toEqual(["hook1"]);
      expect(cache.peekWebhookSubscriptions("pool_A")).toSatisfy(Object.isFrozen);
      expect(fake.subscriptionReads()).toBe(1);

      // A client change leaves them; a subscription change on the other process drops them here.
      await cache.invalidateClient("client1");
      expect(cache.peekWebhookSubscriptions("pool_A")).toBeDefined();
      fake.subscriptions.set("pool_A", ["hook1", "hook2"]);
      await otherProcess.invalidateWebhookSubscriptions("pool_A");
      await new Promise((resolve) => setImmediate(resolve));
      expect(cache.peekWebhookSubscriptions("pool_A")).toBeUndefined();
      expect(await idsOf(cache, fake, "pool_A")).toEqual(["hook1", "hook2"]);

      await otherProcess.invalidatePool("pool_A");
      await new Promise((resolve) => setImmediate(resolve));
      expect(cache.peekWebhookSubscriptions("pool_A")).toBeUndefined();
      expect(fake.subscriptionReads()).toBe(2);
    });

    it("does not cache subscriptions read before an invalidation that arrived while the read was in flight", async () => {
      const fake = createFakeDatabase();
      const cache = createClientContextCache({
        db: fake.db,
        store: createMemoryShortLivedStore({ clock: createManualClock() }),
      });
      await cache.start();
      let answer!: () => void;
      const held = new Promise<void>((resolve) => (answer = resolve));
      const stale = cache.webhookSubscriptions("pool_A", async () => {
        const read = await fake.loadSubscriptions("pool_A");
        await held;
        return read;
      });
      await new Promise((resolve) => setImmediate(resolve));
      fake.subscriptions.set("pool_A", []);
      await cache.invalidateWebhookSubscriptions("pool_A");
      answer();
      expect((await stale).map((subscription) => subscription.id)).toEqual(["hook1"]);
      expect(cache.peekWebhookSubscriptions("pool_A")).toBeUndefined();
      expect(await idsOf(cache, fake, "pool_A")).toEqual([]);
    });

    it("prefetches with a read of its own, once however often asked, and swallows a failing read", async () => {
      const fake = createFakeDatabase();
      const cache = createClientContextCache({
        db: fake.db,
        store: createMemoryShortLivedStore({ clock: createManualClock() }),
      });
      await cache.start();
      cache.prefetchWebhookSubscriptions("pool_A");
      cache.prefetchWebhookSubscriptions("pool_A");
      await new Promise((resolve) => setImmediate(resolve));
      expect(cache.peekWebhookSubscriptions("pool_A")?.map((subscription) => subscription.id)).toEqual(["hook1"]);
      expect(fake.reads()).toBe(1);

      const failing = createClientContextCache({
        db: { read: () => Promise.reject(new Error("database down")) } as unknown as Database,
        store: createMemoryShortLivedStore({ clock: createManualClock() }),
      });
      await failing.start();
      failing.prefetchWebhookSubscriptions("pool_A");
      await new Promise((resolve) => setImmediate(resolve));
      expect(failing.peekWebhookSubscriptions("pool_A")).toBeUndefined();
    });
  });
});
