import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

export type AdminApiKey = {
  __typename?: 'AdminApiKey';
  createdAt: Scalars['DateTimeISO']['output'];
  createdBy: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Pools this key may use; null = every pool, and key management. */
  poolScope: Maybe<Array<Scalars['String']['output']>>;
  revokedAt: Maybe<Scalars['DateTimeISO']['output']>;
};

export type AdminApiKeyPage = {
  __typename?: 'AdminApiKeyPage';
  items: Array<AdminApiKey>;
  nextCursor: Maybe<Scalars['String']['output']>;
};

export type AdminCreateUserConfig = {
  __typename?: 'AdminCreateUserConfig';
  allowAdminCreateUserOnly: Scalars['Boolean']['output'];
  inviteMessageTemplate: InviteMessageTemplate;
};

export type AdminCreateUserConfigInput = {
  allowAdminCreateUserOnly?: InputMaybe<Scalars['Boolean']['input']>;
  inviteMessageTemplate?: InputMaybe<InviteMessageTemplateInput>;
};

export type AliasAttribute =
  | 'email'
  | 'phone_number'
  | 'preferred_username';

export type AttributeDataType =
  | 'Boolean'
  | 'DateTime'
  | 'Number'
  | 'String';

/** One user attribute: a standard OIDC name or custom:<name>, and its value as a string. */
export type AttributeInput = {
  name: Scalars['String']['input'];
  value: Scalars['String']['input'];
};

/** Where a code went, masked (j***@e***, +*******1212). */
export type CodeDeliveryDetails = {
  __typename?: 'CodeDeliveryDetails';
  attributeName: Scalars['String']['output'];
  deliveryMedium: DeliveryMedium;
  destination: Scalars['String']['output'];
};

export type ConfirmForgotPasswordInput = {
  clientId: Scalars['ID']['input'];
  clientMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
  confirmationCode: Scalars['String']['input'];
  password: Scalars['String']['input'];
  secretHash?: InputMaybe<Scalars['String']['input']>;
  username: Scalars['String']['input'];
};

export type ConfirmSignUpInput = {
  clientId: Scalars['ID']['input'];
  clientMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
  confirmationCode: Scalars['String']['input'];
  /** Move an email/phone alias held by another user to this one. */
  forceAliasCreation?: InputMaybe<Scalars['Boolean']['input']>;
  secretHash?: InputMaybe<Scalars['String']['input']>;
  username: Scalars['String']['input'];
};

export type CreateAdminApiKeyInput = {
  name: Scalars['String']['input'];
  /** Limit the key to these pools; omit for an unscoped key. */
  poolScope?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type CreateUserPoolClientInput = {
  accessTokenValidity?: InputMaybe<Scalars['Int']['input']>;
  allowedOAuthFlows?: InputMaybe<Array<OAuthFlow>>;
  allowedOAuthFlowsUserPoolClient?: InputMaybe<Scalars['Boolean']['input']>;
  allowedOAuthScopes?: InputMaybe<Array<Scalars['String']['input']>>;
  authSessionValidity?: InputMaybe<Scalars['Int']['input']>;
  callbackURLs?: InputMaybe<Array<Scalars['String']['input']>>;
  clientName: Scalars['String']['input'];
  defaultRedirectURI?: InputMaybe<Scalars['String']['input']>;
  enableTokenRevocation?: InputMaybe<Scalars['Boolean']['input']>;
  explicitAuthFlows?: InputMaybe<Array<ExplicitAuthFlow>>;
  /** Give the client a secret; callers must then send SECRET_HASH. */
  generateSecret?: InputMaybe<Scalars['Boolean']['input']>;
  idTokenValidity?: InputMaybe<Scalars['Int']['input']>;
  logoutURLs?: InputMaybe<Array<Scalars['String']['input']>>;
  preventUserExistenceErrors?: InputMaybe<PreventUserExistenceErrors>;
  readAttributes?: InputMaybe<Array<Scalars['String']['input']>>;
  refreshTokenRotation?: InputMaybe<RefreshTokenRotationInput>;
  /** 0 resets to the default of 30 days. */
  refreshTokenValidity?: InputMaybe<Scalars['Int']['input']>;
  supportedIdentityProviders?: InputMaybe<Array<Scalars['String']['input']>>;
  tokenValidityUnits?: InputMaybe<TokenValidityUnitsInput>;
  writeAttributes?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type CreateUserPoolInput = {
  accountRecoverySetting?: InputMaybe<Array<RecoveryMechanismInput>>;
  adminCreateUserConfig?: InputMaybe<AdminCreateUserConfigInput>;
  /** Verified values that may stand in for the username; fixed at creation. */
  aliasAttributes?: InputMaybe<Array<AliasAttribute>>;
  attributesRequireVerificationBeforeUpdate?: InputMaybe<Array<VerifiableAttribute>>;
  autoVerifiedAttributes?: InputMaybe<Array<VerifiableAttribute>>;
  deletionProtection?: InputMaybe<DeletionProtection>;
  deviceConfiguration?: InputMaybe<DeviceConfigurationInput>;
  enabledMfas?: InputMaybe<Array<MfaFactor>>;
  lambdaConfig?: InputMaybe<LambdaConfigInput>;
  mfaConfiguration?: InputMaybe<MfaConfiguration>;
  name: Scalars['String']['input'];
  passwordPolicy?: InputMaybe<PasswordPolicyInput>;
  schema?: InputMaybe<Array<SchemaAttributeInput>>;
  smsAuthenticationMessage?: InputMaybe<Scalars['String']['input']>;
  /** Sign in with email and/or phone as the username; fixed at creation. */
  usernameAttributes?: InputMaybe<Array<UsernameAttribute>>;
  /** Default false: usernames compare case-insensitively. */
  usernameCaseSensitive?: InputMaybe<Scalars['Boolean']['input']>;
  verificationMessageTemplate?: InputMaybe<VerificationMessageTemplateInput>;
};

export type CreatedAdminApiKey = {
  __typename?: 'CreatedAdminApiKey';
  key: AdminApiKey;
  /** The key itself. Shown only in this response: store it now. */
  secret: Scalars['String']['output'];
};

export type DefaultEmailOption =
  | 'CONFIRM_WITH_CODE'
  | 'CONFIRM_WITH_LINK';

export type DeletionProtection =
  | 'ACTIVE'
  | 'INACTIVE';

export type DeliveryMedium =
  | 'EMAIL'
  | 'SMS';

export type DeviceConfiguration = {
  __typename?: 'DeviceConfiguration';
  challengeRequiredOnNewDevice: Scalars['Boolean']['output'];
  deviceOnlyRememberedOnUserPrompt: Scalars['Boolean']['output'];
};

export type DeviceConfigurationInput = {
  challengeRequiredOnNewDevice: Scalars['Boolean']['input'];
  deviceOnlyRememberedOnUserPrompt: Scalars['Boolean']['input'];
};

/** One row of the audit log (the outbox): an admin or user change, never a secret. */
export type Event = {
  __typename?: 'Event';
  actor: Scalars['String']['output'];
  detail: Scalars['JSONObject']['output'];
  occurredAt: Scalars['DateTimeISO']['output'];
  seq: Scalars['Int']['output'];
  type: Scalars['String']['output'];
  userPoolId: Maybe<Scalars['String']['output']>;
};

export type EventPage = {
  __typename?: 'EventPage';
  items: Array<Event>;
  nextCursor: Maybe<Scalars['String']['output']>;
};

export type ExplicitAuthFlow =
  | 'ALLOW_ADMIN_USER_PASSWORD_AUTH'
  | 'ALLOW_CUSTOM_AUTH'
  | 'ALLOW_REFRESH_TOKEN_AUTH'
  | 'ALLOW_USER_AUTH'
  | 'ALLOW_USER_PASSWORD_AUTH'
  | 'ALLOW_USER_SRP_AUTH';

export type FeatureStatus =
  | 'DISABLED'
  | 'ENABLED';

export type InviteMessageTemplate = {
  __typename?: 'InviteMessageTemplate';
  emailMessage: Scalars['String']['output'];
  emailSubject: Scalars['String']['output'];
  smsMessage: Scalars['String']['output'];
};

export type InviteMessageTemplateInput = {
  emailMessage?: InputMaybe<Scalars['String']['input']>;
  emailSubject?: InputMaybe<Scalars['String']['input']>;
  /** Contains {####} (temporary password) and usually {username}. */
  smsMessage?: InputMaybe<Scalars['String']['input']>;
};

/** Trigger endpoints: URLs called where Cognito would invoke a Lambda function. */
export type LambdaConfig = {
  __typename?: 'LambdaConfig';
  createAuthChallenge: Maybe<Scalars['String']['output']>;
  customMessage: Maybe<Scalars['String']['output']>;
  defineAuthChallenge: Maybe<Scalars['String']['output']>;
  postAuthentication: Maybe<Scalars['String']['output']>;
  postConfirmation: Maybe<Scalars['String']['output']>;
  preAuthentication: Maybe<Scalars['String']['output']>;
  preSignUp: Maybe<Scalars['String']['output']>;
  preTokenGeneration: Maybe<Scalars['String']['output']>;
  userMigration: Maybe<Scalars['String']['output']>;
  verifyAuthChallengeResponse: Maybe<Scalars['String']['output']>;
};

export type LambdaConfigInput = {
  createAuthChallenge?: InputMaybe<Scalars['String']['input']>;
  customMessage?: InputMaybe<Scalars['String']['input']>;
  defineAuthChallenge?: InputMaybe<Scalars['String']['input']>;
  postAuthentication?: InputMaybe<Scalars['String']['input']>;
  postConfirmation?: InputMaybe<Scalars['String']['input']>;
  preAuthentication?: InputMaybe<Scalars['String']['input']>;
  preSignUp?: InputMaybe<Scalars['String']['input']>;
  preTokenGeneration?: InputMaybe<Scalars['String']['input']>;
  userMigration?: InputMaybe<Scalars['String']['input']>;
  verifyAuthChallengeResponse?: InputMaybe<Scalars['String']['input']>;
};

export type MfaConfiguration =
  | 'OFF'
  | 'ON'
  | 'OPTIONAL';

export type MfaFactor =
  | 'EMAIL_OTP'
  | 'SMS_MFA'
  | 'SOFTWARE_TOKEN_MFA';

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds 1–25 custom attributes (AddCustomAttributes); they cannot be changed or removed later. */
  addCustomAttributes: UserPool;
  /** Sets a new password with the reset code (ConfirmForgotPassword). */
  confirmForgotPassword: Scalars['Boolean']['output'];
  /** Confirms a sign-up with the code that was sent (ConfirmSignUp). */
  confirmSignUp: Scalars['Boolean']['output'];
  /** Creates an admin API key, optionally scoped to pools. Needs an unscoped key. */
  createAdminApiKey: CreatedAdminApiKey;
  /** Creates a user pool (CreateUserPool). Needs an unscoped admin key. */
  createUserPool: UserPool;
  /** Creates an app client (CreateUserPoolClient), optionally with a generated secret. */
  createUserPoolClient: UserPoolClient;
  /** Deletes a pool and everything in it (DeleteUserPool); refused while deletion protection is ACTIVE. */
  deleteUserPool: Scalars['Boolean']['output'];
  /** Deletes an app client and its refresh tokens (DeleteUserPoolClient). */
  deleteUserPoolClient: Scalars['Boolean']['output'];
  /** Sends a password-reset code to a verified email or phone (ForgotPassword). */
  forgotPassword: CodeDeliveryDetails;
  /** Sends a new sign-up code; the previous one stops working (ResendConfirmationCode). */
  resendConfirmationCode: CodeDeliveryDetails;
  /** Revokes an admin API key at once. The last unscoped key cannot be revoked. */
  revokeAdminApiKey: AdminApiKey;
  /** Registers a user (SignUp). */
  signUp: SignUpResult;
  /** Changes a pool's settings (UpdateUserPool); unnamed settings keep their values. */
  updateUserPool: UserPool;
  /** Changes an app client (UpdateUserPoolClient); unnamed settings keep their values. */
  updateUserPoolClient: UserPoolClient;
};


export type MutationAddCustomAttributesArgs = {
  customAttributes: Array<SchemaAttributeInput>;
  userPoolId: Scalars['ID']['input'];
};


export type MutationConfirmForgotPasswordArgs = {
  input: ConfirmForgotPasswordInput;
};


export type MutationConfirmSignUpArgs = {
  input: ConfirmSignUpInput;
};


export type MutationCreateAdminApiKeyArgs = {
  input: CreateAdminApiKeyInput;
};


export type MutationCreateUserPoolArgs = {
  input: CreateUserPoolInput;
};


export type MutationCreateUserPoolClientArgs = {
  input: CreateUserPoolClientInput;
  userPoolId: Scalars['ID']['input'];
};


export type MutationDeleteUserPoolArgs = {
  userPoolId: Scalars['ID']['input'];
};


export type MutationDeleteUserPoolClientArgs = {
  clientId: Scalars['ID']['input'];
  userPoolId: Scalars['ID']['input'];
};


export type MutationForgotPasswordArgs = {
  input: UsernameRequestInput;
};


export type MutationResendConfirmationCodeArgs = {
  input: UsernameRequestInput;
};


export type MutationRevokeAdminApiKeyArgs = {
  keyId: Scalars['ID']['input'];
};


export type MutationSignUpArgs = {
  input: SignUpInput;
};


export type MutationUpdateUserPoolArgs = {
  input: UpdateUserPoolInput;
  userPoolId: Scalars['ID']['input'];
};


export type MutationUpdateUserPoolClientArgs = {
  clientId: Scalars['ID']['input'];
  input: UpdateUserPoolClientInput;
  userPoolId: Scalars['ID']['input'];
};

export type NumberAttributeConstraints = {
  __typename?: 'NumberAttributeConstraints';
  maxValue: Maybe<Scalars['Float']['output']>;
  minValue: Maybe<Scalars['Float']['output']>;
};

export type NumberAttributeConstraintsInput = {
  maxValue?: InputMaybe<Scalars['Float']['input']>;
  minValue?: InputMaybe<Scalars['Float']['input']>;
};

export type OAuthFlow =
  | 'client_credentials'
  | 'code'
  | 'implicit';

export type PasswordPolicy = {
  __typename?: 'PasswordPolicy';
  minimumLength: Scalars['Int']['output'];
  passwordHistorySize: Scalars['Int']['output'];
  requireLowercase: Scalars['Boolean']['output'];
  requireNumbers: Scalars['Boolean']['output'];
  requireSymbols: Scalars['Boolean']['output'];
  requireUppercase: Scalars['Boolean']['output'];
  temporaryPasswordValidityDays: Scalars['Int']['output'];
};

export type PasswordPolicyInput = {
  minimumLength?: InputMaybe<Scalars['Int']['input']>;
  /** 0–24 previous passwords that may not be reused. */
  passwordHistorySize?: InputMaybe<Scalars['Int']['input']>;
  requireLowercase?: InputMaybe<Scalars['Boolean']['input']>;
  requireNumbers?: InputMaybe<Scalars['Boolean']['input']>;
  requireSymbols?: InputMaybe<Scalars['Boolean']['input']>;
  requireUppercase?: InputMaybe<Scalars['Boolean']['input']>;
  /** 0–365; 0 means the default of 7. */
  temporaryPasswordValidityDays?: InputMaybe<Scalars['Int']['input']>;
};

export type PreventUserExistenceErrors =
  | 'ENABLED'
  | 'LEGACY';

export type Query = {
  __typename?: 'Query';
  /** Admin API keys (never their secrets). Needs an unscoped key. */
  adminApiKeys: AdminApiKeyPage;
  /** The audit log, oldest first; one pool's, or every pool the key may see. */
  events: EventPage;
  /** The outbox of codes and invitations sent for a pool, oldest first (admins only). */
  sentMessages: SentMessagePage;
  /** One user pool (DescribeUserPool). */
  userPool: UserPool;
  /** One app client (DescribeUserPoolClient). */
  userPoolClient: UserPoolClient;
  /** A pool's app clients, 1–60 a page (ListUserPoolClients). */
  userPoolClients: UserPoolClientPage;
  /** User pools the key may see, 1–60 a page (ListUserPools). */
  userPools: UserPoolPage;
};


export type QueryAdminApiKeysArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  userPoolId?: InputMaybe<Scalars['ID']['input']>;
};


export type QuerySentMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  destination?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  userPoolId: Scalars['ID']['input'];
  userSub?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryUserPoolArgs = {
  userPoolId: Scalars['ID']['input'];
};


export type QueryUserPoolClientArgs = {
  clientId: Scalars['ID']['input'];
  userPoolId: Scalars['ID']['input'];
};


export type QueryUserPoolClientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  userPoolId: Scalars['ID']['input'];
};


export type QueryUserPoolsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type RecoveryMechanism = {
  __typename?: 'RecoveryMechanism';
  name: RecoveryMechanismName;
  priority: Scalars['Int']['output'];
};

export type RecoveryMechanismInput = {
  name: RecoveryMechanismName;
  priority: Scalars['Int']['input'];
};

export type RecoveryMechanismName =
  | 'admin_only'
  | 'verified_email'
  | 'verified_phone_number';

/** Cognito's RefreshTokenRotation: ENABLED issues a new refresh token on every refresh. */
export type RefreshTokenRotation = {
  __typename?: 'RefreshTokenRotation';
  feature: FeatureStatus;
  retryGracePeriodSeconds: Scalars['Int']['output'];
};

export type RefreshTokenRotationInput = {
  feature: FeatureStatus;
  /** 0–60 seconds in which the previous token still works. */
  retryGracePeriodSeconds?: InputMaybe<Scalars['Int']['input']>;
};

export type SchemaAttribute = {
  __typename?: 'SchemaAttribute';
  attributeDataType: AttributeDataType;
  developerOnlyAttribute: Scalars['Boolean']['output'];
  mutable: Scalars['Boolean']['output'];
  /** Full attribute name; custom attributes carry the custom: prefix. */
  name: Scalars['String']['output'];
  numberAttributeConstraints: Maybe<NumberAttributeConstraints>;
  required: Scalars['Boolean']['output'];
  stringAttributeConstraints: Maybe<StringAttributeConstraints>;
};

/** A standard attribute (to make it required) or a custom attribute (name without or with custom:). */
export type SchemaAttributeInput = {
  attributeDataType: AttributeDataType;
  developerOnlyAttribute?: InputMaybe<Scalars['Boolean']['input']>;
  mutable?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
  numberAttributeConstraints?: InputMaybe<NumberAttributeConstraintsInput>;
  required?: InputMaybe<Scalars['Boolean']['input']>;
  stringAttributeConstraints?: InputMaybe<StringAttributeConstraintsInput>;
};

/** A code or invitation in the outbox, readable by admins. */
export type SentMessage = {
  __typename?: 'SentMessage';
  body: Scalars['String']['output'];
  deliveryMedium: DeliveryMedium;
  destination: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  purpose: Scalars['String']['output'];
  sentAt: Scalars['DateTimeISO']['output'];
  subject: Maybe<Scalars['String']['output']>;
  userPoolId: Scalars['ID']['output'];
  userSub: Maybe<Scalars['ID']['output']>;
};

export type SentMessagePage = {
  __typename?: 'SentMessagePage';
  items: Array<SentMessage>;
  nextCursor: Maybe<Scalars['String']['output']>;
};

export type SignUpInput = {
  clientId: Scalars['ID']['input'];
  /** Passed to triggers; not stored. */
  clientMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
  password: Scalars['String']['input'];
  /** Base64(HMAC-SHA256(clientSecret, username + clientId)); required when the client has a secret. */
  secretHash?: InputMaybe<Scalars['String']['input']>;
  userAttributes?: InputMaybe<Array<AttributeInput>>;
  /** The username, or the email/phone in email/phone-as-username pools. */
  username: Scalars['String']['input'];
  /** Passed to the pre sign-up trigger; not stored. */
  validationData?: InputMaybe<Array<AttributeInput>>;
};

export type SignUpResult = {
  __typename?: 'SignUpResult';
  codeDeliveryDetails: Maybe<CodeDeliveryDetails>;
  userConfirmed: Scalars['Boolean']['output'];
  userSub: Scalars['ID']['output'];
};

export type StringAttributeConstraints = {
  __typename?: 'StringAttributeConstraints';
  maxLength: Maybe<Scalars['Int']['output']>;
  minLength: Maybe<Scalars['Int']['output']>;
};

export type StringAttributeConstraintsInput = {
  maxLength?: InputMaybe<Scalars['Int']['input']>;
  minLength?: InputMaybe<Scalars['Int']['input']>;
};

export type TimeUnit =
  | 'days'
  | 'hours'
  | 'minutes'
  | 'seconds';

export type TokenValidityUnits = {
  __typename?: 'TokenValidityUnits';
  accessToken: TimeUnit;
  idToken: TimeUnit;
  refreshToken: TimeUnit;
};

export type TokenValidityUnitsInput = {
  accessToken?: InputMaybe<TimeUnit>;
  idToken?: InputMaybe<TimeUnit>;
  refreshToken?: InputMaybe<TimeUnit>;
};

export type UpdateUserPoolClientInput = {
  accessTokenValidity?: InputMaybe<Scalars['Int']['input']>;
  allowedOAuthFlows?: InputMaybe<Array<OAuthFlow>>;
  allowedOAuthFlowsUserPoolClient?: InputMaybe<Scalars['Boolean']['input']>;
  allowedOAuthScopes?: InputMaybe<Array<Scalars['String']['input']>>;
  authSessionValidity?: InputMaybe<Scalars['Int']['input']>;
  callbackURLs?: InputMaybe<Array<Scalars['String']['input']>>;
  clientName?: InputMaybe<Scalars['String']['input']>;
  defaultRedirectURI?: InputMaybe<Scalars['String']['input']>;
  enableTokenRevocation?: InputMaybe<Scalars['Boolean']['input']>;
  explicitAuthFlows?: InputMaybe<Array<ExplicitAuthFlow>>;
  idTokenValidity?: InputMaybe<Scalars['Int']['input']>;
  logoutURLs?: InputMaybe<Array<Scalars['String']['input']>>;
  preventUserExistenceErrors?: InputMaybe<PreventUserExistenceErrors>;
  readAttributes?: InputMaybe<Array<Scalars['String']['input']>>;
  refreshTokenRotation?: InputMaybe<RefreshTokenRotationInput>;
  /** 0 resets to the default of 30 days. */
  refreshTokenValidity?: InputMaybe<Scalars['Int']['input']>;
  supportedIdentityProviders?: InputMaybe<Array<Scalars['String']['input']>>;
  tokenValidityUnits?: InputMaybe<TokenValidityUnitsInput>;
  writeAttributes?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type UpdateUserPoolInput = {
  accountRecoverySetting?: InputMaybe<Array<RecoveryMechanismInput>>;
  adminCreateUserConfig?: InputMaybe<AdminCreateUserConfigInput>;
  attributesRequireVerificationBeforeUpdate?: InputMaybe<Array<VerifiableAttribute>>;
  autoVerifiedAttributes?: InputMaybe<Array<VerifiableAttribute>>;
  deletionProtection?: InputMaybe<DeletionProtection>;
  deviceConfiguration?: InputMaybe<DeviceConfigurationInput>;
  enabledMfas?: InputMaybe<Array<MfaFactor>>;
  lambdaConfig?: InputMaybe<LambdaConfigInput>;
  mfaConfiguration?: InputMaybe<MfaConfiguration>;
  name?: InputMaybe<Scalars['String']['input']>;
  passwordPolicy?: InputMaybe<PasswordPolicyInput>;
  smsAuthenticationMessage?: InputMaybe<Scalars['String']['input']>;
  verificationMessageTemplate?: InputMaybe<VerificationMessageTemplateInput>;
};

export type UserAttributeUpdateSettings = {
  __typename?: 'UserAttributeUpdateSettings';
  attributesRequireVerificationBeforeUpdate: Array<VerifiableAttribute>;
};

export type UserPool = {
  __typename?: 'UserPool';
  accountRecoverySetting: Array<RecoveryMechanism>;
  adminCreateUserConfig: AdminCreateUserConfig;
  aliasAttributes: Array<AliasAttribute>;
  autoVerifiedAttributes: Array<VerifiableAttribute>;
  creationDate: Scalars['DateTimeISO']['output'];
  deletionProtection: DeletionProtection;
  deviceConfiguration: Maybe<DeviceConfiguration>;
  enabledMfas: Array<MfaFactor>;
  /** Users in the pool now (EstimatedNumberOfUsers). */
  estimatedNumberOfUsers: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  lambdaConfig: LambdaConfig;
  lastModifiedDate: Scalars['DateTimeISO']['output'];
  mfaConfiguration: MfaConfiguration;
  name: Scalars['String']['output'];
  passwordPolicy: PasswordPolicy;
  schemaAttributes: Array<SchemaAttribute>;
  smsAuthenticationMessage: Scalars['String']['output'];
  userAttributeUpdateSettings: UserAttributeUpdateSettings;
  usernameAttributes: Array<UsernameAttribute>;
  usernameConfiguration: UsernameConfiguration;
  verificationMessageTemplate: VerificationMessageTemplate;
};

export type UserPoolClient = {
  __typename?: 'UserPoolClient';
  accessTokenValidity: Scalars['Int']['output'];
  allowedOAuthFlows: Array<OAuthFlow>;
  allowedOAuthFlowsUserPoolClient: Scalars['Boolean']['output'];
  allowedOAuthScopes: Array<Scalars['String']['output']>;
  /** Minutes a sign-in session (challenge) stays valid, 3–15. */
  authSessionValidity: Scalars['Int']['output'];
  callbackURLs: Array<Scalars['String']['output']>;
  clientId: Scalars['ID']['output'];
  clientName: Scalars['String']['output'];
  /** The client secret; null for a public client. Admins only. */
  clientSecret: Maybe<Scalars['String']['output']>;
  creationDate: Scalars['DateTimeISO']['output'];
  defaultRedirectURI: Maybe<Scalars['String']['output']>;
  enableTokenRevocation: Scalars['Boolean']['output'];
  explicitAuthFlows: Array<ExplicitAuthFlow>;
  idTokenValidity: Scalars['Int']['output'];
  lastModifiedDate: Scalars['DateTimeISO']['output'];
  logoutURLs: Array<Scalars['String']['output']>;
  preventUserExistenceErrors: PreventUserExistenceErrors;
  readAttributes: Maybe<Array<Scalars['String']['output']>>;
  refreshTokenRotation: RefreshTokenRotation;
  refreshTokenValidity: Scalars['Int']['output'];
  supportedIdentityProviders: Array<Scalars['String']['output']>;
  tokenValidityUnits: TokenValidityUnits;
  userPoolId: Scalars['ID']['output'];
  writeAttributes: Maybe<Array<Scalars['String']['output']>>;
};

export type UserPoolClientPage = {
  __typename?: 'UserPoolClientPage';
  items: Array<UserPoolClient>;
  nextCursor: Maybe<Scalars['String']['output']>;
};

export type UserPoolPage = {
  __typename?: 'UserPoolPage';
  items: Array<UserPool>;
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: Maybe<Scalars['String']['output']>;
};

export type UsernameAttribute =
  | 'email'
  | 'phone_number';

export type UsernameConfiguration = {
  __typename?: 'UsernameConfiguration';
  caseSensitive: Scalars['Boolean']['output'];
};

export type UsernameRequestInput = {
  clientId: Scalars['ID']['input'];
  clientMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
  secretHash?: InputMaybe<Scalars['String']['input']>;
  username: Scalars['String']['input'];
};

export type VerifiableAttribute =
  | 'email'
  | 'phone_number';

export type VerificationMessageTemplate = {
  __typename?: 'VerificationMessageTemplate';
  defaultEmailOption: DefaultEmailOption;
  emailMessage: Scalars['String']['output'];
  emailMessageByLink: Scalars['String']['output'];
  emailSubject: Scalars['String']['output'];
  emailSubjectByLink: Scalars['String']['output'];
  smsMessage: Scalars['String']['output'];
};

export type VerificationMessageTemplateInput = {
  defaultEmailOption?: InputMaybe<DefaultEmailOption>;
  /** 6–20000 characters containing {####}. */
  emailMessage?: InputMaybe<Scalars['String']['input']>;
  /** Must contain {##link text##}. */
  emailMessageByLink?: InputMaybe<Scalars['String']['input']>;
  emailSubject?: InputMaybe<Scalars['String']['input']>;
  emailSubjectByLink?: InputMaybe<Scalars['String']['input']>;
  /** 6–140 characters containing {####}. */
  smsMessage?: InputMaybe<Scalars['String']['input']>;
};

export type PoolNameQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
}>;


export type PoolNameQuery = { __typename?: 'Query', userPool: { __typename?: 'UserPool', id: string, name: string } };

export type PoolStringConstraintsQueryVariables = Exact<{ [key: string]: never; }>;


export type PoolStringConstraintsQuery = { __typename?: 'Query', userPools: { __typename?: 'UserPoolPage', items: Array<{ __typename?: 'UserPool', schemaAttributes: Array<{ __typename?: 'SchemaAttribute', stringAttributeConstraints: { __typename?: 'StringAttributeConstraints', minLength: number | null } | null }> }> } };

export type CreateAdminApiKeyMutationVariables = Exact<{
  input: CreateAdminApiKeyInput;
}>;


export type CreateAdminApiKeyMutation = { __typename?: 'Mutation', createAdminApiKey: { __typename?: 'CreatedAdminApiKey', secret: string, key: { __typename?: 'AdminApiKey', id: string, name: string, poolScope: Array<string> | null, createdBy: string, createdAt: string, revokedAt: string | null } } };

export type RevokeAdminApiKeyMutationVariables = Exact<{
  keyId: Scalars['ID']['input'];
}>;


export type RevokeAdminApiKeyMutation = { __typename?: 'Mutation', revokeAdminApiKey: { __typename?: 'AdminApiKey', id: string, revokedAt: string | null } };

export type ListAdminApiKeysQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ListAdminApiKeysQuery = { __typename?: 'Query', adminApiKeys: { __typename?: 'AdminApiKeyPage', nextCursor: string | null, items: Array<{ __typename?: 'AdminApiKey', id: string, name: string, poolScope: Array<string> | null, revokedAt: string | null }> } };

export type ListEventsQueryVariables = Exact<{
  userPoolId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ListEventsQuery = { __typename?: 'Query', events: { __typename?: 'EventPage', nextCursor: string | null, items: Array<{ __typename?: 'Event', seq: number, type: string, userPoolId: string | null, actor: string, occurredAt: string, detail: Record<string, unknown> }> } };

export type ClientFieldsFragment = { __typename?: 'UserPoolClient', clientId: string, userPoolId: string, clientName: string, clientSecret: string | null, explicitAuthFlows: Array<ExplicitAuthFlow>, accessTokenValidity: number, idTokenValidity: number, refreshTokenValidity: number, authSessionValidity: number, readAttributes: Array<string> | null, writeAttributes: Array<string> | null, preventUserExistenceErrors: PreventUserExistenceErrors, enableTokenRevocation: boolean, callbackURLs: Array<string>, logoutURLs: Array<string>, defaultRedirectURI: string | null, allowedOAuthFlows: Array<OAuthFlow>, allowedOAuthScopes: Array<string>, allowedOAuthFlowsUserPoolClient: boolean, supportedIdentityProviders: Array<string>, creationDate: string, lastModifiedDate: string, tokenValidityUnits: { __typename?: 'TokenValidityUnits', accessToken: TimeUnit, idToken: TimeUnit, refreshToken: TimeUnit }, refreshTokenRotation: { __typename?: 'RefreshTokenRotation', feature: FeatureStatus, retryGracePeriodSeconds: number } };

export type CreateUserPoolClientMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  input: CreateUserPoolClientInput;
}>;


export type CreateUserPoolClientMutation = { __typename?: 'Mutation', createUserPoolClient: { __typename?: 'UserPoolClient', clientId: string, userPoolId: string, clientName: string, clientSecret: string | null, explicitAuthFlows: Array<ExplicitAuthFlow>, accessTokenValidity: number, idTokenValidity: number, refreshTokenValidity: number, authSessionValidity: number, readAttributes: Array<string> | null, writeAttributes: Array<string> | null, preventUserExistenceErrors: PreventUserExistenceErrors, enableTokenRevocation: boolean, callbackURLs: Array<string>, logoutURLs: Array<string>, defaultRedirectURI: string | null, allowedOAuthFlows: Array<OAuthFlow>, allowedOAuthScopes: Array<string>, allowedOAuthFlowsUserPoolClient: boolean, supportedIdentityProviders: Array<string>, creationDate: string, lastModifiedDate: string, tokenValidityUnits: { __typename?: 'TokenValidityUnits', accessToken: TimeUnit, idToken: TimeUnit, refreshToken: TimeUnit }, refreshTokenRotation: { __typename?: 'RefreshTokenRotation', feature: FeatureStatus, retryGracePeriodSeconds: number } } };

export type UpdateUserPoolClientMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  clientId: Scalars['ID']['input'];
  input: UpdateUserPoolClientInput;
}>;


export type UpdateUserPoolClientMutation = { __typename?: 'Mutation', updateUserPoolClient: { __typename?: 'UserPoolClient', clientId: string, userPoolId: string, clientName: string, clientSecret: string | null, explicitAuthFlows: Array<ExplicitAuthFlow>, accessTokenValidity: number, idTokenValidity: number, refreshTokenValidity: number, authSessionValidity: number, readAttributes: Array<string> | null, writeAttributes: Array<string> | null, preventUserExistenceErrors: PreventUserExistenceErrors, enableTokenRevocation: boolean, callbackURLs: Array<string>, logoutURLs: Array<string>, defaultRedirectURI: string | null, allowedOAuthFlows: Array<OAuthFlow>, allowedOAuthScopes: Array<string>, allowedOAuthFlowsUserPoolClient: boolean, supportedIdentityProviders: Array<string>, creationDate: string, lastModifiedDate: string, tokenValidityUnits: { __typename?: 'TokenValidityUnits', accessToken: TimeUnit, idToken: TimeUnit, refreshToken: TimeUnit }, refreshTokenRotation: { __typename?: 'RefreshTokenRotation', feature: FeatureStatus, retryGracePeriodSeconds: number } } };

export type DeleteUserPoolClientMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  clientId: Scalars['ID']['input'];
}>;


export type DeleteUserPoolClientMutation = { __typename?: 'Mutation', deleteUserPoolClient: boolean };

export type GetUserPoolClientQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  clientId: Scalars['ID']['input'];
}>;


export type GetUserPoolClientQuery = { __typename?: 'Query', userPoolClient: { __typename?: 'UserPoolClient', clientId: string, userPoolId: string, clientName: string, clientSecret: string | null, explicitAuthFlows: Array<ExplicitAuthFlow>, accessTokenValidity: number, idTokenValidity: number, refreshTokenValidity: number, authSessionValidity: number, readAttributes: Array<string> | null, writeAttributes: Array<string> | null, preventUserExistenceErrors: PreventUserExistenceErrors, enableTokenRevocation: boolean, callbackURLs: Array<string>, logoutURLs: Array<string>, defaultRedirectURI: string | null, allowedOAuthFlows: Array<OAuthFlow>, allowedOAuthScopes: Array<string>, allowedOAuthFlowsUserPoolClient: boolean, supportedIdentityProviders: Array<string>, creationDate: string, lastModifiedDate: string, tokenValidityUnits: { __typename?: 'TokenValidityUnits', accessToken: TimeUnit, idToken: TimeUnit, refreshToken: TimeUnit }, refreshTokenRotation: { __typename?: 'RefreshTokenRotation', feature: FeatureStatus, retryGracePeriodSeconds: number } } };

export type ListUserPoolClientsQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ListUserPoolClientsQuery = { __typename?: 'Query', userPoolClients: { __typename?: 'UserPoolClientPage', nextCursor: string | null, items: Array<{ __typename?: 'UserPoolClient', clientId: string, clientName: string }> } };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { __typename?: 'Mutation', signUp: { __typename?: 'SignUpResult', userSub: string, userConfirmed: boolean, codeDeliveryDetails: { __typename?: 'CodeDeliveryDetails', destination: string, deliveryMedium: DeliveryMedium, attributeName: string } | null } };

export type ConfirmSignUpMutationVariables = Exact<{
  input: ConfirmSignUpInput;
}>;


export type ConfirmSignUpMutation = { __typename?: 'Mutation', confirmSignUp: boolean };

export type ResendConfirmationCodeMutationVariables = Exact<{
  input: UsernameRequestInput;
}>;


export type ResendConfirmationCodeMutation = { __typename?: 'Mutation', resendConfirmationCode: { __typename?: 'CodeDeliveryDetails', destination: string, deliveryMedium: DeliveryMedium, attributeName: string } };

export type ForgotPasswordMutationVariables = Exact<{
  input: UsernameRequestInput;
}>;


export type ForgotPasswordMutation = { __typename?: 'Mutation', forgotPassword: { __typename?: 'CodeDeliveryDetails', destination: string, deliveryMedium: DeliveryMedium, attributeName: string } };

export type ConfirmForgotPasswordMutationVariables = Exact<{
  input: ConfirmForgotPasswordInput;
}>;


export type ConfirmForgotPasswordMutation = { __typename?: 'Mutation', confirmForgotPassword: boolean };

export type SentMessagesQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  userSub?: InputMaybe<Scalars['ID']['input']>;
  destination?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type SentMessagesQuery = { __typename?: 'Query', sentMessages: { __typename?: 'SentMessagePage', nextCursor: string | null, items: Array<{ __typename?: 'SentMessage', id: string, userPoolId: string, userSub: string | null, deliveryMedium: DeliveryMedium, destination: string, subject: string | null, body: string, purpose: string, sentAt: string }> } };

export type PoolFieldsFragment = { __typename?: 'UserPool', id: string, name: string, deletionProtection: DeletionProtection, usernameAttributes: Array<UsernameAttribute>, aliasAttributes: Array<AliasAttribute>, mfaConfiguration: MfaConfiguration, enabledMfas: Array<MfaFactor>, autoVerifiedAttributes: Array<VerifiableAttribute>, smsAuthenticationMessage: string, estimatedNumberOfUsers: number, creationDate: string, lastModifiedDate: string, usernameConfiguration: { __typename?: 'UsernameConfiguration', caseSensitive: boolean }, passwordPolicy: { __typename?: 'PasswordPolicy', minimumLength: number, requireUppercase: boolean, requireLowercase: boolean, requireNumbers: boolean, requireSymbols: boolean, temporaryPasswordValidityDays: number, passwordHistorySize: number }, userAttributeUpdateSettings: { __typename?: 'UserAttributeUpdateSettings', attributesRequireVerificationBeforeUpdate: Array<VerifiableAttribute> }, verificationMessageTemplate: { __typename?: 'VerificationMessageTemplate', smsMessage: string, emailMessage: string, emailSubject: string, emailMessageByLink: string, emailSubjectByLink: string, defaultEmailOption: DefaultEmailOption }, adminCreateUserConfig: { __typename?: 'AdminCreateUserConfig', allowAdminCreateUserOnly: boolean, inviteMessageTemplate: { __typename?: 'InviteMessageTemplate', smsMessage: string, emailMessage: string, emailSubject: string } }, accountRecoverySetting: Array<{ __typename?: 'RecoveryMechanism', name: RecoveryMechanismName, priority: number }>, lambdaConfig: { __typename?: 'LambdaConfig', preSignUp: string | null, customMessage: string | null, postConfirmation: string | null, preAuthentication: string | null, postAuthentication: string | null, defineAuthChallenge: string | null, createAuthChallenge: string | null, verifyAuthChallengeResponse: string | null, preTokenGeneration: string | null, userMigration: string | null }, deviceConfiguration: { __typename?: 'DeviceConfiguration', challengeRequiredOnNewDevice: boolean, deviceOnlyRememberedOnUserPrompt: boolean } | null, schemaAttributes: Array<{ __typename?: 'SchemaAttribute', name: string, attributeDataType: AttributeDataType, developerOnlyAttribute: boolean, mutable: boolean, required: boolean, stringAttributeConstraints: { __typename?: 'StringAttributeConstraints', minLength: number | null, maxLength: number | null } | null, numberAttributeConstraints: { __typename?: 'NumberAttributeConstraints', minValue: number | null, maxValue: number | null } | null }> };

export type CreateUserPoolMutationVariables = Exact<{
  input: CreateUserPoolInput;
}>;


export type CreateUserPoolMutation = { __typename?: 'Mutation', createUserPool: { __typename?: 'UserPool', id: string, name: string, deletionProtection: DeletionProtection, usernameAttributes: Array<UsernameAttribute>, aliasAttributes: Array<AliasAttribute>, mfaConfiguration: MfaConfiguration, enabledMfas: Array<MfaFactor>, autoVerifiedAttributes: Array<VerifiableAttribute>, smsAuthenticationMessage: string, estimatedNumberOfUsers: number, creationDate: string, lastModifiedDate: string, usernameConfiguration: { __typename?: 'UsernameConfiguration', caseSensitive: boolean }, passwordPolicy: { __typename?: 'PasswordPolicy', minimumLength: number, requireUppercase: boolean, requireLowercase: boolean, requireNumbers: boolean, requireSymbols: boolean, temporaryPasswordValidityDays: number, passwordHistorySize: number }, userAttributeUpdateSettings: { __typename?: 'UserAttributeUpdateSettings', attributesRequireVerificationBeforeUpdate: Array<VerifiableAttribute> }, verificationMessageTemplate: { __typename?: 'VerificationMessageTemplate', smsMessage: string, emailMessage: string, emailSubject: string, emailMessageByLink: string, emailSubjectByLink: string, defaultEmailOption: DefaultEmailOption }, adminCreateUserConfig: { __typename?: 'AdminCreateUserConfig', allowAdminCreateUserOnly: boolean, inviteMessageTemplate: { __typename?: 'InviteMessageTemplate', smsMessage: string, emailMessage: string, emailSubject: string } }, accountRecoverySetting: Array<{ __typename?: 'RecoveryMechanism', name: RecoveryMechanismName, priority: number }>, lambdaConfig: { __typename?: 'LambdaConfig', preSignUp: string | null, customMessage: string | null, postConfirmation: string | null, preAuthentication: string | null, postAuthentication: string | null, defineAuthChallenge: string | null, createAuthChallenge: string | null, verifyAuthChallengeResponse: string | null, preTokenGeneration: string | null, userMigration: string | null }, deviceConfiguration: { __typename?: 'DeviceConfiguration', challengeRequiredOnNewDevice: boolean, deviceOnlyRememberedOnUserPrompt: boolean } | null, schemaAttributes: Array<{ __typename?: 'SchemaAttribute', name: string, attributeDataType: AttributeDataType, developerOnlyAttribute: boolean, mutable: boolean, required: boolean, stringAttributeConstraints: { __typename?: 'StringAttributeConstraints', minLength: number | null, maxLength: number | null } | null, numberAttributeConstraints: { __typename?: 'NumberAttributeConstraints', minValue: number | null, maxValue: number | null } | null }> } };

export type UpdateUserPoolMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  input: UpdateUserPoolInput;
}>;


export type UpdateUserPoolMutation = { __typename?: 'Mutation', updateUserPool: { __typename?: 'UserPool', id: string, name: string, deletionProtection: DeletionProtection, usernameAttributes: Array<UsernameAttribute>, aliasAttributes: Array<AliasAttribute>, mfaConfiguration: MfaConfiguration, enabledMfas: Array<MfaFactor>, autoVerifiedAttributes: Array<VerifiableAttribute>, smsAuthenticationMessage: string, estimatedNumberOfUsers: number, creationDate: string, lastModifiedDate: string, usernameConfiguration: { __typename?: 'UsernameConfiguration', caseSensitive: boolean }, passwordPolicy: { __typename?: 'PasswordPolicy', minimumLength: number, requireUppercase: boolean, requireLowercase: boolean, requireNumbers: boolean, requireSymbols: boolean, temporaryPasswordValidityDays: number, passwordHistorySize: number }, userAttributeUpdateSettings: { __typename?: 'UserAttributeUpdateSettings', attributesRequireVerificationBeforeUpdate: Array<VerifiableAttribute> }, verificationMessageTemplate: { __typename?: 'VerificationMessageTemplate', smsMessage: string, emailMessage: string, emailSubject: string, emailMessageByLink: string, emailSubjectByLink: string, defaultEmailOption: DefaultEmailOption }, adminCreateUserConfig: { __typename?: 'AdminCreateUserConfig', allowAdminCreateUserOnly: boolean, inviteMessageTemplate: { __typename?: 'InviteMessageTemplate', smsMessage: string, emailMessage: string, emailSubject: string } }, accountRecoverySetting: Array<{ __typename?: 'RecoveryMechanism', name: RecoveryMechanismName, priority: number }>, lambdaConfig: { __typename?: 'LambdaConfig', preSignUp: string | null, customMessage: string | null, postConfirmation: string | null, preAuthentication: string | null, postAuthentication: string | null, defineAuthChallenge: string | null, createAuthChallenge: string | null, verifyAuthChallengeResponse: string | null, preTokenGeneration: string | null, userMigration: string | null }, deviceConfiguration: { __typename?: 'DeviceConfiguration', challengeRequiredOnNewDevice: boolean, deviceOnlyRememberedOnUserPrompt: boolean } | null, schemaAttributes: Array<{ __typename?: 'SchemaAttribute', name: string, attributeDataType: AttributeDataType, developerOnlyAttribute: boolean, mutable: boolean, required: boolean, stringAttributeConstraints: { __typename?: 'StringAttributeConstraints', minLength: number | null, maxLength: number | null } | null, numberAttributeConstraints: { __typename?: 'NumberAttributeConstraints', minValue: number | null, maxValue: number | null } | null }> } };

export type DeleteUserPoolMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
}>;


export type DeleteUserPoolMutation = { __typename?: 'Mutation', deleteUserPool: boolean };

export type AddCustomAttributesMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  customAttributes: Array<SchemaAttributeInput> | SchemaAttributeInput;
}>;


export type AddCustomAttributesMutation = { __typename?: 'Mutation', addCustomAttributes: { __typename?: 'UserPool', id: string, name: string, deletionProtection: DeletionProtection, usernameAttributes: Array<UsernameAttribute>, aliasAttributes: Array<AliasAttribute>, mfaConfiguration: MfaConfiguration, enabledMfas: Array<MfaFactor>, autoVerifiedAttributes: Array<VerifiableAttribute>, smsAuthenticationMessage: string, estimatedNumberOfUsers: number, creationDate: string, lastModifiedDate: string, usernameConfiguration: { __typename?: 'UsernameConfiguration', caseSensitive: boolean }, passwordPolicy: { __typename?: 'PasswordPolicy', minimumLength: number, requireUppercase: boolean, requireLowercase: boolean, requireNumbers: boolean, requireSymbols: boolean, temporaryPasswordValidityDays: number, passwordHistorySize: number }, userAttributeUpdateSettings: { __typename?: 'UserAttributeUpdateSettings', attributesRequireVerificationBeforeUpdate: Array<VerifiableAttribute> }, verificationMessageTemplate: { __typename?: 'VerificationMessageTemplate', smsMessage: string, emailMessage: string, emailSubject: string, emailMessageByLink: string, emailSubjectByLink: string, defaultEmailOption: DefaultEmailOption }, adminCreateUserConfig: { __typename?: 'AdminCreateUserConfig', allowAdminCreateUserOnly: boolean, inviteMessageTemplate: { __typename?: 'InviteMessageTemplate', smsMessage: string, emailMessage: string, emailSubject: string } }, accountRecoverySetting: Array<{ __typename?: 'RecoveryMechanism', name: RecoveryMechanismName, priority: number }>, lambdaConfig: { __typename?: 'LambdaConfig', preSignUp: string | null, customMessage: string | null, postConfirmation: string | null, preAuthentication: string | null, postAuthentication: string | null, defineAuthChallenge: string | null, createAuthChallenge: string | null, verifyAuthChallengeResponse: string | null, preTokenGeneration: string | null, userMigration: string | null }, deviceConfiguration: { __typename?: 'DeviceConfiguration', challengeRequiredOnNewDevice: boolean, deviceOnlyRememberedOnUserPrompt: boolean } | null, schemaAttributes: Array<{ __typename?: 'SchemaAttribute', name: string, attributeDataType: AttributeDataType, developerOnlyAttribute: boolean, mutable: boolean, required: boolean, stringAttributeConstraints: { __typename?: 'StringAttributeConstraints', minLength: number | null, maxLength: number | null } | null, numberAttributeConstraints: { __typename?: 'NumberAttributeConstraints', minValue: number | null, maxValue: number | null } | null }> } };

export type GetUserPoolQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
}>;


export type GetUserPoolQuery = { __typename?: 'Query', userPool: { __typename?: 'UserPool', id: string, name: string, deletionProtection: DeletionProtection, usernameAttributes: Array<UsernameAttribute>, aliasAttributes: Array<AliasAttribute>, mfaConfiguration: MfaConfiguration, enabledMfas: Array<MfaFactor>, autoVerifiedAttributes: Array<VerifiableAttribute>, smsAuthenticationMessage: string, estimatedNumberOfUsers: number, creationDate: string, lastModifiedDate: string, usernameConfiguration: { __typename?: 'UsernameConfiguration', caseSensitive: boolean }, passwordPolicy: { __typename?: 'PasswordPolicy', minimumLength: number, requireUppercase: boolean, requireLowercase: boolean, requireNumbers: boolean, requireSymbols: boolean, temporaryPasswordValidityDays: number, passwordHistorySize: number }, userAttributeUpdateSettings: { __typename?: 'UserAttributeUpdateSettings', attributesRequireVerificationBeforeUpdate: Array<VerifiableAttribute> }, verificationMessageTemplate: { __typename?: 'VerificationMessageTemplate', smsMessage: string, emailMessage: string, emailSubject: string, emailMessageByLink: string, emailSubjectByLink: string, defaultEmailOption: DefaultEmailOption }, adminCreateUserConfig: { __typename?: 'AdminCreateUserConfig', allowAdminCreateUserOnly: boolean, inviteMessageTemplate: { __typename?: 'InviteMessageTemplate', smsMessage: string, emailMessage: string, emailSubject: string } }, accountRecoverySetting: Array<{ __typename?: 'RecoveryMechanism', name: RecoveryMechanismName, priority: number }>, lambdaConfig: { __typename?: 'LambdaConfig', preSignUp: string | null, customMessage: string | null, postConfirmation: string | null, preAuthentication: string | null, postAuthentication: string | null, defineAuthChallenge: string | null, createAuthChallenge: string | null, verifyAuthChallengeResponse: string | null, preTokenGeneration: string | null, userMigration: string | null }, deviceConfiguration: { __typename?: 'DeviceConfiguration', challengeRequiredOnNewDevice: boolean, deviceOnlyRememberedOnUserPrompt: boolean } | null, schemaAttributes: Array<{ __typename?: 'SchemaAttribute', name: string, attributeDataType: AttributeDataType, developerOnlyAttribute: boolean, mutable: boolean, required: boolean, stringAttributeConstraints: { __typename?: 'StringAttributeConstraints', minLength: number | null, maxLength: number | null } | null, numberAttributeConstraints: { __typename?: 'NumberAttributeConstraints', minValue: number | null, maxValue: number | null } | null }> } };

export type ListUserPoolsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ListUserPoolsQuery = { __typename?: 'Query', userPools: { __typename?: 'UserPoolPage', nextCursor: string | null, items: Array<{ __typename?: 'UserPool', id: string, name: string }> } };

export const ClientFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserPoolClient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"explicitAuthFlows"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"idTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"tokenValidityUnits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"idToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authSessionValidity"}},{"kind":"Field","name":{"kind":"Name","value":"readAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"writeAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"preventUserExistenceErrors"}},{"kind":"Field","name":{"kind":"Name","value":"enableTokenRevocation"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenRotation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"feature"}},{"kind":"Field","name":{"kind":"Name","value":"retryGracePeriodSeconds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"callbackURLs"}},{"kind":"Field","name":{"kind":"Name","value":"logoutURLs"}},{"kind":"Field","name":{"kind":"Name","value":"defaultRedirectURI"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthFlows"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthScopes"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthFlowsUserPoolClient"}},{"kind":"Field","name":{"kind":"Name","value":"supportedIdentityProviders"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<ClientFieldsFragment, unknown>;
export const PoolFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PoolFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserPool"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"deletionProtection"}},{"kind":"Field","name":{"kind":"Name","value":"usernameAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"aliasAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"usernameConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseSensitive"}}]}},{"kind":"Field","name":{"kind":"Name","value":"passwordPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minimumLength"}},{"kind":"Field","name":{"kind":"Name","value":"requireUppercase"}},{"kind":"Field","name":{"kind":"Name","value":"requireLowercase"}},{"kind":"Field","name":{"kind":"Name","value":"requireNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"requireSymbols"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryPasswordValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"passwordHistorySize"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mfaConfiguration"}},{"kind":"Field","name":{"kind":"Name","value":"enabledMfas"}},{"kind":"Field","name":{"kind":"Name","value":"autoVerifiedAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"userAttributeUpdateSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributesRequireVerificationBeforeUpdate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verificationMessageTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubject"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessageByLink"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubjectByLink"}},{"kind":"Field","name":{"kind":"Name","value":"defaultEmailOption"}}]}},{"kind":"Field","name":{"kind":"Name","value":"smsAuthenticationMessage"}},{"kind":"Field","name":{"kind":"Name","value":"adminCreateUserConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowAdminCreateUserOnly"}},{"kind":"Field","name":{"kind":"Name","value":"inviteMessageTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubject"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountRecoverySetting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lambdaConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preSignUp"}},{"kind":"Field","name":{"kind":"Name","value":"customMessage"}},{"kind":"Field","name":{"kind":"Name","value":"postConfirmation"}},{"kind":"Field","name":{"kind":"Name","value":"preAuthentication"}},{"kind":"Field","name":{"kind":"Name","value":"postAuthentication"}},{"kind":"Field","name":{"kind":"Name","value":"defineAuthChallenge"}},{"kind":"Field","name":{"kind":"Name","value":"createAuthChallenge"}},{"kind":"Field","name":{"kind":"Name","value":"verifyAuthChallengeResponse"}},{"kind":"Field","name":{"kind":"Name","value":"preTokenGeneration"}},{"kind":"Field","name":{"kind":"Name","value":"userMigration"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deviceConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeRequiredOnNewDevice"}},{"kind":"Field","name":{"kind":"Name","value":"deviceOnlyRememberedOnUserPrompt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schemaAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"attributeDataType"}},{"kind":"Field","name":{"kind":"Name","value":"developerOnlyAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"mutable"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"stringAttributeConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}}]}},{"kind":"Field","name":{"kind":"Name","value":"numberAttributeConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minValue"}},{"kind":"Field","name":{"kind":"Name","value":"maxValue"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"estimatedNumberOfUsers"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<PoolFieldsFragment, unknown>;
export const PoolNameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PoolName"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PoolNameQuery, PoolNameQueryVariables>;
export const PoolStringConstraintsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PoolStringConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPools"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schemaAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stringAttributeConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minLength"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PoolStringConstraintsQuery, PoolStringConstraintsQueryVariables>;
export const CreateAdminApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAdminApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAdminApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAdminApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"key"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"poolScope"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<CreateAdminApiKeyMutation, CreateAdminApiKeyMutationVariables>;
export const RevokeAdminApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeAdminApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"keyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeAdminApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"keyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"keyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<RevokeAdminApiKeyMutation, RevokeAdminApiKeyMutationVariables>;
export const ListAdminApiKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListAdminApiKeys"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminApiKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"poolScope"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]} as unknown as DocumentNode<ListAdminApiKeysQuery, ListAdminApiKeysQueryVariables>;
export const ListEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]} as unknown as DocumentNode<ListEventsQuery, ListEventsQueryVariables>;
export const CreateUserPoolClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUserPoolClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUserPoolClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUserPoolClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserPoolClient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"explicitAuthFlows"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"idTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"tokenValidityUnits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"idToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authSessionValidity"}},{"kind":"Field","name":{"kind":"Name","value":"readAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"writeAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"preventUserExistenceErrors"}},{"kind":"Field","name":{"kind":"Name","value":"enableTokenRevocation"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenRotation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"feature"}},{"kind":"Field","name":{"kind":"Name","value":"retryGracePeriodSeconds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"callbackURLs"}},{"kind":"Field","name":{"kind":"Name","value":"logoutURLs"}},{"kind":"Field","name":{"kind":"Name","value":"defaultRedirectURI"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthFlows"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthScopes"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthFlowsUserPoolClient"}},{"kind":"Field","name":{"kind":"Name","value":"supportedIdentityProviders"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<CreateUserPoolClientMutation, CreateUserPoolClientMutationVariables>;
export const UpdateUserPoolClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateUserPoolClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateUserPoolClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateUserPoolClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserPoolClient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"explicitAuthFlows"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"idTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"tokenValidityUnits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"idToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authSessionValidity"}},{"kind":"Field","name":{"kind":"Name","value":"readAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"writeAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"preventUserExistenceErrors"}},{"kind":"Field","name":{"kind":"Name","value":"enableTokenRevocation"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenRotation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"feature"}},{"kind":"Field","name":{"kind":"Name","value":"retryGracePeriodSeconds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"callbackURLs"}},{"kind":"Field","name":{"kind":"Name","value":"logoutURLs"}},{"kind":"Field","name":{"kind":"Name","value":"defaultRedirectURI"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthFlows"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthScopes"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthFlowsUserPoolClient"}},{"kind":"Field","name":{"kind":"Name","value":"supportedIdentityProviders"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<UpdateUserPoolClientMutation, UpdateUserPoolClientMutationVariables>;
export const DeleteUserPoolClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteUserPoolClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteUserPoolClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}}]}]}}]} as unknown as DocumentNode<DeleteUserPoolClientMutation, DeleteUserPoolClientMutationVariables>;
export const GetUserPoolClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetUserPoolClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPoolClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserPoolClient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"explicitAuthFlows"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"idTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"tokenValidityUnits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"idToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authSessionValidity"}},{"kind":"Field","name":{"kind":"Name","value":"readAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"writeAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"preventUserExistenceErrors"}},{"kind":"Field","name":{"kind":"Name","value":"enableTokenRevocation"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenRotation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"feature"}},{"kind":"Field","name":{"kind":"Name","value":"retryGracePeriodSeconds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"callbackURLs"}},{"kind":"Field","name":{"kind":"Name","value":"logoutURLs"}},{"kind":"Field","name":{"kind":"Name","value":"defaultRedirectURI"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthFlows"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthScopes"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthFlowsUserPoolClient"}},{"kind":"Field","name":{"kind":"Name","value":"supportedIdentityProviders"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<GetUserPoolClientQuery, GetUserPoolClientQueryVariables>;
export const ListUserPoolClientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListUserPoolClients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPoolClients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]} as unknown as DocumentNode<ListUserPoolClientsQuery, ListUserPoolClientsQueryVariables>;
export const SignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userSub"}},{"kind":"Field","name":{"kind":"Name","value":"userConfirmed"}},{"kind":"Field","name":{"kind":"Name","value":"codeDeliveryDetails"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMedium"}},{"kind":"Field","name":{"kind":"Name","value":"attributeName"}}]}}]}}]}}]} as unknown as DocumentNode<SignUpMutation, SignUpMutationVariables>;
export const ConfirmSignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmSignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmSignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmSignUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<ConfirmSignUpMutation, ConfirmSignUpMutationVariables>;
export const ResendConfirmationCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResendConfirmationCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UsernameRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resendConfirmationCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMedium"}},{"kind":"Field","name":{"kind":"Name","value":"attributeName"}}]}}]}}]} as unknown as DocumentNode<ResendConfirmationCodeMutation, ResendConfirmationCodeMutationVariables>;
export const ForgotPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ForgotPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UsernameRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"forgotPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMedium"}},{"kind":"Field","name":{"kind":"Name","value":"attributeName"}}]}}]}}]} as unknown as DocumentNode<ForgotPasswordMutation, ForgotPasswordMutationVariables>;
export const ConfirmForgotPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmForgotPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmForgotPasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmForgotPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<ConfirmForgotPasswordMutation, ConfirmForgotPasswordMutationVariables>;
export const SentMessagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SentMessages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userSub"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"destination"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sentMessages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userSub"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userSub"}}},{"kind":"Argument","name":{"kind":"Name","value":"destination"},"value":{"kind":"Variable","name":{"kind":"Name","value":"destination"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"userSub"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMedium"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]} as unknown as DocumentNode<SentMessagesQuery, SentMessagesQueryVariables>;
export const CreateUserPoolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUserPool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUserPoolInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUserPool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PoolFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PoolFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserPool"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"deletionProtection"}},{"kind":"Field","name":{"kind":"Name","value":"usernameAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"aliasAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"usernameConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseSensitive"}}]}},{"kind":"Field","name":{"kind":"Name","value":"passwordPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minimumLength"}},{"kind":"Field","name":{"kind":"Name","value":"requireUppercase"}},{"kind":"Field","name":{"kind":"Name","value":"requireLowercase"}},{"kind":"Field","name":{"kind":"Name","value":"requireNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"requireSymbols"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryPasswordValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"passwordHistorySize"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mfaConfiguration"}},{"kind":"Field","name":{"kind":"Name","value":"enabledMfas"}},{"kind":"Field","name":{"kind":"Name","value":"autoVerifiedAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"userAttributeUpdateSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributesRequireVerificationBeforeUpdate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verificationMessageTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubject"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessageByLink"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubjectByLink"}},{"kind":"Field","name":{"kind":"Name","value":"defaultEmailOption"}}]}},{"kind":"Field","name":{"kind":"Name","value":"smsAuthenticationMessage"}},{"kind":"Field","name":{"kind":"Name","value":"adminCreateUserConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowAdminCreateUserOnly"}},{"kind":"Field","name":{"kind":"Name","value":"inviteMessageTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubject"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountRecoverySetting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lambdaConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preSignUp"}},{"kind":"Field","name":{"kind":"Name","value":"customMessage"}},{"kind":"Field","name":{"kind":"Name","value":"postConfirmation"}},{"kind":"Field","name":{"kind":"Name","value":"preAuthentication"}},{"kind":"Field","name":{"kind":"Name","value":"postAuthentication"}},{"kind":"Field","name":{"kind":"Name","value":"defineAuthChallenge"}},{"kind":"Field","name":{"kind":"Name","value":"createAuthChallenge"}},{"kind":"Field","name":{"kind":"Name","value":"verifyAuthChallengeResponse"}},{"kind":"Field","name":{"kind":"Name","value":"preTokenGeneration"}},{"kind":"Field","name":{"kind":"Name","value":"userMigration"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deviceConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeRequiredOnNewDevice"}},{"kind":"Field","name":{"kind":"Name","value":"deviceOnlyRememberedOnUserPrompt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schemaAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"attributeDataType"}},{"kind":"Field","name":{"kind":"Name","value":"developerOnlyAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"mutable"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"stringAttributeConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}}]}},{"kind":"Field","name":{"kind":"Name","value":"numberAttributeConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minValue"}},{"kind":"Field","name":{"kind":"Name","value":"maxValue"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"estimatedNumberOfUsers"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<CreateUserPoolMutation, CreateUserPoolMutationVariables>;
export const UpdateUserPoolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateUserPool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateUserPoolInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateUserPool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PoolFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PoolFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserPool"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"deletionProtection"}},{"kind":"Field","name":{"kind":"Name","value":"usernameAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"aliasAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"usernameConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseSensitive"}}]}},{"kind":"Field","name":{"kind":"Name","value":"passwordPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minimumLength"}},{"kind":"Field","name":{"kind":"Name","value":"requireUppercase"}},{"kind":"Field","name":{"kind":"Name","value":"requireLowercase"}},{"kind":"Field","name":{"kind":"Name","value":"requireNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"requireSymbols"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryPasswordValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"passwordHistorySize"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mfaConfiguration"}},{"kind":"Field","name":{"kind":"Name","value":"enabledMfas"}},{"kind":"Field","name":{"kind":"Name","value":"autoVerifiedAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"userAttributeUpdateSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributesRequireVerificationBeforeUpdate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verificationMessageTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubject"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessageByLink"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubjectByLink"}},{"kind":"Field","name":{"kind":"Name","value":"defaultEmailOption"}}]}},{"kind":"Field","name":{"kind":"Name","value":"smsAuthenticationMessage"}},{"kind":"Field","name":{"kind":"Name","value":"adminCreateUserConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowAdminCreateUserOnly"}},{"kind":"Field","name":{"kind":"Name","value":"inviteMessageTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubject"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountRecoverySetting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lambdaConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preSignUp"}},{"kind":"Field","name":{"kind":"Name","value":"customMessage"}},{"kind":"Field","name":{"kind":"Name","value":"postConfirmation"}},{"kind":"Field","name":{"kind":"Name","value":"preAuthentication"}},{"kind":"Field","name":{"kind":"Name","value":"postAuthentication"}},{"kind":"Field","name":{"kind":"Name","value":"defineAuthChallenge"}},{"kind":"Field","name":{"kind":"Name","value":"createAuthChallenge"}},{"kind":"Field","name":{"kind":"Name","value":"verifyAuthChallengeResponse"}},{"kind":"Field","name":{"kind":"Name","value":"preTokenGeneration"}},{"kind":"Field","name":{"kind":"Name","value":"userMigration"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deviceConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeRequiredOnNewDevice"}},{"kind":"Field","name":{"kind":"Name","value":"deviceOnlyRememberedOnUserPrompt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schemaAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"attributeDataType"}},{"kind":"Field","name":{"kind":"Name","value":"developerOnlyAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"mutable"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"stringAttributeConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}}]}},{"kind":"Field","name":{"kind":"Name","value":"numberAttributeConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minValue"}},{"kind":"Field","name":{"kind":"Name","value":"maxValue"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"estimatedNumberOfUsers"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<UpdateUserPoolMutation, UpdateUserPoolMutationVariables>;
export const DeleteUserPoolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteUserPool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteUserPool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}]}]}}]} as unknown as DocumentNode<DeleteUserPoolMutation, DeleteUserPoolMutationVariables>;
export const AddCustomAttributesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddCustomAttributes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customAttributes"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SchemaAttributeInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addCustomAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"customAttributes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customAttributes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PoolFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PoolFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserPool"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"deletionProtection"}},{"kind":"Field","name":{"kind":"Name","value":"usernameAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"aliasAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"usernameConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseSensitive"}}]}},{"kind":"Field","name":{"kind":"Name","value":"passwordPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minimumLength"}},{"kind":"Field","name":{"kind":"Name","value":"requireUppercase"}},{"kind":"Field","name":{"kind":"Name","value":"requireLowercase"}},{"kind":"Field","name":{"kind":"Name","value":"requireNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"requireSymbols"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryPasswordValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"passwordHistorySize"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mfaConfiguration"}},{"kind":"Field","name":{"kind":"Name","value":"enabledMfas"}},{"kind":"Field","name":{"kind":"Name","value":"autoVerifiedAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"userAttributeUpdateSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributesRequireVerificationBeforeUpdate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verificationMessageTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubject"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessageByLink"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubjectByLink"}},{"kind":"Field","name":{"kind":"Name","value":"defaultEmailOption"}}]}},{"kind":"Field","name":{"kind":"Name","value":"smsAuthenticationMessage"}},{"kind":"Field","name":{"kind":"Name","value":"adminCreateUserConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowAdminCreateUserOnly"}},{"kind":"Field","name":{"kind":"Name","value":"inviteMessageTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubject"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountRecoverySetting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lambdaConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preSignUp"}},{"kind":"Field","name":{"kind":"Name","value":"customMessage"}},{"kind":"Field","name":{"kind":"Name","value":"postConfirmation"}},{"kind":"Field","name":{"kind":"Name","value":"preAuthentication"}},{"kind":"Field","name":{"kind":"Name","value":"postAuthentication"}},{"kind":"Field","name":{"kind":"Name","value":"defineAuthChallenge"}},{"kind":"Field","name":{"kind":"Name","value":"createAuthChallenge"}},{"kind":"Field","name":{"kind":"Name","value":"verifyAuthChallengeResponse"}},{"kind":"Field","name":{"kind":"Name","value":"preTokenGeneration"}},{"kind":"Field","name":{"kind":"Name","value":"userMigration"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deviceConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeRequiredOnNewDevice"}},{"kind":"Field","name":{"kind":"Name","value":"deviceOnlyRememberedOnUserPrompt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schemaAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"attributeDataType"}},{"kind":"Field","name":{"kind":"Name","value":"developerOnlyAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"mutable"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"stringAttributeConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}}]}},{"kind":"Field","name":{"kind":"Name","value":"numberAttributeConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minValue"}},{"kind":"Field","name":{"kind":"Name","value":"maxValue"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"estimatedNumberOfUsers"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<AddCustomAttributesMutation, AddCustomAttributesMutationVariables>;
export const GetUserPoolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetUserPool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PoolFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PoolFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserPool"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"deletionProtection"}},{"kind":"Field","name":{"kind":"Name","value":"usernameAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"aliasAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"usernameConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseSensitive"}}]}},{"kind":"Field","name":{"kind":"Name","value":"passwordPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minimumLength"}},{"kind":"Field","name":{"kind":"Name","value":"requireUppercase"}},{"kind":"Field","name":{"kind":"Name","value":"requireLowercase"}},{"kind":"Field","name":{"kind":"Name","value":"requireNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"requireSymbols"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryPasswordValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"passwordHistorySize"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mfaConfiguration"}},{"kind":"Field","name":{"kind":"Name","value":"enabledMfas"}},{"kind":"Field","name":{"kind":"Name","value":"autoVerifiedAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"userAttributeUpdateSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributesRequireVerificationBeforeUpdate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verificationMessageTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubject"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessageByLink"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubjectByLink"}},{"kind":"Field","name":{"kind":"Name","value":"defaultEmailOption"}}]}},{"kind":"Field","name":{"kind":"Name","value":"smsAuthenticationMessage"}},{"kind":"Field","name":{"kind":"Name","value":"adminCreateUserConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowAdminCreateUserOnly"}},{"kind":"Field","name":{"kind":"Name","value":"inviteMessageTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubject"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountRecoverySetting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lambdaConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preSignUp"}},{"kind":"Field","name":{"kind":"Name","value":"customMessage"}},{"kind":"Field","name":{"kind":"Name","value":"postConfirmation"}},{"kind":"Field","name":{"kind":"Name","value":"preAuthentication"}},{"kind":"Field","name":{"kind":"Name","value":"postAuthentication"}},{"kind":"Field","name":{"kind":"Name","value":"defineAuthChallenge"}},{"kind":"Field","name":{"kind":"Name","value":"createAuthChallenge"}},{"kind":"Field","name":{"kind":"Name","value":"verifyAuthChallengeResponse"}},{"kind":"Field","name":{"kind":"Name","value":"preTokenGeneration"}},{"kind":"Field","name":{"kind":"Name","value":"userMigration"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deviceConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeRequiredOnNewDevice"}},{"kind":"Field","name":{"kind":"Name","value":"deviceOnlyRememberedOnUserPrompt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schemaAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"attributeDataType"}},{"kind":"Field","name":{"kind":"Name","value":"developerOnlyAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"mutable"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"stringAttributeConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}}]}},{"kind":"Field","name":{"kind":"Name","value":"numberAttributeConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minValue"}},{"kind":"Field","name":{"kind":"Name","value":"maxValue"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"estimatedNumberOfUsers"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<GetUserPoolQuery, GetUserPoolQueryVariables>;
export const ListUserPoolsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListUserPools"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPools"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]} as unknown as DocumentNode<ListUserPoolsQuery, ListUserPoolsQueryVariables>;