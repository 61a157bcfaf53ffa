import { JSONObjectResolver } from "graphql-scalars";
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { AdminPrincipal } from "../../../core/admin-keys/admin-key.types.js";
import type { AccessTokenPrincipal } from "../../../core/tokens/access-token.service.js";
import { CurrentAdmin, CurrentUser, USER_ROLE, type GraphqlContext } from "../context.js";
import {
  RevokeTokenInput,
  UpdateUserAttributesInput,
  UpdateUserAttributesResult,
  UserProfile,
} from "../types/self-service.types.js";
import { CodeDeliveryDetails } from "../types/sign-up.types.js";

/**
 * Cognito's access-token operations: the caller is the user of the `Authorization: Bearer <access token>`
 * (over graphql-ws: connectionParams.authorization). RevokeToken is authorised by the refresh token itself.
 */
@Resolver()
export class SelfServiceResolver {
  @Authorized(USER_ROLE)
  @Query(() => UserProfile, { description: "The signed-in user (GetUser)." })
  async getUser(@CurrentUser() user: AccessTokenPrincipal, @Ctx() ctx: GraphqlContext): Promise<UserProfile> {
    return ctx.services.selfService.getUser(user);
  }

  @Authorized(USER_ROLE)
  @Mutation(() => UpdateUserAttributesResult, {
    description: "Writes the signed-in user's attributes; email/phone changes send a code (UpdateUserAttributes).",
  })
  async updateUserAttributes(
    @CurrentUser() user: AccessTokenPrincipal,
    @Arg("input", () => UpdateUserAttributesInput) input: UpdateUserAttributesInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<UpdateUserAttributesResult> {
    return {
      codeDeliveryDetailsList: await ctx.services.selfService.updateUserAttributes(user, {
        userAttributes: input.userAttributes,
        clientMetadata: input.clientMetadata,
      }),
    };
  }

  @Authorized(USER_ROLE)
  @Mutation(() => Boolean, { description: "Removes the signed-in user's attributes (DeleteUserAttributes)." })
  async deleteUserAttributes(
    @CurrentUser() user: AccessTokenPrincipal,
    @Arg("userAttributeNames", () => [String]) userAttributeNames: string[],
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.selfService.deleteUserAttributes(user, userAttributeNames);
    return true;
  }

  @Authorized(USER_ROLE)
  @Mutation(() => CodeDeliveryDetails, {
    description: "Sends a code to verify email or phone_number (GetUserAttributeVerificationCode).",
  })
  async getUserAttributeVerificationCode(
    @CurrentUser() user: AccessTokenPrincipal,
    @Arg("attributeName", () => String) attributeName: string,
    @Arg("clientMetadata", () => JSONObjectResolver, { nullable: true, description: "Passed to triggers; not stored." })
    clientMetadata: Record<string, string> | null,
    @Ctx() ctx: GraphqlContext,
  ): Promise<CodeDeliveryDetails> {
    return ctx.services.selfService.getUserAttributeVerificationCode(user, { attributeName, clientMetadata });
  }

  @Authorized(USER_ROLE)
  @Mutation(() => Boolean, { description: "Verifies email or phone_number with the code (VerifyUserAttribute)." })
  async verifyUserAttribute(
    @CurrentUser() user: AccessTokenPrincipal,
    @Arg("attributeName", () => String) attributeName: string,
    @Arg("code", () => String) code: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.selfService.verifyUserAttribute(user, { attributeName, code });
    return true;
  }

  @Authorized(USER_ROLE)
  @Mutation(() => Boolean, { description: "Changes the signed-in user's password (ChangePassword)." })
  async changePassword(
    @CurrentUser() user: AccessTokenPrincipal,
    @Arg("previousPassword", () => String) previousPassword: string,
    @Arg("proposedPassword", () => String) proposedPassword: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.selfService.changePassword(user, { previousPassword, proposedPassword });
    return true;
  }

  @Authorized(USER_ROLE)
  @Mutation(() => Boolean, { description: "Deletes the signed-in user (DeleteUser)." })
  async deleteUser(@CurrentUser() user: AccessTokenPrincipal, @Ctx() ctx: GraphqlContext): Promise<boolean> {
    await ctx.services.selfService.deleteUser(user);
    return true;
  }

  @Authorized(USER_ROLE)
  @Mutation(() => Boolean, {
    description:
      "Revokes all of the signed-in user's refresh tokens and, on this API, their access tokens (GlobalSignOut).",
  })
  async globalSignOut(@CurrentUser() user: AccessTokenPrincipal, @Ctx() ctx: GraphqlContext): Promise<boolean> {
    await ctx.services.signOut.globalSignOut(user);
    return true;
  }

  @Mutation(() => Boolean, {
    description: "Revokes one refresh token and the access tokens issued from it (RevokeToken); no bearer needed.",
  })
  async revokeToken(
    @Arg("input", () => RevokeTokenInput) input: RevokeTokenInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.signOut.revokeToken(input);
    return true;
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Signs a user out of every device (AdminUserGlobalSignOut)." })
  async adminUserGlobalSignOut(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("username", () => String) username: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.signOut.adminUserGlobalSignOut(admin, { userPoolId, username });
    return true;
  }
}
