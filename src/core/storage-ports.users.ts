/**
 * Storage ports of a user and what hangs off it (re-exported by storage-ports.ts): the user with its
 * aliases and search entries, verification codes, the MFA record and remembered devices.
 */
import type { PageRequest } from "./storage-ports.js";
import type { Device, DeviceRememberedStatus } from "./devices/device.types.js";
import type { MfaFactorSettings, UserMfa } from "./mfa/mfa.types.js";
import type { AliasKind, User, UserWithGroups } from "./users/user.types.js";

/** One searchable value of a user, already folded by core's rules (see users/user-search.ts). */
export interface SearchEntry {
  name: string;
  value: string;
}

/** A position in a listUsers result: results are ordered by (value, userId). */
export interface SearchPosition {
  value: string;
  userId: string;
}

export interface UserSearchQuery {
  /** null = every user of the pool, ordered by user id. */
  attribute: string | null;
  operator: "=" | "^=";
  value: string;
  after?: SearchPosition;
  limit: number;
}

/**
 * A user as ListUsers shows it: never its credentials, which a listing must not load (a password hash
 * and an SRP verifier for every row on the page), nor bookkeeping it does not return.
 */
export type ListedUser = Pick<
  User,
  "id" | "username" | "status" | "enabled" | "attributes" | "createdAt" | "updatedAt"
>;

export interface UserRepository {
  /** @throws UsernameExistsException when the pool already has the normalised username. */
  insert(user: User): Promise<void>;
  update(user: User): Promise<void>;
  delete(userId: string): Promise<void>;
  /**
   * Records that the user was signed out everywhere at `at`: access tokens without a refresh-token
   * family issued up to then are refused (findAccessTokenHolder's `signedOutAt`). Kept with the user,
   * so a restart or a store that lost its keys does not bring those tokens back.
   */
  recordSignOut(userId: string, at: Date): Promise<void>;
  findById(poolId: string, userId: string): Promise<User | null>;
  /**
   * findById as last committed, its row locked until the transaction ends (SELECT … FOR UPDATE on
   * MariaDB; SQLite's transactions run one at a time): for a read the transaction then writes back.
   */
  findByIdLocked(poolId: string, userId: string): Promise<User | null>;
  /** findById plus the user's groups ordered by name, in one query. */
  findByIdWithGroups(poolId: string, userId: string): Promise<UserWithGroups | null>;
  findByUsername(poolId: string, usernameNormalized: string): Promise<User | null>;
  findByAlias(poolId: string, kind: AliasKind, valueNormalized: string): Promise<User | null>;
  /** Replaces the user's alias rows. @throws AliasExistsException when another user holds one of them. */
  replaceAliases(
    poolId: string,
    userId: string,
    aliases: { kind: AliasKind; valueNormalized: string }[],
    options?: { isNewUser?: boolean },
  ): Promise<void>;
  /** Removes one alias value from whoever holds it (ForceAliasCreation); returns that user's id. */
  releaseAlias(poolId: string, kind: AliasKind, valueNormalized: string): Promise<string | null>;
  /**
   * What a call with an access token checks and shows, in one round trip: whether the token's
   * refresh-token family (`origin_jti`; null for none) was revoked, the user (null when gone), when the
   * user was last signed out everywhere (recordSignOut; null for never) and its MFA row.
   */
  findAccessTokenHolder(
    poolId: string,
    userId: string,
    familyId: string | null,
  ): Promise<{ isFamilyRevoked: boolean; user: User | null; signedOutAt: Date | null; mfa: UserMfa | null }>;
  /** `isNewUser` skips the delete: on MariaDB a delete of absent rows takes gap locks that deadlock parallel sign-ups. */
  replaceSearchEntries(
    poolId: string,
    userId: string,
    entries: SearchEntry[],
    options?: { isNewUser?: boolean },
  ): Promise<void>;
  /** Users matching a ListUsers filter, ordered by (matched value, user id), `limit` at most. */
  search(poolId: string, query: UserSearchQuery): Promise<{ user: User; position: SearchPosition }[]>;
  /** `search` for a listing: the same users in the same order, without credentials, in one round trip. */
  searchListed(poolId: string, query: UserSearchQuery): Promise<{ user: ListedUser; position: SearchPosition }[]>;
  /** Remembers a retired password hash, keeping only the newest `keep`. */
  addPasswordHistory(userId: string, passwordHash: string, createdAt: Date, keep: number): Promise<void>;
  listPasswordHistory(userId: string, limit: number): Promise<string[]>;
}

export type CodePurpose = "SIGN_UP" | "FORGOT_PASSWORD" | "VERIFY_EMAIL" | "VERIFY_PHONE_NUMBER";

export interface VerificationCode {
  userId: string;
  purpose: CodePurpose;
  /** Keyed hash of the code; the code itself is only ever in the message sent. */
  codeHash: string;
  expiresAt: Date;
  failedAttempts: number;
  createdAt: Date;
  consumedAt: Date | null;
  /**
   * The new email/phone this code proves, when the pool holds changes until they are verified
   * (AttributesRequireVerificationBeforeUpdate); null when the code verifies the current value.
   * Kept with the code so the value swapped in is exactly the one the code was sent to.
   */
  pendingValue: string | null;
  /**
   * The attribute and address the code was sent to: all a code proves is that someone reads that
   * address, so it verifies nothing else (a sign-up code whose pool since auto-verifies another
   * attribute, an address changed since). Null for a code stored before this was recorded.
   */
  sentTo: CodeDestination | null;
}

/** Where a code went: the attribute it was sent for and the address it was sent to. */
export interface CodeDestination {
  attributeName: "email" | "phone_number";
  address: string;
}

export interface VerificationCodeRepository {
  /** Stores the newest code for the purpose, replacing the previous one: only the latest is valid. */
  replace(code: VerificationCode): Promise<void>;
  find(userId: string, purpose: CodePurpose): Promise<VerificationCode | null>;
  /**
   * Counts a wrong guess in one atomic step: true when the code is unused, unexpired, has fewer than
   * `maxFailedAttempts` failures and is not `codeHash` (the count then grows by one); false otherwise.
   */
  recordFailure(
    userId: string,
    purpose: CodePurpose,
    codeHash: string,
    now: Date,
    maxFailedAttempts: number,
  ): Promise<boolean>;
  /** Marks the code used if it is still unused, unexpired, not worn out and matches; true for exactly one caller. */
  consume(
    userId: string,
    purpose: CodePurpose,
    codeHash: string,
    now: Date,
    maxFailedAttempts: number,
  ): Promise<boolean>;
  deleteForUser(userId: string, purpose: CodePurpose): Promise<void>;
}
/**
 * A user's MFA record. Every write touches only its own columns, and the TOTP writes are conditional
 * UPDATEs: a whole-row save could put back a stale `totpLastUsedStep` and reopen a replay window.
 */
export interface UserMfaRepository {
  find(userId: string): Promise<UserMfa | null>;
  /** Creates the user's (empty) record if missing and locks it until the transaction ends (read-modify-write of the factor settings). */
  findForUpdate(userId: string, now: Date): Promise<UserMfa>;
  /** Stores a newly associated, unverified secret; the one in force (if any) stays until the new one is verified. */
  setPendingTotp(userId: string, pendingCiphertext: string, now: Date): Promise<void>;
  /**
   * Moves the pending secret into force if it is still `pendingCiphertext`, recording `step` as used.
   * True for exactly one of many parallel callers.
   */
  promotePendingTotp(
    userId: string,
    pendingCiphertext: string,
    args: { friendlyName: string | null; step: number; now: Date },
  ): Promise<boolean>;
  /**
   * Records `step` as the last accepted one if the secret in force is still `secretCiphertext` and
   * no step at or after it was accepted before. True for exactly one of many parallel callers.
   */
  recordTotpStep(userId: string, secretCiphertext: string, step: number, now: Date): Promise<boolean>;
  /** Writes which factors are on and which is preferred (call after findForUpdate). */
  setFactors(userId: string, settings: MfaFactorSettings, now: Date): Promise<void>;
}
/** A user's devices (remembered-device tracking). */
export interface DeviceRepository {
  insert(device: Device): Promise<void>;
  findByKey(deviceKey: string): Promise<Device | null>;
  /** Stores the SRP salt and verifier of a pending device; true for exactly one caller (false once confirmed). */
  confirm(
    deviceKey: string,
    args: {
      srpSalt: string;
      srpVerifier: string;
      name: string | null;
      rememberedStatus: DeviceRememberedStatus;
      now: Date;
    },
  ): Promise<boolean>;
  updateStatus(deviceKey: string, rememberedStatus: DeviceRememberedStatus, now: Date): Promise<void>;
  recordAuthentication(deviceKey: string, args: { ip: string | null; now: Date }): Promise<void>;
  delete(deviceKey: string): Promise<void>;
  /** The user's confirmed devices, ordered by device key. */
  listConfirmedOfUser(userId: string, page: PageRequest): Promise<Device[]>;
}
