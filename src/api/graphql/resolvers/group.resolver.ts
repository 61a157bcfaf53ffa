import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { AdminPrincipal } from "../../../core/admin-keys/admin-key.types.js";
import { CurrentAdmin, type GraphqlContext } from "../context.js";
import {
  CreateGroupInput,
  Group,
  GroupMemberPage,
  GroupPage,
  UpdateGroupInput,
  toCoreCreateGroupInput,
  toCoreUpdateGroupInput,
  toGraphqlGroup,
} from "../types/group.types.js";
import { toGraphqlUser } from "../types/user.types.js";

@Resolver(() => Group)
export class GroupResolver {
  @Authorized()
  @Mutation(() => Group, { description: "Creates a group (CreateGroup); at most MAX_GROUPS_PER_POOL a pool." })
  async createGroup(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("input", () => CreateGroupInput) input: CreateGroupInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Group> {
    return toGraphqlGroup(
      await ctx.services.groups.createGroup(admin, input.userPoolId, toCoreCreateGroupInput(input)),
    );
  }

  @Authorized()
  @Mutation(() => Group, {
    description: "Changes a group (UpdateGroup): omitted fields keep their values, null clears them.",
  })
  async updateGroup(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("input", () => UpdateGroupInput) input: UpdateGroupInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Group> {
    return toGraphqlGroup(
      await ctx.services.groups.updateGroup(admin, input.userPoolId, toCoreUpdateGroupInput(input)),
    );
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Deletes a group and its memberships (DeleteGroup); the users stay." })
  async deleteGroup(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("groupName", () => String) groupName: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.groups.deleteGroup(admin, userPoolId, groupName);
    return true;
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: "Adds a user to a group (AdminAddUserToGroup); a member already in it stays, and the call succeeds.",
  })
  async adminAddUserToGroup(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("username", () => String) username: string,
    @Arg("groupName", () => String) groupName: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.groups.addUserToGroup(admin, userPoolId, username, groupName);
    return true;
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: "Removes a user from a group (AdminRemoveUserFromGroup); succeeds when the user was not a member.",
  })
  async adminRemoveUserFromGroup(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("username", () => String) username: string,
    @Arg("groupName", () => String) groupName: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.groups.removeUserFromGroup(admin, userPoolId, username, groupName);
    return true;
  }

  @Authorized()
  @Query(() => Group, { description: "One group (GetGroup)." })
  async group(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("groupName", () => String) groupName: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Group> {
    return toGraphqlGroup(await ctx.services.groups.getGroup(admin, userPoolId, groupName));
  }

  @Authorized()
  @Query(() => GroupPage, { description: "The pool's groups by name, 1–60 a page (ListGroups)." })
  async groups(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Ctx() ctx: GraphqlContext,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<GroupPage> {
    const page = await ctx.services.groups.listGroups(admin, userPoolId, { first, after });
    return { items: page.items.map(toGraphqlGroup), nextCursor: page.nextCursor };
  }

  @Authorized()
  @Query(() => GroupMemberPage, { description: "A group's members by user id, 1–60 a page (ListUsersInGroup)." })
  async listUsersInGroup(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("groupName", () => String) groupName: string,
    @Ctx() ctx: GraphqlContext,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<GroupMemberPage> {
    const page = await ctx.services.groups.listUsersInGroup(admin, userPoolId, groupName, { first, after });
    return { items: page.items.map(toGraphqlUser), nextCursor: page.nextCursor };
  }

  @Authorized()
  @Query(() => GroupPage, {
    description: "The groups a user belongs to, by name, 1–60 a page (AdminListGroupsForUser).",
  })
  async adminListGroupsForUser(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("username", () => String) username: string,
    @Ctx() ctx: GraphqlContext,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<GroupPage> {
    const page = await ctx.services.groups.listGroupsForUser(admin, userPoolId, username, { first, after });
    return { items: page.items.map(toGraphqlGroup), nextCursor: page.nextCursor };
  }
}
