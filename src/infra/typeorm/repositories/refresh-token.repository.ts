import { IsNull, Not, type EntityManager } from "typeorm";
import type { RefreshTokenRepository } from "../../../core/ports.js";
import { RefreshTokenEntity } from "../entities/index.js";
import { perDataSource, rawEntity } from "../raw-rows.js";
import { findRefreshTokenHolder } from "./token-holder.reads.js";

/** Every sign-in stores one: plain SQL (raw-rows.ts). */
const rawRefreshTokens = perDataSource((dataSource) => rawEntity(dataSource, RefreshTokenEntity));

export function createRefreshTokenRepository(manager: EntityManager): RefreshTokenRepository {
  const tokens = manager.getRepository(RefreshTokenEntity);
  return {
    async insert(record) {
      await rawRefreshTokens(manager.connection).insert(manager, Object.assign(new RefreshTokenEntity(), record));
    },
    async findByHash(tokenHash) {
      const entity = await tokens.findOneBy({ tokenHash });
      return entity ? { ...entity } : null;
    },
    findByHashWithHolder: (tokenHash, poolId) => findRefreshTokenHolder(manager, tokenHash, poolId),
    async markRotated(id, at) {
      // Conditional update: of two refreshes racing with one token, only one rotates it; a revocation
      // committed since the token was read (RevokeToken, GlobalSignOut, reuse detection) wins too.
      const result = await tokens.update({ id, rotatedAt: IsNull(), revokedAt: IsNull() }, { rotatedAt: at });
      return (result.affected ?? 0) === 1;
    },
    async findRotationStateLocked(id) {
      const query = tokens
        .createQueryBuilder("t")
        .select(["t.id", "t.rotatedAt", "t.revokedAt"])
        .where("t.id = :id", { id });
      // A locking read is a current read: under REPEATABLE READ a plain SELECT would answer from the
      // snapshot this transaction took before a racing rotation committed.
      if (manager.connection.options.type !== "better-sqlite3") query.setLock("pessimistic_write");
      const entity = await query.getOne();
      return entity ? { rotatedAt: entity.rotatedAt, revokedAt: entity.revokedAt } : null;
    },
    async revokeFamily(familyId, at) {
      await tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: at });
    },
    async revokeAllOfUser(userId, at) {
      await tokens.update({ userId, revokedAt: IsNull() }, { revokedAt: at });
    },
    async revokeAllOfDevice(userId, deviceKey, at) {
      // By user first: ix_refresh_tokens_user narrows the rows, the device key picks among them.
      await tokens.update({ userId, deviceKey, revokedAt: IsNull() }, { revokedAt: at });
    },
    async isFamilyRevoked(familyId) {
      return (await tokens.countBy({ familyId, revokedAt: Not(IsNull()) })) > 0;
    },
  };
}
