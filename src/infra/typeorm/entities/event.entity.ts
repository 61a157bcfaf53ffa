import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { IdColumn, JsonTextColumn, TimestampColumn } from "./columns.js";

/** The outbox and audit log. No foreign key to pools: the record of a deleted pool outlives it. */
@Entity({ name: "events" })
@Index("ix_events_pool_seq", ["poolId", "seq"])
@Index("ix_events_pool_user_seq", ["poolId", "userSub", "seq"])
export class EventEntity {
  @PrimaryGeneratedColumn({ name: "seq", type: "integer" })
  seq!: number;

  @Column({ name: "type", type: "varchar", length: 64 })
  type!: string;

  @IdColumn("pool_id", 55, { nullable: true })
  poolId!: string | null;

  /** detail.userSub, as a column so the audit log can be filtered by user. */
  @IdColumn("user_sub", 64, { nullable: true })
  userSub!: string | null;

  @Column({ name: "actor", type: "varchar", length: 128 })
  actor!: string;

  @JsonTextColumn("detail")
  detail!: string;

  @TimestampColumn("occurred_at")
  occurredAt!: Date;
}
