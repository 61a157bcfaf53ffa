import { IsNull, MoreThan, type EntityManager } from "typeorm";
import type { CodePurpose, VerificationCode, VerificationCodeRepository } from "../../../core/ports.js";
import { VerificationCodeEntity } from "../entities/index.js";

const toDomain = (entity: VerificationCodeEntity): VerificationCode => ({ ...entity, purpose: entity.purpose as CodePurpose });

export function createVerificationCodeRepository(manager: EntityManager): VerificationCodeRepository {
  const codes = manager.getRepository(VerificationCodeEntity);
  return {
    async replace(code) {
      await codes.upsert(Object.assign(new VerificationCodeEntity(), code), ["userId", "purpose"]);
    },
    async find(userId, purpose) {
      const entity = await codes.findOneBy({ userId, purpose });
      return entity ? toDomain(entity) : null;
    },
    async recordFailure(userId, purpose) {
      await codes.increment({ userId, purpose }, "failedAttempts", 1);
      return (await codes.findOneBy({ userId, purpose }))?.failedAttempts ?? 0;
    },
    async consume(userId, purpose, codeHash, now) {
      // One conditional UPDATE: of many parallel submissions of the same code, exactly one changes the row.
      const result = await codes.update({ userId, purpose, codeHash, consumedAt: IsNull(), expiresAt: MoreThan(now) }, { consumedAt: now });
      return (result.affected ?? 0) === 1;
    },
    async deleteForUser(userId, purpose) {
      await codes.delete({ userId, purpose });
    },
  };
}
