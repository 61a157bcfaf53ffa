import type { EntityManager } from "typeorm";
import type { MfaFactor, UserMfa } from "../../../core/mfa/mfa.types.js";
import type { UserMfaRepository } from "../../../core/ports.js";
import { UserMfaEntity } from "../entities/index.js";

export const toDomain = (entity: UserMfaEntity): UserMfa => ({
  userId: entity.userId,
  totpSecretCiphertext: entity.totpSecretCiphertext,
  totpFriendlyName: entity.totpFriendlyName,
  totpLastUsedStep: entity.totpLastUsedStep === null ? null : Number(entity.totpLastUsedStep),
  pendingTotpSecretCiphertext: entity.pendingTotpSecretCiphertext,
  smsEnabled: Boolean(entity.smsEnabled),
  emailEnabled: Boolean(entity.emailEnabled),
  totpEnabled: Boolean(entity.totpEnabled),
  preferred: entity.preferred as MfaFactor | null,
  updatedAt: entity.updatedAt,
});

const emptyRow = (userId: string, now: Date): UserMfaEntity =>
  Object.assign(new UserMfaEntity(), {
    userId,
    totpSecretCiphertext: null,
    totpFriendlyName: null,
    totpLastUsedStep: null,
    pendingTotpSecretCiphertext: null,
    smsEnabled: false,
    emailEnabled: false,
    totpEnabled: false,
    preferred: null,
    updatedAt: now,
  });

export function createUserMfaRepository(manager: EntityManager): UserMfaRepository {
  const rows = manager.getRepository(UserMfaEntity);

  /** INSERT OR IGNORE / INSERT IGNORE: a row that exists is left exactly as it is. */
  async function ensureRow(userId: string, now: Date): Promise<void> {
    await manager.createQueryBuilder().insert().into(UserMfaEntity).values(emptyRow(userId, now)).orIgnore().execute();
  }

  return {
    async find(userId) {
      const entity = await rows.findOneBy({ userId });
      return entity ? toDomain(entity) : null;
    },

    async findForUpdate(userId, now) {
      await ensureRow(userId, now);
      // A write that changes nothing: MariaDB locks the row, SQLite takes its database write lock,
      // so two preference changes of one user run one after the other instead of losing one.
      await manager
        .createQueryBuilder()
        .update(UserMfaEntity)
        .set({ updatedAt: () => "updated_at" })
        .where("user_id = :userId", { userId })
        .execute();
      return toDomain(await rows.findOneByOrFail({ userId }));
    },

    async setPendingTotp(userId, pendingCiphertext, now) {
      await ensureRow(userId, now);
      await rows.update({ userId }, { pendingTotpSecretCiphertext: pendingCiphertext, updatedAt: now });
    },

    async promotePendingTotp(userId, pendingCiphertext, { friendlyName, step, now }) {
      // One conditional UPDATE: of many parallel verifications of one pending secret, exactly one moves it.
      const result = await rows.update(
        { userId, pendingTotpSecretCiphertext: pendingCiphertext },
        {
          totpSecretCiphertext: pendingCiphertext,
          pendingTotpSecretCiphertext: null,
          totpFriendlyName: friendlyName,
          totpLastUsedStep: step,
          updatedAt: now,
        },
      );
      return (result.affected ?? 0) === 1;
    },

    async recordTotpStep(userId, secretCiphertext, step, now) {
      // Conditional on the step still being new: parallel submissions of one code change the row once.
      const result = await manager
        .createQueryBuilder()
        .update(UserMfaEntity)
        .set({ totpLastUsedStep: step, updatedAt: now })
        .where(
          "user_id = :userId AND totp_secret_ciphertext = :secretCiphertext AND (totp_last_used_step IS NULL OR totp_last_used_step < :step)",
          { userId, secretCiphertext, step },
        )
        .execute();
      return (result.affected ?? 0) === 1;
    },

    async setFactors(userId, settings, now) {
      await rows.update({ userId }, { ...settings, updatedAt: now });
    },
  };
}
