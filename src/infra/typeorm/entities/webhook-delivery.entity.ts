import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { IdColumn, TimestampColumn } from "./columns.js";
import { WebhookSubscriptionEntity } from "./webhook-subscription.entity.js";

/** The webhook outbox: one row per (event, subscription), written in the event's transaction. */
@Entity({ name: "webhook_deliveries" })
@Index("ix_webhook_deliveries_due", ["status", "nextAttemptAt"])
@Index("ix_webhook_deliveries_pool", ["poolId", "id"])
@Index("ix_webhook_deliveries_subscription", ["subscriptionId", "id"])
export class WebhookDeliveryEntity {
  @PrimaryColumn({ name: "id", type: "varchar", length: 36 })
  id!: string;

  @IdColumn("subscription_id", 36)
  subscriptionId!: string;

  @ManyToOne(() => WebhookSubscriptionEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "subscription_id", foreignKeyConstraintName: "fk_webhook_deliveries_subscription" })
  subscription?: WebhookSubscriptionEntity;

  @IdColumn("pool_id", 55)
  poolId!: string;

  @Column({ name: "event_seq", type: "integer" })
  eventSeq!: number;

  @Column({ name: "event_type", type: "varchar", length: 64 })
  eventType!: string;

  @Column({ name: "status", type: "varchar", length: 16 })
  status!: string;

  @Column({ name: "attempts", type: "integer" })
  attempts!: number;

  @TimestampColumn("next_attempt_at")
  nextAttemptAt!: Date;

  @TimestampColumn("last_attempt_at", { nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ name: "last_response_status", type: "integer", nullable: true })
  lastResponseStatus!: number | null;

  @Column({ name: "last_error", type: "varchar", length: 255, nullable: true })
  lastError!: string | null;

  @TimestampColumn("created_at")
  createdAt!: Date;

  @TimestampColumn("completed_at", { nullable: true })
  completedAt!: Date | null;
}
