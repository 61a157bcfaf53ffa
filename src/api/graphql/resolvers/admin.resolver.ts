import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { AdminPrincipal } from "../../../core/admin-keys/admin-key.types.js";
import { CurrentAdmin, type GraphqlContext } from "../context.js";
import {
  AdminApiKey,
  AdminApiKeyPage,
  CreateAdminApiKeyInput,
  CreatedAdminApiKey,
  toGraphqlAdminApiKey,
} from "../types/admin.types.js";

@Resolver()
export class AdminResolver {
  @Authorized()
  @Mutation(() => CreatedAdminApiKey, {
    description: "Creates an admin API key, optionally scoped to pools. Needs an unscoped key.",
  })
  async createAdminApiKey(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("input", () => CreateAdminApiKeyInput) input: CreateAdminApiKeyInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<CreatedAdminApiKey> {
    const { key, secret } = await ctx.services.adminKeys.createAdminApiKey(admin, {
      name: input.name,
      poolScope: input.poolScope ?? null,
    });
    return { key: toGraphqlAdminApiKey(key), secret };
  }

  @Authorized()
  @Mutation(() => AdminApiKey, {
    description: "Revokes an admin API key at once. The last unscoped key cannot be revoked.",
  })
  async revokeAdminApiKey(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("keyId", () => ID) keyId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<AdminApiKey> {
    return toGraphqlAdminApiKey(await ctx.services.adminKeys.revokeAdminApiKey(admin, keyId));
  }

  @Authorized()
  @Query(() => AdminApiKeyPage, { description: "Admin API keys (never their secrets). Needs an unscoped key." })
  async adminApiKeys(
    @CurrentAdmin() admin: AdminPrincipal,
    @Ctx() ctx: GraphqlContext,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<AdminApiKeyPage> {
    const page = await ctx.services.adminKeys.listAdminApiKeys(admin, { first, after });
    return { items: page.items.map(toGraphqlAdminApiKey), nextCursor: page.nextCursor };
  }
}
