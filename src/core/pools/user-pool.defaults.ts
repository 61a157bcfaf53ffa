import { DEFAULT_SIGN_IN_POLICY } from "./sign-in-policy.js";
import type { CreateUserPoolInput, UpdateUserPoolInput, UserPoolSettings } from "./user-pool.types.js";

/** Cognito's defaults for a new pool (cognito-reference §8.1, §9.2). */
export const DEFAULT_POOL_SETTINGS: Omit<UserPoolSettings, "name"> = {
  deletionProtection: "INACTIVE",
  usernameAttributes: [],
  aliasAttributes: [],
  usernameCaseSensitive: false,
  passwordPolicy: {
    minimumLength: 8,
    requireUppercase: true,
    requireLowercase: true,
    requireNumbers: true,
    requireSymbols: true,
    temporaryPasswordValidityDays: 7,
    passwordHistorySize: 0,
  },
  mfaConfiguration: "OFF",
  enabledMfas: [],
  autoVerifiedAttributes: [],
  attributesRequireVerificationBeforeUpdate: [],
  verificationMessageTemplate: {
    smsMessage: "Your verification code is {####}. ",
    emailMessage: "Your verification code is {####}. ",
    emailSubject: "Your verification code",
    emailMessageByLink: "Please click the link below to verify your email address. {##Verify Email##} ",
    emailSubjectByLink: "Your verification link",
    defaultEmailOption: "CONFIRM_WITH_CODE",
  },
  smsAuthenticationMessage: "Your authentication code is {####}. ",
  emailMfaMessage: "Your authentication code is {####}. ",
  emailMfaSubject: "Your authentication code",
  adminCreateUserConfig: {
    allowAdminCreateUserOnly: false,
    inviteMessageTemplate: {
      smsMessage: "Your username is {username} and temporary password is {####}. ",
      emailMessage: "Your username is {username} and temporary password is {####}. ",
      emailSubject: "Your temporary password",
    },
  },
  accountRecoverySetting: [
    { name: "verified_email", priority: 1 },
    { name: "verified_phone_number", priority: 2 },
  ],
  lambdaConfig: {},
  deviceConfiguration: null,
  signInPolicy: DEFAULT_SIGN_IN_POLICY,
  webAuthnConfiguration: null,
};

/**
 * Merges a create or update input over the current settings. Nested objects merge field by field,
 * so an update that names one password rule keeps the others.
 */
export function mergePoolSettings(
  current: UserPoolSettings,
  input: CreateUserPoolInput | UpdateUserPoolInput,
): UserPoolSettings {
  const defined = <T extends object>(value: T): Partial<T> =>
    Object.fromEntries(
      Object.entries(value).filter(([, field]) => field !== undefined && field !== null),
    ) as Partial<T>;
  const { passwordPolicy, verificationMessageTemplate, adminCreateUserConfig, ...flat } = input as CreateUserPoolInput;
  const merged: UserPoolSettings = {
    ...current,
    ...defined(
      Object.fromEntries(Object.entries(flat).filter(([key]) => key !== "schema")) as Partial<UserPoolSettings>,
    ),
    passwordPolicy: { ...current.passwordPolicy, ...defined(passwordPolicy ?? {}) },
    verificationMessageTemplate: {
      ...current.verificationMessageTemplate,
      ...defined(verificationMessageTemplate ?? {}),
    },
    adminCreateUserConfig: {
      allowAdminCreateUserOnly:
        adminCreateUserConfig?.allowAdminCreateUserOnly ?? current.adminCreateUserConfig.allowAdminCreateUserOnly,
      inviteMessageTemplate: {
        ...current.adminCreateUserConfig.inviteMessageTemplate,
        ...defined(adminCreateUserConfig?.inviteMessageTemplate ?? {}),
      },
    },
  };
  // Cognito treats a validity of 0 days as "use the default".
  if (merged.passwordPolicy.temporaryPasswordValidityDays === 0)
    merged.passwordPolicy.temporaryPasswordValidityDays = 7;
  return merged;
}
