import type { Clock } from "../../lib/clock.js";
import { randomLowerAlphanumeric, randomTokenBase64Url } from "../../lib/random.js";
import { constantTimeEqual, sha256Hex } from "../../lib/secrets.js";
import { CognitoError, invalidParameter, resourceNotFound } from "../errors.js";
import { readPageArgs, toPage, type Page, type PageArgs } from "../pagination.js";
import type { Database, SecretBox } from "../ports.js";
import { requireLength, requireMaxItems, requirePoolId, requireUnique } from "../validation.js";
import { assertUnscoped } from "./access.js";
import type { AdminKeyLookups } from "./admin-key-cache.js";
import { actorOf, type AdminApiKey, type AdminPrincipal } from "./admin-key.types.js";

export interface AdminKeyServiceDeps {
  db: Database;
  clock: Clock;
  /** Seals each new key so that AWS SigV4 signatures made with it can be recomputed (Cognito wire API). */
  secretBox: SecretBox;
  /** Active keys kept per process (a gateway's AdminKeyCache), and how a revocation reaches every process. */
  keys: AdminKeyLookups;
}

/** What a SigV4 access key id resolves to: the key's principal and, when it was stored sealed, its secret. */
export interface SigningKey {
  principal: AdminPrincipal;
  /** Null for a key created before keys were sealed: it cannot sign requests. */
  secret: string | null;
}

export type AdminKeyService = ReturnType<typeof createAdminKeyService>;

const KEY_PREFIX = "gwadm_";
const SYSTEM_ACTOR = "system";

/** Built only when thrown: an Error captures a stack, which every admin request would otherwise pay for. */
const refusal = () =>
  new CognitoError(
    "NotAuthorizedException",
    "A valid admin API key is required: send Authorization: Bearer <admin key>.",
  );

const describeKey = (key: AdminApiKey) => ({ keyId: key.id, name: key.name, poolScope: key.poolScope });

export function createAdminKeyService({ db, clock, secretBox, keys }: AdminKeyServiceDeps) {
  // The hash finds a bearer key; the sealed copy exists only because a SigV4 signature is an HMAC
  // keyed by the secret, which the server must hold to recompute it (as AWS holds secret keys).
  function newKey(
    name: string,
    poolScope: string[] | null,
    createdBy: string,
    now: Date,
  ): { key: AdminApiKey; secret: string } {
    const secret = KEY_PREFIX + randomTokenBase64Url(32);
    return {
      secret,
      key: {
        id: randomLowerAlphanumeric(20),
        name,
        keyHash: sha256Hex(secret),
        poolScope,
        secretCiphertext: secretBox.encrypt(secret),
        createdAt: now,
        revokedAt: null,
        createdBy,
      },
    };
  }

  return {
    /**
     * Resolves a bearer key to the principal it grants.
     * @throws NotAuthorizedException for a missing, unknown or revoked key (one message for all three).
     */
    async authenticate(bearerKey: string | null): Promise<AdminPrincipal> {
      if (!bearerKey || bearerKey.length > 512) throw refusal();
      const keyHash = sha256Hex(bearerKey);
      const key = await keys.byHash(keyHash, () =>
        db.read((repositories) => repositories.adminKeys.findByHash(keyHash)),
      );
      // The lookup is by hash, so an attacker learns nothing from its timing; the compare is belt and braces.
      if (!key || !constantTimeEqual(key.keyHash, keyHash) || key.revokedAt !== null) throw refusal();
      return { keyId: key.id, poolScope: key.poolScope };
    },

    /**
     * Resolves an AWS access key id (an admin key id) for SigV4 verification.
     * Returns null for an unknown or revoked key, so the caller can answer as AWS does for both.
     */
    async findSigningKey(keyId: string): Promise<SigningKey | null> {
      if (keyId.length === 0 || keyId.length > 64) return null;
      const key = await keys.byId(keyId, () => db.read((repositories) => repositories.adminKeys.findById(keyId)));
      if (!key || key.revokedAt !== null) return null;
      return {
        principal: { keyId: key.id, poolScope: key.poolScope },
        secret: key.secretCiphertext === null ? null : secretBox.decrypt(key.secretCiphertext),
      };
    },

    /** Returns the new key's secret once; its hash finds it, and a sealed copy verifies SigV4 signatures. @throws NotAuthorizedException, InvalidParameterException, ResourceNotFoundException */
    async createAdminApiKey(
      principal: AdminPrincipal,
      input: { name: string; poolScope?: string[] | null },
    ): Promise<{ key: AdminApiKey; secret: string }> {
      assertUnscoped(principal, "manage admin API keys");
      requireLength("name", input.name, 1, 128);
      const poolScope = input.poolScope ?? null;
      if (poolScope !== null) {
        if (poolScope.length === 0)
          throw invalidParameter("poolScope must name at least one user pool, or be omitted for an unscoped key.");
        requireMaxItems("poolScope", poolScope, 100);
        requireUnique("poolScope", poolScope);
        poolScope.forEach(requirePoolId);
      }
      const now = clock.now();
      return db.transaction(async (repositories) => {
        for (const poolId of poolScope ?? []) {
          if (!(await repositories.pools.findById(poolId)))
            throw resourceNotFound(`poolScope names user pool ${poolId}, which does not exist.`);
        }
        const created = newKey(input.name, poolScope, actorOf(principal), now);
        await repositories.adminKeys.insert(created.key);
        await repositories.events.append(
          { type: "ADMIN_API_KEY_CREATED", poolId: null, actor: actorOf(principal), detail: describeKey(created.key) },
          now,
        );
        return created;
      });
    },

    /** @throws NotAuthorizedException, ResourceNotFoundException, InvalidParameterException (last unscoped key) */
    async revokeAdminApiKey(principal: AdminPrincipal, keyId: string): Promise<AdminApiKey> {
      assertUnscoped(principal, "manage admin API keys");
      const revoked = await db.transaction(async (repositories) => {
        const key = await repositories.adminKeys.findById(keyId);
        if (!key) throw resourceNotFound(`Admin API key ${keyId} does not exist.`);
        if (key.revokedAt !== null) return key;
        if (key.poolScope === null) {
          const activeUnscoped = await repositories.adminKeys.lockActiveUnscoped();
          if (activeUnscoped.length <= 1)
            throw invalidParameter(
              "This is the last active unscoped admin API key; create another before revoking it, or no one could administer the gateway.",
            );
        }
        const now = clock.now();
        await repositories.adminKeys.markRevoked(keyId, now);
        await repositories.events.append(
          { type: "ADMIN_API_KEY_REVOKED", poolId: null, actor: actorOf(principal), detail: describeKey(key) },
          now,
        );
        return { ...key, revokedAt: now };
      });
      // Committed: from here on no process may accept the key (each may hold it in memory).
      await keys.invalidateKey(keyId);
      return revoked;
    },

    /** @throws NotAuthorizedException, InvalidParameterException */
    async listAdminApiKeys(principal: AdminPrincipal, args: PageArgs): Promise<Page<AdminApiKey>> {
      assertUnscoped(principal, "manage admin API keys");
      const { limit, afterId } = readPageArgs(args);
      const rows = await db.read((repositories) => repositories.adminKeys.list({ afterId, limit: limit + 1 }));
      return toPage(rows, limit, (key) => key.id);
    },

    /**
     * At start: registers the configured ADMIN_API_KEY, or, when no key exists at all, generates the
     * first one. Returns the generated secret so the caller can show it exactly once.
     */
    async ensureBootstrapKey(configuredKey: string | null): Promise<{ generatedSecret: string | null }> {
      const now = clock.now();
      let sealedKeyId: string | null = null;
      const result = await db.transaction(async (repositories) => {
        sealedKeyId = null;
        if (configuredKey !== null) {
          const existing = await repositories.adminKeys.findByHash(sha256Hex(configuredKey));
          // A key registered before keys were sealed gets its sealed copy now, so it can sign SigV4 requests too.
          if (existing && existing.secretCiphertext === null) {
            await repositories.adminKeys.setSecretCiphertext(existing.id, secretBox.encrypt(configuredKey));
            sealedKeyId = existing.id;
          }
          if (!existing) {
            const key: AdminApiKey = {
              id: randomLowerAlphanumeric(20),
              name: "ADMIN_API_KEY",
              keyHash: sha256Hex(configuredKey),
              poolScope: null,
              secretCiphertext: secretBox.encrypt(configuredKey),
              createdAt: now,
              revokedAt: null,
              createdBy: SYSTEM_ACTOR,
            };
            await repositories.adminKeys.insert(key);
            await repositories.events.append(
              { type: "ADMIN_API_KEY_CREATED", poolId: null, actor: SYSTEM_ACTOR, detail: describeKey(key) },
              now,
            );
          }
          return { generatedSecret: null };
        }
        if ((await repositories.adminKeys.countAll()) > 0) return { generatedSecret: null };
        const created = newKey("bootstrap", null, SYSTEM_ACTOR, now);
        await repositories.adminKeys.insert(created.key);
        await repositories.events.append(
          { type: "ADMIN_API_KEY_CREATED", poolId: null, actor: SYSTEM_ACTOR, detail: describeKey(created.key) },
          now,
        );
        return { generatedSecret: created.secret };
      });
      // Other processes may hold the key without its sealed copy, which SigV4 needs.
      if (sealedKeyId !== null) await keys.invalidateKey(sealedKeyId);
      return result;
    },
  };
}
