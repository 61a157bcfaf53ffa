import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from "typeorm";
import { IdColumn, TimestampColumn } from "./columns.js";
import { AppClientEntity } from "./app-client.entity.js";
import { UserEntity } from "./user.entity.js";
import { UserPoolEntity } from "./user-pool.entity.js";

type OAuthGrant = { scopes: string[]; resource: string | null };

const OAUTH_GRANT_TRANSFORMER = {
  to: (value: OAuthGrant | null | undefined): string | null => (value ? JSON.stringify(value) : null),
  from: (value: string | null): OAuthGrant | null => (value ? (JSON.parse(value) as OAuthGrant) : null),
};

@Entity({ name: "refresh_tokens" })
@Unique("uq_refresh_tokens_hash", ["tokenHash"])
@Index("ix_refresh_tokens_user", ["userId"])
@Index("ix_refresh_tokens_family", ["familyId"])
export class RefreshTokenEntity {
  @PrimaryColumn({ name: "id", type: "varchar", length: 36 })
  id!: string;

  @IdColumn("pool_id", 55)
  poolId!: string;

  @ManyToOne(() => UserPoolEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "pool_id", foreignKeyConstraintName: "fk_refresh_tokens_pool" })
  pool?: UserPoolEntity;

  @IdColumn("client_id", 128)
  clientId!: string;

  @ManyToOne(() => AppClientEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "client_id", foreignKeyConstraintName: "fk_refresh_tokens_client" })
  client?: AppClientEntity;

  @IdColumn("user_id", 36)
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id", foreignKeyConstraintName: "fk_refresh_tokens_user" })
  user?: UserEntity;

  /** SHA-256 of the opaque token; the token itself is never stored. */
  @Column({ name: "token_hash", type: "varchar", length: 64 })
  tokenHash!: string;

  /** The sign-in this token descends from (`origin_jti`); rotation keeps it, reuse revokes it whole. */
  @IdColumn("family_id", 36)
  familyId!: string;

  @IdColumn("device_key", 64, { nullable: true })
  deviceKey!: string | null;

  /** When the user actually authenticated; refreshed tokens keep it as `auth_time`. */
  @TimestampColumn("auth_time")
  authTime!: Date;

  @TimestampColumn("created_at")
  createdAt!: Date;

  @TimestampColumn("expires_at")
  expiresAt!: Date;

  @TimestampColumn("rotated_at", { nullable: true })
  rotatedAt!: Date | null;

  @TimestampColumn("revoked_at", { nullable: true })
  revokedAt!: Date | null;

  /** The scopes and resource an OAuth grant bound the token to, as JSON; null for JSON-API sign-ins. */
  @Column({ name: "oauth_grant", type: "text", nullable: true, transformer: OAUTH_GRANT_TRANSFORMER })
  oauth!: OAuthGrant | null;
}
