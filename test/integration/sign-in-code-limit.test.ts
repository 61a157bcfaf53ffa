import { InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cognitoClient } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import { AdminDisableUserDocument } from "../support/generated/graphql.js";
import { errorCodes, expectData, type GraphqlResult } from "../support/graphql-client.js";
import { expectChallenge, expectError, expectTokens, respond, signInEnv, type Challenge } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { latestOtp, messageCount, userAuth, userAuthSetup } from "../support/user-auth.js";

/** SIGN_IN_CODES_PER_HOUR (src/core/flows/sign-in/sign-in.codes.ts), documented in the README. */
const LIMIT = 10;
const LIMITED = `Too many sign-in codes were requested for this user (at most ${LIMIT} an hour). Use the last code sent, wait before asking for another, or sign in another way.`;
const ADDRESS_BLOCKED = "Too many failed sign-in attempts from this address; try again later.";

/** USER_AUTH's PASSWORD factor (the client allows USER_AUTH only). */
const passwordFactor = (gateway: TestApp, clientId: string, username: string, password: string) =>
  userAuth(gateway, clientId, { USERNAME: username, PREFERRED_CHALLENGE: "PASSWORD", PASSWORD: password });

/** How many results carry each error (or "ok"). */
function tally(results: GraphqlResult<unknown>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) {
    const key = result.errors?.length ? `${errorCodes(result)[0]}: ${result.errors[0]!.message}` : "ok";
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/**
 * USER_AUTH's EMAIL_OTP / SMS_OTP start sends a code to anyone who names a user: no secret is needed. The
 * sends are capped per user (and per unknown name, alike), atomically, so a burst sends no more than the
 * cap; an address blocked for failed sign-ins gets no code either.
 */
describe.each(BACKENDS)("sign-in code limit on $name", (backend) => {
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend) });
  });
  afterAll(async () => gateway?.close());

  const startCode = (clientId: string, username: string, factor: "EMAIL_OTP" | "SMS_OTP" = "EMAIL_OTP") =>
    userAuth(gateway, clientId, { USERNAME: username, PREFERRED_CHALLENGE: factor });

  it(`sends a user at most ${LIMIT} codes an hour, email and SMS together, by any path; the last code still signs in`, async () => {
    const ids = await userAuthSetup(gateway);
    let last: Challenge | undefined;
    for (let index = 0; index < LIMIT - 2; index++)
      last = expectChallenge(await startCode(ids.clientId, ids.username), "EMAIL_OTP");
    expectChallenge(await startCode(ids.clientId, ids.username, "SMS_OTP"), "SMS_OTP");
    // The choice, then EMAIL_OTP as its answer: the same count.
    const choice = expectChallenge(
      await userAuth(gateway, ids.clientId, { USERNAME: ids.username }),
      "SELECT_CHALLENGE",
    );
    last = expectChallenge(
      await respond(gateway, ids.clientId, choice, { USERNAME: ids.username, ANSWER: "EMAIL_OTP" }),
      "EMAIL_OTP",
    );
    expect(await messageCount(gateway, ids.poolId, ids.email)).toBe(LIMIT - 1);
    expect(await messageCount(gateway, ids.poolId, ids.phone)).toBe(1);

    expectError(await startCode(ids.clientId, ids.username), "LimitExceededException", LIMITED);
    expectError(await startCode(ids.clientId, ids.username, "SMS_OTP"), "LimitExceededException", LIMITED);
    const another = expectChallenge(
      await userAuth(gateway, ids.clientId, { USERNAME: ids.username }),
      "SELECT_CHALLENGE",
    );
    expectError(
      await respond(gateway, ids.clientId, another, { USERNAME: ids.username, ANSWER: "EMAIL_OTP" }),
      "LimitExceededException",
      LIMITED,
    );
    // On the wire too.
    await expect(
      cognitoClient(gateway).send(
        new InitiateAuthCommand({
          ClientId: ids.clientId,
          AuthFlow: "USER_AUTH",
          AuthParameters: { USERNAME: ids.username, PREFERRED_CHALLENGE: "EMAIL_OTP" },
        }),
      ),
    ).rejects.toMatchObject({ name: "LimitExceededException", message: LIMITED });
    expect(await messageCount(gateway, ids.poolId, ids.email)).toBe(LIMIT - 1);
    expect(await messageCount(gateway, ids.poolId, ids.phone)).toBe(1);
    // The password is no code: it still works, and the last code sent still signs in.
    expectTokens(await passwordFactor(gateway, ids.clientId, ids.username, GOOD_PASSWORD));
    const { code } = await latestOtp(gateway, ids.poolId, ids.email);
    expectTokens(await respond(gateway, ids.clientId, last!, { USERNAME: ids.username, EMAIL_OTP_CODE: code }));
  });

  it("counts and refuses a name with no user, and a disabled user, exactly as a user whose codes go out", async () => {
    const ids = await userAuthSetup(gateway);
    const disabled = await userAuthSetup(gateway);
    expectData(
      await gateway.gql(AdminDisableUserDocument, { userPoolId: disabled.poolId, username: disabled.username }),
    );
    const unknown = uniqueName("nobody");
    for (const [clientId, name] of [
      [ids.clientId, ids.username],
      [ids.clientId, unknown],
      [disabled.clientId, disabled.username],
    ] as const) {
      for (let index = 0; index < LIMIT; index++) expectChallenge(await startCode(clientId, name), "EMAIL_OTP");
      expectError(await startCode(clientId, name), "LimitExceededException", LIMITED);
    }
    expect(await messageCount(gateway, ids.poolId, ids.email)).toBe(LIMIT);
    expect(await messageCount(gateway, disabled.poolId, disabled.email)).toBe(0);
  });

  it(`30 parallel starts for one user send at most ${LIMIT} codes; 30 for an unknown name open at most ${LIMIT} challenges`, async () => {
    const ids = await userAuthSetup(gateway);
    const real = tally(await Promise.all(Array.from({ length: 30 }, () => startCode(ids.clientId, ids.username))));
    const sent = await messageCount(gateway, ids.poolId, ids.email);
    expect(sent).toBeLessThanOrEqual(LIMIT);
    expect(real).toEqual({ ok: sent, [`LimitExceededException: ${LIMITED}`]: 30 - sent });
    const unknown = uniqueName("nobody");
    const simulated = tally(await Promise.all(Array.from({ length: 30 }, () => startCode(ids.clientId, unknown))));
    expect(simulated.ok).toBeLessThanOrEqual(LIMIT);
    expect(simulated).toEqual({ ok: simulated.ok, [`LimitExceededException: ${LIMITED}`]: 30 - simulated.ok! });
  });

  it("sends no code to a user named from an address blocked for failed sign-ins", async () => {
    // An address limit of its own, and Redis keys of its own: the address is 127.0.0.1 for every suite.
    const blocked = await getTestApp(backend, {
      env: { ...signInEnv(backend), SIGN_IN_FAILURES_PER_IP: "3", REDIS_KEY_PREFIX: `gw-codes-${uniqueName("p")}:` },
    });
    try {
      const ids = await userAuthSetup(blocked);
      for (let index = 0; index < 3; index++)
        expectError(
          await passwordFactor(blocked, ids.clientId, ids.username, "Wr0ng-Password!"),
          "NotAuthorizedException",
        );
      const refused = await userAuth(blocked, ids.clientId, {
        USERNAME: ids.username,
        PREFERRED_CHALLENGE: "EMAIL_OTP",
      });
      expectError(refused, "TooManyRequestsException", ADDRESS_BLOCKED);
      expect(await messageCount(blocked, ids.poolId, ids.email)).toBe(0);
    } finally {
      await blocked.close();
    }
  });
});
