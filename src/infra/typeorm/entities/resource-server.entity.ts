import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { TimestampColumn } from "./columns.js";
import { UserPoolEntity } from "./user-pool.entity.js";

/** An API with custom scopes (CreateResourceServer); the identifier is unique within its pool. Its scopes are rows of resource_server_scopes. */
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

  @TimestampColumn("created_at")
  createdAt!: Date;

  @TimestampColumn("updated_at")
  updatedAt!: Date;
}
