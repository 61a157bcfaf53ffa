export interface AdminApiKey {
  id: string;
  name: string;
  /** SHA-256 of the whole key: keys are high-entropy, so a fast hash is enough and the key is never stored. */
  keyHash: string;
  /** Pools this key may see and change; null = every pool, and key management. */
  poolScope: string[] | null;
  /**
   * The whole key sealed with the SecretBox, so the Cognito wire API can recompute AWS SigV4
   * signatures made with it (an HMAC needs the secret itself). Null for keys created before
   * signing was supported: they work as bearer keys only.
   */
  secretCiphertext: string | null;
  createdAt: Date;
  revokedAt: Date | null;
  createdBy: string;
}

/** Who is calling an admin operation, as resolved from the bearer key. */
export interface AdminPrincipal {
  keyId: string;
  poolScope: readonly string[] | null;
}

export const actorOf = (principal: AdminPrincipal): string => `admin-key:${principal.keyId}`;
