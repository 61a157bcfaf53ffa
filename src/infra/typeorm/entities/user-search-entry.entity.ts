import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { UserEntity } from "./user.entity.js";

/**
 * The ListUsers index: one row per searchable attribute value, folded by core's case rules and cut
 * to 255 characters so the whole key fits an index. `=` and `^=` filters are range scans on it.
 */
@Entity({ name: "user_search_entries" })
@Index("ix_user_search_entries_user", ["userId"])
export class UserSearchEntryEntity {
  @PrimaryColumn({ name: "pool_id", type: "varchar", length: 55 })
  poolId!: string;

  @PrimaryColumn({ name: "name", type: "varchar", length: 64 })
  name!: string;

  @PrimaryColumn({ name: "value", type: "varchar", length: 255 })
  value!: string;

  @PrimaryColumn({ name: "user_id", type: "varchar", length: 36 })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id", foreignKeyConstraintName: "fk_user_search_entries_user" })
  user?: UserEntity;
}
