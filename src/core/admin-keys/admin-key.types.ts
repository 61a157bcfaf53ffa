export interface AdminApiKey {
  id: string;
  name: string;
  /** SHA-256 of the whole key: keys are high-entropy, so a fast hash is enough and the key is never stored. */
  keyHash: string;
  /** Pools this key may see and change; null = every pool, and key management. */
  poolScope: string[] | null;
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
