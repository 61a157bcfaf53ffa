/**
 * A pool's built-in user-migration source (README "Moving from Cognito"): the live Cognito user pool
 * that users are looked up in, with its password, the first time they sign in here or ask for a
 * password reset. Another implementation of the UserMigration trigger's "find the user elsewhere".
 */
export interface UserMigrationSource {
  poolId: string;
  /** The old pool's Cognito endpoint, e.g. https://cognito-idp.eu-west-1.amazonaws.com/ */
  endpoint: string;
  region: string;
  /** The old pool's id (DescribeUserPool, AdminGetUser). */
  sourcePoolId: string;
  /** An app client of the old pool that allows USER_PASSWORD_AUTH (or ADMIN_USER_PASSWORD_AUTH with admin credentials). */
  clientId: string;
  /** Sealed with SECRETS_KEY; null for a client without a secret. */
  clientSecretCiphertext: string | null;
  /** IAM credentials for the admin actions (AdminInitiateAuth, AdminGetUser, DescribeUserPool); null = public actions only. */
  accessKeyId: string | null;
  /** Sealed with SECRETS_KEY. */
  secretAccessKeyCiphertext: string | null;
  /** A custom attribute of this pool that keeps the user's sub at the source; null = the old sub is not kept. */
  subAttribute: string | null;
  /** How long one call to the old pool may take. */
  timeoutMs: number;
  migratedCount: number;
  lastMigratedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** setUserMigrationSource: the secrets in plaintext, only on their way to being sealed. */
export interface SetUserMigrationSourceInput {
  endpoint: string;
  region: string;
  sourceUserPoolId: string;
  clientId: string;
  clientSecret?: string | null;
  adminCredentials?: { accessKeyId: string; secretAccessKey: string } | null;
  subAttribute?: string | null;
  timeoutMs?: number | null;
}

/** What an admin may read back: never the secrets, only whether they are set. */
export interface UserMigrationSourceView {
  userPoolId: string;
  endpoint: string;
  region: string;
  sourceUserPoolId: string;
  clientId: string;
  hasClientSecret: boolean;
  accessKeyId: string | null;
  subAttribute: string | null;
  timeoutMs: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface UserMigrationProgress {
  userPoolId: string;
  migrated: number;
  /** The source pool's EstimatedNumberOfUsers minus migrated (never below 0); null without admin credentials or when the source did not answer. */
  remaining: number | null;
  /** The source's estimate as read just now (null as above). */
  sourceEstimatedUsers: number | null;
  lastMigratedAt: Date | null;
}

export const DEFAULT_SOURCE_TIMEOUT_MS = 5_000;
export const MAX_SOURCE_TIMEOUT_MS = 30_000;
