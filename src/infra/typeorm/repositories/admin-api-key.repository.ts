import { MoreThan, type EntityManager } from "typeorm";
import type { AdminApiKey } from "../../../core/admin-keys/admin-key.types.js";
import type { AdminApiKeyRepository } from "../../../core/ports.js";
import { AdminApiKeyEntity } from "../entities/index.js";

const toEntity = (key: AdminApiKey): AdminApiKeyEntity =>
  Object.assign(new AdminApiKeyEntity(), {
    ...key,
    poolScope: key.poolScope === null ? null : JSON.stringify(key.poolScope),
  });

const toDomain = (entity: AdminApiKeyEntity): AdminApiKey => ({
  id: entity.id,
  name: entity.name,
  keyHash: entity.keyHash,
  poolScope: entity.poolScope === null ? null : (JSON.parse(entity.poolScope) as string[]),
  secretCiphertext: entity.secretCiphertext,
  createdAt: entity.createdAt,
  revokedAt: entity.revokedAt,
  createdBy: entity.createdBy,
});

export function createAdminApiKeyRepository(manager: EntityManager): AdminApiKeyRepository {
  const keys = manager.getRepository(AdminApiKeyEntity);
  return {
    async insert(key) {
      await keys.insert(toEntity(key));
    },
    async findById(keyId) {
      const entity = await keys.findOneBy({ id: keyId });
      return entity ? toDomain(entity) : null;
    },
    async findByHash(keyHash) {
      const entity = await keys.findOneBy({ keyHash });
      return entity ? toDomain(entity) : null;
    },
    async list(page) {
      const where = page.afterId === undefined ? {} : { id: MoreThan(page.afterId) };
      return (await keys.find({ where, order: { id: "ASC" }, take: page.limit })).map(toDomain);
    },
    async markRevoked(keyId, revokedAt) {
      await keys.update({ id: keyId }, { revokedAt });
    },
    async setSecretCiphertext(keyId, secretCiphertext) {
      await keys.update({ id: keyId }, { secretCiphertext });
    },
    countAll: () => keys.count(),
    async lockActiveUnscoped() {
      const query = keys
        .createQueryBuilder("k")
        .select("k.id", "id")
        .where("k.revoked_at IS NULL AND k.pool_scope IS NULL")
        .orderBy("k.id");
      // A locking read also reads the latest committed rows, not the transaction's snapshot.
      if (manager.connection.options.type !== "better-sqlite3") query.setLock("pessimistic_write");
      return (await query.getRawMany<{ id: string }>()).map((row) => row.id);
    },
  };
}
