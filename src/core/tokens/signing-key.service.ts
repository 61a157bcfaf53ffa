import type { Clock } from "../../lib/clock.js";
import { actorOf, type AdminPrincipal } from "../admin-keys/admin-key.types.js";
import { loadAccessiblePool } from "../pools/user-pool.service.js";
import type { Database, TokenSigner } from "../ports.js";

export interface SigningKeyServiceDeps {
  db: Database;
  tokens: TokenSigner;
  clock: Clock;
}

export type SigningKeyService = ReturnType<typeof createSigningKeyService>;

/** Administration of a pool's token signing keys. */
export function createSigningKeyService({ db, tokens, clock }: SigningKeyServiceDeps) {
  return {
    /**
     * Retires the pool's signing keys and starts signing with new ones; tokens signed with the old keys
     * stay verifiable until they expire. The event commits in the rotation's transaction.
     * @throws InvalidParameterException (malformed id), ResourceNotFoundException, NotAuthorizedException (scoped key)
     */
    async rotateSigningKeys(principal: AdminPrincipal, poolId: string): Promise<void> {
      // Checked before the rotation so a refused caller costs no RSA key generation.
      await db.read((repositories) => loadAccessiblePool(repositories, principal, poolId));
      await tokens.rotate(poolId, async (repositories, rotation) => {
        await repositories.events.append(
          { type: "SIGNING_KEYS_ROTATED", poolId, actor: actorOf(principal), detail: { ...rotation } },
          clock.now(),
        );
      });
    },
  };
}
