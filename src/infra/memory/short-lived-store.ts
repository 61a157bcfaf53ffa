import type { AttemptGate, AttemptTaken, ShortLivedStore } from "../../core/ports.js";
import { lockSecondsAt } from "../../core/security/attempt-gate.js";
import type { Clock } from "../../lib/clock.js";
import { assertOneHashTag } from "../../lib/hash-tag.js";

type Entry =
  | { kind: "value"; value: string; expiresAtMs: number }
  | { kind: "counter"; count: number; expiresAtMs: number }
  | { kind: "bucket"; tokens: number; updatedAtMs: number; expiresAtMs: number }
  | { kind: "gate"; count: number; lockedUntilMs: number; expiresAtMs: number };

/** In one process nothing is ever missed, so an in-process subscription never reports a gap. */
type MessageHandler = (message: string) => void;

/** Expired entries are dropped lazily on access; a sweep every this many writes bounds the rest. */
const SWEEP_EVERY_WRITES = 1000;

/** Whole milliseconds, at least one, exactly as the Redis adapter rounds lifetimes. */
const toLifetimeMs = (seconds: number): number => Math.max(1, Math.ceil(seconds * 1000));

/** Float refills (e.g. 0.1/s over 10 s) can land a hair under a whole token; this keeps that token usable. */
const TOKEN_EPSILON = 1e-9;

/**
 * In-process ShortLivedStore for tests and single-instance deployments. State is lost on restart and
 * not shared between processes. Expiry is judged with `clock.nowMs()`, so a manual clock drives it.
 * Throws RangeError from `takeToken` when capacity < 1 or refillPerSecond <= 0, and from the atomic
 * multi-key calls when their keys do not share a hash tag (lib/hash-tag.ts), as the Redis store does.
 */
export function createMemoryShortLivedStore(options: { clock: Clock }): ShortLivedStore {
  const { clock } = options;
  const entries = new Map<string, Entry>();
  const subscriptions = new Map<string, Set<MessageHandler>>();
  let writesSinceSweep = 0;

  const sweep = (nowMs: number): void => {
    for (const [key, entry] of entries) if (entry.expiresAtMs <= nowMs) entries.delete(key);
  };

  const write = (key: string, entry: Entry): void => {
    entries.set(key, entry);
    writesSinceSweep++;
    if (writesSinceSweep >= SWEEP_EVERY_WRITES) {
      writesSinceSweep = 0;
      sweep(clock.nowMs());
    }
  };

  const readLive = (key: string, nowMs: number): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAtMs <= nowMs) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  /** takeAttempt's whole work, synchronously: nothing can interleave between its checks and its counts. */
  const takeAttemptNow = (
    gates: readonly AttemptGate[],
    options?: Parameters<ShortLivedStore["takeAttempt"]>[1],
  ): AttemptTaken => {
    assertOneHashTag(
      "takeAttempt",
      gates.map((gate) => gate.key),
    );
    const nowMs = clock.nowMs();
    const live = gates.map((gate) => {
      const entry = readLive(gate.key, nowMs);
      return entry?.kind === "gate" ? entry : null;
    });
    for (const [index, gate] of gates.entries()) {
      const entry = live[index];
      if (entry && entry.lockedUntilMs > nowMs)
        return { allowed: false, refusedBy: index, lockedUntilMs: entry.lockedUntilMs };
      if (gate.limit !== undefined && (entry?.count ?? 0) >= gate.limit)
        return { allowed: false, refusedBy: index, lockedUntilMs: null };
    }
    const thenSet = options?.thenSet;
    if (thenSet)
      write(thenSet.key, {
        kind: "value",
        value: thenSet.value,
        expiresAtMs: nowMs + toLifetimeMs(thenSet.ttlSeconds),
      });
    const zeros = gates.map(() => 0);
    if (options?.dryRun)
      return {
        allowed: true,
        counts: live.map((entry) => entry?.count ?? 0),
        lockedUntilMs: zeros,
        windowEndsAtMs: zeros,
        previousWindowEndsAtMs: zeros,
      };
    const counts: number[] = [];
    const lockedUntilMs: number[] = [];
    const windowEndsAtMs: number[] = [];
    const previousWindowEndsAtMs: number[] = [];
    for (const gate of gates) {
      const previous = live[counts.length];
      const count = (previous?.count ?? 0) + 1;
      const lockSeconds = lockSecondsAt(gate, count);
      const until = lockSeconds > 0 ? nowMs + lockSeconds * 1000 : 0;
      const windowEnd = nowMs + toLifetimeMs(gate.windowSeconds);
      write(gate.key, { kind: "gate", count, lockedUntilMs: until, expiresAtMs: windowEnd });
      counts.push(count);
      lockedUntilMs.push(until);
      windowEndsAtMs.push(windowEnd);
      previousWindowEndsAtMs.push(previous?.expiresAtMs ?? 0);
    }
    return { allowed: true, counts, lockedUntilMs, windowEndsAtMs, previousWindowEndsAtMs };
  };

  return {
    async set(key, value, ttlSeconds) {
      write(key, { kind: "value", value, expiresAtMs: clock.nowMs() + toLifetimeMs(ttlSeconds) });
    },

    async setIfAbsent(key, value, ttlSeconds) {
      const nowMs = clock.nowMs();
      if (readLive(key, nowMs)) return false;
      write(key, { kind: "value", value, expiresAtMs: nowMs + toLifetimeMs(ttlSeconds) });
      return true;
    },

    async get(key) {
      const entry = readLive(key, clock.nowMs());
      return entry?.kind === "value" ? entry.value : null;
    },

    // Read and delete happen in one synchronous step, so no other caller can interleave between them.
    async consume(key, options) {
      if (options?.marker) assertOneHashTag("consume", [key, options.marker.key]);
      const entry = readLive(key, clock.nowMs());
      if (entry?.kind !== "value") return null;
      entries.delete(key);
      if (options?.marker)
        write(options.marker.key, {
          kind: "value",
          value: "1",
          expiresAtMs: entry.expiresAtMs + toLifetimeMs(options.marker.extraSeconds),
        });
      return entry.value;
    },

    async getMany(keys) {
      const nowMs = clock.nowMs();
      return keys.map((key) => {
        const entry = readLive(key, nowMs);
        return entry?.kind === "value" ? entry.value : null;
      });
    },

    async delete(...keys) {
      for (const key of keys) entries.delete(key);
    },

    async increment(key, windowSeconds, options) {
      const nowMs = clock.nowMs();
      const entry = readLive(key, nowMs);
      if (entry?.kind === "counter") {
        entry.count++;
        if (options?.sliding) entry.expiresAtMs = nowMs + toLifetimeMs(windowSeconds);
        return entry.count;
      }
      write(key, { kind: "counter", count: 1, expiresAtMs: nowMs + toLifetimeMs(windowSeconds) });
      return 1;
    },

    // Checks and counts every gate in one synchronous step, so parallel attempts cannot interleave.
    async takeAttempt(gates, options) {
      return takeAttemptNow(gates, options);
    },

    // All in one synchronous step, as each half is.
    async consumeTakingAttempt(key, options) {
      assertOneHashTag("consume", [key, options.marker.key]);
      assertOneHashTag(
        "takeAttempt",
        options.gates.map((gate) => gate.key),
      );
      const entry = readLive(key, clock.nowMs());
      if (entry?.kind !== "value") return { value: null, taken: null };
      const taken = takeAttemptNow(options.gates);
      if (!taken.allowed) return { value: null, taken };
      entries.delete(key);
      write(options.marker.key, {
        kind: "value",
        value: "1",
        expiresAtMs: entry.expiresAtMs + toLifetimeMs(options.marker.extraSeconds),
      });
      return { value: entry.value, taken };
    },

    async giveBackAttempt(taken) {
      assertOneHashTag(
        "giveBackAttempt",
        taken.map((gate) => gate.key),
      );
      const nowMs = clock.nowMs();
      for (const { key, lockedUntilMs, windowEndsAtMs, previousWindowEndsAtMs = 0 } of taken) {
        const entry = readLive(key, nowMs);
        if (entry?.kind !== "gate") continue;
        entry.count = Math.max(0, entry.count - 1);
        if (lockedUntilMs > 0 && entry.lockedUntilMs === lockedUntilMs) entry.lockedUntilMs = 0;
        if (windowEndsAtMs !== undefined && entry.expiresAtMs === windowEndsAtMs) {
          if (previousWindowEndsAtMs > nowMs) entry.expiresAtMs = previousWindowEndsAtMs;
          else if (entry.count === 0) entries.delete(key);
        }
      }
    },

    async takeToken(key, capacity, refillPerSecond) {
      assertBucketArguments(capacity, refillPerSecond);
      const nowMs = clock.nowMs();
      const entry = readLive(key, nowMs);
      const previous = entry?.kind === "bucket" ? entry : { tokens: capacity, updatedAtMs: nowMs };
      const elapsedSeconds = Math.max(0, nowMs - previous.updatedAtMs) / 1000;
      let tokens = Math.min(capacity, previous.tokens + elapsedSeconds * refillPerSecond);
      const allowed = tokens + TOKEN_EPSILON >= 1;
      if (allowed) tokens = Math.max(0, tokens - 1);
      const retryAfterSeconds = allowed ? 0 : Math.ceil((1 - tokens) / refillPerSecond - TOKEN_EPSILON);
      // An untouched bucket is indistinguishable from a full one, so its state can go once it refills.
      const fullAgainInMs = Math.ceil(((capacity - tokens) / refillPerSecond) * 1000);
      write(key, { kind: "bucket", tokens, updatedAtMs: nowMs, expiresAtMs: nowMs + Math.max(1, fullAgainInMs) });
      return { allowed, retryAfterSeconds };
    },

    async publish(channel, message) {
      const handlers = subscriptions.get(channel);
      if (!handlers) return;
      // Handlers subscribed when the message was published receive it, unless they unsubscribe first;
      // delivery is deferred so a handler never runs inside the publisher's call stack.
      for (const handler of [...handlers]) {
        setImmediate(() => {
          if (subscriptions.get(channel)?.has(handler)) handler(message);
        });
      }
    },

    async subscribe(channel, onMessage) {
      // A fresh wrapper per call, so subscribing the same function twice yields two independent subscriptions.
      const handler: MessageHandler = (message) => onMessage(message);
      let handlers = subscriptions.get(channel);
      if (!handlers) {
        handlers = new Set();
        subscriptions.set(channel, handlers);
      }
      handlers.add(handler);
      return async () => {
        const current = subscriptions.get(channel);
        if (!current) return;
        current.delete(handler);
        if (current.size === 0) subscriptions.delete(channel);
      };
    },

    async ping() {},

    async close() {
      entries.clear();
      subscriptions.clear();
      writesSinceSweep = 0;
    },
  };
}

function assertBucketArguments(capacity: number, refillPerSecond: number): void {
  if (!(capacity >= 1)) throw new RangeError(`takeToken capacity must be >= 1, got ${capacity}`);
  if (!(refillPerSecond > 0)) throw new RangeError(`takeToken refillPerSecond must be > 0, got ${refillPerSecond}`);
}
