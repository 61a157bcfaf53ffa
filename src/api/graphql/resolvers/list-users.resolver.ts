import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import type { AdminPrincipal } from "../../../core/admin-keys/admin-key.types.js";
import { CurrentAdmin, type GraphqlContext } from "../context.js";
import { UserPage } from "../types/list-users.types.js";
import { toGraphqlUser, type User } from "../types/user.types.js";

@Resolver()
export class ListUsersResolver {
  @Authorized()
  @Query(() => UserPage, {
    description:
      'Users of a pool, optionally filtered (ListUsers): `attribute = "value"` or `attribute ^= "value"` on username, email, phone_number, name, given_name, family_name, preferred_username, sub, cognito:user_status, status, or a custom attribute declared searchable. Limit 0–60 (0 or absent = 60).',
  })
  async listUsers(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Ctx() ctx: GraphqlContext,
    @Arg("filter", () => String, { nullable: true }) filter?: string | null,
    @Arg("attributesToGet", () => [String], { nullable: true }) attributesToGet?: string[] | null,
    @Arg("limit", () => Int, { nullable: true }) limit?: number | null,
    @Arg("paginationToken", () => String, { nullable: true }) paginationToken?: string | null,
  ): Promise<UserPage> {
    const page = await ctx.services.listUsers.listUsers(admin, userPoolId, {
      filter,
      attributesToGet,
      limit,
      paginationToken,
    });
    // The service has already cut the attributes; the mapper always adds `sub`, so cut its list the same way.
    const wanted = attributesToGet ? new Set(attributesToGet) : null;
    const restrict = (user: User): User =>
      wanted ? { ...user, attributes: user.attributes.filter((attribute) => wanted.has(attribute.name)) } : user;
    return { users: page.users.map((user) => restrict(toGraphqlUser(user))), paginationToken: page.paginationToken };
  }
}
