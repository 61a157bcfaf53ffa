import { IsNull, LessThan, MoreThan, Not, type EntityManager } from "typeorm";
import type { CodePurpose, VerificationCode, VerificationCodeRepository } from "../../../core/ports.js";
import { VerificationCodeEntity } from "../entities/index.js";

const toDomain = ({ sentToAttribute, sentToAddress, ...entity }: VerificationCodeEntity): VerificationCode => ({
  ...entity,
  purpose: entity.purpose as CodePurpose,
  sentTo:
    (sentToAttribute === "email" || sentToAttribute === "phone_number") && sentToAddress !== null
      ? { attributeName: sentToAttribute, address: sentToAddress }
      : null,
});

const toEntity = ({ sentTo, ...code }: VerificationCode): VerificationCodeEntity =>
  Object.assign(new VerificationCodeEntity(), code, {
    sentToAttribute: sentTo?.attributeName ?? null,
    sentToAddress: sentTo?.address ?? null,
  });

export function createVerificationCodeRepository(manager: EntityManager): VerificationCodeRepository {
  const codes = manager.getRepository(VerificationCodeEntity);
  return {
    async replace(code) {
      await codes.upsert(toEntity(code), ["userId", "purpose"]);
    },
    async find(userId, purpose) {
      const entity = await codes.findOneBy({ userId, purpose });
      return entity ? toDomain(entity) : null;
    },
    async recordFailure(userId, purpose, codeHash, now, maxFailedAttempts) {
      // One conditional UPDATE counts the guess and checks it: parallel wrong guesses queue on the row,
      // and once the count reaches the limit no further guess is counted or compared.
      const result = await codes.update(
        {
          userId,
          purpose,
          codeHash: Not(codeHash),
          consumedAt: IsNull(),
          expiresAt: MoreThan(now),
          failedAttempts: LessThan(maxFailedAttempts),
        },
        { failedAttempts: () => "failed_attempts + 1" },
      );
      return (result.affected ?? 0) === 1;
    },
    async consume(userId, purpose, codeHash, now, maxFailedAttempts) {
      // One conditional UPDATE: of many parallel submissions of the same code, exactly one changes the row.
      const result = await codes.update(
        {
          userId,
          purpose,
          codeHash,
          consumedAt: IsNull(),
          expiresAt: MoreThan(now),
          failedAttempts: LessThan(maxFailedAttempts),
        },
        { consumedAt: now },
      );
      return (result.affected ?? 0) === 1;
    },
    async deleteForUser(userId, purpose) {
      await codes.delete({ userId, purpose });
    },
  };
}
