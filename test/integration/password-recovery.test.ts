import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/lib/clock.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import {
  ConfirmForgotPasswordDocument,
  ConfirmSignUpDocument,
  ForgotPasswordDocument,
  ListEventsDocument,
  ResendConfirmationCodeDocument,
  SignUpDocument,
  type CreateUserPoolInput,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/** bcrypt ignores bytes after 72: these two differ only at byte 73. */
const PREFIX_72 = `Aa1!${"a".repeat(68)}`;
const LONG_PASSWORD_X = `${PREFIX_72}X`;
const LONG_PASSWORD_Y = `${PREFIX_72}Y`;

describe.each(BACKENDS)("password recovery on $name", (backend) => {
  const clock = createManualClock(new Date("2026-11-26T10:00:00Z"));
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { overrides: { clock } });
  });
  afterAll(async () => gateway?.close());

  const forgot = (clientId: string, username: string) =>
    gateway.gql(ForgotPasswordDocument, { input: { clientId, username } }, null);
  const confirmForgot = (clientId: string, username: string, confirmationCode: string, password: string) =>
    gateway.gql(ConfirmForgotPasswordDocument, { input: { clientId, username, confirmationCode, password } }, null);

  /** A confirmed user with a verified email (the precondition for self-service recovery). */
  async function verifiedUser(
    poolInput: Partial<CreateUserPoolInput> = {},
    clientInput = {},
    password = GOOD_PASSWORD,
  ) {
    const { poolId, clientId } = await createPoolWithClient(
      gateway,
      { autoVerifiedAttributes: ["email"], ...poolInput },
      clientInput,
    );
    const username = uniqueName("r");
    const email = `${username}@example.com`;
    expectData(
      await gateway.gql(
        SignUpDocument,
        { input: { clientId, username, password, userAttributes: [{ name: "email", value: email }] } },
        null,
      ),
    );
    const code = (await latestMessage(gateway, poolId, email)).code!;
    expectData(
      await gateway.gql(ConfirmSignUpDocument, { input: { clientId, username, confirmationCode: code } }, null),
    );
    return { poolId, clientId, username, email };
  }

  it("sends a reset code to the verified email and sets the new password with it, once", async () => {
    const { poolId, clientId, username, email } = await verifiedUser();
    const details = expectData(await forgot(clientId, username)).forgotPassword;
    expect(details).toEqual({ destination: `${email[0]}***@e***`, deliveryMedium: "EMAIL", attributeName: "email" });
    const message = await latestMessage(gateway, poolId, email);
    expect(message.purpose).toBe("FORGOT_PASSWORD");
    expect(errorCodes(await confirmForgot(clientId, username, message.code!, "weak"))).toEqual([
      "InvalidPasswordException",
    ]);
    expectData(await confirmForgot(clientId, username, message.code!, "N3w-Password!"));
    // A used code answers as a code never sent would: this client hides user existence (ExpiredCode only for LEGACY).
    expect(errorCodes(await confirmForgot(clientId, username, message.code!, "An0ther-Password!"))).toEqual([
      "CodeMismatchException",
    ]);
    const events = expectData(await gateway.gql(ListEventsDocument, { userPoolId: poolId })).events.items;
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining(["PASSWORD_RESET_REQUESTED", "PASSWORD_CHANGED"]),
    );
    expect(JSON.stringify(events)).not.toContain("N3w-Password!");
    expect(JSON.stringify(events)).not.toContain(message.code!);
  });

  it("accepts the user's email alias in place of the username", async () => {
    const { poolId, clientId, email } = await verifiedUser({ aliasAttributes: ["email"] });
    expectData(await forgot(clientId, email.toUpperCase()));
    const code = (await latestMessage(gateway, poolId, email)).code!;
    expectData(await confirmForgot(clientId, email, code, "N3w-Password!"));
  });

  it("expires reset codes after one hour", async () => {
    const { poolId, clientId, username, email } = await verifiedUser();
    expectData(await forgot(clientId, username));
    const code = (await latestMessage(gateway, poolId, email)).code!;
    clock.advanceSeconds(3601);
    // CodeMismatch, as for an unknown name, since this client hides user existence (ExpiredCode only for LEGACY).
    expect(errorCodes(await confirmForgot(clientId, username, code, "N3w-Password!"))).toEqual([
      "CodeMismatchException",
    ]);
  });

  it("refuses a password from the history, and never confuses passwords that differ after byte 72", async () => {
    const { poolId, clientId, username, email } = await verifiedUser(
      { passwordPolicy: { passwordHistorySize: 2 } },
      {},
      LONG_PASSWORD_X,
    );
    expectData(await forgot(clientId, username));
    let code = (await latestMessage(gateway, poolId, email)).code!;
    // If the hash kept only 72 bytes, Y would look like the current password X and be refused.
    expectData(await confirmForgot(clientId, username, code, LONG_PASSWORD_Y));
    expectData(await forgot(clientId, username));
    code = (await latestMessage(gateway, poolId, email)).code!;
    const reuse = await confirmForgot(clientId, username, code, LONG_PASSWORD_X);
    expect(errorCodes(reuse)).toEqual(["PasswordHistoryPolicyViolationException"]);
    // The refused attempt did not use up the code.
    expectData(await confirmForgot(clientId, username, code, "Fresh-Passw0rd!"));
  });

  it("limits reset requests to 5 an hour", async () => {
    const { clientId, username } = await verifiedUser();
    for (let attempt = 0; attempt < 5; attempt++) expectData(await forgot(clientId, username));
    expect(errorCodes(await forgot(clientId, username))).toEqual(["LimitExceededException"]);
  });

  it("says why a user cannot recover on their own", async () => {
    const adminOnly = await verifiedUser(
      { accountRecoverySetting: [{ name: "admin_only", priority: 1 }] },
      { preventUserExistenceErrors: "LEGACY" },
    );
    expect(errorCodes(await forgot(adminOnly.clientId, adminOnly.username))).toEqual(["NotAuthorizedException"]);
    const { clientId } = await createPoolWithClient(gateway, {}, { preventUserExistenceErrors: "LEGACY" });
    const unverified = uniqueName("nv");
    expectData(
      await gateway.gql(
        SignUpDocument,
        {
          input: {
            clientId,
            username: unverified,
            password: GOOD_PASSWORD,
            userAttributes: [{ name: "email", value: `${unverified}@example.com` }],
          },
        },
        null,
      ),
    );
    expect(errorCodes(await forgot(clientId, unverified))).toEqual(["InvalidParameterException"]);
    expect(errorCodes(await forgot(clientId, uniqueName("ghost")))).toEqual(["UserNotFoundException"]);
    expect(errorCodes(await confirmForgot(clientId, uniqueName("ghost"), "123456", GOOD_PASSWORD))).toEqual([
      "UserNotFoundException",
    ]);
  });
});

describe.each(BACKENDS)("enumeration-safe answers on $name", (backend) => {
  const MINIMUM_MS = 300;
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: { ENUMERATION_SAFE_MS: String(MINIMUM_MS) } });
  });
  afterAll(async () => gateway?.close());

  async function timed<T>(call: () => Promise<T>): Promise<{ result: T; ms: number }> {
    const started = performance.now();
    const result = await call();
    return { result, ms: performance.now() - started };
  }

  it("answers unknown and real users alike, in the same time band, when the client hides user existence", async () => {
    const { poolId, clientId } = await createPoolWithClient(gateway, { autoVerifiedAttributes: ["email"] });
    const username = uniqueName("real");
    const email = `${username}@example.com`;
    expectData(
      await gateway.gql(
        SignUpDocument,
        { input: { clientId, username, password: GOOD_PASSWORD, userAttributes: [{ name: "email", value: email }] } },
        null,
      ),
    );
    const code = (await latestMessage(gateway, poolId, email)).code!;
    expectData(
      await gateway.gql(ConfirmSignUpDocument, { input: { clientId, username, confirmationCode: code } }, null),
    );

    const real = await timed(() => gateway.gql(ForgotPasswordDocument, { input: { clientId, username } }, null));
    const ghost = await timed(() =>
      gateway.gql(ForgotPasswordDocument, { input: { clientId, username: uniqueName("ghost") } }, null),
    );
    expect(real.result.errors).toBeUndefined();
    expect(ghost.result.errors).toBeUndefined();
    expect(ghost.result.data?.forgotPassword).toMatchObject({ deliveryMedium: "EMAIL", attributeName: "email" });
    expect(ghost.result.data?.forgotPassword.destination).toMatch(/^\w\*\*\*@\w\*\*\*$/);
    for (const { ms } of [real, ghost]) expect(ms).toBeGreaterThanOrEqual(MINIMUM_MS - 5);
    expect(Math.abs(real.ms - ghost.ms)).toBeLessThan(250);

    const ghostResend = await gateway.gql(
      ResendConfirmationCodeDocument,
      { input: { clientId, username: uniqueName("ghost") } },
      null,
    );
    expect(ghostResend.errors).toBeUndefined();
    expect(
      errorCodes(
        await gateway.gql(
          ConfirmForgotPasswordDocument,
          { input: { clientId, username: uniqueName("ghost"), confirmationCode: "123456", password: GOOD_PASSWORD } },
          null,
        ),
      ),
    ).toEqual(["CodeMismatchException"]);
    expect(
      errorCodes(
        await gateway.gql(
          ConfirmSignUpDocument,
          { input: { clientId, username: uniqueName("ghost"), confirmationCode: "123456" } },
          null,
        ),
      ),
    ).toEqual(["CodeMismatchException"]);
    // Sign-up still reports a taken username, as Cognito does.
    expect(
      errorCodes(
        await gateway.gql(
          SignUpDocument,
          { input: { clientId, username, password: GOOD_PASSWORD, userAttributes: [{ name: "email", value: email }] } },
          null,
        ),
      ),
    ).toEqual(["UsernameExistsException"]);
  });
});
