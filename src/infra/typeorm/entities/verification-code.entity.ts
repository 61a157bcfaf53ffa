import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { TimestampColumn } from "./columns.js";
import { UserEntity } from "./user.entity.js";

/** The latest code per user and purpose (the key enforces "only the latest is valid"). */
@Entity({ name: "verification_codes" })
export class VerificationCodeEntity {
  @PrimaryColumn({ name: "user_id", type: "varchar", length: 36 })
  userId!: string;

  @PrimaryColumn({ name: "purpose", type: "varchar", length: 32 })
  purpose!: string;

  @ManyToOne(() => UserEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id", foreignKeyConstraintName: "fk_verification_codes_user" })
  user?: UserEntity;

  /** HMAC of the code under a key derived from SECRETS_KEY; the code is never stored. */
  @Column({ name: "code_hash", type: "varchar", length: 64 })
  codeHash!: string;

  @TimestampColumn("expires_at")
  expiresAt!: Date;

  @Column({ name: "failed_attempts", type: "integer" })
  failedAttempts!: number;

  @TimestampColumn("created_at")
  createdAt!: Date;

  @TimestampColumn("consumed_at", { nullable: true })
  consumedAt!: Date | null;

  /** An email/phone change held until this code proves it (AttributesRequireVerificationBeforeUpdate). */
  @Column({ name: "pending_value", type: "varchar", length: 2048, nullable: true })
  pendingValue!: string | null;

  /** The attribute the code was sent for (email or phone_number); null for codes stored before it was recorded. */
  @Column({ name: "sent_to_attribute", type: "varchar", length: 32, nullable: true })
  sentToAttribute!: string | null;

  /** The address the code was sent to: the code proves this address and no other. */
  @Column({ name: "sent_to_address", type: "varchar", length: 2048, nullable: true })
  sentToAddress!: string | null;
}
