import { createInvalidationChannel, deepFreeze, type OutsideCommits } from "../caching/invalidation-channel.js";
import type { Database, ShortLivedStore } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { requireClientId } from "../validation.js";
import type { WebhookSubscription } from "../webhooks/webhook.types.js";
import { loadClientContext, type ClientContext } from "./client-context.js";

/** The store channel on which every gateway process hears of changed or deleted pools, clients and webhook subscriptions. */
export const CLIENT_CONTEXT_CHANNEL = "client-context-invalidations";
/** Far above the clients any deployment has; past it the oldest entry goes (insertion order). */
const DEFAULT_MAX_ENTRIES = 10_000;

type Invalidation =
  { kind: "client"; id: string } | { kind: "pool"; id: string } | { kind: "webhooks"; id: string } | { kind: "all" };

/**
 * Every public call (sign-in, refresh, sign-up, getUser…) starts from its app client and pool; this
 * keeps them in memory per process instead of reading both rows each time. It keeps each pool's
 * webhook subscriptions too, which every event appended in the pool is matched against, and pools
 * by id for the admin calls that name one (see cached-pool-reads.ts).
 *
 * Freshness is by invalidation, not by age: the pool, client and webhook services call
 * `invalidatePool` / `invalidateClient` / `invalidateWebhookSubscriptions` after their transaction
 * commits, which drops the entry here at once and publishes the change on the short-lived store, so
 * every other process drops it before it answers a request that starts after the change was
 * acknowledged (`publishDelivered` waits until it is on their sockets). When the store's subscription may
 * have missed messages (a lost Redis connection) the whole cache is dropped (the rules are
 * invalidation-channel.ts's). A TTL alone could not do this: admins expect the very next call to see
 * their change, and tests run on frozen clocks.
 *
 * Cached contexts are frozen: they are shared by concurrent requests and must never be changed.
 */
export function createClientContextCache({
  db,
  store,
  maxEntries = DEFAULT_MAX_ENTRIES,
  outsideCommits,
}: {
  db: Database;
  store: ShortLivedStore;
  maxEntries?: number;
  /** The embedded file's commit counter: the admin CLI writes it without a pub/sub to tell this process. */
  outsideCommits?: OutsideCommits;
}) {
  const entries = new Map<string, ClientContext>();
  const loads = new Map<string, Promise<ClientContext>>();
  /** Pools by id, for the admin paths that name a pool rather than a client. */
  const pools = new Map<string, UserPool>();
  /** Webhook subscriptions by pool id. */
  const subscriptionLists = new Map<string, readonly WebhookSubscription[]>();
  const prefetching = new Set<string>();

  const channel = createInvalidationChannel<Invalidation>({
    store,
    channel: CLIENT_CONTEXT_CHANNEL,
    outsideCommits,
    parse: (message) => {
      const parsed = JSON.parse(message) as Invalidation;
      return ["client", "pool", "webhooks", "all"].includes(parsed?.kind) ? parsed : null;
    },
    forget(invalidation) {
      loads.clear();
      if (invalidation === null || invalidation.kind === "all") {
        entries.clear();
        pools.clear();
        subscriptionLists.clear();
      } else if (invalidation.kind === "client") entries.delete(invalidation.id);
      else if (invalidation.kind === "webhooks") subscriptionLists.delete(invalidation.id);
      else {
        for (const [clientId, context] of entries) if (context.pool.id === invalidation.id) entries.delete(clientId);
        pools.delete(invalidation.id);
        subscriptionLists.delete(invalidation.id);
      }
    },
  });

  /** Keeps `value` unless an invalidation came since `startedAt`; past `maxEntries` the oldest entry goes. */
  function keep<V>(map: Map<string, V>, key: string, value: V, startedAt: number): void {
    if (!channel.mayKeep(startedAt)) return;
    if (map.size >= maxEntries && !map.has(key)) map.delete(map.keys().next().value!);
    map.set(key, value);
  }

  async function load(clientId: string): Promise<ClientContext> {
    const startedAt = channel.generation();
    const context = deepFreeze(await db.read((repositories) => loadClientContext(repositories, clientId)));
    keep(entries, clientId, context, startedAt);
    return context;
  }

  async function webhookSubscriptions(
    poolId: string,
    load: () => Promise<WebhookSubscription[]>,
  ): Promise<readonly WebhookSubscription[]> {
    const cached = subscriptionLists.get(poolId);
    if (cached) return cached;
    const startedAt = channel.generation();
    const subscriptions = deepFreeze(await load());
    keep(subscriptionLists, poolId, subscriptions, startedAt);
    return subscriptions;
  }

  return {
    /** Subscribes to other processes' invalidations; call once before serving requests (never throws). */
    start: (): Promise<void> => channel.start(),

    /**
     * The client and its pool as they are now (frozen; copy before changing).
     * @throws InvalidParameterException (malformed id), ResourceNotFoundException
     */
    async get(clientId: string): Promise<ClientContext> {
      requireClientId(clientId);
      if (entries.has(clientId)) await channel.beforeHit();
      const cached = entries.get(clientId);
      if (cached) return cached;
      // One read per client however many requests miss at once.
      let pending = loads.get(clientId);
      if (!pending) {
        pending = load(clientId).finally(() => {
          if (loads.get(clientId) === pending) loads.delete(clientId);
        });
        loads.set(clientId, pending);
      }
      return pending;
    },

    /**
     * The pool as it is now (frozen), or null when there is none (never cached: a pool created
     * elsewhere is seen at once). `load` must read outside any transaction, as `webhookSubscriptions`'
     * does; concurrent misses each read, for the same reason.
     */
    async pool(poolId: string, load: () => Promise<UserPool | null>): Promise<UserPool | null> {
      if (pools.has(poolId)) await channel.beforeHit();
      const cached = pools.get(poolId);
      if (cached) return cached;
      const startedAt = channel.generation();
      const pool = await load();
      if (pool === null) return null;
      deepFreeze(pool);
      keep(pools, poolId, pool, startedAt);
      return pool;
    },

    /** After a client was changed or deleted (its transaction committed). */
    invalidateClient: (clientId: string): Promise<void> => channel.announce({ kind: "client", id: clientId }),

    /** After a pool was changed or deleted (its transaction committed): drops the pool and every client of it. */
    invalidatePool: (poolId: string): Promise<void> => channel.announce({ kind: "pool", id: poolId }),

    /** The pool's webhook subscriptions if they are cached (frozen). */
    peekWebhookSubscriptions: (poolId: string): readonly WebhookSubscription[] | undefined =>
      subscriptionLists.get(poolId),

    /**
     * The pool's webhook subscriptions (frozen): cached, or read by `load` and cached. `load` must see
     * every committed change — a read outside any transaction, never a transaction's snapshot, which
     * can predate a change whose invalidation has already been heard (and would then stay cached).
     * Concurrent misses each read: a caller may hold the database (SQLite's single connection) and
     * must never wait for another caller's read.
     */
    webhookSubscriptions,

    /**
     * Reads the pool's webhook subscriptions into the cache in the background, with a read of its
     * own; for a caller inside a transaction, which must not cache its snapshot nor wait for another
     * read. Never throws.
     */
    prefetchWebhookSubscriptions(poolId: string): void {
      if (subscriptionLists.has(poolId) || prefetching.has(poolId)) return;
      prefetching.add(poolId);
      void webhookSubscriptions(poolId, () =>
        db.read((repositories) => repositories.webhooks.listSubscriptions(poolId)),
      )
        .catch(() => undefined)
        .finally(() => prefetching.delete(poolId));
    },

    /** After a webhook subscription of the pool was created or deleted (its transaction committed). */
    invalidateWebhookSubscriptions: (poolId: string): Promise<void> =>
      channel.announce({ kind: "webhooks", id: poolId }),

    /**
     * Drops the pool's subscriptions from this process's cache only, without telling the others: for
     * use inside the changing transaction; the invalidation after its commit tells everyone.
     */
    forgetWebhookSubscriptionsHere: (poolId: string): void => channel.dropHere({ kind: "webhooks", id: poolId }),

    close: (): Promise<void> => channel.close(),
  };
}

export type ClientContextCache = ReturnType<typeof createClientContextCache>;
