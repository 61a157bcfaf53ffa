import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CodePurpose } from "../../src/core/ports.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import {
  ConfirmForgotPasswordDocument,
  ConfirmSignUpDocument,
  ForgotPasswordDocument,
  SignUpDocument,
  VerifyUserAttributeDocument,
  GetUserAttributeVerificationCodeDocument,
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

describe.each(BACKENDS)("parallel code guessing on $name", (backend) => {
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend) });
  });
  afterAll(async () => gateway?.close());

  /** Wrong guesses that were compared, as the gateway recorded them. */
  const failuresRecorded = async (userId: string, purpose: CodePurpose) =>
    (await gateway.app.db.read((repositories) => repositories.codes.find(userId, purpose)))?.failedAttempts;

  /** Fires BURST wrong guesses at once, every fourth over graphql-ws, the rest over HTTP. */
  const burst = (call: (guess: string, overSocket: boolean) => Promise<GraphqlResult<unknown>>, code: string) =>
    Promise.all(Array.from({ length: BURST }, (_, index) => call(wrongGuess(code, index), index % 4 === 3)));

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
    const accessToken = expectTokens(
      await passwordSignIn(gateway, user.clientId, user.username, GOOD_PASSWORD),
    ).accessToken;
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
});
