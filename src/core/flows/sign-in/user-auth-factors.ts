import type { AdminPrincipal } from "../../admin-keys/admin-key.types.js";
import { enabledFactors, mfaSummaryOf } from "../../mfa/mfa-factors.js";
import type { MfaSummary } from "../../mfa/mfa.types.js";
import type { Database } from "../../ports.js";
import { allowsFirstFactor, type AuthFactorType } from "../../pools/sign-in-policy.js";
import type { UserPool } from "../../pools/user-pool.types.js";
import type { AccessTokenPrincipal } from "../../tokens/access-token.service.js";
import { loadAdminUserContext, type AdminUserRef } from "../../users/admin-user-context.js";
import type { User } from "../../users/user.types.js";
import type { PasskeySignIn } from "../../webauthn/passkey-sign-in.js";

/** The names USER_AUTH offers in AvailableChallenges and takes as PREFERRED_CHALLENGE / ANSWER (reference-oauth §13.2). */
export const USER_AUTH_CHALLENGES = ["WEB_AUTHN", "EMAIL_OTP", "SMS_OTP", "PASSWORD_SRP", "PASSWORD"] as const;
export type UserAuthChallenge = (typeof USER_AUTH_CHALLENGES)[number];

export const isUserAuthChallenge = (name: string | undefined): name is UserAuthChallenge =>
  (USER_AUTH_CHALLENGES as readonly string[]).includes(name ?? "");

/** What a user's choices depend on beyond the pool and the user record. */
export interface UserAuthFacts {
  /** A second factor switched on (and usable) in a pool with MFA OPTIONAL. */
  hasActiveMfa: boolean;
  /** At least one passkey for the pool's RP ID. */
  hasPasskeys: boolean;
}

/**
 * Whether a passwordless first factor may be offered at all: never with MFA ON (§13.2: "incompatible";
 * the pool's validation refuses the combination, this is the backstop), never to a user whose MFA is
 * active in an OPTIONAL pool (Cognito: such users "cannot use a passwordless first factor"), and never
 * to a user who must set or reset a password first (measured: a FORCE_CHANGE_PASSWORD user is offered
 * ["PASSWORD_SRP","PASSWORD"] only).
 */
function mayUsePasswordless(pool: UserPool, user: Pick<User, "status"> | null, facts: UserAuthFacts): boolean {
  if (pool.mfaConfiguration === "ON" || facts.hasActiveMfa) return false;
  return !user || (user.status !== "FORCE_CHANGE_PASSWORD" && user.status !== "RESET_REQUIRED");
}

/**
 * The challenges a user may choose (AvailableChallenges), in a stable order: each factor the pool allows
 * and the user can use — a password (listed as PASSWORD_SRP and PASSWORD), an email or phone attribute
 * (verified or not: a right code verifies it), a passkey.
 */
export function availableChallengesOf(
  pool: UserPool,
  user: Pick<User, "status" | "attributes" | "credentials">,
  facts: UserAuthFacts,
): UserAuthChallenge[] {
  const policy = pool.signInPolicy;
  const passwordless = mayUsePasswordless(pool, user, facts);
  const has: Record<UserAuthChallenge, boolean> = {
    WEB_AUTHN: passwordless && allowsFirstFactor(policy, "WEB_AUTHN") && facts.hasPasskeys,
    EMAIL_OTP: passwordless && allowsFirstFactor(policy, "EMAIL_OTP") && Boolean(user.attributes.email),
    SMS_OTP: passwordless && allowsFirstFactor(policy, "SMS_OTP") && Boolean(user.attributes.phone_number),
    PASSWORD_SRP: user.credentials !== null,
    PASSWORD: user.credentials !== null,
  };
  return USER_AUTH_CHALLENGES.filter((challenge) => has[challenge]);
}

/**
 * The choices shown for a name with no user (PreventUserExistenceErrors ENABLED): those of a user with a
 * password, an email address and a phone number and no MFA — every factor the pool allows (WEB_AUTHN where
 * the pool can serve passkeys, i.e. has an RP ID; the passkey service simulates its options too).
 */
export function simulatedChallengesOf(pool: UserPool, passkeysServed: boolean): UserAuthChallenge[] {
  return availableChallengesOf(
    pool,
    {
      status: "CONFIRMED",
      attributes: { email: "-", phone_number: "-" },
      credentials: { passwordHash: "", srpSalt: "", srpVerifier: "" },
    },
    { hasActiveMfa: false, hasPasskeys: passkeysServed },
  );
}

export interface UserAuthFactorDeps {
  db: Database;
  /** null: passkeys are not served, WEB_AUTHN is never available. */
  passkeys: PasskeySignIn | null;
}

/** GetUserAuthFactors' answer. */
export interface UserAuthFactors extends MfaSummary {
  username: string;
  /** ConfiguredUserAuthFactors: PASSWORD, EMAIL_OTP, SMS_OTP, WEB_AUTHN as USER_AUTH would offer them now. */
  configuredUserAuthFactors: AuthFactorType[];
}

export function createUserAuthFactors({ db, passkeys }: UserAuthFactorDeps) {
  /**
   * The facts a user's choices depend on: two reads (MFA settings, passkeys). A name with no user is
   * looked up under an id no user has, so its choices cost the same reads as a real user's.
   */
  async function factsOf(
    pool: UserPool,
    user: User | null,
    standInUserId: string,
  ): Promise<UserAuthFacts & { poolServesPasskeys: boolean; summary: MfaSummary }> {
    const userId = user?.id ?? standInUserId;
    const row = await db.read((repositories) => repositories.mfa.find(userId));
    const { poolServesPasskeys, hasPasskeys } = passkeys
      ? await passkeys.passkeyFactsOf(pool, userId)
      : { poolServesPasskeys: false, hasPasskeys: false };
    return {
      hasActiveMfa: user ? pool.mfaConfiguration === "OPTIONAL" && enabledFactors(user, pool, row).length > 0 : false,
      hasPasskeys,
      poolServesPasskeys,
      summary: mfaSummaryOf(row),
    };
  }

  async function factorsOf(pool: UserPool, user: User): Promise<UserAuthFactors> {
    const facts = await factsOf(pool, user, user.id);
    const configured = availableChallengesOf(pool, user, facts).filter(
      (challenge): challenge is Exclude<UserAuthChallenge, "PASSWORD_SRP"> => challenge !== "PASSWORD_SRP",
    );
    return { username: user.username, configuredUserAuthFactors: configured, ...facts.summary };
  }

  return {
    /** The user's AvailableChallenges now; for null (an unknown name) the simulated ones, after the same reads. */
    async challengesFor(pool: UserPool, user: User | null, standInUserId: string): Promise<UserAuthChallenge[]> {
      const facts = await factsOf(pool, user, standInUserId);
      // An unknown name is offered a passkey only where a real user could have one (the pool has an RP ID).
      return user ? availableChallengesOf(pool, user, facts) : simulatedChallengesOf(pool, facts.poolServesPasskeys);
    },

    /** GetUserAuthFactors: the caller's USER_AUTH factors and MFA settings. @throws NotAuthorizedException, UserNotFoundException */
    async getUserAuthFactors(principal: AccessTokenPrincipal): Promise<UserAuthFactors> {
      const { pool, user } = principal.verified;
      return factorsOf(pool, user);
    },

    /** AdminGetUserAuthFactors. @throws ResourceNotFoundException, NotAuthorizedException, UserNotFoundException */
    async adminGetUserAuthFactors(principal: AdminPrincipal, ref: AdminUserRef): Promise<UserAuthFactors> {
      const { pool, user } = await db.read((repositories) => loadAdminUserContext(repositories, principal, ref));
      return factorsOf(pool, user);
    },
  };
}

export type UserAuthFactorService = ReturnType<typeof createUserAuthFactors>;
