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

export type AdminCreateUserInput = {
  /** Passed to triggers; not stored. */
  clientMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Where the invitation goes (default SMS); each needs its attribute. */
  desiredDeliveryMediums?: InputMaybe<Array<DeliveryMedium>>;
  /** Move a verified email/phone alias held by another user to this one. */
  forceAliasCreation?: InputMaybe<Scalars['Boolean']['input']>;
  messageAction?: InputMaybe<MessageAction>;
  /** Must meet the password policy; generated when absent. */
  temporaryPassword?: InputMaybe<Scalars['String']['input']>;
  /** Any mutable attribute, including email_verified/phone_number_verified; required ones may be omitted. */
  userAttributes?: InputMaybe<Array<AttributeInput>>;
  userPoolId: Scalars['ID']['input'];
  /** The username, or the email/phone in email/phone-as-username pools. */
  username: Scalars['String']['input'];
  /** Passed to the pre sign-up trigger; not stored. */
  validationData?: InputMaybe<Array<AttributeInput>>;
};

export type AdminDeleteUserAttributesInput = {
  userAttributeNames: Array<Scalars['String']['input']>;
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
};

export type AdminInitiateAuthInput = {
  authFlow: AuthFlow;
  authParameters: AuthParametersInput;
  clientId: Scalars['ID']['input'];
  /** Passed to triggers; not stored. */
  clientMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
  /** The end user's request; without it, failures count against no address (only against the user). */
  contextData?: InputMaybe<ContextDataInput>;
  /** USER_AUTH: the session signUp or confirmSignUp returned; signs the new user in without another code, once. */
  session?: InputMaybe<Scalars['String']['input']>;
  userPoolId: Scalars['ID']['input'];
};

export type AdminRespondToAuthChallengeInput = {
  challengeName: ChallengeName;
  challengeResponses: ChallengeResponsesInput;
  clientId: Scalars['ID']['input'];
  clientMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
  /** The end user's request; without it, failures count against no address (only against the user). */
  contextData?: InputMaybe<ContextDataInput>;
  /** The session from the previous step, unchanged. */
  session: Scalars['String']['input'];
  userPoolId: Scalars['ID']['input'];
};

export type AdminSetUserMfaPreferenceInput = {
  /** EMAIL_OTP; turning it on needs an email. */
  emailMfaSettings?: InputMaybe<MfaSettingsInput>;
  /** SMS_MFA; turning it on needs a phone_number. */
  smsMfaSettings?: InputMaybe<MfaSettingsInput>;
  /** SOFTWARE_TOKEN_MFA; turning it on needs a verified authenticator. */
  softwareTokenMfaSettings?: InputMaybe<MfaSettingsInput>;
  userPoolId: Scalars['ID']['input'];
  /** Any identifier the user signs in with. */
  username: Scalars['String']['input'];
};

export type AdminSetUserPasswordInput = {
  password: Scalars['String']['input'];
  /** true → CONFIRMED; false (default) → FORCE_CHANGE_PASSWORD. */
  permanent?: InputMaybe<Scalars['Boolean']['input']>;
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
};

export type AdminUpdateUserAttributesInput = {
  clientMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
  /** New values; an empty value deletes the attribute. */
  userAttributes: Array<AttributeInput>;
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
};

export type AliasAttribute =
  | 'email'
  | 'phone_number'
  | 'preferred_username';

/** A new authenticator secret waiting for its first code (AssociateSoftwareToken). */
export type AssociateSoftwareTokenResult = {
  __typename?: 'AssociateSoftwareTokenResult';
  /** otpauth://totp/<pool name>:<account>?secret=…&issuer=<pool name>&algorithm=SHA1&digits=6&period=30 */
  otpauthUri: Scalars['String']['output'];
  /** The otpauth URI as a QR code, a data:image/png;base64 URL to put in an <img src>. */
  qrCodePng: Scalars['String']['output'];
  /** SecretCode: the shared secret, base32 (160 bits), for typing into the app by hand. */
  secretCode: Scalars['String']['output'];
  /** The sign-in session to carry on with, when called with one (MFA_SETUP). */
  session: Maybe<Scalars['String']['output']>;
};

export type Attribute = {
  __typename?: 'Attribute';
  name: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

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

/** The sign-in needs an answer: call respondToAuthChallenge with this session. */
export type AuthChallenge = {
  __typename?: 'AuthChallenge';
  /** USER_AUTH: the first factors the user may choose (SELECT_CHALLENGE; answer with ANSWER), or the one PREFERRED_CHALLENGE went to. */
  availableChallenges: Maybe<Array<ChallengeName>>;
  challengeName: ChallengeName;
  challengeParameters: ChallengeParameters;
  session: Scalars['String']['output'];
};

export type AuthFactorType =
  | 'EMAIL_OTP'
  | 'PASSWORD'
  | 'SMS_OTP'
  | 'SOFTWARE_TOKEN'
  | 'WEB_AUTHN';

/** Cognito's AuthFlow values; the app client must allow the flow. */
export type AuthFlow =
  | 'ADMIN_NO_SRP_AUTH'
  | 'ADMIN_USER_PASSWORD_AUTH'
  | 'CUSTOM_AUTH'
  | 'REFRESH_TOKEN'
  | 'REFRESH_TOKEN_AUTH'
  | 'USER_AUTH'
  | 'USER_PASSWORD_AUTH'
  | 'USER_SRP_AUTH';

/** Cognito's AuthParameters, by their Cognito names. */
export type AuthParametersInput = {
  /** CUSTOM_AUTH: SRP_A to prove the password by SRP first (with SRP_A). */
  CHALLENGE_NAME?: InputMaybe<Scalars['String']['input']>;
  DEVICE_KEY?: InputMaybe<Scalars['String']['input']>;
  PASSWORD?: InputMaybe<Scalars['String']['input']>;
  /** USER_AUTH: the first factor to go straight to (WEB_AUTHN, EMAIL_OTP, SMS_OTP, PASSWORD, PASSWORD_SRP) when the user has it; otherwise SELECT_CHALLENGE. */
  PREFERRED_CHALLENGE?: InputMaybe<Scalars['String']['input']>;
  REFRESH_TOKEN?: InputMaybe<Scalars['String']['input']>;
  SECRET_HASH?: InputMaybe<Scalars['String']['input']>;
  /** Client SRP public value A, hex. */
  SRP_A?: InputMaybe<Scalars['String']['input']>;
  USERNAME?: InputMaybe<Scalars['String']['input']>;
};

/** Either the next challenge or the tokens. */
export type AuthResult = AuthChallenge | AuthenticationResult;

/** The sign-in is complete. */
export type AuthenticationResult = {
  __typename?: 'AuthenticationResult';
  accessToken: Scalars['String']['output'];
  /** Seconds until the access token expires. */
  expiresIn: Scalars['Int']['output'];
  idToken: Scalars['String']['output'];
  newDeviceMetadata: Maybe<NewDeviceMetadata>;
  /** Absent on a refresh without rotation: keep the one you have. */
  refreshToken: Maybe<Scalars['String']['output']>;
  tokenType: Scalars['String']['output'];
};

export type ChallengeName =
  | 'CUSTOM_CHALLENGE'
  | 'DEVICE_PASSWORD_VERIFIER'
  | 'DEVICE_SRP_AUTH'
  | 'EMAIL_OTP'
  | 'MFA_SETUP'
  | 'NEW_PASSWORD_REQUIRED'
  | 'PASSWORD'
  | 'PASSWORD_SRP'
  | 'PASSWORD_VERIFIER'
  | 'SELECT_CHALLENGE'
  | 'SELECT_MFA_TYPE'
  | 'SMS_MFA'
  | 'SMS_OTP'
  | 'SOFTWARE_TOKEN_MFA'
  | 'WEB_AUTHN';

/** Cognito's ChallengeParameters, by their Cognito names; which are set depends on the challenge. */
export type ChallengeParameters = {
  __typename?: 'ChallengeParameters';
  CODE_DELIVERY_DELIVERY_MEDIUM: Maybe<Scalars['String']['output']>;
  CODE_DELIVERY_DESTINATION: Maybe<Scalars['String']['output']>;
  /** WEB_AUTHN: the WebAuthn PublicKeyCredentialRequestOptions, as a JSON string. */
  CREDENTIAL_REQUEST_OPTIONS: Maybe<Scalars['String']['output']>;
  /** SOFTWARE_TOKEN_MFA: the authenticator's name given at verifySoftwareToken. */
  FRIENDLY_DEVICE_NAME: Maybe<Scalars['String']['output']>;
  MFAS_CAN_CHOOSE: Maybe<Scalars['String']['output']>;
  MFAS_CAN_SETUP: Maybe<Scalars['String']['output']>;
  SALT: Maybe<Scalars['String']['output']>;
  SECRET_BLOCK: Maybe<Scalars['String']['output']>;
  SRP_B: Maybe<Scalars['String']['output']>;
  USERNAME: Maybe<Scalars['String']['output']>;
  USER_ID_FOR_SRP: Maybe<Scalars['String']['output']>;
  /** Every parameter as a map, including a CUSTOM_CHALLENGE's publicChallengeParameters (any names). */
  all: Maybe<Scalars['JSONObject']['output']>;
  /** JSON array of missing required attributes, each prefixed userAttributes. */
  requiredAttributes: Maybe<Scalars['String']['output']>;
  /** JSON object of the user's current attributes (NEW_PASSWORD_REQUIRED). */
  userAttributes: Maybe<Scalars['String']['output']>;
};

/** Cognito's ChallengeResponses, by their Cognito names; userAttributes.<name> entries go in userAttributes. */
export type ChallengeResponsesInput = {
  /** SELECT_MFA_TYPE: the factor; SELECT_CHALLENGE: one of availableChallenges; CUSTOM_CHALLENGE: the answer. */
  ANSWER?: InputMaybe<Scalars['String']['input']>;
  /** WEB_AUTHN: the passkey's AuthenticationResponseJSON, as a JSON string. */
  CREDENTIAL?: InputMaybe<Scalars['String']['input']>;
  DEVICE_KEY?: InputMaybe<Scalars['String']['input']>;
  /** MFA_SETUP by email: the address the EMAIL_OTP code goes to (and which becomes the user's email once the code comes back). */
  EMAIL?: InputMaybe<Scalars['String']['input']>;
  EMAIL_OTP_CODE?: InputMaybe<Scalars['String']['input']>;
  NEW_PASSWORD?: InputMaybe<Scalars['String']['input']>;
  /** SELECT_CHALLENGE with ANSWER=PASSWORD: the password. */
  PASSWORD?: InputMaybe<Scalars['String']['input']>;
  PASSWORD_CLAIM_SECRET_BLOCK?: InputMaybe<Scalars['String']['input']>;
  PASSWORD_CLAIM_SIGNATURE?: InputMaybe<Scalars['String']['input']>;
  SECRET_HASH?: InputMaybe<Scalars['String']['input']>;
  SMS_MFA_CODE?: InputMaybe<Scalars['String']['input']>;
  /** USER_AUTH SMS_OTP: the 8-digit code. */
  SMS_OTP_CODE?: InputMaybe<Scalars['String']['input']>;
  SOFTWARE_TOKEN_MFA_CODE?: InputMaybe<Scalars['String']['input']>;
  /** DEVICE_SRP_AUTH: the device's SRP public value A, hex. */
  SRP_A?: InputMaybe<Scalars['String']['input']>;
  TIMESTAMP?: InputMaybe<Scalars['String']['input']>;
  USERNAME?: InputMaybe<Scalars['String']['input']>;
  /** Attributes set while answering NEW_PASSWORD_REQUIRED. */
  userAttributes?: InputMaybe<Array<AttributeInput>>;
};

/** Where a code went, masked (j***@e***, +*******1212). */
export type CodeDeliveryDetails = {
  __typename?: 'CodeDeliveryDetails';
  attributeName: Scalars['String']['output'];
  deliveryMedium: DeliveryMedium;
  destination: Scalars['String']['output'];
};

export type ConfirmDeviceInput = {
  /** NewDeviceMetadata.deviceKey from the sign-in. */
  deviceKey: Scalars['String']['input'];
  /** 1–1024 characters, e.g. the user agent. */
  deviceName?: InputMaybe<Scalars['String']['input']>;
  deviceSecretVerifierConfig: DeviceSecretVerifierConfigInput;
};

/** ConfirmDeviceResponse. */
export type ConfirmDeviceResult = {
  __typename?: 'ConfirmDeviceResult';
  /** True when the pool remembers devices only on the user's word: call updateDeviceStatus(remembered). */
  userConfirmationNecessary: Scalars['Boolean']['output'];
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

export type ConfirmSignUpResult = {
  __typename?: 'ConfirmSignUpResult';
  /** For initiateAuth USER_AUTH (input.session): signs the user in once without another code, within the client's auth session validity. */
  session: Maybe<Scalars['String']['output']>;
};

/** Cognito's ContextData: the end user's request as the backend saw it. Its ipAddress is the address admin sign-ins count failures against. */
export type ContextDataInput = {
  encodedData?: InputMaybe<Scalars['String']['input']>;
  httpHeaders: Array<HttpHeaderInput>;
  /** The end user's IPv4 or IPv6 address. */
  ipAddress: Scalars['String']['input'];
  serverName: Scalars['String']['input'];
  serverPath: Scalars['String']['input'];
};

export type CreateAdminApiKeyInput = {
  name: Scalars['String']['input'];
  /** Limit the key to these pools; omit for an unscoped key. */
  poolScope?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type CreateGroupInput = {
  /** At most 2048 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 1–128 characters, no whitespace; unique in the pool (case-sensitive). */
  groupName: Scalars['String']['input'];
  /** 0–2147483647; lower wins. */
  precedence?: InputMaybe<Scalars['Int']['input']>;
  /** An IAM role ARN, stored and returned as given. */
  roleArn?: InputMaybe<Scalars['String']['input']>;
  userPoolId: Scalars['ID']['input'];
};

export type CreateUserImportJobInput = {
  /** Required as in Cognito (an IAM role ARN); kept and returned. */
  cloudWatchLogsRoleArn: Scalars['String']['input'];
  /** 1–128 characters: letters, digits, spaces and + = , . @ - */
  jobName: Scalars['String']['input'];
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

export type CreateUserPoolDomainInput = {
  /** Required for a custom domain. */
  customDomainConfig?: InputMaybe<CustomDomainConfigInput>;
  /** A prefix (lower-case letters, digits, hyphens) or a fully qualified host name. */
  domain: Scalars['String']['input'];
  /** 1 (default) or 2. */
  managedLoginVersion?: InputMaybe<Scalars['Int']['input']>;
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
  /** Policies.SignInPolicy (USER_AUTH first factors); replaced whole when given. */
  signInPolicy?: InputMaybe<SignInPolicyInput>;
  smsAuthenticationMessage?: InputMaybe<Scalars['String']['input']>;
  /** Sign in with email and/or phone as the username; fixed at creation. */
  usernameAttributes?: InputMaybe<Array<UsernameAttribute>>;
  /** Default false: usernames compare case-insensitively. */
  usernameCaseSensitive?: InputMaybe<Scalars['Boolean']['input']>;
  verificationMessageTemplate?: InputMaybe<VerificationMessageTemplateInput>;
};

export type CreateWebhookSubscriptionInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  eventTypes: Array<EventType>;
  /** An http or https URL; each delivery is POSTed to it. */
  url: Scalars['String']['input'];
  userPoolId: Scalars['ID']['input'];
};

export type CreatedAdminApiKey = {
  __typename?: 'CreatedAdminApiKey';
  key: AdminApiKey;
  /** The key itself. Shown only in this response: store it now. */
  secret: Scalars['String']['output'];
};

export type CreatedWebhookSubscription = {
  __typename?: 'CreatedWebhookSubscription';
  /** The Standard Webhooks signing secret, whsec_ + base64: receivers verify deliveries with new Webhook(signingSecret).verify(body, headers). Shown only in this response: store it now. */
  signingSecret: Scalars['String']['output'];
  subscription: WebhookSubscription;
};

export type CustomDomainConfig = {
  __typename?: 'CustomDomainConfig';
  /** Kept and returned; TLS for the domain is the operator's proxy's job. */
  certificateArn: Scalars['String']['output'];
  securityPolicy: Maybe<Scalars['String']['output']>;
};

export type CustomDomainConfigInput = {
  certificateArn: Scalars['String']['input'];
  /** TLS_V1, TLS_V1_2_2021 or TLS_V1_3_2025. */
  securityPolicy?: InputMaybe<Scalars['String']['input']>;
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

/** A user's device (DeviceType). */
export type Device = {
  __typename?: 'Device';
  /** device_status (valid), device_remembered_status, device_name (if given at confirmDevice), last_ip_used (if known). */
  deviceAttributes: Array<Attribute>;
  deviceCreateDate: Scalars['DateTimeISO']['output'];
  /** `<region>_<uuid>`. */
  deviceKey: Scalars['ID']['output'];
  /** The last sign-in in which the device proved itself (DEVICE_PASSWORD_VERIFIER). */
  deviceLastAuthenticatedDate: Maybe<Scalars['DateTimeISO']['output']>;
  deviceLastModifiedDate: Scalars['DateTimeISO']['output'];
};

export type DeviceConfiguration = {
  __typename?: 'DeviceConfiguration';
  challengeRequiredOnNewDevice: Scalars['Boolean']['output'];
  deviceOnlyRememberedOnUserPrompt: Scalars['Boolean']['output'];
};

export type DeviceConfigurationInput = {
  challengeRequiredOnNewDevice: Scalars['Boolean']['input'];
  deviceOnlyRememberedOnUserPrompt: Scalars['Boolean']['input'];
};

/** One page of listDevices / adminListDevices. */
export type DevicePage = {
  __typename?: 'DevicePage';
  /** Confirmed devices, ordered by device key. */
  devices: Array<Device>;
  /** Pass back for the next page; null on the last page. */
  paginationToken: Maybe<Scalars['String']['output']>;
};

/** DeviceRememberedStatusType, spelled as Cognito spells it. */
export type DeviceRememberedStatus =
  | 'not_remembered'
  | 'remembered';

/** DeviceSecretVerifierConfigType: what amazon-cognito-identity-js computes with generateHashDevice. */
export type DeviceSecretVerifierConfigInput = {
  /** base64 of the device's SRP verifier bytes. */
  passwordVerifier: Scalars['String']['input'];
  /** base64 of the device's SRP salt bytes. */
  salt: Scalars['String']['input'];
};

/** One row of the audit log (the outbox): an admin or user change, never a secret. */
export type Event = {
  __typename?: 'Event';
  actor: Scalars['String']['output'];
  /** Where this event sits in the log: pass it as `after` to `events` (older ones) or `userEvents` (newer ones). */
  cursor: Scalars['String']['output'];
  detail: Scalars['JSONObject']['output'];
  occurredAt: Scalars['DateTimeISO']['output'];
  seq: Scalars['Int']['output'];
  type: Scalars['String']['output'];
  userPoolId: Maybe<Scalars['String']['output']>;
};

export type EventOrder =
  | 'NEWEST_FIRST'
  | 'OLDEST_FIRST';

export type EventPage = {
  __typename?: 'EventPage';
  items: Array<Event>;
  nextCursor: Maybe<Scalars['String']['output']>;
};

/** The kinds of event in the audit log (README, "Events"). */
export type EventType =
  | 'ADMIN_API_KEY_CREATED'
  | 'ADMIN_API_KEY_REVOKED'
  | 'APP_CLIENT_CREATED'
  | 'APP_CLIENT_DELETED'
  | 'APP_CLIENT_UPDATED'
  | 'ATTRIBUTE_VERIFIED'
  | 'CHALLENGE_ISSUED'
  | 'CODE_SENT'
  | 'CUSTOM_ATTRIBUTES_ADDED'
  | 'DEVICE_CONFIRMED'
  | 'DEVICE_FORGOTTEN'
  | 'DEVICE_REMEMBERED'
  | 'GROUP_CREATED'
  | 'GROUP_DELETED'
  | 'GROUP_UPDATED'
  | 'MFA_CHALLENGE_FAILED'
  | 'MFA_CHALLENGE_PASSED'
  | 'MFA_DISABLED'
  | 'MFA_ENABLED'
  | 'MFA_PREFERENCE_CHANGED'
  | 'PASSKEY_DELETED'
  | 'PASSKEY_REGISTERED'
  | 'PASSWORD_CHANGED'
  | 'PASSWORD_RESET_REQUESTED'
  | 'RESOURCE_SERVER_CREATED'
  | 'RESOURCE_SERVER_DELETED'
  | 'RESOURCE_SERVER_UPDATED'
  | 'SIGNED_OUT'
  | 'SIGNING_KEYS_ROTATED'
  | 'SIGN_IN_FAILED'
  | 'SIGN_IN_SUCCEEDED'
  | 'SOFTWARE_TOKEN_ASSOCIATED'
  | 'SOFTWARE_TOKEN_VERIFIED'
  | 'TOKENS_REFRESHED'
  | 'TOKEN_REVOKED'
  | 'TRIGGER_SECRET_ROTATED'
  | 'UI_CUSTOMIZATION_SET'
  | 'USER_ADDED_TO_GROUP'
  | 'USER_ATTRIBUTES_CHANGED'
  | 'USER_CONFIRMED'
  | 'USER_CREATED_BY_ADMIN'
  | 'USER_DELETED'
  | 'USER_DISABLED'
  | 'USER_ENABLED'
  | 'USER_IMPORT_FILE_UPLOADED'
  | 'USER_IMPORT_JOB_CREATED'
  | 'USER_IMPORT_JOB_FINISHED'
  | 'USER_IMPORT_JOB_STARTED'
  | 'USER_LOCKED_OUT'
  | 'USER_MIGRATION_SOURCE_DELETED'
  | 'USER_MIGRATION_SOURCE_SET'
  | 'USER_POOL_CREATED'
  | 'USER_POOL_DELETED'
  | 'USER_POOL_DOMAIN_CREATED'
  | 'USER_POOL_DOMAIN_DELETED'
  | 'USER_POOL_DOMAIN_UPDATED'
  | 'USER_POOL_EXPORTED'
  | 'USER_POOL_IMPORTED'
  | 'USER_POOL_UPDATED'
  | 'USER_REMOVED_FROM_GROUP'
  | 'USER_SIGNED_UP'
  | 'WEBHOOK_SUBSCRIPTION_CREATED'
  | 'WEBHOOK_SUBSCRIPTION_DELETED';

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

/** GetTokensFromRefreshToken: new tokens from a refresh token, with or without rotation. */
export type GetTokensFromRefreshTokenInput = {
  clientId: Scalars['ID']['input'];
  /** Passed to PreTokenGeneration (TokenGeneration_RefreshTokens); not stored. */
  clientMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
  /** The app client's secret itself (not a SECRET_HASH), for clients that have one. */
  clientSecret?: InputMaybe<Scalars['String']['input']>;
  /** The device the refresh token was issued to; required once that device is confirmed. */
  deviceKey?: InputMaybe<Scalars['String']['input']>;
  refreshToken: Scalars['String']['input'];
};

/** A user pool group (GroupType). */
export type Group = {
  __typename?: 'Group';
  creationDate: Scalars['DateTimeISO']['output'];
  description: Maybe<Scalars['String']['output']>;
  groupName: Scalars['String']['output'];
  lastModifiedDate: Scalars['DateTimeISO']['output'];
  /** 0–2147483647; when a user is in several groups, the lowest wins (cognito:preferred_role). */
  precedence: Maybe<Scalars['Int']['output']>;
  roleArn: Maybe<Scalars['String']['output']>;
  userPoolId: Scalars['ID']['output'];
};

/** One page of a group's members (ListUsersInGroup), by user id. */
export type GroupMemberPage = {
  __typename?: 'GroupMemberPage';
  items: Array<User>;
  nextCursor: Maybe<Scalars['String']['output']>;
};

export type GroupPage = {
  __typename?: 'GroupPage';
  items: Array<Group>;
  nextCursor: Maybe<Scalars['String']['output']>;
};

export type HttpHeaderInput = {
  headerName?: InputMaybe<Scalars['String']['input']>;
  headerValue?: InputMaybe<Scalars['String']['input']>;
};

export type InitiateAuthInput = {
  authFlow: AuthFlow;
  authParameters: AuthParametersInput;
  clientId: Scalars['ID']['input'];
  /** Passed to triggers; not stored. */
  clientMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
  /** USER_AUTH: the session signUp or confirmSignUp returned; signs the new user in without another code, once. */
  session?: InputMaybe<Scalars['String']['input']>;
};

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
  /** Replaces email delivery of codes; the code arrives sealed with the trigger secret. */
  customEmailSender: Maybe<VersionedTrigger>;
  customMessage: Maybe<Scalars['String']['output']>;
  /** Replaces SMS delivery of codes; the code arrives sealed with the trigger secret. */
  customSmsSender: Maybe<VersionedTrigger>;
  defineAuthChallenge: Maybe<Scalars['String']['output']>;
  postAuthentication: Maybe<Scalars['String']['output']>;
  postConfirmation: Maybe<Scalars['String']['output']>;
  preAuthentication: Maybe<Scalars['String']['output']>;
  preSignUp: Maybe<Scalars['String']['output']>;
  preTokenGeneration: Maybe<Scalars['String']['output']>;
  /** PreTokenGenerationConfig: V1_0 (ID token) or V2_0 (ID and access tokens); wins over preTokenGeneration. */
  preTokenGenerationConfig: Maybe<VersionedTrigger>;
  userMigration: Maybe<Scalars['String']['output']>;
  verifyAuthChallengeResponse: Maybe<Scalars['String']['output']>;
};

export type LambdaConfigInput = {
  createAuthChallenge?: InputMaybe<Scalars['String']['input']>;
  customEmailSender?: InputMaybe<VersionedTriggerInput>;
  customMessage?: InputMaybe<Scalars['String']['input']>;
  customSmsSender?: InputMaybe<VersionedTriggerInput>;
  defineAuthChallenge?: InputMaybe<Scalars['String']['input']>;
  postAuthentication?: InputMaybe<Scalars['String']['input']>;
  postConfirmation?: InputMaybe<Scalars['String']['input']>;
  preAuthentication?: InputMaybe<Scalars['String']['input']>;
  preSignUp?: InputMaybe<Scalars['String']['input']>;
  preTokenGeneration?: InputMaybe<Scalars['String']['input']>;
  preTokenGenerationConfig?: InputMaybe<VersionedTriggerInput>;
  userMigration?: InputMaybe<Scalars['String']['input']>;
  verifyAuthChallengeResponse?: InputMaybe<Scalars['String']['input']>;
};

/** AdminCreateUser's MessageActionType: RESEND re-invites with a new temporary password, SUPPRESS sends nothing. */
export type MessageAction =
  | 'RESEND'
  | 'SUPPRESS';

export type MfaConfiguration =
  | 'OFF'
  | 'ON'
  | 'OPTIONAL';

export type MfaFactor =
  | 'EMAIL_OTP'
  | 'SMS_MFA'
  | 'SOFTWARE_TOKEN_MFA';

/** One factor's part of SetUserMFAPreference (SMSMfaSettingsType and its kin); an absent field keeps its value. */
export type MfaSettingsInput = {
  /** Switch the factor on or off for the user. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Make it the factor sign-in asks for when several are on; at most one may be preferred. */
  preferredMfa?: InputMaybe<Scalars['Boolean']['input']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds 1–25 custom attributes (AddCustomAttributes); they cannot be changed or removed later. */
  addCustomAttributes: UserPool;
  /** Adds a user to a group (AdminAddUserToGroup); a member already in it stays, and the call succeeds. */
  adminAddUserToGroup: Scalars['Boolean']['output'];
  /** Confirms an UNCONFIRMED user without a code (AdminConfirmSignUp). */
  adminConfirmSignUp: Scalars['Boolean']['output'];
  /** Creates a user with a temporary password and sends the invitation (AdminCreateUser). */
  adminCreateUser: User;
  /** Deletes the user (AdminDeleteUser). */
  adminDeleteUser: Scalars['Boolean']['output'];
  /** Removes attributes; required ones and sub cannot be removed (AdminDeleteUserAttributes). */
  adminDeleteUserAttributes: Scalars['Boolean']['output'];
  /** Disables sign-in for the user (AdminDisableUser). */
  adminDisableUser: Scalars['Boolean']['output'];
  /** Re-enables sign-in for the user (AdminEnableUser). */
  adminEnableUser: Scalars['Boolean']['output'];
  /** Forgets a user's device (AdminForgetDevice). */
  adminForgetDevice: Scalars['Boolean']['output'];
  /** Starts a sign-in from a trusted backend (AdminInitiateAuth): also ADMIN_USER_PASSWORD_AUTH. */
  adminInitiateAuth: AuthResult;
  /** Removes a user from a group (AdminRemoveUserFromGroup); succeeds when the user was not a member. */
  adminRemoveUserFromGroup: Scalars['Boolean']['output'];
  /** Marks the user RESET_REQUIRED and sends a password-reset code (AdminResetUserPassword). */
  adminResetUserPassword: Scalars['Boolean']['output'];
  /** Answers a challenge of an admin sign-in (AdminRespondToAuthChallenge). */
  adminRespondToAuthChallenge: AuthResult;
  /** Switches a user's MFA factors on or off and picks the preferred one (AdminSetUserMFAPreference). */
  adminSetUserMfaPreference: Scalars['Boolean']['output'];
  /** Sets the password, permanent (CONFIRMED) or temporary (FORCE_CHANGE_PASSWORD) (AdminSetUserPassword). */
  adminSetUserPassword: Scalars['Boolean']['output'];
  /** Remembers or stops remembering a user's device (AdminUpdateDeviceStatus). */
  adminUpdateDeviceStatus: Scalars['Boolean']['output'];
  /** Writes attributes, verified flags included (AdminUpdateUserAttributes). */
  adminUpdateUserAttributes: Scalars['Boolean']['output'];
  /** Signs a user out of every device (AdminUserGlobalSignOut). */
  adminUserGlobalSignOut: Scalars['Boolean']['output'];
  /** Starts authenticator (TOTP) setup: a new secret, its otpauth URI and QR code (AssociateSoftwareToken). Send an access token, or the sign-in session during MFA_SETUP. */
  associateSoftwareToken: AssociateSoftwareTokenResult;
  /** Changes the signed-in user's password (ChangePassword). */
  changePassword: Scalars['Boolean']['output'];
  /** Stores the passkey the browser created (CompleteWebAuthnRegistration): the RegistrationResponseJSON, binary fields base64url. */
  completeWebAuthnRegistration: Scalars['Boolean']['output'];
  /** Stores a new device's SRP verifier and salt after a sign-in that returned NewDeviceMetadata (ConfirmDevice). */
  confirmDevice: ConfirmDeviceResult;
  /** Sets a new password with the reset code (ConfirmForgotPassword). */
  confirmForgotPassword: Scalars['Boolean']['output'];
  /** Confirms a sign-up with the code that was sent (ConfirmSignUp); its session signs the user in with initiateAuth USER_AUTH. */
  confirmSignUp: ConfirmSignUpResult;
  /** Creates an admin API key, optionally scoped to pools. Needs an unscoped key. */
  createAdminApiKey: CreatedAdminApiKey;
  /** Creates a group (CreateGroup); at most MAX_GROUPS_PER_POOL a pool. */
  createGroup: Group;
  /** Creates a resource server with its custom scopes (CreateResourceServer); at most 25 per pool. */
  createResourceServer: ResourceServer;
  /** Creates an import job and its pre-signed upload URL (CreateUserImportJob); at most 1,000 per pool. */
  createUserImportJob: UserImportJob;
  /** Creates a user pool (CreateUserPool). Needs an unscoped admin key. */
  createUserPool: UserPool;
  /** Creates an app client (CreateUserPoolClient), optionally with a generated secret. */
  createUserPoolClient: UserPoolClient;
  /** Gives the pool a prefix or custom domain (CreateUserPoolDomain); one of each per pool. */
  createUserPoolDomain: UserPoolDomain;
  /** Subscribes an endpoint to a pool's events. Deliveries are signed, retried with backoff and recorded. */
  createWebhookSubscription: CreatedWebhookSubscription;
  /** Deletes a group and its memberships (DeleteGroup); the users stay. */
  deleteGroup: Scalars['Boolean']['output'];
  /** Deletes a resource server (DeleteResourceServer); clients holding its scopes keep them, inactive. */
  deleteResourceServer: Scalars['Boolean']['output'];
  /** Deletes the signed-in user (DeleteUser). */
  deleteUser: Scalars['Boolean']['output'];
  /** Removes the signed-in user's attributes (DeleteUserAttributes). */
  deleteUserAttributes: Scalars['Boolean']['output'];
  /** Removes the pool's migration source (true when there was one); migrated users stay. */
  deleteUserMigrationSource: Scalars['Boolean']['output'];
  /** Deletes a pool and everything in it (DeleteUserPool); refused while deletion protection is ACTIVE. */
  deleteUserPool: Scalars['Boolean']['output'];
  /** Deletes an app client and its refresh tokens (DeleteUserPoolClient). */
  deleteUserPoolClient: Scalars['Boolean']['output'];
  /** Removes a pool's domain (DeleteUserPoolDomain); its pages stop answering on it at once. */
  deleteUserPoolDomain: Scalars['Boolean']['output'];
  /** Deletes one of the signed-in user's passkeys (DeleteWebAuthnCredential). */
  deleteWebAuthnCredential: Scalars['Boolean']['output'];
  /** Deletes a webhook subscription and its delivery records; pending deliveries are dropped. */
  deleteWebhookSubscription: WebhookSubscription;
  /** Forgets one of the signed-in user's devices: it no longer signs in nor skips MFA (ForgetDevice). */
  forgetDevice: Scalars['Boolean']['output'];
  /** Sends a password-reset code to a verified email or phone (ForgotPassword). */
  forgotPassword: CodeDeliveryDetails;
  /** New tokens from a refresh token (GetTokensFromRefreshToken). With rotation on, also a new refresh token and the presented one is used up; without it, refreshToken is null and the old one stays valid. */
  getTokensFromRefreshToken: AuthenticationResult;
  /** Sends a code to verify email or phone_number (GetUserAttributeVerificationCode). */
  getUserAttributeVerificationCode: CodeDeliveryDetails;
  /** Revokes all of the signed-in user's refresh tokens and, on this API, their access tokens (GlobalSignOut). */
  globalSignOut: Scalars['Boolean']['output'];
  /** Starts a sign-in (InitiateAuth): USER_SRP_AUTH, USER_PASSWORD_AUTH, REFRESH_TOKEN_AUTH, CUSTOM_AUTH or USER_AUTH (choice-based: passwords, one-time codes, passkeys). */
  initiateAuth: AuthResult;
  /** Sends a new sign-up code; the previous one stops working (ResendConfirmationCode). */
  resendConfirmationCode: CodeDeliveryDetails;
  /** Answers the current challenge (RespondToAuthChallenge). */
  respondToAuthChallenge: AuthResult;
  /** Revokes an admin API key at once. The last unscoped key cannot be revoked. */
  revokeAdminApiKey: AdminApiKey;
  /** Revokes one refresh token and the access tokens issued from it (RevokeToken); no bearer needed. */
  revokeToken: Scalars['Boolean']['output'];
  /** Starts signing the pool's ID and access tokens with new keys. The old public keys stay in the pool's JWKS until every token they signed has expired (one day), so issued tokens keep verifying. */
  rotateSigningKeys: Scalars['Boolean']['output'];
  /** Generates the key the pool's trigger requests are signed with, replacing the previous one at once. Triggers fail with UnexpectedLambdaException until a pool has one. */
  rotateTriggerSecret: TriggerSecret;
  /** Replaces the branding of one client, or of the pool with clientId ALL or none (SetUICustomization). */
  setUICustomization: UiCustomization;
  /** Switches the signed-in user's MFA factors on or off and picks the preferred one (SetUserMFAPreference). */
  setUserMfaPreference: Scalars['Boolean']['output'];
  /** Sets the pool's built-in migration source: unknown users who sign in with a password (or, with admin credentials, ask for a reset) are looked up in the old Cognito pool and copied in. Asked only when the pool has no UserMigration trigger. */
  setUserMigrationSource: UserMigrationSource;
  /** Changes the pool's MFA settings (SetUserPoolMfaConfig); unnamed ones keep their values. */
  setUserPoolMfaConfig: UserPoolMfaConfig;
  /** Registers a user (SignUp). */
  signUp: SignUpResult;
  /** Starts a job whose CSV was uploaded (StartUserImportJob); one job runs at a time per pool. */
  startUserImportJob: UserImportJob;
  /** Starts registering a passkey (StartWebAuthnRegistration): PublicKeyCredentialCreationOptions as JSON (binary fields base64url), for navigator.credentials.create. */
  startWebAuthnRegistration: Scalars['JSONObject']['output'];
  /** Stops a Pending or InProgress job after the batch in flight (StopUserImportJob); imported users stay. */
  stopUserImportJob: UserImportJob;
  /** Remembers or stops remembering one of the signed-in user's devices (UpdateDeviceStatus). */
  updateDeviceStatus: Scalars['Boolean']['output'];
  /** Changes a group (UpdateGroup): omitted fields keep their values, null clears them. */
  updateGroup: Group;
  /** Replaces a resource server's name and scopes (UpdateResourceServer). Clients keep removed scopes, inactive. */
  updateResourceServer: ResourceServer;
  /** Writes the signed-in user's attributes; email/phone changes send a code (UpdateUserAttributes). */
  updateUserAttributes: UpdateUserAttributesResult;
  /** Changes a pool's settings (UpdateUserPool); unnamed settings keep their values. */
  updateUserPool: UserPool;
  /** Changes an app client (UpdateUserPoolClient); unnamed settings keep their values. */
  updateUserPoolClient: UserPoolClient;
  /** Changes a domain's managedLoginVersion or certificate (UpdateUserPoolDomain); settings left out keep their values. */
  updateUserPoolDomain: UserPoolDomain;
  /** Proves the associated authenticator with a code from it and puts it in force (VerifySoftwareToken). */
  verifySoftwareToken: VerifySoftwareTokenResult;
  /** Verifies email or phone_number with the code (VerifyUserAttribute). */
  verifyUserAttribute: Scalars['Boolean']['output'];
};


export type MutationAddCustomAttributesArgs = {
  customAttributes: Array<SchemaAttributeInput>;
  userPoolId: Scalars['ID']['input'];
};


export type MutationAdminAddUserToGroupArgs = {
  groupName: Scalars['String']['input'];
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
};


export type MutationAdminConfirmSignUpArgs = {
  clientMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
};


export type MutationAdminCreateUserArgs = {
  input: AdminCreateUserInput;
};


export type MutationAdminDeleteUserArgs = {
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
};


export type MutationAdminDeleteUserAttributesArgs = {
  input: AdminDeleteUserAttributesInput;
};


export type MutationAdminDisableUserArgs = {
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
};


export type MutationAdminEnableUserArgs = {
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
};


export type MutationAdminForgetDeviceArgs = {
  deviceKey: Scalars['String']['input'];
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
};


export type MutationAdminInitiateAuthArgs = {
  input: AdminInitiateAuthInput;
};


export type MutationAdminRemoveUserFromGroupArgs = {
  groupName: Scalars['String']['input'];
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
};


export type MutationAdminResetUserPasswordArgs = {
  clientMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
};


export type MutationAdminRespondToAuthChallengeArgs = {
  input: AdminRespondToAuthChallengeInput;
};


export type MutationAdminSetUserMfaPreferenceArgs = {
  input: AdminSetUserMfaPreferenceInput;
};


export type MutationAdminSetUserPasswordArgs = {
  input: AdminSetUserPasswordInput;
};


export type MutationAdminUpdateDeviceStatusArgs = {
  deviceKey: Scalars['String']['input'];
  deviceRememberedStatus: DeviceRememberedStatus;
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
};


export type MutationAdminUpdateUserAttributesArgs = {
  input: AdminUpdateUserAttributesInput;
};


export type MutationAdminUserGlobalSignOutArgs = {
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
};


export type MutationAssociateSoftwareTokenArgs = {
  session?: InputMaybe<Scalars['String']['input']>;
};


export type MutationChangePasswordArgs = {
  previousPassword: Scalars['String']['input'];
  proposedPassword: Scalars['String']['input'];
};


export type MutationCompleteWebAuthnRegistrationArgs = {
  credential: Scalars['JSONObject']['input'];
};


export type MutationConfirmDeviceArgs = {
  input: ConfirmDeviceInput;
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


export type MutationCreateGroupArgs = {
  input: CreateGroupInput;
};


export type MutationCreateResourceServerArgs = {
  input: ResourceServerInput;
  userPoolId: Scalars['ID']['input'];
};


export type MutationCreateUserImportJobArgs = {
  input: CreateUserImportJobInput;
  userPoolId: Scalars['ID']['input'];
};


export type MutationCreateUserPoolArgs = {
  input: CreateUserPoolInput;
};


export type MutationCreateUserPoolClientArgs = {
  input: CreateUserPoolClientInput;
  userPoolId: Scalars['ID']['input'];
};


export type MutationCreateUserPoolDomainArgs = {
  input: CreateUserPoolDomainInput;
  userPoolId: Scalars['ID']['input'];
};


export type MutationCreateWebhookSubscriptionArgs = {
  input: CreateWebhookSubscriptionInput;
};


export type MutationDeleteGroupArgs = {
  groupName: Scalars['String']['input'];
  userPoolId: Scalars['ID']['input'];
};


export type MutationDeleteResourceServerArgs = {
  identifier: Scalars['String']['input'];
  userPoolId: Scalars['ID']['input'];
};


export type MutationDeleteUserAttributesArgs = {
  userAttributeNames: Array<Scalars['String']['input']>;
};


export type MutationDeleteUserMigrationSourceArgs = {
  userPoolId: Scalars['ID']['input'];
};


export type MutationDeleteUserPoolArgs = {
  userPoolId: Scalars['ID']['input'];
};


export type MutationDeleteUserPoolClientArgs = {
  clientId: Scalars['ID']['input'];
  userPoolId: Scalars['ID']['input'];
};


export type MutationDeleteUserPoolDomainArgs = {
  domain: Scalars['String']['input'];
  userPoolId: Scalars['ID']['input'];
};


export type MutationDeleteWebAuthnCredentialArgs = {
  credentialId: Scalars['String']['input'];
};


export type MutationDeleteWebhookSubscriptionArgs = {
  subscriptionId: Scalars['ID']['input'];
  userPoolId: Scalars['ID']['input'];
};


export type MutationForgetDeviceArgs = {
  deviceKey: Scalars['String']['input'];
};


export type MutationForgotPasswordArgs = {
  input: UsernameRequestInput;
};


export type MutationGetTokensFromRefreshTokenArgs = {
  input: GetTokensFromRefreshTokenInput;
};


export type MutationGetUserAttributeVerificationCodeArgs = {
  attributeName: Scalars['String']['input'];
  clientMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
};


export type MutationInitiateAuthArgs = {
  input: InitiateAuthInput;
};


export type MutationResendConfirmationCodeArgs = {
  input: UsernameRequestInput;
};


export type MutationRespondToAuthChallengeArgs = {
  input: RespondToAuthChallengeInput;
};


export type MutationRevokeAdminApiKeyArgs = {
  keyId: Scalars['ID']['input'];
};


export type MutationRevokeTokenArgs = {
  input: RevokeTokenInput;
};


export type MutationRotateSigningKeysArgs = {
  userPoolId: Scalars['ID']['input'];
};


export type MutationRotateTriggerSecretArgs = {
  userPoolId: Scalars['ID']['input'];
};


export type MutationSetUiCustomizationArgs = {
  clientId?: InputMaybe<Scalars['ID']['input']>;
  input: SetUiCustomizationInput;
  userPoolId: Scalars['ID']['input'];
};


export type MutationSetUserMfaPreferenceArgs = {
  input: SetUserMfaPreferenceInput;
};


export type MutationSetUserMigrationSourceArgs = {
  input: SetUserMigrationSourceInput;
  userPoolId: Scalars['ID']['input'];
};


export type MutationSetUserPoolMfaConfigArgs = {
  input: SetUserPoolMfaConfigInput;
  userPoolId: Scalars['ID']['input'];
};


export type MutationSignUpArgs = {
  input: SignUpInput;
};


export type MutationStartUserImportJobArgs = {
  jobId: Scalars['ID']['input'];
  userPoolId: Scalars['ID']['input'];
};


export type MutationStopUserImportJobArgs = {
  jobId: Scalars['ID']['input'];
  userPoolId: Scalars['ID']['input'];
};


export type MutationUpdateDeviceStatusArgs = {
  deviceKey: Scalars['String']['input'];
  deviceRememberedStatus: DeviceRememberedStatus;
};


export type MutationUpdateGroupArgs = {
  input: UpdateGroupInput;
};


export type MutationUpdateResourceServerArgs = {
  input: ResourceServerInput;
  userPoolId: Scalars['ID']['input'];
};


export type MutationUpdateUserAttributesArgs = {
  input: UpdateUserAttributesInput;
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


export type MutationUpdateUserPoolDomainArgs = {
  input: UpdateUserPoolDomainInput;
  userPoolId: Scalars['ID']['input'];
};


export type MutationVerifySoftwareTokenArgs = {
  friendlyDeviceName?: InputMaybe<Scalars['String']['input']>;
  session?: InputMaybe<Scalars['String']['input']>;
  userCode: Scalars['String']['input'];
};


export type MutationVerifyUserAttributeArgs = {
  attributeName: Scalars['String']['input'];
  code: Scalars['String']['input'];
};

export type NewDeviceMetadata = {
  __typename?: 'NewDeviceMetadata';
  deviceGroupKey: Scalars['String']['output'];
  deviceKey: Scalars['String']['output'];
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
  /** One device of a user (AdminGetDevice). */
  adminGetDevice: Device;
  /** One user with every attribute (AdminGetUser); username may be any sign-in identifier. */
  adminGetUser: User;
  /** A user's USER_AUTH factors and MFA settings (AdminGetUserAuthFactors). */
  adminGetUserAuthFactors: UserAuthFactors;
  /** A user's devices (AdminListDevices). Limit 0–60 (0 or absent = 60). */
  adminListDevices: DevicePage;
  /** The groups a user belongs to, by name, 1–60 a page (AdminListGroupsForUser). */
  adminListGroupsForUser: GroupPage;
  /** The CSV header for the pool's import jobs (GetCSVHeader): its schema attributes, cognito:mfa_enabled, cognito:username, custom attributes last. */
  csvHeader: Array<Scalars['String']['output']>;
  /** The audit log, newest first (or oldest first): one pool's, or every pool the key may see; filtered by type, user and time. */
  events: EventPage;
  /** One of the signed-in user's devices (GetDevice). */
  getDevice: Device;
  /** The signed-in user (GetUser). */
  getUser: UserProfile;
  /** The signed-in user's USER_AUTH factors and MFA settings (GetUserAuthFactors). */
  getUserAuthFactors: UserAuthFactors;
  /** The pool's MFA settings (GetUserPoolMfaConfig). */
  getUserPoolMfaConfig: UserPoolMfaConfig;
  /** One group (GetGroup). */
  group: Group;
  /** The pool's groups by name, 1–60 a page (ListGroups). */
  groups: GroupPage;
  /** The signed-in user's devices (ListDevices). Limit 0–60 (0 or absent = 60). */
  listDevices: DevicePage;
  /** Users of a pool, optionally filtered (ListUsers): `attribute = "value"` or `attribute ^= "value"` on username, email, phone_number, name, given_name, family_name, preferred_username, sub, cognito:user_status, status, or a custom attribute declared searchable. Limit 0–60 (0 or absent = 60). */
  listUsers: UserPage;
  /** A group's members by user id, 1–60 a page (ListUsersInGroup). */
  listUsersInGroup: GroupMemberPage;
  /** The signed-in user's passkeys (ListWebAuthnCredentials). maxResults 0–20 (0 or absent = 20). */
  listWebAuthnCredentials: WebAuthnCredentialPage;
  /** One resource server (DescribeResourceServer). */
  resourceServer: ResourceServer;
  /** A pool's resource servers by identifier, 1–50 a page (ListResourceServers). */
  resourceServers: ResourceServerPage;
  /** The outbox of codes and invitations sent for a pool, oldest first (admins only). */
  sentMessages: SentMessagePage;
  /** The client's branding, else the pool's (ALL), else null (GetUICustomization). */
  uiCustomization: Maybe<UiCustomization>;
  /** One import job with its counters and first row errors (DescribeUserImportJob). */
  userImportJob: UserImportJob;
  /** A pool's import jobs, newest first, 1–60 a page (ListUserImportJobs). */
  userImportJobs: UserImportJobPage;
  /** Migrated so far and what remains at the source (its EstimatedNumberOfUsers minus the migrated; needs admin credentials). */
  userMigrationProgress: UserMigrationProgress;
  /** The pool's migration source without its secrets; null when it has none. */
  userMigrationSource: Maybe<UserMigrationSource>;
  /** One user pool (DescribeUserPool). */
  userPool: UserPool;
  /** One app client (DescribeUserPoolClient). */
  userPoolClient: UserPoolClient;
  /** A pool's app clients, 1–60 a page (ListUserPoolClients). */
  userPoolClients: UserPoolClientPage;
  /** A domain by name (DescribeUserPoolDomain); null when no pool you can see has it. */
  userPoolDomain: Maybe<UserPoolDomain>;
  /** User pools the key may see, 1–60 a page (ListUserPools). */
  userPools: UserPoolPage;
  /** Delivery records of a pool's webhooks, newest first. */
  webhookDeliveries: WebhookDeliveryPage;
  webhookSubscriptions: Array<WebhookSubscription>;
};


export type QueryAdminApiKeysArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAdminGetDeviceArgs = {
  deviceKey: Scalars['String']['input'];
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
};


export type QueryAdminGetUserArgs = {
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
};


export type QueryAdminGetUserAuthFactorsArgs = {
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
};


export type QueryAdminListDevicesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  paginationToken?: InputMaybe<Scalars['String']['input']>;
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
};


export type QueryAdminListGroupsForUserArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
};


export type QueryCsvHeaderArgs = {
  userPoolId: Scalars['ID']['input'];
};


export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTimeISO']['input']>;
  order?: InputMaybe<EventOrder>;
  to?: InputMaybe<Scalars['DateTimeISO']['input']>;
  types?: InputMaybe<Array<EventType>>;
  userPoolId?: InputMaybe<Scalars['ID']['input']>;
  userSub?: InputMaybe<Scalars['String']['input']>;
};


export type QueryGetDeviceArgs = {
  deviceKey: Scalars['String']['input'];
};


export type QueryGetUserPoolMfaConfigArgs = {
  userPoolId: Scalars['ID']['input'];
};


export type QueryGroupArgs = {
  groupName: Scalars['String']['input'];
  userPoolId: Scalars['ID']['input'];
};


export type QueryGroupsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  userPoolId: Scalars['ID']['input'];
};


export type QueryListDevicesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  paginationToken?: InputMaybe<Scalars['String']['input']>;
};


export type QueryListUsersArgs = {
  attributesToGet?: InputMaybe<Array<Scalars['String']['input']>>;
  filter?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  paginationToken?: InputMaybe<Scalars['String']['input']>;
  userPoolId: Scalars['ID']['input'];
};


export type QueryListUsersInGroupArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  groupName: Scalars['String']['input'];
  userPoolId: Scalars['ID']['input'];
};


export type QueryListWebAuthnCredentialsArgs = {
  maxResults?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
};


export type QueryResourceServerArgs = {
  identifier: Scalars['String']['input'];
  userPoolId: Scalars['ID']['input'];
};


export type QueryResourceServersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  userPoolId: Scalars['ID']['input'];
};


export type QuerySentMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  destination?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  userPoolId: Scalars['ID']['input'];
  userSub?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryUiCustomizationArgs = {
  clientId?: InputMaybe<Scalars['ID']['input']>;
  userPoolId: Scalars['ID']['input'];
};


export type QueryUserImportJobArgs = {
  jobId: Scalars['ID']['input'];
  userPoolId: Scalars['ID']['input'];
};


export type QueryUserImportJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  userPoolId: Scalars['ID']['input'];
};


export type QueryUserMigrationProgressArgs = {
  userPoolId: Scalars['ID']['input'];
};


export type QueryUserMigrationSourceArgs = {
  userPoolId: Scalars['ID']['input'];
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


export type QueryUserPoolDomainArgs = {
  domain: Scalars['String']['input'];
};


export type QueryUserPoolsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryWebhookDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<WebhookDeliveryStatus>;
  subscriptionId?: InputMaybe<Scalars['ID']['input']>;
  userPoolId: Scalars['ID']['input'];
};


export type QueryWebhookSubscriptionsArgs = {
  userPoolId: Scalars['ID']['input'];
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

/** An API the pool issues scoped access tokens for (Cognito's ResourceServerType). */
export type ResourceServer = {
  __typename?: 'ResourceServer';
  creationDate: Scalars['DateTimeISO']['output'];
  /** Unique in the pool; often the API's URL. */
  identifier: Scalars['String']['output'];
  lastModifiedDate: Scalars['DateTimeISO']['output'];
  name: Scalars['String']['output'];
  scopes: Array<ResourceServerScope>;
  userPoolId: Scalars['ID']['output'];
};

/** Create and update take the whole server: scopes left out are removed (UpdateResourceServer is a full replace). */
export type ResourceServerInput = {
  identifier: Scalars['String']['input'];
  name: Scalars['String']['input'];
  /** At most 100. */
  scopes?: InputMaybe<Array<ResourceServerScopeInput>>;
};

export type ResourceServerPage = {
  __typename?: 'ResourceServerPage';
  items: Array<ResourceServer>;
  nextCursor: Maybe<Scalars['String']['output']>;
};

/** A custom scope; its full scope string is <identifier>/<scopeName>. */
export type ResourceServerScope = {
  __typename?: 'ResourceServerScope';
  scopeDescription: Scalars['String']['output'];
  scopeName: Scalars['String']['output'];
};

export type ResourceServerScopeInput = {
  /** 1–256 characters. */
  scopeDescription: Scalars['String']['input'];
  /** 1–256 characters, no space, quote, backslash or slash. */
  scopeName: Scalars['String']['input'];
};

export type RespondToAuthChallengeInput = {
  challengeName: ChallengeName;
  challengeResponses: ChallengeResponsesInput;
  clientId: Scalars['ID']['input'];
  clientMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
  /** The session from the previous step, unchanged. */
  session: Scalars['String']['input'];
};

export type RevokeTokenInput = {
  clientId: Scalars['ID']['input'];
  /** Required when the app client has a secret. */
  clientSecret?: InputMaybe<Scalars['String']['input']>;
  /** The refresh token to revoke, with every access token of its sign-in. */
  token: Scalars['String']['input'];
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
  /** Whether listUsers can filter on it: the standard searchable attributes, and custom ones declared searchable. */
  searchable: Scalars['Boolean']['output'];
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
  /** Beyond Cognito: lets listUsers filter on this custom attribute (indexed). Fixed for standard attributes. */
  searchable?: InputMaybe<Scalars['Boolean']['input']>;
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

/** Replaces the whole customization: a field left out is removed. */
export type SetUiCustomizationInput = {
  /** At most 3 KB; only Cognito's *-customizable classes, plain declarations, nothing loaded. */
  css?: InputMaybe<Scalars['String']['input']>;
  /** Base64 of a PNG or JPEG logo, at most 100 KB. */
  imageBase64?: InputMaybe<Scalars['String']['input']>;
};

export type SetUserMfaPreferenceInput = {
  /** EMAIL_OTP; turning it on needs an email. */
  emailMfaSettings?: InputMaybe<MfaSettingsInput>;
  /** SMS_MFA; turning it on needs a phone_number. */
  smsMfaSettings?: InputMaybe<MfaSettingsInput>;
  /** SOFTWARE_TOKEN_MFA; turning it on needs a verified authenticator. */
  softwareTokenMfaSettings?: InputMaybe<MfaSettingsInput>;
};

/** Where the old Cognito user pool answers and how to ask it (README "Moving from Cognito"). */
export type SetUserMigrationSourceInput = {
  /** With them: AdminInitiateAuth + AdminGetUser (users with MFA, ForgotPassword, progress). */
  adminCredentials?: InputMaybe<SourceAdminCredentialsInput>;
  /** An app client of the old pool allowing USER_PASSWORD_AUTH (ADMIN_USER_PASSWORD_AUTH with admin credentials). */
  clientId: Scalars['String']['input'];
  /** That client's secret (SECRET_HASH is computed from it); sealed with SECRETS_KEY, never shown again. */
  clientSecret?: InputMaybe<Scalars['String']['input']>;
  /** The source's Cognito endpoint, e.g. https://cognito-idp.eu-west-1.amazonaws.com/ */
  endpoint: Scalars['String']['input'];
  /** The region the admin calls are signed for. */
  region: Scalars['String']['input'];
  /** The old pool's id. */
  sourceUserPoolId: Scalars['ID']['input'];
  /** A custom attribute of this pool (custom:…) that keeps the user's sub at the source; migrated users get a new sub. */
  subAttribute?: InputMaybe<Scalars['String']['input']>;
  /** How long one call to the source may take, in ms (default 5000, at most 30000). */
  timeoutMs?: InputMaybe<Scalars['Int']['input']>;
};

/** SetUserPoolMfaConfig: named settings change, the others keep their values. */
export type SetUserPoolMfaConfigInput = {
  /** 6–20000 characters with {####}. */
  emailMfaMessage?: InputMaybe<Scalars['String']['input']>;
  /** 1–140 characters. */
  emailMfaSubject?: InputMaybe<Scalars['String']['input']>;
  enabledMfas?: InputMaybe<Array<MfaFactor>>;
  /** ON and OPTIONAL need at least one factor in enabledMfas. */
  mfaConfiguration?: InputMaybe<MfaConfiguration>;
  /** 6–140 characters with {####}. */
  smsAuthenticationMessage?: InputMaybe<Scalars['String']['input']>;
  /** Passkey settings (WebAuthnConfiguration), replaced whole; omitted: kept. */
  webAuthnConfiguration?: InputMaybe<WebAuthnConfigurationInput>;
};

/** Cognito's SignInPolicy: the first factors USER_AUTH may offer. */
export type SignInPolicy = {
  __typename?: 'SignInPolicy';
  allowedFirstAuthFactors: Array<AuthFactorType>;
};

/** Cognito's SignInPolicy: the first factors USER_AUTH may offer. PASSWORD must be among them; SOFTWARE_TOKEN is refused. */
export type SignInPolicyInput = {
  allowedFirstAuthFactors: Array<AuthFactorType>;
};

export type SignUpInput = {
  clientId: Scalars['ID']['input'];
  /** Passed to triggers; not stored. */
  clientMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Omit (or leave empty) for a passwordless user, where the pool's signInPolicy allows EMAIL_OTP, SMS_OTP or WEB_AUTHN. */
  password?: InputMaybe<Scalars['String']['input']>;
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
  /** For initiateAuth USER_AUTH (input.session) once the user is confirmed: an auto-confirmed user signs in with it at once. */
  session: Maybe<Scalars['String']['output']>;
  userConfirmed: Scalars['Boolean']['output'];
  userSub: Scalars['ID']['output'];
};

/** IAM credentials of the source pool's account (an admin key of a gateway standing in for it): AdminInitiateAuth, AdminGetUser, DescribeUserPool. */
export type SourceAdminCredentialsInput = {
  accessKeyId: Scalars['String']['input'];
  /** Sealed with SECRETS_KEY; never shown again. */
  secretAccessKey: Scalars['String']['input'];
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

export type Subscription = {
  __typename?: 'Subscription';
  /** A pool's events as they commit, over graphql-ws with an admin key in connectionParams.authorization. With `after` (an event's cursor), stored events after it are replayed first, with no gap and no duplicate at the seam. In order per pool, at least once. */
  userEvents: Event;
};


export type SubscriptionUserEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  types?: InputMaybe<Array<EventType>>;
  userPoolId: Scalars['ID']['input'];
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

/** A pool's trigger signing secret, shown only in the answer that created it. */
export type TriggerSecret = {
  __typename?: 'TriggerSecret';
  createdAt: Scalars['DateTimeISO']['output'];
  /** HMAC-SHA-256 key: X-Gateway-Signature = hex HMAC(secret, `${X-Gateway-Timestamp}.${body}`). */
  secret: Scalars['String']['output'];
};

/** Branding of the sign-in pages (Cognito's UICustomizationType). */
export type UiCustomization = {
  __typename?: 'UICustomization';
  /** The app client, or ALL for the pool's default. */
  clientId: Scalars['ID']['output'];
  creationDate: Scalars['DateTimeISO']['output'];
  css: Maybe<Scalars['String']['output']>;
  cssVersion: Scalars['String']['output'];
  /** Where the logo is served; changes with every setUICustomization. */
  imageUrl: Maybe<Scalars['String']['output']>;
  lastModifiedDate: Scalars['DateTimeISO']['output'];
  userPoolId: Scalars['ID']['output'];
};

/** UpdateGroup: an omitted field keeps its value; an explicit null clears it. */
export type UpdateGroupInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  groupName: Scalars['String']['input'];
  precedence?: InputMaybe<Scalars['Int']['input']>;
  roleArn?: InputMaybe<Scalars['String']['input']>;
  userPoolId: Scalars['ID']['input'];
};

export type UpdateUserAttributesInput = {
  /** Passed to triggers; not stored. */
  clientMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Attributes to write; an empty value removes the attribute. */
  userAttributes: Array<AttributeInput>;
};

export type UpdateUserAttributesResult = {
  __typename?: 'UpdateUserAttributesResult';
  /** Where verification codes went for a changed email or phone number. */
  codeDeliveryDetailsList: Array<CodeDeliveryDetails>;
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

/** The domain itself cannot change: delete it and create another. */
export type UpdateUserPoolDomainInput = {
  customDomainConfig?: InputMaybe<CustomDomainConfigInput>;
  domain: Scalars['String']['input'];
  managedLoginVersion?: InputMaybe<Scalars['Int']['input']>;
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
  /** Policies.SignInPolicy (USER_AUTH first factors); replaced whole when given. */
  signInPolicy?: InputMaybe<SignInPolicyInput>;
  smsAuthenticationMessage?: InputMaybe<Scalars['String']['input']>;
  verificationMessageTemplate?: InputMaybe<VerificationMessageTemplateInput>;
};

/** A user as admins see it (AdminGetUser, AdminCreateUser, ListUsers). */
export type User = {
  __typename?: 'User';
  /** Every attribute of the user, `sub` first. */
  attributes: Array<Attribute>;
  enabled: Scalars['Boolean']['output'];
  /** PreferredMfaSetting. Reported by adminGetUser only; null from the listing operations (Cognito's UserType has no MFA fields). */
  preferredMfaSetting: Maybe<MfaFactor>;
  userCreateDate: Scalars['DateTimeISO']['output'];
  userLastModifiedDate: Scalars['DateTimeISO']['output'];
  /** UserMFASettingList: the factors switched on. Reported by adminGetUser only; null from the listing operations. */
  userMfaSettingList: Maybe<Array<MfaFactor>>;
  userStatus: UserStatus;
  /** The `sub`. */
  userSub: Scalars['ID']['output'];
  /** The immutable username (a UUID in email/phone-as-username pools). */
  username: Scalars['String']['output'];
};

export type UserAttributeUpdateSettings = {
  __typename?: 'UserAttributeUpdateSettings';
  attributesRequireVerificationBeforeUpdate: Array<VerifiableAttribute>;
};

/** GetUserAuthFactors: the user's MFA settings and the first factors USER_AUTH would offer them now. */
export type UserAuthFactors = {
  __typename?: 'UserAuthFactors';
  /** ConfiguredUserAuthFactors: PASSWORD, EMAIL_OTP, SMS_OTP, WEB_AUTHN. */
  configuredUserAuthFactors: Array<Scalars['String']['output']>;
  preferredMfaSetting: Maybe<Scalars['String']['output']>;
  userMfaSettingList: Array<Scalars['String']['output']>;
  username: Scalars['String']['output'];
};

/** A CSV user import job (CreateUserImportJob). */
export type UserImportJob = {
  __typename?: 'UserImportJob';
  /** Kept as given; nothing is sent to CloudWatch (see rowErrors). */
  cloudWatchLogsRoleArn: Scalars['String']['output'];
  completionDate: Maybe<Scalars['DateTimeISO']['output']>;
  completionMessage: Maybe<Scalars['String']['output']>;
  creationDate: Scalars['DateTimeISO']['output'];
  failedUsers: Scalars['Int']['output'];
  importedUsers: Scalars['Int']['output'];
  jobId: Scalars['ID']['output'];
  jobName: Scalars['String']['output'];
  /** PUT the CSV here (curl --upload-file users.csv '<url>'): valid 15 minutes, for one upload. */
  preSignedUrl: Scalars['String']['output'];
  /** The first 100 skipped or failed rows, in file order. */
  rowErrors: Array<UserImportRowError>;
  /** Rows whose outcome is committed: the progress, and where a restarted gateway resumes. */
  rowsDone: Scalars['Int']['output'];
  skippedUsers: Scalars['Int']['output'];
  startDate: Maybe<Scalars['DateTimeISO']['output']>;
  status: UserImportJobStatus;
  /** Users (rows after the header) in the uploaded file; null before the upload. */
  totalUsers: Maybe<Scalars['Int']['output']>;
  userPoolId: Scalars['ID']['output'];
};

export type UserImportJobPage = {
  __typename?: 'UserImportJobPage';
  items: Array<UserImportJob>;
  nextCursor: Maybe<Scalars['String']['output']>;
};

/** Cognito's UserImportJobStatusType, spelled as Cognito spells it. */
export type UserImportJobStatus =
  | 'Created'
  | 'Expired'
  | 'Failed'
  | 'InProgress'
  | 'Pending'
  | 'Stopped'
  | 'Stopping'
  | 'Succeeded';

/** A line of the job's log, as Cognito writes it to CloudWatch: never the row's data. */
export type UserImportRowError = {
  __typename?: 'UserImportRowError';
  /** The CSV line the row starts on (the header is line 1). */
  lineNumber: Scalars['Int']['output'];
  message: Scalars['String']['output'];
  outcome: UserImportRowOutcome;
};

export type UserImportRowOutcome =
  | 'FAILED'
  | 'SKIPPED';

/** How far the migration from the source pool has come. */
export type UserMigrationProgress = {
  __typename?: 'UserMigrationProgress';
  lastMigratedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Users created here from the source so far. */
  migrated: Scalars['Int']['output'];
  /** sourceEstimatedUsers minus migrated (never below 0); null without admin credentials or when the source did not answer. */
  remaining: Maybe<Scalars['Int']['output']>;
  /** The source pool's EstimatedNumberOfUsers (DescribeUserPool), read now. */
  sourceEstimatedUsers: Maybe<Scalars['Int']['output']>;
  userPoolId: Scalars['ID']['output'];
};

/** A pool's built-in user-migration source, without its secrets. */
export type UserMigrationSource = {
  __typename?: 'UserMigrationSource';
  /** Set when admin credentials are configured. */
  accessKeyId: Maybe<Scalars['String']['output']>;
  clientId: Scalars['String']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  endpoint: Scalars['String']['output'];
  hasClientSecret: Scalars['Boolean']['output'];
  region: Scalars['String']['output'];
  sourceUserPoolId: Scalars['ID']['output'];
  subAttribute: Maybe<Scalars['String']['output']>;
  timeoutMs: Scalars['Int']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  userPoolId: Scalars['ID']['output'];
};

/** One page of listUsers (ListUsersResponse). */
export type UserPage = {
  __typename?: 'UserPage';
  /** Pass back with the same filter for the next page; null on the last page. A page may be short while a token is still returned. */
  paginationToken: Maybe<Scalars['String']['output']>;
  /** Ordered by the filtered value (folded as the filter compares it), then by sub; by sub without a filter. */
  users: Array<User>;
};

export type UserPool = {
  __typename?: 'UserPool';
  accountRecoverySetting: Array<RecoveryMechanism>;
  adminCreateUserConfig: AdminCreateUserConfig;
  aliasAttributes: Array<AliasAttribute>;
  autoVerifiedAttributes: Array<VerifiableAttribute>;
  creationDate: Scalars['DateTimeISO']['output'];
  /** The pool's custom domain (Cognito's CustomDomain). */
  customDomain: Maybe<Scalars['String']['output']>;
  deletionProtection: DeletionProtection;
  deviceConfiguration: Maybe<DeviceConfiguration>;
  /** The pool's prefix domain (Cognito's Domain). */
  domain: Maybe<Scalars['String']['output']>;
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
  signInPolicy: SignInPolicy;
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

/** A pool's prefix or custom domain; the OAuth endpoints and sign-in pages answer on it. */
export type UserPoolDomain = {
  __typename?: 'UserPoolDomain';
  /** The gateway's host (Cognito's CloudFrontDistribution): where a custom domain's CNAME points. */
  cloudFrontDistribution: Scalars['String']['output'];
  creationDate: Scalars['DateTimeISO']['output'];
  customDomainConfig: Maybe<CustomDomainConfig>;
  /** The prefix, or the custom host name, in lower case. */
  domain: Scalars['String']['output'];
  kind: UserPoolDomainKind;
  lastModifiedDate: Scalars['DateTimeISO']['output'];
  /** 1 = classic hosted UI, 2 = managed login; both render the gateway's pages. */
  managedLoginVersion: Scalars['Int']['output'];
  /** Always ACTIVE: a domain is served as soon as it is created. */
  status: Scalars['String']['output'];
  userPoolId: Scalars['ID']['output'];
};

/** PREFIX: served as <prefix>.<POOL_DOMAIN_SUFFIX>; CUSTOM: a host name of your own. */
export type UserPoolDomainKind =
  | 'CUSTOM'
  | 'PREFIX';

/** The pool's MFA settings (GetUserPoolMfaConfig). */
export type UserPoolMfaConfig = {
  __typename?: 'UserPoolMfaConfig';
  /** The EMAIL_OTP message; contains {####}. */
  emailMfaMessage: Scalars['String']['output'];
  emailMfaSubject: Scalars['String']['output'];
  /** The factors users may switch on. */
  enabledMfas: Array<MfaFactor>;
  /** OFF: no MFA. OPTIONAL: users who switched a factor on. ON: every user. */
  mfaConfiguration: MfaConfiguration;
  /** The SMS_MFA message; contains {####}. */
  smsAuthenticationMessage: Scalars['String']['output'];
  /** Passkey settings; null until set (passkeys then use the pool's domain as RP ID, preferred verification). */
  webAuthnConfiguration: Maybe<WebAuthnConfiguration>;
};

export type UserPoolPage = {
  __typename?: 'UserPoolPage';
  items: Array<UserPool>;
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: Maybe<Scalars['String']['output']>;
};

/** The signed-in user as GetUser shows them: only the attributes the token's app client may read, `sub` first. */
export type UserProfile = {
  __typename?: 'UserProfile';
  /** PreferredMfaSetting: the factor sign-in asks for when several are on. */
  preferredMfaSetting: Maybe<MfaFactor>;
  userAttributes: Array<Attribute>;
  /** UserMFASettingList: the factors switched on (SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA). */
  userMfaSettingList: Array<MfaFactor>;
  /** The immutable username (a UUID in email/phone-as-username pools). */
  username: Scalars['String']['output'];
};

/** Where a user stands (UserStatusType); `enabled` is separate. */
export type UserStatus =
  | 'CONFIRMED'
  | 'EXTERNAL_PROVIDER'
  | 'FORCE_CHANGE_PASSWORD'
  | 'RESET_REQUIRED'
  | 'UNCONFIRMED';

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

/** The outcome of VerifySoftwareToken. */
export type VerifySoftwareTokenResult = {
  __typename?: 'VerifySoftwareTokenResult';
  /** The sign-in session to answer MFA_SETUP with, when called with one. */
  session: Maybe<Scalars['String']['output']>;
  status: VerifySoftwareTokenStatus;
};

/** VerifySoftwareTokenResponseType. ERROR is never returned here: a wrong code is an EnableSoftwareTokenMFAException, as in Cognito. */
export type VerifySoftwareTokenStatus =
  | 'ERROR'
  | 'SUCCESS';

/** A trigger with a version (Cognito's LambdaVersion); lambdaArn holds the endpoint URL. */
export type VersionedTrigger = {
  __typename?: 'VersionedTrigger';
  lambdaArn: Scalars['String']['output'];
  lambdaVersion: Scalars['String']['output'];
};

/** lambdaVersion V1_0 or V2_0 (PreTokenGenerationConfig only); lambdaArn is the endpoint URL. */
export type VersionedTriggerInput = {
  lambdaArn: Scalars['String']['input'];
  lambdaVersion: Scalars['String']['input'];
};

/** The pool's passkey settings (WebAuthnConfigurationType). */
export type WebAuthnConfiguration = {
  __typename?: 'WebAuthnConfiguration';
  factorConfiguration: WebAuthnFactorConfiguration;
  /** The RP ID passkeys are bound to; null: the pool's custom domain, else its prefix domain host. */
  relyingPartyId: Maybe<Scalars['String']['output']>;
  userVerification: WebAuthnUserVerification;
};

/** Replaces the pool's passkey settings whole; an omitted field takes its default. */
export type WebAuthnConfigurationInput = {
  /** Default SINGLE_FACTOR. */
  factorConfiguration?: InputMaybe<WebAuthnFactorConfiguration>;
  /** A host name of 1–127 characters; changing it orphans registered passkeys. Default: the pool's domain. */
  relyingPartyId?: InputMaybe<Scalars['String']['input']>;
  /** Default preferred. */
  userVerification?: InputMaybe<WebAuthnUserVerification>;
};

/** One of the signed-in user's passkeys (WebAuthnCredentialDescription). */
export type WebAuthnCredential = {
  __typename?: 'WebAuthnCredential';
  /** platform or cross-platform, as the browser reported it. */
  authenticatorAttachment: Maybe<Scalars['String']['output']>;
  /** usb, nfc, ble, internal, hybrid…, as the browser reported them. */
  authenticatorTransports: Array<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** base64url; pass it to deleteWebAuthnCredential. */
  credentialId: Scalars['String']['output'];
  /** Generated from the authenticator's model where known (e.g. iCloud Keychain), else Passkey / Security key. */
  friendlyCredentialName: Scalars['String']['output'];
  relyingPartyId: Scalars['String']['output'];
};

/** One page of listWebAuthnCredentials. */
export type WebAuthnCredentialPage = {
  __typename?: 'WebAuthnCredentialPage';
  /** Oldest first. */
  credentials: Array<WebAuthnCredential>;
  /** Pass back for the next page; null on the last page. */
  nextToken: Maybe<Scalars['String']['output']>;
};

/** Whether a passkey sign-in with user verification counts as multi-factor. */
export type WebAuthnFactorConfiguration =
  | 'MULTI_FACTOR_WITH_USER_VERIFICATION'
  | 'SINGLE_FACTOR';

/** UserVerificationType, spelled as Cognito spells it: whether the authenticator must verify the user (PIN, biometrics). */
export type WebAuthnUserVerification =
  | 'preferred'
  | 'required';

/** One event owed to one subscription, and how its delivery went. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  attempts: Scalars['Int']['output'];
  completedAt: Maybe<Scalars['DateTimeISO']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  eventSeq: Scalars['Int']['output'];
  eventType: EventType;
  id: Scalars['ID']['output'];
  lastAttemptAt: Maybe<Scalars['DateTimeISO']['output']>;
  lastError: Maybe<Scalars['String']['output']>;
  lastResponseStatus: Maybe<Scalars['Int']['output']>;
  /** When the next attempt is due (null once SUCCEEDED or FAILED). */
  nextAttemptAt: Maybe<Scalars['DateTimeISO']['output']>;
  status: WebhookDeliveryStatus;
  subscriptionId: Scalars['ID']['output'];
};

export type WebhookDeliveryPage = {
  __typename?: 'WebhookDeliveryPage';
  items: Array<WebhookDelivery>;
  nextCursor: Maybe<Scalars['String']['output']>;
};

export type WebhookDeliveryStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED';

/** An endpoint that receives a pool's events of the listed types, signed with its secret. */
export type WebhookSubscription = {
  __typename?: 'WebhookSubscription';
  createdAt: Scalars['DateTimeISO']['output'];
  createdBy: Scalars['String']['output'];
  description: Maybe<Scalars['String']['output']>;
  eventTypes: Array<EventType>;
  id: Scalars['ID']['output'];
  url: Scalars['String']['output'];
  userPoolId: Scalars['ID']['output'];
};

export type PoolNameQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
}>;


export type PoolNameQuery = { __typename?: 'Query', userPool: { __typename?: 'UserPool', id: string, name: string } };

export type PoolStringConstraintsQueryVariables = Exact<{ [key: string]: never; }>;


export type PoolStringConstraintsQuery = { __typename?: 'Query', userPools: { __typename?: 'UserPoolPage', items: Array<{ __typename?: 'UserPool', schemaAttributes: Array<{ __typename?: 'SchemaAttribute', stringAttributeConstraints: { __typename?: 'StringAttributeConstraints', minLength: number | null } | null }> }> } };

export type AdminUserFieldsFragment = { __typename?: 'User', username: string, userSub: string, userCreateDate: string, userLastModifiedDate: string, enabled: boolean, userStatus: UserStatus, attributes: Array<{ __typename?: 'Attribute', name: string, value: string }> };

export type AdminCreateUserMutationVariables = Exact<{
  input: AdminCreateUserInput;
}>;


export type AdminCreateUserMutation = { __typename?: 'Mutation', adminCreateUser: { __typename?: 'User', username: string, userSub: string, userCreateDate: string, userLastModifiedDate: string, enabled: boolean, userStatus: UserStatus, attributes: Array<{ __typename?: 'Attribute', name: string, value: string }> } };

export type AdminGetUserQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
}>;


export type AdminGetUserQuery = { __typename?: 'Query', adminGetUser: { __typename?: 'User', username: string, userSub: string, userCreateDate: string, userLastModifiedDate: string, enabled: boolean, userStatus: UserStatus, attributes: Array<{ __typename?: 'Attribute', name: string, value: string }> } };

export type AdminUpdateUserAttributesMutationVariables = Exact<{
  input: AdminUpdateUserAttributesInput;
}>;


export type AdminUpdateUserAttributesMutation = { __typename?: 'Mutation', adminUpdateUserAttributes: boolean };

export type AdminDeleteUserAttributesMutationVariables = Exact<{
  input: AdminDeleteUserAttributesInput;
}>;


export type AdminDeleteUserAttributesMutation = { __typename?: 'Mutation', adminDeleteUserAttributes: boolean };

export type AdminDeleteUserMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
}>;


export type AdminDeleteUserMutation = { __typename?: 'Mutation', adminDeleteUser: boolean };

export type AdminDisableUserMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
}>;


export type AdminDisableUserMutation = { __typename?: 'Mutation', adminDisableUser: boolean };

export type AdminEnableUserMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
}>;


export type AdminEnableUserMutation = { __typename?: 'Mutation', adminEnableUser: boolean };

export type AdminConfirmSignUpMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
  clientMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
}>;


export type AdminConfirmSignUpMutation = { __typename?: 'Mutation', adminConfirmSignUp: boolean };

export type AdminSetUserPasswordMutationVariables = Exact<{
  input: AdminSetUserPasswordInput;
}>;


export type AdminSetUserPasswordMutation = { __typename?: 'Mutation', adminSetUserPassword: boolean };

export type AdminResetUserPasswordMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
  clientMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
}>;


export type AdminResetUserPasswordMutation = { __typename?: 'Mutation', adminResetUserPassword: boolean };

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

type AuthResultFields_AuthChallenge_Fragment = { __typename: 'AuthChallenge', challengeName: ChallengeName, session: string, availableChallenges: Array<ChallengeName> | null, challengeParameters: { __typename?: 'ChallengeParameters', SALT: string | null, SRP_B: string | null, SECRET_BLOCK: string | null, USER_ID_FOR_SRP: string | null, USERNAME: string | null, userAttributes: string | null, requiredAttributes: string | null, CODE_DELIVERY_DELIVERY_MEDIUM: string | null, CODE_DELIVERY_DESTINATION: string | null, MFAS_CAN_CHOOSE: string | null, MFAS_CAN_SETUP: string | null, FRIENDLY_DEVICE_NAME: string | null, CREDENTIAL_REQUEST_OPTIONS: string | null } };

type AuthResultFields_AuthenticationResult_Fragment = { __typename: 'AuthenticationResult', accessToken: string, idToken: string, refreshToken: string | null, expiresIn: number, tokenType: string, newDeviceMetadata: { __typename?: 'NewDeviceMetadata', deviceKey: string, deviceGroupKey: string } | null };

export type AuthResultFieldsFragment =
  | AuthResultFields_AuthChallenge_Fragment
  | AuthResultFields_AuthenticationResult_Fragment
;

export type TokenFieldsFragment = { __typename: 'AuthenticationResult', accessToken: string, idToken: string, refreshToken: string | null, expiresIn: number, tokenType: string, newDeviceMetadata: { __typename?: 'NewDeviceMetadata', deviceKey: string, deviceGroupKey: string } | null };

export type InitiateAuthMutationVariables = Exact<{
  input: InitiateAuthInput;
}>;


export type InitiateAuthMutation = { __typename?: 'Mutation', initiateAuth:
    | { __typename: 'AuthChallenge', challengeName: ChallengeName, session: string, availableChallenges: Array<ChallengeName> | null, challengeParameters: { __typename?: 'ChallengeParameters', SALT: string | null, SRP_B: string | null, SECRET_BLOCK: string | null, USER_ID_FOR_SRP: string | null, USERNAME: string | null, userAttributes: string | null, requiredAttributes: string | null, CODE_DELIVERY_DELIVERY_MEDIUM: string | null, CODE_DELIVERY_DESTINATION: string | null, MFAS_CAN_CHOOSE: string | null, MFAS_CAN_SETUP: string | null, FRIENDLY_DEVICE_NAME: string | null, CREDENTIAL_REQUEST_OPTIONS: string | null } }
    | { __typename: 'AuthenticationResult', accessToken: string, idToken: string, refreshToken: string | null, expiresIn: number, tokenType: string, newDeviceMetadata: { __typename?: 'NewDeviceMetadata', deviceKey: string, deviceGroupKey: string } | null }
   };

export type GetTokensFromRefreshTokenMutationVariables = Exact<{
  input: GetTokensFromRefreshTokenInput;
}>;


export type GetTokensFromRefreshTokenMutation = { __typename?: 'Mutation', getTokensFromRefreshToken: { __typename: 'AuthenticationResult', accessToken: string, idToken: string, refreshToken: string | null, expiresIn: number, tokenType: string, newDeviceMetadata: { __typename?: 'NewDeviceMetadata', deviceKey: string, deviceGroupKey: string } | null } };

export type RespondToAuthChallengeMutationVariables = Exact<{
  input: RespondToAuthChallengeInput;
}>;


export type RespondToAuthChallengeMutation = { __typename?: 'Mutation', respondToAuthChallenge:
    | { __typename: 'AuthChallenge', challengeName: ChallengeName, session: string, availableChallenges: Array<ChallengeName> | null, challengeParameters: { __typename?: 'ChallengeParameters', SALT: string | null, SRP_B: string | null, SECRET_BLOCK: string | null, USER_ID_FOR_SRP: string | null, USERNAME: string | null, userAttributes: string | null, requiredAttributes: string | null, CODE_DELIVERY_DELIVERY_MEDIUM: string | null, CODE_DELIVERY_DESTINATION: string | null, MFAS_CAN_CHOOSE: string | null, MFAS_CAN_SETUP: string | null, FRIENDLY_DEVICE_NAME: string | null, CREDENTIAL_REQUEST_OPTIONS: string | null } }
    | { __typename: 'AuthenticationResult', accessToken: string, idToken: string, refreshToken: string | null, expiresIn: number, tokenType: string, newDeviceMetadata: { __typename?: 'NewDeviceMetadata', deviceKey: string, deviceGroupKey: string } | null }
   };

export type AdminInitiateAuthMutationVariables = Exact<{
  input: AdminInitiateAuthInput;
}>;


export type AdminInitiateAuthMutation = { __typename?: 'Mutation', adminInitiateAuth:
    | { __typename: 'AuthChallenge', challengeName: ChallengeName, session: string, availableChallenges: Array<ChallengeName> | null, challengeParameters: { __typename?: 'ChallengeParameters', SALT: string | null, SRP_B: string | null, SECRET_BLOCK: string | null, USER_ID_FOR_SRP: string | null, USERNAME: string | null, userAttributes: string | null, requiredAttributes: string | null, CODE_DELIVERY_DELIVERY_MEDIUM: string | null, CODE_DELIVERY_DESTINATION: string | null, MFAS_CAN_CHOOSE: string | null, MFAS_CAN_SETUP: string | null, FRIENDLY_DEVICE_NAME: string | null, CREDENTIAL_REQUEST_OPTIONS: string | null } }
    | { __typename: 'AuthenticationResult', accessToken: string, idToken: string, refreshToken: string | null, expiresIn: number, tokenType: string, newDeviceMetadata: { __typename?: 'NewDeviceMetadata', deviceKey: string, deviceGroupKey: string } | null }
   };

export type AdminRespondToAuthChallengeMutationVariables = Exact<{
  input: AdminRespondToAuthChallengeInput;
}>;


export type AdminRespondToAuthChallengeMutation = { __typename?: 'Mutation', adminRespondToAuthChallenge:
    | { __typename: 'AuthChallenge', challengeName: ChallengeName, session: string, availableChallenges: Array<ChallengeName> | null, challengeParameters: { __typename?: 'ChallengeParameters', SALT: string | null, SRP_B: string | null, SECRET_BLOCK: string | null, USER_ID_FOR_SRP: string | null, USERNAME: string | null, userAttributes: string | null, requiredAttributes: string | null, CODE_DELIVERY_DELIVERY_MEDIUM: string | null, CODE_DELIVERY_DESTINATION: string | null, MFAS_CAN_CHOOSE: string | null, MFAS_CAN_SETUP: string | null, FRIENDLY_DEVICE_NAME: string | null, CREDENTIAL_REQUEST_OPTIONS: string | null } }
    | { __typename: 'AuthenticationResult', accessToken: string, idToken: string, refreshToken: string | null, expiresIn: number, tokenType: string, newDeviceMetadata: { __typename?: 'NewDeviceMetadata', deviceKey: string, deviceGroupKey: string } | null }
   };

export type DeviceFieldsFragment = { __typename?: 'Device', deviceKey: string, deviceCreateDate: string, deviceLastModifiedDate: string, deviceLastAuthenticatedDate: string | null, deviceAttributes: Array<{ __typename?: 'Attribute', name: string, value: string }> };

export type ConfirmDeviceMutationVariables = Exact<{
  input: ConfirmDeviceInput;
}>;


export type ConfirmDeviceMutation = { __typename?: 'Mutation', confirmDevice: { __typename?: 'ConfirmDeviceResult', userConfirmationNecessary: boolean } };

export type UpdateDeviceStatusMutationVariables = Exact<{
  deviceKey: Scalars['String']['input'];
  deviceRememberedStatus: DeviceRememberedStatus;
}>;


export type UpdateDeviceStatusMutation = { __typename?: 'Mutation', updateDeviceStatus: boolean };

export type GetDeviceQueryVariables = Exact<{
  deviceKey: Scalars['String']['input'];
}>;


export type GetDeviceQuery = { __typename?: 'Query', getDevice: { __typename?: 'Device', deviceKey: string, deviceCreateDate: string, deviceLastModifiedDate: string, deviceLastAuthenticatedDate: string | null, deviceAttributes: Array<{ __typename?: 'Attribute', name: string, value: string }> } };

export type ListDevicesQueryVariables = Exact<{
  limit?: InputMaybe<Scalars['Int']['input']>;
  paginationToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type ListDevicesQuery = { __typename?: 'Query', listDevices: { __typename?: 'DevicePage', paginationToken: string | null, devices: Array<{ __typename?: 'Device', deviceKey: string, deviceCreateDate: string, deviceLastModifiedDate: string, deviceLastAuthenticatedDate: string | null, deviceAttributes: Array<{ __typename?: 'Attribute', name: string, value: string }> }> } };

export type ForgetDeviceMutationVariables = Exact<{
  deviceKey: Scalars['String']['input'];
}>;


export type ForgetDeviceMutation = { __typename?: 'Mutation', forgetDevice: boolean };

export type AdminGetDeviceQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
  deviceKey: Scalars['String']['input'];
}>;


export type AdminGetDeviceQuery = { __typename?: 'Query', adminGetDevice: { __typename?: 'Device', deviceKey: string, deviceCreateDate: string, deviceLastModifiedDate: string, deviceLastAuthenticatedDate: string | null, deviceAttributes: Array<{ __typename?: 'Attribute', name: string, value: string }> } };

export type AdminListDevicesQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
  paginationToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type AdminListDevicesQuery = { __typename?: 'Query', adminListDevices: { __typename?: 'DevicePage', paginationToken: string | null, devices: Array<{ __typename?: 'Device', deviceKey: string, deviceCreateDate: string, deviceLastModifiedDate: string, deviceLastAuthenticatedDate: string | null, deviceAttributes: Array<{ __typename?: 'Attribute', name: string, value: string }> }> } };

export type AdminUpdateDeviceStatusMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
  deviceKey: Scalars['String']['input'];
  deviceRememberedStatus: DeviceRememberedStatus;
}>;


export type AdminUpdateDeviceStatusMutation = { __typename?: 'Mutation', adminUpdateDeviceStatus: boolean };

export type AdminForgetDeviceMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
  deviceKey: Scalars['String']['input'];
}>;


export type AdminForgetDeviceMutation = { __typename?: 'Mutation', adminForgetDevice: boolean };

export type AuditEventsQueryVariables = Exact<{
  userPoolId?: InputMaybe<Scalars['ID']['input']>;
  types?: InputMaybe<Array<EventType> | EventType>;
  userSub?: InputMaybe<Scalars['String']['input']>;
  from?: InputMaybe<Scalars['DateTimeISO']['input']>;
  to?: InputMaybe<Scalars['DateTimeISO']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AuditEventsQuery = { __typename?: 'Query', events: { __typename?: 'EventPage', nextCursor: string | null, items: Array<{ __typename?: 'Event', seq: number, cursor: string, type: string, userPoolId: string | null, actor: string, occurredAt: string, detail: Record<string, unknown> }> } };

export type UserEventsSubscriptionVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  types?: InputMaybe<Array<EventType> | EventType>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type UserEventsSubscription = { __typename?: 'Subscription', userEvents: { __typename?: 'Event', seq: number, cursor: string, type: string, userPoolId: string | null, actor: string, occurredAt: string, detail: Record<string, unknown> } };

export type CreateWebhookSubscriptionMutationVariables = Exact<{
  input: CreateWebhookSubscriptionInput;
}>;


export type CreateWebhookSubscriptionMutation = { __typename?: 'Mutation', createWebhookSubscription: { __typename?: 'CreatedWebhookSubscription', signingSecret: string, subscription: { __typename?: 'WebhookSubscription', id: string, userPoolId: string, url: string, eventTypes: Array<EventType>, description: string | null, createdBy: string, createdAt: string } } };

export type DeleteWebhookSubscriptionMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  subscriptionId: Scalars['ID']['input'];
}>;


export type DeleteWebhookSubscriptionMutation = { __typename?: 'Mutation', deleteWebhookSubscription: { __typename?: 'WebhookSubscription', id: string } };

export type WebhookSubscriptionsQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
}>;


export type WebhookSubscriptionsQuery = { __typename?: 'Query', webhookSubscriptions: Array<{ __typename?: 'WebhookSubscription', id: string, url: string, eventTypes: Array<EventType>, description: string | null }> };

export type WebhookDeliveriesQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  subscriptionId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<WebhookDeliveryStatus>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type WebhookDeliveriesQuery = { __typename?: 'Query', webhookDeliveries: { __typename?: 'WebhookDeliveryPage', nextCursor: string | null, items: Array<{ __typename?: 'WebhookDelivery', id: string, subscriptionId: string, eventSeq: number, eventType: EventType, status: WebhookDeliveryStatus, attempts: number, nextAttemptAt: string | null, lastAttemptAt: string | null, lastResponseStatus: number | null, lastError: string | null, createdAt: string, completedAt: string | null }> } };

export type GroupFieldsFragment = { __typename?: 'Group', groupName: string, userPoolId: string, description: string | null, precedence: number | null, roleArn: string | null, creationDate: string, lastModifiedDate: string };

export type CreateGroupMutationVariables = Exact<{
  input: CreateGroupInput;
}>;


export type CreateGroupMutation = { __typename?: 'Mutation', createGroup: { __typename?: 'Group', groupName: string, userPoolId: string, description: string | null, precedence: number | null, roleArn: string | null, creationDate: string, lastModifiedDate: string } };

export type UpdateGroupMutationVariables = Exact<{
  input: UpdateGroupInput;
}>;


export type UpdateGroupMutation = { __typename?: 'Mutation', updateGroup: { __typename?: 'Group', groupName: string, userPoolId: string, description: string | null, precedence: number | null, roleArn: string | null, creationDate: string, lastModifiedDate: string } };

export type DeleteGroupMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  groupName: Scalars['String']['input'];
}>;


export type DeleteGroupMutation = { __typename?: 'Mutation', deleteGroup: boolean };

export type GetGroupQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  groupName: Scalars['String']['input'];
}>;


export type GetGroupQuery = { __typename?: 'Query', group: { __typename?: 'Group', groupName: string, userPoolId: string, description: string | null, precedence: number | null, roleArn: string | null, creationDate: string, lastModifiedDate: string } };

export type ListGroupsQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ListGroupsQuery = { __typename?: 'Query', groups: { __typename?: 'GroupPage', nextCursor: string | null, items: Array<{ __typename?: 'Group', groupName: string, userPoolId: string, description: string | null, precedence: number | null, roleArn: string | null, creationDate: string, lastModifiedDate: string }> } };

export type AdminAddUserToGroupMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
  groupName: Scalars['String']['input'];
}>;


export type AdminAddUserToGroupMutation = { __typename?: 'Mutation', adminAddUserToGroup: boolean };

export type AdminRemoveUserFromGroupMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
  groupName: Scalars['String']['input'];
}>;


export type AdminRemoveUserFromGroupMutation = { __typename?: 'Mutation', adminRemoveUserFromGroup: boolean };

export type ListUsersInGroupQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  groupName: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ListUsersInGroupQuery = { __typename?: 'Query', listUsersInGroup: { __typename?: 'GroupMemberPage', nextCursor: string | null, items: Array<{ __typename?: 'User', username: string, userSub: string, userStatus: UserStatus, enabled: boolean, attributes: Array<{ __typename?: 'Attribute', name: string, value: string }> }> } };

export type AdminListGroupsForUserQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AdminListGroupsForUserQuery = { __typename?: 'Query', adminListGroupsForUser: { __typename?: 'GroupPage', nextCursor: string | null, items: Array<{ __typename?: 'Group', groupName: string, userPoolId: string, description: string | null, precedence: number | null, roleArn: string | null, creationDate: string, lastModifiedDate: string }> } };

export type ListUsersQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  filter?: InputMaybe<Scalars['String']['input']>;
  attributesToGet?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  paginationToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type ListUsersQuery = { __typename?: 'Query', listUsers: { __typename?: 'UserPage', paginationToken: string | null, users: Array<{ __typename?: 'User', username: string, userSub: string, userCreateDate: string, userLastModifiedDate: string, enabled: boolean, userStatus: UserStatus, attributes: Array<{ __typename?: 'Attribute', name: string, value: string }> }> } };

export type SearchableAttributesQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
}>;


export type SearchableAttributesQuery = { __typename?: 'Query', userPool: { __typename?: 'UserPool', schemaAttributes: Array<{ __typename?: 'SchemaAttribute', name: string, searchable: boolean }> } };

export type AssociateSoftwareTokenMutationVariables = Exact<{
  session?: InputMaybe<Scalars['String']['input']>;
}>;


export type AssociateSoftwareTokenMutation = { __typename?: 'Mutation', associateSoftwareToken: { __typename?: 'AssociateSoftwareTokenResult', secretCode: string, otpauthUri: string, qrCodePng: string, session: string | null } };

export type VerifySoftwareTokenMutationVariables = Exact<{
  userCode: Scalars['String']['input'];
  friendlyDeviceName?: InputMaybe<Scalars['String']['input']>;
  session?: InputMaybe<Scalars['String']['input']>;
}>;


export type VerifySoftwareTokenMutation = { __typename?: 'Mutation', verifySoftwareToken: { __typename?: 'VerifySoftwareTokenResult', status: VerifySoftwareTokenStatus, session: string | null } };

export type SetUserMfaPreferenceMutationVariables = Exact<{
  input: SetUserMfaPreferenceInput;
}>;


export type SetUserMfaPreferenceMutation = { __typename?: 'Mutation', setUserMfaPreference: boolean };

export type AdminSetUserMfaPreferenceMutationVariables = Exact<{
  input: AdminSetUserMfaPreferenceInput;
}>;


export type AdminSetUserMfaPreferenceMutation = { __typename?: 'Mutation', adminSetUserMfaPreference: boolean };

export type GetUserMfaQueryVariables = Exact<{ [key: string]: never; }>;


export type GetUserMfaQuery = { __typename?: 'Query', getUser: { __typename?: 'UserProfile', username: string, preferredMfaSetting: MfaFactor | null, userMfaSettingList: Array<MfaFactor> } };

export type AdminGetUserMfaQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
}>;


export type AdminGetUserMfaQuery = { __typename?: 'Query', adminGetUser: { __typename?: 'User', username: string, preferredMfaSetting: MfaFactor | null, userMfaSettingList: Array<MfaFactor> | null } };

export type GetUserPoolMfaConfigQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
}>;


export type GetUserPoolMfaConfigQuery = { __typename?: 'Query', getUserPoolMfaConfig: { __typename?: 'UserPoolMfaConfig', mfaConfiguration: MfaConfiguration, enabledMfas: Array<MfaFactor>, smsAuthenticationMessage: string, emailMfaMessage: string, emailMfaSubject: string } };

export type SetUserPoolMfaConfigMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  input: SetUserPoolMfaConfigInput;
}>;


export type SetUserPoolMfaConfigMutation = { __typename?: 'Mutation', setUserPoolMfaConfig: { __typename?: 'UserPoolMfaConfig', mfaConfiguration: MfaConfiguration, enabledMfas: Array<MfaFactor>, smsAuthenticationMessage: string, emailMfaMessage: string, emailMfaSubject: string } };

export type SetUserMigrationSourceMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  input: SetUserMigrationSourceInput;
}>;


export type SetUserMigrationSourceMutation = { __typename?: 'Mutation', setUserMigrationSource: { __typename?: 'UserMigrationSource', userPoolId: string, endpoint: string, region: string, sourceUserPoolId: string, clientId: string, hasClientSecret: boolean, accessKeyId: string | null, subAttribute: string | null, timeoutMs: number, createdAt: string, updatedAt: string } };

export type UserMigrationSourceQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
}>;


export type UserMigrationSourceQuery = { __typename?: 'Query', userMigrationSource: { __typename?: 'UserMigrationSource', userPoolId: string, endpoint: string, sourceUserPoolId: string, clientId: string, hasClientSecret: boolean, accessKeyId: string | null, timeoutMs: number } | null };

export type DeleteUserMigrationSourceMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
}>;


export type DeleteUserMigrationSourceMutation = { __typename?: 'Mutation', deleteUserMigrationSource: boolean };

export type UserMigrationProgressQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
}>;


export type UserMigrationProgressQuery = { __typename?: 'Query', userMigrationProgress: { __typename?: 'UserMigrationProgress', userPoolId: string, migrated: number, remaining: number | null, sourceEstimatedUsers: number | null, lastMigratedAt: string | null } };

export type ResourceServerFieldsFragment = { __typename?: 'ResourceServer', userPoolId: string, identifier: string, name: string, creationDate: string, lastModifiedDate: string, scopes: Array<{ __typename?: 'ResourceServerScope', scopeName: string, scopeDescription: string }> };

export type CreateResourceServerMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  input: ResourceServerInput;
}>;


export type CreateResourceServerMutation = { __typename?: 'Mutation', createResourceServer: { __typename?: 'ResourceServer', userPoolId: string, identifier: string, name: string, creationDate: string, lastModifiedDate: string, scopes: Array<{ __typename?: 'ResourceServerScope', scopeName: string, scopeDescription: string }> } };

export type UpdateResourceServerMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  input: ResourceServerInput;
}>;


export type UpdateResourceServerMutation = { __typename?: 'Mutation', updateResourceServer: { __typename?: 'ResourceServer', userPoolId: string, identifier: string, name: string, creationDate: string, lastModifiedDate: string, scopes: Array<{ __typename?: 'ResourceServerScope', scopeName: string, scopeDescription: string }> } };

export type DeleteResourceServerMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  identifier: Scalars['String']['input'];
}>;


export type DeleteResourceServerMutation = { __typename?: 'Mutation', deleteResourceServer: boolean };

export type GetResourceServerQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  identifier: Scalars['String']['input'];
}>;


export type GetResourceServerQuery = { __typename?: 'Query', resourceServer: { __typename?: 'ResourceServer', userPoolId: string, identifier: string, name: string, creationDate: string, lastModifiedDate: string, scopes: Array<{ __typename?: 'ResourceServerScope', scopeName: string, scopeDescription: string }> } };

export type ListResourceServersQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ListResourceServersQuery = { __typename?: 'Query', resourceServers: { __typename?: 'ResourceServerPage', nextCursor: string | null, items: Array<{ __typename?: 'ResourceServer', userPoolId: string, identifier: string, name: string, creationDate: string, lastModifiedDate: string, scopes: Array<{ __typename?: 'ResourceServerScope', scopeName: string, scopeDescription: string }> }> } };

export type UserPoolDomainFieldsFragment = { __typename?: 'UserPoolDomain', domain: string, userPoolId: string, kind: UserPoolDomainKind, managedLoginVersion: number, cloudFrontDistribution: string, status: string, creationDate: string, lastModifiedDate: string, customDomainConfig: { __typename?: 'CustomDomainConfig', certificateArn: string, securityPolicy: string | null } | null };

export type CreateUserPoolDomainMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  input: CreateUserPoolDomainInput;
}>;


export type CreateUserPoolDomainMutation = { __typename?: 'Mutation', createUserPoolDomain: { __typename?: 'UserPoolDomain', domain: string, userPoolId: string, kind: UserPoolDomainKind, managedLoginVersion: number, cloudFrontDistribution: string, status: string, creationDate: string, lastModifiedDate: string, customDomainConfig: { __typename?: 'CustomDomainConfig', certificateArn: string, securityPolicy: string | null } | null } };

export type UpdateUserPoolDomainMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  input: UpdateUserPoolDomainInput;
}>;


export type UpdateUserPoolDomainMutation = { __typename?: 'Mutation', updateUserPoolDomain: { __typename?: 'UserPoolDomain', domain: string, userPoolId: string, kind: UserPoolDomainKind, managedLoginVersion: number, cloudFrontDistribution: string, status: string, creationDate: string, lastModifiedDate: string, customDomainConfig: { __typename?: 'CustomDomainConfig', certificateArn: string, securityPolicy: string | null } | null } };

export type DeleteUserPoolDomainMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  domain: Scalars['String']['input'];
}>;


export type DeleteUserPoolDomainMutation = { __typename?: 'Mutation', deleteUserPoolDomain: boolean };

export type GetUserPoolDomainQueryVariables = Exact<{
  domain: Scalars['String']['input'];
}>;


export type GetUserPoolDomainQuery = { __typename?: 'Query', userPoolDomain: { __typename?: 'UserPoolDomain', domain: string, userPoolId: string, kind: UserPoolDomainKind, managedLoginVersion: number, cloudFrontDistribution: string, status: string, creationDate: string, lastModifiedDate: string, customDomainConfig: { __typename?: 'CustomDomainConfig', certificateArn: string, securityPolicy: string | null } | null } | null };

export type GetUserPoolDomainsQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
}>;


export type GetUserPoolDomainsQuery = { __typename?: 'Query', userPool: { __typename?: 'UserPool', id: string, domain: string | null, customDomain: string | null } };

export type UiCustomizationFieldsFragment = { __typename?: 'UICustomization', userPoolId: string, clientId: string, imageUrl: string | null, css: string | null, cssVersion: string, creationDate: string, lastModifiedDate: string };

export type SetUiCustomizationMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  clientId?: InputMaybe<Scalars['ID']['input']>;
  input: SetUiCustomizationInput;
}>;


export type SetUiCustomizationMutation = { __typename?: 'Mutation', setUICustomization: { __typename?: 'UICustomization', userPoolId: string, clientId: string, imageUrl: string | null, css: string | null, cssVersion: string, creationDate: string, lastModifiedDate: string } };

export type GetUiCustomizationQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  clientId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type GetUiCustomizationQuery = { __typename?: 'Query', uiCustomization: { __typename?: 'UICustomization', userPoolId: string, clientId: string, imageUrl: string | null, css: string | null, cssVersion: string, creationDate: string, lastModifiedDate: string } | null };

export type GetUserQueryVariables = Exact<{ [key: string]: never; }>;


export type GetUserQuery = { __typename?: 'Query', getUser: { __typename?: 'UserProfile', username: string, userAttributes: Array<{ __typename?: 'Attribute', name: string, value: string }> } };

export type UpdateUserAttributesMutationVariables = Exact<{
  input: UpdateUserAttributesInput;
}>;


export type UpdateUserAttributesMutation = { __typename?: 'Mutation', updateUserAttributes: { __typename?: 'UpdateUserAttributesResult', codeDeliveryDetailsList: Array<{ __typename?: 'CodeDeliveryDetails', destination: string, deliveryMedium: DeliveryMedium, attributeName: string }> } };

export type DeleteUserAttributesMutationVariables = Exact<{
  userAttributeNames: Array<Scalars['String']['input']> | Scalars['String']['input'];
}>;


export type DeleteUserAttributesMutation = { __typename?: 'Mutation', deleteUserAttributes: boolean };

export type GetUserAttributeVerificationCodeMutationVariables = Exact<{
  attributeName: Scalars['String']['input'];
  clientMetadata?: InputMaybe<Scalars['JSONObject']['input']>;
}>;


export type GetUserAttributeVerificationCodeMutation = { __typename?: 'Mutation', getUserAttributeVerificationCode: { __typename?: 'CodeDeliveryDetails', destination: string, deliveryMedium: DeliveryMedium, attributeName: string } };

export type VerifyUserAttributeMutationVariables = Exact<{
  attributeName: Scalars['String']['input'];
  code: Scalars['String']['input'];
}>;


export type VerifyUserAttributeMutation = { __typename?: 'Mutation', verifyUserAttribute: boolean };

export type ChangePasswordMutationVariables = Exact<{
  previousPassword: Scalars['String']['input'];
  proposedPassword: Scalars['String']['input'];
}>;


export type ChangePasswordMutation = { __typename?: 'Mutation', changePassword: boolean };

export type DeleteUserMutationVariables = Exact<{ [key: string]: never; }>;


export type DeleteUserMutation = { __typename?: 'Mutation', deleteUser: boolean };

export type GlobalSignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type GlobalSignOutMutation = { __typename?: 'Mutation', globalSignOut: boolean };

export type RevokeTokenMutationVariables = Exact<{
  input: RevokeTokenInput;
}>;


export type RevokeTokenMutation = { __typename?: 'Mutation', revokeToken: boolean };

export type AdminUserGlobalSignOutMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
}>;


export type AdminUserGlobalSignOutMutation = { __typename?: 'Mutation', adminUserGlobalSignOut: boolean };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { __typename?: 'Mutation', signUp: { __typename?: 'SignUpResult', userSub: string, userConfirmed: boolean, session: string | null, codeDeliveryDetails: { __typename?: 'CodeDeliveryDetails', destination: string, deliveryMedium: DeliveryMedium, attributeName: string } | null } };

export type ConfirmSignUpMutationVariables = Exact<{
  input: ConfirmSignUpInput;
}>;


export type ConfirmSignUpMutation = { __typename?: 'Mutation', confirmSignUp: { __typename?: 'ConfirmSignUpResult', session: string | null } };

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

export type RotateSigningKeysMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
}>;


export type RotateSigningKeysMutation = { __typename?: 'Mutation', rotateSigningKeys: boolean };

export type RotateTriggerSecretMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
}>;


export type RotateTriggerSecretMutation = { __typename?: 'Mutation', rotateTriggerSecret: { __typename?: 'TriggerSecret', secret: string, createdAt: string } };

export type InitiateAuthCustomMutationVariables = Exact<{
  input: InitiateAuthInput;
}>;


export type InitiateAuthCustomMutation = { __typename?: 'Mutation', initiateAuth:
    | { __typename: 'AuthChallenge', challengeName: ChallengeName, session: string, challengeParameters: { __typename?: 'ChallengeParameters', all: Record<string, unknown> | null } }
    | { __typename: 'AuthenticationResult', accessToken: string, idToken: string, refreshToken: string | null }
   };

export type RespondToAuthChallengeCustomMutationVariables = Exact<{
  input: RespondToAuthChallengeInput;
}>;


export type RespondToAuthChallengeCustomMutation = { __typename?: 'Mutation', respondToAuthChallenge:
    | { __typename: 'AuthChallenge', challengeName: ChallengeName, session: string, challengeParameters: { __typename?: 'ChallengeParameters', all: Record<string, unknown> | null } }
    | { __typename: 'AuthenticationResult', accessToken: string, idToken: string, refreshToken: string | null }
   };

export type PoolLambdaConfigQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
}>;


export type PoolLambdaConfigQuery = { __typename?: 'Query', userPool: { __typename?: 'UserPool', lambdaConfig: { __typename?: 'LambdaConfig', preSignUp: string | null, preTokenGenerationConfig: { __typename?: 'VersionedTrigger', lambdaVersion: string, lambdaArn: string } | null, customEmailSender: { __typename?: 'VersionedTrigger', lambdaVersion: string, lambdaArn: string } | null, customSmsSender: { __typename?: 'VersionedTrigger', lambdaVersion: string, lambdaArn: string } | null } } };

export type GetUserAuthFactorsQueryVariables = Exact<{ [key: string]: never; }>;


export type GetUserAuthFactorsQuery = { __typename?: 'Query', getUserAuthFactors: { __typename?: 'UserAuthFactors', username: string, preferredMfaSetting: string | null, userMfaSettingList: Array<string>, configuredUserAuthFactors: Array<string> } };

export type AdminGetUserAuthFactorsQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
}>;


export type AdminGetUserAuthFactorsQuery = { __typename?: 'Query', adminGetUserAuthFactors: { __typename?: 'UserAuthFactors', username: string, preferredMfaSetting: string | null, userMfaSettingList: Array<string>, configuredUserAuthFactors: Array<string> } };

export type UserImportJobFieldsFragment = { __typename?: 'UserImportJob', jobId: string, jobName: string, userPoolId: string, preSignedUrl: string, creationDate: string, startDate: string | null, completionDate: string | null, status: UserImportJobStatus, cloudWatchLogsRoleArn: string, importedUsers: number, skippedUsers: number, failedUsers: number, completionMessage: string | null, totalUsers: number | null, rowsDone: number, rowErrors: Array<{ __typename?: 'UserImportRowError', lineNumber: number, outcome: UserImportRowOutcome, message: string }> };

export type CsvHeaderQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
}>;


export type CsvHeaderQuery = { __typename?: 'Query', csvHeader: Array<string> };

export type CreateUserImportJobMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  input: CreateUserImportJobInput;
}>;


export type CreateUserImportJobMutation = { __typename?: 'Mutation', createUserImportJob: { __typename?: 'UserImportJob', jobId: string, jobName: string, userPoolId: string, preSignedUrl: string, creationDate: string, startDate: string | null, completionDate: string | null, status: UserImportJobStatus, cloudWatchLogsRoleArn: string, importedUsers: number, skippedUsers: number, failedUsers: number, completionMessage: string | null, totalUsers: number | null, rowsDone: number, rowErrors: Array<{ __typename?: 'UserImportRowError', lineNumber: number, outcome: UserImportRowOutcome, message: string }> } };

export type StartUserImportJobMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  jobId: Scalars['ID']['input'];
}>;


export type StartUserImportJobMutation = { __typename?: 'Mutation', startUserImportJob: { __typename?: 'UserImportJob', jobId: string, jobName: string, userPoolId: string, preSignedUrl: string, creationDate: string, startDate: string | null, completionDate: string | null, status: UserImportJobStatus, cloudWatchLogsRoleArn: string, importedUsers: number, skippedUsers: number, failedUsers: number, completionMessage: string | null, totalUsers: number | null, rowsDone: number, rowErrors: Array<{ __typename?: 'UserImportRowError', lineNumber: number, outcome: UserImportRowOutcome, message: string }> } };

export type StopUserImportJobMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  jobId: Scalars['ID']['input'];
}>;


export type StopUserImportJobMutation = { __typename?: 'Mutation', stopUserImportJob: { __typename?: 'UserImportJob', jobId: string, jobName: string, userPoolId: string, preSignedUrl: string, creationDate: string, startDate: string | null, completionDate: string | null, status: UserImportJobStatus, cloudWatchLogsRoleArn: string, importedUsers: number, skippedUsers: number, failedUsers: number, completionMessage: string | null, totalUsers: number | null, rowsDone: number, rowErrors: Array<{ __typename?: 'UserImportRowError', lineNumber: number, outcome: UserImportRowOutcome, message: string }> } };

export type UserImportJobQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  jobId: Scalars['ID']['input'];
}>;


export type UserImportJobQuery = { __typename?: 'Query', userImportJob: { __typename?: 'UserImportJob', jobId: string, jobName: string, userPoolId: string, preSignedUrl: string, creationDate: string, startDate: string | null, completionDate: string | null, status: UserImportJobStatus, cloudWatchLogsRoleArn: string, importedUsers: number, skippedUsers: number, failedUsers: number, completionMessage: string | null, totalUsers: number | null, rowsDone: number, rowErrors: Array<{ __typename?: 'UserImportRowError', lineNumber: number, outcome: UserImportRowOutcome, message: string }> } };

export type UserImportJobsQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type UserImportJobsQuery = { __typename?: 'Query', userImportJobs: { __typename?: 'UserImportJobPage', nextCursor: string | null, items: Array<{ __typename?: 'UserImportJob', jobId: string, jobName: string, userPoolId: string, preSignedUrl: string, creationDate: string, startDate: string | null, completionDate: string | null, status: UserImportJobStatus, cloudWatchLogsRoleArn: string, importedUsers: number, skippedUsers: number, failedUsers: number, completionMessage: string | null, totalUsers: number | null, rowsDone: number, rowErrors: Array<{ __typename?: 'UserImportRowError', lineNumber: number, outcome: UserImportRowOutcome, message: string }> }> } };

export type PoolFieldsFragment = { __typename?: 'UserPool', id: string, name: string, deletionProtection: DeletionProtection, usernameAttributes: Array<UsernameAttribute>, aliasAttributes: Array<AliasAttribute>, mfaConfiguration: MfaConfiguration, enabledMfas: Array<MfaFactor>, autoVerifiedAttributes: Array<VerifiableAttribute>, smsAuthenticationMessage: string, estimatedNumberOfUsers: number, creationDate: string, lastModifiedDate: string, usernameConfiguration: { __typename?: 'UsernameConfiguration', caseSensitive: boolean }, passwordPolicy: { __typename?: 'PasswordPolicy', minimumLength: number, requireUppercase: boolean, requireLowercase: boolean, requireNumbers: boolean, requireSymbols: boolean, temporaryPasswordValidityDays: number, passwordHistorySize: number }, userAttributeUpdateSettings: { __typename?: 'UserAttributeUpdateSettings', attributesRequireVerificationBeforeUpdate: Array<VerifiableAttribute> }, verificationMessageTemplate: { __typename?: 'VerificationMessageTemplate', smsMessage: string, emailMessage: string, emailSubject: string, emailMessageByLink: string, emailSubjectByLink: string, defaultEmailOption: DefaultEmailOption }, adminCreateUserConfig: { __typename?: 'AdminCreateUserConfig', allowAdminCreateUserOnly: boolean, inviteMessageTemplate: { __typename?: 'InviteMessageTemplate', smsMessage: string, emailMessage: string, emailSubject: string } }, accountRecoverySetting: Array<{ __typename?: 'RecoveryMechanism', name: RecoveryMechanismName, priority: number }>, lambdaConfig: { __typename?: 'LambdaConfig', preSignUp: string | null, customMessage: string | null, postConfirmation: string | null, preAuthentication: string | null, postAuthentication: string | null, defineAuthChallenge: string | null, createAuthChallenge: string | null, verifyAuthChallengeResponse: string | null, preTokenGeneration: string | null, userMigration: string | null }, deviceConfiguration: { __typename?: 'DeviceConfiguration', challengeRequiredOnNewDevice: boolean, deviceOnlyRememberedOnUserPrompt: boolean } | null, signInPolicy: { __typename?: 'SignInPolicy', allowedFirstAuthFactors: Array<AuthFactorType> }, schemaAttributes: Array<{ __typename?: 'SchemaAttribute', name: string, attributeDataType: AttributeDataType, developerOnlyAttribute: boolean, mutable: boolean, required: boolean, stringAttributeConstraints: { __typename?: 'StringAttributeConstraints', minLength: number | null, maxLength: number | null } | null, numberAttributeConstraints: { __typename?: 'NumberAttributeConstraints', minValue: number | null, maxValue: number | null } | null }> };

export type CreateUserPoolMutationVariables = Exact<{
  input: CreateUserPoolInput;
}>;


export type CreateUserPoolMutation = { __typename?: 'Mutation', createUserPool: { __typename?: 'UserPool', id: string, name: string, deletionProtection: DeletionProtection, usernameAttributes: Array<UsernameAttribute>, aliasAttributes: Array<AliasAttribute>, mfaConfiguration: MfaConfiguration, enabledMfas: Array<MfaFactor>, autoVerifiedAttributes: Array<VerifiableAttribute>, smsAuthenticationMessage: string, estimatedNumberOfUsers: number, creationDate: string, lastModifiedDate: string, usernameConfiguration: { __typename?: 'UsernameConfiguration', caseSensitive: boolean }, passwordPolicy: { __typename?: 'PasswordPolicy', minimumLength: number, requireUppercase: boolean, requireLowercase: boolean, requireNumbers: boolean, requireSymbols: boolean, temporaryPasswordValidityDays: number, passwordHistorySize: number }, userAttributeUpdateSettings: { __typename?: 'UserAttributeUpdateSettings', attributesRequireVerificationBeforeUpdate: Array<VerifiableAttribute> }, verificationMessageTemplate: { __typename?: 'VerificationMessageTemplate', smsMessage: string, emailMessage: string, emailSubject: string, emailMessageByLink: string, emailSubjectByLink: string, defaultEmailOption: DefaultEmailOption }, adminCreateUserConfig: { __typename?: 'AdminCreateUserConfig', allowAdminCreateUserOnly: boolean, inviteMessageTemplate: { __typename?: 'InviteMessageTemplate', smsMessage: string, emailMessage: string, emailSubject: string } }, accountRecoverySetting: Array<{ __typename?: 'RecoveryMechanism', name: RecoveryMechanismName, priority: number }>, lambdaConfig: { __typename?: 'LambdaConfig', preSignUp: string | null, customMessage: string | null, postConfirmation: string | null, preAuthentication: string | null, postAuthentication: string | null, defineAuthChallenge: string | null, createAuthChallenge: string | null, verifyAuthChallengeResponse: string | null, preTokenGeneration: string | null, userMigration: string | null }, deviceConfiguration: { __typename?: 'DeviceConfiguration', challengeRequiredOnNewDevice: boolean, deviceOnlyRememberedOnUserPrompt: boolean } | null, signInPolicy: { __typename?: 'SignInPolicy', allowedFirstAuthFactors: Array<AuthFactorType> }, schemaAttributes: Array<{ __typename?: 'SchemaAttribute', name: string, attributeDataType: AttributeDataType, developerOnlyAttribute: boolean, mutable: boolean, required: boolean, stringAttributeConstraints: { __typename?: 'StringAttributeConstraints', minLength: number | null, maxLength: number | null } | null, numberAttributeConstraints: { __typename?: 'NumberAttributeConstraints', minValue: number | null, maxValue: number | null } | null }> } };

export type UpdateUserPoolMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  input: UpdateUserPoolInput;
}>;


export type UpdateUserPoolMutation = { __typename?: 'Mutation', updateUserPool: { __typename?: 'UserPool', id: string, name: string, deletionProtection: DeletionProtection, usernameAttributes: Array<UsernameAttribute>, aliasAttributes: Array<AliasAttribute>, mfaConfiguration: MfaConfiguration, enabledMfas: Array<MfaFactor>, autoVerifiedAttributes: Array<VerifiableAttribute>, smsAuthenticationMessage: string, estimatedNumberOfUsers: number, creationDate: string, lastModifiedDate: string, usernameConfiguration: { __typename?: 'UsernameConfiguration', caseSensitive: boolean }, passwordPolicy: { __typename?: 'PasswordPolicy', minimumLength: number, requireUppercase: boolean, requireLowercase: boolean, requireNumbers: boolean, requireSymbols: boolean, temporaryPasswordValidityDays: number, passwordHistorySize: number }, userAttributeUpdateSettings: { __typename?: 'UserAttributeUpdateSettings', attributesRequireVerificationBeforeUpdate: Array<VerifiableAttribute> }, verificationMessageTemplate: { __typename?: 'VerificationMessageTemplate', smsMessage: string, emailMessage: string, emailSubject: string, emailMessageByLink: string, emailSubjectByLink: string, defaultEmailOption: DefaultEmailOption }, adminCreateUserConfig: { __typename?: 'AdminCreateUserConfig', allowAdminCreateUserOnly: boolean, inviteMessageTemplate: { __typename?: 'InviteMessageTemplate', smsMessage: string, emailMessage: string, emailSubject: string } }, accountRecoverySetting: Array<{ __typename?: 'RecoveryMechanism', name: RecoveryMechanismName, priority: number }>, lambdaConfig: { __typename?: 'LambdaConfig', preSignUp: string | null, customMessage: string | null, postConfirmation: string | null, preAuthentication: string | null, postAuthentication: string | null, defineAuthChallenge: string | null, createAuthChallenge: string | null, verifyAuthChallengeResponse: string | null, preTokenGeneration: string | null, userMigration: string | null }, deviceConfiguration: { __typename?: 'DeviceConfiguration', challengeRequiredOnNewDevice: boolean, deviceOnlyRememberedOnUserPrompt: boolean } | null, signInPolicy: { __typename?: 'SignInPolicy', allowedFirstAuthFactors: Array<AuthFactorType> }, schemaAttributes: Array<{ __typename?: 'SchemaAttribute', name: string, attributeDataType: AttributeDataType, developerOnlyAttribute: boolean, mutable: boolean, required: boolean, stringAttributeConstraints: { __typename?: 'StringAttributeConstraints', minLength: number | null, maxLength: number | null } | null, numberAttributeConstraints: { __typename?: 'NumberAttributeConstraints', minValue: number | null, maxValue: number | null } | null }> } };

export type DeleteUserPoolMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
}>;


export type DeleteUserPoolMutation = { __typename?: 'Mutation', deleteUserPool: boolean };

export type AddCustomAttributesMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  customAttributes: Array<SchemaAttributeInput> | SchemaAttributeInput;
}>;


export type AddCustomAttributesMutation = { __typename?: 'Mutation', addCustomAttributes: { __typename?: 'UserPool', id: string, name: string, deletionProtection: DeletionProtection, usernameAttributes: Array<UsernameAttribute>, aliasAttributes: Array<AliasAttribute>, mfaConfiguration: MfaConfiguration, enabledMfas: Array<MfaFactor>, autoVerifiedAttributes: Array<VerifiableAttribute>, smsAuthenticationMessage: string, estimatedNumberOfUsers: number, creationDate: string, lastModifiedDate: string, usernameConfiguration: { __typename?: 'UsernameConfiguration', caseSensitive: boolean }, passwordPolicy: { __typename?: 'PasswordPolicy', minimumLength: number, requireUppercase: boolean, requireLowercase: boolean, requireNumbers: boolean, requireSymbols: boolean, temporaryPasswordValidityDays: number, passwordHistorySize: number }, userAttributeUpdateSettings: { __typename?: 'UserAttributeUpdateSettings', attributesRequireVerificationBeforeUpdate: Array<VerifiableAttribute> }, verificationMessageTemplate: { __typename?: 'VerificationMessageTemplate', smsMessage: string, emailMessage: string, emailSubject: string, emailMessageByLink: string, emailSubjectByLink: string, defaultEmailOption: DefaultEmailOption }, adminCreateUserConfig: { __typename?: 'AdminCreateUserConfig', allowAdminCreateUserOnly: boolean, inviteMessageTemplate: { __typename?: 'InviteMessageTemplate', smsMessage: string, emailMessage: string, emailSubject: string } }, accountRecoverySetting: Array<{ __typename?: 'RecoveryMechanism', name: RecoveryMechanismName, priority: number }>, lambdaConfig: { __typename?: 'LambdaConfig', preSignUp: string | null, customMessage: string | null, postConfirmation: string | null, preAuthentication: string | null, postAuthentication: string | null, defineAuthChallenge: string | null, createAuthChallenge: string | null, verifyAuthChallengeResponse: string | null, preTokenGeneration: string | null, userMigration: string | null }, deviceConfiguration: { __typename?: 'DeviceConfiguration', challengeRequiredOnNewDevice: boolean, deviceOnlyRememberedOnUserPrompt: boolean } | null, signInPolicy: { __typename?: 'SignInPolicy', allowedFirstAuthFactors: Array<AuthFactorType> }, schemaAttributes: Array<{ __typename?: 'SchemaAttribute', name: string, attributeDataType: AttributeDataType, developerOnlyAttribute: boolean, mutable: boolean, required: boolean, stringAttributeConstraints: { __typename?: 'StringAttributeConstraints', minLength: number | null, maxLength: number | null } | null, numberAttributeConstraints: { __typename?: 'NumberAttributeConstraints', minValue: number | null, maxValue: number | null } | null }> } };

export type GetUserPoolQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
}>;


export type GetUserPoolQuery = { __typename?: 'Query', userPool: { __typename?: 'UserPool', id: string, name: string, deletionProtection: DeletionProtection, usernameAttributes: Array<UsernameAttribute>, aliasAttributes: Array<AliasAttribute>, mfaConfiguration: MfaConfiguration, enabledMfas: Array<MfaFactor>, autoVerifiedAttributes: Array<VerifiableAttribute>, smsAuthenticationMessage: string, estimatedNumberOfUsers: number, creationDate: string, lastModifiedDate: string, usernameConfiguration: { __typename?: 'UsernameConfiguration', caseSensitive: boolean }, passwordPolicy: { __typename?: 'PasswordPolicy', minimumLength: number, requireUppercase: boolean, requireLowercase: boolean, requireNumbers: boolean, requireSymbols: boolean, temporaryPasswordValidityDays: number, passwordHistorySize: number }, userAttributeUpdateSettings: { __typename?: 'UserAttributeUpdateSettings', attributesRequireVerificationBeforeUpdate: Array<VerifiableAttribute> }, verificationMessageTemplate: { __typename?: 'VerificationMessageTemplate', smsMessage: string, emailMessage: string, emailSubject: string, emailMessageByLink: string, emailSubjectByLink: string, defaultEmailOption: DefaultEmailOption }, adminCreateUserConfig: { __typename?: 'AdminCreateUserConfig', allowAdminCreateUserOnly: boolean, inviteMessageTemplate: { __typename?: 'InviteMessageTemplate', smsMessage: string, emailMessage: string, emailSubject: string } }, accountRecoverySetting: Array<{ __typename?: 'RecoveryMechanism', name: RecoveryMechanismName, priority: number }>, lambdaConfig: { __typename?: 'LambdaConfig', preSignUp: string | null, customMessage: string | null, postConfirmation: string | null, preAuthentication: string | null, postAuthentication: string | null, defineAuthChallenge: string | null, createAuthChallenge: string | null, verifyAuthChallengeResponse: string | null, preTokenGeneration: string | null, userMigration: string | null }, deviceConfiguration: { __typename?: 'DeviceConfiguration', challengeRequiredOnNewDevice: boolean, deviceOnlyRememberedOnUserPrompt: boolean } | null, signInPolicy: { __typename?: 'SignInPolicy', allowedFirstAuthFactors: Array<AuthFactorType> }, schemaAttributes: Array<{ __typename?: 'SchemaAttribute', name: string, attributeDataType: AttributeDataType, developerOnlyAttribute: boolean, mutable: boolean, required: boolean, stringAttributeConstraints: { __typename?: 'StringAttributeConstraints', minLength: number | null, maxLength: number | null } | null, numberAttributeConstraints: { __typename?: 'NumberAttributeConstraints', minValue: number | null, maxValue: number | null } | null }> } };

export type ListUserPoolsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ListUserPoolsQuery = { __typename?: 'Query', userPools: { __typename?: 'UserPoolPage', nextCursor: string | null, items: Array<{ __typename?: 'UserPool', id: string, name: string }> } };

export type GetWebAuthnConfigurationQueryVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
}>;


export type GetWebAuthnConfigurationQuery = { __typename?: 'Query', getUserPoolMfaConfig: { __typename?: 'UserPoolMfaConfig', mfaConfiguration: MfaConfiguration, webAuthnConfiguration: { __typename?: 'WebAuthnConfiguration', relyingPartyId: string | null, userVerification: WebAuthnUserVerification, factorConfiguration: WebAuthnFactorConfiguration } | null } };

export type SetWebAuthnConfigurationMutationVariables = Exact<{
  userPoolId: Scalars['ID']['input'];
  input: SetUserPoolMfaConfigInput;
}>;


export type SetWebAuthnConfigurationMutation = { __typename?: 'Mutation', setUserPoolMfaConfig: { __typename?: 'UserPoolMfaConfig', mfaConfiguration: MfaConfiguration, webAuthnConfiguration: { __typename?: 'WebAuthnConfiguration', relyingPartyId: string | null, userVerification: WebAuthnUserVerification, factorConfiguration: WebAuthnFactorConfiguration } | null } };

export type StartWebAuthnRegistrationMutationVariables = Exact<{ [key: string]: never; }>;


export type StartWebAuthnRegistrationMutation = { __typename?: 'Mutation', startWebAuthnRegistration: Record<string, unknown> };

export type CompleteWebAuthnRegistrationMutationVariables = Exact<{
  credential: Scalars['JSONObject']['input'];
}>;


export type CompleteWebAuthnRegistrationMutation = { __typename?: 'Mutation', completeWebAuthnRegistration: boolean };

export type ListWebAuthnCredentialsQueryVariables = Exact<{
  maxResults?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type ListWebAuthnCredentialsQuery = { __typename?: 'Query', listWebAuthnCredentials: { __typename?: 'WebAuthnCredentialPage', nextToken: string | null, credentials: Array<{ __typename?: 'WebAuthnCredential', credentialId: string, friendlyCredentialName: string, relyingPartyId: string, authenticatorAttachment: string | null, authenticatorTransports: Array<string>, createdAt: string }> } };

export type DeleteWebAuthnCredentialMutationVariables = Exact<{
  credentialId: Scalars['String']['input'];
}>;


export type DeleteWebAuthnCredentialMutation = { __typename?: 'Mutation', deleteWebAuthnCredential: boolean };

export const AdminUserFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdminUserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"userSub"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userCreateDate"}},{"kind":"Field","name":{"kind":"Name","value":"userLastModifiedDate"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"userStatus"}}]}}]} as unknown as DocumentNode<AdminUserFieldsFragment, unknown>;
export const ClientFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserPoolClient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"explicitAuthFlows"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"idTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"tokenValidityUnits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"idToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authSessionValidity"}},{"kind":"Field","name":{"kind":"Name","value":"readAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"writeAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"preventUserExistenceErrors"}},{"kind":"Field","name":{"kind":"Name","value":"enableTokenRevocation"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenRotation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"feature"}},{"kind":"Field","name":{"kind":"Name","value":"retryGracePeriodSeconds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"callbackURLs"}},{"kind":"Field","name":{"kind":"Name","value":"logoutURLs"}},{"kind":"Field","name":{"kind":"Name","value":"defaultRedirectURI"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthFlows"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthScopes"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthFlowsUserPoolClient"}},{"kind":"Field","name":{"kind":"Name","value":"supportedIdentityProviders"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<ClientFieldsFragment, unknown>;
export const TokenFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthenticationResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"idToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"tokenType"}},{"kind":"Field","name":{"kind":"Name","value":"newDeviceMetadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceKey"}},{"kind":"Field","name":{"kind":"Name","value":"deviceGroupKey"}}]}}]}}]} as unknown as DocumentNode<TokenFieldsFragment, unknown>;
export const AuthResultFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuthResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthChallenge"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeName"}},{"kind":"Field","name":{"kind":"Name","value":"session"}},{"kind":"Field","name":{"kind":"Name","value":"challengeParameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"SALT"}},{"kind":"Field","name":{"kind":"Name","value":"SRP_B"}},{"kind":"Field","name":{"kind":"Name","value":"SECRET_BLOCK"}},{"kind":"Field","name":{"kind":"Name","value":"USER_ID_FOR_SRP"}},{"kind":"Field","name":{"kind":"Name","value":"USERNAME"}},{"kind":"Field","name":{"kind":"Name","value":"userAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"requiredAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"CODE_DELIVERY_DELIVERY_MEDIUM"}},{"kind":"Field","name":{"kind":"Name","value":"CODE_DELIVERY_DESTINATION"}},{"kind":"Field","name":{"kind":"Name","value":"MFAS_CAN_CHOOSE"}},{"kind":"Field","name":{"kind":"Name","value":"MFAS_CAN_SETUP"}},{"kind":"Field","name":{"kind":"Name","value":"FRIENDLY_DEVICE_NAME"}},{"kind":"Field","name":{"kind":"Name","value":"CREDENTIAL_REQUEST_OPTIONS"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableChallenges"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthenticationResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"idToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"tokenType"}},{"kind":"Field","name":{"kind":"Name","value":"newDeviceMetadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceKey"}},{"kind":"Field","name":{"kind":"Name","value":"deviceGroupKey"}}]}}]}}]} as unknown as DocumentNode<AuthResultFieldsFragment, unknown>;
export const DeviceFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Device"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceKey"}},{"kind":"Field","name":{"kind":"Name","value":"deviceAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deviceCreateDate"}},{"kind":"Field","name":{"kind":"Name","value":"deviceLastModifiedDate"}},{"kind":"Field","name":{"kind":"Name","value":"deviceLastAuthenticatedDate"}}]}}]} as unknown as DocumentNode<DeviceFieldsFragment, unknown>;
export const GroupFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"precedence"}},{"kind":"Field","name":{"kind":"Name","value":"roleArn"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<GroupFieldsFragment, unknown>;
export const ResourceServerFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ResourceServerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceServer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scopeName"}},{"kind":"Field","name":{"kind":"Name","value":"scopeDescription"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<ResourceServerFieldsFragment, unknown>;
export const UserPoolDomainFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserPoolDomainFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserPoolDomain"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"managedLoginVersion"}},{"kind":"Field","name":{"kind":"Name","value":"customDomainConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateArn"}},{"kind":"Field","name":{"kind":"Name","value":"securityPolicy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cloudFrontDistribution"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<UserPoolDomainFieldsFragment, unknown>;
export const UiCustomizationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UICustomizationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UICustomization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"css"}},{"kind":"Field","name":{"kind":"Name","value":"cssVersion"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<UiCustomizationFieldsFragment, unknown>;
export const UserImportJobFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserImportJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserImportJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"jobName"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"preSignedUrl"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"completionDate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cloudWatchLogsRoleArn"}},{"kind":"Field","name":{"kind":"Name","value":"importedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"skippedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"failedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"completionMessage"}},{"kind":"Field","name":{"kind":"Name","value":"totalUsers"}},{"kind":"Field","name":{"kind":"Name","value":"rowsDone"}},{"kind":"Field","name":{"kind":"Name","value":"rowErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineNumber"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<UserImportJobFieldsFragment, unknown>;
export const PoolFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PoolFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserPool"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"deletionProtection"}},{"kind":"Field","name":{"kind":"Name","value":"usernameAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"aliasAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"usernameConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseSensitive"}}]}},{"kind":"Field","name":{"kind":"Name","value":"passwordPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minimumLength"}},{"kind":"Field","name":{"kind":"Name","value":"requireUppercase"}},{"kind":"Field","name":{"kind":"Name","value":"requireLowercase"}},{"kind":"Field","name":{"kind":"Name","value":"requireNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"requireSymbols"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryPasswordValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"passwordHistorySize"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mfaConfiguration"}},{"kind":"Field","name":{"kind":"Name","value":"enabledMfas"}},{"kind":"Field","name":{"kind":"Name","value":"autoVerifiedAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"userAttributeUpdateSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributesRequireVerificationBeforeUpdate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verificationMessageTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubject"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessageByLink"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubjectByLink"}},{"kind":"Field","name":{"kind":"Name","value":"defaultEmailOption"}}]}},{"kind":"Field","name":{"kind":"Name","value":"smsAuthenticationMessage"}},{"kind":"Field","name":{"kind":"Name","value":"adminCreateUserConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowAdminCreateUserOnly"}},{"kind":"Field","name":{"kind":"Name","value":"inviteMessageTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubject"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountRecoverySetting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lambdaConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preSignUp"}},{"kind":"Field","name":{"kind":"Name","value":"customMessage"}},{"kind":"Field","name":{"kind":"Name","value":"postConfirmation"}},{"kind":"Field","name":{"kind":"Name","value":"preAuthentication"}},{"kind":"Field","name":{"kind":"Name","value":"postAuthentication"}},{"kind":"Field","name":{"kind":"Name","value":"defineAuthChallenge"}},{"kind":"Field","name":{"kind":"Name","value":"createAuthChallenge"}},{"kind":"Field","name":{"kind":"Name","value":"verifyAuthChallengeResponse"}},{"kind":"Field","name":{"kind":"Name","value":"preTokenGeneration"}},{"kind":"Field","name":{"kind":"Name","value":"userMigration"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deviceConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeRequiredOnNewDevice"}},{"kind":"Field","name":{"kind":"Name","value":"deviceOnlyRememberedOnUserPrompt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"signInPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowedFirstAuthFactors"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schemaAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"attributeDataType"}},{"kind":"Field","name":{"kind":"Name","value":"developerOnlyAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"mutable"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"stringAttributeConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}}]}},{"kind":"Field","name":{"kind":"Name","value":"numberAttributeConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minValue"}},{"kind":"Field","name":{"kind":"Name","value":"maxValue"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"estimatedNumberOfUsers"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<PoolFieldsFragment, unknown>;
export const PoolNameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PoolName"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PoolNameQuery, PoolNameQueryVariables>;
export const PoolStringConstraintsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PoolStringConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPools"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schemaAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stringAttributeConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minLength"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PoolStringConstraintsQuery, PoolStringConstraintsQueryVariables>;
export const AdminCreateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminCreateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminCreateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminCreateUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AdminUserFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdminUserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"userSub"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userCreateDate"}},{"kind":"Field","name":{"kind":"Name","value":"userLastModifiedDate"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"userStatus"}}]}}]} as unknown as DocumentNode<AdminCreateUserMutation, AdminCreateUserMutationVariables>;
export const AdminGetUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminGetUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminGetUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AdminUserFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdminUserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"userSub"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userCreateDate"}},{"kind":"Field","name":{"kind":"Name","value":"userLastModifiedDate"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"userStatus"}}]}}]} as unknown as DocumentNode<AdminGetUserQuery, AdminGetUserQueryVariables>;
export const AdminUpdateUserAttributesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminUpdateUserAttributes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminUpdateUserAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminUpdateUserAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<AdminUpdateUserAttributesMutation, AdminUpdateUserAttributesMutationVariables>;
export const AdminDeleteUserAttributesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminDeleteUserAttributes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminDeleteUserAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminDeleteUserAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<AdminDeleteUserAttributesMutation, AdminDeleteUserAttributesMutationVariables>;
export const AdminDeleteUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminDeleteUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminDeleteUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}]}]}}]} as unknown as DocumentNode<AdminDeleteUserMutation, AdminDeleteUserMutationVariables>;
export const AdminDisableUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminDisableUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminDisableUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}]}]}}]} as unknown as DocumentNode<AdminDisableUserMutation, AdminDisableUserMutationVariables>;
export const AdminEnableUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminEnableUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminEnableUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}]}]}}]} as unknown as DocumentNode<AdminEnableUserMutation, AdminEnableUserMutationVariables>;
export const AdminConfirmSignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminConfirmSignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientMetadata"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JSONObject"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminConfirmSignUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"clientMetadata"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientMetadata"}}}]}]}}]} as unknown as DocumentNode<AdminConfirmSignUpMutation, AdminConfirmSignUpMutationVariables>;
export const AdminSetUserPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminSetUserPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminSetUserPasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminSetUserPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<AdminSetUserPasswordMutation, AdminSetUserPasswordMutationVariables>;
export const AdminResetUserPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminResetUserPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientMetadata"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JSONObject"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminResetUserPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"clientMetadata"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientMetadata"}}}]}]}}]} as unknown as DocumentNode<AdminResetUserPasswordMutation, AdminResetUserPasswordMutationVariables>;
export const CreateAdminApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAdminApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAdminApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAdminApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"key"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"poolScope"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<CreateAdminApiKeyMutation, CreateAdminApiKeyMutationVariables>;
export const RevokeAdminApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeAdminApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"keyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeAdminApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"keyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"keyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<RevokeAdminApiKeyMutation, RevokeAdminApiKeyMutationVariables>;
export const ListAdminApiKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListAdminApiKeys"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminApiKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"poolScope"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]} as unknown as DocumentNode<ListAdminApiKeysQuery, ListAdminApiKeysQueryVariables>;
export const ListEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"order"},"value":{"kind":"EnumValue","value":"OLDEST_FIRST"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]} as unknown as DocumentNode<ListEventsQuery, ListEventsQueryVariables>;
export const CreateUserPoolClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUserPoolClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUserPoolClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUserPoolClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserPoolClient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"explicitAuthFlows"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"idTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"tokenValidityUnits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"idToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authSessionValidity"}},{"kind":"Field","name":{"kind":"Name","value":"readAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"writeAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"preventUserExistenceErrors"}},{"kind":"Field","name":{"kind":"Name","value":"enableTokenRevocation"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenRotation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"feature"}},{"kind":"Field","name":{"kind":"Name","value":"retryGracePeriodSeconds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"callbackURLs"}},{"kind":"Field","name":{"kind":"Name","value":"logoutURLs"}},{"kind":"Field","name":{"kind":"Name","value":"defaultRedirectURI"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthFlows"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthScopes"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthFlowsUserPoolClient"}},{"kind":"Field","name":{"kind":"Name","value":"supportedIdentityProviders"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<CreateUserPoolClientMutation, CreateUserPoolClientMutationVariables>;
export const UpdateUserPoolClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateUserPoolClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateUserPoolClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateUserPoolClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserPoolClient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"explicitAuthFlows"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"idTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"tokenValidityUnits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"idToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authSessionValidity"}},{"kind":"Field","name":{"kind":"Name","value":"readAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"writeAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"preventUserExistenceErrors"}},{"kind":"Field","name":{"kind":"Name","value":"enableTokenRevocation"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenRotation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"feature"}},{"kind":"Field","name":{"kind":"Name","value":"retryGracePeriodSeconds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"callbackURLs"}},{"kind":"Field","name":{"kind":"Name","value":"logoutURLs"}},{"kind":"Field","name":{"kind":"Name","value":"defaultRedirectURI"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthFlows"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthScopes"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthFlowsUserPoolClient"}},{"kind":"Field","name":{"kind":"Name","value":"supportedIdentityProviders"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<UpdateUserPoolClientMutation, UpdateUserPoolClientMutationVariables>;
export const DeleteUserPoolClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteUserPoolClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteUserPoolClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}}]}]}}]} as unknown as DocumentNode<DeleteUserPoolClientMutation, DeleteUserPoolClientMutationVariables>;
export const GetUserPoolClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetUserPoolClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPoolClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserPoolClient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"explicitAuthFlows"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"idTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenValidity"}},{"kind":"Field","name":{"kind":"Name","value":"tokenValidityUnits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"idToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authSessionValidity"}},{"kind":"Field","name":{"kind":"Name","value":"readAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"writeAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"preventUserExistenceErrors"}},{"kind":"Field","name":{"kind":"Name","value":"enableTokenRevocation"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenRotation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"feature"}},{"kind":"Field","name":{"kind":"Name","value":"retryGracePeriodSeconds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"callbackURLs"}},{"kind":"Field","name":{"kind":"Name","value":"logoutURLs"}},{"kind":"Field","name":{"kind":"Name","value":"defaultRedirectURI"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthFlows"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthScopes"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthFlowsUserPoolClient"}},{"kind":"Field","name":{"kind":"Name","value":"supportedIdentityProviders"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<GetUserPoolClientQuery, GetUserPoolClientQueryVariables>;
export const ListUserPoolClientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListUserPoolClients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPoolClients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]} as unknown as DocumentNode<ListUserPoolClientsQuery, ListUserPoolClientsQueryVariables>;
export const InitiateAuthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InitiateAuth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InitiateAuthInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"initiateAuth"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuthResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthenticationResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"idToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"tokenType"}},{"kind":"Field","name":{"kind":"Name","value":"newDeviceMetadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceKey"}},{"kind":"Field","name":{"kind":"Name","value":"deviceGroupKey"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuthResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthChallenge"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeName"}},{"kind":"Field","name":{"kind":"Name","value":"session"}},{"kind":"Field","name":{"kind":"Name","value":"challengeParameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"SALT"}},{"kind":"Field","name":{"kind":"Name","value":"SRP_B"}},{"kind":"Field","name":{"kind":"Name","value":"SECRET_BLOCK"}},{"kind":"Field","name":{"kind":"Name","value":"USER_ID_FOR_SRP"}},{"kind":"Field","name":{"kind":"Name","value":"USERNAME"}},{"kind":"Field","name":{"kind":"Name","value":"userAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"requiredAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"CODE_DELIVERY_DELIVERY_MEDIUM"}},{"kind":"Field","name":{"kind":"Name","value":"CODE_DELIVERY_DESTINATION"}},{"kind":"Field","name":{"kind":"Name","value":"MFAS_CAN_CHOOSE"}},{"kind":"Field","name":{"kind":"Name","value":"MFAS_CAN_SETUP"}},{"kind":"Field","name":{"kind":"Name","value":"FRIENDLY_DEVICE_NAME"}},{"kind":"Field","name":{"kind":"Name","value":"CREDENTIAL_REQUEST_OPTIONS"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableChallenges"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}}]} as unknown as DocumentNode<InitiateAuthMutation, InitiateAuthMutationVariables>;
export const GetTokensFromRefreshTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GetTokensFromRefreshToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GetTokensFromRefreshTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"getTokensFromRefreshToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthenticationResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"idToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"tokenType"}},{"kind":"Field","name":{"kind":"Name","value":"newDeviceMetadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceKey"}},{"kind":"Field","name":{"kind":"Name","value":"deviceGroupKey"}}]}}]}}]} as unknown as DocumentNode<GetTokensFromRefreshTokenMutation, GetTokensFromRefreshTokenMutationVariables>;
export const RespondToAuthChallengeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RespondToAuthChallenge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RespondToAuthChallengeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"respondToAuthChallenge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuthResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthenticationResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"idToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"tokenType"}},{"kind":"Field","name":{"kind":"Name","value":"newDeviceMetadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceKey"}},{"kind":"Field","name":{"kind":"Name","value":"deviceGroupKey"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuthResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthChallenge"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeName"}},{"kind":"Field","name":{"kind":"Name","value":"session"}},{"kind":"Field","name":{"kind":"Name","value":"challengeParameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"SALT"}},{"kind":"Field","name":{"kind":"Name","value":"SRP_B"}},{"kind":"Field","name":{"kind":"Name","value":"SECRET_BLOCK"}},{"kind":"Field","name":{"kind":"Name","value":"USER_ID_FOR_SRP"}},{"kind":"Field","name":{"kind":"Name","value":"USERNAME"}},{"kind":"Field","name":{"kind":"Name","value":"userAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"requiredAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"CODE_DELIVERY_DELIVERY_MEDIUM"}},{"kind":"Field","name":{"kind":"Name","value":"CODE_DELIVERY_DESTINATION"}},{"kind":"Field","name":{"kind":"Name","value":"MFAS_CAN_CHOOSE"}},{"kind":"Field","name":{"kind":"Name","value":"MFAS_CAN_SETUP"}},{"kind":"Field","name":{"kind":"Name","value":"FRIENDLY_DEVICE_NAME"}},{"kind":"Field","name":{"kind":"Name","value":"CREDENTIAL_REQUEST_OPTIONS"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableChallenges"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}}]} as unknown as DocumentNode<RespondToAuthChallengeMutation, RespondToAuthChallengeMutationVariables>;
export const AdminInitiateAuthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminInitiateAuth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminInitiateAuthInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminInitiateAuth"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuthResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthenticationResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"idToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"tokenType"}},{"kind":"Field","name":{"kind":"Name","value":"newDeviceMetadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceKey"}},{"kind":"Field","name":{"kind":"Name","value":"deviceGroupKey"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuthResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthChallenge"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeName"}},{"kind":"Field","name":{"kind":"Name","value":"session"}},{"kind":"Field","name":{"kind":"Name","value":"challengeParameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"SALT"}},{"kind":"Field","name":{"kind":"Name","value":"SRP_B"}},{"kind":"Field","name":{"kind":"Name","value":"SECRET_BLOCK"}},{"kind":"Field","name":{"kind":"Name","value":"USER_ID_FOR_SRP"}},{"kind":"Field","name":{"kind":"Name","value":"USERNAME"}},{"kind":"Field","name":{"kind":"Name","value":"userAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"requiredAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"CODE_DELIVERY_DELIVERY_MEDIUM"}},{"kind":"Field","name":{"kind":"Name","value":"CODE_DELIVERY_DESTINATION"}},{"kind":"Field","name":{"kind":"Name","value":"MFAS_CAN_CHOOSE"}},{"kind":"Field","name":{"kind":"Name","value":"MFAS_CAN_SETUP"}},{"kind":"Field","name":{"kind":"Name","value":"FRIENDLY_DEVICE_NAME"}},{"kind":"Field","name":{"kind":"Name","value":"CREDENTIAL_REQUEST_OPTIONS"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableChallenges"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}}]} as unknown as DocumentNode<AdminInitiateAuthMutation, AdminInitiateAuthMutationVariables>;
export const AdminRespondToAuthChallengeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminRespondToAuthChallenge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminRespondToAuthChallengeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminRespondToAuthChallenge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuthResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthenticationResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"idToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"tokenType"}},{"kind":"Field","name":{"kind":"Name","value":"newDeviceMetadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceKey"}},{"kind":"Field","name":{"kind":"Name","value":"deviceGroupKey"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuthResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthChallenge"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeName"}},{"kind":"Field","name":{"kind":"Name","value":"session"}},{"kind":"Field","name":{"kind":"Name","value":"challengeParameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"SALT"}},{"kind":"Field","name":{"kind":"Name","value":"SRP_B"}},{"kind":"Field","name":{"kind":"Name","value":"SECRET_BLOCK"}},{"kind":"Field","name":{"kind":"Name","value":"USER_ID_FOR_SRP"}},{"kind":"Field","name":{"kind":"Name","value":"USERNAME"}},{"kind":"Field","name":{"kind":"Name","value":"userAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"requiredAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"CODE_DELIVERY_DELIVERY_MEDIUM"}},{"kind":"Field","name":{"kind":"Name","value":"CODE_DELIVERY_DESTINATION"}},{"kind":"Field","name":{"kind":"Name","value":"MFAS_CAN_CHOOSE"}},{"kind":"Field","name":{"kind":"Name","value":"MFAS_CAN_SETUP"}},{"kind":"Field","name":{"kind":"Name","value":"FRIENDLY_DEVICE_NAME"}},{"kind":"Field","name":{"kind":"Name","value":"CREDENTIAL_REQUEST_OPTIONS"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableChallenges"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}}]} as unknown as DocumentNode<AdminRespondToAuthChallengeMutation, AdminRespondToAuthChallengeMutationVariables>;
export const ConfirmDeviceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmDevice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmDeviceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmDevice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userConfirmationNecessary"}}]}}]}}]} as unknown as DocumentNode<ConfirmDeviceMutation, ConfirmDeviceMutationVariables>;
export const UpdateDeviceStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateDeviceStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deviceKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deviceRememberedStatus"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceRememberedStatus"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateDeviceStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"deviceKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deviceKey"}}},{"kind":"Argument","name":{"kind":"Name","value":"deviceRememberedStatus"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deviceRememberedStatus"}}}]}]}}]} as unknown as DocumentNode<UpdateDeviceStatusMutation, UpdateDeviceStatusMutationVariables>;
export const GetDeviceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetDevice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deviceKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"getDevice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"deviceKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deviceKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeviceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Device"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceKey"}},{"kind":"Field","name":{"kind":"Name","value":"deviceAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deviceCreateDate"}},{"kind":"Field","name":{"kind":"Name","value":"deviceLastModifiedDate"}},{"kind":"Field","name":{"kind":"Name","value":"deviceLastAuthenticatedDate"}}]}}]} as unknown as DocumentNode<GetDeviceQuery, GetDeviceQueryVariables>;
export const ListDevicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListDevices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"paginationToken"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listDevices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"paginationToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"paginationToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"devices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeviceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paginationToken"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Device"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceKey"}},{"kind":"Field","name":{"kind":"Name","value":"deviceAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deviceCreateDate"}},{"kind":"Field","name":{"kind":"Name","value":"deviceLastModifiedDate"}},{"kind":"Field","name":{"kind":"Name","value":"deviceLastAuthenticatedDate"}}]}}]} as unknown as DocumentNode<ListDevicesQuery, ListDevicesQueryVariables>;
export const ForgetDeviceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ForgetDevice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deviceKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"forgetDevice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"deviceKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deviceKey"}}}]}]}}]} as unknown as DocumentNode<ForgetDeviceMutation, ForgetDeviceMutationVariables>;
export const AdminGetDeviceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminGetDevice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deviceKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminGetDevice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"deviceKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deviceKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeviceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Device"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceKey"}},{"kind":"Field","name":{"kind":"Name","value":"deviceAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deviceCreateDate"}},{"kind":"Field","name":{"kind":"Name","value":"deviceLastModifiedDate"}},{"kind":"Field","name":{"kind":"Name","value":"deviceLastAuthenticatedDate"}}]}}]} as unknown as DocumentNode<AdminGetDeviceQuery, AdminGetDeviceQueryVariables>;
export const AdminListDevicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminListDevices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"paginationToken"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminListDevices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"paginationToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"paginationToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"devices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeviceFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paginationToken"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Device"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceKey"}},{"kind":"Field","name":{"kind":"Name","value":"deviceAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deviceCreateDate"}},{"kind":"Field","name":{"kind":"Name","value":"deviceLastModifiedDate"}},{"kind":"Field","name":{"kind":"Name","value":"deviceLastAuthenticatedDate"}}]}}]} as unknown as DocumentNode<AdminListDevicesQuery, AdminListDevicesQueryVariables>;
export const AdminUpdateDeviceStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminUpdateDeviceStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deviceKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deviceRememberedStatus"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceRememberedStatus"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminUpdateDeviceStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"deviceKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deviceKey"}}},{"kind":"Argument","name":{"kind":"Name","value":"deviceRememberedStatus"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deviceRememberedStatus"}}}]}]}}]} as unknown as DocumentNode<AdminUpdateDeviceStatusMutation, AdminUpdateDeviceStatusMutationVariables>;
export const AdminForgetDeviceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminForgetDevice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deviceKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminForgetDevice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"deviceKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deviceKey"}}}]}]}}]} as unknown as DocumentNode<AdminForgetDeviceMutation, AdminForgetDeviceMutationVariables>;
export const AuditEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EventType"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userSub"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}},{"kind":"Argument","name":{"kind":"Name","value":"userSub"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userSub"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]} as unknown as DocumentNode<AuditEventsQuery, AuditEventsQueryVariables>;
export const UserEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"UserEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EventType"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]} as unknown as DocumentNode<UserEventsSubscription, UserEventsSubscriptionVariables>;
export const CreateWebhookSubscriptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWebhookSubscription"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWebhookSubscriptionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWebhookSubscription"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signingSecret"}},{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<CreateWebhookSubscriptionMutation, CreateWebhookSubscriptionMutationVariables>;
export const DeleteWebhookSubscriptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteWebhookSubscription"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subscriptionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteWebhookSubscription"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"subscriptionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subscriptionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<DeleteWebhookSubscriptionMutation, DeleteWebhookSubscriptionMutationVariables>;
export const WebhookSubscriptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookSubscriptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookSubscriptions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<WebhookSubscriptionsQuery, WebhookSubscriptionsQueryVariables>;
export const WebhookDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subscriptionId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDeliveryStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"subscriptionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subscriptionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subscriptionId"}},{"kind":"Field","name":{"kind":"Name","value":"eventSeq"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastResponseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]} as unknown as DocumentNode<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const CreateGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"precedence"}},{"kind":"Field","name":{"kind":"Name","value":"roleArn"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<CreateGroupMutation, CreateGroupMutationVariables>;
export const UpdateGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"precedence"}},{"kind":"Field","name":{"kind":"Name","value":"roleArn"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<UpdateGroupMutation, UpdateGroupMutationVariables>;
export const DeleteGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupName"}}}]}]}}]} as unknown as DocumentNode<DeleteGroupMutation, DeleteGroupMutationVariables>;
export const GetGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"precedence"}},{"kind":"Field","name":{"kind":"Name","value":"roleArn"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<GetGroupQuery, GetGroupQueryVariables>;
export const ListGroupsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListGroups"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"precedence"}},{"kind":"Field","name":{"kind":"Name","value":"roleArn"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<ListGroupsQuery, ListGroupsQueryVariables>;
export const AdminAddUserToGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminAddUserToGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminAddUserToGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupName"}}}]}]}}]} as unknown as DocumentNode<AdminAddUserToGroupMutation, AdminAddUserToGroupMutationVariables>;
export const AdminRemoveUserFromGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminRemoveUserFromGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminRemoveUserFromGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupName"}}}]}]}}]} as unknown as DocumentNode<AdminRemoveUserFromGroupMutation, AdminRemoveUserFromGroupMutationVariables>;
export const ListUsersInGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListUsersInGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listUsersInGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupName"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"userSub"}},{"kind":"Field","name":{"kind":"Name","value":"userStatus"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]} as unknown as DocumentNode<ListUsersInGroupQuery, ListUsersInGroupQueryVariables>;
export const AdminListGroupsForUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminListGroupsForUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminListGroupsForUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"precedence"}},{"kind":"Field","name":{"kind":"Name","value":"roleArn"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<AdminListGroupsForUserQuery, AdminListGroupsForUserQueryVariables>;
export const ListUsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"attributesToGet"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"paginationToken"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listUsers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"attributesToGet"},"value":{"kind":"Variable","name":{"kind":"Name","value":"attributesToGet"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"paginationToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"paginationToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"userSub"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userCreateDate"}},{"kind":"Field","name":{"kind":"Name","value":"userLastModifiedDate"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"userStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paginationToken"}}]}}]}}]} as unknown as DocumentNode<ListUsersQuery, ListUsersQueryVariables>;
export const SearchableAttributesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchableAttributes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schemaAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"searchable"}}]}}]}}]}}]} as unknown as DocumentNode<SearchableAttributesQuery, SearchableAttributesQueryVariables>;
export const AssociateSoftwareTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssociateSoftwareToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"session"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"associateSoftwareToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"session"},"value":{"kind":"Variable","name":{"kind":"Name","value":"session"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secretCode"}},{"kind":"Field","name":{"kind":"Name","value":"otpauthUri"}},{"kind":"Field","name":{"kind":"Name","value":"qrCodePng"}},{"kind":"Field","name":{"kind":"Name","value":"session"}}]}}]}}]} as unknown as DocumentNode<AssociateSoftwareTokenMutation, AssociateSoftwareTokenMutationVariables>;
export const VerifySoftwareTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifySoftwareToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"friendlyDeviceName"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"session"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifySoftwareToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"friendlyDeviceName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"friendlyDeviceName"}}},{"kind":"Argument","name":{"kind":"Name","value":"session"},"value":{"kind":"Variable","name":{"kind":"Name","value":"session"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"session"}}]}}]}}]} as unknown as DocumentNode<VerifySoftwareTokenMutation, VerifySoftwareTokenMutationVariables>;
export const SetUserMfaPreferenceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetUserMfaPreference"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetUserMfaPreferenceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setUserMfaPreference"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<SetUserMfaPreferenceMutation, SetUserMfaPreferenceMutationVariables>;
export const AdminSetUserMfaPreferenceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminSetUserMfaPreference"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminSetUserMfaPreferenceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminSetUserMfaPreference"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<AdminSetUserMfaPreferenceMutation, AdminSetUserMfaPreferenceMutationVariables>;
export const GetUserMfaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetUserMfa"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"getUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"preferredMfaSetting"}},{"kind":"Field","name":{"kind":"Name","value":"userMfaSettingList"}}]}}]}}]} as unknown as DocumentNode<GetUserMfaQuery, GetUserMfaQueryVariables>;
export const AdminGetUserMfaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminGetUserMfa"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminGetUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"preferredMfaSetting"}},{"kind":"Field","name":{"kind":"Name","value":"userMfaSettingList"}}]}}]}}]} as unknown as DocumentNode<AdminGetUserMfaQuery, AdminGetUserMfaQueryVariables>;
export const GetUserPoolMfaConfigDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetUserPoolMfaConfig"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"getUserPoolMfaConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mfaConfiguration"}},{"kind":"Field","name":{"kind":"Name","value":"enabledMfas"}},{"kind":"Field","name":{"kind":"Name","value":"smsAuthenticationMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMfaMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMfaSubject"}}]}}]}}]} as unknown as DocumentNode<GetUserPoolMfaConfigQuery, GetUserPoolMfaConfigQueryVariables>;
export const SetUserPoolMfaConfigDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetUserPoolMfaConfig"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetUserPoolMfaConfigInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setUserPoolMfaConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mfaConfiguration"}},{"kind":"Field","name":{"kind":"Name","value":"enabledMfas"}},{"kind":"Field","name":{"kind":"Name","value":"smsAuthenticationMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMfaMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMfaSubject"}}]}}]}}]} as unknown as DocumentNode<SetUserPoolMfaConfigMutation, SetUserPoolMfaConfigMutationVariables>;
export const SetUserMigrationSourceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetUserMigrationSource"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetUserMigrationSourceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setUserMigrationSource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"sourceUserPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"hasClientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"accessKeyId"}},{"kind":"Field","name":{"kind":"Name","value":"subAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutMs"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<SetUserMigrationSourceMutation, SetUserMigrationSourceMutationVariables>;
export const UserMigrationSourceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserMigrationSource"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userMigrationSource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"sourceUserPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"hasClientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"accessKeyId"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutMs"}}]}}]}}]} as unknown as DocumentNode<UserMigrationSourceQuery, UserMigrationSourceQueryVariables>;
export const DeleteUserMigrationSourceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteUserMigrationSource"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteUserMigrationSource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}]}]}}]} as unknown as DocumentNode<DeleteUserMigrationSourceMutation, DeleteUserMigrationSourceMutationVariables>;
export const UserMigrationProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserMigrationProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userMigrationProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"migrated"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"sourceEstimatedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"lastMigratedAt"}}]}}]}}]} as unknown as DocumentNode<UserMigrationProgressQuery, UserMigrationProgressQueryVariables>;
export const CreateResourceServerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateResourceServer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceServerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createResourceServer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ResourceServerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ResourceServerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceServer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scopeName"}},{"kind":"Field","name":{"kind":"Name","value":"scopeDescription"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<CreateResourceServerMutation, CreateResourceServerMutationVariables>;
export const UpdateResourceServerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateResourceServer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceServerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateResourceServer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ResourceServerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ResourceServerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceServer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scopeName"}},{"kind":"Field","name":{"kind":"Name","value":"scopeDescription"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<UpdateResourceServerMutation, UpdateResourceServerMutationVariables>;
export const DeleteResourceServerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteResourceServer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"identifier"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteResourceServer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"identifier"},"value":{"kind":"Variable","name":{"kind":"Name","value":"identifier"}}}]}]}}]} as unknown as DocumentNode<DeleteResourceServerMutation, DeleteResourceServerMutationVariables>;
export const GetResourceServerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetResourceServer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"identifier"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceServer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"identifier"},"value":{"kind":"Variable","name":{"kind":"Name","value":"identifier"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ResourceServerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ResourceServerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceServer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scopeName"}},{"kind":"Field","name":{"kind":"Name","value":"scopeDescription"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<GetResourceServerQuery, GetResourceServerQueryVariables>;
export const ListResourceServersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListResourceServers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceServers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ResourceServerFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ResourceServerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceServer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scopeName"}},{"kind":"Field","name":{"kind":"Name","value":"scopeDescription"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<ListResourceServersQuery, ListResourceServersQueryVariables>;
export const CreateUserPoolDomainDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUserPoolDomain"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUserPoolDomainInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUserPoolDomain"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserPoolDomainFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserPoolDomainFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserPoolDomain"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"managedLoginVersion"}},{"kind":"Field","name":{"kind":"Name","value":"customDomainConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateArn"}},{"kind":"Field","name":{"kind":"Name","value":"securityPolicy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cloudFrontDistribution"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<CreateUserPoolDomainMutation, CreateUserPoolDomainMutationVariables>;
export const UpdateUserPoolDomainDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateUserPoolDomain"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateUserPoolDomainInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateUserPoolDomain"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserPoolDomainFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserPoolDomainFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserPoolDomain"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"managedLoginVersion"}},{"kind":"Field","name":{"kind":"Name","value":"customDomainConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateArn"}},{"kind":"Field","name":{"kind":"Name","value":"securityPolicy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cloudFrontDistribution"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<UpdateUserPoolDomainMutation, UpdateUserPoolDomainMutationVariables>;
export const DeleteUserPoolDomainDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteUserPoolDomain"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"domain"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteUserPoolDomain"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"domain"},"value":{"kind":"Variable","name":{"kind":"Name","value":"domain"}}}]}]}}]} as unknown as DocumentNode<DeleteUserPoolDomainMutation, DeleteUserPoolDomainMutationVariables>;
export const GetUserPoolDomainDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetUserPoolDomain"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"domain"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPoolDomain"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"domain"},"value":{"kind":"Variable","name":{"kind":"Name","value":"domain"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserPoolDomainFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserPoolDomainFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserPoolDomain"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"managedLoginVersion"}},{"kind":"Field","name":{"kind":"Name","value":"customDomainConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateArn"}},{"kind":"Field","name":{"kind":"Name","value":"securityPolicy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cloudFrontDistribution"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<GetUserPoolDomainQuery, GetUserPoolDomainQueryVariables>;
export const GetUserPoolDomainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetUserPoolDomains"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"customDomain"}}]}}]}}]} as unknown as DocumentNode<GetUserPoolDomainsQuery, GetUserPoolDomainsQueryVariables>;
export const SetUiCustomizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetUICustomization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetUICustomizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setUICustomization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UICustomizationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UICustomizationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UICustomization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"css"}},{"kind":"Field","name":{"kind":"Name","value":"cssVersion"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<SetUiCustomizationMutation, SetUiCustomizationMutationVariables>;
export const GetUiCustomizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetUICustomization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uiCustomization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UICustomizationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UICustomizationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UICustomization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"css"}},{"kind":"Field","name":{"kind":"Name","value":"cssVersion"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<GetUiCustomizationQuery, GetUiCustomizationQueryVariables>;
export const GetUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"getUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"userAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<GetUserQuery, GetUserQueryVariables>;
export const UpdateUserAttributesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateUserAttributes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateUserAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateUserAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"codeDeliveryDetailsList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMedium"}},{"kind":"Field","name":{"kind":"Name","value":"attributeName"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateUserAttributesMutation, UpdateUserAttributesMutationVariables>;
export const DeleteUserAttributesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteUserAttributes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userAttributeNames"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteUserAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userAttributeNames"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userAttributeNames"}}}]}]}}]} as unknown as DocumentNode<DeleteUserAttributesMutation, DeleteUserAttributesMutationVariables>;
export const GetUserAttributeVerificationCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GetUserAttributeVerificationCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"attributeName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientMetadata"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JSONObject"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"getUserAttributeVerificationCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"attributeName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"attributeName"}}},{"kind":"Argument","name":{"kind":"Name","value":"clientMetadata"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientMetadata"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMedium"}},{"kind":"Field","name":{"kind":"Name","value":"attributeName"}}]}}]}}]} as unknown as DocumentNode<GetUserAttributeVerificationCodeMutation, GetUserAttributeVerificationCodeMutationVariables>;
export const VerifyUserAttributeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifyUserAttribute"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"attributeName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyUserAttribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"attributeName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"attributeName"}}},{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}]}]}}]} as unknown as DocumentNode<VerifyUserAttributeMutation, VerifyUserAttributeMutationVariables>;
export const ChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"previousPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"proposedPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"previousPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"previousPassword"}}},{"kind":"Argument","name":{"kind":"Name","value":"proposedPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"proposedPassword"}}}]}]}}]} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const DeleteUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteUser"}}]}}]} as unknown as DocumentNode<DeleteUserMutation, DeleteUserMutationVariables>;
export const GlobalSignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GlobalSignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"globalSignOut"}}]}}]} as unknown as DocumentNode<GlobalSignOutMutation, GlobalSignOutMutationVariables>;
export const RevokeTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<RevokeTokenMutation, RevokeTokenMutationVariables>;
export const AdminUserGlobalSignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminUserGlobalSignOut"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminUserGlobalSignOut"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}]}]}}]} as unknown as DocumentNode<AdminUserGlobalSignOutMutation, AdminUserGlobalSignOutMutationVariables>;
export const SignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userSub"}},{"kind":"Field","name":{"kind":"Name","value":"userConfirmed"}},{"kind":"Field","name":{"kind":"Name","value":"codeDeliveryDetails"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMedium"}},{"kind":"Field","name":{"kind":"Name","value":"attributeName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"session"}}]}}]}}]} as unknown as DocumentNode<SignUpMutation, SignUpMutationVariables>;
export const ConfirmSignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmSignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmSignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmSignUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"session"}}]}}]}}]} as unknown as DocumentNode<ConfirmSignUpMutation, ConfirmSignUpMutationVariables>;
export const ResendConfirmationCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResendConfirmationCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UsernameRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resendConfirmationCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMedium"}},{"kind":"Field","name":{"kind":"Name","value":"attributeName"}}]}}]}}]} as unknown as DocumentNode<ResendConfirmationCodeMutation, ResendConfirmationCodeMutationVariables>;
export const ForgotPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ForgotPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UsernameRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"forgotPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMedium"}},{"kind":"Field","name":{"kind":"Name","value":"attributeName"}}]}}]}}]} as unknown as DocumentNode<ForgotPasswordMutation, ForgotPasswordMutationVariables>;
export const ConfirmForgotPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmForgotPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmForgotPasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmForgotPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<ConfirmForgotPasswordMutation, ConfirmForgotPasswordMutationVariables>;
export const SentMessagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SentMessages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userSub"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"destination"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sentMessages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userSub"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userSub"}}},{"kind":"Argument","name":{"kind":"Name","value":"destination"},"value":{"kind":"Variable","name":{"kind":"Name","value":"destination"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"userSub"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMedium"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]} as unknown as DocumentNode<SentMessagesQuery, SentMessagesQueryVariables>;
export const RotateSigningKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateSigningKeys"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateSigningKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}]}]}}]} as unknown as DocumentNode<RotateSigningKeysMutation, RotateSigningKeysMutationVariables>;
export const RotateTriggerSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateTriggerSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateTriggerSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<RotateTriggerSecretMutation, RotateTriggerSecretMutationVariables>;
export const InitiateAuthCustomDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InitiateAuthCustom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InitiateAuthInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"initiateAuth"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthChallenge"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeName"}},{"kind":"Field","name":{"kind":"Name","value":"session"}},{"kind":"Field","name":{"kind":"Name","value":"challengeParameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"all"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthenticationResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"idToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}}]}}]}}]}}]} as unknown as DocumentNode<InitiateAuthCustomMutation, InitiateAuthCustomMutationVariables>;
export const RespondToAuthChallengeCustomDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RespondToAuthChallengeCustom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RespondToAuthChallengeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"respondToAuthChallenge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthChallenge"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeName"}},{"kind":"Field","name":{"kind":"Name","value":"session"}},{"kind":"Field","name":{"kind":"Name","value":"challengeParameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"all"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthenticationResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"idToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}}]}}]}}]}}]} as unknown as DocumentNode<RespondToAuthChallengeCustomMutation, RespondToAuthChallengeCustomMutationVariables>;
export const PoolLambdaConfigDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PoolLambdaConfig"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lambdaConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preSignUp"}},{"kind":"Field","name":{"kind":"Name","value":"preTokenGenerationConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lambdaVersion"}},{"kind":"Field","name":{"kind":"Name","value":"lambdaArn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customEmailSender"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lambdaVersion"}},{"kind":"Field","name":{"kind":"Name","value":"lambdaArn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customSmsSender"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lambdaVersion"}},{"kind":"Field","name":{"kind":"Name","value":"lambdaArn"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PoolLambdaConfigQuery, PoolLambdaConfigQueryVariables>;
export const GetUserAuthFactorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetUserAuthFactors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"getUserAuthFactors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"preferredMfaSetting"}},{"kind":"Field","name":{"kind":"Name","value":"userMfaSettingList"}},{"kind":"Field","name":{"kind":"Name","value":"configuredUserAuthFactors"}}]}}]}}]} as unknown as DocumentNode<GetUserAuthFactorsQuery, GetUserAuthFactorsQueryVariables>;
export const AdminGetUserAuthFactorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminGetUserAuthFactors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminGetUserAuthFactors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"preferredMfaSetting"}},{"kind":"Field","name":{"kind":"Name","value":"userMfaSettingList"}},{"kind":"Field","name":{"kind":"Name","value":"configuredUserAuthFactors"}}]}}]}}]} as unknown as DocumentNode<AdminGetUserAuthFactorsQuery, AdminGetUserAuthFactorsQueryVariables>;
export const CsvHeaderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CsvHeader"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"csvHeader"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}]}]}}]} as unknown as DocumentNode<CsvHeaderQuery, CsvHeaderQueryVariables>;
export const CreateUserImportJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUserImportJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUserImportJobInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUserImportJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserImportJobFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserImportJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserImportJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"jobName"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"preSignedUrl"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"completionDate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cloudWatchLogsRoleArn"}},{"kind":"Field","name":{"kind":"Name","value":"importedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"skippedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"failedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"completionMessage"}},{"kind":"Field","name":{"kind":"Name","value":"totalUsers"}},{"kind":"Field","name":{"kind":"Name","value":"rowsDone"}},{"kind":"Field","name":{"kind":"Name","value":"rowErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineNumber"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<CreateUserImportJobMutation, CreateUserImportJobMutationVariables>;
export const StartUserImportJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartUserImportJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startUserImportJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserImportJobFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserImportJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserImportJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"jobName"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"preSignedUrl"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"completionDate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cloudWatchLogsRoleArn"}},{"kind":"Field","name":{"kind":"Name","value":"importedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"skippedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"failedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"completionMessage"}},{"kind":"Field","name":{"kind":"Name","value":"totalUsers"}},{"kind":"Field","name":{"kind":"Name","value":"rowsDone"}},{"kind":"Field","name":{"kind":"Name","value":"rowErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineNumber"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<StartUserImportJobMutation, StartUserImportJobMutationVariables>;
export const StopUserImportJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StopUserImportJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stopUserImportJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserImportJobFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserImportJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserImportJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"jobName"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"preSignedUrl"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"completionDate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cloudWatchLogsRoleArn"}},{"kind":"Field","name":{"kind":"Name","value":"importedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"skippedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"failedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"completionMessage"}},{"kind":"Field","name":{"kind":"Name","value":"totalUsers"}},{"kind":"Field","name":{"kind":"Name","value":"rowsDone"}},{"kind":"Field","name":{"kind":"Name","value":"rowErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineNumber"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<StopUserImportJobMutation, StopUserImportJobMutationVariables>;
export const UserImportJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserImportJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userImportJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserImportJobFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserImportJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserImportJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"jobName"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"preSignedUrl"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"completionDate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cloudWatchLogsRoleArn"}},{"kind":"Field","name":{"kind":"Name","value":"importedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"skippedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"failedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"completionMessage"}},{"kind":"Field","name":{"kind":"Name","value":"totalUsers"}},{"kind":"Field","name":{"kind":"Name","value":"rowsDone"}},{"kind":"Field","name":{"kind":"Name","value":"rowErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineNumber"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<UserImportJobQuery, UserImportJobQueryVariables>;
export const UserImportJobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserImportJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userImportJobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserImportJobFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserImportJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserImportJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"jobName"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"preSignedUrl"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"completionDate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cloudWatchLogsRoleArn"}},{"kind":"Field","name":{"kind":"Name","value":"importedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"skippedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"failedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"completionMessage"}},{"kind":"Field","name":{"kind":"Name","value":"totalUsers"}},{"kind":"Field","name":{"kind":"Name","value":"rowsDone"}},{"kind":"Field","name":{"kind":"Name","value":"rowErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineNumber"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<UserImportJobsQuery, UserImportJobsQueryVariables>;
export const CreateUserPoolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUserPool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUserPoolInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUserPool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PoolFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PoolFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserPool"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"deletionProtection"}},{"kind":"Field","name":{"kind":"Name","value":"usernameAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"aliasAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"usernameConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseSensitive"}}]}},{"kind":"Field","name":{"kind":"Name","value":"passwordPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minimumLength"}},{"kind":"Field","name":{"kind":"Name","value":"requireUppercase"}},{"kind":"Field","name":{"kind":"Name","value":"requireLowercase"}},{"kind":"Field","name":{"kind":"Name","value":"requireNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"requireSymbols"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryPasswordValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"passwordHistorySize"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mfaConfiguration"}},{"kind":"Field","name":{"kind":"Name","value":"enabledMfas"}},{"kind":"Field","name":{"kind":"Name","value":"autoVerifiedAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"userAttributeUpdateSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributesRequireVerificationBeforeUpdate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verificationMessageTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubject"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessageByLink"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubjectByLink"}},{"kind":"Field","name":{"kind":"Name","value":"defaultEmailOption"}}]}},{"kind":"Field","name":{"kind":"Name","value":"smsAuthenticationMessage"}},{"kind":"Field","name":{"kind":"Name","value":"adminCreateUserConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowAdminCreateUserOnly"}},{"kind":"Field","name":{"kind":"Name","value":"inviteMessageTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubject"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountRecoverySetting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lambdaConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preSignUp"}},{"kind":"Field","name":{"kind":"Name","value":"customMessage"}},{"kind":"Field","name":{"kind":"Name","value":"postConfirmation"}},{"kind":"Field","name":{"kind":"Name","value":"preAuthentication"}},{"kind":"Field","name":{"kind":"Name","value":"postAuthentication"}},{"kind":"Field","name":{"kind":"Name","value":"defineAuthChallenge"}},{"kind":"Field","name":{"kind":"Name","value":"createAuthChallenge"}},{"kind":"Field","name":{"kind":"Name","value":"verifyAuthChallengeResponse"}},{"kind":"Field","name":{"kind":"Name","value":"preTokenGeneration"}},{"kind":"Field","name":{"kind":"Name","value":"userMigration"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deviceConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeRequiredOnNewDevice"}},{"kind":"Field","name":{"kind":"Name","value":"deviceOnlyRememberedOnUserPrompt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"signInPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowedFirstAuthFactors"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schemaAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"attributeDataType"}},{"kind":"Field","name":{"kind":"Name","value":"developerOnlyAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"mutable"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"stringAttributeConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}}]}},{"kind":"Field","name":{"kind":"Name","value":"numberAttributeConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minValue"}},{"kind":"Field","name":{"kind":"Name","value":"maxValue"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"estimatedNumberOfUsers"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<CreateUserPoolMutation, CreateUserPoolMutationVariables>;
export const UpdateUserPoolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateUserPool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateUserPoolInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateUserPool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PoolFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PoolFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserPool"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"deletionProtection"}},{"kind":"Field","name":{"kind":"Name","value":"usernameAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"aliasAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"usernameConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseSensitive"}}]}},{"kind":"Field","name":{"kind":"Name","value":"passwordPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minimumLength"}},{"kind":"Field","name":{"kind":"Name","value":"requireUppercase"}},{"kind":"Field","name":{"kind":"Name","value":"requireLowercase"}},{"kind":"Field","name":{"kind":"Name","value":"requireNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"requireSymbols"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryPasswordValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"passwordHistorySize"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mfaConfiguration"}},{"kind":"Field","name":{"kind":"Name","value":"enabledMfas"}},{"kind":"Field","name":{"kind":"Name","value":"autoVerifiedAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"userAttributeUpdateSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributesRequireVerificationBeforeUpdate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verificationMessageTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubject"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessageByLink"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubjectByLink"}},{"kind":"Field","name":{"kind":"Name","value":"defaultEmailOption"}}]}},{"kind":"Field","name":{"kind":"Name","value":"smsAuthenticationMessage"}},{"kind":"Field","name":{"kind":"Name","value":"adminCreateUserConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowAdminCreateUserOnly"}},{"kind":"Field","name":{"kind":"Name","value":"inviteMessageTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubject"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountRecoverySetting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lambdaConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preSignUp"}},{"kind":"Field","name":{"kind":"Name","value":"customMessage"}},{"kind":"Field","name":{"kind":"Name","value":"postConfirmation"}},{"kind":"Field","name":{"kind":"Name","value":"preAuthentication"}},{"kind":"Field","name":{"kind":"Name","value":"postAuthentication"}},{"kind":"Field","name":{"kind":"Name","value":"defineAuthChallenge"}},{"kind":"Field","name":{"kind":"Name","value":"createAuthChallenge"}},{"kind":"Field","name":{"kind":"Name","value":"verifyAuthChallengeResponse"}},{"kind":"Field","name":{"kind":"Name","value":"preTokenGeneration"}},{"kind":"Field","name":{"kind":"Name","value":"userMigration"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deviceConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeRequiredOnNewDevice"}},{"kind":"Field","name":{"kind":"Name","value":"deviceOnlyRememberedOnUserPrompt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"signInPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowedFirstAuthFactors"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schemaAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"attributeDataType"}},{"kind":"Field","name":{"kind":"Name","value":"developerOnlyAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"mutable"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"stringAttributeConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}}]}},{"kind":"Field","name":{"kind":"Name","value":"numberAttributeConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minValue"}},{"kind":"Field","name":{"kind":"Name","value":"maxValue"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"estimatedNumberOfUsers"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<UpdateUserPoolMutation, UpdateUserPoolMutationVariables>;
export const DeleteUserPoolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteUserPool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteUserPool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}]}]}}]} as unknown as DocumentNode<DeleteUserPoolMutation, DeleteUserPoolMutationVariables>;
export const AddCustomAttributesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddCustomAttributes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customAttributes"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SchemaAttributeInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addCustomAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"customAttributes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customAttributes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PoolFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PoolFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserPool"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"deletionProtection"}},{"kind":"Field","name":{"kind":"Name","value":"usernameAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"aliasAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"usernameConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseSensitive"}}]}},{"kind":"Field","name":{"kind":"Name","value":"passwordPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minimumLength"}},{"kind":"Field","name":{"kind":"Name","value":"requireUppercase"}},{"kind":"Field","name":{"kind":"Name","value":"requireLowercase"}},{"kind":"Field","name":{"kind":"Name","value":"requireNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"requireSymbols"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryPasswordValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"passwordHistorySize"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mfaConfiguration"}},{"kind":"Field","name":{"kind":"Name","value":"enabledMfas"}},{"kind":"Field","name":{"kind":"Name","value":"autoVerifiedAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"userAttributeUpdateSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributesRequireVerificationBeforeUpdate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verificationMessageTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubject"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessageByLink"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubjectByLink"}},{"kind":"Field","name":{"kind":"Name","value":"defaultEmailOption"}}]}},{"kind":"Field","name":{"kind":"Name","value":"smsAuthenticationMessage"}},{"kind":"Field","name":{"kind":"Name","value":"adminCreateUserConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowAdminCreateUserOnly"}},{"kind":"Field","name":{"kind":"Name","value":"inviteMessageTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubject"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountRecoverySetting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lambdaConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preSignUp"}},{"kind":"Field","name":{"kind":"Name","value":"customMessage"}},{"kind":"Field","name":{"kind":"Name","value":"postConfirmation"}},{"kind":"Field","name":{"kind":"Name","value":"preAuthentication"}},{"kind":"Field","name":{"kind":"Name","value":"postAuthentication"}},{"kind":"Field","name":{"kind":"Name","value":"defineAuthChallenge"}},{"kind":"Field","name":{"kind":"Name","value":"createAuthChallenge"}},{"kind":"Field","name":{"kind":"Name","value":"verifyAuthChallengeResponse"}},{"kind":"Field","name":{"kind":"Name","value":"preTokenGeneration"}},{"kind":"Field","name":{"kind":"Name","value":"userMigration"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deviceConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeRequiredOnNewDevice"}},{"kind":"Field","name":{"kind":"Name","value":"deviceOnlyRememberedOnUserPrompt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"signInPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowedFirstAuthFactors"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schemaAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"attributeDataType"}},{"kind":"Field","name":{"kind":"Name","value":"developerOnlyAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"mutable"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"stringAttributeConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}}]}},{"kind":"Field","name":{"kind":"Name","value":"numberAttributeConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minValue"}},{"kind":"Field","name":{"kind":"Name","value":"maxValue"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"estimatedNumberOfUsers"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<AddCustomAttributesMutation, AddCustomAttributesMutationVariables>;
export const GetUserPoolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetUserPool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PoolFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PoolFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserPool"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"deletionProtection"}},{"kind":"Field","name":{"kind":"Name","value":"usernameAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"aliasAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"usernameConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseSensitive"}}]}},{"kind":"Field","name":{"kind":"Name","value":"passwordPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minimumLength"}},{"kind":"Field","name":{"kind":"Name","value":"requireUppercase"}},{"kind":"Field","name":{"kind":"Name","value":"requireLowercase"}},{"kind":"Field","name":{"kind":"Name","value":"requireNumbers"}},{"kind":"Field","name":{"kind":"Name","value":"requireSymbols"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryPasswordValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"passwordHistorySize"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mfaConfiguration"}},{"kind":"Field","name":{"kind":"Name","value":"enabledMfas"}},{"kind":"Field","name":{"kind":"Name","value":"autoVerifiedAttributes"}},{"kind":"Field","name":{"kind":"Name","value":"userAttributeUpdateSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributesRequireVerificationBeforeUpdate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verificationMessageTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubject"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessageByLink"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubjectByLink"}},{"kind":"Field","name":{"kind":"Name","value":"defaultEmailOption"}}]}},{"kind":"Field","name":{"kind":"Name","value":"smsAuthenticationMessage"}},{"kind":"Field","name":{"kind":"Name","value":"adminCreateUserConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowAdminCreateUserOnly"}},{"kind":"Field","name":{"kind":"Name","value":"inviteMessageTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailMessage"}},{"kind":"Field","name":{"kind":"Name","value":"emailSubject"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountRecoverySetting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lambdaConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preSignUp"}},{"kind":"Field","name":{"kind":"Name","value":"customMessage"}},{"kind":"Field","name":{"kind":"Name","value":"postConfirmation"}},{"kind":"Field","name":{"kind":"Name","value":"preAuthentication"}},{"kind":"Field","name":{"kind":"Name","value":"postAuthentication"}},{"kind":"Field","name":{"kind":"Name","value":"defineAuthChallenge"}},{"kind":"Field","name":{"kind":"Name","value":"createAuthChallenge"}},{"kind":"Field","name":{"kind":"Name","value":"verifyAuthChallengeResponse"}},{"kind":"Field","name":{"kind":"Name","value":"preTokenGeneration"}},{"kind":"Field","name":{"kind":"Name","value":"userMigration"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deviceConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeRequiredOnNewDevice"}},{"kind":"Field","name":{"kind":"Name","value":"deviceOnlyRememberedOnUserPrompt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"signInPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowedFirstAuthFactors"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schemaAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"attributeDataType"}},{"kind":"Field","name":{"kind":"Name","value":"developerOnlyAttribute"}},{"kind":"Field","name":{"kind":"Name","value":"mutable"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"stringAttributeConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}}]}},{"kind":"Field","name":{"kind":"Name","value":"numberAttributeConstraints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minValue"}},{"kind":"Field","name":{"kind":"Name","value":"maxValue"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"estimatedNumberOfUsers"}},{"kind":"Field","name":{"kind":"Name","value":"creationDate"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedDate"}}]}}]} as unknown as DocumentNode<GetUserPoolQuery, GetUserPoolQueryVariables>;
export const ListUserPoolsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListUserPools"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPools"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]} as unknown as DocumentNode<ListUserPoolsQuery, ListUserPoolsQueryVariables>;
export const GetWebAuthnConfigurationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetWebAuthnConfiguration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"getUserPoolMfaConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mfaConfiguration"}},{"kind":"Field","name":{"kind":"Name","value":"webAuthnConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relyingPartyId"}},{"kind":"Field","name":{"kind":"Name","value":"userVerification"}},{"kind":"Field","name":{"kind":"Name","value":"factorConfiguration"}}]}}]}}]}}]} as unknown as DocumentNode<GetWebAuthnConfigurationQuery, GetWebAuthnConfigurationQueryVariables>;
export const SetWebAuthnConfigurationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetWebAuthnConfiguration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetUserPoolMfaConfigInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setUserPoolMfaConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mfaConfiguration"}},{"kind":"Field","name":{"kind":"Name","value":"webAuthnConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relyingPartyId"}},{"kind":"Field","name":{"kind":"Name","value":"userVerification"}},{"kind":"Field","name":{"kind":"Name","value":"factorConfiguration"}}]}}]}}]}}]} as unknown as DocumentNode<SetWebAuthnConfigurationMutation, SetWebAuthnConfigurationMutationVariables>;
export const StartWebAuthnRegistrationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartWebAuthnRegistration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startWebAuthnRegistration"}}]}}]} as unknown as DocumentNode<StartWebAuthnRegistrationMutation, StartWebAuthnRegistrationMutationVariables>;
export const CompleteWebAuthnRegistrationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteWebAuthnRegistration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"credential"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JSONObject"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeWebAuthnRegistration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"credential"},"value":{"kind":"Variable","name":{"kind":"Name","value":"credential"}}}]}]}}]} as unknown as DocumentNode<CompleteWebAuthnRegistrationMutation, CompleteWebAuthnRegistrationMutationVariables>;
export const ListWebAuthnCredentialsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListWebAuthnCredentials"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"maxResults"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"nextToken"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"listWebAuthnCredentials"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"maxResults"},"value":{"kind":"Variable","name":{"kind":"Name","value":"maxResults"}}},{"kind":"Argument","name":{"kind":"Name","value":"nextToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"nextToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"credentials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"credentialId"}},{"kind":"Field","name":{"kind":"Name","value":"friendlyCredentialName"}},{"kind":"Field","name":{"kind":"Name","value":"relyingPartyId"}},{"kind":"Field","name":{"kind":"Name","value":"authenticatorAttachment"}},{"kind":"Field","name":{"kind":"Name","value":"authenticatorTransports"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextToken"}}]}}]}}]} as unknown as DocumentNode<ListWebAuthnCredentialsQuery, ListWebAuthnCredentialsQueryVariables>;
export const DeleteWebAuthnCredentialDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteWebAuthnCredential"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"credentialId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteWebAuthnCredential"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"credentialId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"credentialId"}}}]}]}}]} as unknown as DocumentNode<DeleteWebAuthnCredentialMutation, DeleteWebAuthnCredentialMutationVariables>;