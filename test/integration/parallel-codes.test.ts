import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CodePurpose, Database, Repositories } from "../../src/core/ports.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import {
  AdminGetUserDocument,
  ConfirmForgotPasswordDocument,
  ConfirmSignUpDocument,
  ForgotPasswordDocument,
  SignUpDocument,
  VerifyUserAttributeDocument,
  GetUserAttributeVerificationCodeDocument,
  UpdateUserAttributesDocument,
} from "../support/generated/graphql.js";
import { errorCodes, expectData, wsGraphql, type GraphqlResult } from "../support/graphql-client.js";
import { expectTokens, passwordSignIn, signInEnv } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/**
 * A code survives five wrong guesses (cognito-reference §9.1). Guesses fired at once are counted and
 * compared in one conditional write each, so a burst gets the same five comparisons a patient
 * attacker gets, and the code is worn out for the right guess that comes after.
 */
/** Under the hourly limits of these calls (10 for confirmForgotPassword), with room for the right code after. */
const BURST = 9;
const MISMATCH = "CodeMismatchException";
const WORN_OUT = "TooManyFailedAttemptsException";

const tally = (results: GraphqlResult<unknown>[]) =>
  results.reduce<Record<string, number>>((counts, result) => {
    const key = result.errors?.length ? errorCodes(result)[0]! : "ok";
    return { ...counts, [key]: (counts[key] ?? 0) + 1 };
  }, {});

/** A 6-digit code other than `code`, different for each guess of a burst. */
const wrongGuess = (code: string, index: number) => String((Number(code) + 1 + index) % 1_000_000).padStart(6, "0");

/**
 * Holds a guess between its transactions, to replay deterministically the race a burst runs into: once
 * armed, the first transaction that compares a code (`codes.consume` or `codes.recordFailure`) commits,
 * and then its call waits there until the next comparing transaction — the right code, sent meanwhile —
 * has committed as well. A miss compared there but counted only in a later transaction would leave the
 * right code its try.
 */
function createGuessGate() {
  let armed: {
    compared: number;
    firstCommitted: () => void;
    secondCommitted: Promise<void>;
    release: () => void;
  } | null = null;
  const spied = (repositories: Repositories, onCompare: () => void): Repositories => ({
    ...repositories,
    codes: {
      ...repositories.codes,
      consume: (...args) => (onCompare(), repositories.codes.consume(...args)),
      recordFailure: (...args) => (onCompare(), repositories.codes.recordFailure(...args)),
    },
  });
  return {
    wrapDatabase: (db: Database): Database => ({
      ...db,
      transaction: async (work, options) => {
        const gate = armed;
        if (!gate) return db.transaction(work, options);
        let isComparing = false;
        const result = await db.transaction(
          (repositories) => work(spied(repositories, () => (isComparing = true))),
          options,
        );
        if (!isComparing) return result;
        const order = gate.compared++;
        if (order === 0) {
          gate.firstCommitted();
          // Bounded, so a gateway that never sends a second comparison fails the test instead of hanging it.
          await Promise.race([gate.secondCommitted, new Promise((resolve) => setTimeout(resolve, 5000))]);
        } else if (order === 1) gate.release();
        return result;
      },
    }),
    /** Arms the gate; resolves once the first comparing transaction has committed. */
    arm(): Promise<void> {
      let release = () => {};
      const secondCommitted = new Promise<void>((resolve) => (release = resolve));
      return new Promise<void>((firstCommitted) => {
        armed = { compared: 0, firstCommitted, secondCommitted, release };
      });
    },
    disarm(): void {
      armed?.release();
      armed = null;
    },
  };
}

describe.each(BACKENDS)("parallel code guessing on $name", (backend) => {
  const guessGate = createGuessGate();
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend, {
      env: signInEnv(backend),
      overrides: { wrapDatabase: guessGate.wrapDatabase },
    });
  });
  afterAll(async () => gateway?.close());

  /**
   * Four misses one at a time, then a fifth and the right code: the right one is sent once the fifth
   * has been compared, and answered before the fifth's call is let go. Returns both answers.
   */
  async function rightCodeAfterFifthMiss(guess: (guess: string) => Promise<GraphqlResult<unknown>>, code: string) {
    for (let index = 0; index < 4; index++)
      expect(tally([await guess(wrongGuess(code, 100 + index))])).toEqual({ [MISMATCH]: 1 });
    const fifthCompared = guessGate.arm();
    try {
      const fifth = guess(wrongGuess(code, 0));
      await Promise.race([fifthCompared, fifth]);
      const right = await guess(code);
      return { fifth: tally([await fifth]), right: tally([right]) };
    } finally {
      guessGate.disarm();
    }
  }

  /** Wrong guesses that were compared, as the gateway recorded them. */
  const failuresRecorded = async (userId: string, purpose: CodePurpose) =>
    (await gateway.app.db.read((repositories) => repositories.codes.find(userId, purpose)))?.failedAttempts;

  /** Fires BURST wrong guesses at once, every fourth over graphql-ws, the rest over HTTP. */
  const burst = (call: (guess: string, overSocket: boolean) => Promise<GraphqlResult<unknown>>, code: string) =>
    Promise.all(Array.from({ length: BURST }, (_, index) => call(wrongGuess(code, index), index % 4 === 3)));

  const attributesOf = async (poolId: string, username: string) => {
    const user = expectData(await gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username })).adminGetUser;
    return {
      userStatus: user.userStatus,
      ...Object.fromEntries(user.attributes.map((attribute) => [attribute.name, attribute.value])),
    } as Record<string, string>;
  };

  async function signedUp() {
    const { poolId, clientId } = await createPoolWithClient(
      gateway,
      { autoVerifiedAttributes: ["email"] },
      { explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] },
    );
    const username = uniqueName("codes");
    const email = `${username}@example.com`;
    const { userSub } = expectData(
      await gateway.gql(
        SignUpDocument,
        { input: { clientId, username, password: GOOD_PASSWORD, userAttributes: [{ name: "email", value: email }] } },
        null,
      ),
    ).signUp;
    return { poolId, clientId, username, email, userSub };
  }

  /** Confirms a signed-up user with its code and signs in: the access token. */
  async function confirmAndSignIn(user: Awaited<ReturnType<typeof signedUp>>): Promise<string> {
    const confirmationCode = (await latestMessage(gateway, user.poolId, user.email)).code!;
    expectData(
      await gateway.gql(
        ConfirmSignUpDocument,
        { input: { clientId: user.clientId, username: user.username, confirmationCode } },
        null,
      ),
    );
    return expectTokens(await passwordSignIn(gateway, user.clientId, user.username, GOOD_PASSWORD)).accessToken;
  }

  it("confirmSignUp: a burst of wrong codes is compared five times and wears the code out", async () => {
    const user = await signedUp();
    const { code } = await latestMessage(gateway, user.poolId, user.email);
    const confirm = (guess: string, overSocket = false) => {
      const variables = { input: { clientId: user.clientId, username: user.username, confirmationCode: guess } };
      return overSocket
        ? wsGraphql(gateway.url, ConfirmSignUpDocument, variables).then((result) => ({ ...result, status: 200 }))
        : gateway.gql(ConfirmSignUpDocument, variables, null);
    };
    expect(tally(await burst(confirm, code!))).toEqual({ [MISMATCH]: 5, [WORN_OUT]: BURST - 5 });
    expect(await failuresRecorded(user.userSub, "SIGN_UP")).toBe(5);
    expect(tally([await confirm(code!)])).toEqual({ [WORN_OUT]: 1 });
  });

  it("confirmForgotPassword: a burst of wrong codes is compared five times; the password stays as it was", async () => {
    const user = await signedUp();
    expectData(
      await gateway.gql(
        ConfirmSignUpDocument,
        {
          input: {
            clientId: user.clientId,
            username: user.username,
            confirmationCode: (await latestMessage(gateway, user.poolId, user.email)).code!,
          },
        },
        null,
      ),
    );
    expectData(
      await gateway.gql(ForgotPasswordDocument, { input: { clientId: user.clientId, username: user.username } }, null),
    );
    const { code } = await latestMessage(gateway, user.poolId, user.email);
    const reset = (guess: string, overSocket = false) => {
      const variables = {
        input: { clientId: user.clientId, username: user.username, confirmationCode: guess, password: "N3w-Password!" },
      };
      return overSocket
        ? wsGraphql(gateway.url, ConfirmForgotPasswordDocument, variables).then((result) => ({
            ...result,
            status: 200,
          }))
        : gateway.gql(ConfirmForgotPasswordDocument, variables, null);
    };
    expect(tally(await burst(reset, code!))).toEqual({ [MISMATCH]: 5, [WORN_OUT]: BURST - 5 });
    expect(await failuresRecorded(user.userSub, "FORGOT_PASSWORD")).toBe(5);
    expect(tally([await reset(code!)])).toEqual({ [WORN_OUT]: 1 });
    expectTokens(await passwordSignIn(gateway, user.clientId, user.username, GOOD_PASSWORD));
  });

  it("verifyUserAttribute: a burst of wrong codes is compared five times", async () => {
    const user = await signedUp();
    const accessToken = await confirmAndSignIn(user);
    expectData(await gateway.gql(GetUserAttributeVerificationCodeDocument, { attributeName: "email" }, accessToken));
    const { code } = await latestMessage(gateway, user.poolId, user.email);
    const verify = (guess: string, overSocket = false) =>
      overSocket
        ? wsGraphql(
            gateway.url,
            VerifyUserAttributeDocument,
            { attributeName: "email", code: guess },
            { token: accessToken },
          ).then((result) => ({ ...result, status: 200 }))
        : gateway.gql(VerifyUserAttributeDocument, { attributeName: "email", code: guess }, accessToken);
    expect(tally(await burst(verify, code!))).toEqual({ [MISMATCH]: 5, [WORN_OUT]: BURST - 5 });
    expect(await failuresRecorded(user.userSub, "VERIFY_EMAIL")).toBe(5);
    expect(tally([await verify(code!)])).toEqual({ [WORN_OUT]: 1 });
  });

  // Five misses leave no try for the right code, however the calls interleave: the fifth miss was
  // compared first, so it was counted first.
  it("confirmSignUp: the right code sent while a fifth miss is under way is refused as a sixth try", async () => {
    const user = await signedUp();
    const { code } = await latestMessage(gateway, user.poolId, user.email);
    const confirm = (guess: string) =>
      gateway.gql(
        ConfirmSignUpDocument,
        { input: { clientId: user.clientId, username: user.username, confirmationCode: guess } },
        null,
      );
    expect(await rightCodeAfterFifthMiss(confirm, code!)).toEqual({
      fifth: { [MISMATCH]: 1 },
      right: { [WORN_OUT]: 1 },
    });
    expect(await failuresRecorded(user.userSub, "SIGN_UP")).toBe(5);
    expect(await attributesOf(user.poolId, user.username)).toMatchObject({
      userStatus: "UNCONFIRMED",
      email_verified: "false",
    });
  });

  it("verifyUserAttribute: the right code sent while a fifth miss is under way is refused as a sixth try", async () => {
    const user = await signedUp();
    const accessToken = await confirmAndSignIn(user);
    // A new email, unverified, so that a code that got through would show as a verified flag.
    const newEmail = `new-${user.email}`;
    expectData(
      await gateway.gql(
        UpdateUserAttributesDocument,
        { input: { userAttributes: [{ name: "email", value: newEmail }] } },
        accessToken,
      ),
    );
    expect(await attributesOf(user.poolId, user.username)).toMatchObject({ email: newEmail, email_verified: "false" });
    const { code } = await latestMessage(gateway, user.poolId, newEmail);
    const verify = (guess: string) =>
      gateway.gql(VerifyUserAttributeDocument, { attributeName: "email", code: guess }, accessToken);
    expect(await rightCodeAfterFifthMiss(verify, code!)).toEqual({
      fifth: { [MISMATCH]: 1 },
      right: { [WORN_OUT]: 1 },
    });
    expect(await failuresRecorded(user.userSub, "VERIFY_EMAIL")).toBe(5);
    expect(await attributesOf(user.poolId, user.username)).toMatchObject({ email: newEmail, email_verified: "false" });
  });

  it("confirmSignUp: a miss compared before the right code counts as a miss, and the right code works with tries left", async () => {
    const user = await signedUp();
    const { code } = await latestMessage(gateway, user.poolId, user.email);
    const confirm = (guess: string) =>
      gateway.gql(
        ConfirmSignUpDocument,
        { input: { clientId: user.clientId, username: user.username, confirmationCode: guess } },
        null,
      );
    const missCompared = guessGate.arm();
    try {
      const miss = confirm(wrongGuess(code!, 0));
      await Promise.race([missCompared, miss]);
      expect(tally([await confirm(code!)])).toEqual({ ok: 1 });
      expect(tally([await miss])).toEqual({ [MISMATCH]: 1 });
    } finally {
      guessGate.disarm();
    }
    expect(await attributesOf(user.poolId, user.username)).toMatchObject({
      userStatus: "CONFIRMED",
      email_verified: "true",
    });
  });
});
