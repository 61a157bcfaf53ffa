import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import type { UserPoolMfaConfig as CoreUserPoolMfaConfig } from "../../../core/mfa/mfa-config.service.js";
import type { MfaFactor } from "../../../core/mfa/mfa.types.js";
import type { MfaConfiguration } from "../../../core/pools/user-pool.types.js";
import { MfaConfigurationEnum, MfaFactorEnum } from "./enums.js";
import { WebAuthnConfiguration, WebAuthnConfigurationInput, toGraphqlWebAuthnConfiguration } from "./webauthn.types.js";

export const VerifySoftwareTokenStatusEnum = { SUCCESS: "SUCCESS", ERROR: "ERROR" } as const;
registerEnumType(VerifySoftwareTokenStatusEnum, {
  name: "VerifySoftwareTokenStatus",
  description:
    "VerifySoftwareTokenResponseType. ERROR is never returned here: a wrong code is an EnableSoftwareTokenMFAException, as in Cognito.",
});

@ObjectType({ description: "A new authenticator secret waiting for its first code (AssociateSoftwareToken)." })
export class AssociateSoftwareTokenResult {
  @Field({ description: "SecretCode: the shared secret, base32 (160 bits), for typing into the app by hand." })
  secretCode!: string;
  @Field({
    description: "otpauth://totp/<pool name>:<account>?secret=…&issuer=<pool name>&algorithm=SHA1&digits=6&period=30",
  })
  otpauthUri!: string;
  @Field({ description: "The otpauth URI as a QR code, a data:image/png;base64 URL to put in an <img src>." })
  qrCodePng!: string;
  @Field(() => String, {
    nullable: true,
    description: "The sign-in session to carry on with, when called with one (MFA_SETUP).",
  })
  session!: string | null;
}

@ObjectType({ description: "The outcome of VerifySoftwareToken." })
export class VerifySoftwareTokenResult {
  @Field(() => VerifySoftwareTokenStatusEnum) status!: "SUCCESS" | "ERROR";
  @Field(() => String, {
    nullable: true,
    description: "The sign-in session to answer MFA_SETUP with, when called with one.",
  })
  session!: string | null;
}

@InputType({
  description:
    "One factor's part of SetUserMFAPreference (SMSMfaSettingsType and its kin); an absent field keeps its value.",
})
export class MfaSettingsInput {
  @Field({ nullable: true, description: "Switch the factor on or off for the user." }) enabled?: boolean;
  @Field({
    nullable: true,
    description: "Make it the factor sign-in asks for when several are on; at most one may be preferred.",
  })
  preferredMfa?: boolean;
}

@InputType()
export class SetUserMfaPreferenceInput {
  @Field(() => MfaSettingsInput, { nullable: true, description: "SMS_MFA; turning it on needs a phone_number." })
  smsMfaSettings?: MfaSettingsInput;
  @Field(() => MfaSettingsInput, {
    nullable: true,
    description: "SOFTWARE_TOKEN_MFA; turning it on needs a verified authenticator.",
  })
  softwareTokenMfaSettings?: MfaSettingsInput;
  @Field(() => MfaSettingsInput, { nullable: true, description: "EMAIL_OTP; turning it on needs an email." })
  emailMfaSettings?: MfaSettingsInput;
}

@InputType()
export class AdminSetUserMfaPreferenceInput extends SetUserMfaPreferenceInput {
  @Field(() => ID) userPoolId!: string;
  @Field({ description: "Any identifier the user signs in with." }) username!: string;
}

@ObjectType({ description: "The pool's MFA settings (GetUserPoolMfaConfig)." })
export class UserPoolMfaConfig {
  @Field(() => MfaConfigurationEnum, {
    description: "OFF: no MFA. OPTIONAL: users who switched a factor on. ON: every user.",
  })
  mfaConfiguration!: MfaConfiguration;
  @Field(() => [MfaFactorEnum], { description: "The factors users may switch on." }) enabledMfas!: MfaFactor[];
  @Field({ description: "The SMS_MFA message; contains {####}." }) smsAuthenticationMessage!: string;
  @Field({ description: "The EMAIL_OTP message; contains {####}." }) emailMfaMessage!: string;
  @Field() emailMfaSubject!: string;
  @Field(() => WebAuthnConfiguration, {
    nullable: true,
    description:
      "Passkey settings; null until set (passkeys then use the pool's domain as RP ID, preferred verification).",
  })
  webAuthnConfiguration!: WebAuthnConfiguration | null;
}

@InputType({ description: "SetUserPoolMfaConfig: named settings change, the others keep their values." })
export class SetUserPoolMfaConfigInput {
  @Field(() => MfaConfigurationEnum, {
    nullable: true,
    description: "ON and OPTIONAL need at least one factor in enabledMfas.",
  })
  mfaConfiguration?: MfaConfiguration;
  @Field(() => [MfaFactorEnum], { nullable: true }) enabledMfas?: MfaFactor[];
  @Field({ nullable: true, description: "6–140 characters with {####}." }) smsAuthenticationMessage?: string;
  @Field({ nullable: true, description: "6–20000 characters with {####}." }) emailMfaMessage?: string;
  @Field({ nullable: true, description: "1–140 characters." }) emailMfaSubject?: string;
  @Field(() => WebAuthnConfigurationInput, {
    nullable: true,
    description: "Passkey settings (WebAuthnConfiguration), replaced whole; omitted: kept.",
  })
  webAuthnConfiguration?: WebAuthnConfigurationInput | null;
}

export const toGraphqlUserPoolMfaConfig = (config: CoreUserPoolMfaConfig): UserPoolMfaConfig => ({
  ...config,
  webAuthnConfiguration: toGraphqlWebAuthnConfiguration(config.webAuthnConfiguration),
});
