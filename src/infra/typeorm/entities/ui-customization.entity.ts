import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { JsonTextColumn, TimestampColumn } from "./columns.js";
import { UserPoolEntity } from "./user-pool.entity.js";

/** Branding of the sign-in pages for one app client, or the whole pool (client_id "ALL"). */
@Entity({ name: "ui_customizations" })
export class UiCustomizationEntity {
  @PrimaryColumn({ name: "pool_id", type: "varchar", length: 55 })
  poolId!: string;

  @ManyToOne(() => UserPoolEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "pool_id", foreignKeyConstraintName: "fk_ui_customizations_pool" })
  pool?: UserPoolEntity;

  /** An app client id or "ALL"; not a foreign key, so "ALL" fits (a deleted client's row is removed by its service). */
  @PrimaryColumn({ name: "client_id", type: "varchar", length: 128 })
  clientId!: string;

  @JsonTextColumn("css", { nullable: true })
  css!: string | null;

  /**
   * The logo's bytes (≤ 100 KB) in two BLOBs: MariaDB's BLOB holds 64 KB and SQLite knows no MEDIUMBLOB,
   * so one column type that both dialects share cannot hold a whole logo.
   */
  @Column({ name: "image_head", type: "blob", nullable: true })
  imageHead!: Buffer | null;

  @Column({ name: "image_tail", type: "blob", nullable: true })
  imageTail!: Buffer | null;

  @Column({ name: "image_content_type", type: "varchar", length: 16, nullable: true })
  imageContentType!: string | null;

  @Column({ name: "css_version", type: "varchar", length: 64 })
  cssVersion!: string;

  @TimestampColumn("created_at")
  createdAt!: Date;

  @TimestampColumn("updated_at")
  updatedAt!: Date;
}
