import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/lib/clock.js";
import { formatSrpTimestamp } from "../../src/lib/srp-timestamp.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import { postGraphql } from "../support/graphql-client.js";
import {
  answerVerifier,
  createConfirmedUser,
  expectChallenge,
  expectError,
  expectTokens,
  INCORRECT,
  listEvents,
  passwordSignIn,
  respond,
  signInEnv,
  srpSignIn,
  startSrp,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const WRONG_PASSWORD = "Wr0ng-Password!";
const LOCKED = "Password attempts exceeded";
const SIGN_IN_EVENTS = [
  "SIGN_IN_SUCCEEDED",
  "SIGN_IN_FAILED",
  "CHALLENGE_ISSUED",
  "USER_LOCKED_OUT",
  "TOKENS_REFRESHED",
];

describe.each(BACKENDS)("sign-in defences on $name", (backend) => {
  let gateway: TestApp;
  const clock = createManualClock(new Date());
  const secretsKey = randomBytes(32).toString("base64");
  const advanceMs = (ms: number) => clock.set(new Date(clock.nowMs() + ms));

  beforeAll(async () => {
    gateway = await getTestApp(backend, {
      env: { ...signInEnv(backend), SECRETS_KEY: secretsKey },
      overrides: { clock },
    });
  });
  afterAll(async () => gateway?.close());
  beforeEach(() => clock.set(new Date()));

  async function userInNewPool(clientInput: Parameters<typeof createPoolWithClient>[2] = {}) {
    const { poolId, clientId } = await createPoolWithClient(gateway, {}, clientInput);
    const user = await createConfirmedUser(gateway, poolId, uniqueName("def"), GOOD_PASSWORD);
    const attempt = (password: string, on: TestApp = gateway) => passwordSignIn(on, clientId, user.username, password);
    return {
      poolId,
      clientId,
      ...user,
      attempt,
      fail: async (on: TestApp = gateway) =>
        expectError(await attempt(WRONG_PASSWORD, on), "NotAuthorizedException", INCORRECT),
      /** Both the right and a wrong password are refused without being looked at. */
      expectLocked: async (on: TestApp = gateway) => {
        expectError(await attempt(GOOD_PASSWORD, on), "NotAuthorizedException", LOCKED);
        expectError(await attempt(WRONG_PASSWORD, on), "NotAuthorizedException", LOCKED);
      },
    };
  }

  describe("lockout (cognito-reference §11.2)", () => {
    it("locks for 2^(n−5) s after the n-th failure from the fifth on, capped at 15 minutes; refused attempts neither count nor extend it", async () => {
      const user = await userInNewPool();
      for (let i = 0; i < 4; i++) await user.fail();
      let failures = 4;
      const lockouts: number[] = [];
      for (;;) {
        await user.fail();
        failures++;
        const seconds = Math.min(2 ** (failures - 5), 900);
        lockouts.push(seconds);
        await user.expectLocked();
        advanceMs(seconds * 1000 - 1);
        await user.expectLocked();
        advanceMs(1);
        if (failures === 15) break;
      }
      expect(lockouts).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900]);
      // The 900 s lockout ends together with the 15-minute failure window: the right password works again.
      expectTokens(await user.attempt(GOOD_PASSWORD));

      const events = await listEvents(gateway, user.poolId);
      expect(events.filter((event) => event.type === "USER_LOCKED_OUT").map((event) => event.detail)).toEqual(
        lockouts.map((lockedSeconds) => ({ userSub: user.sub, lockedSeconds })),
      );
      const failed = events.filter((event) => event.type === "SIGN_IN_FAILED");
      expect(failed).toHaveLength(15);
      for (const event of failed) expect(event.detail).toEqual({ userSub: user.sub, reason: "wrong password" });
      expect(JSON.stringify(events)).not.toContain(WRONG_PASSWORD);
      expect(JSON.stringify(events)).not.toContain(GOOD_PASSWORD);
    });

    it("starts counting again after a successful sign-in", async () => {
      const user = await userInNewPool();
      for (let i = 0; i < 4; i++) await user.fail();
      expectTokens(await user.attempt(GOOD_PASSWORD));
      // Without the reset these would be failures 5–8 and the fifth attempt would be locked out.
      for (let i = 0; i < 4; i++) await user.fail();
      await user.fail();
      await user.expectLocked();
      advanceMs(1000);
      expectTokens(await user.attempt(GOOD_PASSWORD));
    });

    it("forgets failures after 15 minutes without a failed attempt", async () => {
      const user = await userInNewPool();
      for (let i = 0; i < 5; i++) await user.fail();
      advanceMs(899_000);
      await user.fail(); // the sixth: still counted (within 15 minutes of the fifth), locks for 2 s
      await user.expectLocked();
      advanceMs(2000 + 900_000);
      await user.fail(); // counted from one again: no lockout
      expectTokens(await user.attempt(GOOD_PASSWORD));
    });

    it("counts failed SRP proofs too and refuses to start SRP while locked", async () => {
      const user = await userInNewPool();
      for (let i = 0; i < 4; i++) await user.fail();
      expectError(
        await srpSignIn(gateway, {
          poolId: user.poolId,
          clientId: user.clientId,
          username: user.username,
          password: WRONG_PASSWORD,
          clock,
        }),
        "NotAuthorizedException",
        INCORRECT,
      );
      expectError(
        (await startSrp(gateway, { poolId: user.poolId, clientId: user.clientId, username: user.username })).result,
        "NotAuthorizedException",
        LOCKED,
      );
      advanceMs(1000);
      expectTokens(
        await srpSignIn(gateway, {
          poolId: user.poolId,
          clientId: user.clientId,
          username: user.username,
          password: GOOD_PASSWORD,
          clock,
        }),
      );
    });

    it("refuses without counting an SRP answer that arrives during a lockout, even a stale one", async () => {
      const user = await userInNewPool();
      const { client, result } = await startSrp(gateway, user);
      const challenge = expectChallenge(result);
      for (let i = 0; i < 5; i++) await user.fail();
      const stale = client.answer(
        challenge.challengeParameters,
        GOOD_PASSWORD,
        formatSrpTimestamp(new Date(clock.nowMs() - 10 * 60_000)),
      );
      expectError(await respond(gateway, user.clientId, challenge, stale), "NotAuthorizedException", LOCKED);
      advanceMs(1000);
      // Had the stale answer counted, this would be the seventh failure's 4 s lockout.
      expectTokens(await user.attempt(GOOD_PASSWORD));
    });

    // Needs a store shared between processes: only Redis is (the embedded store lives in one process).
    it.skipIf(backend.name === "embedded")("shares the lockout between gateway processes", async () => {
      const second = await getTestApp(backend, {
        env: { ...signInEnv(backend), SECRETS_KEY: secretsKey },
        overrides: { clock },
      });
      try {
        const user = await userInNewPool();
        for (let i = 0; i < 5; i++) await user.fail(i % 2 ? second : gateway);
        await user.expectLocked(second);
        await user.expectLocked(gateway);
        advanceMs(1000);
        expectTokens(await user.attempt(GOOD_PASSWORD, second));
      } finally {
        await second.close();
      }
    });
  });

  describe("user existence (cognito-reference §11.1)", () => {
    it("gives an unknown user a simulated challenge with a stable SALT and USER_ID_FOR_SRP, then the wrong-password error", async () => {
      const user = await userInNewPool();
      const ghost = uniqueName("ghost");
      const challengeOf = async (username: string) =>
        expectChallenge((await startSrp(gateway, { poolId: user.poolId, clientId: user.clientId, username })).result);
      const first = await challengeOf(ghost);
      const second = await challengeOf(ghost.toUpperCase());
      const other = await challengeOf(uniqueName("ghost"));
      expect(second.challengeParameters.SALT).toBe(first.challengeParameters.SALT);
      expect(second.challengeParameters.USER_ID_FOR_SRP).toBe(first.challengeParameters.USER_ID_FOR_SRP);
      expect(second.challengeParameters.USERNAME).toBe(first.challengeParameters.USER_ID_FOR_SRP);
      expect(second.challengeParameters.SRP_B).not.toBe(first.challengeParameters.SRP_B);
      expect(second.challengeParameters.SECRET_BLOCK).not.toBe(first.challengeParameters.SECRET_BLOCK);
      expect(other.challengeParameters.SALT).not.toBe(first.challengeParameters.SALT);
      expect(other.challengeParameters.USER_ID_FOR_SRP).not.toBe(first.challengeParameters.USER_ID_FOR_SRP);
      expect(first.challengeParameters.SALT).toMatch(/^[1-9a-f][0-9a-f]{0,31}$/);
      expect(first.challengeParameters.SRP_B).toMatch(/^[1-9a-f][0-9a-f]+$/);

      const unknown = await srpSignIn(gateway, {
        poolId: user.poolId,
        clientId: user.clientId,
        username: ghost,
        password: GOOD_PASSWORD,
        clock,
      });
      const wrong = await srpSignIn(gateway, {
        poolId: user.poolId,
        clientId: user.clientId,
        username: user.username,
        password: WRONG_PASSWORD,
        clock,
      });
      expectError(wrong, "NotAuthorizedException", INCORRECT);
      expect(unknown).toEqual(wrong);
    });

    it("answers USER_PASSWORD_AUTH for an unknown user exactly as for a wrong password", async () => {
      const user = await userInNewPool();
      const wrong = await user.attempt(WRONG_PASSWORD);
      const unknown = await passwordSignIn(gateway, user.clientId, uniqueName("ghost"), WRONG_PASSWORD);
      expectError(wrong, "NotAuthorizedException", INCORRECT);
      expect(unknown).toEqual(wrong);
      const failed = (await listEvents(gateway, user.poolId))
        .filter((event) => event.type === "SIGN_IN_FAILED")
        .map((event) => event.detail);
      expect(failed).toEqual([
        { userSub: user.sub, reason: "wrong password" },
        { userSub: null, reason: "unknown user" },
      ]);
    });

    it("locks an unknown username out on the same schedule as a real user, so the lockout tells nothing", async () => {
      const user = await userInNewPool();
      const ghost = uniqueName("ghost");
      const srpWrong = (username: string) =>
        srpSignIn(gateway, { poolId: user.poolId, clientId: user.clientId, username, password: WRONG_PASSWORD, clock });
      for (const username of [user.username, ghost]) {
        for (let i = 0; i < 4; i++)
          expectError(
            await passwordSignIn(gateway, user.clientId, username, WRONG_PASSWORD),
            "NotAuthorizedException",
            INCORRECT,
          );
        // The fifth failure through a failed SRP proof: both flows count for the same name.
        expectError(await srpWrong(username), "NotAuthorizedException", INCORRECT);
      }
      const real = await passwordSignIn(gateway, user.clientId, user.username, GOOD_PASSWORD);
      expectError(real, "NotAuthorizedException", LOCKED);
      expect(await passwordSignIn(gateway, user.clientId, ghost, GOOD_PASSWORD)).toEqual(real);
      const realSrp = (await startSrp(gateway, { ...user, username: user.username })).result;
      expectError(realSrp, "NotAuthorizedException", LOCKED);
      expect((await startSrp(gateway, { ...user, username: ghost })).result).toEqual(realSrp);

      advanceMs(1000);
      // The sixth failures lock both for 2 s.
      for (const username of [user.username, ghost])
        expectError(
          await passwordSignIn(gateway, user.clientId, username, WRONG_PASSWORD),
          "NotAuthorizedException",
          INCORRECT,
        );
      advanceMs(1999);
      for (const username of [user.username, ghost])
        expectError(
          await passwordSignIn(gateway, user.clientId, username, WRONG_PASSWORD),
          "NotAuthorizedException",
          LOCKED,
        );
      // Only a real user's lockout is an event worth reporting.
      expect(
        (await listEvents(gateway, user.poolId))
          .filter((event) => event.type === "USER_LOCKED_OUT")
          .map((event) => event.detail),
      ).toEqual([
        { userSub: user.sub, lockedSeconds: 1 },
        { userSub: user.sub, lockedSeconds: 2 },
      ]);
    });

    it("says UserNotFoundException for an unknown user on a LEGACY client, in both flows", async () => {
      const user = await userInNewPool({ preventUserExistenceErrors: "LEGACY" });
      const ghost = uniqueName("ghost");
      expectError(
        (await startSrp(gateway, { poolId: user.poolId, clientId: user.clientId, username: ghost })).result,
        "UserNotFoundException",
        "User does not exist.",
      );
      expectError(
        await passwordSignIn(gateway, user.clientId, ghost, GOOD_PASSWORD),
        "UserNotFoundException",
        "User does not exist.",
      );
      expectError(await user.attempt(WRONG_PASSWORD), "NotAuthorizedException", INCORRECT);
    });
  });

  describe("one sign-in step per document", () => {
    const step = (alias: string, clientId: string, username: string) =>
      `${alias}: initiateAuth(input: { clientId: "${clientId}", authFlow: USER_PASSWORD_AUTH, authParameters: { USERNAME: "${username}", PASSWORD: "${GOOD_PASSWORD}" } }) { __typename }`;

    it("refuses a document with two aliased sign-in mutations and runs neither", async () => {
      const user = await userInNewPool();
      const { challenge, client } = await (async () => {
        const started = await startSrp(gateway, user);
        return { client: started.client, challenge: expectChallenge(started.result) };
      })();
      const respondStep = `r: respondToAuthChallenge(input: { clientId: "${user.clientId}", challengeName: PASSWORD_VERIFIER, session: "${challenge.session}", challengeResponses: { USERNAME: "${user.username}" } }) { __typename }`;
      for (const document of [
        `mutation { ${step("a", user.clientId, user.username)} ${step("b", user.clientId, user.username)} }`,
        `mutation { ${step("a", user.clientId, user.username)} ${respondStep} }`,
      ]) {
        const result = await postGraphql(gateway.url, document);
        expectError(
          result,
          "InvalidParameterException",
          "A document may contain at most one sign-in or challenge-response mutation.",
        );
      }
      const types = (await listEvents(gateway, user.poolId))
        .map((event) => event.type)
        .filter((type) => SIGN_IN_EVENTS.includes(type));
      expect(types).toEqual(["CHALLENGE_ISSUED"]);
      // The refused document did not touch the session either.
      expectTokens(
        await respond(gateway, user.clientId, challenge, answerVerifier(client, challenge, GOOD_PASSWORD, clock)),
      );
    });

    it("runs a document with a single aliased sign-in mutation", async () => {
      const user = await userInNewPool();
      const result = await postGraphql<{ a: { __typename: string } }, never>(
        gateway.url,
        `mutation { ${step("a", user.clientId, user.username)} }`,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.a.__typename).toBe("AuthenticationResult");
    });
  });
});
