import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import type { ResourceServer as CoreResourceServer } from "../../../core/oauth/resource-server.types.js";
import type { UiCustomization as CoreUiCustomization } from "../../../core/oauth/ui-customization.types.js";
import type { UserPoolDomain as CoreUserPoolDomain } from "../../../core/oauth/user-pool-domain.types.js";

/** Resource servers, pool domains and sign-in page branding (reference-oauth §8.4, §10.2, §11). */

export const UserPoolDomainKindEnum = { PREFIX: "PREFIX", CUSTOM: "CUSTOM" } as const;
registerEnumType(UserPoolDomainKindEnum, {
  name: "UserPoolDomainKind",
  description: "PREFIX: served as <prefix>.<POOL_DOMAIN_SUFFIX>; CUSTOM: a host name of your own.",
});

@ObjectType({ description: "A custom scope; its full scope string is <identifier>/<scopeName>." })
export class ResourceServerScope {
  @Field() scopeName!: string;
  @Field() scopeDescription!: string;
}

@ObjectType({ description: "An API the pool issues scoped access tokens for (Cognito's ResourceServerType)." })
export class ResourceServer {
  @Field(() => ID) userPoolId!: string;
  @Field({ description: "Unique in the pool; often the API's URL." }) identifier!: string;
  @Field() name!: string;
  @Field(() => [ResourceServerScope]) scopes!: ResourceServerScope[];
  @Field(() => DateTimeISOResolver) creationDate!: Date;
  @Field(() => DateTimeISOResolver) lastModifiedDate!: Date;
}

@ObjectType()
export class ResourceServerPage {
  @Field(() => [ResourceServer]) items!: ResourceServer[];
  @Field(() => String, { nullable: true }) nextCursor!: string | null;
}

@InputType()
export class ResourceServerScopeInput {
  @Field({ description: "1–256 characters, no space, quote, backslash or slash." }) scopeName!: string;
  @Field({ description: "1–256 characters." }) scopeDescription!: string;
}

@InputType({
  description:
    "Create and update take the whole server: scopes left out are removed (UpdateResourceServer is a full replace).",
})
export class ResourceServerInput {
  @Field() identifier!: string;
  @Field() name!: string;
  @Field(() => [ResourceServerScopeInput], { nullable: true, description: "At most 100." })
  scopes?: ResourceServerScopeInput[];
}

@ObjectType()
export class CustomDomainConfig {
  @Field({ description: "Kept and returned; TLS for the domain is the operator's proxy's job." })
  certificateArn!: string;
  @Field(() => String, { nullable: true }) securityPolicy!: string | null;
}

@InputType()
export class CustomDomainConfigInput {
  @Field() certificateArn!: string;
  @Field(() => String, { nullable: true, description: "TLS_V1, TLS_V1_2_2021 or TLS_V1_3_2025." })
  securityPolicy?: string;
}

@ObjectType({ description: "A pool's prefix or custom domain; the OAuth endpoints and sign-in pages answer on it." })
export class UserPoolDomain {
  @Field({ description: "The prefix, or the custom host name, in lower case." }) domain!: string;
  @Field(() => ID) userPoolId!: string;
  @Field(() => UserPoolDomainKindEnum) kind!: string;
  @Field(() => Int, { description: "1 = classic hosted UI, 2 = managed login; both render the gateway's pages." })
  managedLoginVersion!: number;
  @Field(() => CustomDomainConfig, { nullable: true }) customDomainConfig!: CustomDomainConfig | null;
  @Field({
    description: "The gateway's host (Cognito's CloudFrontDistribution): where a custom domain's CNAME points.",
  })
  cloudFrontDistribution!: string;
  @Field({ description: "Always ACTIVE: a domain is served as soon as it is created." }) status!: string;
  @Field(() => DateTimeISOResolver) creationDate!: Date;
  @Field(() => DateTimeISOResolver) lastModifiedDate!: Date;
}

@InputType()
export class CreateUserPoolDomainInput {
  @Field({ description: "A prefix (lower-case letters, digits, hyphens) or a fully qualified host name." })
  domain!: string;
  @Field(() => Int, { nullable: true, description: "1 (default) or 2." }) managedLoginVersion?: number;
  @Field(() => CustomDomainConfigInput, { nullable: true, description: "Required for a custom domain." })
  customDomainConfig?: CustomDomainConfigInput;
}

@InputType({ description: "The domain itself cannot change: delete it and create another." })
export class UpdateUserPoolDomainInput {
  @Field() domain!: string;
  @Field(() => Int, { nullable: true }) managedLoginVersion?: number;
  @Field(() => CustomDomainConfigInput, { nullable: true }) customDomainConfig?: CustomDomainConfigInput;
}

@ObjectType({ description: "Branding of the sign-in pages (Cognito's UICustomizationType)." })
export class UICustomization {
  @Field(() => ID) userPoolId!: string;
  @Field(() => ID, { description: "The app client, or ALL for the pool's default." }) clientId!: string;
  @Field(() => String, {
    nullable: true,
    description: "Where the logo is served; changes with every setUICustomization.",
  })
  imageUrl!: string | null;
  @Field(() => String, { nullable: true }) css!: string | null;
  @Field() cssVersion!: string;
  @Field(() => DateTimeISOResolver) creationDate!: Date;
  @Field(() => DateTimeISOResolver) lastModifiedDate!: Date;
}

@InputType({ description: "Replaces the whole customization: a field left out is removed." })
export class SetUICustomizationInput {
  @Field(() => String, {
    nullable: true,
    description: "At most 3 KB; only Cognito's *-customizable classes, plain declarations, nothing loaded.",
  })
  css?: string | null;
  @Field(() => String, { nullable: true, description: "Base64 of a PNG or JPEG logo, at most 100 KB." }) imageBase64?:
    string | null;
}

export const toGraphqlResourceServer = (server: CoreResourceServer): ResourceServer =>
  Object.assign(new ResourceServer(), {
    userPoolId: server.poolId,
    identifier: server.identifier,
    name: server.name,
    scopes: server.scopes.map((scope) => Object.assign(new ResourceServerScope(), scope)),
    creationDate: server.createdAt,
    lastModifiedDate: server.updatedAt,
  });

export const toGraphqlUserPoolDomain = (domain: CoreUserPoolDomain, gatewayHost: string): UserPoolDomain =>
  Object.assign(new UserPoolDomain(), {
    domain: domain.domain,
    userPoolId: domain.poolId,
    kind: domain.kind === "custom" ? "CUSTOM" : "PREFIX",
    managedLoginVersion: domain.managedLoginVersion,
    customDomainConfig: domain.customDomainConfig
      ? Object.assign(new CustomDomainConfig(), domain.customDomainConfig)
      : null,
    cloudFrontDistribution: gatewayHost,
    status: "ACTIVE",
    creationDate: domain.createdAt,
    lastModifiedDate: domain.updatedAt,
  });

export const toGraphqlUiCustomization = (
  customization: CoreUiCustomization,
  imageUrl: string | null,
): UICustomization =>
  Object.assign(new UICustomization(), {
    userPoolId: customization.poolId,
    clientId: customization.clientId,
    imageUrl,
    css: customization.css,
    cssVersion: customization.cssVersion,
    creationDate: customization.createdAt,
    lastModifiedDate: customization.updatedAt,
  });

export const toCoreDomainRequest = (input: CreateUserPoolDomainInput | UpdateUserPoolDomainInput) => ({
  domain: input.domain,
  managedLoginVersion: input.managedLoginVersion,
  customDomainConfig: input.customDomainConfig
    ? {
        certificateArn: input.customDomainConfig.certificateArn,
        securityPolicy: input.customDomainConfig.securityPolicy,
      }
    : null,
});
