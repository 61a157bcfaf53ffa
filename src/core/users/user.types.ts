import type { Group } from "../groups/group.types.js";

/** Cognito's user statuses (cognito-reference §8.2); the retired ones are never produced. */
export type UserStatus = "UNCONFIRMED" | "CONFIRMED" | "FORCE_CHANGE_PASSWORD" | "RESET_REQUIRED" | "EXTERNAL_PROVIDER";

/** Attribute values as Cognito carries them: strings, including booleans ("true") and numbers. */
export type UserAttributes = Record<string, string>;

export interface PasswordCredentials {
  /** bcrypt over a peppered pre-hash (see infra/crypto/password-hasher.ts). */
  passwordHash: string;
  /** Cognito SRP salt and verifier (hex), from the immutable username and the pool id (§4.4). */
  srpSalt: string;
  srpVerifier: string;
}

export interface User {
  /** The `sub`: a UUID, never reused. */
  id: string;
  poolId: string;
  /** Immutable username (a UUID in email/phone-as-username pools). */
  username: string;
  usernameNormalized: string;
  status: UserStatus;
  enabled: boolean;
  attributes: UserAttributes;
  credentials: PasswordCredentials | null;
  passwordChangedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A user read together with its groups (ordered by name) in one query, on the SRP sign-in's last step:
 * issuing its tokens then needs no second read. Never stored; a copy made with a spread keeps the groups.
 */
export interface UserWithGroups extends User {
  groups: Group[];
}

export const hasGroupsLoaded = (user: User): user is UserWithGroups =>
  Array.isArray((user as Partial<UserWithGroups>).groups);

/** Alias kinds a user can be found by besides the username. */
export type AliasKind = "email" | "phone_number" | "preferred_username";
