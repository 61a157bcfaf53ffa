import type { Clock } from "../../lib/clock.js";
import { createCsvParser, CsvSyntaxError, type CsvRecord } from "../../lib/csv-parser.js";
import { randomUuid } from "../../lib/random.js";
import type { Database, Logger } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { ImportFileError, readHeader } from "./csv-rows.js";
import { decideBatch, isNameRace, writeBatch, type ImportRow } from "./user-import.batch.js";
import { completionMessageOf, STOPPED_MESSAGE } from "./user-import.messages.js";
import {
  ACTIVE_IMPORT_STATUSES,
  MAX_STORED_ROW_ERRORS,
  USER_IMPORT_LIMITS,
  type UserImportJob,
  type UserImportJobStatus,
  type UserImportLimits,
  type UserImportProgress,
} from "./user-import.types.js";

export interface UserImportRunnerOptions {
  /** Users per transaction (default 500). */
  batchSize?: number;
  /** How long a claim holds without a committed batch; a process that died is replaced after it. */
  leaseSeconds?: number;
  /** How often each process looks for jobs nobody runs (a crashed process's, or expired ones). */
  pollIntervalMs?: number;
  /** Test hook: awaited before each batch is written (slows a job down so a test can stop or restart it). */
  beforeBatch?: (job: { jobId: string; rowsDone: number }) => Promise<void>;
  /**
   * Test hook: awaited inside each batch's transaction once its users are written and before the job's
   * progress is (a crash test kills the process here, to show the batch's users go with it).
   */
  insideBatch?: (job: { jobId: string; rowsDone: number; users: number }) => Promise<void>;
  limits?: Partial<UserImportLimits>;
  /** Test hook: the runner's clock, read by app.ts (default: the system's, not the app's test clock; see there). */
  clock?: Clock;
  /**
   * Test hook: the only pools whose jobs this runner expires or takes up. A test that moves a runner's clock a
   * day ahead limits it to its own pool, so it cannot take the live leases of other tests sharing the database.
   */
  onlyPools?: ReadonlySet<string>;
}

export interface UserImportRunner {
  start(): void;
  /** Looks for work now (after StartUserImportJob), instead of at the next poll. */
  wake(): void;
  /** Stops after the batch in flight, giving the job back: the next process to start resumes it. */
  close(): Promise<void>;
  /**
   * Runs a started job in this process until it ends (the CLI, which starts no background loop), or, when
   * another process holds it, follows it there. `onProgress` hears the job after every committed batch.
   * Resolves to the job as it ended. @throws when the job does not exist
   */
  runJob(jobId: string, onProgress?: (job: UserImportJob) => void): Promise<UserImportJob>;
}

const NAME_RACE_ATTEMPTS = 3;

/**
 * Runs started import jobs in the background, one at a time per process. A job is claimed with a
 * lease (a conditional UPDATE), so across N gateway processes exactly one runs it; every batch of
 * users commits in one transaction with the job's counters and resume point (`rowsDone`) and extends
 * the lease, so a restart resumes after the last committed row and never writes half a user or a row
 * twice. The CSV is read back from the database piece by piece and parsed as a stream: memory is one
 * piece, one batch and the job's first row errors, whatever the file's size.
 */
export function createUserImportRunner(deps: {
  db: Database;
  clock: Clock;
  logger: Logger;
  options?: UserImportRunnerOptions;
}): UserImportRunner {
  const { db, clock, logger } = deps;
  const batchSize = deps.options?.batchSize ?? 500;
  const leaseMs = (deps.options?.leaseSeconds ?? 60) * 1000;
  const pollIntervalMs = deps.options?.pollIntervalMs ?? 5000;
  const limits: UserImportLimits = { ...USER_IMPORT_LIMITS, ...deps.options?.limits };
  const owner = `runner-${randomUuid()}`;
  let timer: NodeJS.Timeout | null = null;
  let closing = false;
  let running: Promise<void> | null = null;
  let wakeAgain = false;
  /** Who hears a job's progress after each batch (runJob's caller). */
  const listeners = new Map<string, (progress: UserImportProgress) => void>();

  const leaseUntil = () => new Date(clock.nowMs() + leaseMs);
  const onlyPools = deps.options?.onlyPools;
  const poolFilter = (): string[] | undefined => (onlyPools ? [...onlyPools] : undefined);

  async function finish(
    job: UserImportJob,
    status: Extract<UserImportJobStatus, "Succeeded" | "Failed" | "Stopped">,
    message: string,
    progress: UserImportProgress,
  ): Promise<void> {
    const now = clock.now();
    await db.transaction(async (repositories) => {
      const changed = await repositories.userImports.transition(job.jobId, ["Pending", "InProgress", "Stopping"], {
        status,
        completedAt: now,
        completionMessage: message,
        leaseOwner: null,
        leaseExpiresAt: null,
      });
      if (!changed) return;
      // The file has served its purpose (Cognito deletes it too); the counters and row errors stay.
      await repositories.userImports.deleteChunks(job.jobId);
      await repositories.events.append(
        {
          type: "USER_IMPORT_JOB_FINISHED",
          poolId: job.poolId,
          actor: "system",
          detail: {
            jobId: job.jobId,
            status,
            importedUsers: progress.importedUsers,
            skippedUsers: progress.skippedUsers,
            failedUsers: progress.failedUsers,
          },
        },
        now,
      );
    });
    logger.info(
      { jobId: job.jobId, poolId: job.poolId, status, ...progress, rowErrors: undefined },
      "user import job finished",
    );
  }

  /** Runs (or resumes) a claimed job until it ends, is stopped, loses its claim or the process closes. */
  async function run(claimed: UserImportJob): Promise<void> {
    if (claimed.status === "Pending")
      await db.read((repositories) =>
        repositories.userImports.transition(claimed.jobId, ["Pending"], { status: "InProgress" }),
      );
    const job = (await db.read((repositories) => repositories.userImports.findById(claimed.jobId))) ?? claimed;
    const progress: UserImportProgress = {
      rowsDone: job.rowsDone,
      importedUsers: job.importedUsers,
      skippedUsers: job.skippedUsers,
      failedUsers: job.failedUsers,
      rowErrors: job.rowErrors,
    };
    if (job.status === "Stopping") return finish(job, "Stopped", STOPPED_MESSAGE, progress);
    const pool = await db.read((repositories) => repositories.pools.findById(job.poolId));
    // A deleted pool takes its jobs with it.
    if (!pool) return;
    if (!job.upload) return finish(job, "Failed", "No CSV file was uploaded to the job's PreSignedUrl.", progress);

    let columns: Map<string, number> | null = null;
    let batch: ImportRow[] = [];
    let rowIndex = 0;
    /** Returns false when the job must not go on (stopped, claim lost, closing). */
    const commit = async (): Promise<boolean> => {
      if (batch.length === 0) return true;
      await deps.options?.beforeBatch?.({ jobId: job.jobId, rowsDone: progress.rowsDone });
      const rows = batch;
      batch = [];
      const status = await commitBatch(job, pool, columns!, rows, progress);
      listeners.get(job.jobId)?.(progress);
      // The embedded backend answers synchronously: without a turn of the event loop here, a whole job runs
      // as one chain of microtasks and every request to the process waits until it ends (measured: minutes).
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (status === null) {
        logger.warn({ jobId: job.jobId }, "user import job was claimed by another process; this one stops");
        return false;
      }
      if (status === "Stopping") {
        await finish(job, "Stopped", STOPPED_MESSAGE, progress);
        return false;
      }
      if (closing) {
        await db.read((repositories) => repositories.userImports.releaseLease(job.jobId, owner));
        return false;
      }
      return true;
    };
    const take = async (records: CsvRecord[]): Promise<boolean> => {
      for (const record of records) {
        if (!columns) {
          columns = readHeader(pool, record.fields);
          continue;
        }
        rowIndex += 1;
        // Rows before the resume point are committed already.
        if (rowIndex <= progress.rowsDone) continue;
        batch.push({ fields: record.fields, line: record.line });
        if (batch.length >= batchSize && !(await commit())) return false;
      }
      return true;
    };

    try {
      const parser = createCsvParser({ maxRecordChars: limits.maxRowChars });
      const decoder = new TextDecoder("utf-8");
      for (let seq = 0; ; seq++) {
        const piece = await db.read((repositories) => repositories.userImports.readChunk(job.upload!.uploadId, seq));
        if (!piece) break;
        if (!(await take(parser.push(decoder.decode(piece, { stream: true }))))) return;
      }
      if (!(await take([...parser.push(decoder.decode()), ...parser.end()]))) return;
      if (!columns)
        throw new ImportFileError(
          "The CSV file is empty: it needs the header GetCSVHeader returns and a row per user.",
        );
      if (!(await commit())) return;
      const isFailed = progress.importedUsers === 0 && progress.failedUsers + progress.skippedUsers > 0;
      await finish(
        job,
        isFailed ? "Failed" : "Succeeded",
        completionMessageOf(isFailed ? "Failed" : "Succeeded", progress),
        progress,
      );
    } catch (error) {
      if (error instanceof ImportFileError || error instanceof CsvSyntaxError) {
        await finish(
          job,
          "Failed",
          completionMessageOf("Failed", progress, `Unable to parse the CSV file: ${error.message}`),
          progress,
        );
        return;
      }
      throw error;
    }
  }

  /** One transaction: the batch's users, the job's totals and resume point, a longer claim. Null when the claim was lost. */
  async function commitBatch(
    job: UserImportJob,
    pool: UserPool,
    columns: Map<string, number>,
    rows: ImportRow[],
    progress: UserImportProgress,
  ): Promise<UserImportJobStatus | null> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { status, next } = await db.transaction(async (repositories) => {
          const now = clock.now();
          const outcome = await decideBatch(repositories, pool, columns, rows, now);
          await writeBatch(repositories, outcome.users, now);
          await deps.options?.insideBatch?.({
            jobId: job.jobId,
            rowsDone: progress.rowsDone,
            users: outcome.users.length,
          });
          const next: UserImportProgress = {
            rowsDone: progress.rowsDone + rows.length,
            importedUsers: progress.importedUsers + outcome.users.length,
            skippedUsers: progress.skippedUsers + outcome.skipped,
            failedUsers: progress.failedUsers + outcome.failed,
            rowErrors: [...progress.rowErrors, ...outcome.errors].slice(0, MAX_STORED_ROW_ERRORS),
          };
          const status = await repositories.userImports.saveProgress(job.jobId, owner, next, leaseUntil());
          // Lost the claim: nothing of this batch may commit (another process owns the job now).
          if (status === null) throw new LostClaim();
          return { status, next };
        });
        Object.assign(progress, next);
        return status;
      } catch (error) {
        if (error instanceof LostClaim) return null;
        if (isNameRace(error) && attempt < NAME_RACE_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  async function expireStaleJobs(): Promise<void> {
    const now = clock.now();
    const stale = await db.read((repositories) =>
      repositories.userImports.listCreatedBefore(
        new Date(now.getTime() - limits.startWithinSeconds * 1000),
        20,
        poolFilter(),
      ),
    );
    for (const job of stale) {
      await db.transaction(async (repositories) => {
        if (
          !(await repositories.userImports.transition(job.jobId, ["Created"], {
            status: "Expired",
            completedAt: now,
            completionMessage: "The import job was not started within 24 hours; its file was deleted.",
          }))
        )
          return;
        await repositories.userImports.deleteChunks(job.jobId);
        await repositories.events.append(
          {
            type: "USER_IMPORT_JOB_FINISHED",
            poolId: job.poolId,
            actor: "system",
            detail: { jobId: job.jobId, status: "Expired", importedUsers: 0, skippedUsers: 0, failedUsers: 0 },
          },
          now,
        );
      });
    }
  }

  async function work(): Promise<void> {
    await expireStaleJobs();
    while (!closing) {
      const now = clock.now();
      const candidates = await db.read((repositories) => repositories.userImports.listRunnable(now, 5, poolFilter()));
      let claimed: UserImportJob | null = null;
      for (const job of candidates) {
        if (await db.read((repositories) => repositories.userImports.claimLease(job.jobId, owner, now, leaseUntil()))) {
          claimed = job;
          break;
        }
      }
      if (!claimed) return;
      try {
        await run(claimed);
      } catch (error) {
        // Storage trouble: the claim is given back and the job resumes at its last committed batch later.
        logger.error(
          { jobId: claimed.jobId, err: error instanceof Error ? error.message : String(error) },
          "user import job interrupted; it resumes from its last committed batch",
        );
        await db
          .read((repositories) => repositories.userImports.releaseLease(claimed.jobId, owner))
          .catch(() => undefined);
        return;
      }
    }
  }

  function tick(): void {
    if (closing) return;
    if (running) {
      wakeAgain = true;
      return;
    }
    running = work()
      .catch((error: unknown) =>
        logger.error({ err: error instanceof Error ? error.message : String(error) }, "user import runner failed"),
      )
      .finally(() => {
        running = null;
        if (wakeAgain && !closing) {
          wakeAgain = false;
          tick();
        }
      });
  }

  return {
    start() {
      timer = setInterval(tick, pollIntervalMs);
      timer.unref();
      tick();
    },
    wake: tick,
    async runJob(jobId, onProgress) {
      const read = async () => {
        const job = await db.read((repositories) => repositories.userImports.findById(jobId));
        if (!job) throw new Error(`import job ${jobId} does not exist`);
        return job;
      };
      let job = await read();
      if (onProgress) listeners.set(jobId, (progress) => onProgress({ ...job, ...progress }));
      try {
        while ((ACTIVE_IMPORT_STATUSES as readonly string[]).includes(job.status)) {
          const now = clock.now();
          if (await db.read((repositories) => repositories.userImports.claimLease(jobId, owner, now, leaseUntil()))) {
            await run(job);
          } else {
            // Another process runs it: follow.
            await new Promise((resolve) => setTimeout(resolve, 500));
            onProgress?.(await read());
          }
          job = await read();
        }
        return job;
      } finally {
        listeners.delete(jobId);
      }
    },
    async close() {
      closing = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

class LostClaim extends Error {}
