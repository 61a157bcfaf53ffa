import { createInvalidationChannel, type OutsideCommits } from "../caching/invalidation-channel.js";
import { CLIENT_CONTEXT_CHANNEL } from "../clients/client-context-cache.js";
import type { Database, ShortLivedStore } from "../ports.js";
import { activeCustomScopesOf } from "./scopes.js";

/** Far above the pools any deployment has; past it the oldest entry goes (insertion order). */
const DEFAULT_MAX_ENTRIES = 10_000;

/** The client-context channel's messages (client-context-cache.ts); anything else is read as "everything changed". */
type Heard = { kind: "pool" | "client" | "webhooks"; id: string };

function parse(message: string): Heard | null {
  const parsed = JSON.parse(message) as { kind?: unknown; id?: unknown };
  return (parsed.kind === "pool" || parsed.kind === "client" || parsed.kind === "webhooks") &&
    typeof parsed.id === "string"
    ? { kind: parsed.kind, id: parsed.id }
    : null;
}

/**
 * Each pool's active custom scopes (its resource servers' scopes), which every client_credentials
 * grant checks the client's allowed scopes against: kept per process instead of two reads of the
 * resource-server tables on every /oauth2/token call.
 *
 * Freshness is by invalidation, on the client-context channel with its vocabulary: a change to a
 * pool's resource servers is announced as a change of the pool (`invalidatePool`), which drops the
 * pool here and in every other process (and their client contexts of the pool, which costs one read
 * each), before a request that starts after the change was acknowledged is answered. Whatever else
 * announces a pool change there (a pool import, the admin CLI) reaches this cache too; the freshness
 * rules (subscription first, gaps, other connections' commits to the embedded file) are
 * invalidation-channel.ts's.
 */
export function createCustomScopeCache({
  db,
  store,
  outsideCommits,
  maxEntries = DEFAULT_MAX_ENTRIES,
}: {
  db: Database;
  store: ShortLivedStore;
  outsideCommits?: OutsideCommits;
  maxEntries?: number;
}) {
  const entries = new Map<string, ReadonlySet<string>>();
  const channel = createInvalidationChannel<Heard>({
    store,
    channel: CLIENT_CONTEXT_CHANNEL,
    outsideCommits,
    parse,
    forget: (heard) => {
      if (heard === null) entries.clear();
      // A client's settings or a pool's webhook subscriptions are no resource servers.
      else if (heard.kind === "pool") entries.delete(heard.id);
    },
  });

  return {
    /** Subscribes to other processes' invalidations; call once before serving requests (never throws). */
    start: (): Promise<void> => channel.start(),

    /** The pool's active custom scopes (`identifier/scope`), as the resource-server tables hold them now. */
    async activeScopes(poolId: string): Promise<ReadonlySet<string>> {
      if (entries.has(poolId)) {
        await channel.beforeHit();
        const cached = entries.get(poolId);
        if (cached) return cached;
      }
      const startedAt = channel.generation();
      const scopes = activeCustomScopesOf(
        await db.read((repositories) => repositories.resourceServers.listAllByPool(poolId)),
      );
      if (channel.mayKeep(startedAt)) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        entries.set(poolId, scopes);
      }
      return scopes;
    },

    /**
     * After the pool's resource servers changed (their transaction committed): drops the pool here at
     * once and tells every process, the client-context caches included. Never throws.
     */
    invalidatePool: (poolId: string): Promise<void> => channel.announce({ kind: "pool", id: poolId }),

    close: (): Promise<void> => channel.close(),
  };
}

export type CustomScopeCache = ReturnType<typeof createCustomScopeCache>;
