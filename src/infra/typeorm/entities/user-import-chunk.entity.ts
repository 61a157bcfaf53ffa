import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { IdColumn } from "./columns.js";
import { UserImportJobEntity } from "./user-import-job.entity.js";

/**
 * A piece of an uploaded CSV. In the database rather than on one process's disk: with several
 * stateless gateway processes, the one that runs (or resumes) a job is rarely the one that received
 * the file. Pieces stay under 64 KiB, a BLOB on MariaDB.
 */
@Entity({ name: "user_import_chunks" })
@Index("ix_user_import_chunks_job", ["jobId"])
export class UserImportChunkEntity {
  @PrimaryColumn({ name: "upload_id", type: "varchar", length: 36 })
  uploadId!: string;

  @PrimaryColumn({ name: "seq", type: "integer" })
  seq!: number;

  @IdColumn("job_id", 55)
  jobId!: string;

  @ManyToOne(() => UserImportJobEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "job_id", foreignKeyConstraintName: "fk_user_import_chunks_job" })
  job?: UserImportJobEntity;

  @Column({ name: "data", type: "blob" })
  data!: Buffer;
}
