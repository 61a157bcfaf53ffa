import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { IdColumn, JsonTextColumn, TimestampColumn } from "./columns.js";
import { UserPoolEntity } from "./user-pool.entity.js";

@Entity({ name: "signing_keys" })
@Index("ix_signing_keys_pool", ["poolId", "tokenUse"])
export class SigningKeyEntity {
  @PrimaryColumn({ name: "kid", type: "varchar", length: 64 })
  kid!: string;

  @IdColumn("pool_id", 55)
  poolId!: string;

  @ManyToOne(() => UserPoolEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "pool_id", foreignKeyConstraintName: "fk_signing_keys_pool" })
  pool?: UserPoolEntity;

  /** `id` or `access`: Cognito signs the two token kinds with different keys. */
  @Column({ name: "token_use", type: "varchar", length: 16 })
  tokenUse!: string;

  @Column({ name: "algorithm", type: "varchar", length: 16 })
  algorithm!: string;

  @JsonTextColumn("public_jwk")
  publicJwk!: string;

  /** The private key sealed with SECRETS_KEY. */
  @JsonTextColumn("private_key_ciphertext")
  privateKeyCiphertext!: string;

  @TimestampColumn("created_at")
  createdAt!: Date;

  /** Set when rotated out: no longer signs, still published until its last token expires. */
  @TimestampColumn("retired_at", { nullable: true })
  retiredAt!: Date | null;
}
