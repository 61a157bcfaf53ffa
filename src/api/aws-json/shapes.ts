import type { SchemaAttribute } from "../../core/pools/attributes.js";
import type { AppClient } from "../../core/clients/app-client.types.js";
import type { Group } from "../../core/groups/group.types.js";
import type { CodeDeliveryDetails } from "../../core/messaging/delivery.js";
import type { MfaSummary } from "../../core/mfa/mfa.types.js";
import type { SignInOutcome } from "../../core/flows/sign-in/sign-in.types.js";
import type { AuthenticationResult } from "../../core/tokens/token.service.js";
import type { LambdaConfig, UserPool } from "../../core/pools/user-pool.types.js";
import type { ListedUser } from "../../core/ports.js";

/** Cognito's wire shapes (PascalCase, epoch-second timestamps) from core's plain types. */

/** Timestamps go out as epoch seconds, JSON numbers (fractions allowed), as Cognito sends them. */
export const epochSeconds = (date: Date): number => date.getTime() / 1000;

/** Drops null and undefined members, as Cognito leaves unset members out of a response. */
export function compact<T extends Record<string, unknown>>(shape: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(shape).filter(([, value]) => value !== null && value !== undefined),
  ) as Partial<T>;
}

/** Cognito leaves an empty list out of a response, like an unset member. */
const nonEmpty = <T>(list: T[]): T[] | null => (list.length > 0 ? list : null);

const upperFirst = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** `sub` first, then the others, as [{Name, Value}]; optionally only the names asked for. */
export function toAttributeList(user: ListedUser, only?: readonly string[] | null): { Name: string; Value: string }[] {
  const { sub, ...others } = user.attributes;
  const all = [
    { Name: "sub", Value: sub ?? user.id },
    ...Object.entries(others).map(([Name, Value]) => ({ Name, Value })),
  ];
  return only ? all.filter((attribute) => only.includes(attribute.Name)) : all;
}

/** UserType: ListUsers, ListUsersInGroup, AdminCreateUser. */
export const toUserType = (user: ListedUser, attributesToGet?: readonly string[] | null) => ({
  Username: user.username,
  Attributes: toAttributeList(user, attributesToGet),
  UserCreateDate: epochSeconds(user.createdAt),
  UserLastModifiedDate: epochSeconds(user.updatedAt),
  Enabled: user.enabled,
  UserStatus: user.status,
});

/**
 * GetUser's and AdminGetUser's legacy MFAOptions: SMS only, present while SMS MFA is on. amazon-cognito-identity-js's
 * getMFAOptions reads it.
 */
export const toLegacyMfaOptions = (mfa: MfaSummary) =>
  mfa.userMfaSettingList.includes("SMS_MFA")
    ? { MFAOptions: [{ DeliveryMedium: "SMS", AttributeName: "phone_number" }] }
    : {};

/** PreferredMfaSetting / UserMFASettingList, left out when nothing is set (as Cognito does). */
export const toMfaMembers = (mfa: MfaSummary) =>
  compact({ PreferredMfaSetting: mfa.preferredMfaSetting, UserMFASettingList: nonEmpty(mfa.userMfaSettingList) });

export const toCodeDeliveryDetails = (details: CodeDeliveryDetails) => ({
  Destination: details.destination,
  DeliveryMedium: details.deliveryMedium,
  AttributeName: details.attributeName,
});

export const toGroupType = (group: Group) =>
  compact({
    GroupName: group.name,
    UserPoolId: group.poolId,
    Description: group.description,
    RoleArn: group.roleArn,
    Precedence: group.precedence,
    LastModifiedDate: epochSeconds(group.updatedAt),
    CreationDate: epochSeconds(group.createdAt),
  });

function toSchemaAttributeType(attribute: SchemaAttribute) {
  return compact({
    Name: attribute.name,
    AttributeDataType: attribute.attributeDataType,
    DeveloperOnlyAttribute: attribute.developerOnly,
    Mutable: attribute.mutable,
    Required: attribute.required,
    // The model types these constraints as strings.
    StringAttributeConstraints:
      attribute.attributeDataType === "String"
        ? compact({ MinLength: attribute.minLength?.toString(), MaxLength: attribute.maxLength?.toString() })
        : null,
    NumberAttributeConstraints:
      attribute.attributeDataType === "Number"
        ? compact({ MinValue: attribute.minValue?.toString(), MaxValue: attribute.maxValue?.toString() })
        : null,
  });
}

/** LambdaConfigType: endpoints under Cognito's trigger names (CustomSMSSender keeps Cognito's spelling). */
function toLambdaConfigType(config: LambdaConfig) {
  const { preTokenGenerationConfig, customEmailSender, customSmsSender, ...endpoints } = config;
  const versioned = (trigger: { lambdaVersion: string; lambdaArn: string } | undefined) =>
    trigger ? { LambdaVersion: trigger.lambdaVersion, LambdaArn: trigger.lambdaArn } : null;
  return compact({
    ...Object.fromEntries(
      Object.entries(endpoints)
        .filter(([, url]) => typeof url === "string")
        .map(([trigger, url]) => [upperFirst(trigger), url]),
    ),
    PreTokenGenerationConfig: versioned(preTokenGenerationConfig),
    CustomEmailSender: versioned(customEmailSender),
    CustomSMSSender: versioned(customSmsSender),
  });
}

/** Cognito's pool ARN; the account is not a concept here, so it is all zeros. */
export const poolArn = (poolId: string): string =>
  `arn:aws:cognito-idp:${poolId.split("_")[0]}:000000000000:userpool/${poolId}`;

/** UserPoolType (DescribeUserPool, CreateUserPool, UpdateUserPool). */
export function toUserPoolType(pool: UserPool, estimatedNumberOfUsers?: number) {
  const policy = pool.passwordPolicy;
  const template = pool.verificationMessageTemplate;
  const invite = pool.adminCreateUserConfig.inviteMessageTemplate;
  return compact({
    Id: pool.id,
    Name: pool.name,
    Arn: poolArn(pool.id),
    Policies: {
      PasswordPolicy: {
        MinimumLength: policy.minimumLength,
        RequireUppercase: policy.requireUppercase,
        RequireLowercase: policy.requireLowercase,
        RequireNumbers: policy.requireNumbers,
        RequireSymbols: policy.requireSymbols,
        PasswordHistorySize: policy.passwordHistorySize,
        TemporaryPasswordValidityDays: policy.temporaryPasswordValidityDays,
      },
      SignInPolicy: { AllowedFirstAuthFactors: pool.signInPolicy.allowedFirstAuthFactors },
    },
    DeletionProtection: pool.deletionProtection,
    LambdaConfig: toLambdaConfigType(pool.lambdaConfig),
    LastModifiedDate: epochSeconds(pool.updatedAt),
    CreationDate: epochSeconds(pool.createdAt),
    SchemaAttributes: pool.schemaAttributes.map(toSchemaAttributeType),
    AutoVerifiedAttributes: pool.autoVerifiedAttributes,
    AliasAttributes: nonEmpty(pool.aliasAttributes),
    UsernameAttributes: nonEmpty(pool.usernameAttributes),
    SmsVerificationMessage: template.smsMessage,
    EmailVerificationMessage: template.emailMessage,
    EmailVerificationSubject: template.emailSubject,
    VerificationMessageTemplate: {
      SmsMessage: template.smsMessage,
      EmailMessage: template.emailMessage,
      EmailSubject: template.emailSubject,
      EmailMessageByLink: template.emailMessageByLink,
      EmailSubjectByLink: template.emailSubjectByLink,
      DefaultEmailOption: template.defaultEmailOption,
    },
    SmsAuthenticationMessage: pool.smsAuthenticationMessage,
    UserAttributeUpdateSettings: {
      AttributesRequireVerificationBeforeUpdate: pool.attributesRequireVerificationBeforeUpdate,
    },
    MfaConfiguration: pool.mfaConfiguration,
    DeviceConfiguration: pool.deviceConfiguration
      ? {
          ChallengeRequiredOnNewDevice: pool.deviceConfiguration.challengeRequiredOnNewDevice,
          DeviceOnlyRememberedOnUserPrompt: pool.deviceConfiguration.deviceOnlyRememberedOnUserPrompt,
        }
      : null,
    EstimatedNumberOfUsers: estimatedNumberOfUsers,
    AdminCreateUserConfig: {
      AllowAdminCreateUserOnly: pool.adminCreateUserConfig.allowAdminCreateUserOnly,
      UnusedAccountValidityDays: policy.temporaryPasswordValidityDays,
      InviteMessageTemplate: {
        SMSMessage: invite.smsMessage,
        EmailMessage: invite.emailMessage,
        EmailSubject: invite.emailSubject,
      },
    },
    UsernameConfiguration: { CaseSensitive: pool.usernameCaseSensitive },
    AccountRecoverySetting: {
      RecoveryMechanisms: pool.accountRecoverySetting.map((mechanism) => ({
        Priority: mechanism.priority,
        Name: mechanism.name,
      })),
    },
  });
}

/** UserPoolDescriptionType (ListUserPools). */
export const toUserPoolDescription = (pool: UserPool) => ({
  Id: pool.id,
  Name: pool.name,
  LambdaConfig: toUserPoolType(pool).LambdaConfig,
  LastModifiedDate: epochSeconds(pool.updatedAt),
  CreationDate: epochSeconds(pool.createdAt),
});

/** UserPoolClientType (Create/Update/DescribeUserPoolClient); the secret only when the caller may see it. */
export function toUserPoolClientType(client: AppClient, clientSecret: string | null) {
  return compact({
    UserPoolId: client.poolId,
    ClientName: client.clientName,
    ClientId: client.clientId,
    ClientSecret: clientSecret,
    LastModifiedDate: epochSeconds(client.updatedAt),
    CreationDate: epochSeconds(client.createdAt),
    RefreshTokenValidity: client.refreshTokenValidity,
    AccessTokenValidity: client.accessTokenValidity,
    IdTokenValidity: client.idTokenValidity,
    TokenValidityUnits: {
      AccessToken: client.tokenValidityUnits.accessToken,
      IdToken: client.tokenValidityUnits.idToken,
      RefreshToken: client.tokenValidityUnits.refreshToken,
    },
    ReadAttributes: client.readAttributes,
    WriteAttributes: client.writeAttributes,
    ExplicitAuthFlows: client.explicitAuthFlows,
    SupportedIdentityProviders: nonEmpty(client.supportedIdentityProviders),
    CallbackURLs: nonEmpty(client.callbackUrls),
    LogoutURLs: nonEmpty(client.logoutUrls),
    DefaultRedirectURI: client.defaultRedirectUri,
    AllowedOAuthFlows: nonEmpty(client.allowedOAuthFlows),
    AllowedOAuthScopes: nonEmpty(client.allowedOAuthScopes),
    AllowedOAuthFlowsUserPoolClient: client.allowedOAuthFlowsUserPoolClient,
    PreventUserExistenceErrors: client.preventUserExistenceErrors,
    EnableTokenRevocation: client.enableTokenRevocation,
    EnablePropagateAdditionalUserContextData: false,
    AuthSessionValidity: client.authSessionValidityMinutes,
    RefreshTokenRotation: {
      Feature: client.refreshTokenRotation.enabled ? "ENABLED" : "DISABLED",
      RetryGracePeriodSeconds: client.refreshTokenRotation.retryGracePeriodSeconds,
    },
  });
}

/**
 * InitiateAuth / RespondToAuthChallenge responses: a challenge with its Session and parameters, or
 * the tokens with empty ChallengeParameters and no Session (measured on Cognito, cognito-reference §2.1).
 */
/** Cognito's AuthenticationResultType; RefreshToken and NewDeviceMetadata are left out when absent. */
export function toAuthenticationResult(result: AuthenticationResult) {
  return compact({
    AccessToken: result.accessToken,
    ExpiresIn: result.expiresIn,
    TokenType: result.tokenType,
    RefreshToken: result.refreshToken,
    IdToken: result.idToken,
    NewDeviceMetadata: result.newDeviceMetadata
      ? { DeviceKey: result.newDeviceMetadata.deviceKey, DeviceGroupKey: result.newDeviceMetadata.deviceGroupKey }
      : null,
  });
}

export function toAuthResponse(outcome: SignInOutcome) {
  if (outcome.kind === "challenge") {
    return compact({
      ChallengeName: outcome.challengeName,
      Session: outcome.session,
      ChallengeParameters: outcome.parameters,
      AvailableChallenges: outcome.availableChallenges,
    });
  }
  return { ChallengeParameters: {}, AuthenticationResult: toAuthenticationResult(outcome.result) };
}
