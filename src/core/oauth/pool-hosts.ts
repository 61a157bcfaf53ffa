import type { Clock } from "../../lib/clock.js";
import type { Database, ShortLivedStore } from "../ports.js";
import { POOL_DOMAIN_CHANNEL } from "./user-pool-domain.service.js";
import type { UserPoolDomain } from "./user-pool-domain.types.js";

export interface PoolHostsDeps {
  db: Database;
  store: Pick<ShortLivedStore, "subscribe">;
  clock: Clock;
  /** POOL_DOMAIN_SUFFIX: prefix domains answer as `<prefix>.<suffix>`. */
  poolDomainSuffix: string;
  /** PUBLIC_URL, whose scheme and port the pool domains are published with. */
  publicUrl: string;
}

export type PoolHosts = ReturnType<typeof createPoolHosts>;

/** Host → pool answers are kept this long (misses too), unless a domain change arrives first. */
const CACHE_MS = 5000;
/** Past this many hosts the oldest entry goes: a flood of invented Host headers cannot grow the map. */
const MAX_ENTRIES = 1000;
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Which pool a Host header names (reference-oauth §1.1): `<prefix>.<POOL_DOMAIN_SUFFIX>` or a custom domain,
 * compared case-insensitively without the port. Answers are cached per process for a few seconds and dropped
 * at once when the domain service announces a change on POOL_DOMAIN_CHANNEL.
 */
export function createPoolHosts({ db, store, clock, poolDomainSuffix, publicUrl }: PoolHostsDeps) {
  const suffix = poolDomainSuffix.toLowerCase();
  const publicBase = new URL(publicUrl);
  const entries = new Map<string, { poolId: string | null; expiresAtMs: number }>();
  const pools = new Map<string, { exists: boolean; expiresAtMs: number }>();
  let unsubscribe: (() => Promise<void>) | null = null;

  /** The stored domain a host would be: a prefix (one DNS label before the suffix) or the host itself. */
  function domainOf(host: string): { domain: string; kind: UserPoolDomain["kind"] } | null {
    if (host.endsWith(`.${suffix}`)) {
      const prefix = host.slice(0, -suffix.length - 1);
      return DNS_LABEL.test(prefix) ? { domain: prefix, kind: "prefix" } : null;
    }
    return { domain: host, kind: "custom" };
  }

  async function lookUp(host: string): Promise<string | null> {
    const wanted = domainOf(host);
    if (!wanted) return null;
    const found = await db.read((repositories) => repositories.domains.findByDomain(wanted.domain));
    return found && found.kind === wanted.kind ? found.poolId : null;
  }

  return {
    /** Starts listening for domain changes; until then answers are only cached for the short window. */
    async start(): Promise<void> {
      const forget = () => {
        entries.clear();
        pools.clear();
      };
      unsubscribe = await store.subscribe(POOL_DOMAIN_CHANNEL, forget, { onGap: forget });
    },
    async close(): Promise<void> {
      await unsubscribe?.();
      unsubscribe = null;
    },

    /** A host name without its port, lower case. */
    normalizeHost(hostHeader: string | undefined): string | null {
      if (!hostHeader) return null;
      const host = hostHeader.trim().toLowerCase();
      const withoutPort = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0]!;
      return withoutPort === "" ? null : withoutPort;
    },

    /** Whether requests to this host are served by path (`/<poolId>/…`) rather than as a pool domain. */
    isGatewayHost(host: string): boolean {
      return (
        host === publicBase.hostname.toLowerCase() ||
        host === "localhost" ||
        host === "127.0.0.1" ||
        host === "[::1]" ||
        /^\d+\.\d+\.\d+\.\d+$/.test(host) ||
        host.startsWith("[")
      );
    },

    /** The pool whose domain the host is; null when it names none. */
    async poolIdOf(host: string): Promise<string | null> {
      const nowMs = clock.nowMs();
      const cached = entries.get(host);
      if (cached && cached.expiresAtMs > nowMs) return cached.poolId;
      const poolId = await lookUp(host);
      entries.delete(host);
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(host, { poolId, expiresAtMs: nowMs + CACHE_MS });
      return poolId;
    },

    /** Whether the pool exists (cached like hosts: a deleted pool's clients are refused anyway). */
    async poolExists(poolId: string): Promise<boolean> {
      const nowMs = clock.nowMs();
      const cached = pools.get(poolId);
      if (cached && cached.expiresAtMs > nowMs) return cached.exists;
      const exists = (await db.read((repositories) => repositories.pools.findById(poolId))) !== null;
      pools.delete(poolId);
      if (pools.size >= MAX_ENTRIES) pools.delete(pools.keys().next().value!);
      pools.set(poolId, { exists, expiresAtMs: nowMs + CACHE_MS });
      return exists;
    },

    /**
     * The base the pool's endpoints are published under in discovery (reference-oauth §7): its custom
     * domain, else its prefix domain, with PUBLIC_URL's scheme and port; null when it has neither.
     */
    async domainBaseOf(poolId: string): Promise<string | null> {
      const domains = await db.read((repositories) => repositories.domains.listByPool(poolId));
      const chosen =
        domains.find((domain) => domain.kind === "custom") ?? domains.find((domain) => domain.kind === "prefix");
      if (!chosen) return null;
      const host = chosen.kind === "custom" ? chosen.domain : `${chosen.domain}.${suffix}`;
      return `${publicBase.protocol}//${host}${publicBase.port ? `:${publicBase.port}` : ""}`;
    },
  };
}
