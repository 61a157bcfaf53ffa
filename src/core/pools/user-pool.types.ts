import type { WebAuthnConfiguration } from "../webauthn/webauthn.types.js";
import type { SchemaAttribute } from "./attributes.js";
import type { SignInPolicy } from "./sign-in-policy.js";

export type UsernameAttribute = "email" | "phone_number";
export type AliasAttribute = "email" | "phone_number" | "preferred_username";
export type VerifiableAttribute = "email" | "phone_number";
export type MfaConfiguration = "OFF" | "ON" | "OPTIONAL";
export type MfaFactor = "SMS_MFA" | "SOFTWARE_TOKEN_MFA" | "EMAIL_OTP";
export type DeletionProtection = "ACTIVE" | "INACTIVE";
export type DefaultEmailOption = "CONFIRM_WITH_CODE" | "CONFIRM_WITH_LINK";
export type RecoveryMechanismName = "verified_email" | "verified_phone_number" | "admin_only";

export interface PasswordPolicy {
  minimumLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
  temporaryPasswordValidityDays: number;
  passwordHistorySize: number;
}

export interface VerificationMessageTemplate {
  smsMessage: string;
  emailMessage: string;
  emailSubject: string;
  emailMessageByLink: string;
  emailSubjectByLink: string;
  defaultEmailOption: DefaultEmailOption;
}

export interface InviteMessageTemplate {
  smsMessage: string;
  emailMessage: string;
  emailSubject: string;
}

export interface AdminCreateUserConfig {
  allowAdminCreateUserOnly: boolean;
  inviteMessageTemplate: InviteMessageTemplate;
}

export interface RecoveryMechanism {
  name: RecoveryMechanismName;
  priority: number;
}

/** Trigger endpoints (HTTPS URLs the gateway will call in place of Cognito's Lambda functions). */
export interface LambdaConfig {
  preSignUp?: string;
  customMessage?: string;
  postConfirmation?: string;
  preAuthentication?: string;
  postAuthentication?: string;
  defineAuthChallenge?: string;
  createAuthChallenge?: string;
  verifyAuthChallengeResponse?: string;
  preTokenGeneration?: string;
  userMigration?: string;
  /** PreTokenGenerationConfig: V1_0 edits the ID token, V2_0 both tokens; wins over `preTokenGeneration`. */
  preTokenGenerationConfig?: { lambdaVersion: "V1_0" | "V2_0"; lambdaArn: string };
  /** Replace code delivery (CustomEmailSender/CustomSMSSender); the code arrives sealed (README "Triggers"). */
  customEmailSender?: { lambdaVersion: "V1_0"; lambdaArn: string };
  customSmsSender?: { lambdaVersion: "V1_0"; lambdaArn: string };
}
export const LAMBDA_TRIGGERS = [
  "preSignUp",
  "customMessage",
  "postConfirmation",
  "preAuthentication",
  "postAuthentication",
  "defineAuthChallenge",
  "createAuthChallenge",
  "verifyAuthChallengeResponse",
  "preTokenGeneration",
  "userMigration",
] as const satisfies readonly (keyof LambdaConfig)[];

export interface DeviceConfiguration {
  challengeRequiredOnNewDevice: boolean;
  deviceOnlyRememberedOnUserPrompt: boolean;
}

/** Everything an admin can set on a pool; the pool record adds identity and bookkeeping. */
export interface UserPoolSettings {
  name: string;
  deletionProtection: DeletionProtection;
  usernameAttributes: UsernameAttribute[];
  aliasAttributes: AliasAttribute[];
  usernameCaseSensitive: boolean;
  passwordPolicy: PasswordPolicy;
  mfaConfiguration: MfaConfiguration;
  enabledMfas: MfaFactor[];
  autoVerifiedAttributes: VerifiableAttribute[];
  attributesRequireVerificationBeforeUpdate: VerifiableAttribute[];
  verificationMessageTemplate: VerificationMessageTemplate;
  smsAuthenticationMessage: string;
  /** The EMAIL_OTP sign-in message (Cognito's EmailMfaConfiguration.Message) and its subject. */
  emailMfaMessage: string;
  emailMfaSubject: string;
  adminCreateUserConfig: AdminCreateUserConfig;
  accountRecoverySetting: RecoveryMechanism[];
  lambdaConfig: LambdaConfig;
  deviceConfiguration: DeviceConfiguration | null;
  /** Policies.SignInPolicy: the first factors USER_AUTH may offer (sign-in-policy.ts). */
  signInPolicy: SignInPolicy;
  /** Passkey settings (SetUserPoolMfaConfig's WebAuthnConfiguration); null until an admin sets them. */
  webAuthnConfiguration: WebAuthnConfiguration | null;
}

export interface UserPool extends UserPoolSettings {
  id: string;
  schemaAttributes: SchemaAttribute[];
  createdAt: Date;
  updatedAt: Date;
}

/** Input for a new custom attribute; `name` without the `custom:` prefix, as Cognito takes it. */
export interface CustomAttributeInput {
  name: string;
  attributeDataType: SchemaAttribute["attributeDataType"];
  mutable?: boolean;
  required?: boolean;
  developerOnly?: boolean;
  searchable?: boolean;
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
}

/** A schema entry at pool creation: a standard attribute (to make it required) or a custom one. */
export type SchemaAttributeInput = CustomAttributeInput;

export type CreateUserPoolInput = Partial<
  Omit<UserPoolSettings, "name" | "passwordPolicy" | "verificationMessageTemplate" | "adminCreateUserConfig">
> & {
  name: string;
  passwordPolicy?: Partial<PasswordPolicy>;
  verificationMessageTemplate?: Partial<VerificationMessageTemplate>;
  adminCreateUserConfig?: {
    allowAdminCreateUserOnly?: boolean;
    inviteMessageTemplate?: Partial<InviteMessageTemplate>;
  };
  schema?: SchemaAttributeInput[];
};

/** Username configuration and the schema are fixed at creation, as in Cognito. */
export type UpdateUserPoolInput = Partial<
  Omit<CreateUserPoolInput, "usernameAttributes" | "aliasAttributes" | "usernameCaseSensitive" | "schema">
>;
