import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { IdColumn, JsonTextColumn, TimestampColumn } from "./columns.js";
import { UserPoolEntity } from "./user-pool.entity.js";

@Entity({ name: "webhook_subscriptions" })
@Index("ix_webhook_subscriptions_pool", ["poolId", "id"])
export class WebhookSubscriptionEntity {
  @PrimaryColumn({ name: "id", type: "varchar", length: 36 })
  id!: string;

  @IdColumn("pool_id", 55)
  poolId!: string;

  @ManyToOne(() => UserPoolEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "pool_id", foreignKeyConstraintName: "fk_webhook_subscriptions_pool" })
  pool?: UserPoolEntity;

  @Column({ name: "url", type: "varchar", length: 2048 })
  url!: string;

  /** JSON array of event types. */
  @JsonTextColumn("event_types")
  eventTypes!: string;

  @Column({ name: "description", type: "varchar", length: 256, nullable: true })
  description!: string | null;

  /** The signing secret sealed with the SecretBox. */
  @Column({ name: "secret_ciphertext", type: "text" })
  secretCiphertext!: string;

  @Column({ name: "created_by", type: "varchar", length: 128 })
  createdBy!: string;

  @TimestampColumn("created_at")
  createdAt!: Date;
}
