import { randomBytes } from "node:crypto";
import { Redis, type RedisOptions } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRedisUrl } from "../../src/lib/redis-url.js";
import { externalBackendConfigured, type Backend } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import { subscribeToUserEvents, type EventSubscriber } from "../support/event-subscriber.js";
import { AuditEventsDocument, CreateGroupDocument } from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import {
  answerVerifier,
  createConfirmedUser,
  expectChallenge,
  expectTokens,
  respond,
  signInEnv,
  startSrp,
  type Challenge,
} from "../support/sign-in.js";
import type { SrpClient } from "../support/cognito-srp-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/**
 * .ci/redis-sentinel's Sentinel also watches "gw-failover", a primary with a replica of their own: this
 * test fails them over without disturbing the Redis (and the Sentinel primary "mymaster") other suites use.
 */
const SENTINEL_URL = process.env.REDIS_SENTINEL_URL;
const MASTER = "gw-failover";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A test-side connection; a failover drops connections, which is no error here (ioredis would print one). */
function connect(options: RedisOptions): Redis {
  const connection = new Redis(options);
  connection.on("error", () => undefined);
  return connection;
}

interface Pair {
  sentinel: Redis;
  sentinelAddress: { host: string; port: number };
  primaryPort(): Promise<number>;
  roleOf(port: number): Promise<string>;
}

function openPair(): Pair {
  const target = parseRedisUrl(SENTINEL_URL!);
  if (target.kind !== "sentinel") throw new Error("REDIS_SENTINEL_URL must be a redis+sentinel:// URL");
  const sentinel = connect({ ...target.sentinels[0]!, lazyConnect: false });
  return {
    sentinel,
    sentinelAddress: target.sentinels[0]!,
    async primaryPort() {
      const [, port] = (await sentinel.call("SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER)) as [string, string];
      return Number(port);
    },
    async roleOf(port) {
      const node = connect({
        host: "127.0.0.1",
        port,
        lazyConnect: false,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      try {
        return ((await node.call("ROLE")) as [string])[0];
      } catch {
        return "down";
      } finally {
        node.disconnect();
      }
    },
  };
}

/** Until the primary has its replica in sync and Sentinel knows it (after a previous run's failover it takes ~10 s). */
async function waitForSyncedPair(pair: Pair): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const port = await pair.primaryPort();
    const node = connect({ host: "127.0.0.1", port, lazyConnect: false });
    const replication = await node.info("replication").finally(() => node.disconnect());
    const replicas = (await pair.sentinel.call("SENTINEL", "REPLICAS", MASTER)) as string[][];
    const flagsOf = (replica: string[]) => replica[replica.indexOf("flags") + 1];
    if (
      /connected_slaves:1/.test(replication) &&
      /slave0:.*state=online/.test(replication) &&
      replicas.length === 1 &&
      flagsOf(replicas[0]!) === "slave"
    )
      return;
    if (Date.now() > deadline) throw new Error(`the ${MASTER} pair is not in sync: ${replication}`);
    await sleep(250);
  }
}

interface Attempt {
  atMs: number;
  durationMs: number;
  on: TestApp;
  challenge: Challenge | null;
  client: SrpClient;
  error: string | null;
}

/** How a test moves the primary; resolves once Sentinel has named the new one. */
type Trigger = (oldPrimary: number) => Promise<void>;

interface Outcome {
  oldPrimary: number;
  newPrimary: number;
  /** Sentinel named the new primary, and turned the old one into its replica, this long after the trigger. */
  switchedAfterMs: number;
  demotedAfterMs: number;
  attempts: number;
  /** "<ms after the trigger>: <error>" for sign-in starts refused, and for sessions whose answer was refused. */
  refused: string[];
  lost: string[];
  slowestStartMs: number;
  groups: number;
}

describe.skipIf(!SENTINEL_URL || !externalBackendConfigured)(
  "gateways across a Redis Sentinel failover (REDIS_SENTINEL_URL)",
  () => {
    const backend: Backend = {
      name: "mariadb+redis",
      env: {
        DATABASE_URL: process.env.DATABASE_URL ?? "",
        REDIS_URL: (SENTINEL_URL ?? "").replace(/^(rediss?\+sentinel:\/\/[^/]+)\/.*$/, `$1/${MASTER}`),
      },
    };
    let pair: Pair;
    let producer: TestApp;
    let consumer: TestApp;

    beforeAll(async () => {
      pair = openPair();
      await waitForSyncedPair(pair);
      // One SECRETS_KEY: either process opens what the other sealed (sessions, signing keys).
      const env = { ...signInEnv(backend), SECRETS_KEY: randomBytes(32).toString("base64") };
      producer = await getTestApp(backend, { env });
      // The consumer's fallback poll is off: only a note through Redis (or a reconnect's catch-up) wakes its feed.
      consumer = await getTestApp(backend, { env, overrides: { eventFeed: { idlePollMs: 3_600_000 } } });
    }, 120_000);
    afterAll(async () => {
      await producer?.close();
      await consumer?.close();
      pair?.sentinel.disconnect();
    });

    /**
     * Moves the primary with `trigger` while both gateways carry load — a sign-in started every 40 ms,
     * alternately on each, and a group created every 250 ms — and checks what must hold: sessions written
     * (and replicated) before it finish on the other process; every sign-in from 2 s after Sentinel named the
     * new primary works; every event reaches a subscriber on the other process once and in order. Returns what
     * the failover cost, measured: each session of the load is answered on the process that did not start it.
     */
    async function throughFailover(trigger: Trigger): Promise<Outcome> {
      await waitForSyncedPair(pair);
      const { poolId, clientId } = await createPoolWithClient(producer);
      const { username } = await createConfirmedUser(producer, poolId, uniqueName("failover"), GOOD_PASSWORD);
      const user = { poolId, clientId, username };
      const start = expectData(await consumer.gql(AuditEventsDocument, { userPoolId: poolId, first: 1 })).events
        .items[0]!.cursor;
      const subscriber: EventSubscriber = subscribeToUserEvents(consumer.url, consumer.adminKey, {
        userPoolId: poolId,
        after: start,
        types: ["GROUP_CREATED"],
      });
      const groups: string[] = [];
      const createGroup = async () => {
        const groupName = uniqueName("g");
        expectData(await producer.gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName } }));
        groups.push(groupName);
      };
      const otherThan = (on: TestApp) => (on === producer ? consumer : producer);
      try {
        await createGroup();
        await subscriber.waitFor((events) => events.length === 1, 5_000);

        // Sessions known to be on the replica too (WAIT: it acknowledged everything written so far).
        const before = await Promise.all(Array.from({ length: 6 }, () => startSrp(producer, user)));
        const probe = connect({ sentinels: [pair.sentinelAddress], name: MASTER });
        await probe.set(`failover-probe:${uniqueName("p")}`, "1", "EX", 60);
        expect(await probe.call("WAIT", "1", "2000")).toBe(1);
        probe.disconnect();

        const attempts: Attempt[] = [];
        let isLoading = true;
        const signInLoad = (async () => {
          for (let i = 0; isLoading; i++) {
            const on = i % 2 === 0 ? producer : consumer;
            const atMs = Date.now();
            const { client, result } = await startSrp(on, user);
            const error = result.errors
              ? String(result.errors[0]?.extensions?.code ?? result.errors[0]?.message)
              : null;
            attempts.push({
              atMs,
              durationMs: Date.now() - atMs,
              on,
              client,
              challenge: error ? null : expectChallenge(result),
              error,
            });
            await sleep(40);
          }
        })();
        const groupErrors: string[] = [];
        const groupLoad = (async () => {
          while (isLoading) {
            await createGroup().catch((error: unknown) => groupErrors.push((error as Error).message));
            await sleep(250);
          }
        })();

        await sleep(500);
        const oldPrimary = await pair.primaryPort();
        const triggeredAtMs = Date.now();
        await trigger(oldPrimary);
        let newPrimary = oldPrimary;
        while (newPrimary === oldPrimary) {
          if (Date.now() - triggeredAtMs > 60_000) throw new Error("Sentinel named no new primary within 60 s");
          await sleep(50);
          newPrimary = await pair.primaryPort();
        }
        const switchedAfterMs = Date.now() - triggeredAtMs;
        // Sentinel turns the old primary into a replica of the new one about 10 s later (when it sees it still
        // claim the role); until then the old primary takes the writes of connections still on it.
        while ((await pair.roleOf(oldPrimary)) !== "slave") {
          if (Date.now() - triggeredAtMs > 90_000)
            throw new Error("the old primary was not turned into a replica within 90 s");
          await sleep(100);
        }
        const demotedAfterMs = Date.now() - triggeredAtMs;
        await sleep(3_000);
        isLoading = false;
        await Promise.all([signInLoad, groupLoad]);

        const refused: string[] = [];
        const lost: string[] = [];
        for (const attempt of attempts) {
          const at = `${attempt.atMs - triggeredAtMs} ms`;
          if (!attempt.challenge) {
            refused.push(`${at}: ${attempt.error}`);
            continue;
          }
          const answered = await respond(
            otherThan(attempt.on),
            clientId,
            attempt.challenge,
            answerVerifier(attempt.client, attempt.challenge, GOOD_PASSWORD),
          );
          if (answered.errors) lost.push(`${at}: ${answered.errors[0]?.message}`);
        }
        const outcome: Outcome = {
          oldPrimary,
          newPrimary,
          switchedAfterMs,
          demotedAfterMs,
          attempts: attempts.length,
          refused,
          lost,
          slowestStartMs: Math.max(...attempts.map((attempt) => attempt.durationMs)),
          groups: groups.length,
        };
        console.log(JSON.stringify(outcome, null, 1));

        // 1. Every session written and replicated before the failover finishes, on the other process.
        for (const { client, result } of before) {
          const challenge = expectChallenge(result);
          expectTokens(await respond(consumer, clientId, challenge, answerVerifier(client, challenge, GOOD_PASSWORD)));
        }
        // 2. New sign-ins work on both processes, and so did every one started from 2 s after Sentinel named
        //    the new primary: the gateways follow +switch-master at once, not the old primary's demotion.
        for (const on of [producer, consumer]) {
          const { client, result } = await startSrp(on, user);
          const challenge = expectChallenge(result);
          expectTokens(
            await respond(otherThan(on), clientId, challenge, answerVerifier(client, challenge, GOOD_PASSWORD)),
          );
        }
        const settledAfterMs = switchedAfterMs + 2_000;
        expect(
          attempts.filter((attempt) => attempt.atMs - triggeredAtMs > settledAfterMs).length,
        ).toBeGreaterThanOrEqual(5);
        const startedAfterSettling = (entries: string[]) =>
          entries.filter((entry) => Number(entry.split(" ")[0]) > settledAfterMs);
        expect(startedAfterSettling(refused)).toEqual([]);
        expect(startedAfterSettling(lost)).toEqual([]);
        // 3. Every group reaches the subscriber on the other process, once and in order — those made during the
        //    failover too (a reconnect makes the feed re-read the table).
        expect(groupErrors).toEqual([]);
        await subscriber.waitFor((events) => events.length >= groups.length, 20_000);
        const delivered = subscriber.events.map((event) =>
          groups.findIndex((name) => JSON.stringify(event.detail).includes(`"${name}"`)),
        );
        expect(delivered).toEqual(groups.map((_, index) => index));
        return outcome;
      } finally {
        await subscriber.close();
      }
    }

    it("SENTINEL FAILOVER under load: no gateway restarts, sessions from before it finish, live events lose nothing; the sessions lost are counted", async () => {
      const outcome = await throughFailover(async () => {
        expect(await pair.sentinel.call("SENTINEL", "FAILOVER", MASTER)).toBe("OK");
      });
      // Only what the old primary took between the promotion and its announcement is lost.
      expect(outcome.refused).toEqual([]);
      expect(outcome.lost.filter((entry) => Number(entry.split(" ")[0]) > outcome.switchedAfterMs + 1_000)).toEqual([]);
    }, 240_000);

    it("a primary that hangs (SIGSTOP) is failed over by Sentinel: requests wait, then carry on without a restart", async () => {
      let stoppedPid: number | null = null;
      try {
        await throughFailover(async (oldPrimary) => {
          const node = connect({ host: "127.0.0.1", port: oldPrimary });
          const pid = Number(/process_id:(\d+)/.exec(await node.info("server"))![1]);
          node.disconnect();
          process.kill(pid, "SIGSTOP");
          stoppedPid = pid;
          // Back once Sentinel has named another primary: then it is demoted like a primary that handed over.
          void (async () => {
            while ((await pair.primaryPort()) === oldPrimary) await sleep(100);
            await sleep(1_000);
            process.kill(pid, "SIGCONT");
            stoppedPid = null;
          })();
        });
      } finally {
        if (stoppedPid !== null) process.kill(stoppedPid, "SIGCONT");
      }
    }, 240_000);
  },
);
