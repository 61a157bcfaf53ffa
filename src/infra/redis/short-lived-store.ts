import { Redis, type RedisOptions } from "ioredis";
import type { ShortLivedStore } from "../../core/ports.js";
import type { Clock } from "../../lib/clock.js";

/**
 * Every key is a hash carrying its own logical expiry `e` (ms, from the injected clock), so expiry follows
 * the gateway's clock rather than Redis's — tests move a manual clock and entries vanish. The real
 * PEXPIRE is set `GC_GRACE_MS` beyond that and serves only as garbage collection.
 * Fields: value {v, e} · counter {c, e} · token bucket {t, u, e}.
 */
const GC_GRACE_MS = 60_000;
const PING_TIMEOUT_MS = 1_000;
const QUIT_TIMEOUT_MS = 1_000;
const MAX_RECONNECT_DELAY_MS = 1_000;

const SET_SCRIPT = `
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'v', ARGV[1], 'e', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

const SET_IF_ABSENT_SCRIPT = `
local expiresAt = tonumber(redis.call('HGET', KEYS[1], 'e'))
if expiresAt and expiresAt > tonumber(ARGV[1]) then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'v', ARGV[2], 'e', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;

const GET_SCRIPT = `
local entry = redis.call('HMGET', KEYS[1], 'v', 'e')
local expiresAt = tonumber(entry[2])
if entry[1] and expiresAt and expiresAt > tonumber(ARGV[1]) then return entry[1] end
return false`;

const CONSUME_SCRIPT = `
local entry = redis.call('HMGET', KEYS[1], 'v', 'e')
if not entry[1] then return false end
redis.call('DEL', KEYS[1])
local expiresAt = tonumber(entry[2])
if expiresAt and expiresAt > tonumber(ARGV[1]) then return entry[1] end
return false`;

// KEYS[1] the entry, KEYS[2] its marker: a live entry is taken and the marker set until the entry's own
// expiry plus ARGV[2] ms, in one step, so "already used" can be told from "never existed" afterwards.
const CONSUME_MARKING_SCRIPT = `
local entry = redis.call('HMGET', KEYS[1], 'v', 'e')
if not entry[1] then return false end
redis.call('DEL', KEYS[1])
local expiresAt = tonumber(entry[2])
if not expiresAt or expiresAt <= tonumber(ARGV[1]) then return false end
local markerExpiresAt = expiresAt + tonumber(ARGV[2])
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[2], 'v', '1', 'e', string.format('%d', markerExpiresAt))
redis.call('PEXPIRE', KEYS[2], math.max(1, markerExpiresAt - tonumber(ARGV[1])) + tonumber(ARGV[3]))
return entry[1]`;

// Any number of keys; a missing or expired value (or a key that holds a counter or bucket) is false.
const GET_MANY_SCRIPT = `
local now = tonumber(ARGV[1])
local values = {}
for i, name in ipairs(KEYS) do
  local entry = redis.call('HMGET', name, 'v', 'e')
  local expiresAt = tonumber(entry[2])
  if entry[1] and expiresAt and expiresAt > now then values[i] = entry[1] else values[i] = false end
end
return values`;

const INCREMENT_SCRIPT = `
local entry = redis.call('HMGET', KEYS[1], 'c', 'e')
local windowEndsAt = tonumber(entry[2])
if entry[1] and windowEndsAt and windowEndsAt > tonumber(ARGV[1]) then
  local count = redis.call('HINCRBY', KEYS[1], 'c', 1)
  if ARGV[4] == '1' then
    redis.call('HSET', KEYS[1], 'e', ARGV[2])
    redis.call('PEXPIRE', KEYS[1], ARGV[3])
  end
  return count
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'c', 1, 'e', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

// KEYS: the gates. ARGV[1] now, ARGV[2] '1' for a dry run, ARGV[3] GC grace ms, then per gate: window ms,
// limit (-1 for none), lock seconds by count (comma-separated). Fields: c count, e window end, l locked
// until. Returns {1, then per gate: count, lock set, window end set, window end replaced (0 if none)}
// or {0, index of the refusing gate, locked until ms (0 when full rather than locked)}.
const TAKE_ATTEMPT_SCRIPT = `
local now = tonumber(ARGV[1])
local gcGraceMs = tonumber(ARGV[3])
local counts = {}
local previousEnds = {}
for i, name in ipairs(KEYS) do
  local base = 3 + (i - 1) * 3
  local limit = tonumber(ARGV[base + 2])
  local entry = redis.call('HMGET', name, 'c', 'e', 'l')
  local count = tonumber(entry[1]) or 0
  local windowEndsAt = tonumber(entry[2]) or 0
  local lockedUntil = tonumber(entry[3]) or 0
  if windowEndsAt <= now then
    count = 0
    lockedUntil = 0
    windowEndsAt = 0
  end
  if lockedUntil > now then return {0, i - 1, lockedUntil} end
  if limit >= 0 and count >= limit then return {0, i - 1, 0} end
  counts[i] = count
  previousEnds[i] = windowEndsAt
end
local result = {1}
if ARGV[2] == '1' then
  for i = 1, #KEYS do
    result[#result + 1] = counts[i]
    result[#result + 1] = 0
    result[#result + 1] = 0
    result[#result + 1] = 0
  end
  return result
end
for i, name in ipairs(KEYS) do
  local base = 3 + (i - 1) * 3
  local windowMs = tonumber(ARGV[base + 1])
  local count = counts[i] + 1
  local lockTable = {}
  for seconds in string.gmatch(ARGV[base + 3], '[^,]+') do lockTable[#lockTable + 1] = tonumber(seconds) end
  local lockedUntil = 0
  if #lockTable > 0 then
    local lockSeconds = lockTable[math.min(count, #lockTable - 1) + 1]
    if lockSeconds > 0 then lockedUntil = now + lockSeconds * 1000 end
  end
  redis.call('DEL', name)
  redis.call('HSET', name, 'c', count, 'e', string.format('%d', now + windowMs), 'l', string.format('%d', lockedUntil))
  redis.call('PEXPIRE', name, windowMs + gcGraceMs)
  result[#result + 1] = count
  result[#result + 1] = lockedUntil
  result[#result + 1] = now + windowMs
  result[#result + 1] = previousEnds[i]
end
return result`;

// KEYS: the gates; ARGV[1] now, ARGV[2] GC grace ms, then per gate: the lock its attempt set, the window
// end it set and the one it replaced (0 for none; -1 for "leave the window").
const GIVE_BACK_ATTEMPT_SCRIPT = `
local now = tonumber(ARGV[1])
local gcGraceMs = tonumber(ARGV[2])
for i, name in ipairs(KEYS) do
  local base = 2 + (i - 1) * 3
  local entry = redis.call('HMGET', name, 'c', 'e', 'l')
  local count = tonumber(entry[1])
  local windowEndsAt = tonumber(entry[2]) or 0
  if count and windowEndsAt > now then
    count = math.max(0, count - 1)
    local setLock = tonumber(ARGV[base + 1])
    local setEnd = tonumber(ARGV[base + 2])
    local previousEnd = tonumber(ARGV[base + 3])
    if setLock > 0 and tonumber(entry[3]) == setLock then redis.call('HSET', name, 'l', 0) end
    if setEnd > 0 and windowEndsAt == setEnd and previousEnd <= now and count == 0 then
      redis.call('DEL', name)
    else
      redis.call('HSET', name, 'c', count)
      if setEnd > 0 and windowEndsAt == setEnd and previousEnd > now then
        redis.call('HSET', name, 'e', string.format('%d', previousEnd))
        redis.call('PEXPIRE', name, previousEnd - now + gcGraceMs)
      end
    end
  end
end
return 1`;

// Returns {allowed (0|1), retryAfterSeconds}. The epsilon keeps a float refill that lands a hair
// under a whole token (0.1/s over 10 s) usable; it must match the memory adapter's.
const TAKE_TOKEN_SCRIPT = `
local now = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local refillPerSecond = tonumber(ARGV[3])
local gcGraceMs = tonumber(ARGV[4])
local epsilon = 1e-9
local entry = redis.call('HMGET', KEYS[1], 't', 'u', 'e')
local tokens = tonumber(entry[1])
local updatedAt = tonumber(entry[2])
local expiresAt = tonumber(entry[3])
if not tokens or not updatedAt or not expiresAt or expiresAt <= now then
  tokens = capacity
  updatedAt = now
end
tokens = math.min(capacity, tokens + math.max(0, now - updatedAt) / 1000 * refillPerSecond)
local allowed = 0
local retryAfterSeconds = 0
if tokens + epsilon >= 1 then
  allowed = 1
  tokens = math.max(0, tokens - 1)
else
  retryAfterSeconds = math.ceil((1 - tokens) / refillPerSecond - epsilon)
end
local fullAgainInMs = math.max(1, math.ceil((capacity - tokens) / refillPerSecond * 1000))
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 't', string.format('%.17g', tokens), 'u', ARGV[1], 'e', string.format('%.17g', now + fullAgainInMs))
redis.call('PEXPIRE', KEYS[1], fullAgainInMs + gcGraceMs)
return {allowed, retryAfterSeconds}`;

/** Each script with the number of keys it takes (null: given with each call, before the keys). */
const SCRIPTS = {
  gwSet: [SET_SCRIPT, 1],
  gwSetIfAbsent: [SET_IF_ABSENT_SCRIPT, 1],
  gwGet: [GET_SCRIPT, 1],
  gwConsume: [CONSUME_SCRIPT, 1],
  gwConsumeMarking: [CONSUME_MARKING_SCRIPT, 2],
  gwGetMany: [GET_MANY_SCRIPT, null],
  gwIncrement: [INCREMENT_SCRIPT, 1],
  gwTakeToken: [TAKE_TOKEN_SCRIPT, 1],
  gwTakeAttempt: [TAKE_ATTEMPT_SCRIPT, null],
  gwGiveBackAttempt: [GIVE_BACK_ATTEMPT_SCRIPT, null],
} as const;

type ScriptName = keyof typeof SCRIPTS;
type ScriptedRedis = Redis & Record<ScriptName, (...keysThenArgs: (string | number)[]) => Promise<unknown>>;
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
 * ShortLivedStore over Redis, shared by every gateway process. Keys and channels get `keyPrefix`
 * (default "gw:"). Expiry follows `clock`; Redis TTLs only collect garbage. The connection retries
 * forever (at most 1 s apart) so the gateway recovers when Redis returns; meanwhile commands reject
 * after one retry and `ping()` rejects within about a second. Connection errors go to `onError`
 * (default: ignored, since every command and `ping()` already surface the outage).
 * Throws RangeError from `takeToken` when capacity < 1 or refillPerSecond <= 0.
 */
export function createRedisShortLivedStore(options: {
  url: string;
  clock: Clock;
  keyPrefix?: string;
  onError?: (error: Error) => void;
}): ShortLivedStore {
  const { clock } = options;
  const prefix = options.keyPrefix ?? "gw:";
  const onError = options.onError ?? (() => undefined);
  const connectionOptions: RedisOptions = {
    lazyConnect: false,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    // Commands issued in the same tick (concurrent requests whose replies arrived together) leave in one
    // write: on loopback every socket write costs the sender the receiver's TCP work too.
    enableAutoPipelining: true,
    retryStrategy: (attempt) => Math.min(attempt * 100, MAX_RECONNECT_DELAY_MS),
  };

  const redis = new Redis(options.url, connectionOptions) as ScriptedRedis;
  // Without an 'error' listener an outage would be an unhandled 'error' event and crash the process.
  redis.on("error", onError);
  for (const [name, [lua, numberOfKeys]] of Object.entries(SCRIPTS)) redis.defineCommand(name, numberOfKeys === null ? { lua } : { numberOfKeys, lua });

  let subscriber: Redis | undefined;
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
    for (const subscription of [...channels.values()]) for (const handler of [...subscription.handlers]) callSafely(() => handler.gap());
  };

  const getSubscriber = (): Redis => {
    if (subscriber) return subscriber;
    subscriber = redis.duplicate({ enableAutoPipelining: false });
    subscriber.on("error", onError);
    subscriber.on("close", () => {
      if (subscriberDown) return;
      subscriberDown = true;
      reportGap();
    });
    subscriber.on("ready", () => {
      if (!subscriberDown) return;
      subscriberDown = false;
      reportGap();
    });
    subscriber.on("message", (channel: string, message: string) => {
      const subscription = channels.get(channel);
      if (!subscription) return;
      for (const handler of [...subscription.handlers]) callSafely(() => handler.message(message));
    });
    return subscriber;
  };

  const key = (name: string): string => prefix + name;
  const now = (): string => String(clock.nowMs());
  const ttlMs = (seconds: number): number => Math.max(1, Math.ceil(seconds * 1000));

  return {
    async set(name, value, ttlSeconds) {
      const lifetimeMs = ttlMs(ttlSeconds);
      await redis.gwSet(key(name), value, String(clock.nowMs() + lifetimeMs), String(lifetimeMs + GC_GRACE_MS));
    },

    async setIfAbsent(name, value, ttlSeconds) {
      const nowMs = clock.nowMs();
      const lifetimeMs = ttlMs(ttlSeconds);
      const created = await redis.gwSetIfAbsent(key(name), String(nowMs), value, String(nowMs + lifetimeMs), String(lifetimeMs + GC_GRACE_MS));
      return created === 1;
    },

    async get(name) {
      return (await redis.gwGet(key(name), now())) as string | null;
    },

    // One script reads, deletes and checks expiry, so across every process exactly one caller wins.
    async consume(name, options) {
      if (!options?.marker) return (await redis.gwConsume(key(name), now())) as string | null;
      const extraMs = ttlMs(options.marker.extraSeconds);
      return (await redis.gwConsumeMarking(key(name), key(options.marker.key), now(), String(extraMs), String(GC_GRACE_MS))) as string | null;
    },

    async getMany(names) {
      if (names.length === 0) return [];
      const values = (await redis.gwGetMany(names.length, ...names.map(key), now())) as (string | null)[];
      return values.map((value) => value ?? null);
    },

    async delete(...names) {
      if (names.length > 0) await redis.del(...names.map(key));
    },

    async increment(name, windowSeconds, options) {
      const nowMs = clock.nowMs();
      const windowMs = ttlMs(windowSeconds);
      const sliding = options?.sliding ? "1" : "0";
      return (await redis.gwIncrement(key(name), String(nowMs), String(nowMs + windowMs), String(windowMs + GC_GRACE_MS), sliding)) as number;
    },

    // One script checks every gate and then counts in all of them: parallel attempts in any process queue up.
    async takeAttempt(gates, options) {
      if (gates.length === 0) return { allowed: true, counts: [], lockedUntilMs: [], windowEndsAtMs: [], previousWindowEndsAtMs: [] };
      const args = gates.flatMap((gate) => [String(ttlMs(gate.windowSeconds)), String(gate.limit ?? -1), (gate.lockSecondsByCount ?? []).join(",")]);
      const reply = (await redis.gwTakeAttempt(gates.length, ...gates.map((gate) => key(gate.key)), now(), options?.dryRun ? "1" : "0", String(GC_GRACE_MS), ...args)) as number[];
      if (reply[0] !== 1) return { allowed: false, refusedBy: reply[1]!, lockedUntilMs: reply[2] ? reply[2] : null };
      const at = (index: number, field: number) => reply[1 + index * 4 + field]!;
      return {
        allowed: true,
        counts: gates.map((_, index) => at(index, 0)),
        lockedUntilMs: gates.map((_, index) => at(index, 1)),
        windowEndsAtMs: gates.map((_, index) => at(index, 2)),
        previousWindowEndsAtMs: gates.map((_, index) => at(index, 3)),
      };
    },

    async giveBackAttempt(taken) {
      if (taken.length === 0) return;
      const args = taken.flatMap((gate) => [String(gate.lockedUntilMs), String(gate.windowEndsAtMs ?? -1), String(gate.previousWindowEndsAtMs ?? 0)]);
      await redis.gwGiveBackAttempt(taken.length, ...taken.map((gate) => key(gate.key)), now(), String(GC_GRACE_MS), ...args);
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
        timer = setTimeout(() => reject(new Error(`Redis did not answer PING within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
      });
      try {
        await Promise.race([redis.ping(), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },

    async close() {
      channels.clear();
      await Promise.all([redis, subscriber].map((connection) => (connection ? quit(connection) : undefined)));
    },
  };
}

/** QUIT politely when Redis answers, otherwise drop the socket; never throws and never hangs. */
async function quit(connection: Redis): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      connection.quit(),
      new Promise((resolve) => {
        timer = setTimeout(resolve, QUIT_TIMEOUT_MS);
      }),
    ]);
  } catch {
    // Closing during an outage: the socket is dropped below either way.
  } finally {
    clearTimeout(timer);
    connection.disconnect();
  }
}
