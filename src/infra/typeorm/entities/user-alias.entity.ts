import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from "typeorm";
import { UserEntity } from "./user.entity.js";

/**
 * Values a user can sign in with besides the username (verified aliases, or email/phone in
 * username-attribute pools): one per kind and user, and each value unique within a pool.
 */
@Entity({ name: "user_aliases" })
@Unique("uq_user_aliases_value", ["poolId", "kind", "valueNormalized"])
export class UserAliasEntity {
  @PrimaryColumn({ name: "user_id", type: "varchar", length: 36 })
  userId!: string;

  @PrimaryColumn({ name: "kind", type: "varchar", length: 32 })
  kind!: string;

  @Column({ name: "pool_id", type: "varchar", length: 55 })
  poolId!: string;

  @Column({ name: "value_normalized", type: "varchar", length: 255 })
  valueNormalized!: string;

  @ManyToOne(() => UserEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id", foreignKeyConstraintName: "fk_user_aliases_user" })
  user?: UserEntity;
}
