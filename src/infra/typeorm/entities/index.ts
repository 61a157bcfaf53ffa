import { AdminApiKeyEntity } from "./admin-api-key.entity.js";
import { AppClientEntity } from "./app-client.entity.js";
import { DeviceEntity } from "./device.entity.js";
import { EventEntity } from "./event.entity.js";
import { GroupMembershipEntity } from "./group-membership.entity.js";
import { GroupEntity } from "./group.entity.js";
import { RefreshTokenEntity } from "./refresh-token.entity.js";
import { SigningKeyEntity } from "./signing-key.entity.js";
import { UserPoolEntity } from "./user-pool.entity.js";
import { UserEntity } from "./user.entity.js";
import { UserAliasEntity } from "./user-alias.entity.js";
import { UserSearchEntryEntity } from "./user-search-entry.entity.js";
import { PasswordHistoryEntity } from "./password-history.entity.js";
import { VerificationCodeEntity } from "./verification-code.entity.js";
import { SentMessageEntity } from "./sent-message.entity.js";
import { UserMfaEntity } from "./user-mfa.entity.js";
import { WebhookDeliveryEntity } from "./webhook-delivery.entity.js";
import { WebhookSubscriptionEntity } from "./webhook-subscription.entity.js";
import { TriggerSecretEntity } from "./trigger-secret.entity.js";
import { ResourceServerEntity } from "./resource-server.entity.js";
import { ResourceServerScopeEntity } from "./resource-server-scope.entity.js";
import { UserPoolDomainEntity } from "./user-pool-domain.entity.js";
import { UiCustomizationEntity } from "./ui-customization.entity.js";
import { WebAuthnCredentialEntity } from "./webauthn-credential.entity.js";
import { UserImportJobEntity } from "./user-import-job.entity.js";
import { UserImportChunkEntity } from "./user-import-chunk.entity.js";
import { UserMigrationSourceEntity } from "./user-migration-source.entity.js";

export const ENTITIES = [
  UserPoolEntity,
  AppClientEntity,
  UserEntity,
  GroupEntity,
  GroupMembershipEntity,
  SigningKeyEntity,
  RefreshTokenEntity,
  DeviceEntity,
  AdminApiKeyEntity,
  EventEntity,
  UserAliasEntity,
  UserSearchEntryEntity,
  PasswordHistoryEntity,
  VerificationCodeEntity,
  SentMessageEntity,
  UserMfaEntity,
  WebhookSubscriptionEntity,
  WebhookDeliveryEntity,
  TriggerSecretEntity,
  ResourceServerEntity,
  ResourceServerScopeEntity,
  UserPoolDomainEntity,
  UiCustomizationEntity,
  WebAuthnCredentialEntity,
  UserImportJobEntity,
  UserImportChunkEntity,
  UserMigrationSourceEntity,
];

export { WebAuthnCredentialEntity };
export { UserImportJobEntity, UserImportChunkEntity };
export { UserMigrationSourceEntity };
export {
  ResourceServerEntity,
  ResourceServerScopeEntity,
  UserPoolDomainEntity,
  UiCustomizationEntity,
  WebhookDeliveryEntity,
  WebhookSubscriptionEntity,
  TriggerSecretEntity,
  UserMfaEntity,
  UserAliasEntity,
  UserSearchEntryEntity,
  PasswordHistoryEntity,
  VerificationCodeEntity,
  SentMessageEntity,
  AdminApiKeyEntity,
  AppClientEntity,
  DeviceEntity,
  EventEntity,
  GroupEntity,
  GroupMembershipEntity,
  RefreshTokenEntity,
  SigningKeyEntity,
  UserEntity,
  UserPoolEntity,
};
