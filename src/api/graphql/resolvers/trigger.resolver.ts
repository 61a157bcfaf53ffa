import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Resolver } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import type { AdminPrincipal } from "../../../core/admin-keys/admin-key.types.js";
import { CurrentAdmin, type GraphqlContext } from "../context.js";

@ObjectType({ description: "A pool's trigger signing secret, shown only in the answer that created it." })
export class TriggerSecret {
  @Field({ description: "HMAC-SHA-256 key: X-Gateway-Signature = hex HMAC(secret, `${X-Gateway-Timestamp}.${body}`)." })
  secret!: string;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}

@Resolver()
export class TriggerResolver {
  @Authorized()
  @Mutation(() => TriggerSecret, {
    description:
      "Generates the key the pool's trigger requests are signed with, replacing the previous one at once. Triggers fail with UnexpectedLambdaException until a pool has one.",
  })
  async rotateTriggerSecret(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<TriggerSecret> {
    return Object.assign(new TriggerSecret(), await ctx.services.triggerSecrets.rotateTriggerSecret(admin, userPoolId));
  }
}
