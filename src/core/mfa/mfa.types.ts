import type { MfaFactor } from "../pools/user-pool.types.js";

export type { MfaFactor } from "../pools/user-pool.types.js";

/** Every factor, in the order Cognito lists them in UserMFASettingList. */
export const MFA_FACTORS: readonly MfaFactor[] = ["SMS_MFA", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA"];

/**
 * A user's second factors, one record per user (absent = nothing set up). The TOTP secrets are
 * sealed with the SecretBox: they must be used again, so they are encrypted, not hashed.
 */
export interface UserMfa {
  userId: string;
  /** The authenticator in force. Set only by a verification, so a secret here is always a verified one. */
  totpSecretCiphertext: string | null;
  totpFriendlyName: string | null;
  /**
   * The highest 30-second step whose code has been accepted (setup, sign-in). A code is accepted
   * only for a later step, so no code works twice, even within its own 30 seconds.
   */
  totpLastUsedStep: number | null;
  /** Associated but not yet verified; replaces the one in force only when a code proves it. */
  pendingTotpSecretCiphertext: string | null;
  smsEnabled: boolean;
  emailEnabled: boolean;
  totpEnabled: boolean;
  /** At most one, and always one of the enabled factors. */
  preferred: MfaFactor | null;
  updatedAt: Date;
}

/** Which factors are on and which is preferred, as SetUserMFAPreference writes them. */
export interface MfaFactorSettings {
  smsEnabled: boolean;
  emailEnabled: boolean;
  totpEnabled: boolean;
  preferred: MfaFactor | null;
}

/** What GetUser and AdminGetUser report: UserMFASettingList and PreferredMfaSetting. */
export interface MfaSummary {
  userMfaSettingList: MfaFactor[];
  preferredMfaSetting: MfaFactor | null;
}

/** One factor's part of SetUserMFAPreference (SMSMfaSettings, SoftwareTokenMfaSettings, EmailMfaSettings); absent fields keep their value. */
export interface MfaSettingsInput {
  enabled?: boolean | null;
  preferredMfa?: boolean | null;
}

export interface MfaPreferenceInput {
  smsMfaSettings?: MfaSettingsInput | null;
  softwareTokenMfaSettings?: MfaSettingsInput | null;
  emailMfaSettings?: MfaSettingsInput | null;
}
