import { QueryFailedError, type EntityManager } from "typeorm";
import { CognitoError } from "../../../core/errors.js";
import type { WebAuthnCredentialRepository } from "../../../core/ports.js";
import type { AuthenticatorAttachment, WebAuthnCredential } from "../../../core/webauthn/webauthn.types.js";
import { sha256Hex } from "../../../lib/secrets.js";
import { WebAuthnCredentialEntity } from "../entities/index.js";

const hashOf = (credentialId: string): string => sha256Hex(credentialId);

const isDuplicateKey = (error: unknown): boolean =>
  error instanceof QueryFailedError &&
  ["ER_DUP_ENTRY", "SQLITE_CONSTRAINT_PRIMARYKEY"].includes(
    String((error.driverError as { code?: string } | undefined)?.code),
  );

const toDomain = (entity: WebAuthnCredentialEntity): WebAuthnCredential => ({
  credentialId: entity.credentialId,
  poolId: entity.poolId,
  userId: entity.userId,
  relyingPartyId: entity.relyingPartyId,
  publicKey: entity.publicKey,
  // mysql2 returns BIGINT as a string; a 32-bit counter fits a number exactly.
  signCount: Number(entity.signCount),
  transports: JSON.parse(entity.transports) as string[],
  authenticatorAttachment: entity.authenticatorAttachment as AuthenticatorAttachment | null,
  friendlyName: entity.friendlyName,
  createdAt: entity.createdAt,
  lastUsedAt: entity.lastUsedAt,
});

export function createWebAuthnCredentialRepository(manager: EntityManager): WebAuthnCredentialRepository {
  const credentials = manager.getRepository(WebAuthnCredentialEntity);
  return {
    async insert(credential) {
      try {
        await credentials.insert(
          Object.assign(new WebAuthnCredentialEntity(), {
            ...credential,
            credentialHash: hashOf(credential.credentialId),
            transports: JSON.stringify(credential.transports),
          }),
        );
      } catch (error) {
        // Only this table's primary key can clash here (MariaDB names it PRIMARY, like every table's).
        if (isDuplicateKey(error))
          throw new CognitoError("InvalidParameterException", "This passkey is already registered.");
        throw error;
      }
    },
    async find(poolId, credentialId) {
      const entity = await credentials.findOneBy({ poolId, credentialHash: hashOf(credentialId) });
      // The hash names the row; the stored id must still be the very same string.
      return entity && entity.credentialId === credentialId ? toDomain(entity) : null;
    },
    async listOfUser(userId) {
      const rows = await credentials.find({ where: { userId }, order: { createdAt: "ASC", credentialHash: "ASC" } });
      return rows.map(toDomain);
    },
    countOfUser: (userId) => credentials.countBy({ userId }),
    existsForRelyingParty: (userId, relyingPartyId) => credentials.existsBy({ userId, relyingPartyId }),
    async delete(poolId, credentialId) {
      const result = await credentials.delete({ poolId, credentialHash: hashOf(credentialId) });
      return (result.affected ?? 0) > 0;
    },
    async recordUse(poolId, credentialId, { expectedSignCount, newSignCount, now }) {
      // Conditional on the counter the check saw: of parallel sign-ins with one assertion, one moves it.
      const result = await credentials.update(
        { poolId, credentialHash: hashOf(credentialId), signCount: expectedSignCount },
        { signCount: newSignCount, lastUsedAt: now },
      );
      return (result.affected ?? 0) === 1;
    },
  };
}
