import { invalidParameter } from "../errors.js";
import type { MfaConfiguration } from "./user-pool.types.js";

/**
 * Cognito's AuthFactorType (reference-oauth §13.1). SOFTWARE_TOKEN is in the enum (GetUserAuthFactors can
 * report it) but is never a first factor.
 */
export const AUTH_FACTOR_TYPES = ["PASSWORD", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN", "SOFTWARE_TOKEN"] as const;
export type AuthFactorType = (typeof AUTH_FACTOR_TYPES)[number];
export type FirstAuthFactor = Exclude<AuthFactorType, "SOFTWARE_TOKEN">;
export const FIRST_AUTH_FACTORS: readonly FirstAuthFactor[] = ["PASSWORD", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN"];
/** The first factors that prove no password: they cannot be combined with MFA ON. */
export const PASSWORDLESS_FACTORS: readonly FirstAuthFactor[] = ["EMAIL_OTP", "SMS_OTP", "WEB_AUTHN"];

/** Cognito's SignInPolicyType: the first factors USER_AUTH may offer. */
export interface SignInPolicy {
  allowedFirstAuthFactors: FirstAuthFactor[];
}

/** A new pool signs in with a password only, as Cognito's pools created without a SignInPolicy. */
export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = { allowedFirstAuthFactors: ["PASSWORD"] };

export const allowsFirstFactor = (policy: SignInPolicy, factor: FirstAuthFactor): boolean =>
  policy.allowedFirstAuthFactors.includes(factor);

/** Whether SignUp may omit the password and AdminCreateUser may create a user without one (§13.6). */
export const allowsPasswordless = (policy: SignInPolicy): boolean =>
  PASSWORDLESS_FACTORS.some((factor) => allowsFirstFactor(policy, factor));

/**
 * The rules of Policies.SignInPolicy (reference-oauth §13.1, BOTO SignInPolicyType): 1–5 values of
 * AuthFactorType, PASSWORD always present, WEB_AUTHN never alone, SOFTWARE_TOKEN never a first factor.
 * Passwordless first factors need MFA OFF or OPTIONAL (§13.2: "incompatible with MFA ON"): refused here
 * so that a pool never holds a policy its sign-ins would silently ignore.
 * @throws InvalidParameterException
 */
export function validateSignInPolicy(
  policy: { allowedFirstAuthFactors: readonly string[] },
  mfaConfiguration: MfaConfiguration,
): void {
  const factors = policy.allowedFirstAuthFactors;
  if (!Array.isArray(factors) || factors.length < 1 || factors.length > AUTH_FACTOR_TYPES.length) {
    throw invalidParameter(`AllowedFirstAuthFactors must contain between 1 and ${AUTH_FACTOR_TYPES.length} values.`);
  }
  for (const factor of factors) {
    if (!(AUTH_FACTOR_TYPES as readonly string[]).includes(factor))
      throw invalidParameter(
        `${factor} is not a valid AuthFactorType; valid values are ${AUTH_FACTOR_TYPES.join(", ")}.`,
      );
  }
  if (new Set(factors).size !== factors.length)
    throw invalidParameter("AllowedFirstAuthFactors must not contain duplicate values.");
  if (factors.includes("SOFTWARE_TOKEN"))
    throw invalidParameter("SOFTWARE_TOKEN is not supported as a first authentication factor.");
  if (!factors.includes("PASSWORD")) throw invalidParameter("PASSWORD must be one of the AllowedFirstAuthFactors.");
  if (factors.includes("WEB_AUTHN") && factors.length < 2)
    throw invalidParameter("WEB_AUTHN must be accompanied by at least one other AllowedFirstAuthFactors value.");
  if (
    mfaConfiguration === "ON" &&
    factors.some((factor) => (PASSWORDLESS_FACTORS as readonly string[]).includes(factor))
  ) {
    throw invalidParameter(
      "Passwordless first authentication factors (EMAIL_OTP, SMS_OTP, WEB_AUTHN) cannot be allowed while MfaConfiguration is ON.",
    );
  }
}
