import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { AdminPrincipal } from "../../../core/admin-keys/admin-key.types.js";
import { CurrentAdmin, type GraphqlContext } from "../context.js";
import {
  CreateUserPoolClientInput,
  UpdateUserPoolClientInput,
  UserPoolClient,
  UserPoolClientPage,
  toCoreCreateAppClientInput,
  toCoreUpdateAppClientInput,
  toGraphqlUserPoolClient,
} from "../types/app-client.types.js";

@Resolver(() => UserPoolClient)
export class AppClientResolver {
  @Authorized()
  @Mutation(() => UserPoolClient, {
    description: "Creates an app client (CreateUserPoolClient), optionally with a generated secret.",
  })
  async createUserPoolClient(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("input", () => CreateUserPoolClientInput) input: CreateUserPoolClientInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<UserPoolClient> {
    return toGraphqlUserPoolClient(
      await ctx.services.appClients.createUserPoolClient(admin, userPoolId, toCoreCreateAppClientInput(input)),
    );
  }

  @Authorized()
  @Mutation(() => UserPoolClient, {
    description: "Changes an app client (UpdateUserPoolClient); unnamed settings keep their values.",
  })
  async updateUserPoolClient(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("clientId", () => ID) clientId: string,
    @Arg("input", () => UpdateUserPoolClientInput) input: UpdateUserPoolClientInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<UserPoolClient> {
    return toGraphqlUserPoolClient(
      await ctx.services.appClients.updateUserPoolClient(
        admin,
        userPoolId,
        clientId,
        toCoreUpdateAppClientInput(input),
      ),
    );
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Deletes an app client and its refresh tokens (DeleteUserPoolClient)." })
  async deleteUserPoolClient(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("clientId", () => ID) clientId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.appClients.deleteUserPoolClient(admin, userPoolId, clientId);
    return true;
  }

  @Authorized()
  @Query(() => UserPoolClient, { description: "One app client (DescribeUserPoolClient)." })
  async userPoolClient(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("clientId", () => ID) clientId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<UserPoolClient> {
    return toGraphqlUserPoolClient(await ctx.services.appClients.getUserPoolClient(admin, userPoolId, clientId));
  }

  @Authorized()
  @Query(() => UserPoolClientPage, { description: "A pool's app clients, 1–60 a page (ListUserPoolClients)." })
  async userPoolClients(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Ctx() ctx: GraphqlContext,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<UserPoolClientPage> {
    const page = await ctx.services.appClients.listUserPoolClients(admin, userPoolId, { first, after });
    return { items: page.items.map(toGraphqlUserPoolClient), nextCursor: page.nextCursor };
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The client secret; null for a public client. Admins only.",
  })
  clientSecret(@Root() client: UserPoolClient, @Ctx() ctx: GraphqlContext): string | null {
    return ctx.services.appClients.revealSecret(client.secretCiphertext);
  }
}
