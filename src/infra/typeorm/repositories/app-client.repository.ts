import { MoreThan, type EntityManager } from "typeorm";
import type { AppClient, AppClientSettings } from "../../../core/clients/app-client.types.js";
import type { AppClientRepository } from "../../../core/ports.js";
import { AppClientEntity } from "../entities/index.js";

type StoredSettings = Omit<AppClientSettings, "clientName">;

function toEntity(client: AppClient): AppClientEntity {
  const { clientId, poolId, clientName, secretCiphertext, createdAt, updatedAt, ...settings } = client;
  return Object.assign(new AppClientEntity(), {
    clientId,
    poolId,
    clientName,
    secretCiphertext,
    settings: JSON.stringify(settings satisfies StoredSettings),
    createdAt,
    updatedAt,
  });
}

function toDomain(entity: AppClientEntity): AppClient {
  return {
    ...(JSON.parse(entity.settings) as StoredSettings),
    clientId: entity.clientId,
    poolId: entity.poolId,
    clientName: entity.clientName,
    secretCiphertext: entity.secretCiphertext,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

export function createAppClientRepository(manager: EntityManager): AppClientRepository {
  const clients = manager.getRepository(AppClientEntity);
  return {
    async insert(client) {
      await clients.insert(toEntity(client));
    },
    async update(client) {
      await clients.save(toEntity(client));
    },
    async delete(clientId) {
      await clients.delete({ clientId });
    },
    async findById(clientId) {
      const entity = await clients.findOneBy({ clientId });
      return entity ? toDomain(entity) : null;
    },
    async listByPool(poolId, page) {
      const where = page.afterId === undefined ? { poolId } : { poolId, clientId: MoreThan(page.afterId) };
      return (await clients.find({ where, order: { clientId: "ASC" }, take: page.limit })).map(toDomain);
    },
    countByPool: (poolId) => clients.countBy({ poolId }),
  };
}
