import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { EVENT_TYPES, type EventType } from "../../../core/events/event.types.js";
import type { VisibleWebhookSubscription } from "../../../core/webhooks/webhook.service.js";
import {
  WEBHOOK_DELIVERY_STATUSES,
  type WebhookDelivery as CoreWebhookDelivery,
  type WebhookDeliveryStatus,
} from "../../../core/webhooks/webhook.types.js";

export const EventTypeEnum = Object.fromEntries(EVENT_TYPES.map((type) => [type, type])) as { [K in EventType]: K };
registerEnumType(EventTypeEnum, {
  name: "EventType",
  description: 'The kinds of event in the audit log (README, "Events").',
});

export const EventOrderEnum = { NEWEST_FIRST: "NEWEST_FIRST", OLDEST_FIRST: "OLDEST_FIRST" } as const;
registerEnumType(EventOrderEnum, { name: "EventOrder" });

export const WebhookDeliveryStatusEnum = Object.fromEntries(
  WEBHOOK_DELIVERY_STATUSES.map((status) => [status, status]),
) as { [K in WebhookDeliveryStatus]: K };
registerEnumType(WebhookDeliveryStatusEnum, { name: "WebhookDeliveryStatus" });

@ObjectType({ description: "An endpoint that receives a pool's events of the listed types, signed with its secret." })
export class WebhookSubscription {
  @Field(() => ID) id!: string;
  @Field(() => ID) userPoolId!: string;
  @Field() url!: string;
  @Field(() => [EventTypeEnum]) eventTypes!: EventType[];
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field() createdBy!: string;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}

@ObjectType()
export class CreatedWebhookSubscription {
  @Field(() => WebhookSubscription) subscription!: WebhookSubscription;
  @Field({
    description:
      "The Standard Webhooks signing secret, whsec_ + base64: receivers verify deliveries with new Webhook(signingSecret).verify(body, headers). Shown only in this response: store it now.",
  })
  signingSecret!: string;
}

@InputType()
export class CreateWebhookSubscriptionInput {
  @Field(() => ID) userPoolId!: string;
  @Field({ description: "An http or https URL; each delivery is POSTed to it." }) url!: string;
  @Field(() => [EventTypeEnum]) eventTypes!: EventType[];
  @Field(() => String, { nullable: true }) description?: string | null;
}

@ObjectType({ description: "One event owed to one subscription, and how its delivery went." })
export class WebhookDelivery {
  @Field(() => ID) id!: string;
  @Field(() => ID) subscriptionId!: string;
  @Field(() => Int) eventSeq!: number;
  @Field(() => EventTypeEnum) eventType!: EventType;
  @Field(() => WebhookDeliveryStatusEnum) status!: WebhookDeliveryStatus;
  @Field(() => Int) attempts!: number;
  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "When the next attempt is due (null once SUCCEEDED or FAILED).",
  })
  nextAttemptAt!: Date | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) lastAttemptAt!: Date | null;
  @Field(() => Int, { nullable: true }) lastResponseStatus!: number | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver, { nullable: true }) completedAt!: Date | null;
}

@ObjectType()
export class WebhookDeliveryPage {
  @Field(() => [WebhookDelivery]) items!: WebhookDelivery[];
  @Field(() => String, { nullable: true }) nextCursor!: string | null;
}

export const toGraphqlWebhookSubscription = (subscription: VisibleWebhookSubscription): WebhookSubscription =>
  Object.assign(new WebhookSubscription(), {
    id: subscription.id,
    userPoolId: subscription.poolId,
    url: subscription.url,
    eventTypes: subscription.eventTypes,
    description: subscription.description,
    createdBy: subscription.createdBy,
    createdAt: subscription.createdAt,
  });

export const toGraphqlWebhookDelivery = (delivery: CoreWebhookDelivery): WebhookDelivery =>
  Object.assign(new WebhookDelivery(), {
    id: delivery.id,
    subscriptionId: delivery.subscriptionId,
    eventSeq: delivery.eventSeq,
    eventType: delivery.eventType,
    status: delivery.status,
    attempts: delivery.attempts,
    nextAttemptAt: delivery.status === "PENDING" ? delivery.nextAttemptAt : null,
    lastAttemptAt: delivery.lastAttemptAt,
    lastResponseStatus: delivery.lastResponseStatus,
    lastError: delivery.lastError,
    createdAt: delivery.createdAt,
    completedAt: delivery.completedAt,
  });
