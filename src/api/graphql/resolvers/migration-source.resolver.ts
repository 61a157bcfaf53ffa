import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { AdminPrincipal } from "../../../core/admin-keys/admin-key.types.js";
import { CurrentAdmin, type GraphqlContext } from "../context.js";
import {
  SetUserMigrationSourceInput,
  UserMigrationProgress,
  UserMigrationSource,
} from "../types/migration-source.types.js";

/** The built-in user-migration source: no Cognito action exists for it, so it is GraphQL only. */
@Resolver()
export class MigrationSourceResolver {
  @Authorized()
  @Mutation(() => UserMigrationSource, {
    description:
      "Sets the pool's built-in migration source: unknown users who sign in with a password (or, with admin credentials, ask for a reset) are looked up in the old Cognito pool and copied in. Asked only when the pool has no UserMigration trigger.",
  })
  async setUserMigrationSource(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("input", () => SetUserMigrationSourceInput) input: SetUserMigrationSourceInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<UserMigrationSource> {
    return Object.assign(
      new UserMigrationSource(),
      await ctx.services.userMigrationSources.setUserMigrationSource(admin, userPoolId, input),
    );
  }

  @Authorized()
  @Query(() => UserMigrationSource, {
    nullable: true,
    description: "The pool's migration source without its secrets; null when it has none.",
  })
  async userMigrationSource(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<UserMigrationSource | null> {
    const view = await ctx.services.userMigrationSources.getUserMigrationSource(admin, userPoolId);
    return view ? Object.assign(new UserMigrationSource(), view) : null;
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: "Removes the pool's migration source (true when there was one); migrated users stay.",
  })
  async deleteUserMigrationSource(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    return ctx.services.userMigrationSources.deleteUserMigrationSource(admin, userPoolId);
  }

  @Authorized()
  @Query(() => UserMigrationProgress, {
    description:
      "Migrated so far and what remains at the source (its EstimatedNumberOfUsers minus the migrated; needs admin credentials).",
  })
  async userMigrationProgress(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<UserMigrationProgress> {
    return Object.assign(
      new UserMigrationProgress(),
      await ctx.services.userMigrationSources.userMigrationProgress(admin, userPoolId),
    );
  }
}
