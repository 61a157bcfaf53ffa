import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  AddCustomAttributesCommand,
  CreateUserImportJobCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  ListUsersCommand,
  StartUserImportJobCommand,
  StopUserImportJobCommand,
  UpdateUserPoolCommand,
  type CognitoIdentityProviderClient,
  type UserType,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock, systemClock } from "../../src/lib/clock.js";
import { createUserImportRunner } from "../../src/core/user-import/user-import.runner.js";
import { createUserImportService } from "../../src/core/user-import/user-import.service.js";
import { createMessageAuthenticator } from "../../src/infra/crypto/message-authenticator.js";
import type { AppOverrides } from "../../src/app.js";
import { cognitoClient, createAwsCredentials } from "../support/aws-clients.js";
import { BACKENDS, type Backend } from "../support/backends.js";
import { startChildGateway, type ChildGateway } from "../support/child-gateway.js";
import { compileGateway } from "../support/compiled-gateway.js";
import { uniqueName } from "../support/directory.js";
import {
  AddCustomAttributesDocument,
  CreateUserImportJobDocument,
  CreateUserPoolDocument,
  CsvHeaderDocument,
  DeleteUserPoolDocument,
  StartUserImportJobDocument,
  UpdateUserPoolDocument,
  UserImportJobDocument,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { createJob, csvOf, headerOf, putCsv, reachable, ROLE_ARN, waitForJob } from "../support/user-import.js";

async function rejectionOf(promise: Promise<unknown>): Promise<Error & { name: string }> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error as Error,
  );
  if (!outcome) throw new Error("expected a rejection");
  return outcome;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `count` valid rows for a pool whose email is auto-verified. */
function usersCsv(header: string[], count: number, prefix = uniqueName("u")): string {
  return csvOf(
    header,
    Array.from({ length: count }, (_, i) => ({
      "cognito:username": `${prefix}-${i}`,
      email: `${prefix}-${i}@example.com`,
      email_verified: "true",
      "cognito:mfa_enabled": "false",
    })),
  );
}

async function newPool(admin: CognitoIdentityProviderClient): Promise<string> {
  return (
    await admin.send(new CreateUserPoolCommand({ PoolName: uniqueName("jobs"), AutoVerifiedAttributes: ["email"] }))
  ).UserPool!.Id!;
}

async function countUsers(
  admin: CognitoIdentityProviderClient,
  poolId: string,
): Promise<{ count: number; usernames: string[] }> {
  const usernames: string[] = [];
  let token: string | undefined;
  do {
    const page = await admin.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 60, PaginationToken: token }));
    usernames.push(...page.Users!.map((user) => user.Username!));
    token = page.PaginationToken;
  } while (token);
  return { count: usernames.length, usernames };
}

async function withGateway(
  backend: Backend,
  overrides: AppOverrides,
  work: (gateway: TestApp, admin: CognitoIdentityProviderClient) => Promise<void>,
): Promise<void> {
  const gateway = await getTestApp(backend, { overrides });
  try {
    await work(gateway, cognitoClient(gateway, await createAwsCredentials(gateway)));
  } finally {
    await gateway.close();
  }
}

describe.each(BACKENDS)("user import job lifecycle on $name", (backend) => {
  let gateway: TestApp;
  let admin: CognitoIdentityProviderClient;
  /** Slows every batch down, so a test can act while a job runs. */
  let batchDelayMs = 0;

  beforeAll(async () => {
    gateway = await getTestApp(backend, {
      overrides: { userImport: { batchSize: 2, beforeBatch: () => sleep(batchDelayMs) } },
    });
    admin = cognitoClient(gateway, await createAwsCredentials(gateway));
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it("an upload URL whose signature, expiry or job was changed is refused in S3's form, and nothing is kept", async () => {
    const poolId = await newPool(admin);
    const header = await headerOf(admin, poolId);
    const job = await createJob(admin, poolId);
    const other = await createJob(admin, poolId);
    const url = new URL(job.PreSignedUrl!);
    const signature = url.searchParams.get("signature")!;
    const variants = {
      tamperedSignature: job.PreSignedUrl!.replace(
        `signature=${signature}`,
        `signature=${signature.slice(0, -2)}${signature.endsWith("AA") ? "AB" : "AA"}`,
      ),
      laterExpiry: job.PreSignedUrl!.replace(
        /expires=(\d+)/,
        (_, expires: string) => `expires=${Number(expires) + 3600}`,
      ),
      otherJob: job.PreSignedUrl!.replace(job.JobId!, other.JobId!),
      noSignature: job.PreSignedUrl!.replace(/&signature=.*/, ""),
    };
    for (const [name, forged] of Object.entries(variants)) {
      const answer = await putCsv(gateway, forged, usersCsv(header, 1));
      expect(answer.status, name).toBe(403);
      expect(answer.text, name).toMatch(/<Code>SignatureDoesNotMatch<\/Code>/);
    }
    // Nothing arrived: the job cannot start.
    expect(
      (await rejectionOf(admin.send(new StartUserImportJobCommand({ UserPoolId: poolId, JobId: job.JobId! })))).name,
    ).toBe("PreconditionNotMetException");
    const get = await fetch(reachable(gateway, job.PreSignedUrl!));
    expect(get.status).toBe(405);
  });

  it("the URL serves one upload: a second PUT is refused, and of parallel PUTs exactly one is kept", async () => {
    const poolId = await newPool(admin);
    const header = await headerOf(admin, poolId);
    const job = await createJob(admin, poolId);
    expect((await putCsv(gateway, job.PreSignedUrl!, usersCsv(header, 2))).status).toBe(200);
    const again = await putCsv(gateway, job.PreSignedUrl!, usersCsv(header, 2));
    expect(again.status).toBe(403);
    expect(again.text).toMatch(/<Code>AccessDenied<\/Code>.*used already/s);

    const racePool = await newPool(admin);
    const raced = await createJob(admin, racePool);
    // Eight different files (1 to 8 users) at once, each large enough to span several stored pieces.
    const files = Array.from(
      { length: 8 },
      (_, i) => usersCsv(header, i + 1, `race${i}-${"x".repeat(20_000)}`.slice(0, 60)) + "\n".repeat(70_000),
    );
    const answers = await Promise.all(files.map((file) => putCsv(gateway, raced.PreSignedUrl!, file)));
    const winners = answers.flatMap((answer, index) => (answer.status === 200 ? [index] : []));
    expect(winners).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 403)).toHaveLength(7);
    await admin.send(new StartUserImportJobCommand({ UserPoolId: racePool, JobId: raced.JobId! }));
    const done = await waitForJob(admin, racePool, raced.JobId!);
    // The job reads exactly the winner's file, not a mix of pieces.
    expect(done).toMatchObject({ Status: "Succeeded", ImportedUsers: winners[0]! + 1, FailedUsers: 0 });
  });

  it("stops between batches: Stopping, then Stopped with Cognito's message; imported users stay whole", async () => {
    const poolId = await newPool(admin);
    const header = await headerOf(admin, poolId);
    const job = await createJob(admin, poolId);
    expect(
      (await rejectionOf(admin.send(new StopUserImportJobCommand({ UserPoolId: poolId, JobId: job.JobId! })))).name,
    ).toBe("PreconditionNotMetException");
    expect((await putCsv(gateway, job.PreSignedUrl!, usersCsv(header, 40))).status).toBe(200);
    batchDelayMs = 60;
    try {
      await admin.send(new StartUserImportJobCommand({ UserPoolId: poolId, JobId: job.JobId! }));
      expect(
        (await rejectionOf(admin.send(new StartUserImportJobCommand({ UserPoolId: poolId, JobId: job.JobId! })))).name,
      ).toBe("PreconditionNotMetException");
      await waitForJob(admin, poolId, job.JobId!, (current) => (current.ImportedUsers ?? 0) >= 4);
      const stopping = (await admin.send(new StopUserImportJobCommand({ UserPoolId: poolId, JobId: job.JobId! })))
        .UserImportJob!;
      expect(["Stopping", "Stopped"]).toContain(stopping.Status);
    } finally {
      batchDelayMs = 0;
    }
    const stopped = await waitForJob(admin, poolId, job.JobId!);
    expect(stopped.Status).toBe("Stopped");
    expect(stopped.CompletionMessage).toBe("The Import Job was stopped by the developer.");
    expect(stopped.CompletionDate).toBeInstanceOf(Date);
    expect(stopped.ImportedUsers).toBeLessThan(40);
    expect(stopped.ImportedUsers! % 2).toBe(0);
    expect((await countUsers(admin, poolId)).count).toBe(stopped.ImportedUsers);
    // A stopped job stays stopped.
    expect(
      (await rejectionOf(admin.send(new StartUserImportJobCommand({ UserPoolId: poolId, JobId: job.JobId! })))).name,
    ).toBe("PreconditionNotMetException");
  });

  it("a stop sent the moment the job starts, while the runner takes it up, stops it; of 8 parallel stops none fails for the race", async () => {
    // The runner moves a started job Pending → InProgress and takes its lease right after Start
    // answers; a stop reading the job just before must try again, not refuse a job that is running.
    for (let round = 0; round < 4; round++) {
      const poolId = await newPool(admin);
      const header = await headerOf(admin, poolId);
      const job = await createJob(admin, poolId);
      expect((await putCsv(gateway, job.PreSignedUrl!, usersCsv(header, 40))).status).toBe(200);
      batchDelayMs = 30;
      try {
        await admin.send(new StartUserImportJobCommand({ UserPoolId: poolId, JobId: job.JobId! }));
        const stops = await Promise.allSettled(
          Array.from({ length: 8 }, () =>
            admin.send(new StopUserImportJobCommand({ UserPoolId: poolId, JobId: job.JobId! })),
          ),
        );
        const accepted = stops.filter((stop) => stop.status === "fulfilled");
        expect(accepted.length).toBeGreaterThanOrEqual(1);
        // A later stop may find the job Stopping or Stopped already: that refusal names the state it saw.
        for (const stop of stops) {
          if (stop.status === "rejected") {
            expect((stop.reason as Error).name).toBe("PreconditionNotMetException");
            expect((stop.reason as Error).message).toMatch(/ is (Stopping|Stopped); /);
          }
        }
      } finally {
        batchDelayMs = 0;
      }
      const stopped = await waitForJob(admin, poolId, job.JobId!);
      expect(stopped.Status).toBe("Stopped");
      expect((await countUsers(admin, poolId)).count).toBe(stopped.ImportedUsers);
    }
  });

  it("refuses UpdateUserPool, AddCustomAttributes and DeleteUserPool while a job is active, on the wire and in GraphQL", async () => {
    const poolId = await newPool(admin);
    const header = await headerOf(admin, poolId);
    const job = await createJob(admin, poolId);
    await putCsv(gateway, job.PreSignedUrl!, usersCsv(header, 40));
    batchDelayMs = 200;
    try {
      await admin.send(new StartUserImportJobCommand({ UserPoolId: poolId, JobId: job.JobId! }));
      const customAttributes = [{ Name: "plan", AttributeDataType: "String" as const }];
      for (const send of [
        () => admin.send(new UpdateUserPoolCommand({ UserPoolId: poolId, AutoVerifiedAttributes: ["email"] })),
        () => admin.send(new AddCustomAttributesCommand({ UserPoolId: poolId, CustomAttributes: customAttributes })),
        () => admin.send(new DeleteUserPoolCommand({ UserPoolId: poolId })),
      ]) {
        const error = await rejectionOf(send());
        expect(error.name).toBe("UserImportInProgressException");
        expect(error.message).toMatch(/has an import job in progress/);
      }
      const gqlCustom = [{ name: "plan", attributeDataType: "String" as const }];
      expect(
        errorCodes(
          await gateway.gql(UpdateUserPoolDocument, { userPoolId: poolId, input: { deletionProtection: "INACTIVE" } }),
        ),
      ).toEqual(["UserImportInProgressException"]);
      expect(
        errorCodes(await gateway.gql(AddCustomAttributesDocument, { userPoolId: poolId, customAttributes: gqlCustom })),
      ).toEqual(["UserImportInProgressException"]);
      expect(errorCodes(await gateway.gql(DeleteUserPoolDocument, { userPoolId: poolId }))).toEqual([
        "UserImportInProgressException",
      ]);
      await admin.send(new StopUserImportJobCommand({ UserPoolId: poolId, JobId: job.JobId! }));
    } finally {
      batchDelayMs = 0;
    }
    // Once the job has ended (and recorded its end), the pool can go.
    expect((await waitForJob(admin, poolId, job.JobId!)).Status).toBe("Stopped");
    await admin.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
  });

  it("runs one job per pool at a time", async () => {
    const poolId = await newPool(admin);
    const header = await headerOf(admin, poolId);
    const first = await createJob(admin, poolId);
    const second = await createJob(admin, poolId);
    await putCsv(gateway, first.PreSignedUrl!, usersCsv(header, 20));
    await putCsv(gateway, second.PreSignedUrl!, usersCsv(header, 2));
    batchDelayMs = 40;
    try {
      await admin.send(new StartUserImportJobCommand({ UserPoolId: poolId, JobId: first.JobId! }));
      const refused = await rejectionOf(
        admin.send(new StartUserImportJobCommand({ UserPoolId: poolId, JobId: second.JobId! })),
      );
      expect(refused.name).toBe("PreconditionNotMetException");
      expect(refused.message).toMatch(/one runs at a time/);
    } finally {
      batchDelayMs = 0;
    }
    await waitForJob(admin, poolId, first.JobId!);
    await admin.send(new StartUserImportJobCommand({ UserPoolId: poolId, JobId: second.JobId! }));
    expect((await waitForJob(admin, poolId, second.JobId!)).Status).toBe("Succeeded");
  });

  it("a trusted caller holding the file (the CLI) imports it in its own process with the same rules, progress after each batch", async () => {
    const poolId = await newPool(admin);
    const header = await headerOf(admin, poolId);
    const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
    const runner = createUserImportRunner({
      db: gateway.app.db,
      clock: systemClock,
      logger: silent,
      options: { batchSize: 4 },
    });
    const imports = createUserImportService({
      db: gateway.app.db,
      clock: systemClock,
      logger: silent,
      authenticator: createMessageAuthenticator(randomBytes(32), "user-import-upload"),
      publicUrl: "http://cli.invalid",
      runner: { wake: () => undefined },
    });
    const csv = new TextEncoder().encode(
      usersCsv(header, 10) +
        csvOf(header, [{ "cognito:username": "no email", "cognito:mfa_enabled": "false" }])
          .split("\n")
          .slice(1)
          .join("\n"),
    );
    // The file arrives in pieces, as a read stream gives it.
    async function* pieces() {
      for (let i = 0; i < csv.length; i += 100) yield csv.subarray(i, i + 100);
    }
    const started = await imports.importFromStream(
      { keyId: "cli", poolScope: null },
      { userPoolId: poolId, jobName: "cli import", body: pieces() },
    );
    expect(started).toMatchObject({ status: "Pending", upload: { users: 11 } });
    const seen: number[] = [];
    const done = await runner.runJob(started.jobId, (job) => seen.push(job.rowsDone));
    expect(done).toMatchObject({ status: "Succeeded", importedUsers: 10, failedUsers: 1, rowsDone: 11 });
    expect(seen.filter((rows) => rows > 0).at(-1)).toBe(11);
    expect((await countUsers(admin, poolId)).count).toBe(10);
  });

  it("refuses files above the size and user quotas, and pools above the job quota", async () => {
    await withGateway(
      backend,
      { userImport: { limits: { maxFileBytes: 4000, maxUsersPerFile: 3, maxJobsPerPool: 2 } } },
      async (small, smallAdmin) => {
        const poolId = await newPool(smallAdmin);
        const header = await headerOf(smallAdmin, poolId);
        const tooBig = await createJob(smallAdmin, poolId);
        const big = await putCsv(small, tooBig.PreSignedUrl!, usersCsv(header, 3) + " ".repeat(4000));
        expect(big.status, big.text).toBe(400);
        expect(big.text).toMatch(/<Code>EntityTooLarge<\/Code>/);
        const tooMany = await createJob(smallAdmin, poolId);
        const many = await putCsv(small, tooMany.PreSignedUrl!, usersCsv(header, 4));
        expect(many.status, many.text).toBe(400);
        expect(many.text).toMatch(/more than 3 users/);
        // A refused upload leaves the URL usable for a file within the quotas.
        expect((await putCsv(small, tooMany.PreSignedUrl!, usersCsv(header, 3))).status).toBe(200);
        const third = await rejectionOf(
          smallAdmin.send(
            new CreateUserImportJobCommand({ UserPoolId: poolId, JobName: "third", CloudWatchLogsRoleArn: ROLE_ARN }),
          ),
        );
        expect(third.name).toBe("LimitExceededException");
      },
    );
  });

  it("the URL expires after 15 minutes, and a job not started within 24 hours expires", async () => {
    // GraphQL with the bearer key here: the AWS SDK signs with the real time, which this gateway's clock leaves behind.
    const clock = createManualClock();
    // Its runner, a day ahead, may touch only this test's pool: other tests' live jobs share the database.
    const onlyPools = new Set<string>();
    const timed = await getTestApp(backend, {
      overrides: { clock, userImport: { clock, pollIntervalMs: 50, onlyPools } },
    });
    try {
      const poolId = expectData(
        await timed.gql(CreateUserPoolDocument, {
          input: { name: uniqueName("timed"), autoVerifiedAttributes: ["email"] },
        }),
      ).createUserPool.id;
      onlyPools.add(poolId);
      const header = expectData(await timed.gql(CsvHeaderDocument, { userPoolId: poolId })).csvHeader;
      const create = async () =>
        expectData(
          await timed.gql(CreateUserImportJobDocument, {
            userPoolId: poolId,
            input: { jobName: "timed", cloudWatchLogsRoleArn: ROLE_ARN },
          }),
        ).createUserImportJob;
      const late = await create();
      clock.advanceSeconds(15 * 60 + 1);
      const answer = await putCsv(timed, late.preSignedUrl, usersCsv(header, 1));
      expect(answer.status).toBe(403);
      expect(answer.text).toMatch(/<Message>Request has expired<\/Message>/);

      const unstarted = await create();
      expect((await putCsv(timed, unstarted.preSignedUrl, usersCsv(header, 1))).status).toBe(200);
      clock.advanceSeconds(24 * 3600 + 1);
      const refused = await timed.gql(StartUserImportJobDocument, { userPoolId: poolId, jobId: unstarted.jobId });
      expect(refused.errors?.[0]?.extensions?.code).toBe("PreconditionNotMetException");
      expect(refused.errors?.[0]?.message).toMatch(/expired/i);
      const deadline = Date.now() + 10_000;
      let status = "";
      while (status !== "Expired" && Date.now() < deadline) {
        status = expectData(await timed.gql(UserImportJobDocument, { userPoolId: poolId, jobId: unstarted.jobId }))
          .userImportJob.status;
        await sleep(25);
      }
      expect(status).toBe("Expired");
    } finally {
      await timed.close();
    }
  });
});

describe.each(BACKENDS)("user import job across a gateway restart on $name", (backend) => {
  it("a job interrupted by a shutdown resumes on the next start from its last committed batch: every user once, none half-written", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "gw-import-restart-"));
    const env = { SECRETS_KEY: randomBytes(32).toString("base64") };
    const total = 30;
    let poolId = "";
    let jobId = "";
    try {
      // Batches slow down once 6 users are in, so the look below finds the job mid-way however busy the machine.
      const first = await getTestApp(backend, {
        dataDir,
        env,
        overrides: { userImport: { batchSize: 3, beforeBatch: ({ rowsDone }) => sleep(rowsDone >= 6 ? 500 : 40) } },
      });
      const firstAdmin = cognitoClient(first, await createAwsCredentials(first));
      poolId = await newPool(firstAdmin);
      const header = await headerOf(firstAdmin, poolId);
      const job = await createJob(firstAdmin, poolId);
      jobId = job.JobId!;
      expect((await putCsv(first, job.PreSignedUrl!, usersCsv(header, total))).status).toBe(200);
      await firstAdmin.send(new StartUserImportJobCommand({ UserPoolId: poolId, JobId: jobId }));
      const before = await waitForJob(firstAdmin, poolId, jobId, (current) => (current.ImportedUsers ?? 0) >= 6);
      // Mid-way: the batch in flight commits, the job is given back.
      await first.close();
      expect(before.ImportedUsers).toBeLessThan(total - 3);

      const second = await getTestApp(backend, {
        dataDir,
        env,
        overrides: { userImport: { batchSize: 3, beforeBatch: () => sleep(40) } },
      });
      try {
        const secondAdmin = cognitoClient(second, await createAwsCredentials(second));
        const done = await waitForJob(secondAdmin, poolId, jobId);
        expect(done).toMatchObject({ Status: "Succeeded", ImportedUsers: total, SkippedUsers: 0, FailedUsers: 0 });
        const { count, usernames } = await countUsers(secondAdmin, poolId);
        expect(count).toBe(total);
        expect(new Set(usernames).size).toBe(total);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe.each(BACKENDS)("user import job across a gateway crash on $name", (backend) => {
  beforeAll(() => compileGateway(), 300_000);

  it("a gateway SIGKILLed inside a batch keeps the job until its lease lapses; then another gateway resumes it: every user once, none half-written", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "gw-import-crash-"));
    // One database for both: on the embedded backend the same SQLite file, opened by two processes.
    const env = { SECRETS_KEY: randomBytes(32).toString("base64"), DATA_DIR: dataDir };
    const leaseSeconds = 8;
    const batchSize = 4;
    let child: ChildGateway | null = null;
    let survivor: TestApp | null = null;
    try {
      // The gateway that dies: it commits three batches (rows 1–12), then hangs inside the fourth's
      // transaction with its users written, and is killed there.
      child = await startChildGateway(backend, env, {
        userImport: {
          batchSize,
          leaseSeconds,
          pollIntervalMs: 3_600_000,
          batchDelayMs: 20,
          hangInsideBatchFromRow: 12,
        },
      });
      // The SDK and the upload helpers use only the gateway's baseUrl and its admin key's gql.
      const childAdmin = cognitoClient(
        child as unknown as TestApp,
        await createAwsCredentials(child as unknown as TestApp),
      );
      const poolId = await newPool(childAdmin);
      const header = await headerOf(childAdmin, poolId);
      const prefix = uniqueName("crash");
      const user = (i: number) => ({
        "cognito:username": `${prefix}-${i}`,
        email: `${prefix}-${i}@example.com`,
        email_verified: "true",
        given_name: `Given ${i}`,
        "cognito:mfa_enabled": "false",
      });
      const rows = [
        ...Array.from({ length: 5 }, (_, i) => user(i)),
        // Line 7: no verified way to reach the user: FAILED (committed by the dead gateway).
        { "cognito:username": `${prefix}-noemail`, "cognito:mfa_enabled": "false" },
        ...Array.from({ length: 14 }, (_, i) => user(i + 5)),
        // Line 22: the same user again: SKIPPED (its first row was committed by the dead gateway).
        user(3),
        ...Array.from({ length: 7 }, (_, i) => user(i + 19)),
        // Line 30: FAILED (not a boolean).
        { ...user(99), email_verified: "maybe" },
        user(26),
      ];
      const expected = Array.from({ length: 27 }, (_, i) => `${prefix}-${i}`);
      const job = await createJob(childAdmin, poolId);
      expect((await putCsv(child as unknown as TestApp, job.PreSignedUrl!, csvOf(header, rows))).status).toBe(200);
      await childAdmin.send(new StartUserImportJobCommand({ UserPoolId: poolId, JobId: job.JobId! }));
      const hanging = await child.waitForLine(/^hanging (\S+) (\d+) (\d+)$/);
      expect(hanging.slice(1)).toEqual([job.JobId!, "12", String(batchSize)]);
      expect((await child.kill("SIGKILL")).signal).toBe("SIGKILL");

      // The second gateway looks for unclaimed work every 50 ms and records every batch of this job it begins.
      const batches: { atMs: number; rowsDone: number }[] = [];
      survivor = await getTestApp(backend, {
        dataDir,
        env: { SECRETS_KEY: env.SECRETS_KEY },
        overrides: {
          userImport: {
            batchSize,
            pollIntervalMs: 50,
            // Polling this often it would take up other tests' started jobs in the shared database.
            onlyPools: new Set([poolId]),
            beforeBatch: async ({ jobId, rowsDone }) => {
              if (jobId === job.JobId) batches.push({ atMs: Date.now(), rowsDone });
            },
          },
        },
      });
      const admin = cognitoClient(survivor, await createAwsCredentials(survivor));
      const stored = async () =>
        (await survivor!.app.db.read((repositories) => repositories.userImports.findById(job.JobId!)))!;
      const atCrash = await stored();
      // The dead process still holds the job: three batches committed, the fourth's users gone with it.
      expect(atCrash).toMatchObject({
        status: "InProgress",
        rowsDone: 12,
        importedUsers: 11,
        failedUsers: 1,
        skippedUsers: 0,
      });
      expect(atCrash.leaseOwner).toMatch(/^runner-/);
      const leaseEndsMs = atCrash.leaseExpiresAt!.getTime();
      expect(
        leaseEndsMs - Date.now(),
        "the test needs the lease to outlive the second gateway's start",
      ).toBeGreaterThan(1_000);
      const half = await countUsers(admin, poolId);
      expect(half.usernames.sort()).toEqual(expected.slice(0, 11).sort());

      // Until the lease lapses the second gateway, polling all along, must not touch the job.
      // A read that returns after the lease lapsed proves nothing (on a busy machine one can take
      // hundreds of ms, and the survivor may rightly claim the job meanwhile), so only earlier ones count.
      let lookedBeforeLapse = 0;
      while (Date.now() < leaseEndsMs - 250) {
        const seen = await stored();
        if (Date.now() < leaseEndsMs) {
          expect(seen).toMatchObject({ rowsDone: 12, importedUsers: 11, leaseOwner: atCrash.leaseOwner });
          lookedBeforeLapse++;
        }
        expect(batches.filter((batch) => batch.atMs < leaseEndsMs)).toEqual([]);
        await sleep(100);
      }
      expect(lookedBeforeLapse).toBeGreaterThan(1);
      expect((await countUsers(admin, poolId)).count).toBe(11);

      const done = await waitForJob(admin, poolId, job.JobId!);
      expect(done).toMatchObject({ Status: "Succeeded", ImportedUsers: 27, SkippedUsers: 1, FailedUsers: 2 });
      expect(done.ImportedUsers! + done.SkippedUsers! + done.FailedUsers!).toBe(rows.length);
      // It took over after the lease, from the last committed row: nothing ran twice.
      expect(batches[0]!.rowsDone).toBe(12);
      expect(batches[0]!.atMs).toBeGreaterThanOrEqual(leaseEndsMs);
      const finished = await stored();
      expect(finished).toMatchObject({ rowsDone: rows.length, leaseOwner: null });
      expect(finished.rowErrors.map((error) => [error.lineNumber, error.outcome])).toEqual([
        [7, "FAILED"],
        [22, "SKIPPED"],
        [30, "FAILED"],
      ]);

      const listed: UserType[] = [];
      let token: string | undefined;
      do {
        const page = await admin.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 60, PaginationToken: token }));
        listed.push(...page.Users!);
        token = page.PaginationToken;
      } while (token);
      expect(listed.map((entry) => entry.Username).sort()).toEqual([...expected].sort());
      for (const entry of listed) {
        const i = Number(entry.Username!.slice(prefix.length + 1));
        const attributes = Object.fromEntries(entry.Attributes!.map((attribute) => [attribute.Name, attribute.Value]));
        expect(entry.UserStatus).toBe("RESET_REQUIRED");
        expect(attributes).toMatchObject({
          email: `${prefix}-${i}@example.com`,
          email_verified: "true",
          given_name: `Given ${i}`,
        });
      }
    } finally {
      await child?.kill("SIGKILL");
      await survivor?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
