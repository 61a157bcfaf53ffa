import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { AdminPrincipal } from "../../../core/admin-keys/admin-key.types.js";
import type { UserPoolDomain as CoreUserPoolDomain } from "../../../core/oauth/user-pool-domain.types.js";
import { CurrentAdmin, type GraphqlContext } from "../context.js";
import {
  CreateUserPoolDomainInput,
  ResourceServer,
  ResourceServerInput,
  ResourceServerPage,
  SetUICustomizationInput,
  UICustomization,
  UpdateUserPoolDomainInput,
  UserPoolDomain,
  toCoreDomainRequest,
  toGraphqlResourceServer,
  toGraphqlUiCustomization,
  toGraphqlUserPoolDomain,
} from "../types/oauth-admin.types.js";
import { UserPool } from "../types/user-pool.types.js";

const toCoreServerInput = (input: ResourceServerInput) => ({
  identifier: input.identifier,
  name: input.name,
  scopes: input.scopes ?? [],
});

/** Resource servers (reference-oauth §10.2). */
@Resolver(() => ResourceServer)
export class ResourceServerResolver {
  @Authorized()
  @Mutation(() => ResourceServer, {
    description: "Creates a resource server with its custom scopes (CreateResourceServer); at most 25 per pool.",
  })
  async createResourceServer(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("input", () => ResourceServerInput) input: ResourceServerInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<ResourceServer> {
    return toGraphqlResourceServer(
      await ctx.services.resourceServers.createResourceServer(admin, userPoolId, toCoreServerInput(input)),
    );
  }

  @Authorized()
  @Mutation(() => ResourceServer, {
    description:
      "Replaces a resource server's name and scopes (UpdateResourceServer). Clients keep removed scopes, inactive.",
  })
  async updateResourceServer(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("input", () => ResourceServerInput) input: ResourceServerInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<ResourceServer> {
    return toGraphqlResourceServer(
      await ctx.services.resourceServers.updateResourceServer(admin, userPoolId, toCoreServerInput(input)),
    );
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: "Deletes a resource server (DeleteResourceServer); clients holding its scopes keep them, inactive.",
  })
  async deleteResourceServer(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("identifier") identifier: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.resourceServers.deleteResourceServer(admin, userPoolId, identifier);
    return true;
  }

  @Authorized()
  @Query(() => ResourceServer, { description: "One resource server (DescribeResourceServer)." })
  async resourceServer(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("identifier") identifier: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<ResourceServer> {
    return toGraphqlResourceServer(
      await ctx.services.resourceServers.describeResourceServer(admin, userPoolId, identifier),
    );
  }

  @Authorized()
  @Query(() => ResourceServerPage, {
    description: "A pool's resource servers by identifier, 1–50 a page (ListResourceServers).",
  })
  async resourceServers(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Ctx() ctx: GraphqlContext,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<ResourceServerPage> {
    const page = await ctx.services.resourceServers.listResourceServers(admin, userPoolId, { first, after });
    return { items: page.items.map(toGraphqlResourceServer), nextCursor: page.nextCursor };
  }
}

/** Pool domains (reference-oauth §11). */
@Resolver(() => UserPoolDomain)
export class UserPoolDomainResolver {
  @Authorized()
  @Mutation(() => UserPoolDomain, {
    description: "Gives the pool a prefix or custom domain (CreateUserPoolDomain); one of each per pool.",
  })
  async createUserPoolDomain(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("input", () => CreateUserPoolDomainInput) input: CreateUserPoolDomainInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<UserPoolDomain> {
    const service = ctx.services.userPoolDomains;
    return toGraphqlUserPoolDomain(
      (await service.createUserPoolDomain(admin, userPoolId, toCoreDomainRequest(input))).domain,
      service.gatewayHost,
    );
  }

  @Authorized()
  @Mutation(() => UserPoolDomain, {
    description:
      "Changes a domain's managedLoginVersion or certificate (UpdateUserPoolDomain); settings left out keep their values.",
  })
  async updateUserPoolDomain(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("input", () => UpdateUserPoolDomainInput) input: UpdateUserPoolDomainInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<UserPoolDomain> {
    const service = ctx.services.userPoolDomains;
    return toGraphqlUserPoolDomain(
      (await service.updateUserPoolDomain(admin, userPoolId, toCoreDomainRequest(input))).domain,
      service.gatewayHost,
    );
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: "Removes a pool's domain (DeleteUserPoolDomain); its pages stop answering on it at once.",
  })
  async deleteUserPoolDomain(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("domain") domain: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.userPoolDomains.deleteUserPoolDomain(admin, userPoolId, domain);
    return true;
  }

  @Authorized()
  @Query(() => UserPoolDomain, {
    nullable: true,
    description: "A domain by name (DescribeUserPoolDomain); null when no pool you can see has it.",
  })
  async userPoolDomain(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("domain") domain: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<UserPoolDomain | null> {
    const service = ctx.services.userPoolDomains;
    const found = await service.describeUserPoolDomain(admin, domain);
    return found ? toGraphqlUserPoolDomain(found, service.gatewayHost) : null;
  }
}

/** DescribeUserPool's Domain and CustomDomain on the pool. */
@Resolver(() => UserPool)
export class UserPoolDomainFieldsResolver {
  private async domainOf(
    pool: UserPool,
    ctx: GraphqlContext,
    kind: CoreUserPoolDomain["kind"],
  ): Promise<string | null> {
    // Only reached under an @Authorized() operation that returned the pool.
    if (!ctx.admin) return null;
    const domains = await ctx.services.userPoolDomains.listPoolDomains(ctx.admin, pool.id);
    return domains.find((domain) => domain.kind === kind)?.domain ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: "The pool's prefix domain (Cognito's Domain)." })
  domain(@Root() pool: UserPool, @Ctx() ctx: GraphqlContext): Promise<string | null> {
    return this.domainOf(pool, ctx, "prefix");
  }

  @FieldResolver(() => String, { nullable: true, description: "The pool's custom domain (Cognito's CustomDomain)." })
  customDomain(@Root() pool: UserPool, @Ctx() ctx: GraphqlContext): Promise<string | null> {
    return this.domainOf(pool, ctx, "custom");
  }
}

/** Sign-in page branding (reference-oauth §8.4). */
@Resolver(() => UICustomization)
export class UiCustomizationResolver {
  @Authorized()
  @Mutation(() => UICustomization, {
    description: "Replaces the branding of one client, or of the pool with clientId ALL or none (SetUICustomization).",
  })
  async setUICustomization(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("input", () => SetUICustomizationInput) input: SetUICustomizationInput,
    @Ctx() ctx: GraphqlContext,
    @Arg("clientId", () => ID, { nullable: true }) clientId?: string,
  ): Promise<UICustomization> {
    const service = ctx.services.uiCustomizations;
    const customization = await service.setUICustomization(admin, userPoolId, clientId, {
      css: input.css,
      imageBase64: input.imageBase64,
    });
    return toGraphqlUiCustomization(customization, service.imageUrlOf(customization));
  }

  @Authorized()
  @Query(() => UICustomization, {
    nullable: true,
    description: "The client's branding, else the pool's (ALL), else null (GetUICustomization).",
  })
  async uiCustomization(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Ctx() ctx: GraphqlContext,
    @Arg("clientId", () => ID, { nullable: true }) clientId?: string,
  ): Promise<UICustomization | null> {
    const service = ctx.services.uiCustomizations;
    const customization = await service.getUICustomization(admin, userPoolId, clientId);
    return customization ? toGraphqlUiCustomization(customization, service.imageUrlOf(customization)) : null;
  }
}
