import {
  AdminGetUserCommand,
  ConfirmForgotPasswordCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserImportJobCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  ListUserImportJobsCommand,
  ListUsersCommand,
  AdminCreateUserCommand,
  GetCSVHeaderCommand,
  SetUserPoolMfaConfigCommand,
  StopUserImportJobCommand,
  StartUserImportJobCommand,
  type CognitoIdentityProviderClient,
  type CreateUserPoolCommandInput,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cognitoClient, createAwsCredentials } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import {
  CreateUserImportJobDocument,
  CsvHeaderDocument,
  StartUserImportJobDocument,
  UserImportJobDocument,
  UserImportJobsDocument,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import { listEvents } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { createJob, csvOf, headerOf, importCsv, putCsv, ROLE_ARN, waitForJob } from "../support/user-import.js";

/** Resolves to what the promise rejected with; fails the test when it resolved. */
async function rejectionOf(promise: Promise<unknown>): Promise<Error & { name: string }> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error as Error,
  );
  if (!outcome) throw new Error("expected a rejection");
  return outcome;
}

describe.each(BACKENDS)("user import jobs on $name", (backend) => {
  let gateway: TestApp;
  let admin: CognitoIdentityProviderClient;
  let publicClient: CognitoIdentityProviderClient;

  beforeAll(async () => {
    // Batches of two: a handful of rows already crosses several transactions.
    gateway = await getTestApp(backend, { env: { BCRYPT_COST: "4" }, overrides: { userImport: { batchSize: 2 } } });
    admin = cognitoClient(gateway, await createAwsCredentials(gateway));
    publicClient = cognitoClient(gateway);
  });
  afterAll(async () => {
    await gateway?.close();
  });

  async function createPool(
    input: Partial<CreateUserPoolCommandInput> = {},
  ): Promise<{ poolId: string; clientId: string }> {
    const pool = (
      await admin.send(
        new CreateUserPoolCommand({ PoolName: uniqueName("import"), AutoVerifiedAttributes: ["email"], ...input }),
      )
    ).UserPool!;
    const client = (
      await admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId: pool.Id!,
          ClientName: "app",
          ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
          PreventUserExistenceErrors: "LEGACY",
        }),
      )
    ).UserPoolClient!;
    return { poolId: pool.Id!, clientId: client.ClientId! };
  }

  it("GetCSVHeader lists the schema in Cognito's order, custom attributes last", async () => {
    const { poolId } = await createPool({ Schema: [{ Name: "plan", AttributeDataType: "String", Mutable: true }] });
    expect(await headerOf(admin, poolId)).toEqual([
      "name",
      "given_name",
      "family_name",
      "middle_name",
      "nickname",
      "preferred_username",
      "profile",
      "picture",
      "website",
      "email",
      "email_verified",
      "gender",
      "birthdate",
      "zoneinfo",
      "locale",
      "phone_number",
      "phone_number_verified",
      "address",
      "updated_at",
      "cognito:mfa_enabled",
      "cognito:username",
      "custom:plan",
    ]);
  });

  it("imports a CSV uploaded with a PUT to the pre-signed URL; users are RESET_REQUIRED and reset their password to sign in", async () => {
    const { poolId, clientId } = await createPool({
      Schema: [{ Name: "plan", AttributeDataType: "String", Mutable: true }],
    });
    const header = await headerOf(admin, poolId);
    const created = await createJob(admin, poolId, "first-import");
    expect(created).toMatchObject({
      JobName: "first-import",
      UserPoolId: poolId,
      Status: "Created",
      CloudWatchLogsRoleArn: ROLE_ARN,
      ImportedUsers: 0,
      SkippedUsers: 0,
      FailedUsers: 0,
    });
    expect(created.JobId).toMatch(/^import-[0-9a-zA-Z]+$/);
    expect(created.PreSignedUrl).toMatch(new RegExp(`/import-jobs/${created.JobId}/upload\\?expires=\\d+&signature=`));
    expect(created.CreationDate).toBeInstanceOf(Date);

    const alice = uniqueName("alice");
    const rows = [
      {
        "cognito:username": alice,
        email: `${alice}@example.com`,
        email_verified: "TRUE",
        given_name: "Alice",
        address: "1 Main St, Springfield",
        birthdate: "02/01/1985",
        updated_at: "1471453471",
        "cognito:mfa_enabled": "FALSE",
        "custom:plan": "gold",
      },
      {
        "cognito:username": uniqueName("bob"),
        email: `${uniqueName("bob")}@example.com`,
        email_verified: "true",
        "cognito:mfa_enabled": "false",
      },
      {
        "cognito:username": uniqueName("carol"),
        email: `${uniqueName("carol")}@example.com`,
        email_verified: "True",
        "cognito:mfa_enabled": "False",
      },
    ];
    const uploaded = await putCsv(gateway, created.PreSignedUrl!, csvOf(header, rows));
    expect(uploaded.status, uploaded.text).toBe(200);

    const { UserImportJob: started } = await admin.send(
      new StartUserImportJobCommand({ UserPoolId: poolId, JobId: created.JobId! }),
    );
    expect(started).toMatchObject({ Status: "Pending", JobId: created.JobId });
    expect(started!.StartDate).toBeInstanceOf(Date);
    const done = await waitForJob(admin, poolId, created.JobId!);
    expect(done).toMatchObject({ Status: "Succeeded", ImportedUsers: 3, SkippedUsers: 0, FailedUsers: 0 });
    expect(done.CompletionDate).toBeInstanceOf(Date);
    expect(done.CompletionMessage).toMatch(/^Import Job Completed Successfully\./);

    const user = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: alice }));
    expect(user.UserStatus).toBe("RESET_REQUIRED");
    const attributes = Object.fromEntries(user.UserAttributes!.map((attribute) => [attribute.Name, attribute.Value]));
    expect(attributes).toMatchObject({
      email: `${alice}@example.com`,
      email_verified: "true",
      given_name: "Alice",
      address: "1 Main St, Springfield",
      birthdate: "1985-02-01",
      updated_at: "1471453471",
      "custom:plan": "gold",
    });
    expect(attributes.sub).toMatch(/^[0-9a-f-]{36}$/);
    const listed = await admin.send(
      new ListUsersCommand({ UserPoolId: poolId, Filter: `email = "${alice}@example.com"` }),
    );
    expect(listed.Users!.map((entry) => entry.Username)).toEqual([alice]);

    // No password yet: whatever is typed, Cognito says a reset is required (the client shows existence errors).
    const signIn = () =>
      publicClient.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: "USER_PASSWORD_AUTH",
          AuthParameters: { USERNAME: alice, PASSWORD: GOOD_PASSWORD },
        }),
      );
    expect((await rejectionOf(signIn())).name).toBe("PasswordResetRequiredException");
    await publicClient.send(new ForgotPasswordCommand({ ClientId: clientId, Username: alice }));
    const { code } = await latestMessage(gateway, poolId, `${alice}@example.com`);
    await publicClient.send(
      new ConfirmForgotPasswordCommand({
        ClientId: clientId,
        Username: alice,
        ConfirmationCode: code!,
        Password: GOOD_PASSWORD,
      }),
    );
    const tokens = await signIn();
    expect(tokens.AuthenticationResult?.AccessToken).toBeTruthy();
    expect((await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: alice }))).UserStatus).toBe(
      "CONFIRMED",
    );

    const types = (await listEvents(gateway, poolId)).map((event) => event.type);
    expect(types).toEqual(
      expect.arrayContaining([
        "USER_IMPORT_JOB_CREATED",
        "USER_IMPORT_FILE_UPLOADED",
        "USER_IMPORT_JOB_STARTED",
        "USER_IMPORT_JOB_FINISHED",
      ]),
    );
    const listedJobs = await admin.send(new ListUserImportJobsCommand({ UserPoolId: poolId, MaxResults: 10 }));
    expect(listedJobs.UserImportJobs!.map((job) => job.JobId)).toEqual([created.JobId]);
    expect(
      (await admin.send(new DescribeUserImportJobCommand({ UserPoolId: poolId, JobId: created.JobId! }))).UserImportJob!
        .Status,
    ).toBe("Succeeded");
  });

  it("a hidden-users client answers NotAuthorized for an imported user, as Cognito does", async () => {
    const { poolId } = await createPool();
    const header = await headerOf(admin, poolId);
    const name = uniqueName("hidden");
    await importCsv(
      gateway,
      admin,
      poolId,
      csvOf(header, [
        {
          "cognito:username": name,
          email: `${name}@example.com`,
          email_verified: "true",
          "cognito:mfa_enabled": "false",
        },
      ]),
    );
    const client = (
      await admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: "hiding",
          ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH"],
          PreventUserExistenceErrors: "ENABLED",
        }),
      )
    ).UserPoolClient!;
    const error = await rejectionOf(
      publicClient.send(
        new InitiateAuthCommand({
          ClientId: client.ClientId!,
          AuthFlow: "USER_PASSWORD_AUTH",
          AuthParameters: { USERNAME: name, PASSWORD: GOOD_PASSWORD },
        }),
      ),
    );
    expect(error.name).toBe("NotAuthorizedException");
  });

  it("counts and logs every kind of row error by line number; the job goes on and imports the good rows", async () => {
    const { poolId } = await createPool({
      AliasAttributes: ["email"],
      Schema: [{ Name: "given_name", AttributeDataType: "String", Required: true, Mutable: true }],
    });
    const header = await headerOf(admin, poolId);
    const taken = uniqueName("taken");
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: taken,
        MessageAction: "SUPPRESS",
        UserAttributes: [{ Name: "given_name", Value: "T" }],
      }),
    );
    const holder = uniqueName("holder");
    const heldEmail = `${holder}@example.com`;
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: holder,
        MessageAction: "SUPPRESS",
        UserAttributes: [
          { Name: "given_name", Value: "H" },
          { Name: "email", Value: heldEmail },
          { Name: "email_verified", Value: "true" },
        ],
      }),
    );
    const ok = (name: string, extra: Record<string, string> = {}) => ({
      "cognito:username": name,
      email: `${name}@example.com`,
      email_verified: "true",
      given_name: "G",
      "cognito:mfa_enabled": "false",
      ...extra,
    });
    const good = uniqueName("good");
    const twin = uniqueName("twin");
    const rows: Record<string, string>[] = [
      ok(good), // line 2: imported
      ok(uniqueName("x"), { "cognito:username": "" }), // 3
      ok(uniqueName("x"), { "cognito:username": "two words" }), // 4
      ok(uniqueName("x"), { "cognito:mfa_enabled": "" }), // 5
      ok(uniqueName("x"), { "cognito:mfa_enabled": "TRUE" }), // 6: MFA is off in the pool
      ok(uniqueName("x"), { email_verified: "yes" }), // 7
      ok(uniqueName("x"), { email: "", email_verified: "true" }), // 8
      ok(uniqueName("x"), { email_verified: "false" }), // 9: no auto-verified attribute verified
      ok(uniqueName("x"), { email: "not-an-email" }), // 10
      ok(uniqueName("x"), { given_name: "" }), // 11: required attribute
      ok(taken), // 12: exists already
      ok(twin), // 13: imported
      ok(twin, { email: `${uniqueName("other")}@example.com` }), // 14: the file's own duplicate
      ok(uniqueName("x"), { email: heldEmail }), // 15: another user's verified alias
      ok(uniqueName("x"), { birthdate: "1985/02/01" }), // 16
    ];
    const csv = csvOf(header, rows) + "short,row\n"; // 17: wrong number of values
    const job = await importCsv(gateway, admin, poolId, csv);
    expect(job).toMatchObject({ Status: "Succeeded", ImportedUsers: 2, SkippedUsers: 2, FailedUsers: 12 });
    const details = expectData(
      await gateway.gql(UserImportJobDocument, { userPoolId: poolId, jobId: job.JobId! }),
    ).userImportJob;
    expect(details.rowsDone).toBe(16);
    expect(details.totalUsers).toBe(16);
    expect(details.rowErrors.map((error) => [error.lineNumber, error.outcome])).toEqual([
      [3, "FAILED"],
      [4, "FAILED"],
      [5, "FAILED"],
      [6, "FAILED"],
      [7, "FAILED"],
      [8, "FAILED"],
      [9, "FAILED"],
      [10, "FAILED"],
      [11, "FAILED"],
      [12, "SKIPPED"],
      [14, "SKIPPED"],
      [15, "FAILED"],
      [16, "FAILED"],
      [17, "FAILED"],
    ]);
    const messageAt = (line: number) => details.rowErrors.find((error) => error.lineNumber === line)!.message;
    expect(messageAt(3)).toMatch(/cognito:username is required/);
    expect(messageAt(6)).toMatch(/MFA is off/);
    expect(messageAt(9)).toBe(
      "The User Record does not set any of the auto verified attributes to true. (Example: email_verified to true).",
    );
    expect(messageAt(11)).toMatch(/given_name is required/);
    expect(messageAt(12)).toBe("The user already exists.");
    expect(messageAt(15)).toMatch(/already exists/);
    expect(messageAt(17)).toMatch(/2 values; the header has 21 columns/);
    // The log names lines, never the rows' data.
    expect(JSON.stringify(details.rowErrors)).not.toContain("not-an-email");
    expect(job.CompletionMessage).toContain("[FAILED] Line Number 3 - cognito:username is required.");
    expect((await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: twin }))).UserStatus).toBe(
      "RESET_REQUIRED",
    );
    // The skipped user is untouched.
    expect((await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: taken }))).UserStatus).toBe(
      "FORCE_CHANGE_PASSWORD",
    );
  });

  it("fails the job when the file cannot be read: a header that is not the pool's, an open quote, an empty file", async () => {
    const { poolId } = await createPool();
    const header = await headerOf(admin, poolId);
    const row = {
      "cognito:username": uniqueName("u"),
      email: `${uniqueName("u")}@example.com`,
      email_verified: "true",
      "cognito:mfa_enabled": "false",
    };
    const cases: [string, RegExp][] = [
      [
        csvOf(
          header.filter((column) => column !== "nickname"),
          [row],
        ),
        /lacks column\(s\) nickname/,
      ],
      [
        csvOf([...header, "favourite_colour"], [row]),
        /column "favourite_colour", which is not in the user pool's schema/,
      ],
      [csvOf([...header, "email"], [row]), /names column "email" twice/],
      [
        `${header.join(",")}\n"unclosed,${"x,".repeat(header.length - 1)}\n`,
        /Unable to parse the CSV file: Line 2: a quoted value is not closed/,
      ],
      ["", /The CSV file is empty/],
    ];
    for (const [csv, message] of cases) {
      const job = await importCsv(gateway, admin, poolId, csv);
      expect(job.Status, String(message)).toBe("Failed");
      expect(job.CompletionMessage).toMatch(message);
      expect(job.ImportedUsers).toBe(0);
    }
    expect((await admin.send(new ListUsersCommand({ UserPoolId: poolId }))).Users).toEqual([]);
  });

  it("cognito:mfa_enabled turns SMS MFA on for users with a phone number (OPTIONAL pool); without one the row fails", async () => {
    const { poolId } = await createPool({ AutoVerifiedAttributes: ["email", "phone_number"] });
    await admin.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: poolId,
        MfaConfiguration: "OPTIONAL",
        SmsMfaConfiguration: { SmsAuthenticationMessage: "Your code is {####}" },
      }),
    );
    const header = await headerOf(admin, poolId);
    const withPhone = uniqueName("sms");
    const withoutPhone = uniqueName("nosms");
    const plain = uniqueName("plain");
    const job = await importCsv(
      gateway,
      admin,
      poolId,
      csvOf(header, [
        {
          "cognito:username": withPhone,
          phone_number: "+14325551212",
          phone_number_verified: "TRUE",
          "cognito:mfa_enabled": "TRUE",
        },
        {
          "cognito:username": withoutPhone,
          email: `${withoutPhone}@example.com`,
          email_verified: "TRUE",
          "cognito:mfa_enabled": "TRUE",
        },
        {
          "cognito:username": plain,
          email: `${plain}@example.com`,
          email_verified: "TRUE",
          "cognito:mfa_enabled": "FALSE",
        },
      ]),
    );
    expect(job).toMatchObject({ Status: "Succeeded", ImportedUsers: 2, FailedUsers: 1 });
    const sms = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: withPhone }));
    expect(sms.UserMFASettingList).toEqual(["SMS_MFA"]);
    expect(sms.PreferredMfaSetting).toBe("SMS_MFA");
    // The legacy member amazon-cognito-identity-js's getMFAOptions reads: SMS only.
    expect(sms.MFAOptions).toEqual([{ DeliveryMedium: "SMS", AttributeName: "phone_number" }]);
    const withoutMfa = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: plain }));
    expect(withoutMfa.UserMFASettingList ?? []).toEqual([]);
    expect(withoutMfa.MFAOptions).toBeUndefined();
    const details = expectData(
      await gateway.gql(UserImportJobDocument, { userPoolId: poolId, jobId: job.JobId! }),
    ).userImportJob;
    expect(details.rowErrors).toEqual([
      {
        lineNumber: 3,
        outcome: "FAILED",
        message: "cognito:mfa_enabled is TRUE but the user has no phone_number for SMS MFA.",
      },
    ]);
  });

  it("serves the same jobs in GraphQL: csvHeader, create, start, userImportJob, userImportJobs newest first with a cursor", async () => {
    const { poolId } = await createPool();
    const header = expectData(await gateway.gql(CsvHeaderDocument, { userPoolId: poolId })).csvHeader;
    expect(header).toEqual(await headerOf(admin, poolId));
    const first = expectData(
      await gateway.gql(CreateUserImportJobDocument, {
        userPoolId: poolId,
        input: { jobName: "gql one", cloudWatchLogsRoleArn: ROLE_ARN },
      }),
    ).createUserImportJob;
    const second = expectData(
      await gateway.gql(CreateUserImportJobDocument, {
        userPoolId: poolId,
        input: { jobName: "gql two", cloudWatchLogsRoleArn: ROLE_ARN },
      }),
    ).createUserImportJob;
    expect(first).toMatchObject({ status: "Created", totalUsers: null, rowsDone: 0, rowErrors: [], startDate: null });
    const name = uniqueName("gql");
    expect(
      (
        await putCsv(
          gateway,
          second.preSignedUrl,
          csvOf(header, [
            {
              "cognito:username": name,
              email: `${name}@example.com`,
              email_verified: "true",
              "cognito:mfa_enabled": "false",
            },
          ]),
        )
      ).status,
    ).toBe(200);
    const started = expectData(
      await gateway.gql(StartUserImportJobDocument, { userPoolId: poolId, jobId: second.jobId }),
    ).startUserImportJob;
    expect(started).toMatchObject({ status: "Pending", totalUsers: 1 });
    await waitForJob(admin, poolId, second.jobId);
    expect(
      expectData(await gateway.gql(UserImportJobDocument, { userPoolId: poolId, jobId: second.jobId })).userImportJob,
    ).toMatchObject({ status: "Succeeded", importedUsers: 1, rowsDone: 1 });
    const page1 = expectData(
      await gateway.gql(UserImportJobsDocument, { userPoolId: poolId, first: 1 }),
    ).userImportJobs;
    expect(page1.items.map((job) => job.jobId)).toEqual([second.jobId]);
    const page2 = expectData(
      await gateway.gql(UserImportJobsDocument, { userPoolId: poolId, first: 1, after: page1.nextCursor }),
    ).userImportJobs;
    expect(page2.items.map((job) => job.jobId)).toEqual([first.jobId]);
    expect(page2.nextCursor).toBeNull();
    // The wire's pages agree.
    const wire = await admin.send(new ListUserImportJobsCommand({ UserPoolId: poolId, MaxResults: 1 }));
    expect(wire.UserImportJobs!.map((job) => job.JobId)).toEqual([second.jobId]);
    expect(
      (
        await admin.send(
          new ListUserImportJobsCommand({ UserPoolId: poolId, MaxResults: 1, PaginationToken: wire.PaginationToken }),
        )
      ).UserImportJobs!.map((job) => job.JobId),
    ).toEqual([first.jobId]);
  });

  it("a pool-scoped admin key reaches only its pools' jobs", async () => {
    const mine = await createPool();
    const theirs = await createPool();
    const theirJob = await createJob(admin, theirs.poolId);
    const scoped = cognitoClient(gateway, await createAwsCredentials(gateway, [mine.poolId]));
    expect((await createJob(scoped, mine.poolId)).Status).toBe("Created");
    expect((await headerOf(scoped, mine.poolId)).length).toBe(21);
    for (const call of [
      () => headerOf(scoped, theirs.poolId),
      () => createJob(scoped, theirs.poolId),
      () => scoped.send(new DescribeUserImportJobCommand({ UserPoolId: theirs.poolId, JobId: theirJob.JobId! })),
      () => scoped.send(new StartUserImportJobCommand({ UserPoolId: theirs.poolId, JobId: theirJob.JobId! })),
      () => scoped.send(new StopUserImportJobCommand({ UserPoolId: theirs.poolId, JobId: theirJob.JobId! })),
      () => scoped.send(new ListUserImportJobsCommand({ UserPoolId: theirs.poolId, MaxResults: 5 })),
    ]) {
      expect((await rejectionOf(call())).name).toBe("NotAuthorizedException");
    }
    // Another pool's job id in my pool is just unknown.
    expect(
      (
        await rejectionOf(
          scoped.send(new DescribeUserImportJobCommand({ UserPoolId: mine.poolId, JobId: theirJob.JobId! })),
        )
      ).name,
    ).toBe("ResourceNotFoundException");
    // Unsigned calls never reach the service.
    expect((await rejectionOf(publicClient.send(new GetCSVHeaderCommand({ UserPoolId: mine.poolId })))).name).not.toBe(
      "ResourceNotFoundException",
    );
  });
});
