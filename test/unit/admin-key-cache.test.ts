import { describe, expect, it } from "vitest";
import { ADMIN_KEY_CHANNEL, createAdminKeyCache } from "../../src/core/admin-keys/admin-key-cache.js";
import type { AdminApiKey } from "../../src/core/admin-keys/admin-key.types.js";
import type { ShortLivedStore } from "../../src/core/ports.js";
import { createMemoryShortLivedStore } from "../../src/infra/memory/short-lived-store.js";
import { createManualClock } from "../../src/lib/clock.js";

/**
 * The admin key cache's rules over an in-memory store and a fake table that counts its reads.
 * Revocations across gateway processes over Redis, and the CLI's, are tested end to end in
 * test/integration/admin-key-cache.test.ts and cli.test.ts.
 */
function createFakeKeys() {
  const keys = new Map<string, AdminApiKey>();
  for (const id of ["key1", "key2", "key3"]) {
    keys.set(id, {
      id,
      name: id,
      keyHash: `hash-${id}`,
      poolScope: null,
      secretCiphertext: null,
      createdAt: new Date(0),
      revokedAt: null,
      createdBy: "system",
    });
  }
  let reads = 0;
  let gate: Promise<void> | null = null;
  const read = async (find: (key: AdminApiKey) => boolean): Promise<AdminApiKey | null> => {
    reads++;
    const found = [...keys.values()].find(find);
    const copy = found ? { ...found } : null;
    if (gate) await gate;
    return copy;
  };
  return {
    keys,
    byHash: (hash: string) => () => read((key) => key.keyHash === hash),
    byId: (id: string) => () => read((key) => key.id === id),
    reads: () => reads,
    /** Holds every read's answer (already read) until the returned function is called. */
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

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("admin key cache", () => {
  it("reads an active key once by hash and once by id, then answers from memory, frozen", async () => {
    const fake = createFakeKeys();
    const cache = createAdminKeyCache({
      store: createMemoryShortLivedStore({ clock: createManualClock() }),
      clock: createManualClock(),
    });
    await cache.start();
    const first = await cache.byHash("hash-key1", fake.byHash("hash-key1"));
    const again = await Promise.all([
      cache.byHash("hash-key1", fake.byHash("hash-key1")),
      cache.byHash("hash-key1", fake.byHash("hash-key1")),
    ]);
    await cache.byId("key1", fake.byId("key1"));
    await cache.byId("key1", fake.byId("key1"));
    expect(fake.reads()).toBe(2);
    expect(again[0]).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it("keeps neither unknown nor revoked keys: both are read on every request", async () => {
    const fake = createFakeKeys();
    fake.keys.get("key2")!.revokedAt = new Date(0);
    const cache = createAdminKeyCache({
      store: createMemoryShortLivedStore({ clock: createManualClock() }),
      clock: createManualClock(),
    });
    await cache.start();
    for (let call = 0; call < 2; call++) {
      expect(await cache.byHash("hash-nope", fake.byHash("hash-nope"))).toBeNull();
      expect((await cache.byHash("hash-key2", fake.byHash("hash-key2")))?.revokedAt).not.toBeNull();
    }
    expect(fake.reads()).toBe(4);
  });

  it("drops a key, under both lookups, when this process or another revokes it", async () => {
    const fake = createFakeKeys();
    const store = createMemoryShortLivedStore({ clock: createManualClock() });
    const cache = createAdminKeyCache({ store, clock: createManualClock() });
    const otherProcess = createAdminKeyCache({ store, clock: createManualClock() });
    await Promise.all([cache.start(), otherProcess.start()]);
    await cache.byHash("hash-key1", fake.byHash("hash-key1"));
    await cache.byId("key1", fake.byId("key1"));
    await cache.byHash("hash-key2", fake.byHash("hash-key2"));

    fake.keys.get("key1")!.revokedAt = new Date(1);
    await otherProcess.invalidateKey("key1");
    expect((await cache.byHash("hash-key1", fake.byHash("hash-key1")))?.revokedAt).toEqual(new Date(1));
    expect((await cache.byId("key1", fake.byId("key1")))?.revokedAt).toEqual(new Date(1));
    // key2 stayed.
    await cache.byHash("hash-key2", fake.byHash("hash-key2"));
    expect(fake.reads()).toBe(5);

    fake.keys.get("key2")!.revokedAt = new Date(2);
    await cache.invalidateKey("key2");
    expect((await cache.byHash("hash-key2", fake.byHash("hash-key2")))?.revokedAt).toEqual(new Date(2));
  });

  it("drops everything on a message it cannot read", async () => {
    const fake = createFakeKeys();
    const store = createMemoryShortLivedStore({ clock: createManualClock() });
    const cache = createAdminKeyCache({ store, clock: createManualClock() });
    await cache.start();
    await cache.byHash("hash-key1", fake.byHash("hash-key1"));
    await store.publish(ADMIN_KEY_CHANNEL, "not json");
    await nextTurn();
    await cache.byHash("hash-key1", fake.byHash("hash-key1"));
    expect(fake.reads()).toBe(2);
  });

  it("does not keep what a read saw before a revocation that arrived while it was in flight, nor hand it to a request that joins after", async () => {
    const fake = createFakeKeys();
    const cache = createAdminKeyCache({
      store: createMemoryShortLivedStore({ clock: createManualClock() }),
      clock: createManualClock(),
    });
    await cache.start();
    const release = fake.hold();
    const stale = cache.byHash("hash-key1", fake.byHash("hash-key1"));
    await nextTurn();
    fake.keys.get("key1")!.revokedAt = new Date(1);
    await cache.invalidateKey("key1");
    const joined = cache.byHash("hash-key1", fake.byHash("hash-key1"));
    release();
    // The request that started before the revocation may pass; none after it.
    expect((await stale)?.revokedAt).toBeNull();
    expect((await joined)?.revokedAt).toEqual(new Date(1));
    expect((await cache.byHash("hash-key1", fake.byHash("hash-key1")))?.revokedAt).toEqual(new Date(1));
  });

  it("drops everything when the store reports a gap, and keeps nothing until it can subscribe", async () => {
    const fake = createFakeKeys();
    const memory = createMemoryShortLivedStore({ clock: createManualClock() });
    let reportGap: (() => void) | undefined;
    let storeUp = false;
    const store: ShortLivedStore = {
      ...memory,
      subscribe: async (channel, onMessage, options) => {
        if (!storeUp) throw new Error("store unreachable");
        reportGap = options?.onGap;
        return memory.subscribe(channel, onMessage);
      },
    };
    const cache = createAdminKeyCache({ store, clock: createManualClock() });
    await expect(cache.start()).resolves.toBeUndefined();
    await cache.byHash("hash-key1", fake.byHash("hash-key1"));
    await cache.byHash("hash-key1", fake.byHash("hash-key1"));
    expect(fake.reads()).toBe(2);

    storeUp = true;
    // This miss retries the subscription; what it read predates the subscription, so it is not kept.
    await cache.byHash("hash-key1", fake.byHash("hash-key1"));
    await nextTurn();
    await cache.byHash("hash-key1", fake.byHash("hash-key1"));
    await cache.byHash("hash-key1", fake.byHash("hash-key1"));
    expect(fake.reads()).toBe(4);

    reportGap!();
    await cache.byHash("hash-key1", fake.byHash("hash-key1"));
    expect(fake.reads()).toBe(5);
  });

  it("drops everything when another connection has committed to the embedded file", async () => {
    const fake = createFakeKeys();
    let dataVersion = 1;
    const cache = createAdminKeyCache({
      store: createMemoryShortLivedStore({ clock: createManualClock() }),
      clock: createManualClock(),
      outsideCommits: { count: () => dataVersion },
    });
    await cache.start();
    await cache.byHash("hash-key1", fake.byHash("hash-key1"));
    await cache.byHash("hash-key1", fake.byHash("hash-key1"));
    expect(fake.reads()).toBe(1);
    // The admin CLI revokes the key in the file: no message, only the commit counter moves.
    fake.keys.get("key1")!.revokedAt = new Date(1);
    dataVersion = 2;
    expect((await cache.byHash("hash-key1", fake.byHash("hash-key1")))?.revokedAt).toEqual(new Date(1));
  });

  it("holds at most maxEntries keys, least recently used out first, and reads a key again after maxAgeSeconds", async () => {
    const fake = createFakeKeys();
    const clock = createManualClock();
    const cache = createAdminKeyCache({
      store: createMemoryShortLivedStore({ clock }),
      clock,
      maxEntries: 2,
      maxAgeSeconds: 60,
    });
    await cache.start();
    await cache.byHash("hash-key1", fake.byHash("hash-key1"));
    await cache.byHash("hash-key2", fake.byHash("hash-key2"));
    await cache.byHash("hash-key1", fake.byHash("hash-key1"));
    await cache.byHash("hash-key3", fake.byHash("hash-key3"));
    expect(fake.reads()).toBe(3);
    // key2 was the least recently used: it went, key1 stayed.
    await cache.byHash("hash-key1", fake.byHash("hash-key1"));
    expect(fake.reads()).toBe(3);
    await cache.byHash("hash-key2", fake.byHash("hash-key2"));
    expect(fake.reads()).toBe(4);

    clock.advanceSeconds(60);
    await cache.byHash("hash-key2", fake.byHash("hash-key2"));
    expect(fake.reads()).toBe(5);
  });
});
