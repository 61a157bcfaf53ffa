import type { AliasKind, User } from "../users/user.types.js";
import type { SearchEntry } from "../storage-ports.users.js";

/** Cognito's UserImportJobStatusType. */
export const USER_IMPORT_JOB_STATUSES = [
  "Created",
  "Pending",
  "InProgress",
  "Stopping",
  "Expired",
  "Stopped",
  "Failed",
  "Succeeded",
] as const;
export type UserImportJobStatus = (typeof USER_IMPORT_JOB_STATUSES)[number];

/** Statuses in which the job holds the pool's single import slot and a runner owes it work. */
export const ACTIVE_IMPORT_STATUSES: readonly UserImportJobStatus[] = ["Pending", "InProgress", "Stopping"];

/** One line of the job's log, as Cognito writes it to CloudWatch: a line number and a reason, never user data. */
export interface UserImportRowError {
  lineNumber: number;
  outcome: "FAILED" | "SKIPPED";
  message: string;
}

/** Where the job's CSV stands; an upload is usable once `uploadId` is set (the one upload that won). */
export interface UserImportUpload {
  uploadId: string;
  uploadedAt: Date;
  bytes: number;
  /** Data rows (users) in the file, counted as it arrived. */
  users: number;
}

export interface UserImportJob {
  /** `import-` + random, as Cognito's. */
  jobId: string;
  poolId: string;
  jobName: string;
  /** Accepted and kept as Cognito requires it; nothing is logged to CloudWatch here (the log is `rowErrors`). */
  cloudWatchLogsRoleArn: string;
  status: UserImportJobStatus;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  /** When the pre-signed upload URL stops working. */
  uploadExpiresAt: Date;
  upload: UserImportUpload | null;
  importedUsers: number;
  skippedUsers: number;
  failedUsers: number;
  /** Data rows whose outcome is committed: the resume point after a restart. */
  rowsDone: number;
  completionMessage: string | null;
  /** The first row errors (at most MAX_STORED_ROW_ERRORS), oldest first. */
  rowErrors: UserImportRowError[];
  /** The process running the job and until when its claim holds (renewed with every batch). */
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
}

/** What one committed batch adds to the job. */
export interface UserImportProgress {
  rowsDone: number;
  importedUsers: number;
  skippedUsers: number;
  failedUsers: number;
  rowErrors: UserImportRowError[];
}

/** A user ready to write, with everything derived from it (the same rows saveUser writes). */
export interface ImportedUserRows {
  user: User;
  aliases: { kind: AliasKind; valueNormalized: string }[];
  searchEntries: SearchEntry[];
  /** cognito:mfa_enabled: SMS MFA switched on and preferred. */
  smsMfa: boolean;
}

/** Cognito's quotas (cognito-reference §12.3) and documented file rules. */
export const USER_IMPORT_LIMITS = {
  maxJobsPerPool: 1000,
  maxFileBytes: 100 * 1024 * 1024,
  maxUsersPerFile: 500_000,
  maxRowChars: 16_000,
  /** The pre-signed URL is valid for 15 minutes (Cognito's creating-import-job guide). */
  uploadUrlTtlSeconds: 15 * 60,
  /** A job not started within 24 hours expires and its file is deleted (Cognito: "24-48 hours"). */
  startWithinSeconds: 24 * 60 * 60,
} as const;

export type UserImportLimits = { -readonly [K in keyof typeof USER_IMPORT_LIMITS]: number };

/** Row errors kept on the job (the rest are only counted): bounded, so the job row stays small. */
export const MAX_STORED_ROW_ERRORS = 100;
