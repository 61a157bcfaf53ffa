import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import type { UserImportJobView } from "../../../core/user-import/user-import.service.js";

/** CSV user import jobs (Cognito's UserImportJobType, plus the row log Cognito writes to CloudWatch). */

export const UserImportJobStatusEnum = {
  Created: "Created",
  Pending: "Pending",
  InProgress: "InProgress",
  Stopping: "Stopping",
  Expired: "Expired",
  Stopped: "Stopped",
  Failed: "Failed",
  Succeeded: "Succeeded",
} as const;
registerEnumType(UserImportJobStatusEnum, {
  name: "UserImportJobStatus",
  description: "Cognito's UserImportJobStatusType, spelled as Cognito spells it.",
});

export const UserImportRowOutcomeEnum = { FAILED: "FAILED", SKIPPED: "SKIPPED" } as const;
registerEnumType(UserImportRowOutcomeEnum, { name: "UserImportRowOutcome" });

@ObjectType({ description: "A line of the job's log, as Cognito writes it to CloudWatch: never the row's data." })
export class UserImportRowError {
  @Field(() => Int, { description: "The CSV line the row starts on (the header is line 1)." }) lineNumber!: number;
  @Field(() => UserImportRowOutcomeEnum) outcome!: keyof typeof UserImportRowOutcomeEnum;
  @Field() message!: string;
}

@ObjectType({ description: "A CSV user import job (CreateUserImportJob)." })
export class UserImportJob {
  @Field(() => ID) jobId!: string;
  @Field() jobName!: string;
  @Field(() => ID) userPoolId!: string;
  @Field({ description: "PUT the CSV here (curl --upload-file users.csv '<url>'): valid 15 minutes, for one upload." })
  preSignedUrl!: string;
  @Field(() => DateTimeISOResolver) creationDate!: Date;
  @Field(() => DateTimeISOResolver, { nullable: true }) startDate!: Date | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) completionDate!: Date | null;
  @Field(() => UserImportJobStatusEnum) status!: keyof typeof UserImportJobStatusEnum;
  @Field({ description: "Kept as given; nothing is sent to CloudWatch (see rowErrors)." })
  cloudWatchLogsRoleArn!: string;
  @Field(() => Int) importedUsers!: number;
  @Field(() => Int) skippedUsers!: number;
  @Field(() => Int) failedUsers!: number;
  @Field(() => String, { nullable: true }) completionMessage!: string | null;
  @Field(() => Int, {
    nullable: true,
    description: "Users (rows after the header) in the uploaded file; null before the upload.",
  })
  totalUsers!: number | null;
  @Field(() => Int, {
    description: "Rows whose outcome is committed: the progress, and where a restarted gateway resumes.",
  })
  rowsDone!: number;
  @Field(() => [UserImportRowError], { description: "The first 100 skipped or failed rows, in file order." })
  rowErrors!: UserImportRowError[];
}

@ObjectType()
export class UserImportJobPage {
  @Field(() => [UserImportJob]) items!: UserImportJob[];
  @Field(() => String, { nullable: true }) nextCursor!: string | null;
}

@InputType()
export class CreateUserImportJobInput {
  @Field({ description: "1–128 characters: letters, digits, spaces and + = , . @ -" }) jobName!: string;
  @Field({ description: "Required as in Cognito (an IAM role ARN); kept and returned." })
  cloudWatchLogsRoleArn!: string;
}

export const toGraphqlUserImportJob = (job: UserImportJobView): UserImportJob =>
  Object.assign(new UserImportJob(), {
    jobId: job.jobId,
    jobName: job.jobName,
    userPoolId: job.poolId,
    preSignedUrl: job.preSignedUrl,
    creationDate: job.createdAt,
    startDate: job.startedAt,
    completionDate: job.completedAt,
    status: job.status,
    cloudWatchLogsRoleArn: job.cloudWatchLogsRoleArn,
    importedUsers: job.importedUsers,
    skippedUsers: job.skippedUsers,
    failedUsers: job.failedUsers,
    completionMessage: job.completionMessage,
    totalUsers: job.upload?.users ?? null,
    rowsDone: job.rowsDone,
    rowErrors: job.rowErrors.map((error) => Object.assign(new UserImportRowError(), error)),
  });
