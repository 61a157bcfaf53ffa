import { In, MoreThan, type EntityManager } from "typeorm";
import type { ResourceServer } from "../../../core/oauth/resource-server.types.js";
import type { ResourceServerRepository } from "../../../core/ports.js";
import { ResourceServerEntity, ResourceServerScopeEntity } from "../entities/index.js";

const toEntity = (server: ResourceServer): ResourceServerEntity =>
  Object.assign(new ResourceServerEntity(), {
    poolId: server.poolId,
    identifier: server.identifier,
    name: server.name,
    createdAt: server.createdAt,
    updatedAt: server.updatedAt,
  });

const toScopeEntities = (server: ResourceServer): ResourceServerScopeEntity[] =>
  server.scopes.map((scope, position) =>
    Object.assign(new ResourceServerScopeEntity(), {
      poolId: server.poolId,
      identifier: server.identifier,
      scopeName: scope.scopeName,
      position,
      scopeDescription: scope.scopeDescription,
    }),
  );

/** Servers with their scopes, in the order given when they were set (rows sorted by position). */
function toDomain(
  entities: readonly ResourceServerEntity[],
  scopes: readonly ResourceServerScopeEntity[],
): ResourceServer[] {
  const byServer = new Map<string, ResourceServerScopeEntity[]>();
  for (const scope of scopes) {
    const list = byServer.get(scope.identifier) ?? [];
    list.push(scope);
    byServer.set(scope.identifier, list);
  }
  return entities.map((entity) => ({
    poolId: entity.poolId,
    identifier: entity.identifier,
    name: entity.name,
    scopes: (byServer.get(entity.identifier) ?? [])
      .sort((left, right) => left.position - right.position)
      .map(({ scopeName, scopeDescription }) => ({ scopeName, scopeDescription })),
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  }));
}

export function createResourceServerRepository(manager: EntityManager): ResourceServerRepository {
  const servers = manager.getRepository(ResourceServerEntity);
  const scopeRows = manager.getRepository(ResourceServerScopeEntity);

  async function insertScopes(server: ResourceServer): Promise<void> {
    // At most 100 rows of 5 values: one statement, well under either dialect's bound-parameter limit.
    if (server.scopes.length > 0) await scopeRows.insert(toScopeEntities(server));
  }

  /** The pool's servers with their scopes; `identifiers` narrows the scope query to a page of servers. */
  async function withScopes(
    poolId: string,
    entities: ResourceServerEntity[],
    identifiers: string[] | null,
  ): Promise<ResourceServer[]> {
    if (entities.length === 0) return [];
    const where = identifiers === null ? { poolId } : { poolId, identifier: In(identifiers) };
    return toDomain(entities, await scopeRows.find({ where, order: { identifier: "ASC", position: "ASC" } }));
  }

  return {
    async insert(server) {
      await servers.insert(toEntity(server));
      await insertScopes(server);
    },
    async update(server) {
      // A full replace, as UpdateResourceServer is: the old rows go, the new list goes in in its order.
      await servers.update(
        { poolId: server.poolId, identifier: server.identifier },
        { name: server.name, updatedAt: server.updatedAt },
      );
      await scopeRows.delete({ poolId: server.poolId, identifier: server.identifier });
      await insertScopes(server);
    },
    async delete(poolId, identifier) {
      // The foreign key cascades too; deleting the rows first does not depend on it.
      await scopeRows.delete({ poolId, identifier });
      await servers.delete({ poolId, identifier });
    },
    async findByIdentifier(poolId, identifier) {
      const entity = await servers.findOneBy({ poolId, identifier });
      return entity ? (await withScopes(poolId, [entity], [identifier]))[0]! : null;
    },
    async listByPool(poolId, page) {
      const where = page.afterId === undefined ? { poolId } : { poolId, identifier: MoreThan(page.afterId) };
      const entities = await servers.find({ where, order: { identifier: "ASC" }, take: page.limit });
      return withScopes(
        poolId,
        entities,
        entities.map((entity) => entity.identifier),
      );
    },
    async listAllByPool(poolId) {
      return withScopes(poolId, await servers.find({ where: { poolId }, order: { identifier: "ASC" } }), null);
    },
    countByPool: (poolId) => servers.countBy({ poolId }),
  };
}
