import { Column, Entity, PrimaryColumn, Unique } from "typeorm";
import { JsonTextColumn, TimestampColumn } from "./columns.js";

@Entity({ name: "admin_api_keys" })
@Unique("uq_admin_api_keys_hash", ["keyHash"])
export class AdminApiKeyEntity {
  @PrimaryColumn({ name: "id", type: "varchar", length: 32 })
  id!: string;

  @Column({ name: "name", type: "varchar", length: 128 })
  name!: string;

  /** SHA-256 of the key; the key itself is shown once and never stored. */
  @Column({ name: "key_hash", type: "varchar", length: 64 })
  keyHash!: string;

  /** JSON array of pool ids, or null for an unscoped key. */
  @JsonTextColumn("pool_scope", { nullable: true })
  poolScope!: string | null;

  /** The key sealed with the SecretBox (AES-256-GCM), for verifying AWS SigV4 signatures; null for older keys. */
  @Column({ name: "secret_ciphertext", type: "varchar", length: 255, nullable: true })
  secretCiphertext!: string | null;

  @Column({ name: "created_by", type: "varchar", length: 64 })
  createdBy!: string;

  @TimestampColumn("created_at")
  createdAt!: Date;

  @TimestampColumn("revoked_at", { nullable: true })
  revokedAt!: Date | null;
}
