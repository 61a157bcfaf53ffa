import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { IdColumn, JsonTextColumn, TimestampColumn } from "./columns.js";
import { UserPoolEntity } from "./user-pool.entity.js";

/**
 * A user import job (CreateUserImportJob): its state, counters, the resume point (`rows_done`, moved in
 * the transaction that writes each batch of users) and the claim of the process running it.
 */
@Entity({ name: "user_import_jobs" })
@Index("ix_user_import_jobs_pool_created", ["poolId", "createdAt"])
@Index("ix_user_import_jobs_status", ["status"])
export class UserImportJobEntity {
  @PrimaryColumn({ name: "job_id", type: "varchar", length: 55 })
  jobId!: string;

  @IdColumn("pool_id", 55)
  poolId!: string;

  @ManyToOne(() => UserPoolEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "pool_id", foreignKeyConstraintName: "fk_user_import_jobs_pool" })
  pool?: UserPoolEntity;

  @Column({ name: "job_name", type: "varchar", length: 128 })
  jobName!: string;

  @JsonTextColumn("cloud_watch_logs_role_arn")
  cloudWatchLogsRoleArn!: string;

  @Column({ name: "status", type: "varchar", length: 16 })
  status!: string;

  @TimestampColumn("created_at")
  createdAt!: Date;

  @TimestampColumn("started_at", { nullable: true })
  startedAt!: Date | null;

  @TimestampColumn("completed_at", { nullable: true })
  completedAt!: Date | null;

  @TimestampColumn("upload_expires_at")
  uploadExpiresAt!: Date;

  /** The upload that won (its chunks are the file); null until one completes. */
  @IdColumn("upload_id", 36, { nullable: true })
  uploadId!: string | null;

  @TimestampColumn("uploaded_at", { nullable: true })
  uploadedAt!: Date | null;

  @Column({ name: "upload_bytes", type: "integer", nullable: true })
  uploadBytes!: number | null;

  @Column({ name: "upload_users", type: "integer", nullable: true })
  uploadUsers!: number | null;

  @Column({ name: "imported_users", type: "integer" })
  importedUsers!: number;

  @Column({ name: "skipped_users", type: "integer" })
  skippedUsers!: number;

  @Column({ name: "failed_users", type: "integer" })
  failedUsers!: number;

  @Column({ name: "rows_done", type: "integer" })
  rowsDone!: number;

  @JsonTextColumn("completion_message", { nullable: true })
  completionMessage!: string | null;

  /** JSON: the first row errors, bounded (MAX_STORED_ROW_ERRORS). */
  @JsonTextColumn("row_errors")
  rowErrors!: string;

  @IdColumn("lease_owner", 64, { nullable: true })
  leaseOwner!: string | null;

  @TimestampColumn("lease_expires_at", { nullable: true })
  leaseExpiresAt!: Date | null;
}
