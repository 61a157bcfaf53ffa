/**
 * What an admin request costs beyond its own work: the admin key and the pool it names, read per
 * request or served from the per-process caches. Prints ops/s, p50/p99, gateway-thread CPU ms/op and
 * SQL / Redis round trips per request for a few admin operations over HTTP (GraphQL, bearer admin
 * key). Not part of the suite; run it with
 *   DATABASE_URL=mariadb://root@127.0.0.1:3306/gw_dev REDIS_URL=redis://127.0.0.1:6379 \
 *   npx vitest run --config test/bench/vitest.bench.config.mts test/bench/admin-requests.bench.test.ts
 * Knobs: BENCH_ADMIN_REQUESTS (2000 per operation), BENCH_CONCURRENCY (8).
 */
import { performance } from "node:perf_hooks";
import { print } from "graphql";
import { afterAll, describe, expect, it } from "vitest";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import { AdminGetUserDocument, GetUserPoolDocument, ListUsersDocument } from "../support/generated/graphql.js";
import { postGraphql } from "../support/graphql-client.js";
import { createConfirmedUser } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { countRoundTrips, cpuSince, fixed, log, machineLine, percentile, snapshotCpu, table } from "./bench-stats.js";

const DATABASE_URL = process.env.DATABASE_URL ?? "";
const REDIS_URL = process.env.REDIS_URL ?? "";
const isExternal = /^(mariadb|mysql):/.test(DATABASE_URL) && REDIS_URL !== "";
const REQUESTS = Number(process.env.BENCH_ADMIN_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

async function runConcurrently(
  count: number,
  operation: () => Promise<void>,
): Promise<{ elapsedMs: number; latenciesMs: number[] }> {
  const latenciesMs: number[] = [];
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next++ < count) {
      const operationStarted = performance.now();
      await operation();
      latenciesMs.push(performance.now() - operationStarted);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  return { elapsedMs: performance.now() - started, latenciesMs };
}

describe(`admin requests (${isExternal ? "MariaDB + Redis" : "embedded SQLite + in-process store"})`, () => {
  let gateway: TestApp | undefined;
  afterAll(() => gateway?.close());

  it("prints each admin operation's round trips and gateway CPU per request", async () => {
    log("");
    log(machineLine());
    const roundTrips = countRoundTrips();
    const app = await getTestApp({
      name: isExternal ? "mariadb+redis" : "embedded",
      env: isExternal ? { DATABASE_URL, REDIS_URL, NODE_ENV: "production" } : { NODE_ENV: "production" },
    });
    gateway = app;
    const { poolId } = await createPoolWithClient(app);
    const users = [];
    for (let index = 0; index < 5; index++)
      users.push(await createConfirmedUser(app, poolId, uniqueName(`admin-bench-${index}`), GOOD_PASSWORD));
    const call = (source: string, variables: Record<string, unknown>) => async () => {
      const result = await postGraphql(app.url, source, variables, { token: app.adminKey });
      if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    };
    const operations: [string, () => Promise<void>][] = [
      ["userPool (describeUserPool)", call(print(GetUserPoolDocument), { userPoolId: poolId })],
      ["listUsers (first page of 5)", call(print(ListUsersDocument), { userPoolId: poolId, limit: 10 })],
      ["adminGetUser", call(print(AdminGetUserDocument), { userPoolId: poolId, username: users[0]!.username })],
    ];
    const rows: (string | number)[][] = [];
    const cpuLines: string[] = [];
    for (const [label, operation] of operations) {
      await runConcurrently(100, operation);
      const tripsBefore = roundTrips();
      const cpu = snapshotCpu();
      const run = await runConcurrently(REQUESTS, operation);
      const cpuUsed = cpuSince(cpu);
      const trips = roundTrips();
      expect(run.latenciesMs.length).toBe(REQUESTS);
      cpuLines.push(`${label.padEnd(30)} ${cpuUsed.line}`);
      const perRequest = (count: number) => (isExternal ? fixed(count / REQUESTS, 2) : "-");
      rows.push([
        label,
        REQUESTS,
        CONCURRENCY,
        fixed(REQUESTS / (run.elapsedMs / 1000)),
        fixed(percentile(run.latenciesMs, 50)),
        fixed(percentile(run.latenciesMs, 99)),
        fixed(cpuUsed.milliseconds.gatewayThread / REQUESTS, 2),
        perRequest(trips.sql - tripsBefore.sql),
        perRequest(trips.redis - tripsBefore.redis),
      ]);
    }
    log("");
    log(
      `admin requests over HTTP (GraphQL, bearer admin key), ${isExternal ? "MariaDB + Redis" : "embedded SQLite + in-process store"}, NODE_ENV=production; the load generator runs in the gateway's process`,
    );
    log("");
    for (const line of table(
      ["operation", "requests", "conc.", "ops/s", "p50 ms", "p99 ms", "gateway thread CPU ms/op", "SQL/op", "Redis/op"],
      rows,
    ))
      log(line);
    log("");
    for (const line of cpuLines) log(line);
  });
});
