/**
 * Storage ports added with the OAuth server, passkeys and live migration (re-exported by storage-ports.ts):
 * resource servers, pool domains, sign-in page branding, WebAuthn credentials, migration sources.
 */
import type { PageRequest } from "./storage-ports.js";
import type { ResourceServer } from "./oauth/resource-server.types.js";
import type { UiCustomization } from "./oauth/ui-customization.types.js";
import type { UserPoolDomain } from "./oauth/user-pool-domain.types.js";
import type { WebAuthnCredential } from "./webauthn/webauthn.types.js";
import type { UserMigrationSource } from "./migration/migration-source.types.js";

export interface ResourceServerRepository {
  insert(server: ResourceServer): Promise<void>;
  /** Replaces name and scopes (UpdateResourceServer is a full replace). */
  update(server: ResourceServer): Promise<void>;
  delete(poolId: string, identifier: string): Promise<void>;
  findByIdentifier(poolId: string, identifier: string): Promise<ResourceServer | null>;
  /** Ordered by identifier; `afterId` is an identifier. */
  listByPool(poolId: string, page: PageRequest): Promise<ResourceServer[]>;
  /** Every resource server of the pool (at most the quota, a few hundred): for scope checks. */
  listAllByPool(poolId: string): Promise<ResourceServer[]>;
  countByPool(poolId: string): Promise<number>;
}

export interface UserPoolDomainRepository {
  /** @throws InvalidParameterException "Domain already associated with another user pool." on a taken domain */
  insert(domain: UserPoolDomain): Promise<void>;
  update(domain: UserPoolDomain): Promise<void>;
  delete(domain: string): Promise<void>;
  /** By the domain as stored (a prefix or a custom host), lower case. */
  findByDomain(domain: string): Promise<UserPoolDomain | null>;
  /** The pool's domains: at most one prefix and one custom. */
  listByPool(poolId: string): Promise<UserPoolDomain[]>;
}

export interface UiCustomizationRepository {
  /** Inserts or replaces the customization of (poolId, clientId). */
  upsert(customization: UiCustomization): Promise<void>;
  find(poolId: string, clientId: string): Promise<UiCustomization | null>;
  delete(poolId: string, clientId: string): Promise<void>;
}

/** Users' passkeys; a user holds at most 20, so lists are read whole. */
export interface WebAuthnCredentialRepository {
  /** @throws InvalidParameterException when the pool already has this credential id */
  insert(credential: WebAuthnCredential): Promise<void>;
  /** Credential ids compare exactly (case matters in base64url). */
  find(poolId: string, credentialId: string): Promise<WebAuthnCredential | null>;
  /** Every credential of the user, oldest first. */
  listOfUser(userId: string): Promise<WebAuthnCredential[]>;
  countOfUser(userId: string): Promise<number>;
  /** True when the user has a credential for this RP ID. */
  existsForRelyingParty(userId: string, relyingPartyId: string): Promise<boolean>;
  /** True when it deleted the credential. */
  delete(poolId: string, credentialId: string): Promise<boolean>;
  /**
   * Records a sign-in: the new counter and last-used time, only if the stored counter is still
   * `expectedSignCount` (a conditional UPDATE). True for exactly one of parallel callers.
   */
  recordUse(
    poolId: string,
    credentialId: string,
    args: { expectedSignCount: number; newSignCount: number; now: Date },
  ): Promise<boolean>;
}

/** A pool's built-in user-migration source (one per pool) and its progress counter. */
export interface UserMigrationSourceRepository {
  find(poolId: string): Promise<UserMigrationSource | null>;
  /** Inserts or replaces the settings; the progress counter and last-migrated time are kept. */
  put(source: Omit<UserMigrationSource, "migratedCount" | "lastMigratedAt">): Promise<void>;
  /** True when it deleted one. */
  delete(poolId: string): Promise<boolean>;
  /** Counts one migrated user (an atomic increment), in the transaction that created it. */
  recordMigrated(poolId: string, at: Date): Promise<void>;
}
