import type { EntityManager } from "typeorm";
import type { TriggerSecretRepository } from "../../../core/ports.js";
import { TriggerSecretEntity } from "../entities/index.js";

export function createTriggerSecretRepository(manager: EntityManager): TriggerSecretRepository {
  const secrets = manager.getRepository(TriggerSecretEntity);
  return {
    async find(poolId) {
      const entity = await secrets.findOneBy({ poolId });
      return entity
        ? { poolId: entity.poolId, secretCiphertext: entity.secretCiphertext, createdAt: entity.createdAt }
        : null;
    },
    async put(record) {
      // save() is an upsert by primary key: a rotation replaces the row in place.
      await secrets.save(Object.assign(new TriggerSecretEntity(), record));
    },
  };
}
