import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  AdminCreateUserCommand,
  CreateUserPoolCommand,
  ListUserImportJobsCommand,
  ListUsersCommand,
  StartUserImportJobCommand,
  type CognitoIdentityProviderClient,
  type UserType,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cognitoClient, createAwsCredentials } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { cli, envOf, noStackTrace } from "../support/cli-process.js";
import { COMPILED_SHIM, compileGateway } from "../support/compiled-gateway.js";
import { uniqueName } from "../support/directory.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { createJob, csvOf, headerOf, putCsv, waitForJob } from "../support/user-import.js";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

beforeAll(() => compileGateway(), 300_000);

interface JobJson {
  jobId: string;
  userPoolId: string;
  status: string;
  totalUsers: number;
  rowsDone: number;
  importedUsers: number;
  skippedUsers: number;
  failedUsers: number;
  completionMessage: string | null;
  rowErrors: { lineNumber: number; outcome: string; message: string }[];
}

async function listAllUsers(admin: CognitoIdentityProviderClient, poolId: string): Promise<UserType[]> {
  const users: UserType[] = [];
  let token: string | undefined;
  do {
    const page = await admin.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 60, PaginationToken: token }));
    users.push(...page.Users!);
    token = page.PaginationToken;
  } while (token);
  return users;
}

describe.each(BACKENDS)("identity-gateway user-import on $name", (backend) => {
  let gateway: TestApp;
  let admin: CognitoIdentityProviderClient;
  const work = mkdtempSync(path.join(tmpdir(), "gw-cli-import-"));
  /** Slows the gateway's own runner, so the CLI can act on a job it runs. */
  let gatewayBatchDelayMs = 0;

  beforeAll(async () => {
    gateway = await getTestApp(backend, {
      // No polling: the gateway runs only the jobs started through it, never one the CLI is about to run.
      overrides: {
        userImport: { batchSize: 2, pollIntervalMs: 3_600_000, beforeBatch: () => sleep(gatewayBatchDelayMs) },
      },
    });
    admin = cognitoClient(gateway, await createAwsCredentials(gateway));
  });
  afterAll(async () => {
    await gateway?.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function newPool(): Promise<{ poolId: string; header: string[] }> {
    const poolId = (
      await admin.send(
        new CreateUserPoolCommand({ PoolName: uniqueName("cli-import"), AutoVerifiedAttributes: ["email"] }),
      )
    ).UserPool!.Id!;
    return { poolId, header: await headerOf(admin, poolId) };
  }

  const row = (name: string, extra: Record<string, string> = {}) => ({
    "cognito:username": name,
    email: `${name}@example.com`,
    email_verified: "true",
    given_name: `Given ${name}`,
    "cognito:mfa_enabled": "false",
    ...extra,
  });

  function writeCsv(name: string, text: string): string {
    const file = path.join(work, name);
    writeFileSync(file, text);
    return file;
  }

  it("csv-header prints GetCSVHeader's columns as one CSV line", async () => {
    const { poolId, header } = await newPool();
    const run = await cli(["user-import", "csv-header", poolId], envOf(gateway));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${header.join(",")}\n`);
  }, 180_000);

  it("run imports a file through a job: users RESET_REQUIRED with their attributes, a summary of imported/skipped/failed, exit 0 when no row failed", async () => {
    const { poolId, header } = await newPool();
    const prefix = uniqueName("ok");
    const names = Array.from({ length: 12 }, (_, i) => `${prefix}-${i}`);
    // One user is there already: its row is SKIPPED, which is no failure.
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: names[0]!,
        MessageAction: "SUPPRESS",
        UserAttributes: [{ Name: "email", Value: `${names[0]}@example.com` }],
      }),
    );
    const file = writeCsv(
      "ok.csv",
      csvOf(
        header,
        names.map((name) => row(name)),
      ),
    );
    const run = await cli(["user-import", "run", poolId, file, "--job-name", "from the cli"], envOf(gateway));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^Import job import-\S+ Succeeded: 11 imported, 1 skipped, 0 failed \(12 of 12 rows\)\.\n {2}line 2: SKIPPED The user already exists\.\n$/,
    );
    // Not a terminal: plain progress lines on stderr, the last at 100 %.
    expect(run.stderr).toMatch(/Import job import-\S+ started: 12 users/);
    expect(run.stderr).toMatch(/import 100% 12\/12 rows/);
    noStackTrace(run);

    const users = await listAllUsers(admin, poolId);
    expect(users.map((user) => user.Username).sort()).toEqual([...names].sort());
    for (const user of users.filter((entry) => entry.Username !== names[0])) {
      const attributes = Object.fromEntries(user.Attributes!.map((attribute) => [attribute.Name, attribute.Value]));
      expect(user.UserStatus).toBe("RESET_REQUIRED");
      expect(attributes).toMatchObject({
        email: `${user.Username}@example.com`,
        email_verified: "true",
        given_name: `Given ${user.Username}`,
      });
    }
    // The same job the API shows, named as asked, with the counters.
    const jobs = (await admin.send(new ListUserImportJobsCommand({ UserPoolId: poolId, MaxResults: 10 })))
      .UserImportJobs!;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      JobName: "from the cli",
      Status: "Succeeded",
      ImportedUsers: 11,
      SkippedUsers: 1,
      FailedUsers: 0,
    });

    const described = JSON.parse(
      (await cli(["user-import", "describe", poolId, jobs[0]!.JobId!, "--json"], envOf(gateway))).stdout,
    ) as JobJson;
    expect(described).toMatchObject({
      jobId: jobs[0]!.JobId,
      status: "Succeeded",
      totalUsers: 12,
      rowsDone: 12,
      importedUsers: 11,
      skippedUsers: 1,
    });
    const listed = await cli(["user-import", "list", poolId], envOf(gateway));
    expect(listed.stdout).toContain(`${jobs[0]!.JobId}  Succeeded`);
  }, 180_000);

  it("run exits 1 when rows failed, listing them by line; --json prints the finished job", async () => {
    const { poolId, header } = await newPool();
    const prefix = uniqueName("bad");
    const rows = [
      row(`${prefix}-0`),
      { "cognito:username": `${prefix}-noemail`, "cognito:mfa_enabled": "false" },
      row(`${prefix}-1`),
      row(`${prefix}-2`, { email_verified: "maybe" }),
    ];
    const file = writeCsv("failing.csv", csvOf(header, rows));
    const run = await cli(["user-import", "run", poolId, file, "--json"], envOf(gateway));
    expect(run.code).toBe(1);
    const job = JSON.parse(run.stdout) as JobJson;
    expect(job).toMatchObject({ status: "Succeeded", importedUsers: 2, skippedUsers: 0, failedUsers: 2, rowsDone: 4 });
    expect(job.importedUsers + job.skippedUsers + job.failedUsers).toBe(rows.length);
    expect(job.rowErrors.map((error) => [error.lineNumber, error.outcome])).toEqual([
      [3, "FAILED"],
      [5, "FAILED"],
    ]);
    const text = await cli(["user-import", "describe", poolId, job.jobId], envOf(gateway));
    expect(text.stdout).toMatch(
      /line 3: FAILED The User Record does not set any of the auto verified attributes to true/,
    );
    expect(text.stdout).toMatch(/line 5: FAILED email_verified must be TRUE or FALSE/);
  }, 180_000);

  it("refuses a missing pool, a header that is not the pool's, a missing or empty file: one clear line, exit 1, no job made", async () => {
    const { poolId, header } = await newPool();
    const good = writeCsv("good.csv", csvOf(header, [row(uniqueName("x"))]));
    const missingPool = await cli(["user-import", "run", "local_doesNotExist", good], envOf(gateway));
    expect(missingPool.code).toBe(1);
    expect(missingPool.stderr).toMatch(/^ResourceNotFoundException: .*local_doesNotExist/m);
    noStackTrace(missingPool);

    const wrongHeader = writeCsv(
      "wrong-header.csv",
      csvOf(["cognito:username", "email", "favourite_colour"], [{ "cognito:username": "a", email: "a@example.com" }]),
    );
    const refused = await cli(["user-import", "run", poolId, wrongHeader], envOf(gateway));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^InvalidParameterException: The CSV header has column "favourite_colour", which is not in the user pool's schema/m,
    );
    noStackTrace(refused);
    const lacking = writeCsv(
      "lacking.csv",
      csvOf(
        header.filter((column) => column !== "cognito:mfa_enabled"),
        [{ "cognito:username": "a" }],
      ),
    );
    expect((await cli(["user-import", "run", poolId, lacking], envOf(gateway))).stderr).toMatch(
      /lacks column\(s\) cognito:mfa_enabled/,
    );

    const empty = writeCsv("empty.csv", "");
    expect((await cli(["user-import", "run", poolId, empty], envOf(gateway))).stderr).toMatch(/empty\.csv is empty/);
    const nowhere = await cli(["user-import", "run", poolId, path.join(work, "nowhere.csv")], envOf(gateway));
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toMatch(/^No CSV file at .*nowhere\.csv/);
    expect(
      (await admin.send(new ListUserImportJobsCommand({ UserPoolId: poolId, MaxResults: 10 }))).UserImportJobs,
    ).toEqual([]);
  }, 180_000);

  it("start runs a job uploaded to its PreSignedUrl; stop stops a job a gateway runs", async () => {
    const { poolId, header } = await newPool();
    const uploaded = await createJob(admin, poolId);
    expect(
      (await putCsv(gateway, uploaded.PreSignedUrl!, csvOf(header, [row(uniqueName("s")), row(uniqueName("s"))])))
        .status,
    ).toBe(200);
    const started = await cli(["user-import", "start", poolId, uploaded.JobId!], envOf(gateway));
    expect(started.code, started.stderr).toBe(0);
    expect(started.stdout).toMatch(/Succeeded: 2 imported, 0 skipped, 0 failed \(2 of 2 rows\)/);

    const slow = await createJob(admin, poolId);
    expect(
      (
        await putCsv(
          gateway,
          slow.PreSignedUrl!,
          csvOf(
            header,
            Array.from({ length: 40 }, () => row(uniqueName("slow"))),
          ),
        )
      ).status,
    ).toBe(200);
    // Twenty batches a second apart: time enough for a CLI process to start on a loaded machine.
    gatewayBatchDelayMs = 1_000;
    try {
      await admin.send(new StartUserImportJobCommand({ UserPoolId: poolId, JobId: slow.JobId! }));
      await waitForJob(admin, poolId, slow.JobId!, (job) => (job.ImportedUsers ?? 0) >= 2);
      const stopped = await cli(["user-import", "stop", poolId, slow.JobId!], envOf(gateway));
      expect(stopped.code, stopped.stderr).toBe(0);
      expect(stopped.stdout).toMatch(/is Stopping \(it stops after the batch in flight\)/);
    } finally {
      gatewayBatchDelayMs = 0;
    }
    expect((await waitForJob(admin, poolId, slow.JobId!)).Status).toBe("Stopped");
    const again = await cli(["user-import", "stop", poolId, slow.JobId!], envOf(gateway));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^PreconditionNotMetException: /);
  }, 180_000);

  it("Ctrl-C stops the job after the batch in flight: imported users stay, exit 1", async () => {
    const { poolId, header } = await newPool();
    const prefix = uniqueName("int");
    const file = writeCsv(
      "large.csv",
      csvOf(
        header,
        Array.from({ length: 20_000 }, (_, i) => row(`${prefix}-${i}`)),
      ),
    );
    let interrupted = false;
    const run = await cli(["user-import", "run", poolId, file], envOf(gateway), {
      onStderr: (text, signal) => {
        if (!interrupted && /Import job \S+ started/.test(text)) {
          interrupted = true;
          signal("SIGINT");
        }
      },
    });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).toMatch(/Stopping import job import-\S+ after the batch in flight/);
    const summary = /Import job (\S+) Stopped: (\d+) imported, 0 skipped, 0 failed/.exec(run.stdout);
    expect(summary, run.stdout + run.stderr).not.toBeNull();
    expect(run.stdout).toContain("The Import Job was stopped by the developer.");
    const imported = Number(summary![2]);
    expect(imported).toBeLessThan(20_000);
    expect(imported % 500).toBe(0);
    expect((await listAllUsers(admin, poolId)).length).toBe(imported);
  }, 180_000);

  it("on a terminal, progress is a bar redrawn in place", async () => {
    const { poolId, header } = await newPool();
    const file = writeCsv(
      "tty.csv",
      csvOf(
        header,
        Array.from({ length: 30 }, () => row(uniqueName("tty"))),
      ),
    );
    // script(1) gives the CLI a pseudo-terminal; its output (stdout and stderr) is the terminal's.
    const command = [process.execPath, COMPILED_SHIM, "user-import", "run", poolId, file]
      .map((word) => `'${word}'`)
      .join(" ");
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn("script", ["-qefc", command, "/dev/null"], {
        env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", TERM: "xterm", ...envOf(gateway) },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let text = "";
      child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
      child.once("error", reject);
      child.once("close", (code) => (code === 0 ? resolve(text) : reject(new Error(`exit ${code}: ${text}`))));
    });
    expect(output).toMatch(/\r\x1b\[2Kimport \[#{30}\] 100% 30\/30 rows/);
    expect(output).toMatch(/Succeeded: 30 imported, 0 skipped, 0 failed/);
  }, 180_000);
});
