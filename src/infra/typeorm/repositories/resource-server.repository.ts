import { MoreThan, type EntityManager } from "typeorm";
import type { ResourceServer, ResourceServerScope } from "../../../core/oauth/resource-server.types.js";
import type { ResourceServerRepository } from "../../../core/ports.js";
import { ResourceServerEntity } from "../entities/index.js";

const toEntity = (server: ResourceServer): ResourceServerEntity => Object.assign(new ResourceServerEntity(), { ...server, scopes: JSON.stringify(server.scopes) });

const toDomain = (entity: ResourceServerEntity): ResourceServer => ({
  poolId: entity.poolId,
  identifier: entity.identifier,
  name: entity.name,
  scopes: JSON.parse(entity.scopes) as ResourceServerScope[],
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});

export function createResourceServerRepository(manager: EntityManager): ResourceServerRepository {
  const servers = manager.getRepository(ResourceServerEntity);
  return {
    async insert(server) {
      await servers.insert(toEntity(server));
    },
    async update(server) {
      await servers.update({ poolId: server.poolId, identifier: server.identifier }, { name: server.name, scopes: JSON.stringify(server.scopes), updatedAt: server.updatedAt });
    },
    async delete(poolId, identifier) {
      await servers.delete({ poolId, identifier });
    },
    async findByIdentifier(poolId, identifier) {
      const entity = await servers.findOneBy({ poolId, identifier });
      return entity ? toDomain(entity) : null;
    },
    async listByPool(poolId, page) {
      const where = page.afterId === undefined ? { poolId } : { poolId, identifier: MoreThan(page.afterId) };
      return (await servers.find({ where, order: { identifier: "ASC" }, take: page.limit })).map(toDomain);
    },
    async listAllByPool(poolId) {
      return (await servers.find({ where: { poolId }, order: { identifier: "ASC" } })).map(toDomain);
    },
    countByPool: (poolId) => servers.countBy({ poolId }),
  };
}
