import {
  CreateUserImportJobCommand,
  DescribeUserImportJobCommand,
  GetCSVHeaderCommand,
  StartUserImportJobCommand,
  type CognitoIdentityProviderClient,
  type UserImportJobType,
} from "@aws-sdk/client-cognito-identity-provider";
import { expect } from "vitest";
import type { TestApp } from "./test-app.js";

export const ROLE_ARN = "arn:aws:iam::123456789012:role/CognitoImportRole";
const DONE = new Set(["Succeeded", "Failed", "Stopped", "Expired"]);

/** A CSV with GetCSVHeader's columns; each row names only the columns it fills. */
export function csvOf(header: readonly string[], rows: readonly Record<string, string | undefined>[]): string {
  const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return (
    [header.join(","), ...rows.map((row) => header.map((column) => cell(row[column] ?? "")).join(","))].join("\n") +
    "\n"
  );
}

/** The pre-signed URL with the test gateway's origin (PUBLIC_URL names no reachable port in tests). */
export function reachable(gateway: TestApp, preSignedUrl: string): string {
  const url = new URL(preSignedUrl);
  return `${gateway.baseUrl}${url.pathname}${url.search}`;
}

/** What `curl --upload-file users.csv -H "x-amz-server-side-encryption:aws:kms" '<url>'` sends. */
export async function putCsv(
  gateway: TestApp,
  preSignedUrl: string,
  body: string | Blob,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  const response = await fetch(reachable(gateway, preSignedUrl), {
    method: "PUT",
    headers: { "content-type": "text/csv", "x-amz-server-side-encryption": "aws:kms", ...headers },
    body,
  });
  return { status: response.status, text: await response.text() };
}

export async function headerOf(admin: CognitoIdentityProviderClient, poolId: string): Promise<string[]> {
  return (await admin.send(new GetCSVHeaderCommand({ UserPoolId: poolId }))).CSVHeader!;
}

export async function createJob(
  admin: CognitoIdentityProviderClient,
  poolId: string,
  jobName = "import",
): Promise<UserImportJobType> {
  return (
    await admin.send(
      new CreateUserImportJobCommand({ UserPoolId: poolId, JobName: jobName, CloudWatchLogsRoleArn: ROLE_ARN }),
    )
  ).UserImportJob!;
}

/** Polls DescribeUserImportJob until `until` holds (by default: the job ended). */
export async function waitForJob(
  admin: CognitoIdentityProviderClient,
  poolId: string,
  jobId: string,
  until: (job: UserImportJobType) => boolean = (job) => DONE.has(job.Status!),
  timeoutMs = 30_000,
): Promise<UserImportJobType> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await admin.send(new DescribeUserImportJobCommand({ UserPoolId: poolId, JobId: jobId })))
      .UserImportJob!;
    if (until(job)) return job;
    if (Date.now() > deadline) throw new Error(`import job ${jobId} is still ${job.Status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Creates a job, uploads `csv`, starts it and waits for the end. */
export async function importCsv(
  gateway: TestApp,
  admin: CognitoIdentityProviderClient,
  poolId: string,
  csv: string,
): Promise<UserImportJobType> {
  const job = await createJob(admin, poolId);
  const uploaded = await putCsv(gateway, job.PreSignedUrl!, csv);
  expect(uploaded.status, uploaded.text).toBe(200);
  await admin.send(new StartUserImportJobCommand({ UserPoolId: poolId, JobId: job.JobId! }));
  return waitForJob(admin, poolId, job.JobId!);
}
