import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from "typeorm";
import { IdColumn, JsonTextColumn, TimestampColumn } from "./columns.js";
import { UserPoolEntity } from "./user-pool.entity.js";

@Entity({ name: "users" })
@Unique("uq_users_pool_username", ["poolId", "usernameNormalized"])
@Index("ix_users_pool_created", ["poolId", "createdAt"])
export class UserEntity {
  /** The user's `sub`: a UUID that never changes and is never reused. */
  @PrimaryColumn({ name: "id", type: "varchar", length: 36 })
  id!: string;

  @IdColumn("pool_id", 55)
  poolId!: string;

  @ManyToOne(() => UserPoolEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "pool_id", foreignKeyConstraintName: "fk_users_pool" })
  pool?: UserPoolEntity;

  /** The immutable username as given (or a UUID in email/phone-as-username pools). */
  @Column({ name: "username", type: "varchar", length: 128 })
  username!: string;

  /** Lower-cased in case-insensitive pools; the unique key. */
  @Column({ name: "username_normalized", type: "varchar", length: 128 })
  usernameNormalized!: string;

  @Column({ name: "status", type: "varchar", length: 32 })
  status!: string;

  @Column({ name: "enabled", type: "boolean" })
  enabled!: boolean;

  @JsonTextColumn("attributes")
  attributes!: string;

  /** bcrypt over a peppered pre-hash; never the password. */
  @Column({ name: "password_hash", type: "varchar", length: 255, nullable: true })
  passwordHash!: string | null;

  @Column({ name: "srp_salt", type: "varchar", length: 128, nullable: true })
  srpSalt!: string | null;

  @Column({ name: "srp_verifier", type: "varchar", length: 1024, nullable: true })
  srpVerifier!: string | null;

  @TimestampColumn("password_changed_at", { nullable: true })
  passwordChangedAt!: Date | null;

  /**
   * The last time the user was signed out everywhere (GlobalSignOut, AdminUserGlobalSignOut,
   * AdminDisableUser): access tokens without a refresh-token family issued up to then are refused.
   * Written only by recordSignOut; toEntity leaves it undefined, so saving a user never clears it.
   */
  @TimestampColumn("signed_out_at", { nullable: true })
  signedOutAt?: Date | null;

  @TimestampColumn("created_at")
  createdAt!: Date;

  @TimestampColumn("updated_at")
  updatedAt!: Date;
}
