import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ShortLivedStore } from "../../src/core/ports.js";
import { createMemoryShortLivedStore } from "../../src/infra/memory/short-lived-store.js";
import { createRedisShortLivedStore } from "../../src/infra/redis/short-lived-store.js";
import { createManualClock, type ManualClock } from "../../src/lib/clock.js";
import { randomUuid } from "../../src/lib/random.js";
import { createTcpProxy } from "../support/tcp-proxy.js";
import { parseRedisUrl } from "../../src/lib/redis-url.js";

const REDIS_URL = process.env.REDIS_URL;
/** A local 3-primary Redis Cluster (`.ci/redis-cluster`) and a Sentinel naming a primary; each case skips visibly without its URL. */
const REDIS_CLUSTER_URL = process.env.REDIS_CLUSTER_URL;
const REDIS_SENTINEL_URL = process.env.REDIS_SENTINEL_URL;
const DELIVERY_TIMEOUT_MS = 2_000;

/**
 * Opens a store on `clock`. Every call within one test shares state and key prefix: for Redis each
 * call is a separate connection, standing in for another gateway process; in memory there is only one.
 */
type OpenStore = () => ShortLivedStore;
type MakeOpenStore = (clock: ManualClock, track: (store: ShortLivedStore) => void) => OpenStore;

function describeShortLivedStoreContract(
  name: string,
  makeOpenStore: MakeOpenStore,
  options: { skip?: boolean } = {},
): void {
  describe.skipIf(options.skip ?? false)(`ShortLivedStore contract: ${name}`, () => {
    let clock: ManualClock;
    let openStore: OpenStore;
    let store: ShortLivedStore;
    let opened: ShortLivedStore[];

    beforeEach(() => {
      clock = createManualClock(new Date("2030-01-01T00:00:00Z"));
      opened = [];
      openStore = makeOpenStore(clock, (s) => opened.push(s));
      store = openStore();
    });

    afterEach(async () => {
      await Promise.all([...new Set(opened)].map((s) => s.close()));
    });

    /** Several handles on the same state, as separate gateway processes would hold. */
    const openPeers = (count: number): ShortLivedStore[] => [
      store,
      ...Array.from({ length: count - 1 }, () => openStore()),
    ];

    it("returns what was set", async () => {
      await store.set("k", "v1", 60);
      expect(await store.get("k")).toBe("v1");
      await store.set("k", "v2", 60);
      expect(await store.get("k")).toBe("v2");
    });

    it("returns null for a missing key", async () => {
      expect(await store.get("missing")).toBeNull();
    });

    it("expires a value by the injected clock", async () => {
      await store.set("k", "v", 60);
      clock.advanceSeconds(59);
      expect(await store.get("k")).toBe("v");
      clock.advanceSeconds(1);
      expect(await store.get("k")).toBeNull();
    });

    it("setIfAbsent creates once, refuses while live, and creates again after expiry", async () => {
      expect(await store.setIfAbsent("k", "first", 30)).toBe(true);
      expect(await store.setIfAbsent("k", "second", 30)).toBe(false);
      expect(await store.get("k")).toBe("first");
      clock.advanceSeconds(30);
      expect(await store.setIfAbsent("k", "third", 30)).toBe(true);
      expect(await store.get("k")).toBe("third");
    });

    it("consume returns the value once, then null", async () => {
      await store.set("k", "v", 60);
      expect(await store.consume("k")).toBe("v");
      expect(await store.consume("k")).toBeNull();
      expect(await store.get("k")).toBeNull();
    });

    it("consume-once: of 20 parallel consumers across processes exactly one gets the value", async () => {
      const peers = openPeers(4);
      await store.set("code", "123456", 60);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => peers[i % peers.length]!.consume("code")));
      expect(results.filter((r) => r !== null)).toEqual(["123456"]);
    });

    it("consume of an expired value returns null", async () => {
      await store.set("k", "v", 10);
      clock.advanceSeconds(10);
      expect(await store.consume("k")).toBeNull();
    });

    it("consume of a missing key returns null", async () => {
      expect(await store.consume("missing")).toBeNull();
    });

    it("delete removes a value", async () => {
      await store.set("k", "v", 60);
      await store.delete("k");
      expect(await store.get("k")).toBeNull();
      await store.delete("never-set");
    });

    it("delete removes several keys at once, of any kind, and accepts none", async () => {
      await store.set("a", "1", 60);
      await store.set("b", "2", 60);
      await store.increment("c", 60);
      await store.set("kept", "3", 60);
      await store.delete("a", "b", "c", "never-set");
      expect(await store.getMany(["a", "b", "kept"])).toEqual([null, null, "3"]);
      expect(await store.increment("c", 60)).toBe(1);
      await store.delete();
    });

    it("getMany returns live values in order, null for missing, expired and non-value keys", async () => {
      await store.set("short", "s", 10);
      await store.set("long", "l", 60);
      await store.increment("counter", 60);
      expect(await store.getMany([])).toEqual([]);
      expect(await store.getMany(["long", "missing", "short", "counter"])).toEqual(["l", null, "s", null]);
      clock.advanceSeconds(10);
      expect(await openPeers(2)[1]!.getMany(["short", "long"])).toEqual([null, "l"]);
    });

    it("consume with a marker takes the value and leaves the marker until the value's expiry plus the extra time", async () => {
      await store.set("{session}", "s", 100);
      clock.advanceSeconds(40);
      expect(await store.consume("{session}", { marker: { key: "{session}:used", extraSeconds: 60 } })).toBe("s");
      expect(await store.getMany(["{session}", "{session}:used"])).toEqual([null, "1"]);
      // The value would have expired at 100 s; the marker lives 60 s beyond that, judged by the clock.
      clock.advanceSeconds(119);
      expect(await store.get("{session}:used")).toBe("1");
      clock.advanceSeconds(1);
      expect(await store.get("{session}:used")).toBeNull();
    });

    it("consume with a marker sets no marker when there was nothing live to take", async () => {
      await store.set("{expired}", "e", 10);
      clock.advanceSeconds(10);
      expect(await store.consume("{expired}", { marker: { key: "{expired}:used", extraSeconds: 60 } })).toBeNull();
      expect(await store.consume("{missing}", { marker: { key: "{missing}:used", extraSeconds: 60 } })).toBeNull();
      expect(await store.getMany(["{expired}:used", "{missing}:used"])).toEqual([null, null]);
    });

    it("consume-once with a marker: of 20 parallel consumers across processes exactly one gets the value", async () => {
      const peers = openPeers(4);
      await store.set("{session}", "s", 60);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          peers[i % peers.length]!.consume("{session}", { marker: { key: "{session}:used", extraSeconds: 60 } }),
        ),
      );
      expect(results.filter((r) => r !== null)).toEqual(["s"]);
      expect(await store.get("{session}:used")).toBe("1");
    });

    it("increment counts within a fixed window and restarts after it", async () => {
      expect(await store.increment("attempts", 60)).toBe(1);
      clock.advanceSeconds(30);
      expect(await store.increment("attempts", 60)).toBe(2);
      clock.advanceSeconds(29);
      expect(await store.increment("attempts", 60)).toBe(3);
      clock.advanceSeconds(1);
      expect(await store.increment("attempts", 60)).toBe(1);
      expect(await store.increment("attempts", 60)).toBe(2);
    });

    it("a sliding increment restarts its window on every count and resets only after a quiet window", async () => {
      expect(await store.increment("failures", 60, { sliding: true })).toBe(1);
      clock.advanceSeconds(50);
      expect(await store.increment("failures", 60, { sliding: true })).toBe(2);
      clock.advanceSeconds(50);
      expect(await store.increment("failures", 60, { sliding: true })).toBe(3);
      clock.advanceSeconds(60);
      expect(await store.increment("failures", 60, { sliding: true })).toBe(1);
    });

    it("50 parallel increments across processes yield 50 distinct counts", async () => {
      const peers = openPeers(5);
      const counts = await Promise.all(
        Array.from({ length: 50 }, (_, i) => peers[i % peers.length]!.increment("burst", 60)),
      );
      expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(await store.increment("burst", 60)).toBe(51);
    });

    const lockingGate = (key: string) => ({ key, windowSeconds: 900, lockSecondsByCount: [0, 0, 0, 1, 2, 4] });

    it("takeAttempt counts up to a limit in a sliding window, refuses without counting, and forgets after a quiet window", async () => {
      const gate = { key: "gate", windowSeconds: 60, limit: 3 };
      for (const expected of [1, 2, 3])
        expect(await store.takeAttempt([gate])).toMatchObject({
          allowed: true,
          counts: [expected],
          lockedUntilMs: [0],
        });
      expect(await store.takeAttempt([gate])).toEqual({ allowed: false, refusedBy: 0, lockedUntilMs: null });
      expect(await store.takeAttempt([gate], { dryRun: true })).toEqual({
        allowed: false,
        refusedBy: 0,
        lockedUntilMs: null,
      });
      await store.giveBackAttempt([{ key: "gate", lockedUntilMs: 0 }]);
      expect(await store.takeAttempt([gate], { dryRun: true })).toMatchObject({ allowed: true, counts: [2] });
      clock.advanceSeconds(59);
      expect(await store.takeAttempt([gate])).toMatchObject({ allowed: true, counts: [3] });
      clock.advanceSeconds(60);
      expect(await store.takeAttempt([gate])).toMatchObject({ allowed: true, counts: [1] });
    });

    it("takeAttempt locks a gate as its count reaches the schedule, the last entry standing for higher counts", async () => {
      const gate = lockingGate("locking");
      for (let i = 0; i < 2; i++) await store.takeAttempt([gate]);
      const start = clock.nowMs();
      expect(await store.takeAttempt([gate])).toMatchObject({
        allowed: true,
        counts: [3],
        lockedUntilMs: [start + 1000],
      });
      expect(await store.takeAttempt([gate])).toEqual({ allowed: false, refusedBy: 0, lockedUntilMs: start + 1000 });
      clock.advanceSeconds(1);
      expect(await store.takeAttempt([gate])).toMatchObject({
        allowed: true,
        counts: [4],
        lockedUntilMs: [start + 3000],
      });
      clock.advanceSeconds(2);
      await store.takeAttempt([gate]);
      clock.advanceSeconds(4);
      await store.takeAttempt([gate]);
      const sixth = clock.nowMs();
      expect(await store.takeAttempt([gate])).toEqual({ allowed: false, refusedBy: 0, lockedUntilMs: sixth + 4000 });
    });

    it("takeAttempt is all or nothing: a refusing gate leaves the others uncounted", async () => {
      const full = { key: "{gates}full", windowSeconds: 60, limit: 1 };
      await store.takeAttempt([full]);
      expect(await store.takeAttempt([{ key: "{gates}other", windowSeconds: 60 }, full])).toEqual({
        allowed: false,
        refusedBy: 1,
        lockedUntilMs: null,
      });
      expect(await store.takeAttempt([{ key: "{gates}other", windowSeconds: 60 }], { dryRun: true })).toMatchObject({
        allowed: true,
        counts: [0],
        lockedUntilMs: [0],
      });
    });

    it("giveBackAttempt lifts the lock its attempt set unless a later one set another, never goes below zero, and ignores missing gates", async () => {
      const gate = lockingGate("{give}back");
      for (let i = 0; i < 2; i++) await store.takeAttempt([gate]);
      const third = await store.takeAttempt([gate]);
      if (!third.allowed) throw new Error("the third attempt was refused");
      await store.giveBackAttempt([
        { key: "{give}back", lockedUntilMs: third.lockedUntilMs[0]! },
        { key: "{give}missing", lockedUntilMs: 0 },
      ]);
      expect(await store.takeAttempt([gate], { dryRun: true })).toMatchObject({ allowed: true, counts: [2] });
      // A lock set by another attempt stays when this one is given back.
      const again = await store.takeAttempt([gate]);
      await store.giveBackAttempt([{ key: "{give}back", lockedUntilMs: 1 }]);
      expect(await store.takeAttempt([gate], { dryRun: true })).toMatchObject({
        allowed: false,
        lockedUntilMs: again.allowed ? again.lockedUntilMs[0] : -1,
      });
      clock.advanceSeconds(1);
      for (let i = 0; i < 5; i++) await store.giveBackAttempt([{ key: "{give}back", lockedUntilMs: 0 }]);
      expect(await store.takeAttempt([gate])).toMatchObject({ allowed: true, counts: [1] });
      expect(await store.get("{give}missing")).toBeNull();
    });

    it("a given-back attempt leaves no trace in the window: counted failures still expire a quiet window after the last failure", async () => {
      const gate = { key: "quiet", windowSeconds: 60, limit: 3 };
      await store.takeAttempt([gate]); // a failure: stays counted
      clock.advanceSeconds(50);
      const success = await store.takeAttempt([gate]);
      if (!success.allowed) throw new Error("refused");
      await store.giveBackAttempt([
        {
          key: "quiet",
          lockedUntilMs: success.lockedUntilMs[0]!,
          windowEndsAtMs: success.windowEndsAtMs[0]!,
          previousWindowEndsAtMs: success.previousWindowEndsAtMs[0]!,
        },
      ]);
      expect(await store.takeAttempt([gate], { dryRun: true })).toMatchObject({ counts: [1] });
      clock.advanceSeconds(11);
      // 61 s after the failure: forgotten, although an attempt came 11 s ago.
      expect(await store.takeAttempt([gate], { dryRun: true })).toMatchObject({ counts: [0] });
      // A first attempt given back leaves nothing behind either.
      const lone = await store.takeAttempt([{ key: "lone", windowSeconds: 60 }]);
      if (!lone.allowed) throw new Error("refused");
      await store.giveBackAttempt([
        {
          key: "lone",
          lockedUntilMs: 0,
          windowEndsAtMs: lone.windowEndsAtMs[0]!,
          previousWindowEndsAtMs: lone.previousWindowEndsAtMs[0]!,
        },
      ]);
      expect(await store.takeAttempt([{ key: "lone", windowSeconds: 60 }], { dryRun: true })).toMatchObject({
        counts: [0],
      });
    });

    it("100 parallel attempts across processes at a locking gate: only those before the lock get through", async () => {
      const peers = openPeers(4);
      const gate = lockingGate("{burst}user");
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          peers[i % peers.length]!.takeAttempt([gate, { key: "{burst}ip", windowSeconds: 60, limit: 50 }]),
        ),
      );
      const allowed = results.filter((result) => result.allowed);
      expect(allowed).toHaveLength(3);
      expect(allowed.map((result) => result.counts[0]).sort()).toEqual([1, 2, 3]);
      // Refused attempts counted nowhere: the address gate saw only the three.
      expect(
        await store.takeAttempt([{ key: "{burst}ip", windowSeconds: 60, limit: 50 }], { dryRun: true }),
      ).toMatchObject({ allowed: true, counts: [3] });
    });

    it("takeAttempt with thenSet sets the value only when the gates allow, under any hash tag, on a dry run or a counted one", async () => {
      const locked = lockingGate("{then}locked");
      for (let i = 0; i < 3; i++) await store.takeAttempt([locked]);
      const open = { key: "{then}open", windowSeconds: 60, limit: 5 };
      // A key of another tag (a sign-in session beside the lockout gates): one round trip where the store can.
      expect(
        await store.takeAttempt([open, locked], {
          dryRun: true,
          thenSet: { key: "signin:{s1}", value: "refused", ttlSeconds: 60 },
        }),
      ).toMatchObject({ allowed: false, refusedBy: 1 });
      expect(await store.get("signin:{s1}")).toBeNull();
      expect(
        await store.takeAttempt([open], {
          dryRun: true,
          thenSet: { key: "signin:{s2}", value: "allowed", ttlSeconds: 60 },
        }),
      ).toMatchObject({ allowed: true, counts: [0] });
      expect(await store.get("signin:{s2}")).toBe("allowed");
      expect(
        await store.takeAttempt([open], { thenSet: { key: "{then}value", value: "counted", ttlSeconds: 30 } }),
      ).toMatchObject({ allowed: true, counts: [1] });
      // Set as `set` sets: it replaces what was there and expires by the clock.
      expect(
        await store.takeAttempt([open], {
          dryRun: true,
          thenSet: { key: "signin:{s2}", value: "again", ttlSeconds: 10 },
        }),
      ).toMatchObject({ allowed: true, counts: [1] });
      expect(await store.getMany(["signin:{s2}", "{then}value"])).toEqual(["again", "counted"]);
      clock.advanceSeconds(10);
      expect(await store.getMany(["signin:{s2}", "{then}value"])).toEqual([null, "counted"]);
      expect(await store.consume("{then}value")).toBe("counted");
    });

    it("consumeTakingAttempt counts only with a live value, consumes only when the gates allow, and marks it used", async () => {
      const marker = { key: "{ct}value:used", extraSeconds: 60 };
      const gates = [{ key: "{ct}ip", windowSeconds: 60, limit: 10 }, lockingGate("{ct}user")];
      const counts = async () => (await store.takeAttempt(gates, { dryRun: true })) as { counts?: number[] };
      // Nothing live: nothing counted, no marker.
      expect(await store.consumeTakingAttempt("{ct}value", { marker, gates })).toEqual({ value: null, taken: null });
      expect((await counts()).counts).toEqual([0, 0]);
      await store.set("{ct}value", "session", 30);
      const taken = await store.consumeTakingAttempt("{ct}value", { marker, gates });
      expect(taken).toMatchObject({ value: "session", taken: { allowed: true, counts: [1, 1] } });
      expect(await store.get("{ct}value")).toBeNull();
      expect(await store.get("{ct}value:used")).toBe("1");
      expect(await store.consumeTakingAttempt("{ct}value", { marker, gates })).toEqual({ value: null, taken: null });
      // Gates that refuse leave the value where it was, counted nowhere.
      for (let i = 0; i < 2; i++) await store.takeAttempt(gates);
      await store.set("{ct}value", "again", 30);
      expect(await store.consumeTakingAttempt("{ct}value", { marker, gates })).toMatchObject({
        value: null,
        taken: { allowed: false, refusedBy: 1 },
      });
      expect(await store.get("{ct}value")).toBe("again");
      expect((await store.takeAttempt([gates[0]!], { dryRun: true })) as { counts?: number[] }).toMatchObject({
        counts: [3],
      });
      // The marker lasts the value's own lifetime plus the extra time, as consume's does.
      clock.advanceSeconds(89);
      expect(await store.get("{ct}value:used")).toBe("1");
      clock.advanceSeconds(1);
      expect(await store.get("{ct}value:used")).toBeNull();
    });

    it("consumeTakingAttempt: of 20 parallel takers across processes exactly one gets the value, and one attempt is counted", async () => {
      const peers = openPeers(4);
      const marker = { key: "{par}value:used", extraSeconds: 60 };
      const gates = [{ key: "{par}ip", windowSeconds: 60, limit: 100 }];
      await store.set("{par}value", "once", 60);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          peers[i % peers.length]!.consumeTakingAttempt("{par}value", { marker, gates }),
        ),
      );
      expect(results.filter((result) => result?.value === "once")).toHaveLength(1);
      expect(await store.takeAttempt(gates, { dryRun: true })).toMatchObject({ allowed: true, counts: [1] });
    });

    it("consumeTakingAttempt with the value under another hash tag than the gates: one step where the store can, else null", async () => {
      await store.set("signin:{apart}", "session", 60);
      const result = await store.consumeTakingAttempt("signin:{apart}", {
        marker: { key: "signin-used:{apart}", extraSeconds: 60 },
        gates: [{ key: "{lockout}:ip:apart", windowSeconds: 60 }],
      });
      if (name.includes("cluster")) {
        expect(result).toBeNull();
        expect(await store.get("signin:{apart}")).toBe("session");
      } else expect(result).toMatchObject({ value: "session", taken: { allowed: true, counts: [1] } });
    });

    it("refuses an atomic multi-key call whose keys do not share a hash tag, and touches nothing", async () => {
      const user = { key: "{a}user", windowSeconds: 60 };
      await expect(store.takeAttempt([user, { key: "{b}ip", windowSeconds: 60 }])).rejects.toThrow(RangeError);
      await expect(
        store.takeAttempt([
          { key: "user", windowSeconds: 60 },
          { key: "ip", windowSeconds: 60 },
        ]),
      ).rejects.toThrow(/hash tag/);
      await expect(
        store.giveBackAttempt([
          { key: "{a}user", lockedUntilMs: 0 },
          { key: "{b}ip", lockedUntilMs: 0 },
        ]),
      ).rejects.toThrow(RangeError);
      await store.set("code", "c", 60);
      await expect(store.consume("code", { marker: { key: "code:used", extraSeconds: 60 } })).rejects.toThrow(
        RangeError,
      );
      // An untagged key is placed by its whole name, so it shares no tag with a tagged one spelling it.
      await expect(store.consume("code", { marker: { key: "{code}:used", extraSeconds: 60 } })).rejects.toThrow(
        RangeError,
      );
      expect(await store.get("code")).toBe("c");
      expect(await store.takeAttempt([user], { dryRun: true })).toMatchObject({ allowed: true, counts: [0] });
      // Keys of any tags are fine where nothing is atomic across them, and on a cluster span its nodes.
      const names = Array.from({ length: 30 }, (_, i) => `spread-${i}`);
      for (const name of names) await store.set(name, name, 60);
      expect(await store.getMany([...names, "missing"])).toEqual([...names, null]);
      await store.delete(...names.slice(0, 20));
      expect(await store.getMany(names)).toEqual([...names.slice(0, 20).map(() => null), ...names.slice(20)]);
    });

    it("takeToken allows capacity takes, then refuses with a retry-after, then refills by the clock", async () => {
      for (let i = 0; i < 3; i++)
        expect(await store.takeToken("bucket", 3, 1)).toMatchObject({ allowed: true, retryAfterSeconds: 0 });
      const refused = await store.takeToken("bucket", 3, 1);
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterSeconds).toBe(1);
      clock.advanceSeconds(1);
      expect(await store.takeToken("bucket", 3, 1)).toMatchObject({ allowed: true, retryAfterSeconds: 0 });
      expect((await store.takeToken("bucket", 3, 1)).allowed).toBe(false);
    });

    it("takeToken refills continuously at fractional rates and never beyond capacity", async () => {
      for (let i = 0; i < 2; i++) expect((await store.takeToken("slow", 2, 0.1)).allowed).toBe(true);
      expect(await store.takeToken("slow", 2, 0.1)).toEqual({ allowed: false, retryAfterSeconds: 10 });
      clock.advanceSeconds(4);
      expect(await store.takeToken("slow", 2, 0.1)).toEqual({ allowed: false, retryAfterSeconds: 6 });
      clock.advanceSeconds(6);
      expect((await store.takeToken("slow", 2, 0.1)).allowed).toBe(true);
      clock.advanceSeconds(3600);
      const takes = [];
      for (let i = 0; i < 3; i++) takes.push((await store.takeToken("slow", 2, 0.1)).allowed);
      expect(takes).toEqual([true, true, false]);
    });

    it("keeps values, counters and buckets under different keys apart", async () => {
      await store.set("a", "v", 60);
      await store.increment("b", 60);
      await store.takeToken("c", 1, 1);
      expect(await store.get("a")).toBe("v");
      expect(await store.increment("b", 60)).toBe(2);
      expect((await store.takeToken("c", 1, 1)).allowed).toBe(false);
    });

    it("delivers a message published after subscribe, and nothing after unsubscribe", async () => {
      const publisher = openPeers(2)[1]!;
      const received: string[] = [];
      const sentinel: string[] = [];
      const unsubscribe = await store.subscribe("events", (m) => received.push(m));
      const unsubscribeSentinel = await store.subscribe("events", (m) => sentinel.push(m));

      await publisher.publish("events", "first");
      await waitFor(() => received.length === 1 && sentinel.length === 1);
      expect(received).toEqual(["first"]);

      await unsubscribe();
      await publisher.publish("events", "second");
      // The sentinel on the same channel proves "second" was delivered; the unsubscribed handler saw none of it.
      await waitFor(() => sentinel.length === 2);
      expect(received).toEqual(["first"]);
      expect(sentinel).toEqual(["first", "second"]);
      await unsubscribeSentinel();
    });

    it("stops delivering a channel once its last subscriber leaves", async () => {
      const publisher = openPeers(2)[1]!;
      const received: string[] = [];
      const marker: string[] = [];
      const unsubscribe = await store.subscribe("gone", (m) => received.push(m));
      await store.subscribe("marker", (m) => marker.push(m));
      await unsubscribe();
      await unsubscribe();

      await publisher.publish("gone", "late");
      // Messages from one publisher reach one subscriber in order, so the marker arrives after "late" would have.
      await publisher.publish("marker", "done");
      await waitFor(() => marker.length === 1);
      expect(received).toEqual([]);
    });

    it("ping resolves", async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}

/** Waits for asynchronous pub/sub delivery; never used for expiry, which moves with the clock. */
async function waitFor(condition: () => boolean): Promise<void> {
  await vi.waitFor(() => expect(condition()).toBe(true), { timeout: DELIVERY_TIMEOUT_MS, interval: 5 });
}

describeShortLivedStoreContract("memory", (clock, track) => {
  const store = createMemoryShortLivedStore({ clock });
  return () => {
    track(store);
    return store;
  };
});

describeShortLivedStoreContract(
  "redis",
  (clock, track) => {
    const keyPrefix = `test:${randomUuid()}:`;
    return () => {
      const store = createRedisShortLivedStore({ url: REDIS_URL!, clock, keyPrefix });
      track(store);
      return store;
    };
  },
  { skip: !REDIS_URL },
);

describeShortLivedStoreContract(
  "redis cluster (REDIS_CLUSTER_URL)",
  (clock, track) => {
    const keyPrefix = `test:${randomUuid()}:`;
    return () => {
      const store = createRedisShortLivedStore({ url: REDIS_CLUSTER_URL!, clock, keyPrefix });
      track(store);
      return store;
    };
  },
  { skip: !REDIS_CLUSTER_URL },
);

describeShortLivedStoreContract(
  "redis sentinel (REDIS_SENTINEL_URL)",
  (clock, track) => {
    const keyPrefix = `test:${randomUuid()}:`;
    return () => {
      const store = createRedisShortLivedStore({ url: REDIS_SENTINEL_URL!, clock, keyPrefix });
      track(store);
      return store;
    };
  },
  { skip: !REDIS_SENTINEL_URL },
);

describe.skipIf(!REDIS_CLUSTER_URL)("redis cluster ShortLivedStore across nodes", () => {
  const nodesOf = async (): Promise<Redis[]> => {
    const seed = parseRedisUrl(REDIS_CLUSTER_URL!);
    if (seed.kind !== "cluster") throw new Error("REDIS_CLUSTER_URL must be a redis+cluster:// URL");
    const probe = new Redis(seed.nodes[0]!);
    const masters = (await probe.cluster("SHARDS")) as unknown[];
    await probe.quit();
    expect(masters.length).toBeGreaterThanOrEqual(3);
    return seed.nodes.map((node) => new Redis(node));
  };

  it("spreads keys over every primary, and keeps a hash tag's keys on one", async () => {
    const clock = createManualClock();
    const keyPrefix = `test:${randomUuid()}:`;
    const store = createRedisShortLivedStore({ url: REDIS_CLUSTER_URL!, clock, keyPrefix });
    const nodes = await nodesOf();
    try {
      const names = Array.from({ length: 30 }, (_, i) => `k${i}`);
      for (const name of names) await store.set(name, "v", 60);
      await store.takeAttempt([
        { key: "{lockout}:user:x", windowSeconds: 60 },
        { key: "{lockout}:ip:y", windowSeconds: 60 },
      ]);
      const holders = await Promise.all(nodes.map(async (node) => (await node.keys(`${keyPrefix}*`)).length));
      expect(holders.filter((count) => count > 0).length).toBe(nodes.length);
      const lockoutHolders = await Promise.all(
        nodes.map(async (node) => (await node.keys(`${keyPrefix}{lockout}*`)).length),
      );
      expect(lockoutHolders.sort()).toEqual([0, 0, 2]);
    } finally {
      await store.close();
      await Promise.all(nodes.map((node) => node.quit()));
    }
  });

  it("a subscriber hears what is published on every node, and finds another node when its own drops it", async () => {
    const clock = createManualClock();
    const keyPrefix = `test:${randomUuid()}:`;
    const connectionName = `contract-${randomUuid()}`;
    const store = createRedisShortLivedStore({ url: REDIS_CLUSTER_URL!, clock, keyPrefix, connectionName });
    const nodes = await nodesOf();
    try {
      const received: string[] = [];
      let gaps = 0;
      await store.subscribe("notes", (message) => received.push(message), { onGap: () => gaps++ });
      // Straight to each node: a cluster forwards PUBLISH to all, so the one subscriber connection hears all three.
      for (const [index, node] of nodes.entries()) await node.publish(`${keyPrefix}notes`, `from-${index}`);
      await waitFor(() => received.length === nodes.length);
      expect(received.sort()).toEqual(nodes.map((_, index) => `from-${index}`));

      // Drop the subscriber's connection wherever it is: it reports the gap, moves on, and hears again.
      for (const node of nodes) {
        const clients = String(await node.client("LIST"))
          .split("\n")
          .filter((line) => line.includes(` name=${connectionName}:subscriber `));
        for (const line of clients) await node.client("KILL", "ID", /id=(\d+)/.exec(line)![1]!);
      }
      await waitFor(() => gaps === 2);
      await vi.waitFor(
        async () => {
          await nodes[0]!.publish(`${keyPrefix}notes`, "after");
          expect(received).toContain("after");
        },
        { timeout: DELIVERY_TIMEOUT_MS, interval: 50 },
      );
    } finally {
      await store.close();
      await Promise.all(nodes.map((node) => node.quit()));
    }
  });
});

describe.skipIf(!REDIS_URL)("redis ShortLivedStore subscriptions across a lost connection", () => {
  it("reports a gap when the subscriber's connection drops and again when it is back, then delivers again", async () => {
    const redisUrl = new URL(REDIS_URL!);
    const proxy = await createTcpProxy(redisUrl.hostname, Number(redisUrl.port || 6379));
    const clock = createManualClock();
    const keyPrefix = `test:${randomUuid()}:`;
    // The subscriber reaches Redis through the proxy; the publisher directly, so it keeps working during the cut.
    const subscriber = createRedisShortLivedStore({ url: `redis://127.0.0.1:${proxy.port}`, clock, keyPrefix });
    const publisher = createRedisShortLivedStore({ url: REDIS_URL!, clock, keyPrefix });
    try {
      const received: string[] = [];
      let gaps = 0;
      await subscriber.subscribe("invalidations", (message) => received.push(message), { onGap: () => gaps++ });
      await publisher.publish("invalidations", "before");
      await waitFor(() => received.length === 1);
      expect(gaps).toBe(0);

      await proxy.cut();
      await waitFor(() => gaps === 1);
      // Published while the subscriber is away: lost, which is exactly what the gap tells.
      await publisher.publish("invalidations", "lost");
      await proxy.restore();
      await waitFor(() => gaps === 2);
      // Back and subscribed again (ioredis re-subscribes on reconnect): new messages arrive.
      await vi.waitFor(
        async () => {
          await publisher.publish("invalidations", "after");
          expect(received).toContain("after");
        },
        { timeout: DELIVERY_TIMEOUT_MS, interval: 50 },
      );
      expect(received).not.toContain("lost");
    } finally {
      await subscriber.close();
      await publisher.close();
      await proxy.close();
    }
  });
});

describe.skipIf(!REDIS_URL)("redis ShortLivedStore during an outage", () => {
  it("ping rejects quickly and close does not hang when Redis is unreachable", async () => {
    // Port 1 refuses connections, standing in for a Redis that is down; reconnect errors must not crash the process.
    const store = createRedisShortLivedStore({ url: "redis://127.0.0.1:1", clock: createManualClock() });
    try {
      const startedMs = Date.now();
      await expect(store.ping()).rejects.toThrow();
      expect(Date.now() - startedMs).toBeLessThan(1_500);
    } finally {
      await store.close();
    }
  });
});
