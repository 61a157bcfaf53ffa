/**
 * Passkeys (reference-oauth §13.1, §13.5): the pool's WebAuthn settings and a user's registered credentials.
 */

export type WebAuthnUserVerification = "required" | "preferred";
export type WebAuthnFactorConfiguration = "SINGLE_FACTOR" | "MULTI_FACTOR_WITH_USER_VERIFICATION";
export const WEB_AUTHN_USER_VERIFICATIONS: readonly WebAuthnUserVerification[] = ["required", "preferred"];
export const WEB_AUTHN_FACTOR_CONFIGURATIONS: readonly WebAuthnFactorConfiguration[] = [
  "SINGLE_FACTOR",
  "MULTI_FACTOR_WITH_USER_VERIFICATION",
];

/**
 * SetUserPoolMfaConfig's WebAuthnConfiguration, kept in the pool settings. Null on the pool until an
 * admin sets it: the RP ID then still defaults to the pool's domain.
 */
export interface WebAuthnConfiguration {
  /** Null: the pool's custom domain, else its prefix domain host (see relying-party.ts). */
  relyingPartyId: string | null;
  userVerification: WebAuthnUserVerification;
  /**
   * Whether a passkey sign-in with user verification counts as MFA. Stored and returned; read by the
   * USER_AUTH steps when they decide whether an MFA challenge follows a passkey.
   */
  factorConfiguration: WebAuthnFactorConfiguration;
}

export const DEFAULT_WEB_AUTHN_CONFIGURATION: WebAuthnConfiguration = {
  relyingPartyId: null,
  userVerification: "preferred",
  factorConfiguration: "SINGLE_FACTOR",
};

export type AuthenticatorAttachment = "platform" | "cross-platform";

/**
 * A user's registered passkey. The public key is stored as it came (COSE): it is not a secret — it can
 * only check signatures, never make one — so it is kept in plain text like a JWKS key.
 */
export interface WebAuthnCredential {
  /** base64url of the authenticator's credential id; unique within the pool. */
  credentialId: string;
  poolId: string;
  userId: string;
  /** The RP ID it was registered for: it signs for that one only, so an RP ID change orphans it. */
  relyingPartyId: string;
  /** The COSE_Key, base64url. */
  publicKey: string;
  /** The authenticator's signature counter as last seen (0 for authenticators that do not count). */
  signCount: number;
  transports: string[];
  authenticatorAttachment: AuthenticatorAttachment | null;
  /** Cognito's auto-generated FriendlyCredentialName. */
  friendlyName: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** Cognito's quota of passkeys per user (reference-oauth §13.5). */
export const MAX_WEB_AUTHN_CREDENTIALS_PER_USER = 20;
