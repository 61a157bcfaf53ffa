import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { AdminPrincipal } from "../../../core/admin-keys/admin-key.types.js";
import { CurrentAdmin, type GraphqlContext } from "../context.js";

@Resolver()
export class SigningKeyResolver {
  @Authorized()
  @Mutation(() => Boolean, {
    description:
      "Starts signing the pool's ID and access tokens with new keys. The old public keys stay in the pool's JWKS until every token they signed has expired (one day), so issued tokens keep verifying.",
  })
  async rotateSigningKeys(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.signingKeys.rotateSigningKeys(admin, userPoolId);
    return true;
  }
}
