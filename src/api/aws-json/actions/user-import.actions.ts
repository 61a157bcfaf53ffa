import type { UserImportJobView } from "../../../core/user-import/user-import.service.js";
import { USER_IMPORT_SHAPES } from "../../../core/user-import/user-import.service.js";
import { action, adminOf, type ActionTable } from "../action.js";
import { int, required, str } from "../constraints.js";
import { paginationToken, userPoolId } from "../members.js";
import { compact, epochSeconds } from "../shapes.js";

/** Cognito's CSV user import (GetCSVHeader, Create/Start/Describe/List/StopUserImportJob). */

type PoolRef = { UserPoolId: string };
type JobRef = PoolRef & { JobId: string };

const jobId = required(str(USER_IMPORT_SHAPES.jobId));

/** UserImportJobType; unset dates and the message are left out, as Cognito leaves them out. */
export const toUserImportJobType = (job: UserImportJobView) =>
  compact({
    JobName: job.jobName,
    JobId: job.jobId,
    UserPoolId: job.poolId,
    PreSignedUrl: job.preSignedUrl,
    CreationDate: epochSeconds(job.createdAt),
    StartDate: job.startedAt ? epochSeconds(job.startedAt) : null,
    CompletionDate: job.completedAt ? epochSeconds(job.completedAt) : null,
    Status: job.status,
    CloudWatchLogsRoleArn: job.cloudWatchLogsRoleArn,
    ImportedUsers: job.importedUsers,
    SkippedUsers: job.skippedUsers,
    FailedUsers: job.failedUsers,
    CompletionMessage: job.completionMessage,
  });

const jobResponse = (job: UserImportJobView) => ({ UserImportJob: toUserImportJobType(job) });

export const userImportActions: ActionTable = {
  GetCSVHeader: action<PoolRef>({
    auth: "admin",
    members: { UserPoolId: userPoolId },
    async handle(input, ctx) {
      const { userPoolId: poolId, csvHeader } = await ctx.services.userImports.getCsvHeader(
        adminOf(ctx),
        input.UserPoolId,
      );
      return { UserPoolId: poolId, CSVHeader: csvHeader };
    },
  }),
  CreateUserImportJob: action<PoolRef & { JobName: string; CloudWatchLogsRoleArn: string }>({
    auth: "admin",
    // PasswordHashingAlgorithm (importing password hashes) is not served: imported users reset their password.
    members: {
      UserPoolId: userPoolId,
      JobName: required(str(USER_IMPORT_SHAPES.jobName)),
      CloudWatchLogsRoleArn: required(str(USER_IMPORT_SHAPES.cloudWatchLogsRoleArn)),
    },
    async handle(input, ctx) {
      return jobResponse(
        await ctx.services.userImports.createUserImportJob(adminOf(ctx), {
          userPoolId: input.UserPoolId,
          jobName: input.JobName,
          cloudWatchLogsRoleArn: input.CloudWatchLogsRoleArn,
        }),
      );
    },
  }),
  DescribeUserImportJob: action<JobRef>({
    auth: "admin",
    members: { UserPoolId: userPoolId, JobId: jobId },
    async handle(input, ctx) {
      return jobResponse(
        await ctx.services.userImports.describeUserImportJob(adminOf(ctx), input.UserPoolId, input.JobId),
      );
    },
  }),
  ListUserImportJobs: action<PoolRef & { MaxResults: number; PaginationToken?: string }>({
    auth: "admin",
    members: {
      UserPoolId: userPoolId,
      MaxResults: required(int({ min: 1, max: 60 })),
      PaginationToken: paginationToken,
    },
    async handle(input, ctx) {
      const page = await ctx.services.userImports.listUserImportJobs(adminOf(ctx), input.UserPoolId, {
        maxResults: input.MaxResults,
        paginationToken: input.PaginationToken,
      });
      return compact({ UserImportJobs: page.jobs.map(toUserImportJobType), PaginationToken: page.paginationToken });
    },
  }),
  StartUserImportJob: action<JobRef>({
    auth: "admin",
    members: { UserPoolId: userPoolId, JobId: jobId },
    async handle(input, ctx) {
      return jobResponse(
        await ctx.services.userImports.startUserImportJob(adminOf(ctx), input.UserPoolId, input.JobId),
      );
    },
  }),
  StopUserImportJob: action<JobRef>({
    auth: "admin",
    members: { UserPoolId: userPoolId, JobId: jobId },
    async handle(input, ctx) {
      return jobResponse(await ctx.services.userImports.stopUserImportJob(adminOf(ctx), input.UserPoolId, input.JobId));
    },
  }),
};
