import { invalidParameter } from "../errors.js";
import type { UserPool } from "../pools/user-pool.types.js";
import type { User } from "../users/user.types.js";
import {
  MFA_FACTORS,
  type MfaFactor,
  type MfaFactorSettings,
  type MfaPreferenceInput,
  type MfaSettingsInput,
  type MfaSummary,
  type UserMfa,
} from "./mfa.types.js";

/**
 * Pure rules about which second factors a user has and may use. The sign-in MFA step calls
 * `enabledFactors` and `preferredFactor` to choose between SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA and
 * SELECT_MFA_TYPE (cognito-reference §3.4).
 */

const ENABLED_FLAG = {
  SMS_MFA: "smsEnabled",
  EMAIL_OTP: "emailEnabled",
  SOFTWARE_TOKEN_MFA: "totpEnabled",
} as const satisfies Record<MfaFactor, keyof MfaFactorSettings>;

const INPUT_OF: Record<MfaFactor, keyof MfaPreferenceInput> = {
  SMS_MFA: "smsMfaSettings",
  EMAIL_OTP: "emailMfaSettings",
  SOFTWARE_TOKEN_MFA: "softwareTokenMfaSettings",
};

/** Whether the pool lets users turn the factor on: MFA is not OFF and the factor is among enabledMfas. */
export const isOfferedByPool = (pool: UserPool, factor: MfaFactor): boolean =>
  pool.mfaConfiguration !== "OFF" && pool.enabledMfas.includes(factor);

export const hasTotpSecret = (row: UserMfa | null): boolean => Boolean(row?.totpSecretCiphertext);

/** The factors a user has switched on and the preferred one, as GetUser / AdminGetUser report them. */
export function mfaSummaryOf(row: UserMfa | null): MfaSummary {
  if (!row) return { userMfaSettingList: [], preferredMfaSetting: null };
  const list = MFA_FACTORS.filter(
    (factor) => row[ENABLED_FLAG[factor]] && (factor !== "SOFTWARE_TOKEN_MFA" || hasTotpSecret(row)),
  );
  return {
    userMfaSettingList: list,
    preferredMfaSetting: row.preferred && list.includes(row.preferred) ? row.preferred : null,
  };
}

/**
 * The factors a sign-in may challenge the user with now: switched on, and still deliverable (SMS needs
 * a phone number and the pool still sending SMS codes, EMAIL_OTP an email address and the pool still
 * offering it). An authenticator keeps working when the pool later drops SOFTWARE_TOKEN_MFA, as in
 * Cognito. A pool with MFA OFF challenges no one.
 */
export function enabledFactors(user: User, pool: UserPool, row: UserMfa | null): MfaFactor[] {
  if (pool.mfaConfiguration === "OFF") return [];
  return mfaSummaryOf(row).userMfaSettingList.filter((factor) => {
    if (factor === "SMS_MFA") return pool.enabledMfas.includes("SMS_MFA") && Boolean(user.attributes.phone_number);
    if (factor === "EMAIL_OTP") return pool.enabledMfas.includes("EMAIL_OTP") && Boolean(user.attributes.email);
    return true;
  });
}

/** The factor to challenge without asking; null with several enabled means SELECT_MFA_TYPE, with none no MFA (or MFA_SETUP when the pool is ON). */
export function preferredFactor(user: User, pool: UserPool, row: UserMfa | null): MfaFactor | null {
  const factors = enabledFactors(user, pool, row);
  if (factors.length === 1) return factors[0]!;
  const preferred = mfaSummaryOf(row).preferredMfaSetting;
  return preferred && factors.includes(preferred) ? preferred : null;
}

export const factorSettingsOf = (row: UserMfa | null): MfaFactorSettings => ({
  smsEnabled: row?.smsEnabled ?? false,
  emailEnabled: row?.emailEnabled ?? false,
  totpEnabled: row?.totpEnabled ?? false,
  preferred: row?.preferred ?? null,
});

/** Why a factor cannot be switched on for this user, in Cognito's words; null when it can. */
function refusalToEnable(pool: UserPool, user: User, row: UserMfa | null, factor: MfaFactor): string | null {
  if (!isOfferedByPool(pool, factor)) return `${factor} is not enabled for this user pool.`;
  if (factor === "SMS_MFA" && !user.attributes.phone_number)
    return "User does not have a phone_number set to turn on SMS MFA";
  if (factor === "EMAIL_OTP" && !user.attributes.email) return "User does not have an email set to turn on EMAIL_OTP";
  if (factor === "SOFTWARE_TOKEN_MFA" && !hasTotpSecret(row)) return "User has not set up software token mfa";
  return null;
}

export interface PreferenceChange {
  next: MfaFactorSettings;
  enabled: MfaFactor[];
  disabled: MfaFactor[];
  preferenceChanged: boolean;
}

/**
 * Applies SetUserMFAPreference: for each factor named, `enabled` and `preferredMfa` (absent = as now).
 * Turning a factor off is always allowed (an admin switching off a lost phone); turning it on needs
 * the pool to offer it and the user to have what it sends to. Switching off the preferred factor
 * clears the preference.
 * @throws InvalidParameterException (two preferred, a preferred factor left off, a factor that cannot be turned on)
 */
export function applyPreferenceInput(
  pool: UserPool,
  user: User,
  row: UserMfa | null,
  input: MfaPreferenceInput,
): PreferenceChange {
  const current = factorSettingsOf(row);
  const next: MfaFactorSettings = { ...current };
  const named = MFA_FACTORS.map((factor) => [factor, input[INPUT_OF[factor]]] as const).filter(
    (entry): entry is readonly [MfaFactor, MfaSettingsInput] => entry[1] != null,
  );
  const wantPreferred = named.filter(([, settings]) => settings.preferredMfa === true).map(([factor]) => factor);
  if (wantPreferred.length > 1) throw invalidParameter("Only one MFA factor can be preferred.");
  for (const [factor, settings] of named) {
    if (settings.enabled === true) {
      const refusal = refusalToEnable(pool, user, row, factor);
      if (refusal) throw invalidParameter(refusal);
    }
    if (settings.enabled != null) next[ENABLED_FLAG[factor]] = settings.enabled;
    if (settings.preferredMfa === false && next.preferred === factor) next.preferred = null;
  }
  if (wantPreferred.length === 1) {
    const factor = wantPreferred[0]!;
    if (!next[ENABLED_FLAG[factor]]) throw invalidParameter(`${factor} cannot be preferred while it is not enabled.`);
    next.preferred = factor;
  }
  if (next.preferred && !next[ENABLED_FLAG[next.preferred]]) next.preferred = null;
  return {
    next,
    enabled: MFA_FACTORS.filter((factor) => next[ENABLED_FLAG[factor]] && !current[ENABLED_FLAG[factor]]),
    disabled: MFA_FACTORS.filter((factor) => !next[ENABLED_FLAG[factor]] && current[ENABLED_FLAG[factor]]),
    preferenceChanged: next.preferred !== current.preferred,
  };
}

/** What a sign-in asks after the password (cognito-reference §3.3, §3.4). */
export type MfaStep =
  | { kind: "none" }
  | { kind: "challenge"; factor: MfaFactor }
  | { kind: "select"; factors: MfaFactor[] }
  | { kind: "setup"; factors: MfaFactor[] };

/**
 * In a pool with MFA ON, the factors a user has without switching anything on: SMS with a phone number,
 * EMAIL_OTP with an email, where the pool offers them. Cognito sends SMS and email MFA codes to
 * unverified numbers and addresses too, and marks them verified when the code comes back (§3.4).
 */
function addressFactors(user: User, pool: UserPool): MfaFactor[] {
  return (["SMS_MFA", "EMAIL_OTP"] as const).filter(
    (factor) =>
      pool.enabledMfas.includes(factor) &&
      Boolean(factor === "SMS_MFA" ? user.attributes.phone_number : user.attributes.email),
  );
}

/**
 * MFAS_CAN_SETUP, in Cognito's order: SMS_MFA (set up by adding a phone number and signing in again;
 * clients leave it out of their setup choices), an authenticator, and EMAIL_OTP — only for a user with
 * no email: setting up EMAIL_OTP gives the user the address typed in the answer, and an address the
 * user has is never replaced from a sign-in (whoever holds the password would own the account's recovery).
 */
function setupFactors(user: User, pool: UserPool): MfaFactor[] {
  return (["SMS_MFA", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP"] as const).filter(
    (factor) => pool.enabledMfas.includes(factor) && (factor !== "EMAIL_OTP" || !user.attributes.email),
  );
}

/**
 * OFF: no MFA. OPTIONAL: MFA only with an enabled factor. ON: always. A user with no enabled factor is
 * sent a code to the phone number or email the user has (addressFactors), and asked to set a factor up
 * only with neither (MFA_SETUP). One factor, or a preferred one, is challenged directly; several with
 * none preferred means SELECT_MFA_TYPE.
 */
export function mfaStepFor(user: User, pool: UserPool, row: UserMfa | null): MfaStep {
  if (pool.mfaConfiguration === "OFF") return { kind: "none" };
  const enabled = enabledFactors(user, pool, row);
  const factors = enabled.length > 0 || pool.mfaConfiguration !== "ON" ? enabled : addressFactors(user, pool);
  if (factors.length === 0) {
    if (pool.mfaConfiguration !== "ON") return { kind: "none" };
    return { kind: "setup", factors: setupFactors(user, pool) };
  }
  if (factors.length === 1) return { kind: "challenge", factor: factors[0]! };
  const preferred = preferredFactor(user, pool, row);
  return preferred && factors.includes(preferred)
    ? { kind: "challenge", factor: preferred }
    : { kind: "select", factors };
}
