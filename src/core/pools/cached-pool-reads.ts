import type { ClientContextCache } from "../clients/client-context-cache.js";
import type { Database, Repositories } from "../ports.js";

/**
 * Reads outside a transaction find pools in the per-process cache (the client context cache's pool
 * entries, invalidated across processes like its clients): the admin calls that name a pool —
 * describeUserPool, listUsers, adminGetUser… — check it exists and that the key may see it on every
 * request, and the row changes only through the pool services, which invalidate it.
 *
 * Transactions still read the row: one that changes the pool must start from what is committed,
 * never from memory, and a lone read cannot tell which kind of caller it serves.
 */
export function withCachedPoolReads(db: Database, cache: Pick<ClientContextCache, "pool">): Database {
  // The database hands every read the same repositories: wrap them once each.
  const wrapped = new WeakMap<Repositories, Repositories>();
  const withCache = (repositories: Repositories): Repositories => {
    let cached = wrapped.get(repositories);
    if (!cached) {
      const pools = repositories.pools;
      cached = {
        ...repositories,
        pools: { ...pools, findById: (poolId) => cache.pool(poolId, () => pools.findById(poolId)) },
      };
      wrapped.set(repositories, cached);
    }
    return cached;
  };
  return { ...db, read: (work) => db.read((repositories) => work(withCache(repositories))) };
}
