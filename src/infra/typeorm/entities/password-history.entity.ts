import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { IdColumn, TimestampColumn } from "./columns.js";
import { UserEntity } from "./user.entity.js";

/** Hashes of a user's previous passwords, for the pool's password-history rule. */
@Entity({ name: "password_history" })
@Index("ix_password_history_user", ["userId", "createdAt"])
export class PasswordHistoryEntity {
  @PrimaryColumn({ name: "id", type: "varchar", length: 36 })
  id!: string;

  @IdColumn("user_id", 36)
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id", foreignKeyConstraintName: "fk_password_history_user" })
  user?: UserEntity;

  @Column({ name: "password_hash", type: "varchar", length: 255 })
  passwordHash!: string;

  @TimestampColumn("created_at")
  createdAt!: Date;
}
