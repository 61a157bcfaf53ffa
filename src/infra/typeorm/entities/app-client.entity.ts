import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { IdColumn, JsonTextColumn, TimestampColumn } from "./columns.js";
import { UserPoolEntity } from "./user-pool.entity.js";

@Entity({ name: "app_clients" })
@Index("ix_app_clients_pool", ["poolId", "clientId"])
export class AppClientEntity {
  @PrimaryColumn({ name: "client_id", type: "varchar", length: 128 })
  clientId!: string;

  @IdColumn("pool_id", 55)
  poolId!: string;

  @ManyToOne(() => UserPoolEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "pool_id", foreignKeyConstraintName: "fk_app_clients_pool" })
  pool?: UserPoolEntity;

  @Column({ name: "client_name", type: "varchar", length: 128 })
  clientName!: string;

  /** AES-256-GCM sealed secret; never the secret itself. */
  @Column({ name: "secret_ciphertext", type: "varchar", length: 255, nullable: true })
  secretCiphertext!: string | null;

  @JsonTextColumn("settings")
  settings!: string;

  @TimestampColumn("created_at")
  createdAt!: Date;

  @TimestampColumn("updated_at")
  updatedAt!: Date;
}
