import { parseSrpTimestamp } from "../../../lib/srp-timestamp.js";
import type { ClientContext } from "../../clients/client-context.js";
import { invalidParameter } from "../../errors.js";
import type { User } from "../../users/user.types.js";
import type { SignInSession } from "./challenge-session.js";
import type { ChallengeState } from "./sign-in.flow.js";
import { SRP_TIMESTAMP_WINDOW_MS, type CallerContext } from "./sign-in.types.js";

/** @throws InvalidParameterException when the parameter is missing or empty */
export function requireParameter(parameters: Record<string, string>, name: string): string {
  const value = parameters[name];
  if (typeof value !== "string" || value.length === 0) throw invalidParameter(`Missing required parameter ${name}`);
  return value;
}

export const malformedTimestamp = () =>
  invalidParameter("TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.");

/**
 * The TIMESTAMP of a PASSWORD_VERIFIER or DEVICE_PASSWORD_VERIFIER answer: the text the claim signs and
 * whether it lies within the window around now; null when malformed (the caller decides what becomes of
 * the session, then throws malformedTimestamp()).
 * @throws InvalidParameterException when missing
 */
export function readClaimTimestamp(
  responses: Record<string, string>,
  nowMs: number,
): { text: string; isFresh: boolean } | null {
  const text = requireParameter(responses, "TIMESTAMP");
  const timestamp = parseSrpTimestamp(text);
  return timestamp ? { text, isFresh: Math.abs(timestamp.getTime() - nowMs) <= SRP_TIMESTAMP_WINDOW_MS } : null;
}

/**
 * The proof of a (DEVICE_)PASSWORD_VERIFIER answer.
 * @throws InvalidParameterException when PASSWORD_CLAIM_SIGNATURE or PASSWORD_CLAIM_SECRET_BLOCK is missing
 */
export function readClaimProof(responses: Record<string, string>): { signature: string; secretBlock: string } {
  return {
    signature: requireParameter(responses, "PASSWORD_CLAIM_SIGNATURE"),
    secretBlock: requireParameter(responses, "PASSWORD_CLAIM_SECRET_BLOCK"),
  };
}

/**
 * The parameters each challenge's answer must carry, readable (a list names alternatives: EMAIL_OTP's
 * code may also come as EMAIL_MFA_CODE, cognito-reference §3.2). Checked before the answer is weighed:
 * a malformed answer is a client error with nothing tried, so it neither uses up one of an MFA
 * session's tries nor counts towards the lockout, and the session stays for a corrected one (as for
 * the PASSWORD_VERIFIER TIMESTAMP format). A present but wrong code is weighed (CodeMismatchException).
 */
const REQUIRED_IN_ANSWER: Partial<Record<ChallengeState, readonly (string | readonly string[])[]>> = {
  PASSWORD_VERIFIER: ["USERNAME", "PASSWORD_CLAIM_SIGNATURE", "PASSWORD_CLAIM_SECRET_BLOCK", "TIMESTAMP"],
  DEVICE_SRP_AUTH: ["DEVICE_KEY", "SRP_A"],
  DEVICE_PASSWORD_VERIFIER: ["DEVICE_KEY", "PASSWORD_CLAIM_SIGNATURE", "PASSWORD_CLAIM_SECRET_BLOCK", "TIMESTAMP"],
  SMS_MFA: ["SMS_MFA_CODE"],
  EMAIL_OTP: [["EMAIL_OTP_CODE", "EMAIL_MFA_CODE"]],
  SOFTWARE_TOKEN_MFA: ["SOFTWARE_TOKEN_MFA_CODE"],
  SMS_OTP: ["SMS_OTP_CODE"],
};

const isGiven = (responses: Record<string, string>, name: string): boolean => {
  const value = responses[name];
  return typeof value === "string" && value.length > 0;
};

/** @throws InvalidParameterException naming the first missing or malformed parameter of the answer */
export function assertAnswerReadable(
  state: ChallengeState,
  responses: Record<string, string>,
  isAcceptableA: (aHex: string) => boolean,
): void {
  for (const required of REQUIRED_IN_ANSWER[state] ?? []) {
    const names = typeof required === "string" ? [required] : required;
    if (!names.some((name) => isGiven(responses, name)))
      throw invalidParameter(`Missing required parameter ${names[0]}`);
  }
  if (
    responses.TIMESTAMP !== undefined &&
    (state === "PASSWORD_VERIFIER" || state === "DEVICE_PASSWORD_VERIFIER") &&
    !parseSrpTimestamp(responses.TIMESTAMP)
  )
    throw malformedTimestamp();
  if (state === "DEVICE_SRP_AUTH" && !isAcceptableA(responses.SRP_A!))
    throw invalidParameter("SRP_A is not a valid SRP public value.");
}

/** What a claim is checked against besides the verifier: the exchange the session stored, and the answer's TIMESTAMP text. */
export const storedExchangeOf = (srp: NonNullable<SignInSession["srp"]>, timestampText: string) => ({
  saltHex: srp.saltHex,
  aHex: srp.aHex,
  bHex: srp.bHex,
  bigBHex: srp.bigBHex,
  secretBlockBase64: srp.secretBlock,
  timestamp: timestampText,
});

/** The fields every session opened for a known user carries (MFA, device and new-password steps). */
export const sessionBaseOf = (context: ClientContext, user: User, caller: CallerContext, authTimeMs: number) => ({
  poolId: context.pool.id,
  clientId: context.client.clientId,
  userId: user.id,
  username: user.username,
  viaAdmin: caller.admin !== null,
  ...(caller.hostedUi ? { hostedUi: true as const } : {}),
  authTimeMs,
});
