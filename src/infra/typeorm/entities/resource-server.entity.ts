import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { JsonTextColumn, TimestampColumn } from "./columns.js";
import { UserPoolEntity } from "./user-pool.entity.js";

/** An API with custom scopes (CreateResourceServer); the identifier is unique within its pool. */
@Entity({ name: "resource_servers" })
export class ResourceServerEntity {
  @PrimaryColumn({ name: "pool_id", type: "varchar", length: 55 })
  poolId!: string;

  @ManyToOne(() => UserPoolEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "pool_id", foreignKeyConstraintName: "fk_resource_servers_pool" })
  pool?: UserPoolEntity;

  @PrimaryColumn({ name: "identifier", type: "varchar", length: 256 })
  identifier!: string;

  @Column({ name: "name", type: "varchar", length: 256 })
  name!: string;

  /** `[{scopeName, scopeDescription}]` as JSON: always read and replaced whole. */
  @JsonTextColumn("scopes")
  scopes!: string;

  @TimestampColumn("created_at")
  createdAt!: Date;

  @TimestampColumn("updated_at")
  updatedAt!: Date;
}
