import { Entity, JoinColumn, OneToOne, PrimaryColumn } from "typeorm";
import { JsonTextColumn, TimestampColumn } from "./columns.js";
import { UserPoolEntity } from "./user-pool.entity.js";

/** The key a pool's trigger requests are signed with (HMAC-SHA-256); one row per pool. */
@Entity({ name: "trigger_secrets" })
export class TriggerSecretEntity {
  @PrimaryColumn({ name: "pool_id", type: "varchar", length: 55 })
  poolId!: string;

  @OneToOne(() => UserPoolEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "pool_id", foreignKeyConstraintName: "fk_trigger_secrets_pool" })
  pool?: UserPoolEntity;

  /** Sealed with SECRETS_KEY: the gateway must use it again for every request it signs. */
  @JsonTextColumn("secret_ciphertext")
  secretCiphertext!: string;

  @TimestampColumn("created_at")
  createdAt!: Date;
}
