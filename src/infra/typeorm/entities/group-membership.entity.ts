import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { TimestampColumn } from "./columns.js";
import { GroupEntity } from "./group.entity.js";
import { UserEntity } from "./user.entity.js";

@Entity({ name: "group_memberships" })
@Index("ix_group_memberships_user", ["userId"])
export class GroupMembershipEntity {
  @PrimaryColumn({ name: "group_id", type: "varchar", length: 36 })
  groupId!: string;

  @PrimaryColumn({ name: "user_id", type: "varchar", length: 36 })
  userId!: string;

  @ManyToOne(() => GroupEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "group_id", foreignKeyConstraintName: "fk_group_memberships_group" })
  group?: GroupEntity;

  @ManyToOne(() => UserEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id", foreignKeyConstraintName: "fk_group_memberships_user" })
  user?: UserEntity;

  @TimestampColumn("created_at")
  createdAt!: Date;
}
