/**
 * The sign-in flow as data: every state a sign-in can be in and the moves allowed from it. The
 * service refuses any move not in this table; a unit test walks every edge; sign-in.mmd draws it.
 * MFA and device steps (a later issue) slot in between the password steps and AUTHENTICATED.
 */
export const SIGN_IN_STATES = ["START", "PASSWORD_VERIFIER", "NEW_PASSWORD_REQUIRED", "AUTHENTICATED", "FAILED"] as const;
export type SignInState = (typeof SIGN_IN_STATES)[number];

/** The states a client answers with RespondToAuthChallenge; their names are Cognito's challenge names. */
export type ChallengeState = Extract<SignInState, "PASSWORD_VERIFIER" | "NEW_PASSWORD_REQUIRED">;

export const SIGN_IN_TRANSITIONS: Readonly<Record<SignInState, readonly SignInState[]>> = {
  // USER_SRP_AUTH asks for the verifier; the password flows check the password at once.
  START: ["PASSWORD_VERIFIER", "NEW_PASSWORD_REQUIRED", "AUTHENTICATED", "FAILED"],
  PASSWORD_VERIFIER: ["NEW_PASSWORD_REQUIRED", "AUTHENTICATED", "FAILED"],
  // A new password the policy refuses keeps the challenge open (same state) until the session ends.
  NEW_PASSWORD_REQUIRED: ["NEW_PASSWORD_REQUIRED", "AUTHENTICATED", "FAILED"],
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
