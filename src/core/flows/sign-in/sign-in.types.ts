import { isIpAddress } from "../../../lib/ip-address.js";
import { invalidParameter } from "../../errors.js";
import type { AuthenticationResult } from "../../tokens/token.service.js";
import type { ChallengeState } from "./sign-in.flow.js";

/** How far a client's TIMESTAMP (PASSWORD_VERIFIER, DEVICE_PASSWORD_VERIFIER) may be from server time (AWS's window is undocumented). */
export const SRP_TIMESTAMP_WINDOW_MS = 5 * 60 * 1000;

export const AUTH_FLOWS = [
  "USER_SRP_AUTH",
  "USER_PASSWORD_AUTH",
  "ADMIN_USER_PASSWORD_AUTH",
  "ADMIN_NO_SRP_AUTH",
  "REFRESH_TOKEN_AUTH",
  "REFRESH_TOKEN",
  "CUSTOM_AUTH",
  "USER_AUTH",
] as const;
export type AuthFlow = (typeof AUTH_FLOWS)[number];

/** A step that needs the client to answer. */
export type SignInChallengeOutcome = {
  kind: "challenge";
  challengeName: ChallengeState;
  session: string;
  parameters: Record<string, string>;
  /** USER_AUTH: the first factors the user may choose (SELECT_CHALLENGE), or the one chosen for them (reference-oauth §13.2). */
  availableChallenges?: string[];
};

/** A step that needs the client to answer, or the end of the sign-in: outcomes are values, not errors. */
export type SignInOutcome = SignInChallengeOutcome | { kind: "authenticated"; result: AuthenticationResult };

/** The end of a sign-in on the managed sign-in pages (sign-in.hosted-ui.ts): who signed in and when, no tokens. */
export interface HostedUiSignedIn {
  kind: "signed-in";
  userId: string;
  authTime: Date;
}

/** What each sign-in step returns: the API's outcome, or for the managed sign-in pages their own end. */
export type SignInStepOutcome = SignInOutcome | HostedUiSignedIn;

/** Where the call came from: the public API by client id, or the admin API for a pool. */
export interface CallerContext {
  sourceIp: string | null;
  admin: { poolId: string; principal: import("../../admin-keys/admin-key.types.js").AdminPrincipal } | null;
  /** The call's ClientMetadata, for the triggers Cognito passes it to (cognito-reference §10.1). */
  clientMetadata?: Record<string, string> | null;
  /**
   * The managed sign-in pages: their sessions are theirs alone (never answered through the APIs, nor
   * API sessions through them) and the sign-in ends without tokens (sign-in.hosted-ui.ts).
   */
  hostedUi?: boolean;
}

/**
 * Whose address an admin sign-in counts failures against: the end user's, as the backend passes it in
 * ContextData.IpAddress (AdminInitiateAuth / AdminRespondToAuthChallenge). Without it there is no
 * per-address limit: the backend's own address stands for all of its users, and 100 failures from any
 * of them would lock out the rest. The per-user lockout applies either way.
 * @throws InvalidParameterException when the address is not an IPv4 or IPv6 address
 */
function adminCallerAddressOf(contextData: { ipAddress: string } | null | undefined): string | null {
  if (!contextData) return null;
  if (!isIpAddress(contextData.ipAddress))
    throw invalidParameter("ContextData.IpAddress must be an IPv4 or IPv6 address.");
  return contextData.ipAddress;
}

/**
 * The caller of AdminInitiateAuth / AdminRespondToAuthChallenge (GraphQL and the wire alike): the admin,
 * the end user's address from contextData (adminCallerAddressOf) and the call's ClientMetadata.
 * @throws InvalidParameterException when the address is not an IPv4 or IPv6 address
 */
export function adminCallerOf(
  principal: NonNullable<CallerContext["admin"]>["principal"],
  input: {
    poolId: string;
    contextData?: { ipAddress: string } | null;
    clientMetadata?: Record<string, string> | null;
  },
): CallerContext {
  return {
    sourceIp: adminCallerAddressOf(input.contextData),
    admin: { poolId: input.poolId, principal },
    clientMetadata: input.clientMetadata ?? null,
  };
}

/**
 * The ClientMetadata a trigger may see at this step: InitiateAuth's (from START or SRP_A) reaches only
 * PreSignUp, PreAuthentication and UserMigration; RespondToAuthChallenge's reaches the others (§10.1).
 */
export const respondMetadataOf = (caller: CallerContext, from: string): Record<string, string> | null =>
  from === "START" || from === "SRP_A" ? null : (caller.clientMetadata ?? null);

export interface InitiateAuthInput {
  clientId: string;
  authFlow: AuthFlow;
  authParameters: Record<string, string>;
  /** USER_AUTH: the Session a SignUp or ConfirmSignUp returned, signing the new user in without another code (§13.6). */
  session?: string | null;
}

export interface RespondToAuthChallengeInput {
  clientId: string;
  challengeName: string;
  session: string;
  challengeResponses: Record<string, string>;
}
