import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import { createFastSrpClient } from "../support/fast-srp-client.js";
import { InitiateAuthDocument, RespondToAuthChallengeDocument } from "../support/generated/graphql.js";
import { createConfirmedUser, expectChallenge, expectTokens, signInEnv } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/** What the in-process gateway sends while a capture runs: SQL through mysql2's diagnostics channels, Redis through ioredis's sendCommand (wrapped once; counting only). */
let sink: { sql: string[]; redis: string[] } | null = null;
const SQL_CHANNELS = ["tracing:mysql2:query:start", "tracing:mysql2:execute:start"];
const onStatement = (context: unknown) =>
  void sink?.sql.push(
    String((context as { query: string }).query)
      .replace(/\s+/g, " ")
      .slice(0, 120),
  );
function wrapRedisCommands(): void {
  const prototype = (
    createRequire(__filename)("ioredis") as { prototype: Record<string, (...args: unknown[]) => unknown> }
  ).prototype;
  if ((prototype.sendCommand as { wrapped?: boolean }).wrapped) return;
  const original = prototype.sendCommand!;
  const wrapped = function (this: unknown, ...args: unknown[]) {
    const command = args[0] as { name: string; args: unknown[] };
    // EVALSHA's first key tells the scripts apart here.
    sink?.redis.push(
      command.name === "evalsha" ? `evalsha ${String(command.args[2])}` : `${command.name} ${String(command.args[0])}`,
    );
    return original.apply(this, args);
  };
  prototype.sendCommand = Object.assign(wrapped, { wrapped: true });
}

async function captureRound<T>(work: () => Promise<T>): Promise<{ result: T; sql: string[]; redis: string[] }> {
  wrapRedisCommands();
  const captured = { sql: [] as string[], redis: [] as string[] };
  sink = captured;
  for (const channel of SQL_CHANNELS) subscribe(channel, onStatement);
  try {
    return { result: await work(), ...captured };
  } finally {
    for (const channel of SQL_CHANNELS) unsubscribe(channel, onStatement);
    sink = null;
  }
}

/**
 * What one SRP sign-in costs on MariaDB + Redis (#18): InitiateAuth USER_SRP_AUTH reads the user
 * (1), checks the lockout and stores the session in one Redis script, and records CHALLENGE_ISSUED
 * (1); RespondToAuthChallenge takes the session and reserves the attempt in one Redis script, reads
 * the user with its groups (1), gives the attempt back, and commits the refresh token with
 * SIGN_IN_SUCCEEDED in one request (1). Commit notes (PUBLISH) only wake readers and are counted apart.
 */
describe.each(BACKENDS.filter((backend) => backend.name !== "embedded"))(
  "round trips of an SRP sign-in on $name",
  (backend) => {
    let gateway: TestApp;
    beforeAll(async () => {
      // No background poll during a capture: the webhook dispatcher would read its table meanwhile.
      gateway = await getTestApp(backend, {
        env: signInEnv(backend),
        overrides: { webhookDispatcher: { pollIntervalMs: 3_600_000 } },
      });
    });
    afterAll(async () => gateway?.close());

    /** Two SRP sign-ins of the user as `typed`, answered with `answeredAs`; the second, warm one captured step by step. */
    async function captureSignIn(
      poolId: string,
      clientId: string,
      typed: string,
      answeredAs: (challenge: { USER_ID_FOR_SRP?: string | null }) => string,
    ) {
      const signIn = async () => {
        const client = createFastSrpClient(poolId);
        const initiate = await captureRound(() =>
          gateway.gql(
            InitiateAuthDocument,
            { input: { clientId, authFlow: "USER_SRP_AUTH", authParameters: { USERNAME: typed, SRP_A: client.srpA } } },
            null,
          ),
        );
        const challenge = expectChallenge(initiate.result);
        const challengeResponses = {
          ...client.answer(challenge.challengeParameters, GOOD_PASSWORD),
          USERNAME: answeredAs(challenge.challengeParameters),
        };
        const respond = await captureRound(() =>
          gateway.gql(
            RespondToAuthChallengeDocument,
            { input: { clientId, challengeName: "PASSWORD_VERIFIER", session: challenge.session, challengeResponses } },
            null,
          ),
        );
        expectTokens(respond.result);
        return { initiate, respond };
      };
      // The first sign-in creates the pool's signing keys and fills the per-process caches.
      await signIn();
      const { initiate, respond } = await signIn();
      const report = JSON.stringify(
        { initiate: { sql: initiate.sql, redis: initiate.redis }, respond: { sql: respond.sql, redis: respond.redis } },
        null,
        1,
      );
      return { initiate, respond, report };
    }
    const notPublish = (commands: string[]) => commands.filter((command) => !command.startsWith("publish"));

    it("makes at most 4 SQL statements and 3 Redis commands besides the commit notes", async () => {
      const { poolId, clientId } = await createPoolWithClient(gateway);
      const username = uniqueName("trips");
      await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD);
      const { initiate, respond, report } = await captureSignIn(
        poolId,
        clientId,
        username,
        (challenge) => challenge.USER_ID_FOR_SRP!,
      );
      expect(initiate.sql.length + respond.sql.length, report).toBeLessThanOrEqual(4);
      expect(notPublish(initiate.redis).length + notPublish(respond.redis).length, report).toBeLessThanOrEqual(3);
      expect(initiate.sql.length, report).toBe(2);
      expect(notPublish(initiate.redis), report).toHaveLength(1);
    });

    it("looks the user up once when the answer repeats the alias typed at InitiateAuth", async () => {
      const { poolId, clientId } = await createPoolWithClient(gateway, { aliasAttributes: ["email"] });
      const email = `${uniqueName("alias")}@example.com`;
      await createConfirmedUser(gateway, poolId, uniqueName("trips"), GOOD_PASSWORD, [
        { name: "email", value: email },
        { name: "email_verified", value: "true" },
      ]);
      const { respond, report } = await captureSignIn(poolId, clientId, email, () => email);
      // The user with its groups, and the closing writes: the alias is not resolved a second time.
      expect(respond.sql, report).toHaveLength(2);
    });
  },
);
