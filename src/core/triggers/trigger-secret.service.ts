import type { Clock } from "../../lib/clock.js";
import { randomTokenBase64Url } from "../../lib/random.js";
import { actorOf, type AdminPrincipal } from "../admin-keys/admin-key.types.js";
import type { Database, SecretBox } from "../ports.js";
import { loadAccessiblePool } from "../pools/user-pool.service.js";

export type TriggerSecretService = ReturnType<typeof createTriggerSecretService>;

/** 256 random bits, base64url: the HMAC key receivers check X-Gateway-Signature with. */
const SECRET_BYTES = 32;

export function createTriggerSecretService({
  db,
  clock,
  secretBox,
}: {
  db: Database;
  clock: Clock;
  secretBox: SecretBox;
}) {
  return {
    /**
     * Generates the pool's trigger signing secret, replacing any previous one at once, and returns it
     * this one time. It is stored sealed (the gateway must sign with it again), never hashed.
     * @throws ResourceNotFoundException, NotAuthorizedException (key scoped to other pools)
     */
    async rotateTriggerSecret(principal: AdminPrincipal, poolId: string): Promise<{ secret: string; createdAt: Date }> {
      const secret = randomTokenBase64Url(SECRET_BYTES);
      const createdAt = clock.now();
      await db.transaction(async (repositories) => {
        await loadAccessiblePool(repositories, principal, poolId);
        await repositories.triggerSecrets.put({ poolId, secretCiphertext: secretBox.encrypt(secret), createdAt });
        await repositories.events.append(
          { type: "TRIGGER_SECRET_ROTATED", poolId, actor: actorOf(principal), detail: {} },
          createdAt,
        );
      });
      return { secret, createdAt };
    },
  };
}
