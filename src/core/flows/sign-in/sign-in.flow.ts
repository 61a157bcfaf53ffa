/**
 * The sign-in flow as data: every state a sign-in can be in and the moves allowed from it. The
 * service refuses any move not in this table; a unit test walks every edge; sign-in.mmd draws it.
 * Order after the password (cognito-reference §3.3): NEW_PASSWORD_REQUIRED → MFA → tokens. Device
 * steps (a later issue) slot in between MFA and AUTHENTICATED.
 */
export const SIGN_IN_STATES = [
  "START",
  "PASSWORD_VERIFIER",
  "NEW_PASSWORD_REQUIRED",
  "SMS_MFA",
  "EMAIL_OTP",
  "SOFTWARE_TOKEN_MFA",
  "SELECT_MFA_TYPE",
  "MFA_SETUP",
  "AUTHENTICATED",
  "FAILED",
] as const;
export type SignInState = (typeof SIGN_IN_STATES)[number];

/** The states a client answers with RespondToAuthChallenge; their names are Cognito's challenge names. */
export type ChallengeState = Exclude<SignInState, "START" | "AUTHENTICATED" | "FAILED">;

/** The MFA states, one per challenge a proven password can lead to. */
export type MfaChallengeState = Extract<SignInState, "SMS_MFA" | "EMAIL_OTP" | "SOFTWARE_TOKEN_MFA" | "SELECT_MFA_TYPE" | "MFA_SETUP">;

/** Where a proven first factor can go next: a new password, an MFA step, or tokens. */
const AFTER_PASSWORD = ["SMS_MFA", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA", "SELECT_MFA_TYPE", "MFA_SETUP", "AUTHENTICATED", "FAILED"] as const satisfies readonly SignInState[];

export const SIGN_IN_TRANSITIONS: Readonly<Record<SignInState, readonly SignInState[]>> = {
  // USER_SRP_AUTH asks for the verifier; the password flows check the password at once.
  START: ["PASSWORD_VERIFIER", "NEW_PASSWORD_REQUIRED", ...AFTER_PASSWORD],
  PASSWORD_VERIFIER: ["NEW_PASSWORD_REQUIRED", ...AFTER_PASSWORD],
  // A new password the policy refuses keeps the challenge open (same state) until the session ends.
  NEW_PASSWORD_REQUIRED: ["NEW_PASSWORD_REQUIRED", ...AFTER_PASSWORD],
  // A wrong code keeps the challenge open (same state, same session) until its try limit.
  SMS_MFA: ["SMS_MFA", "AUTHENTICATED", "FAILED"],
  EMAIL_OTP: ["EMAIL_OTP", "AUTHENTICATED", "FAILED"],
  SOFTWARE_TOKEN_MFA: ["SOFTWARE_TOKEN_MFA", "AUTHENTICATED", "FAILED"],
  // ANSWER picks one of MFAS_CAN_CHOOSE; an answer not offered keeps the question open.
  SELECT_MFA_TYPE: ["SELECT_MFA_TYPE", "SMS_MFA", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA", "FAILED"],
  // VerifySoftwareToken(session) re-issues the session in MFA_SETUP with the authenticator proven; the
  // answer then completes. EMAIL = address sends an EMAIL_OTP code to it.
  MFA_SETUP: ["MFA_SETUP", "EMAIL_OTP", "AUTHENTICATED", "FAILED"],
  AUTHENTICATED: [],
  FAILED: [],
};

export const isTerminal = (state: SignInState): boolean => SIGN_IN_TRANSITIONS[state].length === 0;

export function canTransition(from: SignInState, to: SignInState): boolean {
  return SIGN_IN_TRANSITIONS[from].includes(to);
}

/** Guards every state change of a sign-in; a failure here is a bug, never a client error. */
export function assertTransition(from: SignInState, to: SignInState): void {
  if (!canTransition(from, to)) throw new Error(`Sign-in flow cannot move from ${from} to ${to}`);
}
