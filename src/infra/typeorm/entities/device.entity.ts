import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { IdColumn, TimestampColumn } from "./columns.js";
import { UserEntity } from "./user.entity.js";
import { UserPoolEntity } from "./user-pool.entity.js";

@Entity({ name: "devices" })
@Index("ix_devices_user", ["userId"])
export class DeviceEntity {
  @PrimaryColumn({ name: "device_key", type: "varchar", length: 64 })
  deviceKey!: string;

  @IdColumn("pool_id", 55)
  poolId!: string;

  @ManyToOne(() => UserPoolEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "pool_id", foreignKeyConstraintName: "fk_devices_pool" })
  pool?: UserPoolEntity;

  @IdColumn("user_id", 36)
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id", foreignKeyConstraintName: "fk_devices_user" })
  user?: UserEntity;

  @IdColumn("device_group_key", 64)
  deviceGroupKey!: string;

  /** Null while the device waits for ConfirmDevice. */
  @Column({ name: "srp_salt", type: "varchar", length: 128, nullable: true })
  srpSalt!: string | null;

  @Column({ name: "srp_verifier", type: "varchar", length: 1024, nullable: true })
  srpVerifier!: string | null;

  @Column({ name: "name", type: "varchar", length: 256, nullable: true })
  name!: string | null;

  @Column({ name: "remembered_status", type: "varchar", length: 16 })
  rememberedStatus!: string;

  @Column({ name: "last_ip_used", type: "varchar", length: 64, nullable: true })
  lastIpUsed!: string | null;

  @TimestampColumn("created_at")
  createdAt!: Date;

  @TimestampColumn("updated_at")
  updatedAt!: Date;

  @TimestampColumn("last_authenticated_at", { nullable: true })
  lastAuthenticatedAt!: Date | null;
}
