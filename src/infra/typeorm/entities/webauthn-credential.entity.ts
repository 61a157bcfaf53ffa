import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { IdColumn, JsonTextColumn, TimestampColumn } from "./columns.js";
import { UserEntity } from "./user.entity.js";
import { UserPoolEntity } from "./user-pool.entity.js";

/**
 * A user's passkey. Keyed by the SHA-256 (hex) of the credential id within the pool: ids may be up to
 * 1,023 bytes (too long for a MariaDB index) and are case-sensitive base64url, which MariaDB's default
 * collation would fold. The public key is a COSE key in plain text: it verifies signatures only.
 */
@Entity({ name: "webauthn_credentials" })
@Index("ix_webauthn_credentials_user", ["userId", "createdAt"])
export class WebAuthnCredentialEntity {
  @PrimaryColumn({ name: "pool_id", type: "varchar", length: 55 })
  poolId!: string;

  @PrimaryColumn({ name: "credential_hash", type: "varchar", length: 64 })
  credentialHash!: string;

  @ManyToOne(() => UserPoolEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "pool_id", foreignKeyConstraintName: "fk_webauthn_credentials_pool" })
  pool?: UserPoolEntity;

  /** base64url, as the authenticator made it. */
  @JsonTextColumn("credential_id")
  credentialId!: string;

  @IdColumn("user_id", 36)
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id", foreignKeyConstraintName: "fk_webauthn_credentials_user" })
  user?: UserEntity;

  @Column({ name: "relying_party_id", type: "varchar", length: 127 })
  relyingPartyId!: string;

  /** COSE_Key, base64url. */
  @JsonTextColumn("public_key")
  publicKey!: string;

  /** The authenticator's 32-bit unsigned counter (above a signed INT's range). */
  @Column({ name: "sign_count", type: "bigint" })
  signCount!: string | number;

  /** JSON array of AuthenticatorTransport names. */
  @Column({ name: "transports", type: "varchar", length: 255 })
  transports!: string;

  @Column({ name: "authenticator_attachment", type: "varchar", length: 16, nullable: true })
  authenticatorAttachment!: string | null;

  @Column({ name: "friendly_name", type: "varchar", length: 256 })
  friendlyName!: string;

  @TimestampColumn("created_at")
  createdAt!: Date;

  @TimestampColumn("last_used_at", { nullable: true })
  lastUsedAt!: Date | null;
}
