import type { Database, ShortLivedStore } from "../ports.js";
import { requireClientId } from "../validation.js";
import type { WebhookSubscription } from "../webhooks/webhook.types.js";
import { loadClientContext, type ClientContext } from "./client-context.js";

/** The store channel on which every gateway process hears of changed or deleted pools, clients and webhook subscriptions. */
export const CLIENT_CONTEXT_CHANNEL = "client-context-invalidations";
/** Far above the clients any deployment has; past it the oldest entry goes (insertion order). */
const DEFAULT_MAX_ENTRIES = 10_000;

type Invalidation = { kind: "client"; id: string } | { kind: "pool"; id: string } | { kind: "webhooks"; id: string } | { kind: "all" };

/**
 * Every public call (sign-in, refresh, sign-up, getUser…) starts from its app client and pool; this
 * keeps them in memory per process instead of reading both rows each time. It keeps each pool's
 * webhook subscriptions too, which every event appended in the pool is matched against.
 *
 * Freshness is by invalidation, not by age: the pool, client and webhook services call
 * `invalidatePool` / `invalidateClient` / `invalidateWebhookSubscriptions` after their transaction
 * commits, which drops the entry here at once and publishes the change on the short-lived store, so
 * every other process drops it before it answers a request that starts after the change was
 * acknowledged (Redis delivers the message before PUBLISH returns). When the store's subscription may have missed messages (a lost Redis connection) the
 * whole cache is dropped. A TTL alone could not do this: admins expect the very next call to see
 * their change, and tests run on frozen clocks.
 *
 * Cached contexts are frozen: they are shared by concurrent requests and must never be changed.
 */
export function createClientContextCache({ db, store, maxEntries = DEFAULT_MAX_ENTRIES }: { db: Database; store: ShortLivedStore; maxEntries?: number }) {
  const entries = new Map<string, ClientContext>();
  const loads = new Map<string, Promise<ClientContext>>();
  /** Webhook subscriptions by pool id. */
  const subscriptionLists = new Map<string, readonly WebhookSubscription[]>();
  const prefetching = new Set<string>();
  /** Bumped by every invalidation: a load that started before one must not cache what it read. */
  let generation = 0;
  let unsubscribe: (() => Promise<void>) | null = null;
  let subscribing: Promise<void> | null = null;
  let closed = false;

  function forget(invalidation: Invalidation): void {
    generation++;
    loads.clear();
    if (invalidation.kind === "all") {
      entries.clear();
      subscriptionLists.clear();
    } else if (invalidation.kind === "client") entries.delete(invalidation.id);
    else if (invalidation.kind === "webhooks") subscriptionLists.delete(invalidation.id);
    else {
      for (const [clientId, context] of entries) if (context.pool.id === invalidation.id) entries.delete(clientId);
      subscriptionLists.delete(invalidation.id);
    }
  }

  function onMessage(message: string): void {
    let parsed: Invalidation | null = null;
    try {
      parsed = JSON.parse(message) as Invalidation;
    } catch {
      // Not ours to understand: dropping everything is always safe.
    }
    forget(parsed && ["client", "pool", "webhooks", "all"].includes(parsed.kind) ? parsed : { kind: "all" });
  }

  async function announce(invalidation: Invalidation): Promise<void> {
    forget(invalidation);
    try {
      await store.publish(CLIENT_CONTEXT_CHANNEL, JSON.stringify(invalidation));
    } catch {
      // The change has committed and must not be reported as failed. A store that cannot publish has
      // lost its connection, so every other process's subscription reports a gap and drops its cache.
    }
  }

  /**
   * Subscribes to other processes' invalidations. Until that has worked nothing is cached: a store
   * that is down at start-up only costs the cache, never freshness.
   */
  function subscribe(): Promise<void> {
    subscribing ??= store
      .subscribe(CLIENT_CONTEXT_CHANNEL, onMessage, { onGap: () => forget({ kind: "all" }) })
      .then(
        async (stop) => {
          if (closed) return stop();
          unsubscribe = stop;
          // A load that read before the subscription existed may have missed a change: do not cache it.
          generation++;
        },
        () => {
          subscribing = null;
        },
      );
    return subscribing;
  }

  async function load(clientId: string): Promise<ClientContext> {
    const startedAt = generation;
    const context = await db.read((repositories) => loadClientContext(repositories, clientId));
    deepFreeze(context);
    if (!unsubscribe) {
      void subscribe();
      return context;
    }
    if (generation === startedAt) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(clientId, context);
    }
    return context;
  }

  /** Caches what a read that started at generation `startedAt` found, unless an invalidation came since. */
  function rememberSubscriptions(poolId: string, startedAt: number, subscriptions: readonly WebhookSubscription[]): void {
    if (!unsubscribe) {
      void subscribe();
      return;
    }
    if (generation !== startedAt) return;
    if (subscriptionLists.size >= maxEntries) subscriptionLists.delete(subscriptionLists.keys().next().value!);
    subscriptionLists.set(poolId, subscriptions);
  }

  async function webhookSubscriptions(poolId: string, load: () => Promise<WebhookSubscription[]>): Promise<readonly WebhookSubscription[]> {
    const cached = subscriptionLists.get(poolId);
    if (cached) return cached;
    const startedAt = generation;
    const subscriptions = deepFreeze(await load());
    rememberSubscriptions(poolId, startedAt, subscriptions);
    return subscriptions;
  }

  return {
    /** Subscribes to other processes' invalidations; call once before serving requests (never throws). */
    start: (): Promise<void> => subscribe(),

    /**
     * The client and its pool as they are now (frozen; copy before changing).
     * @throws InvalidParameterException (malformed id), ResourceNotFoundException
     */
    async get(clientId: string): Promise<ClientContext> {
      requireClientId(clientId);
      if (entries.has(clientId)) {
        // Another process's invalidation is on this process's socket before the request that must see it
        // (Redis sends it before PUBLISH returns), but both can become readable in the same event-loop
        // turn, the request handled first. One turn lets every message already received run first.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
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

    /** After a client was changed or deleted (its transaction committed). */
    invalidateClient: (clientId: string): Promise<void> => announce({ kind: "client", id: clientId }),

    /** After a pool was changed or deleted (its transaction committed): drops every client of the pool. */
    invalidatePool: (poolId: string): Promise<void> => announce({ kind: "pool", id: poolId }),

    /** The pool's webhook subscriptions if they are cached (frozen). */
    peekWebhookSubscriptions: (poolId: string): readonly WebhookSubscription[] | undefined => subscriptionLists.get(poolId),

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
      void webhookSubscriptions(poolId, () => db.read((repositories) => repositories.webhooks.listSubscriptions(poolId)))
        .catch(() => undefined)
        .finally(() => prefetching.delete(poolId));
    },

    /** After a webhook subscription of the pool was created or deleted (its transaction committed). */
    invalidateWebhookSubscriptions: (poolId: string): Promise<void> => announce({ kind: "webhooks", id: poolId }),

    /**
     * Drops the pool's subscriptions from this process's cache only, without telling the others: for
     * use inside the changing transaction; the invalidation after its commit tells everyone.
     */
    forgetWebhookSubscriptionsHere: (poolId: string): void => forget({ kind: "webhooks", id: poolId }),

    async close(): Promise<void> {
      closed = true;
      const stop = unsubscribe;
      unsubscribe = null;
      forget({ kind: "all" });
      await stop?.();
    },
  };
}

export type ClientContextCache = ReturnType<typeof createClientContextCache>;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
