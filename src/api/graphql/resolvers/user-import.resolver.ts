import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { AdminPrincipal } from "../../../core/admin-keys/admin-key.types.js";
import { CurrentAdmin, type GraphqlContext } from "../context.js";
import {
  CreateUserImportJobInput,
  UserImportJob,
  UserImportJobPage,
  toGraphqlUserImportJob,
} from "../types/user-import.types.js";

/** CSV user import jobs: the same core service as GetCSVHeader and the *UserImportJob actions. */
@Resolver(() => UserImportJob)
export class UserImportResolver {
  @Authorized()
  @Query(() => [String], {
    description:
      "The CSV header for the pool's import jobs (GetCSVHeader): its schema attributes, cognito:mfa_enabled, cognito:username, custom attributes last.",
  })
  async csvHeader(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<string[]> {
    return (await ctx.services.userImports.getCsvHeader(admin, userPoolId)).csvHeader;
  }

  @Authorized()
  @Mutation(() => UserImportJob, {
    description: "Creates an import job and its pre-signed upload URL (CreateUserImportJob); at most 1,000 per pool.",
  })
  async createUserImportJob(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("input", () => CreateUserImportJobInput) input: CreateUserImportJobInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<UserImportJob> {
    return toGraphqlUserImportJob(
      await ctx.services.userImports.createUserImportJob(admin, {
        userPoolId,
        jobName: input.jobName,
        cloudWatchLogsRoleArn: input.cloudWatchLogsRoleArn,
      }),
    );
  }

  @Authorized()
  @Mutation(() => UserImportJob, {
    description: "Starts a job whose CSV was uploaded (StartUserImportJob); one job runs at a time per pool.",
  })
  async startUserImportJob(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("jobId", () => ID) jobId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<UserImportJob> {
    return toGraphqlUserImportJob(await ctx.services.userImports.startUserImportJob(admin, userPoolId, jobId));
  }

  @Authorized()
  @Mutation(() => UserImportJob, {
    description:
      "Stops a Pending or InProgress job after the batch in flight (StopUserImportJob); imported users stay.",
  })
  async stopUserImportJob(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("jobId", () => ID) jobId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<UserImportJob> {
    return toGraphqlUserImportJob(await ctx.services.userImports.stopUserImportJob(admin, userPoolId, jobId));
  }

  @Authorized()
  @Query(() => UserImportJob, {
    description: "One import job with its counters and first row errors (DescribeUserImportJob).",
  })
  async userImportJob(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("jobId", () => ID) jobId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<UserImportJob> {
    return toGraphqlUserImportJob(await ctx.services.userImports.describeUserImportJob(admin, userPoolId, jobId));
  }

  @Authorized()
  @Query(() => UserImportJobPage, {
    description: "A pool's import jobs, newest first, 1–60 a page (ListUserImportJobs).",
  })
  async userImportJobs(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Ctx() ctx: GraphqlContext,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<UserImportJobPage> {
    const page = await ctx.services.userImports.listUserImportJobs(admin, userPoolId, {
      maxResults: first ?? 60,
      paginationToken: after,
    });
    return Object.assign(new UserImportJobPage(), {
      items: page.jobs.map(toGraphqlUserImportJob),
      nextCursor: page.paginationToken,
    });
  }
}
