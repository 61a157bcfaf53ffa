import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from "typeorm";
import { IdColumn, TimestampColumn } from "./columns.js";
import { UserPoolEntity } from "./user-pool.entity.js";

@Entity({ name: "user_groups" })
@Unique("uq_groups_pool_name", ["poolId", "name"])
export class GroupEntity {
  @PrimaryColumn({ name: "id", type: "varchar", length: 36 })
  id!: string;

  @IdColumn("pool_id", 55)
  poolId!: string;

  @ManyToOne(() => UserPoolEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "pool_id", foreignKeyConstraintName: "fk_user_groups_pool" })
  pool?: UserPoolEntity;

  @Column({ name: "name", type: "varchar", length: 128 })
  name!: string;

  @Column({ name: "description", type: "text", nullable: true })
  description!: string | null;

  @Column({ name: "precedence", type: "integer", nullable: true })
  precedence!: number | null;

  @Column({ name: "role_arn", type: "varchar", length: 2048, nullable: true })
  roleArn!: string | null;

  @TimestampColumn("created_at")
  createdAt!: Date;

  @TimestampColumn("updated_at")
  updatedAt!: Date;
}
