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
  StartUserImportJobCommand,
  type CognitoIdentityProviderClient,
  type CreateUserPoolCommandInput,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cognitoClient, createAwsCredentials } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
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

  async function createPool(input: Partial<CreateUserPoolCommandInput> = {}): Promise<{ poolId: string; clientId: string }> {
    const pool = (await admin.send(new CreateUserPoolCommand({ PoolName: uniqueName("import"), AutoVerifiedAttributes: ["email"], ...input }))).UserPool!;
    const client = (await admin.send(new CreateUserPoolClientCommand({ UserPoolId: pool.Id!, ClientName: "app", ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"], PreventUserExistenceErrors: "LEGACY" }))).UserPoolClient!;
    return { poolId: pool.Id!, clientId: client.ClientId! };
  }

  it("GetCSVHeader lists the schema in Cognito's order, custom attributes last", async () => {
    const { poolId } = await createPool({ Schema: [{ Name: "plan", AttributeDataType: "String", Mutable: true }] });
    expect(await headerOf(admin, poolId)).toEqual([
      "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile", "picture", "website", "email", "email_verified", "gender",
      "birthdate", "zoneinfo", "locale", "phone_number", "phone_number_verified", "address", "updated_at", "cognito:mfa_enabled", "cognito:username", "custom:plan",
    ]);
  });

  it("imports a CSV uploaded with a PUT to the pre-signed URL; users are RESET_REQUIRED and reset their password to sign in", async () => {
    const { poolId, clientId } = await createPool({ Schema: [{ Name: "plan", AttributeDataType: "String", Mutable: true }] });
    const header = await headerOf(admin, poolId);
    const created = await createJob(admin, poolId, "first-import");
    expect(created).toMatchObject({ JobName: "first-import", UserPoolId: poolId, Status: "Created", CloudWatchLogsRoleArn: ROLE_ARN, ImportedUsers: 0, SkippedUsers: 0, FailedUsers: 0 });
    expect(created.JobId).toMatch(/^import-[0-9a-zA-Z]+$/);
    expect(created.PreSignedUrl).toMatch(new RegExp(`/import-jobs/${created.JobId}/upload\\?expires=\\d+&signature=`));
    expect(created.CreationDate).toBeInstanceOf(Date);

    const alice = uniqueName("alice");
    const rows = [
      { "cognito:username": alice, email: `${alice}@example.com`, email_verified: "TRUE", given_name: "Alice", address: "1 Main St, Springfield", birthdate: "02/01/1985", updated_at: "1471453471", "cognito:mfa_enabled": "FALSE", "custom:plan": "gold" },
      { "cognito:username": uniqueName("bob"), email: `${uniqueName("bob")}@example.com`, email_verified: "true", "cognito:mfa_enabled": "false" },
      { "cognito:username": uniqueName("carol"), email: `${uniqueName("carol")}@example.com`, email_verified: "True", "cognito:mfa_enabled": "False" },
    ];
    const uploaded = await putCsv(gateway, created.PreSignedUrl!, csvOf(header, rows));
    expect(uploaded.status, uploaded.text).toBe(200);

    const { UserImportJob: started } = await admin.send(new StartUserImportJobCommand({ UserPoolId: poolId, JobId: created.JobId! }));
    expect(started).toMatchObject({ Status: "Pending", JobId: created.JobId });
    expect(started!.StartDate).toBeInstanceOf(Date);
    const done = await waitForJob(admin, poolId, created.JobId!);
    expect(done).toMatchObject({ Status: "Succeeded", ImportedUsers: 3, SkippedUsers: 0, FailedUsers: 0 });
    expect(done.CompletionDate).toBeInstanceOf(Date);
    expect(done.CompletionMessage).toMatch(/^Import Job Completed Successfully\./);

    const user = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: alice }));
    expect(user.UserStatus).toBe("RESET_REQUIRED");
    const attributes = Object.fromEntries(user.UserAttributes!.map((attribute) => [attribute.Name, attribute.Value]));
    expect(attributes).toMatchObject({ email: `${alice}@example.com`, email_verified: "true", given_name: "Alice", address: "1 Main St, Springfield", birthdate: "1985-02-01", updated_at: "1471453471", "custom:plan": "gold" });
    expect(attributes.sub).toMatch(/^[0-9a-f-]{36}$/);
    const listed = await admin.send(new ListUsersCommand({ UserPoolId: poolId, Filter: `email = "${alice}@example.com"` }));
    expect(listed.Users!.map((entry) => entry.Username)).toEqual([alice]);

    // No password yet: whatever is typed, Cognito says a reset is required (the client shows existence errors).
    const signIn = () => publicClient.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: alice, PASSWORD: GOOD_PASSWORD } }));
    expect((await rejectionOf(signIn())).name).toBe("PasswordResetRequiredException");
    await publicClient.send(new ForgotPasswordCommand({ ClientId: clientId, Username: alice }));
    const { code } = await latestMessage(gateway, poolId, `${alice}@example.com`);
    await publicClient.send(new ConfirmForgotPasswordCommand({ ClientId: clientId, Username: alice, ConfirmationCode: code!, Password: GOOD_PASSWORD }));
    const tokens = await signIn();
    expect(tokens.AuthenticationResult?.AccessToken).toBeTruthy();
    expect((await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: alice }))).UserStatus).toBe("CONFIRMED");

    const types = (await listEvents(gateway, poolId)).map((event) => event.type);
    expect(types).toEqual(expect.arrayContaining(["USER_IMPORT_JOB_CREATED", "USER_IMPORT_FILE_UPLOADED", "USER_IMPORT_JOB_STARTED", "USER_IMPORT_JOB_FINISHED"]));
    const listedJobs = await admin.send(new ListUserImportJobsCommand({ UserPoolId: poolId, MaxResults: 10 }));
    expect(listedJobs.UserImportJobs!.map((job) => job.JobId)).toEqual([created.JobId]);
    expect((await admin.send(new DescribeUserImportJobCommand({ UserPoolId: poolId, JobId: created.JobId! }))).UserImportJob!.Status).toBe("Succeeded");
  });

  it("a hidden-users client answers NotAuthorized for an imported user, as Cognito does", async () => {
    const { poolId } = await createPool();
    const header = await headerOf(admin, poolId);
    const name = uniqueName("hidden");
    await importCsv(gateway, admin, poolId, csvOf(header, [{ "cognito:username": name, email: `${name}@example.com`, email_verified: "true", "cognito:mfa_enabled": "false" }]));
    const client = (await admin.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "hiding", ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH"], PreventUserExistenceErrors: "ENABLED" }))).UserPoolClient!;
    const error = await rejectionOf(publicClient.send(new InitiateAuthCommand({ ClientId: client.ClientId!, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: name, PASSWORD: GOOD_PASSWORD } })));
    expect(error.name).toBe("NotAuthorizedException");
  });
});
