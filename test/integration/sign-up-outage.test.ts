import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../src/core/ports.js";
import { BACKENDS, type Backend } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import {
  ConfirmSignUpDocument,
  ResendConfirmationCodeDocument,
  SentMessagesDocument,
  SignUpDocument,
} from "../support/generated/graphql.js";
import { errorCodes, expectData, type GraphqlResult } from "../support/graphql-client.js";
import { createTcpProxy, type TcpProxy } from "../support/tcp-proxy.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/** Sign-ups fired at once, and the sign-up commit after which the database goes away. */
const BURST = 30;
const CUT_AFTER_SIGN_UP_COMMIT = 6;

/**
 * The outage: on MariaDB the connection itself is cut (a TCP proxy between the gateway and the
 * server); on the embedded backend, whose SQLite file cannot be cut off, every database call fails
 * while it is down, as the driver's would. Either way it starts right after a sign-up's transaction
 * has committed, before anything else reaches the database: the moment that used to strand users.
 */
interface Outage {
  /** Wraps the gateway's database: watches sign-up commits and, on the embedded backend, fails calls while down. */
  wrapDatabase(db: Database): Database;
  /** Environment for the gateway (MariaDB: its DATABASE_URL through the proxy). */
  env: Record<string, string>;
  /** Starts the outage right after the n-th sign-up commit from now. */
  armAfterSignUpCommits(count: number): void;
  hasHappened(): boolean;
  restore(): Promise<void>;
  close(): Promise<void>;
}

async function createOutage(backend: Backend): Promise<Outage> {
  let proxy: TcpProxy | null = null;
  const env: Record<string, string> = { BCRYPT_COST: "4" };
  if (backend.name === "mariadb+redis") {
    const database = new URL(backend.env.DATABASE_URL!);
    proxy = await createTcpProxy(database.hostname, Number(database.port || 3306));
    database.port = String(proxy.port);
    env.DATABASE_URL = database.toString();
  }
  let isDown = false;
  let hasHappened = false;
  let commitsLeft = Number.POSITIVE_INFINITY;
  let cutting: Promise<void> = Promise.resolve();
  const cut = () => {
    isDown = true;
    hasHappened = true;
    // The proxy drops every socket synchronously: the next statement already finds no connection.
    if (proxy) cutting = proxy.cut();
  };
  const failIfDown = () => {
    if (isDown && !proxy) throw new Error("connection lost (injected outage)");
  };
  return {
    env,
    wrapDatabase: (db) => ({
      async transaction(work) {
        failIfDown();
        let isSignUp = false;
        const result = await db.transaction((repositories) =>
          work({
            ...repositories,
            events: {
              ...repositories.events,
              append: (event, at) => {
                if (event.type === "USER_SIGNED_UP") isSignUp = true;
                return repositories.events.append(event, at);
              },
            },
          }),
        );
        if (isSignUp && --commitsLeft === 0) cut();
        return result;
      },
      async read(work) {
        failIfDown();
        return db.read(work);
      },
      async ping() {
        failIfDown();
        return db.ping();
      },
      close: () => db.close(),
    }),
    armAfterSignUpCommits(count) {
      commitsLeft = count;
    },
    hasHappened: () => hasHappened,
    async restore() {
      await cutting;
      isDown = false;
      if (proxy) await proxy.restore();
    },
    async close() {
      await proxy?.close();
    },
  };
}

type Outcome =
  "succeeded" | "retried after an error" | "answer lost, code sent" | "resent after CodeDeliveryFailure" | "stranded";

describe.each(BACKENDS)("sign-up through a database outage on $name", (backend) => {
  let outage: Outage;
  let gateway: TestApp;

  beforeAll(async () => {
    outage = await createOutage(backend);
    gateway = await getTestApp(backend, { env: outage.env, overrides: { wrapDatabase: outage.wrapDatabase } });
  });
  afterAll(async () => {
    await outage?.restore().catch(() => undefined);
    await gateway?.close();
    await outage?.close();
  });

  const signUp = (clientId: string, username: string) =>
    gateway.gql(
      SignUpDocument,
      {
        input: {
          clientId,
          username,
          password: GOOD_PASSWORD,
          userAttributes: [{ name: "email", value: `${username}@example.com` }],
        },
      },
      null,
    );

  /** The codes in the outbox for the user's email, oldest first. */
  async function codesSentTo(poolId: string, username: string): Promise<string[]> {
    const messages = expectData(
      await gateway.gql(SentMessagesDocument, {
        userPoolId: poolId,
        destination: `${username}@example.com`,
        first: 60,
      }),
    ).sentMessages.items;
    return messages
      .map((message) => /\b(\d{6})\b/.exec(message.body)?.[1])
      .filter((code): code is string => code !== undefined);
  }

  /** The newest code the user was sent confirms the sign-up. */
  async function confirmsWithSentCode(poolId: string, clientId: string, username: string): Promise<boolean> {
    const code = (await codesSentTo(poolId, username)).at(-1);
    if (!code) return false;
    const confirmed = await gateway.gql(
      ConfirmSignUpDocument,
      { input: { clientId, username, confirmationCode: code } },
      null,
    );
    return errorCodes(confirmed).length === 0;
  }

  /** What a client does after the outage, and whether it ends with a confirmed user. */
  async function recover(
    poolId: string,
    clientId: string,
    username: string,
    first: GraphqlResult<unknown>,
  ): Promise<Outcome> {
    const [code] = errorCodes(first);
    if (code === undefined) return (await confirmsWithSentCode(poolId, clientId, username)) ? "succeeded" : "stranded";
    if (code === "CodeDeliveryFailureException") {
      // The user exists and was told so: ResendConfirmationCode is the way on.
      const resent = await gateway.gql(ResendConfirmationCodeDocument, { input: { clientId, username } }, null);
      if (errorCodes(resent).length > 0) return "stranded";
      return (await confirmsWithSentCode(poolId, clientId, username)) ? "resent after CodeDeliveryFailure" : "stranded";
    }
    const retried = await signUp(clientId, username);
    const [retryCode] = errorCodes(retried);
    if (retryCode === undefined)
      return (await confirmsWithSentCode(poolId, clientId, username)) ? "retried after an error" : "stranded";
    // Only acceptable when the first call did commit (its answer was lost with the connection) and
    // the user has its code: then the user can confirm. A user with no code is stranded.
    if (retryCode === "UsernameExistsException")
      return (await confirmsWithSentCode(poolId, clientId, username)) ? "answer lost, code sent" : "stranded";
    return "stranded";
  }

  it(`cut mid-burst of ${BURST} sign-ups: each one either committed with its code or left nothing behind, and every user confirms after recovery`, async () => {
    const { poolId, clientId } = await createPoolWithClient(gateway, { autoVerifiedAttributes: ["email"] });
    const usernames = Array.from({ length: BURST }, () => uniqueName("outage"));
    outage.armAfterSignUpCommits(CUT_AFTER_SIGN_UP_COMMIT);
    const firstAnswers = await Promise.all(usernames.map((username) => signUp(clientId, username)));
    expect(outage.hasHappened()).toBe(true);
    await outage.restore();
    await vi.waitFor(() => gateway.app.db.ping(), { timeout: 15_000, interval: 100 });

    const outcomes: Outcome[] = [];
    for (const [index, username] of usernames.entries())
      outcomes.push(await recover(poolId, clientId, username, firstAnswers[index]!));
    const tally = Object.fromEntries(
      [...new Set(outcomes)].map((outcome) => [outcome, outcomes.filter((each) => each === outcome).length]),
    );
    const firstErrors = firstAnswers.flatMap((answer) => errorCodes(answer));
    // The outage really fell inside the burst: some got through before it, some did not.
    expect(firstErrors.length, JSON.stringify(tally)).toBeGreaterThan(0);
    expect(firstErrors.length, JSON.stringify(tally)).toBeLessThan(BURST);
    expect(tally.stranded ?? 0, JSON.stringify(tally)).toBe(0);
    // No user of the burst ended without a code in the outbox.
    for (const username of usernames) expect((await codesSentTo(poolId, username)).length, username).toBeGreaterThan(0);
  });
});
