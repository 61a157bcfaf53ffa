import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  ResendConfirmationCodeCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/lib/clock.js";
import { cognitoClient } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import {
  AdminDisableUserDocument,
  ConfirmForgotPasswordDocument,
  ConfirmSignUpDocument,
  ForgotPasswordDocument,
  ResendConfirmationCodeDocument,
  SignUpDocument,
  type CreateUserPoolClientInput,
  type CreateUserPoolInput,
} from "../support/generated/graphql.js";
import { expectData, type GraphqlResult } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/** What a caller sees of an answer: the delivery details, or the error's code and message. */
type Answer =
  | { destination: string; deliveryMedium: string; attributeName: string }
  | { error: string | undefined; message: string }
  | true;

const EMAIL_MASK = /^[a-z0-9]\*\*\*@[a-z0-9]\*\*\*$/;
const PHONE_MASK = /^\+\*{5,}\d{4}$/;
const WRONG_CODE = "000000";
const HIDES_USERS: Partial<CreateUserPoolClientInput> = { preventUserExistenceErrors: "ENABLED" };

function answerOf(result: GraphqlResult<Record<string, unknown>>): Answer {
  const error = result.errors?.[0];
  if (error) return { error: error.extensions?.code, message: error.message };
  const value = Object.values(result.data ?? {})[0];
  return value === true ? true : (value as Answer);
}

/** The same answer shape from the AWS SDK over the Cognito wire protocol. */
async function wireAnswer(
  call: () => Promise<
    object & { CodeDeliveryDetails?: { Destination?: string; DeliveryMedium?: string; AttributeName?: string } }
  >,
): Promise<Answer> {
  try {
    const output: { CodeDeliveryDetails?: { Destination?: string; DeliveryMedium?: string; AttributeName?: string } } =
      await call();
    const details = output.CodeDeliveryDetails;
    return details
      ? {
          destination: details.Destination!,
          deliveryMedium: details.DeliveryMedium!,
          attributeName: details.AttributeName!,
        }
      : true;
  } catch (error) {
    const { name, message } = error as Error;
    return { error: name, message };
  }
}

describe.each(BACKENDS)("existence oracles with preventUserExistenceErrors ENABLED on $name", (backend) => {
  const clock = createManualClock(new Date("2026-11-26T10:00:00Z"));
  const dataDir = mkdtempSync(path.join(tmpdir(), "gw-oracles-"));
  let gateway: TestApp;
  /** The same data under another SECRETS_KEY (getTestApp draws a new key for each app). */
  let otherKeyGateway: TestApp;
  let wire: CognitoIdentityProviderClient;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { overrides: { clock }, dataDir });
    otherKeyGateway = await getTestApp(backend, { dataDir });
    wire = cognitoClient(gateway);
  });
  afterAll(async () => {
    wire?.destroy();
    await otherKeyGateway?.close();
    await gateway?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const forgot = (clientId: string, username: string, app = gateway) =>
    app.gql(ForgotPasswordDocument, { input: { clientId, username } }, null).then(answerOf);
  const resend = (clientId: string, username: string) =>
    gateway.gql(ResendConfirmationCodeDocument, { input: { clientId, username } }, null).then(answerOf);
  const confirmForgot = (clientId: string, username: string, confirmationCode: string, password = "N3w-Password!") =>
    gateway
      .gql(ConfirmForgotPasswordDocument, { input: { clientId, username, confirmationCode, password } }, null)
      .then(answerOf);

  /** A user signed up with an email (and a phone if given); confirmed, which verifies the pool's sign-up channel, unless told not to. */
  async function user(
    poolId: string,
    clientId: string,
    options: { phone?: string; confirm?: boolean; password?: string } = {},
  ) {
    const username = uniqueName("u");
    const email = `${username}@example.com`;
    const userAttributes = [
      { name: "email", value: email },
      ...(options.phone ? [{ name: "phone_number", value: options.phone }] : []),
    ];
    const signedUp = expectData(
      await gateway.gql(
        SignUpDocument,
        { input: { clientId, username, password: options.password ?? GOOD_PASSWORD, userAttributes } },
        null,
      ),
    ).signUp;
    if (options.confirm !== false && signedUp.codeDeliveryDetails) {
      const code = (
        await latestMessage(
          gateway,
          poolId,
          options.phone && signedUp.codeDeliveryDetails.deliveryMedium === "SMS" ? options.phone : email,
        )
      ).code!;
      expectData(
        await gateway.gql(ConfirmSignUpDocument, { input: { clientId, username, confirmationCode: code } }, null),
      );
    }
    return { username, email };
  }

  async function pool(poolInput: Partial<CreateUserPoolInput>, clientInput = HIDES_USERS) {
    return createPoolWithClient(gateway, poolInput, clientInput);
  }

  describe("a) simulated delivery destinations", () => {
    it("are keyed by the server's secret, stable, and shaped like real users' email destinations", async () => {
      const { poolId, clientId } = await pool({ autoVerifiedAttributes: ["email"] });
      const real = await user(poolId, clientId);
      const realAnswer = await forgot(clientId, real.username);
      expect(realAnswer).toMatchObject({
        deliveryMedium: "EMAIL",
        attributeName: "email",
        destination: expect.stringMatching(EMAIL_MASK),
      });

      const ghosts = Array.from({ length: 8 }, () => uniqueName("ghost"));
      const first = await Promise.all(ghosts.map((name) => forgot(clientId, name)));
      for (const answer of first)
        expect(answer).toMatchObject({
          deliveryMedium: "EMAIL",
          attributeName: "email",
          destination: expect.stringMatching(EMAIL_MASK),
        });
      // Stable: the same on repeat, over the Cognito protocol, in another case, and for a resend.
      expect(await Promise.all(ghosts.map((name) => forgot(clientId, name)))).toEqual(first);
      expect(
        await Promise.all(
          ghosts.map((name) =>
            wireAnswer(() => wire.send(new ForgotPasswordCommand({ ClientId: clientId, Username: name }))),
          ),
        ),
      ).toEqual(first);
      expect(await Promise.all(ghosts.map((name) => forgot(clientId, name.toUpperCase())))).toEqual(first);
      expect(await Promise.all(ghosts.map((name) => resend(clientId, name)))).toEqual(first);
      // Not derivable from the name: the same pool and names under another key answer otherwise.
      expect(await Promise.all(ghosts.map((name) => forgot(clientId, name, otherKeyGateway)))).not.toEqual(first);
    });

    it("go by SMS, masked like real phone numbers, where a real user would get an SMS", async () => {
      const { poolId, clientId } = await pool({
        autoVerifiedAttributes: ["phone_number"],
        accountRecoverySetting: [{ name: "verified_phone_number", priority: 1 }],
      });
      const real = await user(poolId, clientId, {
        phone: `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`,
      });
      expect(await forgot(clientId, real.username)).toMatchObject({
        deliveryMedium: "SMS",
        attributeName: "phone_number",
        destination: expect.stringMatching(PHONE_MASK),
      });

      const ghosts = Array.from({ length: 8 }, () => uniqueName("ghost"));
      const first = await Promise.all(ghosts.map((name) => forgot(clientId, name)));
      for (const answer of first)
        expect(answer).toMatchObject({
          deliveryMedium: "SMS",
          attributeName: "phone_number",
          destination: expect.stringMatching(PHONE_MASK),
        });
      expect(
        await Promise.all(
          ghosts.map((name) =>
            wireAnswer(() => wire.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: name }))),
          ),
        ),
      ).toEqual(first);
      expect(await Promise.all(ghosts.map((name) => forgot(clientId, name, otherKeyGateway)))).not.toEqual(first);
    });
  });

  describe("b) confirmForgotPassword without a pending reset", () => {
    it("answers a real user as an unknown name: CodeMismatchException, also once the code has expired", async () => {
      const { poolId, clientId } = await pool({ autoVerifiedAttributes: ["email"] });
      const real = await user(poolId, clientId);
      const ghostAnswer = await confirmForgot(clientId, uniqueName("ghost"), WRONG_CODE);
      expect(ghostAnswer).toEqual({
        error: "CodeMismatchException",
        message: "Invalid verification code provided, please try again.",
      });
      expect(await confirmForgot(clientId, real.username, WRONG_CODE)).toEqual(ghostAnswer);
      expect(
        await wireAnswer(() =>
          wire.send(
            new ConfirmForgotPasswordCommand({
              ClientId: clientId,
              Username: real.username,
              ConfirmationCode: WRONG_CODE,
              Password: "N3w-Password!",
            }),
          ),
        ),
      ).toEqual({ error: "CodeMismatchException", message: "Invalid verification code provided, please try again." });

      await forgot(clientId, real.username);
      const code = (await latestMessage(gateway, poolId, real.email)).code!;
      clock.advanceSeconds(3601);
      expect(await confirmForgot(clientId, real.username, code)).toEqual(ghostAnswer);
    });

    it("keeps ExpiredCodeException for LEGACY clients", async () => {
      const { poolId, clientId } = await pool(
        { autoVerifiedAttributes: ["email"] },
        { preventUserExistenceErrors: "LEGACY" },
      );
      const real = await user(poolId, clientId);
      expect(await confirmForgot(clientId, real.username, WRONG_CODE)).toMatchObject({ error: "ExpiredCodeException" });
      expect(await confirmForgot(clientId, uniqueName("ghost"), WRONG_CODE)).toMatchObject({
        error: "UserNotFoundException",
      });
    });
  });

  describe("c) hourly per-user limits", () => {
    it("count an unknown name as they count a user, whatever its case", async () => {
      const { clientId } = await pool({ autoVerifiedAttributes: ["email"] });
      const ghost = uniqueName("ghost");
      for (let attempt = 0; attempt < 5; attempt++)
        expect(await forgot(clientId, attempt % 2 ? ghost.toUpperCase() : ghost)).toHaveProperty("destination");
      expect(
        await wireAnswer(() => wire.send(new ForgotPasswordCommand({ ClientId: clientId, Username: ghost }))),
      ).toEqual({ error: "LimitExceededException", message: "Attempt limit exceeded, please try after some time." });

      const other = uniqueName("ghost");
      for (let attempt = 0; attempt < 5; attempt++) expect(await resend(clientId, other)).toHaveProperty("destination");
      expect(await resend(clientId, other)).toMatchObject({ error: "LimitExceededException" });

      const third = uniqueName("ghost");
      for (let attempt = 0; attempt < 10; attempt++)
        expect(await confirmForgot(clientId, third, WRONG_CODE)).toMatchObject({ error: "CodeMismatchException" });
      expect(await confirmForgot(clientId, third, WRONG_CODE)).toMatchObject({ error: "LimitExceededException" });
    });
  });

  describe("d) every other path answers a real user as an unknown name", () => {
    it("refuses everyone alike in an admin-only recovery pool", async () => {
      const { poolId, clientId } = await pool({
        autoVerifiedAttributes: ["email"],
        accountRecoverySetting: [{ name: "admin_only", priority: 1 }],
      });
      const real = await user(poolId, clientId);
      const realAnswer = await forgot(clientId, real.username);
      expect(realAnswer).toMatchObject({ error: "NotAuthorizedException" });
      expect(await forgot(clientId, uniqueName("ghost"))).toEqual(realAnswer);
    });

    it("answers resendConfirmationCode for a confirmed user with delivery details, and refuses every name in a pool that sends no codes", async () => {
      const { poolId, clientId } = await pool({ autoVerifiedAttributes: ["email"] });
      const confirmed = await user(poolId, clientId);
      expect(await resend(clientId, confirmed.username)).toEqual({
        destination: `${confirmed.email[0]}***@e***`,
        deliveryMedium: "EMAIL",
        attributeName: "email",
      });

      const silent = await pool({ autoVerifiedAttributes: [] });
      const unconfirmed = await user(silent.poolId, silent.clientId, { confirm: false });
      const realAnswer = await resend(silent.clientId, unconfirmed.username);
      expect(realAnswer).toMatchObject({ error: "InvalidParameterException" });
      expect(await resend(silent.clientId, uniqueName("ghost"))).toEqual(realAnswer);
    });

    it("gives unconfirmed and disabled users one destination across forgotPassword and resend, as an unknown name gets", async () => {
      const { poolId, clientId } = await pool({ autoVerifiedAttributes: ["email"] });
      const unconfirmed = await user(poolId, clientId, { confirm: false });
      const expected = {
        destination: `${unconfirmed.email[0]}***@e***`,
        deliveryMedium: "EMAIL",
        attributeName: "email",
      };
      expect(await forgot(clientId, unconfirmed.username)).toEqual(expected);
      expect(await resend(clientId, unconfirmed.username)).toEqual(expected);
      const disabled = await user(poolId, clientId);
      expectData(await gateway.gql(AdminDisableUserDocument, { userPoolId: poolId, username: disabled.username }));
      expect(await forgot(clientId, disabled.username)).toEqual({
        ...expected,
        destination: `${disabled.email[0]}***@e***`,
      });
      expect(await resend(clientId, disabled.username)).toEqual({
        ...expected,
        destination: `${disabled.email[0]}***@e***`,
      });
      const ghost = uniqueName("ghost");
      expect(await forgot(clientId, ghost)).toEqual(await resend(clientId, ghost));
    });

    it("answers confirmSignUp for an unknown name as for an unconfirmed user, serially and in parallel", async () => {
      const { poolId, clientId } = await pool({ autoVerifiedAttributes: ["email"] });
      const confirm = (username: string) =>
        gateway
          .gql(ConfirmSignUpDocument, { input: { clientId, username, confirmationCode: WRONG_CODE } }, null)
          .then((result) => (answerOf(result) as { error: string }).error);
      // Serially: five CodeMismatch, TooManyFailedAttempts up to the 15 calls an hour allows, then LimitExceeded.
      const expected = [
        ...Array<string>(5).fill("CodeMismatchException"),
        ...Array<string>(10).fill("TooManyFailedAttemptsException"),
        "LimitExceededException",
        "LimitExceededException",
      ];
      for (const name of [(await user(poolId, clientId, { confirm: false })).username, uniqueName("ghost")]) {
        const answers: string[] = [];
        for (let call = 0; call < 17; call++) answers.push(await confirm(name));
        expect(answers).toEqual(expected);
      }
      // In parallel: the same answers in some order, for a real name and an unknown one alike.
      for (const name of [(await user(poolId, clientId, { confirm: false })).username, uniqueName("ghost")]) {
        const answers = await Promise.all(Array.from({ length: 17 }, () => confirm(name)));
        expect(answers.sort()).toEqual([...expected].sort());
      }
      // A resend starts the guesses again, for a real user's new code and an unknown name's alike.
      for (const name of [(await user(poolId, clientId, { confirm: false })).username, uniqueName("ghost")]) {
        for (let call = 0; call < 6; call++) await confirm(name);
        expect(await resend(clientId, name)).toHaveProperty("destination");
        expect(await confirm(name)).toBe("CodeMismatchException");
      }
    });

    it("wears a simulated reset code out like a real one: five CodeMismatch, then TooManyFailedAttempts", async () => {
      const { poolId, clientId } = await pool({ autoVerifiedAttributes: ["email"] });
      const real = await user(poolId, clientId);
      const disabled = await user(poolId, clientId);
      expectData(await gateway.gql(AdminDisableUserDocument, { userPoolId: poolId, username: disabled.username }));
      const sequences: string[][] = [];
      for (const name of [real.username, disabled.username, uniqueName("ghost")]) {
        expect(await forgot(clientId, name)).toHaveProperty("destination");
        const answers: string[] = [];
        for (let guess = 0; guess < 7; guess++)
          answers.push(((await confirmForgot(clientId, name, WRONG_CODE)) as { error: string }).error);
        sequences.push(answers);
      }
      const expected = [
        ...Array<string>(5).fill("CodeMismatchException"),
        "TooManyFailedAttemptsException",
        "TooManyFailedAttemptsException",
      ];
      expect(sequences).toEqual([expected, expected, expected]);
    });

    it("checks the code before the password history, so a wrong code never hears about past passwords", async () => {
      const { poolId, clientId } = await pool({
        autoVerifiedAttributes: ["email"],
        passwordPolicy: { passwordHistorySize: 2 },
      });
      const real = await user(poolId, clientId);
      expect(await forgot(clientId, real.username)).toHaveProperty("destination");
      const ghost = uniqueName("ghost");
      expect(await confirmForgot(clientId, real.username, WRONG_CODE, GOOD_PASSWORD)).toEqual(
        await confirmForgot(clientId, ghost, WRONG_CODE, GOOD_PASSWORD),
      );
      // With the right code the history still refuses, and the code survives the refusal.
      const code = (await latestMessage(gateway, poolId, real.email)).code!;
      expect(await confirmForgot(clientId, real.username, code, GOOD_PASSWORD)).toMatchObject({
        error: "PasswordHistoryPolicyViolationException",
      });
      expect(await confirmForgot(clientId, real.username, code, "Fresh-Passw0rd!")).toBe(true);
    });
  });
});
