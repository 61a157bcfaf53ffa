import type {
  CreateAppClientInput,
  ExplicitAuthFlow,
  OAuthFlow,
  PreventUserExistenceErrors,
} from "../../../core/clients/app-client.types.js";
import type {
  CreateUserPoolInput,
  CustomAttributeInput,
  LambdaConfig,
  UpdateUserPoolInput,
} from "../../../core/pools/user-pool.types.js";
import { LAMBDA_TRIGGERS } from "../../../core/pools/user-pool.types.js";
import { AUTH_FACTOR_TYPES, type AuthFactorType } from "../../../core/pools/sign-in-policy.js";
import type { TimeUnit } from "../../../lib/durations.js";
import { bool, int, list, map, required, str, struct, type Members } from "../constraints.js";
import { compact } from "../shapes.js";

/** Cognito's pool and app-client request shapes → core inputs. Absent members stay absent. */

type Flag = boolean | undefined;
type Text = string | undefined;

export interface SchemaAttributeType {
  Name?: string;
  AttributeDataType?: "String" | "Number" | "DateTime" | "Boolean";
  DeveloperOnlyAttribute?: boolean;
  Mutable?: boolean;
  Required?: boolean;
  NumberAttributeConstraints?: { MinValue?: string; MaxValue?: string };
  StringAttributeConstraints?: { MinLength?: string; MaxLength?: string };
}

export interface UserPoolRequest {
  PoolName?: string;
  Policies?: {
    PasswordPolicy?: {
      MinimumLength?: number;
      RequireUppercase?: Flag;
      RequireLowercase?: Flag;
      RequireNumbers?: Flag;
      RequireSymbols?: Flag;
      PasswordHistorySize?: number;
      TemporaryPasswordValidityDays?: number;
    };
    SignInPolicy?: { AllowedFirstAuthFactors?: AuthFactorType[] };
  };
  DeletionProtection?: "ACTIVE" | "INACTIVE";
  LambdaConfig?: Record<string, unknown>;
  AutoVerifiedAttributes?: ("email" | "phone_number")[];
  AliasAttributes?: ("email" | "phone_number" | "preferred_username")[];
  UsernameAttributes?: ("email" | "phone_number")[];
  SmsVerificationMessage?: Text;
  EmailVerificationMessage?: Text;
  EmailVerificationSubject?: Text;
  VerificationMessageTemplate?: {
    SmsMessage?: Text;
    EmailMessage?: Text;
    EmailSubject?: Text;
    EmailMessageByLink?: Text;
    EmailSubjectByLink?: Text;
    DefaultEmailOption?: "CONFIRM_WITH_CODE" | "CONFIRM_WITH_LINK";
  };
  SmsAuthenticationMessage?: Text;
  MfaConfiguration?: "OFF" | "ON" | "OPTIONAL";
  UserAttributeUpdateSettings?: { AttributesRequireVerificationBeforeUpdate?: ("email" | "phone_number")[] };
  DeviceConfiguration?: { ChallengeRequiredOnNewDevice?: Flag; DeviceOnlyRememberedOnUserPrompt?: Flag };
  AdminCreateUserConfig?: {
    AllowAdminCreateUserOnly?: Flag;
    InviteMessageTemplate?: { SMSMessage?: Text; EmailMessage?: Text; EmailSubject?: Text };
  };
  Schema?: SchemaAttributeType[];
  UsernameConfiguration?: { CaseSensitive?: boolean };
  AccountRecoverySetting?: {
    RecoveryMechanisms?: { Priority: number; Name: "verified_email" | "verified_phone_number" | "admin_only" }[];
  };
}

export const schemaAttributeMember = struct({
  Name: str({ min: 1, max: 20, pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+" }),
  AttributeDataType: str({ values: ["String", "Number", "DateTime", "Boolean"] }),
  DeveloperOnlyAttribute: bool(),
  Mutable: bool(),
  Required: bool(),
  NumberAttributeConstraints: struct({ MinValue: str(), MaxValue: str() }),
  StringAttributeConstraints: struct({ MinLength: str(), MaxLength: str() }),
});
export const customAttributesMember = required(list(schemaAttributeMember, { min: 1, max: 25 }));

const verifiable = list(str({ values: ["email", "phone_number"] }));
const versionedTriggerMember = struct({
  LambdaVersion: required(str({ values: ["V1_0", "V2_0", "V3_0"] })),
  LambdaArn: required(str({ min: 20, max: 2048 })),
});
const triggerUrl = str({ min: 1, max: 2048 });

/** The members both CreateUserPool and UpdateUserPool take. */
export const poolSettingMembers: Members = {
  Policies: struct({
    PasswordPolicy: struct({
      MinimumLength: int({ min: 6, max: 99 }),
      RequireUppercase: bool(),
      RequireLowercase: bool(),
      RequireNumbers: bool(),
      RequireSymbols: bool(),
      PasswordHistorySize: int({ min: 0, max: 24 }),
      TemporaryPasswordValidityDays: int({ min: 0, max: 365 }),
    }),
    SignInPolicy: struct({
      AllowedFirstAuthFactors: list(str({ values: AUTH_FACTOR_TYPES }), { min: 1, max: AUTH_FACTOR_TYPES.length }),
    }),
  }),
  DeletionProtection: str({ values: ["ACTIVE", "INACTIVE"] }),
  LambdaConfig: struct({
    PreSignUp: triggerUrl,
    CustomMessage: triggerUrl,
    PostConfirmation: triggerUrl,
    PreAuthentication: triggerUrl,
    PostAuthentication: triggerUrl,
    DefineAuthChallenge: triggerUrl,
    CreateAuthChallenge: triggerUrl,
    VerifyAuthChallengeResponse: triggerUrl,
    PreTokenGeneration: triggerUrl,
    UserMigration: triggerUrl,
    PreTokenGenerationConfig: versionedTriggerMember,
    CustomEmailSender: versionedTriggerMember,
    CustomSMSSender: versionedTriggerMember,
    KMSKeyID: str({ min: 20, max: 2048 }),
  }),
  AutoVerifiedAttributes: verifiable,
  SmsVerificationMessage: str({ min: 6, max: 140 }),
  EmailVerificationMessage: str({ min: 6, max: 20000 }),
  EmailVerificationSubject: str({ min: 1, max: 140 }),
  VerificationMessageTemplate: struct({
    SmsMessage: str({ min: 6, max: 140 }),
    EmailMessage: str({ min: 6, max: 20000 }),
    EmailSubject: str({ min: 1, max: 140 }),
    EmailMessageByLink: str({ min: 6, max: 20000 }),
    EmailSubjectByLink: str({ min: 1, max: 140 }),
    DefaultEmailOption: str({ values: ["CONFIRM_WITH_LINK", "CONFIRM_WITH_CODE"] }),
  }),
  SmsAuthenticationMessage: str({ min: 6, max: 140 }),
  MfaConfiguration: str({ values: ["OFF", "ON", "OPTIONAL"] }),
  UserAttributeUpdateSettings: struct({ AttributesRequireVerificationBeforeUpdate: verifiable }),
  DeviceConfiguration: struct({ ChallengeRequiredOnNewDevice: bool(), DeviceOnlyRememberedOnUserPrompt: bool() }),
  AdminCreateUserConfig: struct({
    AllowAdminCreateUserOnly: bool(),
    UnusedAccountValidityDays: int({ min: 0, max: 365 }),
    InviteMessageTemplate: struct({
      SMSMessage: str({ min: 6, max: 140 }),
      EmailMessage: str({ min: 6, max: 20000 }),
      EmailSubject: str({ min: 1, max: 140 }),
    }),
  }),
  AccountRecoverySetting: struct({
    RecoveryMechanisms: list(
      struct({
        Priority: required(int({ min: 1, max: 2 })),
        Name: required(str({ values: ["verified_email", "verified_phone_number", "admin_only"] })),
      }),
      { min: 1, max: 2 },
    ),
  }),
  UserPoolTags: map(),
};
export const poolNameMember = str({ min: 1, max: 128, pattern: "[\\w\\s+=,.@-]+" });

export function toCoreCustomAttribute(attribute: SchemaAttributeType): CustomAttributeInput {
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  return {
    name: attribute.Name ?? "",
    attributeDataType: attribute.AttributeDataType ?? "String",
    mutable: attribute.Mutable,
    required: attribute.Required,
    developerOnly: attribute.DeveloperOnlyAttribute,
    minLength: number(attribute.StringAttributeConstraints?.MinLength),
    maxLength: number(attribute.StringAttributeConstraints?.MaxLength),
    minValue: number(attribute.NumberAttributeConstraints?.MinValue),
    maxValue: number(attribute.NumberAttributeConstraints?.MaxValue),
  };
}

type VersionedTrigger = { LambdaVersion?: string; LambdaArn?: string };
const versioned = <V extends string>(value: VersionedTrigger | undefined) =>
  value && typeof value.LambdaArn === "string"
    ? { lambdaVersion: value.LambdaVersion as V, lambdaArn: value.LambdaArn }
    : undefined;

/**
 * LambdaConfig's trigger names, PascalCase on the wire (PreSignUp → preSignUp); the values are the
 * gateway's trigger endpoints where Cognito has Lambda ARNs. KMSKeyID has no meaning here.
 */
function toLambdaConfig(config: Record<string, unknown> | undefined): LambdaConfig | undefined {
  if (!config) return undefined;
  const result: LambdaConfig = {};
  for (const trigger of LAMBDA_TRIGGERS) {
    const value = config[trigger.charAt(0).toUpperCase() + trigger.slice(1)];
    if (typeof value === "string") result[trigger] = value;
  }
  return compact({
    ...result,
    preTokenGenerationConfig: versioned<"V1_0" | "V2_0">(
      config.PreTokenGenerationConfig as VersionedTrigger | undefined,
    ),
    customEmailSender: versioned<"V1_0">(config.CustomEmailSender as VersionedTrigger | undefined),
    customSmsSender: versioned<"V1_0">(config.CustomSMSSender as VersionedTrigger | undefined),
  }) as LambdaConfig;
}

export function toCoreUpdateUserPoolInput(request: UserPoolRequest): UpdateUserPoolInput {
  const policy = request.Policies?.PasswordPolicy;
  const template = request.VerificationMessageTemplate;
  const invite = request.AdminCreateUserConfig?.InviteMessageTemplate;
  const hasTemplate =
    template || request.SmsVerificationMessage || request.EmailVerificationMessage || request.EmailVerificationSubject;
  return compact({
    name: request.PoolName,
    passwordPolicy: policy
      ? compact({
          minimumLength: policy.MinimumLength,
          requireUppercase: policy.RequireUppercase,
          requireLowercase: policy.RequireLowercase,
          requireNumbers: policy.RequireNumbers,
          requireSymbols: policy.RequireSymbols,
          passwordHistorySize: policy.PasswordHistorySize,
          temporaryPasswordValidityDays: policy.TemporaryPasswordValidityDays,
        })
      : undefined,
    deletionProtection: request.DeletionProtection,
    // Checked whole (PASSWORD present, SOFTWARE_TOKEN refused…) by the pool's validation.
    signInPolicy: request.Policies?.SignInPolicy?.AllowedFirstAuthFactors
      ? { allowedFirstAuthFactors: request.Policies.SignInPolicy.AllowedFirstAuthFactors }
      : undefined,
    lambdaConfig: toLambdaConfig(request.LambdaConfig),
    autoVerifiedAttributes: request.AutoVerifiedAttributes,
    // VerificationMessageTemplate wins over the older top-level members, as in Cognito.
    verificationMessageTemplate: hasTemplate
      ? compact({
          smsMessage: template?.SmsMessage ?? request.SmsVerificationMessage,
          emailMessage: template?.EmailMessage ?? request.EmailVerificationMessage,
          emailSubject: template?.EmailSubject ?? request.EmailVerificationSubject,
          emailMessageByLink: template?.EmailMessageByLink,
          emailSubjectByLink: template?.EmailSubjectByLink,
          defaultEmailOption: template?.DefaultEmailOption,
        })
      : undefined,
    smsAuthenticationMessage: request.SmsAuthenticationMessage,
    mfaConfiguration: request.MfaConfiguration,
    attributesRequireVerificationBeforeUpdate:
      request.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate,
    deviceConfiguration: request.DeviceConfiguration
      ? {
          challengeRequiredOnNewDevice: request.DeviceConfiguration.ChallengeRequiredOnNewDevice ?? false,
          deviceOnlyRememberedOnUserPrompt: request.DeviceConfiguration.DeviceOnlyRememberedOnUserPrompt ?? false,
        }
      : undefined,
    adminCreateUserConfig: request.AdminCreateUserConfig
      ? compact({
          allowAdminCreateUserOnly: request.AdminCreateUserConfig.AllowAdminCreateUserOnly,
          inviteMessageTemplate: invite
            ? compact({
                smsMessage: invite.SMSMessage,
                emailMessage: invite.EmailMessage,
                emailSubject: invite.EmailSubject,
              })
            : undefined,
        })
      : undefined,
    accountRecoverySetting: request.AccountRecoverySetting?.RecoveryMechanisms?.map((mechanism) => ({
      name: mechanism.Name,
      priority: mechanism.Priority,
    })),
  }) as UpdateUserPoolInput;
}

export function toCoreCreateUserPoolInput(request: UserPoolRequest & { PoolName: string }): CreateUserPoolInput {
  return compact({
    ...toCoreUpdateUserPoolInput(request),
    name: request.PoolName,
    usernameAttributes: request.UsernameAttributes,
    aliasAttributes: request.AliasAttributes,
    usernameCaseSensitive: request.UsernameConfiguration?.CaseSensitive,
    schema: request.Schema?.map(toCoreCustomAttribute),
  }) as CreateUserPoolInput;
}

export interface UserPoolClientRequest {
  ClientName?: string;
  GenerateSecret?: boolean;
  ClientSecret?: string;
  RefreshTokenValidity?: number;
  AccessTokenValidity?: number;
  IdTokenValidity?: number;
  TokenValidityUnits?: { AccessToken?: TimeUnit; IdToken?: TimeUnit; RefreshToken?: TimeUnit };
  ReadAttributes?: string[];
  WriteAttributes?: string[];
  ExplicitAuthFlows?: ExplicitAuthFlow[];
  SupportedIdentityProviders?: string[];
  CallbackURLs?: string[];
  LogoutURLs?: string[];
  DefaultRedirectURI?: string;
  AllowedOAuthFlows?: OAuthFlow[];
  AllowedOAuthScopes?: string[];
  AllowedOAuthFlowsUserPoolClient?: boolean;
  PreventUserExistenceErrors?: PreventUserExistenceErrors;
  EnableTokenRevocation?: boolean;
  AuthSessionValidity?: number;
  RefreshTokenRotation?: { Feature?: "ENABLED" | "DISABLED"; RetryGracePeriodSeconds?: number };
}

const timeUnit = str({ values: ["seconds", "minutes", "hours", "days"] });
export const clientSettingMembers: Members = {
  ClientName: str({ min: 1, max: 128, pattern: "[\\w\\s+=,.@-]+" }),
  RefreshTokenValidity: int({ min: 0, max: 315360000 }),
  AccessTokenValidity: int({ min: 1, max: 86400 }),
  IdTokenValidity: int({ min: 1, max: 86400 }),
  TokenValidityUnits: struct({ AccessToken: timeUnit, IdToken: timeUnit, RefreshToken: timeUnit }),
  ReadAttributes: list(str({ min: 1, max: 2048 })),
  WriteAttributes: list(str({ min: 1, max: 2048 })),
  ExplicitAuthFlows: list(str()),
  SupportedIdentityProviders: list(str({ min: 1, max: 32 })),
  CallbackURLs: list(str({ min: 1, max: 1024 }), { max: 100 }),
  LogoutURLs: list(str({ min: 1, max: 1024 }), { max: 100 }),
  DefaultRedirectURI: str({ min: 1, max: 1024 }),
  AllowedOAuthFlows: list(str({ values: ["code", "implicit", "client_credentials"] }), { max: 3 }),
  AllowedOAuthScopes: list(str({ min: 1, max: 256 }), { max: 50 }),
  AllowedOAuthFlowsUserPoolClient: bool(),
  PreventUserExistenceErrors: str({ values: ["LEGACY", "ENABLED"] }),
  EnableTokenRevocation: bool(),
  EnablePropagateAdditionalUserContextData: bool(),
  AuthSessionValidity: int({ min: 3, max: 15 }),
  RefreshTokenRotation: struct({
    Feature: required(str({ values: ["ENABLED", "DISABLED"] })),
    RetryGracePeriodSeconds: int({ min: 0, max: 60 }),
  }),
};

export function toCoreAppClientInput(request: UserPoolClientRequest): Partial<CreateAppClientInput> {
  return compact({
    clientName: request.ClientName,
    explicitAuthFlows: request.ExplicitAuthFlows,
    accessTokenValidity: request.AccessTokenValidity,
    idTokenValidity: request.IdTokenValidity,
    refreshTokenValidity: request.RefreshTokenValidity,
    tokenValidityUnits: request.TokenValidityUnits
      ? compact({
          accessToken: request.TokenValidityUnits.AccessToken,
          idToken: request.TokenValidityUnits.IdToken,
          refreshToken: request.TokenValidityUnits.RefreshToken,
        })
      : undefined,
    authSessionValidityMinutes: request.AuthSessionValidity,
    readAttributes: request.ReadAttributes,
    writeAttributes: request.WriteAttributes,
    preventUserExistenceErrors: request.PreventUserExistenceErrors,
    enableTokenRevocation: request.EnableTokenRevocation,
    refreshTokenRotation: request.RefreshTokenRotation
      ? {
          enabled: request.RefreshTokenRotation.Feature === "ENABLED",
          retryGracePeriodSeconds: request.RefreshTokenRotation.RetryGracePeriodSeconds ?? 0,
        }
      : undefined,
    callbackUrls: request.CallbackURLs,
    logoutUrls: request.LogoutURLs,
    defaultRedirectUri: request.DefaultRedirectURI,
    allowedOAuthFlows: request.AllowedOAuthFlows,
    allowedOAuthScopes: request.AllowedOAuthScopes,
    allowedOAuthFlowsUserPoolClient: request.AllowedOAuthFlowsUserPoolClient,
    supportedIdentityProviders: request.SupportedIdentityProviders,
  }) as Partial<CreateAppClientInput>;
}
