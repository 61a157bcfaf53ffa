import type { Clock } from "../../lib/clock.js";
import { assertPoolAccess, assertUnscoped } from "../admin-keys/access.js";
import { actorOf, type AdminPrincipal } from "../admin-keys/admin-key.types.js";
import type { ClientContextCache } from "../clients/client-context-cache.js";
import { publishDelivered } from "../caching/invalidation-channel.js";
import { invalidParameter, resourceNotFound } from "../errors.js";
import { loadAccessiblePool, lockAccessiblePool } from "../pools/user-pool.service.js";
import type { Database, Repositories, ShortLivedStore } from "../ports.js";
import type { UserPoolDomain } from "./user-pool-domain.types.js";
import {
  classifyNewDomain,
  requireCustomDomainConfig,
  requireManagedLoginVersion,
  type DomainRequest,
  type ReservedHosts,
} from "./user-pool-domain.validation.js";

/**
 * The store channel on which every process hears that a domain was created, changed or deleted:
 * `{"domain": "<as stored>", "poolId": "…"}`. A process that caches Host → pool subscribes and drops
 * that domain (and everything on a gap), as client-context-cache does for clients.
 */
export const POOL_DOMAIN_CHANNEL = "pool-domain-invalidations";

export interface UserPoolDomainServiceDeps {
  db: Database;
  clock: Clock;
  /** Publishes POOL_DOMAIN_CHANNEL after a change has committed. */
  store: Pick<ShortLivedStore, "publish" | "ping">;
  /** Pool contexts cached per process: a pool's domains change its issuer's discovery document. */
  contexts: Pick<ClientContextCache, "invalidatePool">;
  /** PUBLIC_URL's host: what a custom domain's CNAME points at (CloudFrontDistribution), and never a pool's. */
  gatewayHost: string;
  /** Prefix domains are served as `<prefix>.<poolDomainSuffix>`; default `auth.<gatewayHost>`. */
  poolDomainSuffix?: string | null;
}

export type UserPoolDomainService = ReturnType<typeof createUserPoolDomainService>;

export interface DomainChangeResult {
  domain: UserPoolDomain;
  /** Cognito's CloudFrontDomain: the host a custom domain's CNAME must name; null for a prefix domain. */
  cloudFrontDomain: string | null;
}

const describeDomain = (domain: UserPoolDomain): Record<string, unknown> => ({
  domain: domain.domain,
  kind: domain.kind,
  managedLoginVersion: domain.managedLoginVersion,
  customDomainConfig: domain.customDomainConfig,
});

/**
 * A custom domain is a host name the whole gateway answers for: nothing proves that whoever names one
 * controls it, so a key scoped to some pools could claim a host that another tenant, or the operator,
 * means to point here. Only an unscoped (all-pools) key, the operator's, may create or change one.
 * Prefix domains live under the gateway's own suffix and stay open to scoped keys.
 */
const requireUnscopedForCustomDomain = (principal: AdminPrincipal): void =>
  assertUnscoped(
    principal,
    "create or change a custom domain: a custom domain routes a host name for the whole gateway, so it needs an unscoped (all-pools) key",
  );

/**
 * A pool's prefix and custom domains (Create/Describe/Update/DeleteUserPoolDomain, reference-oauth §11).
 * The OAuth endpoints and pages answer on them, routed by Host.
 */
export function createUserPoolDomainService({
  db,
  clock,
  store,
  contexts,
  gatewayHost,
  poolDomainSuffix,
}: UserPoolDomainServiceDeps) {
  const reserved: ReservedHosts = { gatewayHost, poolDomainSuffix: poolDomainSuffix ?? `auth.${gatewayHost}` };

  const resultOf = (domain: UserPoolDomain): DomainChangeResult => ({
    domain,
    cloudFrontDomain: domain.kind === "custom" ? gatewayHost : null,
  });

  /** After the commit: every process forgets what it cached of this domain and of its pool. */
  async function announce(domain: string, poolId: string): Promise<void> {
    await contexts.invalidatePool(poolId);
    try {
      await publishDelivered(store, POOL_DOMAIN_CHANNEL, JSON.stringify({ domain, poolId }));
    } catch {
      // The change has committed; a store that cannot publish has lost its connection, and every
      // subscriber's gap handler drops its whole cache.
    }
  }

  async function loadOwnDomain(
    repositories: Repositories,
    principal: AdminPrincipal,
    poolId: string,
    domainName: string,
  ): Promise<UserPoolDomain> {
    await loadAccessiblePool(repositories, principal, poolId);
    const domain = await repositories.domains.findByDomain(domainName.toLowerCase());
    if (!domain || domain.poolId !== poolId)
      throw resourceNotFound(`The domain ${domainName.toLowerCase()} does not exist for user pool ${poolId}.`);
    return domain;
  }

  return {
    /** The gateway's host, which Cognito's CloudFrontDistribution names. */
    gatewayHost,

    /**
     * @throws InvalidParameterException (pattern, reserved word, taken, a second domain of the kind), ResourceNotFoundException, NotAuthorizedException
     */
    async createUserPoolDomain(
      principal: AdminPrincipal,
      poolId: string,
      request: DomainRequest,
    ): Promise<DomainChangeResult> {
      const classified = classifyNewDomain(request, reserved);
      if (classified.kind === "custom") requireUnscopedForCustomDomain(principal);
      const managedLoginVersion = requireManagedLoginVersion(request.managedLoginVersion) ?? 1;
      const created = await db.transaction(async (repositories) => {
        // Locked: two creates for one pool check "one of each kind" one after the other. Two pools
        // racing for one domain meet at the domain's unique key instead.
        await lockAccessiblePool(repositories, principal, poolId);
        const taken = await repositories.domains.findByDomain(classified.domain);
        if (taken) throw invalidParameter("Domain already associated with another user pool.");
        const existing = await repositories.domains.listByPool(poolId);
        if (existing.some((domain) => domain.kind === classified.kind)) {
          throw invalidParameter(
            `User pool ${poolId} already has a ${classified.kind === "custom" ? "custom" : "prefix"} domain configured.`,
          );
        }
        const now = clock.now();
        const domain: UserPoolDomain = { ...classified, poolId, managedLoginVersion, createdAt: now, updatedAt: now };
        // A concurrent create of the same domain loses on the unique key, with the same message (infra translates it).
        await repositories.domains.insert(domain);
        await repositories.events.append(
          { type: "USER_POOL_DOMAIN_CREATED", poolId, actor: actorOf(principal), detail: describeDomain(domain) },
          now,
        );
        return domain;
      });
      await announce(created.domain, poolId);
      return resultOf(created);
    },

    /**
     * Changes ManagedLoginVersion and (custom domains) CustomDomainConfig; the domain itself cannot change.
     * @throws InvalidParameterException, ResourceNotFoundException, NotAuthorizedException
     */
    async updateUserPoolDomain(
      principal: AdminPrincipal,
      poolId: string,
      request: DomainRequest,
    ): Promise<DomainChangeResult> {
      const managedLoginVersion = requireManagedLoginVersion(request.managedLoginVersion);
      const updated = await db.transaction(async (repositories) => {
        const current = await loadOwnDomain(repositories, principal, poolId, request.domain);
        if (current.kind === "custom") requireUnscopedForCustomDomain(principal);
        if (request.customDomainConfig && current.kind !== "custom")
          throw invalidParameter(
            `${current.domain} is a prefix domain: CustomDomainConfig is only for custom domains.`,
          );
        const now = clock.now();
        const domain: UserPoolDomain = {
          ...current,
          managedLoginVersion: managedLoginVersion ?? current.managedLoginVersion,
          customDomainConfig: request.customDomainConfig
            ? requireCustomDomainConfig(request.customDomainConfig)
            : current.customDomainConfig,
          updatedAt: now,
        };
        await repositories.domains.update(domain);
        await repositories.events.append(
          { type: "USER_POOL_DOMAIN_UPDATED", poolId, actor: actorOf(principal), detail: describeDomain(domain) },
          now,
        );
        return domain;
      });
      await announce(updated.domain, poolId);
      return resultOf(updated);
    },

    /** @throws ResourceNotFoundException, NotAuthorizedException */
    async deleteUserPoolDomain(principal: AdminPrincipal, poolId: string, domainName: string): Promise<void> {
      const deleted = await db.transaction(async (repositories) => {
        const domain = await loadOwnDomain(repositories, principal, poolId, domainName);
        await repositories.domains.delete(domain.domain);
        await repositories.events.append(
          { type: "USER_POOL_DOMAIN_DELETED", poolId, actor: actorOf(principal), detail: describeDomain(domain) },
          clock.now(),
        );
        return domain;
      });
      await announce(deleted.domain, poolId);
    },

    /**
     * DescribeUserPoolDomain: the domain, or null when there is none — also when it belongs to a pool the
     * key may not see, so a scoped key learns no more than "not yours" from it.
     */
    async describeUserPoolDomain(principal: AdminPrincipal, domainName: string): Promise<UserPoolDomain | null> {
      const domain = await db.read((repositories) => repositories.domains.findByDomain(domainName.toLowerCase()));
      if (!domain) return null;
      try {
        assertPoolAccess(principal, domain.poolId);
      } catch {
        return null;
      }
      return domain;
    },

    /** The pool's domains (at most one prefix and one custom), for DescribeUserPool. @throws ResourceNotFoundException, NotAuthorizedException */
    async listPoolDomains(principal: AdminPrincipal, poolId: string): Promise<UserPoolDomain[]> {
      return db.read(async (repositories) => {
        await loadAccessiblePool(repositories, principal, poolId);
        return repositories.domains.listByPool(poolId);
      });
    },
  };
}
