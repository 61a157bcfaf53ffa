import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { JsonTextColumn, TimestampColumn } from "./columns.js";
import { UserEntity } from "./user.entity.js";

/** A user's second factors; one row per user, created on first use. */
@Entity({ name: "user_mfa" })
export class UserMfaEntity {
  @PrimaryColumn({ name: "user_id", type: "varchar", length: 36 })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id", foreignKeyConstraintName: "fk_user_mfa_user" })
  user?: UserEntity;

  /** The verified authenticator secret, sealed with SECRETS_KEY. */
  @JsonTextColumn("totp_secret_ciphertext", { nullable: true })
  totpSecretCiphertext!: string | null;

  @Column({ name: "totp_friendly_name", type: "varchar", length: 256, nullable: true })
  totpFriendlyName!: string | null;

  /** Highest accepted 30-second step (replay guard): about 5.9e7 today, and a 32-bit integer lasts until the year 4010. */
  @Column({ name: "totp_last_used_step", type: "integer", nullable: true })
  totpLastUsedStep!: number | null;

  /** Associated, not yet verified; sealed with SECRETS_KEY. */
  @JsonTextColumn("pending_totp_secret_ciphertext", { nullable: true })
  pendingTotpSecretCiphertext!: string | null;

  @Column({ name: "sms_enabled", type: "boolean" })
  smsEnabled!: boolean;

  @Column({ name: "email_enabled", type: "boolean" })
  emailEnabled!: boolean;

  @Column({ name: "totp_enabled", type: "boolean" })
  totpEnabled!: boolean;

  @Column({ name: "preferred", type: "varchar", length: 32, nullable: true })
  preferred!: string | null;

  @TimestampColumn("updated_at")
  updatedAt!: Date;
}
