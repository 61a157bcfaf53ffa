/**
 * Live user events under load: BENCH_SUBSCRIBERS (1000) graphql-ws subscribers on one pool, split
 * across two gateway processes (separate `node dist/src/main.js` processes sharing MariaDB + Redis),
 * while events are produced on process A at a steady BENCH_RATE per second (10) for BENCH_SECONDS
 * (10). Prints deliveries per second and the latency from commit to delivery (the event's
 * occurredAt, stamped inside its transaction, to its arrival at the subscriber), by process.
 * Not part of the suite; run it with
 *   DATABASE_URL=mariadb://root@127.0.0.1:3306/gw_dev REDIS_URL=redis://127.0.0.1:6379 npm run bench:user-events
 * (without the two variables it runs one embedded process instead, and says so).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { print } from "graphql";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, describe, expect, it } from "vitest";
import {
  AuditEventsDocument,
  CreateGroupDocument,
  CreateUserPoolDocument,
  UpdateGroupDocument,
  UserEventsDocument,
  type UserEventsSubscription,
} from "../support/generated/graphql.js";
import { expectData, postGraphql } from "../support/graphql-client.js";
import { fixed, log, machineLine, percentile, table } from "./bench-stats.js";

const DATABASE_URL = process.env.DATABASE_URL ?? "";
const REDIS_URL = process.env.REDIS_URL ?? "";
const isExternal = /^(mariadb|mysql):/.test(DATABASE_URL) && REDIS_URL !== "";
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const root = path.resolve(__dirname, "../..");

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

interface Gateway {
  name: string;
  url: string;
  process: ChildProcess;
}

async function startGateway(name: string, env: Record<string, string>): Promise<Gateway> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, "dist/src/main.js")], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Identity gateway ready")) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`gateway ${name} exited with ${code}: ${output}`)));
  });
  return { name, url: `http://127.0.0.1:${port}/graphql`, process: child };
}

type LiveEvent = UserEventsSubscription["userEvents"];

interface Subscriber {
  gateway: string;
  client: Client;
  received: { seq: number; latencyMs: number; arrivedAtMs: number }[];
}

describe("live user events benchmark", () => {
  const gateways: Gateway[] = [];
  const subscribers: Subscriber[] = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), "gw-bench-events-"));
  afterAll(async () => {
    await Promise.allSettled(subscribers.map((subscriber) => subscriber.client.dispose()));
    // SIGTERM first; SIGKILL after 5 s (on MariaDB + Redis a SIGTERM'd gateway does not always exit).
    await Promise.all(
      gateways.map(async (gateway) => {
        if (gateway.process.exitCode !== null) return;
        const exited = new Promise((resolve) => gateway.process.once("exit", resolve));
        gateway.process.kill("SIGTERM");
        const timer = setTimeout(() => gateway.process.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(timer);
      }),
    );
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`delivers to ${SUBSCRIBERS} subscribers on one pool`, async () => {
    log(machineLine());
    if (!isExternal)
      log(
        "DATABASE_URL/REDIS_URL not set: ONE embedded gateway process (the figure asked for is MariaDB + Redis with two processes).",
      );
    const build = spawn("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
    expect(await new Promise((resolve) => build.once("exit", resolve))).toBe(0);

    const adminKey = `bench-admin-${randomBytes(24).toString("hex")}`;
    const env: Record<string, string> = {
      ADMIN_API_KEY: adminKey,
      SECRETS_KEY: randomBytes(32).toString("base64"),
      MAX_USER_POOLS: "10000",
      DATA_DIR: dataDir,
      ...(isExternal ? { DATABASE_URL, REDIS_URL } : {}),
    };
    gateways.push(await startGateway("A", env));
    if (isExternal) gateways.push(await startGateway("B", env));
    const producer = gateways[0]!;
    const gql = <TData, TVariables>(
      document: Parameters<typeof postGraphql<TData, TVariables>>[1],
      variables: TVariables,
    ) => postGraphql(producer.url, document, variables, { token: adminKey });

    const pool = expectData(
      await gql(CreateUserPoolDocument, { input: { name: `bench-events-${Date.now()}` } }),
    ).createUserPool;
    const groupName = "bench-group";
    expectData(await gql(CreateGroupDocument, { input: { userPoolId: pool.id, groupName } }));
    const start = expectData(await gql(AuditEventsDocument, { userPoolId: pool.id, first: 1 })).events.items[0]!.cursor;

    const query = print(UserEventsDocument);
    const describeError = (error: unknown) => {
      const { message, code, reason } = (error ?? {}) as { message?: string; code?: number; reason?: string };
      return JSON.stringify({ message, code, reason });
    };
    let connecting: Promise<void>[] = [];
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const gateway = gateways[i % gateways.length]!;
      let onConnected: () => void = () => undefined;
      connecting.push(new Promise<void>((resolve) => (onConnected = resolve)));
      const client = createClient({
        url: gateway.url.replace(/^http/, "ws"),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${adminKey}` },
        // A refused or reset connection (a full accept queue) is retried, as a real client would.
        retryAttempts: 5,
        shouldRetry: () => true,
        on: { connected: () => onConnected(), error: () => onConnected() },
      });
      const subscriber: Subscriber = { gateway: gateway.name, client, received: [] };
      client.subscribe<UserEventsSubscription>(
        { query, variables: { userPoolId: pool.id, types: ["GROUP_UPDATED"], after: start } },
        {
          next: ({ data }) => {
            const event: LiveEvent | undefined = data?.userEvents;
            if (!event) return;
            const now = Date.now();
            subscriber.received.push({
              seq: event.seq,
              latencyMs: now - Date.parse(event.occurredAt),
              arrivedAtMs: now,
            });
          },
          error: (error) => log(`subscriber error: ${describeError(error)}`),
          complete: () => undefined,
        },
      );
      subscribers.push(subscriber);
      // Connect in batches, as clients arriving over time would, rather than 1,000 SYNs at once.
      if (connecting.length === 100) {
        await Promise.all(connecting);
        connecting = [];
      }
    }
    await Promise.all(connecting);
    const waitAll = async (count: number, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      while (subscribers.some((subscriber) => subscriber.received.length < count) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
    };
    // Warm-up: one event every subscriber must get (so all are live before the clock starts).
    expectData(await gql(UpdateGroupDocument, { input: { userPoolId: pool.id, groupName, description: "warm-up" } }));
    await waitAll(1, 120_000);
    const connected = subscribers.filter((subscriber) => subscriber.received.length >= 1).length;
    log(`${connected} of ${SUBSCRIBERS} subscribers live on ${gateways.length} gateway process(es)`);
    for (const subscriber of subscribers) subscriber.received.length = 0;

    const total = RATE * SECONDS;
    const intervalMs = 1000 / RATE;
    const startedAt = Date.now();
    const producing: Promise<unknown>[] = [];
    for (let i = 0; i < total; i++) {
      const due = startedAt + i * intervalMs;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      producing.push(
        gql(UpdateGroupDocument, { input: { userPoolId: pool.id, groupName, description: `event ${i}` } }).then(
          expectData,
        ),
      );
    }
    await Promise.all(producing);
    const producedInMs = Date.now() - startedAt;
    await waitAll(total, 60_000);

    const all = subscribers.flatMap((subscriber) => subscriber.received);
    const delivered = all.length;
    const lastArrival = all.reduce((latest, entry) => Math.max(latest, entry.arrivedAtMs), 0);
    const duplicates = subscribers.reduce(
      (sum, subscriber) =>
        sum + (subscriber.received.length - new Set(subscriber.received.map((entry) => entry.seq)).size),
      0,
    );
    const outOfOrder = subscribers.filter((subscriber) =>
      subscriber.received.some((entry, index) => index > 0 && entry.seq < subscriber.received[index - 1]!.seq),
    ).length;
    const rows = [...gateways.map((gateway) => gateway.name), "all"].map((name) => {
      const entries = subscribers
        .filter((subscriber) => name === "all" || subscriber.gateway === name)
        .flatMap((subscriber) => subscriber.received.map((entry) => entry.latencyMs));
      return [
        name,
        entries.length,
        fixed(percentile(entries, 50), 0),
        fixed(percentile(entries, 99), 0),
        fixed(
          entries.reduce((max, value) => Math.max(max, value), 0),
          0,
        ),
      ];
    });
    log();
    log(
      `${SUBSCRIBERS} subscribers, ${total} events at ${RATE}/s produced on process A in ${(producedInMs / 1000).toFixed(1)} s (${isExternal ? "MariaDB + Redis, two processes" : "embedded, one process"})`,
    );
    log(
      `delivered ${delivered} of ${total * SUBSCRIBERS} (${fixed(delivered / ((lastArrival - startedAt) / 1000), 0)} deliveries/s), duplicates ${duplicates}, subscribers out of order ${outOfOrder}`,
    );
    for (const line of table(["process", "deliveries", "p50 ms", "p99 ms", "max ms"], rows)) log(line);
    expect(delivered).toBe(total * SUBSCRIBERS);
  });
});
