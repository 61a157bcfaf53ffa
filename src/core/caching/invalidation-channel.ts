import type { ShortLivedStore } from "../ports.js";

/**
 * A counter that moves whenever a connection other than this process's commits to the database:
 * SQLite's `PRAGMA data_version` on the embedded file, which the admin CLI may write while the
 * gateway runs and which no pub/sub reaches. Absent where every writer announces its changes.
 */
export interface OutsideCommits {
  /** Cheap and synchronous: read before every cache hit. */
  count(): number;
}

/**
 * The freshness rules every per-process cache of database rows follows, in one place:
 * - A change is announced after its transaction commits: dropped here at once and published on the
 *   store's channel, so every other process drops it before it answers a request that starts after
 *   the change was acknowledged (`publishDelivered`: the message is on every subscriber's socket by then).
 * - Nothing is cached until the subscription works: a store that is down at start-up only costs the
 *   cache, never freshness; a read that began before the subscription existed is not kept.
 * - A gap in the subscription (a lost Redis connection) drops everything, as does a message this
 *   process cannot read, and a commit by another connection to the embedded file (`outsideCommits`).
 * - Every invalidation bumps a generation: a read that started before one must not cache what it read.
 */
export function createInvalidationChannel<M>({
  store,
  channel,
  parse,
  forget,
  outsideCommits,
}: {
  store: ShortLivedStore;
  channel: string;
  /** Another process's message, or null when it is not understood (then everything is dropped). */
  parse: (message: string) => M | null;
  /** Drops what `invalidation` covers here; null means everything. */
  forget: (invalidation: M | null) => void;
  outsideCommits?: OutsideCommits;
}) {
  let generation = 0;
  let unsubscribe: (() => Promise<void>) | null = null;
  let subscribing: Promise<void> | null = null;
  let closed = false;
  let outsideCount = outsideCommits?.count();

  function drop(invalidation: M | null): void {
    generation++;
    forget(invalidation);
  }

  function noticeOutsideCommits(): void {
    if (!outsideCommits) return;
    const count = outsideCommits.count();
    if (count === outsideCount) return;
    outsideCount = count;
    drop(null);
  }

  function onMessage(message: string): void {
    let parsed: M | null = null;
    try {
      parsed = parse(message);
    } catch {
      // Not ours to understand: dropping everything is always safe.
    }
    drop(parsed);
  }

  function subscribe(): Promise<void> {
    subscribing ??= store.subscribe(channel, onMessage, { onGap: () => drop(null) }).then(
      async (stop) => {
        if (closed) return stop();
        unsubscribe = stop;
        // A read that began before the subscription existed may have missed a change: do not keep it.
        generation++;
      },
      () => {
        subscribing = null;
      },
    );
    return subscribing;
  }

  return {
    /** Subscribes to other processes' invalidations; call once before serving requests (never throws). */
    start: (): Promise<void> => subscribe(),

    /** Where invalidations stand: pass it to `mayKeep` when the read it guards is done. */
    generation: (): number => generation,

    /**
     * Before answering from memory: notices commits by another connection to the embedded file, then
     * waits one event-loop turn. Another process's invalidation is on this process's socket before the
     * request that must see it (`publishDelivered`), but both can become readable in
     * the same turn, the request handled first; one turn lets every message already received run.
     */
    async beforeHit(): Promise<void> {
      noticeOutsideCommits();
      await new Promise<void>((resolve) => setImmediate(resolve));
      noticeOutsideCommits();
    },

    /** Whether what a read that started at `startedAt` found may be cached (retries the subscription when it is not up). */
    mayKeep(startedAt: number): boolean {
      if (!unsubscribe) {
        void subscribe();
        return false;
      }
      noticeOutsideCommits();
      return generation === startedAt;
    },

    /** After a change committed: drops it here, then tells every other process. Never throws. */
    async announce(invalidation: M): Promise<void> {
      drop(invalidation);
      try {
        await publishDelivered(store, channel, JSON.stringify(invalidation));
      } catch {
        // The change has committed and must not be reported as failed. A store that cannot publish has
        // lost its connection, so every other process's subscription reports a gap and drops its cache.
      }
    },

    /** Drops here only, without telling the others (inside a changing transaction; the announcement after its commit tells everyone). */
    dropHere: (invalidation: M | null): void => drop(invalidation),

    async close(): Promise<void> {
      closed = true;
      const stop = unsubscribe;
      unsubscribe = null;
      drop(null);
      await stop?.();
    },
  };
}

export type InvalidationChannel<M> = ReturnType<typeof createInvalidationChannel<M>>;

/** Freezes a cached value all the way down: it is shared by concurrent requests and must never change. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Publishes, then resolves only once the store has written the message to every subscriber's
 * connection. Redis answers PUBLISH first and writes to the subscribers just after, in the same turn
 * of its event loop; on a busy machine it can be paused between the two, long enough for the
 * publisher to answer its client and that client to reach another process before the message does
 * (seen in CI). A PING sent after PUBLISH's answer is answered only after that turn has finished.
 * On a Redis Cluster other nodes get the message over the cluster bus, which this cannot wait for.
 */
export async function publishDelivered(
  store: Pick<ShortLivedStore, "publish" | "ping">,
  channel: string,
  message: string,
): Promise<void> {
  await store.publish(channel, message);
  await store.ping();
}
