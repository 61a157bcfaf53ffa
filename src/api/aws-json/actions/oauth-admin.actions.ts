import type { ResourceServer } from "../../../core/oauth/resource-server.types.js";
import { RESOURCE_SERVER_SHAPES } from "../../../core/oauth/resource-server.validation.js";
import type { UiCustomization } from "../../../core/oauth/ui-customization.types.js";
import type { UserPoolDomain } from "../../../core/oauth/user-pool-domain.types.js";
import type { DomainChangeResult } from "../../../core/oauth/user-pool-domain.service.js";
import type { UiCustomizationService } from "../../../core/oauth/ui-customization.service.js";
import { action, adminCommand, adminOf, type ActionTable } from "../action.js";
import { int, list, required, str, struct } from "../constraints.js";
import { nextToken, userPoolId } from "../members.js";
import { compact, epochSeconds } from "../shapes.js";
import { COGNITO_SHAPES } from "../../../core/input-constraints.js";

/** Resource servers, pool domains and sign-in page branding (reference-oauth §8.4, §10.2, §11). */

type PoolRef = { UserPoolId: string };
type ScopeType = { ScopeName: string; ScopeDescription: string };
type ResourceServerRequest = PoolRef & { Identifier: string; Name: string; Scopes?: ScopeType[] };
type DomainRequest = PoolRef & {
  Domain: string;
  ManagedLoginVersion?: number;
  CustomDomainConfig?: { CertificateArn: string; SecurityPolicy?: string };
};

/** Cognito's account is not a concept here: the pool ARN's account is all zeros too (shapes.poolArn). */
const ACCOUNT_ID = "000000000000";

const identifier = required(str(RESOURCE_SERVER_SHAPES.identifier));
const scopesMember = list(
  struct({
    ScopeName: required(str(RESOURCE_SERVER_SHAPES.scopeName)),
    ScopeDescription: required(str(RESOURCE_SERVER_SHAPES.scopeDescription)),
  }),
  { max: 100 },
);
const resourceServerMembers = {
  UserPoolId: userPoolId,
  Identifier: identifier,
  Name: required(str(RESOURCE_SERVER_SHAPES.name)),
  Scopes: scopesMember,
};
/** A prefix (≤ 63) or a custom host name (≤ 253); the service tells them apart and checks each. */
const domainMember = required(str({ min: 1, max: 253 }));
const customDomainConfigMember = struct({
  CertificateArn: required(str({ min: 20, max: 2048 })),
  SecurityPolicy: str(),
});
/** ClientId of the UI customization actions: an app client id or "ALL". */
const customizationClientId = str(COGNITO_SHAPES.clientId);

/** ResourceServerType; `Scopes` is left out when empty, as Cognito leaves it out. */
const toResourceServerType = (server: ResourceServer) =>
  compact({
    UserPoolId: server.poolId,
    Identifier: server.identifier,
    Name: server.name,
    Scopes:
      server.scopes.length > 0
        ? server.scopes.map((scope) => ({ ScopeName: scope.scopeName, ScopeDescription: scope.scopeDescription }))
        : null,
  });

const toCoreScopes = (scopes: ScopeType[] | undefined) =>
  (scopes ?? []).map((scope) => ({ scopeName: scope.ScopeName, scopeDescription: scope.ScopeDescription }));

const toCoreDomainRequest = (input: DomainRequest) => ({
  domain: input.Domain,
  managedLoginVersion: input.ManagedLoginVersion,
  customDomainConfig: input.CustomDomainConfig
    ? {
        certificateArn: input.CustomDomainConfig.CertificateArn,
        securityPolicy: input.CustomDomainConfig.SecurityPolicy,
      }
    : null,
});

const toDomainChangeResponse = (result: DomainChangeResult) =>
  compact({ ManagedLoginVersion: result.domain.managedLoginVersion, CloudFrontDomain: result.cloudFrontDomain });

/** DomainDescriptionType. CloudFrontDistribution names the gateway's host: what a custom domain's CNAME points at. */
export const toDomainDescription = (domain: UserPoolDomain, gatewayHost: string) =>
  compact({
    UserPoolId: domain.poolId,
    AWSAccountId: ACCOUNT_ID,
    Domain: domain.domain,
    CloudFrontDistribution: gatewayHost,
    // Cognito's Version is an opaque string that changes with the domain's configuration.
    Version: String(domain.updatedAt.getTime()),
    Status: "ACTIVE",
    CustomDomainConfig: domain.customDomainConfig
      ? compact({
          CertificateArn: domain.customDomainConfig.certificateArn,
          SecurityPolicy: domain.customDomainConfig.securityPolicy,
        })
      : null,
    ManagedLoginVersion: domain.managedLoginVersion,
  });

const toUICustomizationType = (customization: UiCustomization, service: UiCustomizationService) =>
  compact({
    UserPoolId: customization.poolId,
    ClientId: customization.clientId,
    ImageUrl: service.imageUrlOf(customization),
    CSS: customization.css,
    CSSVersion: customization.cssVersion,
    CreationDate: epochSeconds(customization.createdAt),
    LastModifiedDate: epochSeconds(customization.updatedAt),
  });

/** Cognito's MaxResults 0 would mean "the default page"; the model's range is 1–50 here. */
const pageArgs = (size: number | undefined, token: string | undefined) => ({ first: size, after: token });

export const oauthAdminActions: ActionTable = {
  CreateResourceServer: action<ResourceServerRequest>({
    auth: "admin",
    members: resourceServerMembers,
    async handle(input, ctx) {
      const server = await ctx.services.resourceServers.createResourceServer(adminOf(ctx), input.UserPoolId, {
        identifier: input.Identifier,
        name: input.Name,
        scopes: toCoreScopes(input.Scopes),
      });
      return { ResourceServer: toResourceServerType(server) };
    },
  }),

  UpdateResourceServer: action<ResourceServerRequest>({
    auth: "admin",
    members: resourceServerMembers,
    async handle(input, ctx) {
      const server = await ctx.services.resourceServers.updateResourceServer(adminOf(ctx), input.UserPoolId, {
        identifier: input.Identifier,
        name: input.Name,
        scopes: toCoreScopes(input.Scopes),
      });
      return { ResourceServer: toResourceServerType(server) };
    },
  }),

  DescribeResourceServer: action<PoolRef & { Identifier: string }>({
    auth: "admin",
    members: { UserPoolId: userPoolId, Identifier: identifier },
    async handle(input, ctx) {
      return {
        ResourceServer: toResourceServerType(
          await ctx.services.resourceServers.describeResourceServer(adminOf(ctx), input.UserPoolId, input.Identifier),
        ),
      };
    },
  }),

  DeleteResourceServer: adminCommand<PoolRef & { Identifier: string }>(
    { UserPoolId: userPoolId, Identifier: identifier },
    (input, ctx) => ctx.services.resourceServers.deleteResourceServer(adminOf(ctx), input.UserPoolId, input.Identifier),
  ),

  ListResourceServers: action<PoolRef & { MaxResults?: number; NextToken?: string }>({
    auth: "admin",
    members: { UserPoolId: userPoolId, MaxResults: int({ min: 1, max: 50 }), NextToken: nextToken },
    async handle(input, ctx) {
      const page = await ctx.services.resourceServers.listResourceServers(
        adminOf(ctx),
        input.UserPoolId,
        pageArgs(input.MaxResults, input.NextToken),
      );
      return compact({ ResourceServers: page.items.map(toResourceServerType), NextToken: page.nextCursor });
    },
  }),

  CreateUserPoolDomain: action<DomainRequest>({
    auth: "admin",
    members: {
      UserPoolId: userPoolId,
      Domain: domainMember,
      ManagedLoginVersion: int(),
      CustomDomainConfig: customDomainConfigMember,
    },
    async handle(input, ctx) {
      return toDomainChangeResponse(
        await ctx.services.userPoolDomains.createUserPoolDomain(
          adminOf(ctx),
          input.UserPoolId,
          toCoreDomainRequest(input),
        ),
      );
    },
  }),

  UpdateUserPoolDomain: action<DomainRequest>({
    auth: "admin",
    members: {
      UserPoolId: userPoolId,
      Domain: domainMember,
      ManagedLoginVersion: int(),
      CustomDomainConfig: customDomainConfigMember,
    },
    async handle(input, ctx) {
      return toDomainChangeResponse(
        await ctx.services.userPoolDomains.updateUserPoolDomain(
          adminOf(ctx),
          input.UserPoolId,
          toCoreDomainRequest(input),
        ),
      );
    },
  }),

  DescribeUserPoolDomain: action<{ Domain: string }>({
    auth: "admin",
    members: { Domain: domainMember },
    async handle(input, ctx) {
      const domain = await ctx.services.userPoolDomains.describeUserPoolDomain(adminOf(ctx), input.Domain);
      // An unknown domain is an empty description, not an error: tools use this to test availability (§11.1).
      return { DomainDescription: domain ? toDomainDescription(domain, ctx.services.userPoolDomains.gatewayHost) : {} };
    },
  }),

  DeleteUserPoolDomain: adminCommand<PoolRef & { Domain: string }>(
    { UserPoolId: userPoolId, Domain: domainMember },
    (input, ctx) => ctx.services.userPoolDomains.deleteUserPoolDomain(adminOf(ctx), input.UserPoolId, input.Domain),
  ),

  SetUICustomization: action<PoolRef & { ClientId?: string; CSS?: string; ImageFile?: string }>({
    auth: "admin",
    members: { UserPoolId: userPoolId, ClientId: customizationClientId, CSS: str(), ImageFile: str() },
    async handle(input, ctx) {
      const service = ctx.services.uiCustomizations;
      const customization = await service.setUICustomization(adminOf(ctx), input.UserPoolId, input.ClientId, {
        css: input.CSS,
        imageBase64: input.ImageFile,
      });
      return { UICustomization: toUICustomizationType(customization, service) };
    },
  }),

  GetUICustomization: action<PoolRef & { ClientId?: string }>({
    auth: "admin",
    members: { UserPoolId: userPoolId, ClientId: customizationClientId },
    async handle(input, ctx) {
      const service = ctx.services.uiCustomizations;
      const customization = await service.getUICustomization(adminOf(ctx), input.UserPoolId, input.ClientId);
      // Nothing set for the client nor the pool: Cognito answers an empty shape.
      return { UICustomization: customization ? toUICustomizationType(customization, service) : {} };
    },
  }),
};
