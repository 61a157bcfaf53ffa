import type { Clock } from "../../lib/clock.js";
import { decodeCursor, encodeCursor } from "../../lib/cursor.js";
import { randomAlphanumeric } from "../../lib/random.js";
import { actorOf, type AdminPrincipal } from "../admin-keys/admin-key.types.js";
import { CognitoError, invalidParameter, resourceNotFound } from "../errors.js";
import { describeStringProblem, validationError, type StringConstraint } from "../input-constraints.js";
import { loadAccessiblePool, lockAccessiblePool } from "../pools/user-pool.service.js";
import type { Database, Logger, MessageAuthenticator, Repositories } from "../ports.js";
import { requireIntegerInRange } from "../validation.js";
import { csvHeaderOf, ImportFileError, readHeader } from "./csv-rows.js";
import { STOPPED_MESSAGE } from "./user-import.messages.js";
import { receiveUpload, storeUpload, uploadUrlOf, type UploadRequest } from "./user-import.upload.js";
import {
  ACTIVE_IMPORT_STATUSES,
  USER_IMPORT_LIMITS,
  type UserImportJob,
  type UserImportLimits,
} from "./user-import.types.js";

/** Cognito's shapes for the import actions (CreateUserImportJob, StartUserImportJob, …). */
export const USER_IMPORT_SHAPES = {
  jobName: { min: 1, max: 128, pattern: "[\\w\\s+=,.@-]+" },
  jobId: { min: 1, max: 55, pattern: "import-[0-9a-zA-Z-]+" },
  cloudWatchLogsRoleArn: {
    min: 20,
    max: 2048,
    pattern: "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?",
  },
} as const satisfies Record<string, StringConstraint>;

/** A job as the APIs show it: the stored job and its pre-signed URL. */
export type UserImportJobView = UserImportJob & { preSignedUrl: string };

export interface UserImportServiceDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** Signs and checks the pre-signed upload URLs (a key derived from SECRETS_KEY). */
  authenticator: MessageAuthenticator;
  /** PUBLIC_URL: the pre-signed URLs point at the gateway itself. */
  publicUrl: string;
  /** Told when a job was started, so this process begins at once. */
  runner: { wake(): void };
  limits?: Partial<UserImportLimits>;
}

export type UserImportService = ReturnType<typeof createUserImportService>;

/** The role ARN recorded for jobs made without the API (the CLI's `user-import run`): Cognito requires one. */
export const LOCAL_IMPORT_ROLE_ARN = "arn:aws:iam::000000000000:role/identity-gateway-local-import";

function check(values: Partial<Record<keyof typeof USER_IMPORT_SHAPES, string>>): void {
  const problems = Object.entries(values).flatMap(([name, value]) => {
    const problem =
      value === undefined
        ? null
        : describeStringProblem(name, USER_IMPORT_SHAPES[name as keyof typeof USER_IMPORT_SHAPES], value);
    return problem ? [problem] : [];
  });
  if (problems.length > 0) throw validationError(problems);
}

const notRunning = (job: UserImportJob, action: string) =>
  new CognitoError(
    "PreconditionNotMetException",
    `Import job ${job.jobId} is ${job.status}; only a ${action} job can be ${action === "Created" ? "started" : "stopped"}.`,
  );

/**
 * Cognito's user import jobs (GetCSVHeader, Create/Start/Describe/List/StopUserImportJob). The work
 * itself is the runner's (user-import.runner.ts); the upload is receiveUpload's.
 */
export function createUserImportService(deps: UserImportServiceDeps) {
  const { db, clock } = deps;
  const limits: UserImportLimits = { ...USER_IMPORT_LIMITS, ...deps.limits };
  const view = (job: UserImportJob): UserImportJobView => ({
    ...job,
    preSignedUrl: uploadUrlOf(deps.authenticator, deps.publicUrl, job),
  });

  /** Stops a running job, or null when a runner changed it meanwhile (nothing was written). */
  async function tryStop(principal: AdminPrincipal, poolId: string, jobId: string): Promise<UserImportJob | null> {
    return db.transaction(async (repositories) => {
      const job = await loadJob(repositories, principal, poolId, jobId);
      if (job.status !== "Pending" && job.status !== "InProgress") throw notRunning(job, "Pending or InProgress");
      const now = clock.now();
      const isHeld =
        job.leaseOwner !== null && job.leaseExpiresAt !== null && job.leaseExpiresAt.getTime() > now.getTime();
      if (isHeld) {
        if (!(await repositories.userImports.transition(jobId, [job.status], { status: "Stopping" }))) return null;
        return { ...job, status: "Stopping" as const };
      }
      const changes = { status: "Stopped" as const, completedAt: now, completionMessage: STOPPED_MESSAGE };
      if (!(await repositories.userImports.transition(jobId, [job.status], changes))) return null;
      await repositories.userImports.deleteChunks(jobId);
      await repositories.events.append(
        {
          type: "USER_IMPORT_JOB_FINISHED",
          poolId,
          actor: actorOf(principal),
          detail: {
            jobId,
            status: "Stopped",
            importedUsers: job.importedUsers,
            skippedUsers: job.skippedUsers,
            failedUsers: job.failedUsers,
          },
        },
        now,
      );
      return { ...job, ...changes };
    });
  }

  async function loadJob(
    repositories: Repositories,
    principal: AdminPrincipal,
    poolId: string,
    jobId: string,
  ): Promise<UserImportJob> {
    check({ jobId });
    await loadAccessiblePool(repositories, principal, poolId);
    const job = await repositories.userImports.find(poolId, jobId);
    if (!job) throw resourceNotFound(`Import job ${jobId} does not exist in user pool ${poolId}.`);
    return job;
  }

  const service = {
    limits,

    /** The CSV columns for the pool (GetCSVHeader). @throws ResourceNotFoundException, NotAuthorizedException, InvalidParameterException */
    async getCsvHeader(
      principal: AdminPrincipal,
      poolId: string,
    ): Promise<{ userPoolId: string; csvHeader: string[] }> {
      const pool = await db.read((repositories) => loadAccessiblePool(repositories, principal, poolId));
      return { userPoolId: pool.id, csvHeader: csvHeaderOf(pool) };
    },

    /**
     * Checks a file's header row against the pool's columns before any job exists (the CLI, so that a wrong
     * file is refused with the reason the job would fail with, not as a failed job).
     * @throws InvalidParameterException, ResourceNotFoundException, NotAuthorizedException
     */
    async checkCsvHeader(principal: AdminPrincipal, poolId: string, fields: readonly string[]): Promise<void> {
      const pool = await db.read((repositories) => loadAccessiblePool(repositories, principal, poolId));
      try {
        readHeader(pool, fields);
      } catch (error) {
        if (error instanceof ImportFileError) throw invalidParameter(error.message);
        throw error;
      }
    },

    /**
     * A job in status Created with its 15-minute pre-signed URL (CreateUserImportJob). The CloudWatch
     * role ARN is required and kept, as in Cognito; nothing is sent to CloudWatch (the row log is the job's).
     * @throws InvalidParameterException, LimitExceededException (1,000 jobs per pool), ResourceNotFoundException, NotAuthorizedException
     */
    async createUserImportJob(
      principal: AdminPrincipal,
      input: { userPoolId: string; jobName: string; cloudWatchLogsRoleArn: string },
    ): Promise<UserImportJobView> {
      check({ jobName: input.jobName, cloudWatchLogsRoleArn: input.cloudWatchLogsRoleArn });
      return db.transaction(async (repositories) => {
        // Locked: parallel creates count the pool's jobs one after the other.
        await lockAccessiblePool(repositories, principal, input.userPoolId);
        if ((await repositories.userImports.countInPool(input.userPoolId)) >= limits.maxJobsPerPool) {
          throw new CognitoError(
            "LimitExceededException",
            `User pool ${input.userPoolId} already has the maximum of ${limits.maxJobsPerPool} import jobs.`,
          );
        }
        const now = clock.now();
        const job: UserImportJob = {
          jobId: `import-${randomAlphanumeric(10)}`,
          poolId: input.userPoolId,
          jobName: input.jobName,
          cloudWatchLogsRoleArn: input.cloudWatchLogsRoleArn,
          status: "Created",
          createdAt: now,
          startedAt: null,
          completedAt: null,
          uploadExpiresAt: new Date(now.getTime() + limits.uploadUrlTtlSeconds * 1000),
          upload: null,
          importedUsers: 0,
          skippedUsers: 0,
          failedUsers: 0,
          rowsDone: 0,
          completionMessage: null,
          rowErrors: [],
          leaseOwner: null,
          leaseExpiresAt: null,
        };
        await repositories.userImports.insert(job);
        await repositories.events.append(
          {
            type: "USER_IMPORT_JOB_CREATED",
            poolId: job.poolId,
            actor: actorOf(principal),
            detail: { jobId: job.jobId, jobName: job.jobName },
          },
          now,
        );
        return view(job);
      });
    },

    /** DescribeUserImportJob. @throws ResourceNotFoundException, NotAuthorizedException, InvalidParameterException */
    async describeUserImportJob(principal: AdminPrincipal, poolId: string, jobId: string): Promise<UserImportJobView> {
      return view(await db.read((repositories) => loadJob(repositories, principal, poolId, jobId)));
    },

    /** ListUserImportJobs: newest first, 1–60 per page. @throws InvalidParameterException, ResourceNotFoundException, NotAuthorizedException */
    async listUserImportJobs(
      principal: AdminPrincipal,
      poolId: string,
      page: { maxResults: number; paginationToken?: string | null },
    ): Promise<{ jobs: UserImportJobView[]; paginationToken: string | null }> {
      requireIntegerInRange("maxResults", page.maxResults, 1, 60);
      let after: { createdAt: Date; jobId: string } | undefined;
      if (page.paginationToken) {
        const decoded = decodeCursor(page.paginationToken);
        if (!decoded || typeof decoded.createdAt !== "number" || typeof decoded.jobId !== "string")
          throw invalidParameter("PaginationToken is not one this API returned.");
        after = { createdAt: new Date(decoded.createdAt), jobId: decoded.jobId };
      }
      const rows = await db.read(async (repositories) => {
        await loadAccessiblePool(repositories, principal, poolId);
        return repositories.userImports.list(poolId, { after, limit: page.maxResults + 1 });
      });
      const jobs = rows.slice(0, page.maxResults);
      const last = jobs[jobs.length - 1];
      const paginationToken =
        rows.length > page.maxResults && last
          ? encodeCursor({ createdAt: last.createdAt.getTime(), jobId: last.jobId })
          : null;
      return { jobs: jobs.map(view), paginationToken };
    },

    /**
     * Starts a Created job whose file has arrived (StartUserImportJob): Pending, then InProgress once a
     * runner takes it. One job per pool runs at a time (Cognito allows one active job per account).
     * @throws PreconditionNotMetException (not Created, expired, no file, another job active, no auto-verified attribute),
     *         ResourceNotFoundException, NotAuthorizedException, InvalidParameterException
     */
    async startUserImportJob(principal: AdminPrincipal, poolId: string, jobId: string): Promise<UserImportJobView> {
      check({ jobId });
      const started = await db.transaction(async (repositories) => {
        // Locked: two starts in the pool check for an active job one after the other.
        const pool = await lockAccessiblePool(repositories, principal, poolId);
        const job = await repositories.userImports.find(poolId, jobId);
        if (!job) throw resourceNotFound(`Import job ${jobId} does not exist in user pool ${poolId}.`);
        const now = clock.now();
        if (job.status === "Created" && job.createdAt.getTime() + limits.startWithinSeconds * 1000 <= now.getTime()) {
          throw new CognitoError(
            "PreconditionNotMetException",
            `Import job ${jobId} has expired: it was not started within 24 hours.`,
          );
        }
        if (job.status !== "Created") throw notRunning(job, "Created");
        if (!job.upload)
          throw new CognitoError(
            "PreconditionNotMetException",
            `No CSV file has been uploaded to import job ${jobId}'s PreSignedUrl.`,
          );
        if (pool.autoVerifiedAttributes.length === 0) {
          throw new CognitoError(
            "PreconditionNotMetException",
            "The user pool has no auto-verified attribute (email or phone_number): imported users could never receive a password reset code.",
          );
        }
        if (await repositories.userImports.hasActive(poolId))
          throw new CognitoError(
            "PreconditionNotMetException",
            `Another import job is running in user pool ${poolId}; one runs at a time.`,
          );
        if (!(await repositories.userImports.transition(jobId, ["Created"], { status: "Pending", startedAt: now })))
          throw notRunning(job, "Created");
        await repositories.events.append(
          {
            type: "USER_IMPORT_JOB_STARTED",
            poolId,
            actor: actorOf(principal),
            detail: { jobId, users: job.upload.users },
          },
          now,
        );
        return { ...job, status: "Pending" as const, startedAt: now };
      });
      deps.runner.wake();
      return view(started);
    },

    /**
     * Stops a Pending or InProgress job (StopUserImportJob). A job no runner holds stops at once; a
     * running one becomes Stopping and stops after the batch in flight (its users stay imported).
     * @throws PreconditionNotMetException, ResourceNotFoundException, NotAuthorizedException, InvalidParameterException
     */
    async stopUserImportJob(principal: AdminPrincipal, poolId: string, jobId: string): Promise<UserImportJobView> {
      // A runner may move the job (Pending → InProgress, or take its lease) between the read and the
      // conditional update; the update then changes nothing and the stop is tried again on a fresh read.
      for (let attempt = 1; ; attempt++) {
        const stopped = await tryStop(principal, poolId, jobId);
        if (stopped !== null) return view(stopped);
        if (attempt === 5)
          throw new CognitoError(
            "ConcurrentModificationException",
            `Import job ${jobId} kept changing while it was being stopped; try again.`,
          );
      }
    },
    /** The PUT to a pre-signed URL. @throws UploadRefusedError */
    upload: (request: UploadRequest) =>
      receiveUpload({ db, clock, logger: deps.logger, authenticator: deps.authenticator, limits }, request),

    /** Whether the pool has an import job running (for callers that must wait, e.g. a CLI). */
    async isImportActive(poolId: string): Promise<boolean> {
      return db.read((repositories) => repositories.userImports.hasActive(poolId));
    },

    /** Statuses in which a job still has work ahead. */
    activeStatuses: ACTIVE_IMPORT_STATUSES,

    /**
     * Create, upload and start in one call, for a trusted caller holding the file (the CLI): the same job,
     * quotas, rules and events as the API's, without a pre-signed URL. Run it in the caller's process with
     * `UserImportRunner.runJob`, or let any gateway process's runner take it.
     * @throws everything createUserImportJob and startUserImportJob throw, UploadRefusedError (quotas)
     */
    async importFromStream(
      principal: AdminPrincipal,
      input: { userPoolId: string; jobName: string; cloudWatchLogsRoleArn?: string; body: AsyncIterable<Uint8Array> },
    ): Promise<UserImportJobView> {
      const created = await service.createUserImportJob(principal, {
        userPoolId: input.userPoolId,
        jobName: input.jobName,
        cloudWatchLogsRoleArn: input.cloudWatchLogsRoleArn ?? LOCAL_IMPORT_ROLE_ARN,
      });
      await storeUpload(
        { db, clock, logger: deps.logger, limits },
        created,
        input.body,
        clock.now(),
        actorOf(principal),
      );
      return service.startUserImportJob(principal, input.userPoolId, created.jobId);
    },
  };
  return service;
}
