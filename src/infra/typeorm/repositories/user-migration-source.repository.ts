import type { EntityManager } from "typeorm";
import type { UserMigrationSourceRepository } from "../../../core/ports.js";
import type { UserMigrationSource } from "../../../core/migration/migration-source.types.js";
import { UserMigrationSourceEntity } from "../entities/index.js";

const toSource = (entity: UserMigrationSourceEntity): UserMigrationSource => ({
  poolId: entity.poolId,
  endpoint: entity.endpoint,
  region: entity.region,
  sourcePoolId: entity.sourcePoolId,
  clientId: entity.clientId,
  clientSecretCiphertext: entity.clientSecretCiphertext,
  accessKeyId: entity.accessKeyId,
  secretAccessKeyCiphertext: entity.secretAccessKeyCiphertext,
  subAttribute: entity.subAttribute,
  timeoutMs: entity.timeoutMs,
  migratedCount: entity.migratedCount,
  lastMigratedAt: entity.lastMigratedAt,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});

export function createUserMigrationSourceRepository(manager: EntityManager): UserMigrationSourceRepository {
  const sources = manager.getRepository(UserMigrationSourceEntity);
  return {
    async find(poolId) {
      const entity = await sources.findOneBy({ poolId });
      return entity ? toSource(entity) : null;
    },
    async put(source) {
      const existing = await sources.findOneBy({ poolId: source.poolId });
      if (existing) {
        // Only the settings: the counter is raised by migrations running meanwhile.
        const { poolId, ...settings } = source;
        await sources.update({ poolId }, { ...settings, createdAt: existing.createdAt });
      } else {
        await sources.insert(
          Object.assign(new UserMigrationSourceEntity(), { ...source, migratedCount: 0, lastMigratedAt: null }),
        );
      }
    },
    async delete(poolId) {
      const result = await sources.delete({ poolId });
      return (result.affected ?? 0) > 0;
    },
    async recordMigrated(poolId, at) {
      await sources
        .createQueryBuilder()
        .update()
        .set({ migratedCount: () => "migrated_count + 1", lastMigratedAt: at })
        .where("pool_id = :poolId", { poolId })
        .execute();
    },
  };
}
