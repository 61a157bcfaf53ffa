import type { Clock } from "../../lib/clock.js";
import { actorOf, type AdminPrincipal } from "../admin-keys/admin-key.types.js";
import { CognitoError, invalidParameter, resourceNotFound } from "../errors.js";
import { describeStringProblem, validationError } from "../input-constraints.js";
import { readPageArgs, toPage, type Page, type PageArgs } from "../pagination.js";
import { loadAccessiblePool, lockAccessiblePool } from "../pools/user-pool.service.js";
import type { Database, Repositories } from "../ports.js";
import type { CustomScopeCache } from "./custom-scope-cache.js";
import type { ResourceServer, ResourceServerScope } from "./resource-server.types.js";
import { RESOURCE_SERVER_SHAPES, validateResourceServer } from "./resource-server.validation.js";

export interface ResourceServerServiceDeps {
  db: Database;
  clock: Clock;
  /** Cognito's default quota (reference-oauth §10.2: 25, adjustable to 300). */
  maxResourceServersPerPool?: number;
  /** Told after every committed change, so that no process grants from a stale scope list. */
  customScopes: Pick<CustomScopeCache, "invalidatePool">;
}

export type ResourceServerService = ReturnType<typeof createResourceServerService>;

export interface ResourceServerInput {
  identifier: string;
  name: string;
  /** Absent = none (UpdateResourceServer is a full replace: absent scopes are removed). */
  scopes?: readonly ResourceServerScope[] | null;
}

const DEFAULT_MAX_RESOURCE_SERVERS_PER_POOL = 25;
/** ListResourceServers' MaxResults: 1–50. */
const MAX_PAGE_SIZE = 50;

/**
 * The audit log's view of a server: its identifier, name and scope names, never the descriptions. The
 * event's detail is a TEXT column on MariaDB (65,535 bytes), so it must stay bounded: scope names are
 * ASCII without `"` or `\` (no JSON escapes), so a name costs at most 256 + 3 bytes; the largest detail,
 * an update that replaces all 100 scopes (100 added + 100 removed), is 200 × 259 = 51,800 bytes plus the
 * identifier (256 bytes) and name (≤ 1,536 bytes: its pattern allows control whitespace, six bytes in JSON).
 */
const scopeNamesOf = (scopes: readonly ResourceServerScope[]): string[] => scopes.map((scope) => scope.scopeName);
const describeServer = (server: ResourceServer): Record<string, unknown> => ({
  identifier: server.identifier,
  name: server.name,
  scopes: scopeNamesOf(server.scopes),
});

function requireIdentifier(identifier: string): void {
  const problem = describeStringProblem("identifier", RESOURCE_SERVER_SHAPES.identifier, identifier);
  if (problem) throw validationError([problem]);
}

/**
 * Resource servers and their custom scopes (Create/Describe/Update/Delete/ListResourceServers,
 * reference-oauth §10.2). A deleted scope stays on the clients that hold it: it becomes inactive
 * (never granted) until a server offers it again, as in Cognito.
 */
export function createResourceServerService({
  db,
  clock,
  customScopes,
  maxResourceServersPerPool = DEFAULT_MAX_RESOURCE_SERVERS_PER_POOL,
}: ResourceServerServiceDeps) {
  async function loadServer(repositories: Repositories, poolId: string, identifier: string): Promise<ResourceServer> {
    const server = await repositories.resourceServers.findByIdentifier(poolId, identifier);
    if (!server) throw resourceNotFound(`Resource server ${identifier} does not exist in user pool ${poolId}.`);
    return server;
  }

  const toInput = (input: ResourceServerInput) => ({
    identifier: input.identifier,
    name: input.name,
    scopes: [...(input.scopes ?? [])],
  });

  return {
    /** @throws InvalidParameterException (shapes, duplicate identifier), LimitExceededException, ResourceNotFoundException, NotAuthorizedException */
    async createResourceServer(
      principal: AdminPrincipal,
      poolId: string,
      input: ResourceServerInput,
    ): Promise<ResourceServer> {
      const checked = toInput(input);
      validateResourceServer(checked);
      const created = await db.transaction(async (repositories) => {
        // Locked: parallel creates in the pool count and check identifiers one after the other.
        await lockAccessiblePool(repositories, principal, poolId);
        if (await repositories.resourceServers.findByIdentifier(poolId, checked.identifier)) {
          throw invalidParameter(`${checked.identifier} already exists in user pool ${poolId}.`);
        }
        if ((await repositories.resourceServers.countByPool(poolId)) >= maxResourceServersPerPool) {
          throw new CognitoError(
            "LimitExceededException",
            `User pool ${poolId} already has the maximum of ${maxResourceServersPerPool} resource servers.`,
          );
        }
        const now = clock.now();
        const server: ResourceServer = { poolId, ...checked, createdAt: now, updatedAt: now };
        await repositories.resourceServers.insert(server);
        await repositories.events.append(
          { type: "RESOURCE_SERVER_CREATED", poolId, actor: actorOf(principal), detail: describeServer(server) },
          now,
        );
        return server;
      });
      await customScopes.invalidatePool(poolId);
      return created;
    },

    /** Replaces the name and the whole scope list. @throws InvalidParameterException, ResourceNotFoundException, NotAuthorizedException */
    async updateResourceServer(
      principal: AdminPrincipal,
      poolId: string,
      input: ResourceServerInput,
    ): Promise<ResourceServer> {
      const checked = toInput(input);
      validateResourceServer(checked);
      const updated = await db.transaction(async (repositories) => {
        // Locked: parallel replaces of one server run one after the other, each reading the list it replaces.
        await lockAccessiblePool(repositories, principal, poolId);
        const current = await loadServer(repositories, poolId, checked.identifier);
        const now = clock.now();
        const server: ResourceServer = { ...current, name: checked.name, scopes: checked.scopes, updatedAt: now };
        await repositories.resourceServers.update(server);
        const before = new Set(scopeNamesOf(current.scopes));
        const after = new Set(scopeNamesOf(checked.scopes));
        const detail = {
          identifier: server.identifier,
          name: server.name,
          addedScopes: [...after].filter((name) => !before.has(name)),
          removedScopes: [...before].filter((name) => !after.has(name)),
        };
        await repositories.events.append(
          { type: "RESOURCE_SERVER_UPDATED", poolId, actor: actorOf(principal), detail },
          now,
        );
        return server;
      });
      await customScopes.invalidatePool(poolId);
      return updated;
    },

    /** @throws InvalidParameterException, ResourceNotFoundException, NotAuthorizedException */
    async deleteResourceServer(principal: AdminPrincipal, poolId: string, identifier: string): Promise<void> {
      requireIdentifier(identifier);
      await db.transaction(async (repositories) => {
        await lockAccessiblePool(repositories, principal, poolId);
        const server = await loadServer(repositories, poolId, identifier);
        await repositories.resourceServers.delete(poolId, identifier);
        await repositories.events.append(
          { type: "RESOURCE_SERVER_DELETED", poolId, actor: actorOf(principal), detail: describeServer(server) },
          clock.now(),
        );
      });
      await customScopes.invalidatePool(poolId);
    },

    /** @throws InvalidParameterException, ResourceNotFoundException, NotAuthorizedException */
    async describeResourceServer(
      principal: AdminPrincipal,
      poolId: string,
      identifier: string,
    ): Promise<ResourceServer> {
      requireIdentifier(identifier);
      return db.read(async (repositories) => {
        await loadAccessiblePool(repositories, principal, poolId);
        return loadServer(repositories, poolId, identifier);
      });
    },

    /** Ordered by identifier, 1–50 a page. @throws InvalidParameterException, ResourceNotFoundException, NotAuthorizedException */
    async listResourceServers(
      principal: AdminPrincipal,
      poolId: string,
      args: PageArgs,
    ): Promise<Page<ResourceServer>> {
      const { limit, afterId } = readPageArgs(args, MAX_PAGE_SIZE);
      const rows = await db.read(async (repositories) => {
        await loadAccessiblePool(repositories, principal, poolId);
        return repositories.resourceServers.listByPool(poolId, { afterId, limit: limit + 1 });
      });
      return toPage(rows, limit, (server) => server.identifier);
    },
  };
}
