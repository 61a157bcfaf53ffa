import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { IdColumn, JsonTextColumn, TimestampColumn } from "./columns.js";
import { UserPoolEntity } from "./user-pool.entity.js";

/** The outbox of codes and invitations. Bodies carry codes, so they are sealed with SECRETS_KEY. */
@Entity({ name: "sent_messages" })
@Index("ix_sent_messages_pool", ["poolId", "id"])
export class SentMessageEntity {
  /** Time-ordered id (see lib/random.ts timeOrderedId), so the outbox pages in sending order. */
  @PrimaryColumn({ name: "id", type: "varchar", length: 40 })
  id!: string;

  @IdColumn("pool_id", 55)
  poolId!: string;

  @ManyToOne(() => UserPoolEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "pool_id", foreignKeyConstraintName: "fk_sent_messages_pool" })
  pool?: UserPoolEntity;

  /** No foreign key: the message record outlives a deleted user, like any sent mail. */
  @IdColumn("user_id", 36, { nullable: true })
  userId!: string | null;

  @Column({ name: "medium", type: "varchar", length: 8 })
  medium!: string;

  @Column({ name: "destination", type: "varchar", length: 320 })
  destination!: string;

  @Column({ name: "subject", type: "varchar", length: 255, nullable: true })
  subject!: string | null;

  @JsonTextColumn("body_ciphertext")
  bodyCiphertext!: string;

  @Column({ name: "purpose", type: "varchar", length: 32 })
  purpose!: string;

  @TimestampColumn("created_at")
  createdAt!: Date;
}
