import type { UserPool } from "../pools/user-pool.types.js";
import type { User } from "../users/user.types.js";

/** What the WEB_AUTHN challenge keeps in its sign-in session between the options and the answer. */
export interface PasskeyAssertionState {
  /** The challenge sent in CREDENTIAL_REQUEST_OPTIONS (base64url). */
  challenge: string;
  rpId: string;
  userVerification: "required" | "preferred";
}

/**
 * The passkey half of USER_AUTH (reference-oauth §13.4), as the sign-in flow needs it. Implemented by the
 * passkey service (src/core/webauthn/); the USER_AUTH steps call it and own everything else (sessions,
 * lockout, events, triggers, MFA, tokens).
 */
export interface PasskeySignIn {
  /**
   * Whether the pool has an RP ID at all (a configured one or a domain: passkeys can be used in it) and
   * whether the user has a passkey for it (WEB_AUTHN is then available). The same reads for any user id,
   * so an unknown name's choices (offered only where passkeys can be used) cost what a real user's do.
   */
  passkeyFactsOf(pool: UserPool, userId: string): Promise<{ poolServesPasskeys: boolean; hasPasskeys: boolean }>;
  /**
   * CREDENTIAL_REQUEST_OPTIONS (a JSON string, as Cognito sends it) and the state verifyAssertion needs.
   * For an unknown user (PreventUserExistenceErrors) pass null and the name as typed: options that look real,
   * with the same invented credential for the same name every time (as a real user's stay the same), and
   * that never verify.
   * @throws WebAuthnConfigurationMissingException when the pool has no RP ID (no domain, none configured)
   */
  startAssertion(
    pool: UserPool,
    user: User | null,
    sessionValiditySeconds: number,
    typedName: string,
  ): Promise<{ requestOptionsJson: string; state: PasskeyAssertionState }>;
  /**
   * Checks the CREDENTIAL answer (AuthenticationResponseJSON as a string): a credential of this user, origin,
   * RP ID, challenge, user verification, signature and counter (a lower counter = a cloned authenticator).
   * Updates the stored counter. @throws NotAuthorizedException on any failure
   */
  verifyAssertion(pool: UserPool, user: User, state: PasskeyAssertionState, credentialJson: string): Promise<void>;
}
