import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/lib/clock.js";
import { BACKENDS } from "../support/backends.js";
import { uniqueName } from "../support/directory.js";
import { errorCodes, type GraphqlResult } from "../support/graphql-client.js";
import {
  expectChallenge,
  expectError,
  expectTokens,
  listEvents,
  respond,
  SESSION_USED,
  signInEnv,
  type Challenge,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { latestOtp, messageCount, otherCode, userAuth, userAuthSetup } from "../support/user-auth.js";

const LOCKED = "Password attempts exceeded";
const CODE_MISMATCH = "Invalid code or auth state for the user.";

/** How many results carry each error message (or "ok"). */
function tally(results: GraphqlResult<unknown>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) {
    const key = result.errors?.length ? `${errorCodes(result)[0]}: ${result.errors[0]!.message}` : "ok";
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/**
 * USER_AUTH under attack: codes guessed in parallel meet the same lockout as passwords (each guess is
 * reserved before it is compared), an unknown name is locked out like a real one, used sessions stay used.
 */
describe.each(BACKENDS)("USER_AUTH defences on $name", (backend) => {
  // Held still: the lockout set by the fifth failure does not run out during a burst.
  const clock = createManualClock(new Date());
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend), overrides: { clock } });
  });
  afterAll(async () => gateway?.close());
  beforeEach(() => clock.set(new Date()));

  async function codeChallenges(clientId: string, username: string, count: number): Promise<Challenge[]> {
    const challenges: Challenge[] = [];
    for (let index = 0; index < count; index++)
      challenges.push(
        expectChallenge(
          await userAuth(gateway, clientId, { USERNAME: username, PREFERRED_CHALLENGE: "EMAIL_OTP" }),
          "EMAIL_OTP",
        ),
      );
    return challenges;
  }

  it("nine wrong codes in parallel, one per session: at most five are compared, the rest meet the lockout; the right code then waits too", async () => {
    const ids = await userAuthSetup(gateway);
    // Nine: a user is sent at most ten codes an hour (sign-in-code-limit.test.ts), and the last one is for the end.
    const challenges = await codeChallenges(ids.clientId, ids.username, 9);
    const { code } = await latestOtp(gateway, ids.poolId, ids.email);
    const results = await Promise.all(
      challenges.map((challenge) =>
        respond(gateway, ids.clientId, challenge, { USERNAME: ids.username, EMAIL_OTP_CODE: otherCode(code) }),
      ),
    );
    const counts = tally(results);
    expect(counts[`CodeMismatchException: ${CODE_MISMATCH}`]).toBeLessThanOrEqual(5);
    expect(
      (counts[`CodeMismatchException: ${CODE_MISMATCH}`] ?? 0) + (counts[`NotAuthorizedException: ${LOCKED}`] ?? 0),
    ).toBe(9);
    expect(counts.ok).toBeUndefined();
    // Locked: even the right code is refused (and not counted) until the lockout ends; no new code goes out.
    expectError(
      await respond(gateway, ids.clientId, challenges[8]!, { USERNAME: ids.username, EMAIL_OTP_CODE: code }),
      "NotAuthorizedException",
    );
    const sent = await messageCount(gateway, ids.poolId, ids.email);
    expectError(
      await userAuth(gateway, ids.clientId, { USERNAME: ids.username, PREFERRED_CHALLENGE: "EMAIL_OTP" }),
      "NotAuthorizedException",
      LOCKED,
    );
    expect(await messageCount(gateway, ids.poolId, ids.email)).toBe(sent);
    clock.advanceSeconds(60);
    const fresh = expectChallenge(
      await userAuth(gateway, ids.clientId, { USERNAME: ids.username, PREFERRED_CHALLENGE: "EMAIL_OTP" }),
      "EMAIL_OTP",
    );
    expectTokens(
      await respond(gateway, ids.clientId, fresh, {
        USERNAME: ids.username,
        EMAIL_OTP_CODE: (await latestOtp(gateway, ids.poolId, ids.email)).code,
      }),
    );
  });

  it("one session answered ten times at once: one answer at a time takes it, three wrong codes void it", async () => {
    const ids = await userAuthSetup(gateway);
    const [challenge] = await codeChallenges(ids.clientId, ids.username, 1);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        respond(gateway, ids.clientId, challenge!, { USERNAME: ids.username, EMAIL_OTP_CODE: "12345678" }),
      ),
    );
    expect(tally(results)[`CodeMismatchException: ${CODE_MISMATCH}`] ?? 0).toBeLessThanOrEqual(3);
    expect(results.every((result) => errorCodes(result).length === 1)).toBe(true);
  });

  it("a name with no user is locked out exactly like a real one, and its sessions never sign in", async () => {
    const ids = await userAuthSetup(gateway);
    const unknownName = uniqueName("ghost");
    const challenges = await codeChallenges(ids.clientId, unknownName, 10);
    // Nothing was sent anywhere for it, and no user was made.
    const results = await Promise.all(
      challenges.map((challenge) =>
        respond(gateway, ids.clientId, challenge, { USERNAME: unknownName, EMAIL_OTP_CODE: "12345678" }),
      ),
    );
    const counts = tally(results);
    expect(counts[`CodeMismatchException: ${CODE_MISMATCH}`]).toBeLessThanOrEqual(5);
    expect(
      (counts[`CodeMismatchException: ${CODE_MISMATCH}`] ?? 0) + (counts[`NotAuthorizedException: ${LOCKED}`] ?? 0),
    ).toBe(10);
    expectError(
      await userAuth(gateway, ids.clientId, { USERNAME: unknownName, PREFERRED_CHALLENGE: "EMAIL_OTP" }),
      "NotAuthorizedException",
      LOCKED,
    );
    const events = await listEvents(gateway, ids.poolId);
    expect(events.filter((event) => event.type === "CODE_SENT" && event.detail.userSub === null)).toEqual([]);
    expect(events.filter((event) => event.type === "SIGN_IN_FAILED" && event.detail.userSub === null).length).toBe(
      counts[`CodeMismatchException: ${CODE_MISMATCH}`],
    );
  });

  it("a code session that produced tokens is used once; a code from one sign-in does not open another", async () => {
    const ids = await userAuthSetup(gateway);
    const [first, second] = await codeChallenges(ids.clientId, ids.username, 2);
    const { code: secondCode } = await latestOtp(gateway, ids.poolId, ids.email);
    // The first sign-in's session only knows its own code.
    expectError(
      await respond(gateway, ids.clientId, first!, { USERNAME: ids.username, EMAIL_OTP_CODE: secondCode }),
      "CodeMismatchException",
      CODE_MISMATCH,
    );
    expectTokens(await respond(gateway, ids.clientId, second!, { USERNAME: ids.username, EMAIL_OTP_CODE: secondCode }));
    expectError(
      await respond(gateway, ids.clientId, second!, { USERNAME: ids.username, EMAIL_OTP_CODE: secondCode }),
      "NotAuthorizedException",
      SESSION_USED,
    );
  });

  it("a SELECT_CHALLENGE session cannot be answered for another challenge name or by another client", async () => {
    const ids = await userAuthSetup(gateway);
    const other = await userAuthSetup(gateway);
    const choice = expectChallenge(
      await userAuth(gateway, ids.clientId, { USERNAME: ids.username }),
      "SELECT_CHALLENGE",
    );
    expectError(
      await respond(
        gateway,
        ids.clientId,
        { ...choice, challengeName: "EMAIL_OTP" },
        { USERNAME: ids.username, EMAIL_OTP_CODE: "12345678" },
      ),
      "InvalidParameterException",
    );
    expectError(
      await respond(gateway, other.clientId, choice, { USERNAME: ids.username, ANSWER: "EMAIL_OTP" }),
      "NotAuthorizedException",
    );
  });
});
