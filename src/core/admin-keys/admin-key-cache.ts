import type { Clock } from "../../lib/clock.js";
import { createInvalidationChannel, deepFreeze, type OutsideCommits } from "../caching/invalidation-channel.js";
import type { ShortLivedStore } from "../ports.js";
import type { AdminApiKey } from "./admin-key.types.js";

/** The store channel on which every gateway process hears of revoked or changed admin keys. */
export const ADMIN_KEY_CHANNEL = "admin-key-invalidations";
/** Far above the keys any deployment uses at once; past it the least recently used entry goes. */
const DEFAULT_MAX_ENTRIES = 1_000;
/**
 * A backstop, not the mechanism: a writer that could not announce its change (the CLI on MariaDB
 * without REDIS_URL, or with a Redis this process does not share) is heard within this long.
 */
const DEFAULT_MAX_AGE_SECONDS = 60;

export type AdminKeyInvalidation = { kind: "key"; id: string } | { kind: "all" };

/** How the admin key service finds keys: through a cache in a gateway, straight from the database in the CLI. */
export interface AdminKeyLookups {
  /** The active key whose hash this is, or null; `load` reads it outside any transaction. */
  byHash(keyHash: string, load: () => Promise<AdminApiKey | null>): Promise<AdminApiKey | null>;
  /** The active key with this id (SigV4's access key id), or null. */
  byId(keyId: string, load: () => Promise<AdminApiKey | null>): Promise<AdminApiKey | null>;
  /** After a key was revoked or changed (its transaction committed): no process answers from what it held. Never throws. */
  invalidateKey(keyId: string): Promise<void>;
}

/**
 * Every admin request resolves its bearer key (by its SHA-256, never the key itself) or its SigV4
 * access key id; this keeps the active keys in memory per process instead of reading the row each
 * time. Only active keys are kept (an unknown or revoked key is read every time, so a key created
 * anywhere works at once), at most `maxEntries` of them, least recently used out first. What is
 * kept is the row as stored: the hash and the sealed SigV4 copy, never a secret in the clear.
 *
 * A revocation must hold in every process from the moment it is acknowledged: the admin key service
 * calls `invalidateKey` after the revoking transaction commits, which drops the key here and
 * publishes it on the store for every other process, with the rules of invalidation-channel.ts
 * (nothing kept until the subscription works, everything dropped on a gap). The embedded file's
 * commit counter (`outsideCommits`) catches the admin CLI's changes, which no pub/sub carries there.
 */
export function createAdminKeyCache({
  store,
  clock,
  maxEntries = DEFAULT_MAX_ENTRIES,
  maxAgeSeconds = DEFAULT_MAX_AGE_SECONDS,
  outsideCommits,
}: {
  store: ShortLivedStore;
  clock: Clock;
  maxEntries?: number;
  maxAgeSeconds?: number;
  outsideCommits?: OutsideCommits;
}) {
  /** By `hash:<sha256>` and `id:<keyId>`, in least-recently-used order. */
  const entries = new Map<string, { key: AdminApiKey; cachedAtMs: number }>();
  const loads = new Map<string, Promise<AdminApiKey | null>>();

  const channel = createInvalidationChannel<AdminKeyInvalidation>({
    store,
    channel: ADMIN_KEY_CHANNEL,
    outsideCommits,
    parse: (message) => {
      const parsed = JSON.parse(message) as AdminKeyInvalidation;
      return parsed?.kind === "key" && typeof parsed.id === "string" ? parsed : null;
    },
    forget(invalidation) {
      loads.clear();
      if (invalidation === null || invalidation.kind === "all") entries.clear();
      else for (const [lookup, entry] of entries) if (entry.key.id === invalidation.id) entries.delete(lookup);
    },
  });

  function fresh(lookup: string): AdminApiKey | null {
    const entry = entries.get(lookup);
    if (!entry) return null;
    entries.delete(lookup);
    if (clock.now().getTime() - entry.cachedAtMs >= maxAgeSeconds * 1000) return null;
    entries.set(lookup, entry);
    return entry.key;
  }

  async function load(lookup: string, read: () => Promise<AdminApiKey | null>): Promise<AdminApiKey | null> {
    const startedAt = channel.generation();
    const key = await read();
    if (key === null || key.revokedAt !== null) return key;
    deepFreeze(key);
    if (channel.mayKeep(startedAt)) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(lookup, { key, cachedAtMs: clock.now().getTime() });
    }
    return key;
  }

  async function find(lookup: string, read: () => Promise<AdminApiKey | null>): Promise<AdminApiKey | null> {
    // A request that finds a kept key, or joins a read already under way, first lets every
    // invalidation already received run (see beforeHit).
    if (entries.has(lookup) || loads.has(lookup)) await channel.beforeHit();
    const cached = fresh(lookup);
    if (cached) return cached;
    // One read per key however many requests miss at once.
    let pending = loads.get(lookup);
    if (!pending) {
      pending = load(lookup, read).finally(() => {
        if (loads.get(lookup) === pending) loads.delete(lookup);
      });
      loads.set(lookup, pending);
    }
    return pending;
  }

  return {
    /** Subscribes to other processes' invalidations; call once before serving requests (never throws). */
    start: (): Promise<void> => channel.start(),
    byHash: (keyHash: string, read: () => Promise<AdminApiKey | null>) => find(`hash:${keyHash}`, read),
    byId: (keyId: string, read: () => Promise<AdminApiKey | null>) => find(`id:${keyId}`, read),
    invalidateKey: (keyId: string): Promise<void> => channel.announce({ kind: "key", id: keyId }),
    close: (): Promise<void> => channel.close(),
  };
}

export type AdminKeyCache = ReturnType<typeof createAdminKeyCache>;

/**
 * Lookups straight from the database, for a process that serves no requests (the admin CLI). Its
 * changes still reach the gateways: `publish` sends them on the store they share (Redis), when there
 * is one; it reports its own failures and must not throw.
 */
export function createUncachedAdminKeyLookups(
  publish?: (channel: string, message: string) => Promise<void>,
): AdminKeyLookups {
  return {
    byHash: (_keyHash, read) => read(),
    byId: (_keyId, read) => read(),
    async invalidateKey(keyId) {
      await publish?.(ADMIN_KEY_CHANNEL, JSON.stringify({ kind: "key", id: keyId } satisfies AdminKeyInvalidation));
    },
  };
}
