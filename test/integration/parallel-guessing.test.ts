import { request } from "node:http";
import { randomInt } from "node:crypto";
import { print } from "graphql";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/lib/clock.js";
import { BACKENDS, withClusterBackend } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import {
  AdminInitiateAuthDocument,
  AdminSetUserMfaPreferenceDocument,
  InitiateAuthDocument,
} from "../support/generated/graphql.js";
import { errorCodes, expectData, wsGraphql, type GraphqlResult } from "../support/graphql-client.js";
import {
  answerVerifier,
  createConfirmedUser,
  expectChallenge,
  expectTokens,
  INCORRECT,
  listEvents,
  passwordSignIn,
  respond,
  signInEnv,
  startSrp,
  type Challenge,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/**
 * An attacker does not wait for one answer before sending the next guess. Every limit that guards a
 * slow check reserves its attempt before the check, so N parallel guesses are compared no more often
 * than N serial ones: with the clock held still, the fifth failure's lockout stops the rest of a burst.
 */
const WRONG_PASSWORD = "Wr0ng-Password!";
const LOCKED = "Password attempts exceeded";
const CODE_MISMATCH = "Invalid code or auth state for the user.";
const ADDRESS_LIMIT = 20;
/**
 * A Redis database of this file's own, emptied before it runs: the per-address counters are global per
 * address, and every other sign-in suite fails passwords from 127.0.0.1 in theirs (database 9), which
 * would count against this file's low limit (and a rerun within 15 minutes would count its own).
 */
const OWN_REDIS_DB = 12;

/** A loopback source address of its own (127.0.0.0/8 is all local), so the per-address counter is this test's alone. */
const freshLoopbackAddress = () => `127.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(2, 255)}`;

/** The first 64 bits of an IPv6 address of this test's own, in 2001:db8::/32 (documentation). */
const freshIpv6Prefix = () => `2001:db8:${randomInt(0, 0xffff).toString(16)}:${randomInt(0, 0xffff).toString(16)}`;

/** POSTs a GraphQL operation from the given local address. */
function postFrom<TData>(
  localAddress: string,
  url: string,
  document: Parameters<typeof print>[0],
  variables: unknown,
): Promise<GraphqlResult<TData>> {
  const body = JSON.stringify({ query: print(document), variables });
  return new Promise((resolve, reject) => {
    const call = request(
      url,
      {
        method: "POST",
        localAddress,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ ...JSON.parse(Buffer.concat(chunks).toString("utf8")), status: response.statusCode ?? 0 }),
        );
      },
    );
    call.on("error", reject);
    call.end(body);
  });
}

/** How many results carry each error message (or "ok"). */
function tally(results: GraphqlResult<unknown>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) {
    const key = result.errors?.length ? `${errorCodes(result)[0]}: ${result.errors[0]!.message}` : "ok";
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe.each(withClusterBackend(BACKENDS, "parallel guessing"))("parallel guessing on $name", (backend) => {
  let gateway: TestApp;
  const clock = createManualClock(new Date());

  beforeAll(async () => {
    const env: Record<string, string> = { ...signInEnv(backend), SIGN_IN_FAILURES_PER_IP: String(ADDRESS_LIMIT) };
    // A cluster has no database numbers: the file's own key prefix keeps its counters apart instead.
    if (backend.name === "mariadb+redis-cluster") env.REDIS_KEY_PREFIX = `gw-guessing-${randomInt(1, 1e9)}:`;
    else if (env.REDIS_URL) {
      const url = new URL(env.REDIS_URL);
      url.pathname = `/${OWN_REDIS_DB}`;
      env.REDIS_URL = url.toString();
      const redis = new Redis(env.REDIS_URL);
      await redis.flushdb();
      await redis.quit();
    }
    gateway = await getTestApp(backend, { env, overrides: { clock } });
  });
  afterAll(async () => gateway?.close());
  beforeEach(() => clock.set(new Date()));

  async function userInNewPool(poolInput: Parameters<typeof createPoolWithClient>[1] = {}) {
    const { poolId, clientId } = await createPoolWithClient(gateway, poolInput, {
      explicitAuthFlows: [
        "ALLOW_USER_PASSWORD_AUTH",
        "ALLOW_USER_SRP_AUTH",
        "ALLOW_ADMIN_USER_PASSWORD_AUTH",
        "ALLOW_REFRESH_TOKEN_AUTH",
      ],
    });
    const username = uniqueName("burst");
    const { sub } = await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD, [
      { name: "email", value: `${username}@example.com` },
      { name: "email_verified", value: "true" },
    ]);
    return { poolId, clientId, username, sub, email: `${username}@example.com` };
  }

  const failedSignIns = async (poolId: string) =>
    (await listEvents(gateway, poolId)).filter((event) => event.type === "SIGN_IN_FAILED").length;

  it("100 parallel wrong passwords (HTTP and graphql-ws) against one user are compared 5 times, as 5 serial ones would be", async () => {
    const user = await userInNewPool();
    const address = freshLoopbackAddress();
    const variables = {
      input: {
        clientId: user.clientId,
        authFlow: "USER_PASSWORD_AUTH" as const,
        authParameters: { USERNAME: user.username, PASSWORD: WRONG_PASSWORD },
      },
    };
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        i % 4 === 3
          ? wsGraphql(gateway.url, InitiateAuthDocument, variables).then((result) => ({ ...result, status: 200 }))
          : postFrom(address, gateway.url, InitiateAuthDocument, variables),
      ),
    );
    expect(tally(results)).toEqual({
      [`NotAuthorizedException: ${INCORRECT}`]: 5,
      [`NotAuthorizedException: ${LOCKED}`]: 95,
    });
    expect(await failedSignIns(user.poolId)).toBe(5);
    // Only the compared guesses count towards the address: 95 more would be allowed from it.
    expect(
      tally([
        await postFrom(address, gateway.url, InitiateAuthDocument, {
          input: { ...variables.input, authParameters: { USERNAME: uniqueName("nobody"), PASSWORD: WRONG_PASSWORD } },
        }),
      ]),
    ).not.toHaveProperty(
      "TooManyRequestsException: Too many failed sign-in attempts from this address; try again later.",
    );
    // The lockout is the fifth failure's: one second, after which the right password works.
    expect(tally([await passwordSignIn(gateway, user.clientId, user.username, GOOD_PASSWORD)])).toEqual({
      [`NotAuthorizedException: ${LOCKED}`]: 1,
    });
    clock.set(new Date(clock.nowMs() + 1000));
    expectTokens(await passwordSignIn(gateway, user.clientId, user.username, GOOD_PASSWORD));
  });

  it("30 parallel wrong SRP proofs on 30 sessions of one user are checked 5 times", async () => {
    const user = await userInNewPool();
    const started: { client: Awaited<ReturnType<typeof startSrp>>["client"]; challenge: Challenge }[] = [];
    for (let i = 0; i < 30; i++) {
      const { client, result } = await startSrp(gateway, user);
      started.push({ client, challenge: expectChallenge(result) });
    }
    const results = await Promise.all(
      started.map(({ client, challenge }) =>
        respond(gateway, user.clientId, challenge, answerVerifier(client, challenge, WRONG_PASSWORD, clock)),
      ),
    );
    expect(tally(results)).toEqual({
      [`NotAuthorizedException: ${INCORRECT}`]: 5,
      [`NotAuthorizedException: ${LOCKED}`]: 25,
    });
    expect(await failedSignIns(user.poolId)).toBe(5);
  });

  it("a burst of wrong MFA codes over many sessions is checked 5 times, then the user is locked out", async () => {
    const user = await userInNewPool({ mfaConfiguration: "OPTIONAL", enabledMfas: ["EMAIL_OTP"] });
    expectData(
      await gateway.gql(AdminSetUserMfaPreferenceDocument, {
        input: { userPoolId: user.poolId, username: user.username, emailMfaSettings: { enabled: true } },
      }),
    );
    const sessions: Challenge[] = [];
    // 10 sessions: the most MFA codes one user may be sent in an hour.
    for (let i = 0; i < 10; i++)
      sessions.push(
        expectChallenge(await passwordSignIn(gateway, user.clientId, user.username, GOOD_PASSWORD), "EMAIL_OTP"),
      );
    const { code } = await latestMessage(gateway, user.poolId, user.email);
    const wrong = code!.replace(/^./, (digit) => (digit === "0" ? "1" : "0"));
    const results = await Promise.all(
      sessions.map((challenge) =>
        respond(gateway, user.clientId, challenge, { USERNAME: user.username, EMAIL_OTP_CODE: wrong }),
      ),
    );
    expect(tally(results)).toEqual({
      [`CodeMismatchException: ${CODE_MISMATCH}`]: 5,
      [`NotAuthorizedException: ${LOCKED}`]: 5,
    });
    const failedChecks = (await listEvents(gateway, user.poolId)).filter(
      (event) => event.type === "MFA_CHALLENGE_FAILED",
    );
    expect(failedChecks).toHaveLength(5);
  });

  it("150 parallel failures from one address let through exactly the address limit, and users at other addresses sign in meanwhile", async () => {
    const user = await userInNewPool();
    const address = freshLoopbackAddress();
    const guesses = Array.from({ length: 150 }, () =>
      postFrom(address, gateway.url, InitiateAuthDocument, {
        input: {
          clientId: user.clientId,
          authFlow: "USER_PASSWORD_AUTH",
          authParameters: { USERNAME: uniqueName("guess"), PASSWORD: WRONG_PASSWORD },
        },
      }),
    );
    const bystander = postFrom(freshLoopbackAddress(), gateway.url, InitiateAuthDocument, {
      input: {
        clientId: user.clientId,
        authFlow: "USER_PASSWORD_AUTH",
        authParameters: { USERNAME: user.username, PASSWORD: GOOD_PASSWORD },
      },
    });
    const results = await Promise.all(guesses);
    expect(tally(results)).toEqual({
      [`NotAuthorizedException: ${INCORRECT}`]: ADDRESS_LIMIT,
      "TooManyRequestsException: Too many failed sign-in attempts from this address; try again later.":
        150 - ADDRESS_LIMIT,
    });
    expectTokens((await bystander) as Parameters<typeof expectTokens>[0]);
  });

  describe("admin sign-ins (AdminInitiateAuth) count the end user's address from contextData, not the backend's", () => {
    const adminAttempt = (
      user: { poolId: string; clientId: string },
      username: string,
      password: string,
      ipAddress?: string,
    ) =>
      gateway.gql(AdminInitiateAuthDocument, {
        input: {
          userPoolId: user.poolId,
          clientId: user.clientId,
          authFlow: "ADMIN_USER_PASSWORD_AUTH",
          authParameters: { USERNAME: username, PASSWORD: password },
          ...(ipAddress
            ? {
                contextData: {
                  ipAddress,
                  serverName: "app.example.com",
                  serverPath: "/login",
                  httpHeaders: [{ headerName: "User-Agent", headerValue: "test" }],
                },
              }
            : {}),
        },
      });

    it("failures sent by a backend without contextData never lock out the backend's other users", async () => {
      const user = await userInNewPool();
      const results = await Promise.all(
        Array.from({ length: ADDRESS_LIMIT * 2 }, () => adminAttempt(user, uniqueName("guess"), WRONG_PASSWORD)),
      );
      expect(tally(results)).toEqual({ [`NotAuthorizedException: ${INCORRECT}`]: ADDRESS_LIMIT * 2 });
      expectTokens(await adminAttempt(user, user.username, GOOD_PASSWORD));
    });

    it("failures for one end-user address are limited at that address only", async () => {
      const user = await userInNewPool();
      // IPv6 addresses are counted by /64: the attacker and the bystander each get a /64 of their own.
      const attacker = `${freshIpv6Prefix()}::${randomInt(1, 0xffff).toString(16)}`;
      const results = await Promise.all(
        Array.from({ length: ADDRESS_LIMIT + 10 }, () =>
          adminAttempt(user, uniqueName("guess"), WRONG_PASSWORD, attacker),
        ),
      );
      expect(tally(results)).toEqual({
        [`NotAuthorizedException: ${INCORRECT}`]: ADDRESS_LIMIT,
        "TooManyRequestsException: Too many failed sign-in attempts from this address; try again later.": 10,
      });
      expectTokens(await adminAttempt(user, user.username, GOOD_PASSWORD, `${freshIpv6Prefix()}::1`));
      expectTokens(await adminAttempt(user, user.username, GOOD_PASSWORD));
    });
  });
});
