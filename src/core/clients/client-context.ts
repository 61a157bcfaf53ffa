import { hmacSha256Base64, constantTimeEqual } from "../../lib/secrets.js";
import { CognitoError, resourceNotFound } from "../errors.js";
import type { Repositories, SecretBox } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { requireClientId } from "../validation.js";
import type { AppClient } from "./app-client.types.js";

export interface ClientContext {
  client: AppClient;
  pool: UserPool;
}

/** Resolves a public call's client id to its client and pool. @throws ResourceNotFoundException */
export async function loadClientContext(repositories: Repositories, clientId: string): Promise<ClientContext> {
  requireClientId(clientId);
  const client = await repositories.clients.findById(clientId);
  const pool = client ? await repositories.pools.findById(client.poolId) : null;
  if (!client || !pool) throw resourceNotFound(`User pool client ${clientId} does not exist.`);
  return { client, pool };
}

/**
 * Enforces SECRET_HASH for clients with a secret (cognito-reference §5): Base64(HMAC-SHA256(secret,
 * username + clientId)). Any of the user's identifiers is accepted, as the reference recommends.
 * @throws NotAuthorizedException
 */
export function verifySecretHash(
  secretBox: SecretBox,
  client: AppClient,
  secretHash: string | null | undefined,
  identifiers: readonly string[],
): void {
  if (client.secretCiphertext === null) return;
  if (!secretHash)
    throw new CognitoError(
      "NotAuthorizedException",
      `Client ${client.clientId} is configured with secret but SECRET_HASH was not received`,
    );
  const secret = secretBox.decrypt(client.secretCiphertext);
  const matches = identifiers.some((identifier) =>
    constantTimeEqual(hmacSha256Base64(secret, identifier + client.clientId), secretHash),
  );
  if (!matches)
    throw new CognitoError("NotAuthorizedException", `SecretHash does not match for the client: ${client.clientId}`);
}
