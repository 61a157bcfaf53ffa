import { JSONObjectResolver } from "graphql-scalars";
import { createUnionType, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { AttributeInput } from "./sign-up.types.js";

export const AuthFlowEnum = {
  USER_SRP_AUTH: "USER_SRP_AUTH",
  USER_PASSWORD_AUTH: "USER_PASSWORD_AUTH",
  ADMIN_USER_PASSWORD_AUTH: "ADMIN_USER_PASSWORD_AUTH",
  ADMIN_NO_SRP_AUTH: "ADMIN_NO_SRP_AUTH",
  REFRESH_TOKEN_AUTH: "REFRESH_TOKEN_AUTH",
  REFRESH_TOKEN: "REFRESH_TOKEN",
  CUSTOM_AUTH: "CUSTOM_AUTH",
  USER_AUTH: "USER_AUTH",
} as const;
registerEnumType(AuthFlowEnum, {
  name: "AuthFlow",
  description: "Cognito's AuthFlow values; the app client must allow the flow.",
});

export const ChallengeNameEnum = {
  PASSWORD_VERIFIER: "PASSWORD_VERIFIER",
  NEW_PASSWORD_REQUIRED: "NEW_PASSWORD_REQUIRED",
  SMS_MFA: "SMS_MFA",
  SOFTWARE_TOKEN_MFA: "SOFTWARE_TOKEN_MFA",
  EMAIL_OTP: "EMAIL_OTP",
  SELECT_MFA_TYPE: "SELECT_MFA_TYPE",
  MFA_SETUP: "MFA_SETUP",
  DEVICE_SRP_AUTH: "DEVICE_SRP_AUTH",
  DEVICE_PASSWORD_VERIFIER: "DEVICE_PASSWORD_VERIFIER",
  CUSTOM_CHALLENGE: "CUSTOM_CHALLENGE",
  SELECT_CHALLENGE: "SELECT_CHALLENGE",
  SMS_OTP: "SMS_OTP",
  WEB_AUTHN: "WEB_AUTHN",
  PASSWORD: "PASSWORD",
  PASSWORD_SRP: "PASSWORD_SRP",
} as const;
registerEnumType(ChallengeNameEnum, { name: "ChallengeName" });

@InputType({ description: "Cognito's AuthParameters, by their Cognito names." })
export class AuthParametersInput {
  @Field({ nullable: true }) USERNAME?: string;
  @Field({ nullable: true, description: "Client SRP public value A, hex." }) SRP_A?: string;
  @Field({ nullable: true }) PASSWORD?: string;
  @Field({ nullable: true }) SECRET_HASH?: string;
  @Field({ nullable: true }) REFRESH_TOKEN?: string;
  @Field({ nullable: true, description: "CUSTOM_AUTH: SRP_A to prove the password by SRP first (with SRP_A)." })
  CHALLENGE_NAME?: string;
  @Field({ nullable: true }) DEVICE_KEY?: string;
  @Field({
    nullable: true,
    description:
      "USER_AUTH: the first factor to go straight to (WEB_AUTHN, EMAIL_OTP, SMS_OTP, PASSWORD, PASSWORD_SRP) when the user has it; otherwise SELECT_CHALLENGE.",
  })
  PREFERRED_CHALLENGE?: string;
}

@InputType({
  description:
    "Cognito's ChallengeResponses, by their Cognito names; userAttributes.<name> entries go in userAttributes.",
})
export class ChallengeResponsesInput {
  @Field({ nullable: true }) USERNAME?: string;
  @Field({ nullable: true }) PASSWORD_CLAIM_SECRET_BLOCK?: string;
  @Field({ nullable: true }) PASSWORD_CLAIM_SIGNATURE?: string;
  @Field({ nullable: true }) TIMESTAMP?: string;
  @Field({ nullable: true }) NEW_PASSWORD?: string;
  @Field({ nullable: true }) SECRET_HASH?: string;
  @Field({ nullable: true }) DEVICE_KEY?: string;
  @Field({ nullable: true, description: "DEVICE_SRP_AUTH: the device's SRP public value A, hex." }) SRP_A?: string;
  @Field({ nullable: true }) SMS_MFA_CODE?: string;
  @Field({ nullable: true }) SOFTWARE_TOKEN_MFA_CODE?: string;
  @Field({ nullable: true }) EMAIL_OTP_CODE?: string;
  @Field({ nullable: true, description: "USER_AUTH SMS_OTP: the 8-digit code." }) SMS_OTP_CODE?: string;
  @Field({ nullable: true, description: "SELECT_CHALLENGE with ANSWER=PASSWORD: the password." }) PASSWORD?: string;
  @Field({ nullable: true, description: "WEB_AUTHN: the passkey's AuthenticationResponseJSON, as a JSON string." })
  CREDENTIAL?: string;
  @Field({
    nullable: true,
    description:
      "SELECT_MFA_TYPE: the factor; SELECT_CHALLENGE: one of availableChallenges; CUSTOM_CHALLENGE: the answer.",
  })
  ANSWER?: string;
  @Field({
    nullable: true,
    description:
      "MFA_SETUP by email: the address the EMAIL_OTP code goes to (and which becomes the user's email once the code comes back).",
  })
  EMAIL?: string;
  @Field(() => [AttributeInput], {
    nullable: true,
    description: "Attributes set while answering NEW_PASSWORD_REQUIRED.",
  })
  userAttributes?: AttributeInput[];
}

@InputType()
export class InitiateAuthInput {
  @Field(() => ID) clientId!: string;
  @Field(() => AuthFlowEnum) authFlow!: keyof typeof AuthFlowEnum;
  @Field(() => AuthParametersInput) authParameters!: AuthParametersInput;
  @Field(() => JSONObjectResolver, { nullable: true, description: "Passed to triggers; not stored." })
  clientMetadata?: Record<string, string>;
  @Field(() => String, {
    nullable: true,
    description:
      "USER_AUTH: the session signUp or confirmSignUp returned; signs the new user in without another code, once.",
  })
  session?: string | null;
}

@InputType()
@InputType({ description: "One HTTP header of the end user's request." })
export class HttpHeaderInput {
  @Field(() => String, { nullable: true }) headerName?: string;
  @Field(() => String, { nullable: true }) headerValue?: string;
}

@InputType({
  description:
    "Cognito's ContextData: the end user's request as the backend saw it. Its ipAddress is the address admin sign-ins count failures against.",
})
export class ContextDataInput {
  @Field({ description: "The end user's IPv4 or IPv6 address." }) ipAddress!: string;
  @Field() serverName!: string;
  @Field() serverPath!: string;
  @Field(() => [HttpHeaderInput]) httpHeaders!: HttpHeaderInput[];
  @Field(() => String, { nullable: true }) encodedData?: string;
}

@InputType()
export class AdminInitiateAuthInput extends InitiateAuthInput {
  @Field(() => ID) userPoolId!: string;
  @Field(() => ContextDataInput, {
    nullable: true,
    description: "The end user's request; without it, failures count against no address (only against the user).",
  })
  contextData?: ContextDataInput;
}

@InputType()
export class RespondToAuthChallengeInput {
  @Field(() => ID) clientId!: string;
  @Field(() => ChallengeNameEnum) challengeName!: keyof typeof ChallengeNameEnum;
  @Field({ description: "The session from the previous step, unchanged." }) session!: string;
  @Field(() => ChallengeResponsesInput) challengeResponses!: ChallengeResponsesInput;
  @Field(() => JSONObjectResolver, { nullable: true }) clientMetadata?: Record<string, string>;
}

@InputType()
export class AdminRespondToAuthChallengeInput extends RespondToAuthChallengeInput {
  @Field(() => ID) userPoolId!: string;
  @Field(() => ContextDataInput, {
    nullable: true,
    description: "The end user's request; without it, failures count against no address (only against the user).",
  })
  contextData?: ContextDataInput;
}

@InputType({ description: "GetTokensFromRefreshToken: new tokens from a refresh token, with or without rotation." })
export class GetTokensFromRefreshTokenInput {
  @Field(() => ID) clientId!: string;
  @Field() refreshToken!: string;
  @Field(() => String, {
    nullable: true,
    description: "The app client's secret itself (not a SECRET_HASH), for clients that have one.",
  })
  clientSecret?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The device the refresh token was issued to; required once that device is confirmed.",
  })
  deviceKey?: string | null;
  @Field(() => JSONObjectResolver, {
    nullable: true,
    description: "Passed to PreTokenGeneration (TokenGeneration_RefreshTokens); not stored.",
  })
  clientMetadata?: Record<string, string> | null;
}

@ObjectType({
  description: "Cognito's ChallengeParameters, by their Cognito names; which are set depends on the challenge.",
})
export class ChallengeParameters {
  @Field(() => String, { nullable: true }) SALT?: string;
  @Field(() => String, { nullable: true }) SRP_B?: string;
  @Field(() => String, { nullable: true }) SECRET_BLOCK?: string;
  @Field(() => String, { nullable: true }) USER_ID_FOR_SRP?: string;
  @Field(() => String, { nullable: true }) USERNAME?: string;
  @Field(() => String, {
    nullable: true,
    description: "JSON object of the user's current attributes (NEW_PASSWORD_REQUIRED).",
  })
  userAttributes?: string;
  @Field(() => String, {
    nullable: true,
    description: "JSON array of missing required attributes, each prefixed userAttributes.",
  })
  requiredAttributes?: string;
  @Field(() => String, { nullable: true }) CODE_DELIVERY_DELIVERY_MEDIUM?: string;
  @Field(() => String, { nullable: true }) CODE_DELIVERY_DESTINATION?: string;
  @Field(() => String, { nullable: true }) MFAS_CAN_CHOOSE?: string;
  @Field(() => String, { nullable: true }) MFAS_CAN_SETUP?: string;
  @Field(() => String, {
    nullable: true,
    description: "SOFTWARE_TOKEN_MFA: the authenticator's name given at verifySoftwareToken.",
  })
  FRIENDLY_DEVICE_NAME?: string;
  @Field(() => String, {
    nullable: true,
    description: "WEB_AUTHN: the WebAuthn PublicKeyCredentialRequestOptions, as a JSON string.",
  })
  CREDENTIAL_REQUEST_OPTIONS?: string;
  @Field(() => JSONObjectResolver, {
    nullable: true,
    description: "Every parameter as a map, including a CUSTOM_CHALLENGE's publicChallengeParameters (any names).",
  })
  all?: Record<string, string>;
}

@ObjectType({ description: "The sign-in needs an answer: call respondToAuthChallenge with this session." })
export class AuthChallenge {
  @Field(() => ChallengeNameEnum) challengeName!: string;
  @Field() session!: string;
  @Field(() => ChallengeParameters) challengeParameters!: ChallengeParameters;
  @Field(() => [ChallengeNameEnum], {
    nullable: true,
    description:
      "USER_AUTH: the first factors the user may choose (SELECT_CHALLENGE; answer with ANSWER), or the one PREFERRED_CHALLENGE went to.",
  })
  availableChallenges!: string[] | null;
}

@ObjectType()
export class NewDeviceMetadata {
  @Field() deviceKey!: string;
  @Field() deviceGroupKey!: string;
}

@ObjectType({ description: "The sign-in is complete.", simpleResolvers: true })
export class AuthenticationResult {
  @Field() accessToken!: string;
  @Field() idToken!: string;
  @Field(() => String, { nullable: true, description: "Absent on a refresh without rotation: keep the one you have." })
  refreshToken!: string | null;
  @Field(() => Int, { description: "Seconds until the access token expires." }) expiresIn!: number;
  @Field() tokenType!: string;
  @Field(() => NewDeviceMetadata, { nullable: true }) newDeviceMetadata!: NewDeviceMetadata | null;
}

export const AuthResult = createUnionType({
  name: "AuthResult",
  description: "Either the next challenge or the tokens.",
  types: () => [AuthChallenge, AuthenticationResult] as const,
});

@ObjectType({
  description: "GetUserAuthFactors: the user's MFA settings and the first factors USER_AUTH would offer them now.",
})
export class UserAuthFactors {
  @Field() username!: string;
  @Field(() => String, { nullable: true }) preferredMfaSetting!: string | null;
  @Field(() => [String]) userMfaSettingList!: string[];
  @Field(() => [String], { description: "ConfiguredUserAuthFactors: PASSWORD, EMAIL_OTP, SMS_OTP, WEB_AUTHN." })
  configuredUserAuthFactors!: string[];
}
