import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { AdminPrincipal } from "../../../core/admin-keys/admin-key.types.js";
import { CurrentAdmin, type GraphqlContext } from "../context.js";
import {
  CreateUserPoolInput,
  SchemaAttributeInput,
  UpdateUserPoolInput,
  toCoreCreateUserPoolInput,
  toCoreCustomAttribute,
  toCoreUpdateUserPoolInput,
} from "../types/user-pool.inputs.js";
import { UserPool, UserPoolPage, toGraphqlUserPool } from "../types/user-pool.types.js";

@Resolver(() => UserPool)
export class UserPoolResolver {
  @Authorized()
  @Mutation(() => UserPool, { description: "Creates a user pool (CreateUserPool). Needs an unscoped admin key." })
  async createUserPool(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("input", () => CreateUserPoolInput) input: CreateUserPoolInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<UserPool> {
    return toGraphqlUserPool(await ctx.services.userPools.createUserPool(admin, toCoreCreateUserPoolInput(input)));
  }

  @Authorized()
  @Mutation(() => UserPool, {
    description: "Changes a pool's settings (UpdateUserPool); unnamed settings keep their values.",
  })
  async updateUserPool(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("input", () => UpdateUserPoolInput) input: UpdateUserPoolInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<UserPool> {
    return toGraphqlUserPool(
      await ctx.services.userPools.updateUserPool(admin, userPoolId, toCoreUpdateUserPoolInput(input)),
    );
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: "Deletes a pool and everything in it (DeleteUserPool); refused while deletion protection is ACTIVE.",
  })
  async deleteUserPool(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.userPools.deleteUserPool(admin, userPoolId);
    return true;
  }

  @Authorized()
  @Mutation(() => UserPool, {
    description: "Adds 1–25 custom attributes (AddCustomAttributes); they cannot be changed or removed later.",
  })
  async addCustomAttributes(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("customAttributes", () => [SchemaAttributeInput]) customAttributes: SchemaAttributeInput[],
    @Ctx() ctx: GraphqlContext,
  ): Promise<UserPool> {
    return toGraphqlUserPool(
      await ctx.services.userPools.addCustomAttributes(admin, userPoolId, customAttributes.map(toCoreCustomAttribute)),
    );
  }

  @Authorized()
  @Query(() => UserPool, { description: "One user pool (DescribeUserPool)." })
  async userPool(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<UserPool> {
    return toGraphqlUserPool(await ctx.services.userPools.getUserPool(admin, userPoolId));
  }

  @Authorized()
  @Query(() => UserPoolPage, { description: "User pools the key may see, 1–60 a page (ListUserPools)." })
  async userPools(
    @CurrentAdmin() admin: AdminPrincipal,
    @Ctx() ctx: GraphqlContext,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<UserPoolPage> {
    const page = await ctx.services.userPools.listUserPools(admin, { first, after });
    return { items: page.items.map(toGraphqlUserPool), nextCursor: page.nextCursor };
  }

  @FieldResolver(() => Int, { description: "Users in the pool now (EstimatedNumberOfUsers)." })
  async estimatedNumberOfUsers(@Root() pool: UserPool, @Ctx() ctx: GraphqlContext): Promise<number> {
    return ctx.services.userPools.countUsers(pool.id);
  }
}
