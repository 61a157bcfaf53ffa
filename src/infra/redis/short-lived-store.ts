import { createHash } from "node:crypto";
import type { Cluster, Redis } from "ioredis";
import type { AttemptGate, AttemptTaken, ShortLivedStore } from "../../core/ports.js";
import type { Clock } from "../../lib/clock.js";
import { assertOneHashTag, hashTagOf } from "../../lib/hash-tag.js";
import { connectRedis, quit, type Subscriber } from "./connection.js";
import { SCRIPTS } from "./lua-scripts.js";

/**
 * Every key is a hash carrying its own logical expiry `e` (ms, from the injected clock), so expiry follows
 * the gateway's clock rather than Redis's — tests move a manual clock and entries vanish. The real
 * PEXPIRE is set `GC_GRACE_MS` beyond that and serves only as garbage collection (lua-scripts.ts).
 */
const GC_GRACE_MS = 60_000;
const PING_TIMEOUT_MS = 1_000;

type ScriptName = keyof typeof SCRIPTS;
const SCRIPT_SHA1 = Object.fromEntries(
  Object.entries(SCRIPTS).map(([name, [lua]]) => [name, createHash("sha1").update(lua).digest("hex")]),
) as Record<ScriptName, string>;
type ScriptCall = (...keysThenArgs: (string | number)[]) => Promise<unknown>;
type ScriptedRedis = (Redis | Cluster) & Record<ScriptName, ScriptCall> & Record<string, unknown>;
interface MessageHandler {
  message(message: string): void;
  gap(): void;
}

interface ChannelSubscription {
  handlers: Set<MessageHandler>;
  /** Resolves once Redis has acknowledged SUBSCRIBE; later subscribers to the channel await it too. */
  ready: Promise<unknown>;
}

/**
 * ShortLivedStore over Redis, shared by every gateway process: one node, a Sentinel-managed primary or
 * a Redis Cluster, as `url` says (lib/redis-url.ts). Keys and channels get `keyPrefix` (default "gw:").
 * Expiry follows `clock`; Redis TTLs only collect garbage. The connection retries forever (at most 1 s
 * apart) so the gateway recovers when Redis returns; meanwhile commands reject after one retry and
 * `ping()` rejects within about a second. Connection errors go to `onError` (default: ignored, since
 * every command and `ping()` already surface the outage).
 * Throws RangeError from `takeToken` when capacity < 1 or refillPerSecond <= 0, and from the atomic
 * multi-key calls when their keys do not share a hash tag (on a cluster they could not run at all).
 */
export function createRedisShortLivedStore(options: {
  url: string;
  clock: Clock;
  keyPrefix?: string;
  onError?: (error: Error) => void;
  /** Names the connections in CLIENT LIST (the subscriber gets ":subscriber" appended). */
  connectionName?: string;
}): ShortLivedStore {
  const { clock } = options;
  const prefix = options.keyPrefix ?? "gw:";
  const onError = options.onError ?? (() => undefined);
  const connection = connectRedis(options.url, onError, options.connectionName);
  const redis = connection.commands as ScriptedRedis;
  for (const [name, [lua, numberOfKeys]] of Object.entries(SCRIPTS))
    if (numberOfKeys !== null) redis.defineCommand(name, { numberOfKeys, lua });
  /**
   * A script that takes any number of keys, as EVALSHA (EVAL when this Redis has not cached it yet): ioredis
   * routes both on a cluster by their first key. Not a command defined per key count on first use: an
   * auto-pipeline opened before the definition lacks the new command, and ioredis then hands every later
   * reply of that pipeline to the wrong caller and stalls the connection for good.
   */
  const withKeys = async (name: ScriptName, keys: readonly string[], ...args: string[]): Promise<unknown> => {
    const scripting = redis as unknown as Record<
      "evalsha" | "eval",
      (script: string, numberOfKeys: number, ...keysThenArgs: string[]) => Promise<unknown>
    >;
    try {
      return await scripting.evalsha(SCRIPT_SHA1[name], keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
      return scripting.eval(SCRIPTS[name][0], keys.length, ...keys, ...args);
    }
  };

  let subscriber: Subscriber | undefined;
  const channels = new Map<string, ChannelSubscription>();

  // One throwing handler must neither starve the others nor throw into ioredis's reply parser.
  const callSafely = (call: () => void): void => {
    try {
      call();
    } catch (error) {
      onError(error instanceof Error ? error : new Error(String(error)));
    }
  };
  /** Messages published while the subscriber was disconnected are lost: tell every subscriber, when it drops and when it is back. */
  let subscriberDown = false;
  const reportGap = (): void => {
    for (const subscription of [...channels.values()])
      for (const handler of [...subscription.handlers]) callSafely(() => handler.gap());
  };

  const getSubscriber = (): Subscriber => {
    subscriber ??= connection.openSubscriber({
      error: onError,
      down: () => {
        if (subscriberDown) return;
        subscriberDown = true;
        reportGap();
      },
      up: () => {
        if (!subscriberDown) return;
        subscriberDown = false;
        reportGap();
      },
      message: (channel, message) => {
        const subscription = channels.get(channel);
        if (!subscription) return;
        for (const handler of [...subscription.handlers]) callSafely(() => handler.message(message));
      },
    });
    return subscriber;
  };
  /**
   * Keys grouped so that each group lives on one node: by hash tag on a cluster (keys of one tag share
   * a slot), all together on a single node.
   */
  const byNode = (names: readonly string[]): number[][] => {
    if (!connection.isCluster) return [names.map((_, index) => index)];
    const groups = new Map<string, number[]>();
    names.forEach((name, index) => {
      const tag = hashTagOf(key(name));
      const group = groups.get(tag);
      if (group) group.push(index);
      else groups.set(tag, [index]);
    });
    return [...groups.values()];
  };

  const key = (name: string): string => prefix + name;
  const now = (): string => String(clock.nowMs());
  const ttlMs = (seconds: number): number => Math.max(1, Math.ceil(seconds * 1000));

  const set = async (name: string, value: string, ttlSeconds: number): Promise<void> => {
    const lifetimeMs = ttlMs(ttlSeconds);
    await redis.gwSet(key(name), value, String(clock.nowMs() + lifetimeMs), String(lifetimeMs + GC_GRACE_MS));
  };

  /** TAKE_ATTEMPT_SCRIPT's ARGV: now, dry run, GC grace, then per gate its window, limit and lock schedule. */
  const attemptArgs = (gates: readonly AttemptGate[], dryRun: boolean, nowMs = clock.nowMs()): string[] => [
    String(nowMs),
    dryRun ? "1" : "0",
    String(GC_GRACE_MS),
    ...gates.flatMap((gate) => [
      String(ttlMs(gate.windowSeconds)),
      String(gate.limit ?? -1),
      (gate.lockSecondsByCount ?? []).join(","),
    ]),
  ];
  /** TAKE_ATTEMPT_SCRIPT's answer: {0, refusing gate, locked until} or {1, then four numbers per gate}. */
  const attemptTakenOf = (gates: readonly AttemptGate[], reply: number[]): AttemptTaken => {
    if (reply[0] !== 1) return { allowed: false, refusedBy: reply[1]!, lockedUntilMs: reply[2] ? reply[2] : null };
    const at = (index: number, field: number) => reply[1 + index * 4 + field]!;
    return {
      allowed: true,
      counts: gates.map((_, index) => at(index, 0)),
      lockedUntilMs: gates.map((_, index) => at(index, 1)),
      windowEndsAtMs: gates.map((_, index) => at(index, 2)),
      previousWindowEndsAtMs: gates.map((_, index) => at(index, 3)),
    };
  };

  return {
    set,

    async setIfAbsent(name, value, ttlSeconds) {
      const nowMs = clock.nowMs();
      const lifetimeMs = ttlMs(ttlSeconds);
      const created = await redis.gwSetIfAbsent(
        key(name),
        String(nowMs),
        value,
        String(nowMs + lifetimeMs),
        String(lifetimeMs + GC_GRACE_MS),
      );
      return created === 1;
    },

    async get(name) {
      return (await redis.gwGet(key(name), now())) as string | null;
    },

    // One script reads, deletes and checks expiry, so across every process exactly one caller wins.
    async consume(name, options) {
      if (options?.marker) assertOneHashTag("consume", [name, options.marker.key]);
      if (!options?.marker) return (await redis.gwConsume(key(name), now())) as string | null;
      const extraMs = ttlMs(options.marker.extraSeconds);
      return (await redis.gwConsumeMarking(
        key(name),
        key(options.marker.key),
        now(),
        String(extraMs),
        String(GC_GRACE_MS),
      )) as string | null;
    },

    // Not atomic across keys (the port promises none), so on a cluster each node's share is read apart.
    async getMany(names) {
      if (names.length === 0) return [];
      const nowMs = now();
      const values: (string | null)[] = names.map(() => null);
      await Promise.all(
        byNode(names).map(async (indexes) => {
          const found = (await withKeys(
            "gwGetMany",
            indexes.map((index) => key(names[index]!)),
            nowMs,
          )) as (string | null)[];
          indexes.forEach((index, position) => (values[index] = found[position] ?? null));
        }),
      );
      return values;
    },

    async delete(...names) {
      if (names.length === 0) return;
      await Promise.all(byNode(names).map((indexes) => redis.del(...indexes.map((index) => key(names[index]!)))));
    },

    async increment(name, windowSeconds, options) {
      const nowMs = clock.nowMs();
      const windowMs = ttlMs(windowSeconds);
      const sliding = options?.sliding ? "1" : "0";
      return (await redis.gwIncrement(
        key(name),
        String(nowMs),
        String(nowMs + windowMs),
        String(windowMs + GC_GRACE_MS),
        sliding,
      )) as number;
    },

    // One script checks every gate and then counts in all of them: parallel attempts in any process queue up.
    async takeAttempt(gates, options) {
      const thenSet = options?.thenSet;
      if (gates.length === 0) {
        if (thenSet) await set(thenSet.key, thenSet.value, thenSet.ttlSeconds);
        return { allowed: true, counts: [], lockedUntilMs: [], windowEndsAtMs: [], previousWindowEndsAtMs: [] };
      }
      assertOneHashTag(
        "takeAttempt",
        gates.map((gate) => gate.key),
      );
      const nowMs = clock.nowMs();
      const args = attemptArgs(gates, options?.dryRun ?? false, nowMs);
      const gateKeys = gates.map((gate) => key(gate.key));
      // One script sets the value too where one node holds every key; on a cluster, unless it shares the
      // gates' slot, the value is set once the gates have answered.
      const together =
        thenSet !== undefined && (!connection.isCluster || hashTagOf(key(thenSet.key)) === hashTagOf(gateKeys[0]!));
      let reply: number[];
      if (together) {
        const lifetimeMs = ttlMs(thenSet.ttlSeconds);
        reply = (await withKeys(
          "gwTakeAttemptThenSet",
          [...gateKeys, key(thenSet.key)],
          ...args,
          thenSet.value,
          String(nowMs + lifetimeMs),
          String(lifetimeMs + GC_GRACE_MS),
        )) as number[];
      } else {
        reply = (await withKeys("gwTakeAttempt", gateKeys, ...args)) as number[];
        if (thenSet && reply[0] === 1) await set(thenSet.key, thenSet.value, thenSet.ttlSeconds);
      }
      return attemptTakenOf(gates, reply);
    },

    // One script where one node holds the value, its marker and the gates (always on a single Redis).
    async consumeTakingAttempt(name, options) {
      const { marker, gates } = options;
      assertOneHashTag("consume", [name, marker.key]);
      assertOneHashTag(
        "takeAttempt",
        gates.map((gate) => gate.key),
      );
      if (gates.length === 0) return null;
      if (connection.isCluster && hashTagOf(key(name)) !== hashTagOf(key(gates[0]!.key))) return null;
      const reply = (await withKeys(
        "gwConsumeTakingAttempt",
        [key(name), key(marker.key), ...gates.map((gate) => key(gate.key))],
        ...attemptArgs(gates, false),
        String(ttlMs(marker.extraSeconds)),
      )) as (number | string)[];
      if (reply[0] === -1) return { value: null, taken: null };
      const taken = attemptTakenOf(gates, reply as number[]);
      return { value: taken.allowed ? String(reply[reply.length - 1]) : null, taken };
    },

    async giveBackAttempt(taken) {
      if (taken.length === 0) return;
      assertOneHashTag(
        "giveBackAttempt",
        taken.map((gate) => gate.key),
      );
      const args = taken.flatMap((gate) => [
        String(gate.lockedUntilMs),
        String(gate.windowEndsAtMs ?? -1),
        String(gate.previousWindowEndsAtMs ?? 0),
      ]);
      await withKeys(
        "gwGiveBackAttempt",
        taken.map((gate) => key(gate.key)),
        now(),
        String(GC_GRACE_MS),
        ...args,
      );
    },

    async takeToken(name, capacity, refillPerSecond) {
      if (!(capacity >= 1)) throw new RangeError(`takeToken capacity must be >= 1, got ${capacity}`);
      if (!(refillPerSecond > 0)) throw new RangeError(`takeToken refillPerSecond must be > 0, got ${refillPerSecond}`);
      const [allowed, retryAfterSeconds] = (await redis.gwTakeToken(
        key(name),
        now(),
        String(capacity),
        String(refillPerSecond),
        String(GC_GRACE_MS),
      )) as [number, number];
      return { allowed: allowed === 1, retryAfterSeconds };
    },

    async publish(channel, message) {
      await redis.publish(key(channel), message);
    },

    async subscribe(channel, onMessage, options) {
      const prefixed = key(channel);
      // A fresh wrapper per call, so subscribing the same function twice yields two independent subscriptions.
      const handler: MessageHandler = { message: (message) => onMessage(message), gap: () => options?.onGap?.() };
      let subscription = channels.get(prefixed);
      if (!subscription) {
        subscription = { handlers: new Set(), ready: getSubscriber().subscribe(prefixed) };
        channels.set(prefixed, subscription);
      }
      subscription.handlers.add(handler);
      try {
        await subscription.ready;
      } catch (error) {
        subscription.handlers.delete(handler);
        if (subscription.handlers.size === 0 && channels.get(prefixed) === subscription) channels.delete(prefixed);
        throw error;
      }
      const owner = subscription;
      return async () => {
        if (!owner.handlers.delete(handler)) return;
        if (owner.handlers.size > 0 || channels.get(prefixed) !== owner) return;
        channels.delete(prefixed);
        // Commands on one connection run in order, so a re-subscribe issued after this still wins.
        await subscriber?.unsubscribe(prefixed);
      };
    },

    async ping() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Redis did not answer PING within ${PING_TIMEOUT_MS} ms`)),
          PING_TIMEOUT_MS,
        );
      });
      try {
        await Promise.race([redis.ping(), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },

    async close() {
      channels.clear();
      await Promise.all([quit(redis), subscriber?.close()]);
    },
  };
}
