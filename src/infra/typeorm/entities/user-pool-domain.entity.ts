import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from "typeorm";
import { JsonTextColumn, TimestampColumn } from "./columns.js";
import { UserPoolEntity } from "./user-pool.entity.js";

/** A pool's prefix or custom domain: at most one of each kind per pool (the key), and no two pools share a domain. */
@Entity({ name: "user_pool_domains" })
@Unique("uq_user_pool_domains_domain", ["domain"])
export class UserPoolDomainEntity {
  @PrimaryColumn({ name: "pool_id", type: "varchar", length: 55 })
  poolId!: string;

  @PrimaryColumn({ name: "kind", type: "varchar", length: 8 })
  kind!: "prefix" | "custom";

  @Column({ name: "domain", type: "varchar", length: 253 })
  domain!: string;

  @ManyToOne(() => UserPoolEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "pool_id", foreignKeyConstraintName: "fk_user_pool_domains_pool" })
  pool?: UserPoolEntity;

  @Column({ name: "managed_login_version", type: "int" })
  managedLoginVersion!: number;

  /** CustomDomainConfig as JSON; null for a prefix domain. */
  @JsonTextColumn("custom_domain_config", { nullable: true })
  customDomainConfig!: string | null;

  @TimestampColumn("created_at")
  createdAt!: Date;

  @TimestampColumn("updated_at")
  updatedAt!: Date;
}
