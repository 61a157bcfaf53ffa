import type { AliasKind } from "../users/user.types.js";
import type {
  ImportedUserRows,
  UserImportJob,
  UserImportJobStatus,
  UserImportProgress,
  UserImportUpload,
} from "./user-import.types.js";

/** A page position in a pool's jobs, newest first. */
export interface UserImportJobPosition {
  createdAt: Date;
  jobId: string;
}

/**
 * User import jobs, their uploaded CSV (stored in the database in chunks, so any gateway process can
 * run a job whatever process received the file), and the bulk writes of imported users. Every state
 * change is a conditional UPDATE that answers whether it happened: parallel callers (two uploads, a
 * stop racing the runner, two processes claiming a job) get exactly one `true`.
 */
export interface UserImportRepository {
  insert(job: UserImportJob): Promise<void>;
  find(poolId: string, jobId: string): Promise<UserImportJob | null>;
  findById(jobId: string): Promise<UserImportJob | null>;
  /** Newest first (creation time, then id). */
  list(poolId: string, page: { after?: UserImportJobPosition; limit: number }): Promise<UserImportJob[]>;
  countInPool(poolId: string): Promise<number>;
  /** True when a job of the pool is Pending, InProgress or Stopping. */
  hasActive(poolId: string): Promise<boolean>;
  /** Sets `changes` if the job's status is one of `from`; true when it did. */
  transition(
    jobId: string,
    from: readonly UserImportJobStatus[],
    changes: Partial<
      Pick<
        UserImportJob,
        "status" | "startedAt" | "completedAt" | "completionMessage" | "leaseOwner" | "leaseExpiresAt"
      >
    >,
  ): Promise<boolean>;
  /** Records the upload if the job is Created, has none and its URL is unexpired at `now`; true for exactly one caller. */
  claimUpload(jobId: string, upload: UserImportUpload, now: Date): Promise<boolean>;
  /** Takes the job for `owner` until `until` if it is active and unclaimed or its claim lapsed; true for exactly one caller. */
  claimLease(jobId: string, owner: string, now: Date, until: Date): Promise<boolean>;
  /** Gives the claim up (the job stays where it is, to be resumed by whoever claims it next). */
  releaseLease(jobId: string, owner: string): Promise<void>;
  /**
   * Writes the job's new totals and extends the claim, only while `owner` still holds it and the job is
   * InProgress or Stopping. Returns the status after the write, or null when the claim was lost.
   */
  saveProgress(
    jobId: string,
    owner: string,
    progress: UserImportProgress,
    until: Date,
  ): Promise<UserImportJobStatus | null>;
  /** Active jobs nobody holds (never claimed, released, or whose claim lapsed before `now`), oldest first. */
  /** `poolIds`: only these pools' jobs (a test hook; every pool when absent). */
  listRunnable(now: Date, limit: number, poolIds?: readonly string[]): Promise<UserImportJob[]>;
  /** Created jobs made before `before`, oldest first (they expire). */
  listCreatedBefore(before: Date, limit: number, poolIds?: readonly string[]): Promise<UserImportJob[]>;

  /** Stores one piece of an upload. */
  appendChunk(jobId: string, uploadId: string, seq: number, data: Uint8Array): Promise<void>;
  /** The upload's piece `seq`, or null past the last one. */
  readChunk(uploadId: string, seq: number): Promise<Uint8Array | null>;
  /** Deletes one upload's pieces. */
  deleteUpload(uploadId: string): Promise<void>;
  /** Deletes the pieces of the job's uploads, except those of `keepUploadId`. */
  deleteChunks(jobId: string, keepUploadId?: string | null): Promise<void>;

  /** Which of the normalised usernames the pool already has. */
  findTakenUsernames(poolId: string, usernamesNormalized: readonly string[]): Promise<Set<string>>;
  /** Which of the normalised alias values of one kind are held in the pool. */
  findTakenAliases(poolId: string, kind: AliasKind, valuesNormalized: readonly string[]): Promise<Set<string>>;
  /**
   * Inserts the users with their alias rows and search entries in multi-row statements (in the caller's
   * transaction). @throws UsernameExistsException / AliasExistsException when one was taken meanwhile.
   */
  insertUsers(rows: readonly ImportedUserRows[]): Promise<void>;
}
