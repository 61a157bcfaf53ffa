import type { AuthenticationResult } from "../../tokens/token.service.js";
import type { ChallengeState } from "./sign-in.flow.js";

export const AUTH_FLOWS = ["USER_SRP_AUTH", "USER_PASSWORD_AUTH", "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH", "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN", "CUSTOM_AUTH", "USER_AUTH"] as const;
export type AuthFlow = (typeof AUTH_FLOWS)[number];

/** A step that needs the client to answer, or the end of the sign-in: outcomes are values, not errors. */
export type SignInOutcome =
  | { kind: "challenge"; challengeName: ChallengeState; session: string; parameters: Record<string, string> }
  | { kind: "authenticated"; result: AuthenticationResult };

/** Where the call came from: the public API by client id, or the admin API for a pool. */
export interface CallerContext {
  sourceIp: string | null;
  admin: { poolId: string; principal: import("../../admin-keys/admin-key.types.js").AdminPrincipal } | null;
}

export interface InitiateAuthInput {
  clientId: string;
  authFlow: AuthFlow;
  authParameters: Record<string, string>;
}

export interface RespondToAuthChallengeInput {
  clientId: string;
  challengeName: string;
  session: string;
  challengeResponses: Record<string, string>;
}
