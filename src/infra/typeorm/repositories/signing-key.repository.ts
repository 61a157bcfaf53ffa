import { IsNull, LessThan, MoreThan, type EntityManager } from "typeorm";
import type { SigningKeyRecord, SigningKeyRepository, TokenUse } from "../../../core/ports.js";
import { SigningKeyEntity, UserPoolEntity } from "../entities/index.js";

const toDomain = (entity: SigningKeyEntity): SigningKeyRecord => ({
  ...entity,
  tokenUse: entity.tokenUse as TokenUse,
  algorithm: entity.algorithm as SigningKeyRecord["algorithm"],
});

const OLDEST_FIRST = { createdAt: "ASC", kid: "ASC" } as const;

export function createSigningKeyRepository(manager: EntityManager): SigningKeyRepository {
  const keys = manager.getRepository(SigningKeyEntity);
  return {
    async lockPoolForKeyChange(poolId) {
      // A write that changes nothing: MariaDB takes the pool row's lock, SQLite its database write lock
      // (waiting out another process through busy_timeout). Either way a second process's key creation
      // or rotation waits for this transaction and then sees its keys, so no pool ever gets two active
      // keys for one token use. (A unique index cannot say "one row per pool and use where retired_at
      // IS NULL" on both dialects without an extra column.)
      const result = await manager
        .createQueryBuilder()
        .update(UserPoolEntity)
        .set({ updatedAt: () => "updated_at" })
        .where("id = :poolId", { poolId })
        .execute();
      return (result.affected ?? 0) > 0;
    },
    async insert(key) {
      await keys.insert(Object.assign(new SigningKeyEntity(), key));
    },
    async listActive(poolId) {
      return (await keys.find({ where: { poolId, retiredAt: IsNull() }, order: OLDEST_FIRST })).map(toDomain);
    },
    async listPublished(poolId, retiredAfter) {
      const found = await keys.find({
        where: [
          { poolId, retiredAt: IsNull() },
          { poolId, retiredAt: MoreThan(retiredAfter) },
        ],
        order: OLDEST_FIRST,
      });
      return found.map(toDomain);
    },
    async retireActive(poolId, at) {
      const active = await keys.find({ select: { kid: true }, where: { poolId, retiredAt: IsNull() } });
      if (active.length === 0) return [];
      await keys.update({ poolId, retiredAt: IsNull() }, { retiredAt: at });
      return active.map((key) => key.kid);
    },
    async deleteRetiredBefore(poolId, before) {
      // LessThan never matches NULL, so active keys are never deleted here.
      await keys.delete({ poolId, retiredAt: LessThan(before) });
    },
  };
}
