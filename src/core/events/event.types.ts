export const EVENT_TYPES = [
  "USER_POOL_CREATED",
  "USER_POOL_UPDATED",
  "USER_POOL_DELETED",
  "CUSTOM_ATTRIBUTES_ADDED",
  "APP_CLIENT_CREATED",
  "APP_CLIENT_UPDATED",
  "APP_CLIENT_DELETED",
  "ADMIN_API_KEY_CREATED",
  "ADMIN_API_KEY_REVOKED",
  "USER_SIGNED_UP",
  "USER_CONFIRMED",
  "USER_CREATED_BY_ADMIN",
  "USER_ATTRIBUTES_CHANGED",
  "USER_DISABLED",
  "USER_ENABLED",
  "USER_DELETED",
  "PASSWORD_RESET_REQUESTED",
  "PASSWORD_CHANGED",
  "USER_ADDED_TO_GROUP",
  "USER_REMOVED_FROM_GROUP",
  "GROUP_CREATED",
  "GROUP_UPDATED",
  "GROUP_DELETED",
  "CODE_SENT",
  "SIGNING_KEYS_ROTATED",
  "SIGN_IN_SUCCEEDED",
  "SIGN_IN_FAILED",
  "CHALLENGE_ISSUED",
  "TOKENS_REFRESHED",
  "SIGNED_OUT",
  "TOKEN_REVOKED",
  "ATTRIBUTE_VERIFIED",
  "USER_LOCKED_OUT",
  "SOFTWARE_TOKEN_ASSOCIATED",
  "SOFTWARE_TOKEN_VERIFIED",
  "MFA_ENABLED",
  "MFA_DISABLED",
  "MFA_PREFERENCE_CHANGED",
  "MFA_CHALLENGE_PASSED",
  "MFA_CHALLENGE_FAILED",
  "WEBHOOK_SUBSCRIPTION_CREATED",
  "WEBHOOK_SUBSCRIPTION_DELETED",
  "DEVICE_CONFIRMED",
  /** A device's remembered status changed (detail.status: remembered | not_remembered). */
  "DEVICE_REMEMBERED",
  "DEVICE_FORGOTTEN",
  /** A pool's trigger signing secret was (re)generated; detail never holds it. */
  "TRIGGER_SECRET_ROTATED",
  "RESOURCE_SERVER_CREATED",
  /** UpdateResourceServer replaced its name and scopes (detail holds the new ones). */
  "RESOURCE_SERVER_UPDATED",
  "RESOURCE_SERVER_DELETED",
  "USER_POOL_DOMAIN_CREATED",
  "USER_POOL_DOMAIN_UPDATED",
  "USER_POOL_DOMAIN_DELETED",
  /** SetUICustomization (detail: clientId, cssVersion, sizes; never the CSS or the logo). */
  "UI_CUSTOMIZATION_SET",
  /** CompleteWebAuthnRegistration (detail: userSub, credentialId, relyingPartyId; the public key stays out). */
  "PASSKEY_REGISTERED",
  "PASSKEY_DELETED",
  /** CreateUserImportJob (detail: jobId, jobName). */
  "USER_IMPORT_JOB_CREATED",
  /** A CSV arrived at the job's pre-signed URL (detail: jobId, bytes, users). */
  "USER_IMPORT_FILE_UPLOADED",
  "USER_IMPORT_JOB_STARTED",
  /** The job ended: detail.status Succeeded | Failed | Stopped | Expired, with its counters. */
  "USER_IMPORT_JOB_FINISHED",
  /** setUserMigrationSource (detail: the settings without the secrets, and which secrets are set). */
  "USER_MIGRATION_SOURCE_SET",
  "USER_MIGRATION_SOURCE_DELETED",
  /** An admin exported the pool (users' password hashes included, sealed); detail: the counts and the sealing kind. */
  "USER_POOL_EXPORTED",
  /** An export was imported into this gateway as a new pool; detail: the counts. */
  "USER_POOL_IMPORTED",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** One outbox row: what changed, where, who did it. `detail` never holds a secret. */
export interface AppEvent {
  type: EventType;
  poolId: string | null;
  actor: string;
  detail: Record<string, unknown>;
}

export interface StoredEvent extends AppEvent {
  seq: number;
  occurredAt: Date;
}
