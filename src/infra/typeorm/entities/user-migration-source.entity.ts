import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from "typeorm";
import { JsonTextColumn, TimestampColumn } from "./columns.js";
import { UserPoolEntity } from "./user-pool.entity.js";

/**
 * A pool's built-in user-migration source: the live Cognito pool (or any gateway speaking its
 * protocol) that unknown users are looked up in at sign-in and ForgotPassword. One row per pool.
 */
@Entity({ name: "user_migration_sources" })
export class UserMigrationSourceEntity {
  @PrimaryColumn({ name: "pool_id", type: "varchar", length: 55 })
  poolId!: string;

  @OneToOne(() => UserPoolEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "pool_id", foreignKeyConstraintName: "fk_user_migration_sources_pool" })
  pool?: UserPoolEntity;

  @Column({ name: "endpoint", type: "varchar", length: 2048 })
  endpoint!: string;

  @Column({ name: "region", type: "varchar", length: 32 })
  region!: string;

  @Column({ name: "source_pool_id", type: "varchar", length: 55 })
  sourcePoolId!: string;

  @Column({ name: "client_id", type: "varchar", length: 128 })
  clientId!: string;

  /** Sealed with SECRETS_KEY: SECRET_HASH is computed from it on every call. */
  @JsonTextColumn("client_secret_ciphertext", { nullable: true })
  clientSecretCiphertext!: string | null;

  @Column({ name: "access_key_id", type: "varchar", length: 128, nullable: true })
  accessKeyId!: string | null;

  /** Sealed with SECRETS_KEY: the admin calls are SigV4-signed with it. */
  @JsonTextColumn("secret_access_key_ciphertext", { nullable: true })
  secretAccessKeyCiphertext!: string | null;

  /** A custom attribute of this pool that receives the user's sub at the source; null = not kept. */
  @Column({ name: "sub_attribute", type: "varchar", length: 64, nullable: true })
  subAttribute!: string | null;

  @Column({ name: "timeout_ms", type: "int" })
  timeoutMs!: number;

  /** Raised in the transaction that creates each migrated user. */
  @Column({ name: "migrated_count", type: "int", default: 0 })
  migratedCount!: number;

  @TimestampColumn("last_migrated_at", { nullable: true })
  lastMigratedAt!: Date | null;

  @TimestampColumn("created_at")
  createdAt!: Date;

  @TimestampColumn("updated_at")
  updatedAt!: Date;
}
