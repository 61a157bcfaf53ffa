import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { AdminPrincipal } from "../../../core/admin-keys/admin-key.types.js";
import type { WebhookDeliveryStatus } from "../../../core/webhooks/webhook.types.js";
import { CurrentAdmin, type GraphqlContext } from "../context.js";
import {
  CreatedWebhookSubscription,
  CreateWebhookSubscriptionInput,
  toGraphqlWebhookDelivery,
  toGraphqlWebhookSubscription,
  WebhookDeliveryPage,
  WebhookDeliveryStatusEnum,
  WebhookSubscription,
} from "../types/webhook.types.js";

@Resolver()
export class WebhookResolver {
  @Authorized()
  @Mutation(() => CreatedWebhookSubscription, {
    description: "Subscribes an endpoint to a pool's events. Deliveries are signed, retried with backoff and recorded.",
  })
  async createWebhookSubscription(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("input", () => CreateWebhookSubscriptionInput) input: CreateWebhookSubscriptionInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<CreatedWebhookSubscription> {
    const { subscription, signingSecret } = await ctx.services.webhooks.createSubscription(admin, {
      poolId: input.userPoolId,
      url: input.url,
      eventTypes: input.eventTypes,
      description: input.description,
    });
    return { subscription: toGraphqlWebhookSubscription(subscription), signingSecret };
  }

  @Authorized()
  @Mutation(() => WebhookSubscription, {
    description: "Deletes a webhook subscription and its delivery records; pending deliveries are dropped.",
  })
  async deleteWebhookSubscription(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("subscriptionId", () => ID) subscriptionId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<WebhookSubscription> {
    return toGraphqlWebhookSubscription(
      await ctx.services.webhooks.deleteSubscription(admin, userPoolId, subscriptionId),
    );
  }

  @Authorized()
  @Query(() => [WebhookSubscription])
  async webhookSubscriptions(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<WebhookSubscription[]> {
    return (await ctx.services.webhooks.listSubscriptions(admin, userPoolId)).map(toGraphqlWebhookSubscription);
  }

  @Authorized()
  @Query(() => WebhookDeliveryPage, { description: "Delivery records of a pool's webhooks, newest first." })
  async webhookDeliveries(
    @CurrentAdmin() admin: AdminPrincipal,
    @Ctx() ctx: GraphqlContext,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("subscriptionId", () => ID, { nullable: true }) subscriptionId?: string,
    @Arg("status", () => WebhookDeliveryStatusEnum, { nullable: true }) status?: WebhookDeliveryStatus,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<WebhookDeliveryPage> {
    const page = await ctx.services.webhooks.listDeliveries(
      admin,
      userPoolId,
      { subscriptionId, status },
      { first, after },
    );
    return { items: page.items.map(toGraphqlWebhookDelivery), nextCursor: page.nextCursor };
  }
}
