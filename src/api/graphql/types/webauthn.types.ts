import { DateTimeISOResolver } from "graphql-scalars";
import { Field, InputType, ObjectType, registerEnumType } from "type-graphql";
import {
  WEB_AUTHN_FACTOR_CONFIGURATIONS,
  WEB_AUTHN_USER_VERIFICATIONS,
  type WebAuthnConfiguration as CoreWebAuthnConfiguration,
  type WebAuthnCredential as CoreWebAuthnCredential,
  type WebAuthnFactorConfiguration,
  type WebAuthnUserVerification,
} from "../../../core/webauthn/webauthn.types.js";

export const WebAuthnUserVerificationEnum = Object.fromEntries(
  WEB_AUTHN_USER_VERIFICATIONS.map((value) => [value, value]),
) as { [K in WebAuthnUserVerification]: K };
registerEnumType(WebAuthnUserVerificationEnum, {
  name: "WebAuthnUserVerification",
  description:
    "UserVerificationType, spelled as Cognito spells it: whether the authenticator must verify the user (PIN, biometrics).",
});

export const WebAuthnFactorConfigurationEnum = Object.fromEntries(
  WEB_AUTHN_FACTOR_CONFIGURATIONS.map((value) => [value, value]),
) as { [K in WebAuthnFactorConfiguration]: K };
registerEnumType(WebAuthnFactorConfigurationEnum, {
  name: "WebAuthnFactorConfiguration",
  description: "Whether a passkey sign-in with user verification counts as multi-factor.",
});

@ObjectType({ description: "The pool's passkey settings (WebAuthnConfigurationType)." })
export class WebAuthnConfiguration {
  @Field(() => String, {
    nullable: true,
    description: "The RP ID passkeys are bound to; null: the pool's custom domain, else its prefix domain host.",
  })
  relyingPartyId!: string | null;
  @Field(() => WebAuthnUserVerificationEnum) userVerification!: WebAuthnUserVerification;
  @Field(() => WebAuthnFactorConfigurationEnum) factorConfiguration!: WebAuthnFactorConfiguration;
}

@InputType({ description: "Replaces the pool's passkey settings whole; an omitted field takes its default." })
export class WebAuthnConfigurationInput {
  @Field(() => String, {
    nullable: true,
    description:
      "A host name of 1–127 characters; changing it orphans registered passkeys. Default: the pool's domain.",
  })
  relyingPartyId?: string | null;
  @Field(() => WebAuthnUserVerificationEnum, { nullable: true, description: "Default preferred." })
  userVerification?: WebAuthnUserVerification | null;
  @Field(() => WebAuthnFactorConfigurationEnum, { nullable: true, description: "Default SINGLE_FACTOR." })
  factorConfiguration?: WebAuthnFactorConfiguration | null;
}

@ObjectType({ description: "One of the signed-in user's passkeys (WebAuthnCredentialDescription)." })
export class WebAuthnCredential {
  @Field({ description: "base64url; pass it to deleteWebAuthnCredential." }) credentialId!: string;
  @Field({
    description:
      "Generated from the authenticator's model where known (e.g. iCloud Keychain), else Passkey / Security key.",
  })
  friendlyCredentialName!: string;
  @Field() relyingPartyId!: string;
  @Field(() => String, { nullable: true, description: "platform or cross-platform, as the browser reported it." })
  authenticatorAttachment!: string | null;
  @Field(() => [String], { description: "usb, nfc, ble, internal, hybrid…, as the browser reported them." })
  authenticatorTransports!: string[];
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}

@ObjectType({ description: "One page of listWebAuthnCredentials." })
export class WebAuthnCredentialPage {
  @Field(() => [WebAuthnCredential], { description: "Oldest first." }) credentials!: WebAuthnCredential[];
  @Field(() => String, { nullable: true, description: "Pass back for the next page; null on the last page." })
  nextToken!: string | null;
}

export const toGraphqlWebAuthnConfiguration = (
  config: CoreWebAuthnConfiguration | null,
): WebAuthnConfiguration | null => (config ? { ...config } : null);

/** Core credential → description; the public key and counter stay inside. */
export const toGraphqlWebAuthnCredential = (credential: CoreWebAuthnCredential): WebAuthnCredential => ({
  credentialId: credential.credentialId,
  friendlyCredentialName: credential.friendlyName,
  relyingPartyId: credential.relyingPartyId,
  authenticatorAttachment: credential.authenticatorAttachment,
  authenticatorTransports: credential.transports,
  createdAt: credential.createdAt,
});
