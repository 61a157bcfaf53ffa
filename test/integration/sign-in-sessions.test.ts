import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/lib/clock.js";
import { formatSrpTimestamp } from "../../src/lib/srp-timestamp.js";
import { BACKENDS, withClusterBackend } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import { CreateUserPoolClientDocument, InitiateAuthDocument } from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import {
  answerVerifier,
  createConfirmedUser,
  expectChallenge,
  expectError,
  expectTokens,
  INCORRECT,
  respond,
  SESSION_EXPIRED,
  SESSION_USED,
  signInEnv,
  startSrp,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { N_HEX } from "../../src/infra/crypto/srp.js";

/** Changes one character of a base64 string (the first), keeping it well-formed. */
const flipFirst = (text: string): string => `${text[0] === "A" ? "B" : "A"}${text.slice(1)}`;

describe.each(withClusterBackend(BACKENDS, "SRP tampering and challenge sessions"))(
  "SRP tampering and challenge sessions on $name",
  (backend) => {
    let gateway: TestApp;
    const clock = createManualClock(new Date());
    const secretsKey = randomBytes(32).toString("base64");

    beforeAll(async () => {
      gateway = await getTestApp(backend, {
        env: { ...signInEnv(backend), SECRETS_KEY: secretsKey },
        overrides: { clock },
      });
    });
    afterAll(async () => gateway?.close());
    // Tests move the clock; each starts from the wall clock again (SRP timestamps follow the gateway's clock).
    beforeEach(() => clock.set(new Date()));

    async function userInNewPool(clientInput: Parameters<typeof createPoolWithClient>[2] = {}) {
      const { poolId, clientId } = await createPoolWithClient(gateway, {}, clientInput);
      const { username } = await createConfirmedUser(gateway, poolId, uniqueName("srp"), GOOD_PASSWORD);
      return { poolId, clientId, username };
    }

    async function challengeFor(target: { poolId: string; clientId: string; username: string }, on: TestApp = gateway) {
      const { client, result } = await startSrp(on, target);
      return { client, challenge: expectChallenge(result) };
    }

    it("refuses a tampered PASSWORD_CLAIM_SIGNATURE, and the session cannot be answered again", async () => {
      const user = await userInNewPool();
      const { client, challenge } = await challengeFor(user);
      const answer = answerVerifier(client, challenge, GOOD_PASSWORD, clock);
      expectError(
        await respond(gateway, user.clientId, challenge, {
          ...answer,
          PASSWORD_CLAIM_SIGNATURE: flipFirst(answer.PASSWORD_CLAIM_SIGNATURE),
        }),
        "NotAuthorizedException",
        INCORRECT,
      );
      expectError(await respond(gateway, user.clientId, challenge, answer), "NotAuthorizedException", SESSION_USED);
    });

    it.each([
      ["a zero-padded day", "Tue Nov 03 09:05:07 UTC 2026"],
      ["a wrong weekday", "Wed Nov 3 09:05:07 UTC 2026"],
    ])(
      "refuses a TIMESTAMP with %s as unparseable (InvalidParameterException, before any proof is checked); the session stays for a corrected answer",
      async (_label, timestamp) => {
        // The signature is genuine (signed over the text sent): only the format is wrong.
        clock.set(new Date("2026-11-03T09:05:07Z"));
        const user = await userInNewPool();
        const { client, challenge } = await challengeFor(user);
        const tampered = client.answer(challenge.challengeParameters, GOOD_PASSWORD, timestamp);
        expectError(
          await respond(gateway, user.clientId, challenge, tampered),
          "InvalidParameterException",
          "TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.",
        );
        const canonical = client.answer(challenge.challengeParameters, GOOD_PASSWORD, "Tue Nov 3 09:05:07 UTC 2026");
        expectTokens(await respond(gateway, user.clientId, challenge, canonical));
        expectError(
          await respond(gateway, user.clientId, challenge, canonical),
          "NotAuthorizedException",
          SESSION_USED,
        );
      },
    );

    it.each(["PASSWORD_CLAIM_SIGNATURE", "PASSWORD_CLAIM_SECRET_BLOCK", "TIMESTAMP", "USERNAME"])(
      "refuses an answer without %s (InvalidParameterException naming it); the session stays for a corrected answer",
      async (missing) => {
        const user = await userInNewPool();
        const { client, challenge } = await challengeFor(user);
        const answer: Record<string, string> = answerVerifier(client, challenge, GOOD_PASSWORD, clock);
        const { [missing]: _left, ...incomplete } = answer;
        expectError(
          await respond(gateway, user.clientId, challenge, incomplete),
          "InvalidParameterException",
          `Missing required parameter ${missing}`,
        );
        expectTokens(await respond(gateway, user.clientId, challenge, answer));
        expectError(await respond(gateway, user.clientId, challenge, answer), "NotAuthorizedException", SESSION_USED);
      },
    );

    it("refuses a TIMESTAMP ten minutes away from the server's time either way, accepts one four minutes away", async () => {
      const user = await userInNewPool();
      for (const offsetMinutes of [10, -10]) {
        const { client, challenge } = await challengeFor(user);
        const answer = client.answer(
          challenge.challengeParameters,
          GOOD_PASSWORD,
          formatSrpTimestamp(new Date(clock.nowMs() + offsetMinutes * 60_000)),
        );
        expectError(await respond(gateway, user.clientId, challenge, answer), "NotAuthorizedException", INCORRECT);
      }
      const { client, challenge } = await challengeFor(user);
      expectTokens(
        await respond(
          gateway,
          user.clientId,
          challenge,
          client.answer(
            challenge.challengeParameters,
            GOOD_PASSWORD,
            formatSrpTimestamp(new Date(clock.nowMs() + 4 * 60_000)),
          ),
        ),
      );
    });

    it("refuses a PASSWORD_CLAIM_SECRET_BLOCK other than the one this session issued", async () => {
      const user = await userInNewPool();
      const first = await challengeFor(user);
      const second = await challengeFor(user);
      // Signed by the right client over the other session's block: consistent, but not this session's.
      const swapped = first.client.answer(
        { ...first.challenge.challengeParameters, SECRET_BLOCK: second.challenge.challengeParameters.SECRET_BLOCK },
        GOOD_PASSWORD,
        formatSrpTimestamp(clock.now()),
      );
      expectError(await respond(gateway, user.clientId, first.challenge, swapped), "NotAuthorizedException", INCORRECT);
      expectTokens(
        await respond(
          gateway,
          user.clientId,
          second.challenge,
          answerVerifier(second.client, second.challenge, GOOD_PASSWORD, clock),
        ),
      );
    });

    it("refuses SRP_A values that are 0 modulo N before issuing a challenge", async () => {
      const user = await userInNewPool();
      const threeN = (3n * BigInt(`0x${N_HEX}`)).toString(16);
      for (const srpA of ["0", "000", N_HEX, N_HEX.toLowerCase(), threeN, "not-hex"]) {
        const result = await gateway.gql(
          InitiateAuthDocument,
          {
            input: {
              clientId: user.clientId,
              authFlow: "USER_SRP_AUTH",
              authParameters: { USERNAME: user.username, SRP_A: srpA },
            },
          },
          null,
        );
        expectError(result, "InvalidParameterException", "SRP_A is not a valid SRP public value.");
      }
    });

    it("binds the session to the client that started it", async () => {
      const user = await userInNewPool();
      const otherClient = expectData(
        await gateway.gql(CreateUserPoolClientDocument, {
          userPoolId: user.poolId,
          input: { clientName: "other", explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"] },
        }),
      ).createUserPoolClient;
      const { client, challenge } = await challengeFor(user);
      const answer = answerVerifier(client, challenge, GOOD_PASSWORD, clock);
      expectError(
        await respond(gateway, otherClient.clientId, challenge, answer),
        "NotAuthorizedException",
        SESSION_EXPIRED,
      );
      // The attempt spent the session: the right client cannot finish it either.
      expectError(await respond(gateway, user.clientId, challenge, answer), "NotAuthorizedException", SESSION_USED);
    });

    it("refuses a claim whose USERNAME names another user than the session's", async () => {
      const user = await userInNewPool();
      const other = await createConfirmedUser(gateway, user.poolId, uniqueName("other"), GOOD_PASSWORD);
      const { client, challenge } = await challengeFor(user);
      expectError(
        await respond(gateway, user.clientId, challenge, {
          ...answerVerifier(client, challenge, GOOD_PASSWORD, clock),
          USERNAME: other.username,
        }),
        "NotAuthorizedException",
        INCORRECT,
      );
    });

    it("refuses an answer for another challenge than the session waits for, and keeps the session: still used once", async () => {
      const user = await userInNewPool();
      const { client, challenge } = await challengeFor(user);
      const answerAnother = () =>
        respond(
          gateway,
          user.clientId,
          { ...challenge, challengeName: "NEW_PASSWORD_REQUIRED" },
          { USERNAME: user.username, NEW_PASSWORD: GOOD_PASSWORD },
        );
      expectError(await answerAnother(), "InvalidParameterException");
      // Wrong and right ChallengeNames at once, then once more: of all of them exactly one gets tokens.
      const answer = answerVerifier(client, challenge, GOOD_PASSWORD, clock);
      const burst = await Promise.all(
        Array.from({ length: 4 }, () => [answerAnother(), respond(gateway, user.clientId, challenge, answer)]).flat(),
      );
      const results = [...burst, await respond(gateway, user.clientId, challenge, answer)];
      const signedIn = results.filter(
        (result) => result.data?.respondToAuthChallenge.__typename === "AuthenticationResult",
      );
      expect(signedIn, JSON.stringify(results.map((result) => result.errors?.[0]?.message ?? "tokens"))).toHaveLength(
        1,
      );
    });

    it("uses a session once: answering again after the tokens is refused", async () => {
      const user = await userInNewPool();
      const { client, challenge } = await challengeFor(user);
      const answer = answerVerifier(client, challenge, GOOD_PASSWORD, clock);
      expectTokens(await respond(gateway, user.clientId, challenge, answer));
      expectError(await respond(gateway, user.clientId, challenge, answer), "NotAuthorizedException", SESSION_USED);
    });

    it("expires a session after the client's authSessionValidity (3 minutes by default)", async () => {
      const user = await userInNewPool();
      const longer = expectData(
        await gateway.gql(CreateUserPoolClientDocument, {
          userPoolId: user.poolId,
          input: { clientName: "slow", explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"], authSessionValidity: 15 },
        }),
      ).createUserPoolClient;
      const justInTime = await challengeFor(user);
      const late = await challengeFor(user);
      const slowClient = await challengeFor({ ...user, clientId: longer.clientId });

      clock.advanceSeconds(179);
      expectTokens(
        await respond(
          gateway,
          user.clientId,
          justInTime.challenge,
          answerVerifier(justInTime.client, justInTime.challenge, GOOD_PASSWORD, clock),
        ),
      );
      clock.advanceSeconds(2);
      expectError(
        await respond(
          gateway,
          user.clientId,
          late.challenge,
          answerVerifier(late.client, late.challenge, GOOD_PASSWORD, clock),
        ),
        "NotAuthorizedException",
        SESSION_EXPIRED,
      );
      expectTokens(
        await respond(
          gateway,
          longer.clientId,
          slowClient.challenge,
          answerVerifier(slowClient.client, slowClient.challenge, GOOD_PASSWORD, clock),
        ),
      );
    });

    // The embedded backend keeps sessions in the process's memory: a second process cannot share them
    // (it would need the same SQLite file and store), so the test only means something on MariaDB + Redis.
    it.skipIf(backend.name === "embedded")(
      "finishes on a second gateway process a PASSWORD_VERIFIER session started on the first",
      async () => {
        const second = await getTestApp(backend, {
          env: { ...signInEnv(backend), SECRETS_KEY: secretsKey },
          overrides: { clock },
        });
        try {
          const user = await userInNewPool();
          const { client, challenge } = await challengeFor(user, gateway);
          const answer = answerVerifier(client, challenge, GOOD_PASSWORD, clock);
          const tokens = expectTokens(await respond(second, user.clientId, challenge, answer));
          expect(tokens.refreshToken).toBeTruthy();
          // Spent everywhere: the first process refuses it as used.
          expectError(await respond(gateway, user.clientId, challenge, answer), "NotAuthorizedException", SESSION_USED);
        } finally {
          await second.close();
        }
      },
    );
  },
);
