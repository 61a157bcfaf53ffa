/**
 * The sign-in flow as data: every state a sign-in can be in and the moves allowed from it. The
 * service refuses any move not in this table; a unit test walks every edge; sign-in.mmd draws it.
 * Order after the password (cognito-reference §3.3, §4.9): NEW_PASSWORD_REQUIRED → MFA → device SRP
 * (DEVICE_SRP_AUTH → DEVICE_PASSWORD_VERIFIER, when a confirmed device key was sent) → tokens. A
 * remembered device replaces the MFA step when the pool's challengeRequiredOnNewDevice says so.
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
  "DEVICE_SRP_AUTH",
  "DEVICE_PASSWORD_VERIFIER",
  "SRP_A",
  "CUSTOM_CHALLENGE",
  "SELECT_CHALLENGE",
  "SMS_OTP",
  "WEB_AUTHN",
  "AUTHENTICATED",
  "FAILED",
] as const;
export type SignInState = (typeof SIGN_IN_STATES)[number];

/** The states a client answers with RespondToAuthChallenge; their names are Cognito's challenge names. */
export type ChallengeState = Exclude<SignInState, "START" | "SRP_A" | "AUTHENTICATED" | "FAILED">;

/** The MFA states, one per challenge a proven password can lead to. */
export type MfaChallengeState = Extract<
  SignInState,
  "SMS_MFA" | "EMAIL_OTP" | "SOFTWARE_TOKEN_MFA" | "SELECT_MFA_TYPE" | "MFA_SETUP"
>;

/** Where a proven first factor can go next: an MFA step, the device's proof, or tokens. */
const AFTER_PASSWORD = [
  "SMS_MFA",
  "EMAIL_OTP",
  "SOFTWARE_TOKEN_MFA",
  "SELECT_MFA_TYPE",
  "MFA_SETUP",
  "DEVICE_SRP_AUTH",
  "AUTHENTICATED",
  "FAILED",
] as const satisfies readonly SignInState[];
/** Where a passed MFA step goes: the device's proof (a confirmed device key was sent), or tokens. */
const AFTER_MFA = ["DEVICE_SRP_AUTH", "AUTHENTICATED", "FAILED"] as const satisfies readonly SignInState[];
/**
 * USER_AUTH's first factors (reference-oauth §13.2): a one-time code (SMS_OTP, or EMAIL_OTP among
 * AFTER_PASSWORD), a passkey (WEB_AUTHN), or the password (PASSWORD at once, with what follows a proven
 * password; PASSWORD_SRP through the verifier).
 */
const FIRST_FACTORS = [
  "SMS_OTP",
  "WEB_AUTHN",
  "PASSWORD_VERIFIER",
  "NEW_PASSWORD_REQUIRED",
  ...AFTER_PASSWORD,
] as const satisfies readonly SignInState[];

export const SIGN_IN_TRANSITIONS: Readonly<Record<SignInState, readonly SignInState[]>> = {
  // USER_SRP_AUTH asks for the verifier; the password flows check the password at once.
  // USER_AUTH offers the choice (SELECT_CHALLENGE), goes straight to PREFERRED_CHALLENGE, or turns a
  // sign-up's session into tokens.
  START: [
    "PASSWORD_VERIFIER",
    "NEW_PASSWORD_REQUIRED",
    ...AFTER_PASSWORD,
    "SRP_A",
    "CUSTOM_CHALLENGE",
    "SELECT_CHALLENGE",
    "SMS_OTP",
    "WEB_AUTHN",
  ],
  // An unknown DEVICE_KEY gives the session back, so the client can retry without the device.
  PASSWORD_VERIFIER: ["PASSWORD_VERIFIER", "NEW_PASSWORD_REQUIRED", ...AFTER_PASSWORD, "CUSTOM_CHALLENGE"],
  // A new password the policy refuses keeps the challenge open (same state) until the session ends.
  NEW_PASSWORD_REQUIRED: ["NEW_PASSWORD_REQUIRED", ...AFTER_PASSWORD],
  // A wrong code keeps the challenge open (same state, same session) until its try limit.
  SMS_MFA: ["SMS_MFA", ...AFTER_MFA],
  EMAIL_OTP: ["EMAIL_OTP", ...AFTER_MFA],
  SOFTWARE_TOKEN_MFA: ["SOFTWARE_TOKEN_MFA", ...AFTER_MFA],
  // ANSWER picks one of MFAS_CAN_CHOOSE; an answer not offered keeps the question open.
  SELECT_MFA_TYPE: ["SELECT_MFA_TYPE", "SMS_MFA", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA", "FAILED"],
  // VerifySoftwareToken(session) re-issues the session in MFA_SETUP with the authenticator proven; the
  // answer then completes. EMAIL = address sends an EMAIL_OTP code to it.
  MFA_SETUP: ["MFA_SETUP", "EMAIL_OTP", ...AFTER_MFA],
  // Device SRP (§4.9): SRP_A from the device → SRP_B with the device's salt → the device's proof.
  // A malformed answer (missing or unreadable parameter) keeps the challenge open for a corrected one.
  DEVICE_SRP_AUTH: ["DEVICE_SRP_AUTH", "DEVICE_PASSWORD_VERIFIER", "FAILED"],
  DEVICE_PASSWORD_VERIFIER: ["DEVICE_PASSWORD_VERIFIER", "AUTHENTICATED", "FAILED"],
  // CUSTOM_AUTH: SRP_A (SRP first, never answered by the client) leads to the built-in verifier;
  // after each CUSTOM_CHALLENGE answer DefineAuthChallenge picks another one, tokens (after the usual
  // steps) or failure.
  SRP_A: ["PASSWORD_VERIFIER", "FAILED"],
  CUSTOM_CHALLENGE: ["CUSTOM_CHALLENGE", "NEW_PASSWORD_REQUIRED", ...AFTER_PASSWORD],
  // ANSWER picks one of AvailableChallenges (an answer not offered keeps the question open); PASSWORD
  // is checked at once, PASSWORD_SRP leads to the verifier.
  SELECT_CHALLENGE: ["SELECT_CHALLENGE", ...FIRST_FACTORS],
  // A first-factor code: a wrong one keeps the challenge open until its try limit; no MFA follows.
  SMS_OTP: ["SMS_OTP", ...AFTER_MFA],
  // A passkey's assertion: checked once (a malformed answer without CREDENTIAL keeps it open), no MFA follows.
  WEB_AUTHN: ["WEB_AUTHN", ...AFTER_MFA],
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
