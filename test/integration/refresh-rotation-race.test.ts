import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/lib/clock.js";
import { rawCall } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import { errorCodes, type GraphqlResult } from "../support/graphql-client.js";
import {
  createConfirmedUser,
  expectError,
  expectTokens,
  passwordSignIn,
  refreshTokens,
  signInEnv,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/** Parallel uses of one refresh token per round, and rounds per transport. */
const PARALLEL_USES = 20;
const ROUNDS = 25;
/** A lost race is either the reuse itself or a use that finds the family already revoked by it. */
const LOSING_CODES = ["NotAuthorizedException", "RefreshTokenReuseException"];

interface UseOutcome {
  /** The successor refresh token on success. */
  refreshToken: string | null;
  /** The error code on failure. */
  code: string | null;
}

describe.each(BACKENDS)("refresh-token rotation under a race on $name", (backend) => {
  let gateway: TestApp;
  // Held still during a race, so every use happens at the same instant: a grace period of 0 must
  // still tell the first use from the others.
  const clock = createManualClock(new Date());

  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend), overrides: { clock } });
  });
  afterAll(async () => gateway?.close());
  beforeEach(() => clock.set(new Date()));

  async function rotatingUser(retryGracePeriodSeconds: number) {
    const { poolId, clientId } = await createPoolWithClient(
      gateway,
      {},
      { refreshTokenRotation: { feature: "ENABLED", retryGracePeriodSeconds } },
    );
    const user = await createConfirmedUser(gateway, poolId, uniqueName("race"), GOOD_PASSWORD);
    return { clientId, username: user.username };
  }

  const signIn = async (clientId: string, username: string) =>
    expectTokens(await passwordSignIn(gateway, clientId, username, GOOD_PASSWORD)).refreshToken!;

  const graphqlUse = async (clientId: string, refreshToken: string): Promise<UseOutcome> => {
    const result = (await refreshTokens(gateway, clientId, refreshToken)) as GraphqlResult<{
      getTokensFromRefreshToken: { __typename: string; refreshToken?: string | null };
    }>;
    const outcome = result.data?.getTokensFromRefreshToken;
    if (outcome?.__typename === "AuthenticationResult")
      return { refreshToken: outcome.refreshToken ?? null, code: null };
    return { refreshToken: null, code: errorCodes(result).join(",") };
  };

  const wireUse = async (clientId: string, refreshToken: string): Promise<UseOutcome> => {
    const response = await rawCall(gateway, "GetTokensFromRefreshToken", {
      ClientId: clientId,
      RefreshToken: refreshToken,
    });
    if (response.status === 200)
      return {
        refreshToken:
          (response.body.AuthenticationResult as { RefreshToken?: string } | undefined)?.RefreshToken ?? null,
        code: null,
      };
    return { refreshToken: null, code: String(response.body.__type) };
  };

  for (const [transport, use] of [
    ["GraphQL getTokensFromRefreshToken", graphqlUse],
    ["the wire's GetTokensFromRefreshToken", wireUse],
  ] as const) {
    it(`with no grace period, ${PARALLEL_USES} parallel uses of one token over ${transport}: exactly one wins, no successor of a loser exists`, async () => {
      const { clientId, username } = await rotatingUser(0);
      const tally = {
        rounds: ROUNDS,
        forkedRounds: 0,
        roundsWithoutWinner: 0,
        unexpectedErrors: [] as string[],
        roundsWithTwoWorkingSuccessors: 0,
      };
      for (let round = 0; round < ROUNDS; round++) {
        const token = await signIn(clientId, username);
        const outcomes = await Promise.all(Array.from({ length: PARALLEL_USES }, () => use(clientId, token)));
        const winners = outcomes.filter((outcome) => outcome.code === null);
        if (winners.length > 1) tally.forkedRounds++;
        if (winners.length === 0) tally.roundsWithoutWinner++;
        for (const outcome of outcomes)
          if (outcome.code !== null && !LOSING_CODES.includes(outcome.code)) tally.unexpectedErrors.push(outcome.code);
        // Every successor that was handed out, tried once after the race: reuse detection has revoked
        // the family, so at most one (in practice none) may still work.
        const successors = winners
          .map((winner) => winner.refreshToken)
          .filter((successor): successor is string => successor !== null);
        const working = (await Promise.all(successors.map((successor) => use(clientId, successor)))).filter(
          (outcome) => outcome.code === null,
        );
        if (working.length > 1) tally.roundsWithTwoWorkingSuccessors++;
      }
      expect(tally).toEqual({
        rounds: ROUNDS,
        forkedRounds: 0,
        roundsWithoutWinner: 0,
        unexpectedErrors: [],
        roundsWithTwoWorkingSuccessors: 0,
      });
    });
  }

  it("with no grace period, a second use at the same instant is reuse and revokes the family (no tie counts as a retry)", async () => {
    const { clientId, username } = await rotatingUser(0);
    const token = await signIn(clientId, username);
    const successor = expectTokens(await refreshTokens(gateway, clientId, token)).refreshToken!;
    // The clock has not moved: the second use is 0 ms after the rotation, still outside a 0 s grace period.
    expectError(await refreshTokens(gateway, clientId, token), "RefreshTokenReuseException");
    expectError(
      await refreshTokens(gateway, clientId, successor),
      "NotAuthorizedException",
      "Refresh Token has been revoked",
    );
  });

  it("within a grace period, parallel uses are retries: each gets tokens; after the period a use is reuse and revokes them all", async () => {
    const { clientId, username } = await rotatingUser(5);
    const token = await signIn(clientId, username);
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => graphqlUse(clientId, token)));
    expect(outcomes.map((outcome) => outcome.code)).toEqual(Array.from({ length: 10 }, () => null));
    clock.advanceSeconds(6);
    expectError(await refreshTokens(gateway, clientId, token), "RefreshTokenReuseException");
    for (const outcome of outcomes)
      expectError(
        await refreshTokens(gateway, clientId, outcome.refreshToken!),
        "NotAuthorizedException",
        "Refresh Token has been revoked",
      );
  });
});
