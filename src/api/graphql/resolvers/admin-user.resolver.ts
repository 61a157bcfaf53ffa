import { JSONObjectResolver } from "graphql-scalars";
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { AdminPrincipal } from "../../../core/admin-keys/admin-key.types.js";
import { CurrentAdmin, type GraphqlContext } from "../context.js";
import {
  AdminCreateUserInput,
  AdminDeleteUserAttributesInput,
  AdminSetUserPasswordInput,
  AdminUpdateUserAttributesInput,
} from "../types/admin-user.types.js";
import { User, toGraphqlUser, toGraphqlUserWithMfa } from "../types/user.types.js";

/** Admin user operations (Cognito's Admin* actions); every one needs an admin key for the pool. */
@Resolver(() => User)
export class AdminUserResolver {
  @Authorized()
  @Mutation(() => User, {
    description: "Creates a user with a temporary password and sends the invitation (AdminCreateUser).",
  })
  async adminCreateUser(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("input", () => AdminCreateUserInput) input: AdminCreateUserInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<User> {
    return toGraphqlUser(await ctx.services.adminUsers.adminCreateUser(admin, input));
  }

  @Authorized()
  @Query(() => User, {
    description: "One user with every attribute (AdminGetUser); username may be any sign-in identifier.",
  })
  async adminGetUser(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("username", () => String) username: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<User> {
    const { user, mfa } = await ctx.services.adminUsers.adminGetUser(admin, { userPoolId, username });
    return toGraphqlUserWithMfa(user, mfa);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Writes attributes, verified flags included (AdminUpdateUserAttributes)." })
  async adminUpdateUserAttributes(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("input", () => AdminUpdateUserAttributesInput) input: AdminUpdateUserAttributesInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.adminUsers.adminUpdateUserAttributes(admin, input);
    return true;
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: "Removes attributes; required ones and sub cannot be removed (AdminDeleteUserAttributes).",
  })
  async adminDeleteUserAttributes(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("input", () => AdminDeleteUserAttributesInput) input: AdminDeleteUserAttributesInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.adminUsers.adminDeleteUserAttributes(admin, input);
    return true;
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Deletes the user (AdminDeleteUser)." })
  async adminDeleteUser(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("username", () => String) username: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.adminUsers.adminDeleteUser(admin, { userPoolId, username });
    return true;
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Disables sign-in for the user (AdminDisableUser)." })
  async adminDisableUser(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("username", () => String) username: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.adminUsers.adminDisableUser(admin, { userPoolId, username });
    return true;
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Re-enables sign-in for the user (AdminEnableUser)." })
  async adminEnableUser(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("username", () => String) username: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.adminUsers.adminEnableUser(admin, { userPoolId, username });
    return true;
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Confirms an UNCONFIRMED user without a code (AdminConfirmSignUp)." })
  async adminConfirmSignUp(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("username", () => String) username: string,
    @Arg("clientMetadata", () => JSONObjectResolver, { nullable: true, description: "Passed to triggers; not stored." })
    clientMetadata: Record<string, string> | null,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.adminUsers.adminConfirmSignUp(admin, { userPoolId, username, clientMetadata });
    return true;
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description:
      "Sets the password, permanent (CONFIRMED) or temporary (FORCE_CHANGE_PASSWORD) (AdminSetUserPassword).",
  })
  async adminSetUserPassword(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("input", () => AdminSetUserPasswordInput) input: AdminSetUserPasswordInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.adminUsers.adminSetUserPassword(admin, input);
    return true;
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: "Marks the user RESET_REQUIRED and sends a password-reset code (AdminResetUserPassword).",
  })
  async adminResetUserPassword(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("username", () => String) username: string,
    @Arg("clientMetadata", () => JSONObjectResolver, { nullable: true, description: "Passed to triggers; not stored." })
    clientMetadata: Record<string, string> | null,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.adminUsers.adminResetUserPassword(admin, { userPoolId, username, clientMetadata });
    return true;
  }
}
