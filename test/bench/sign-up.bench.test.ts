/**
 * Sign-up throughput over HTTP against a real gateway, next to bcrypt's own rate at the configured cost
 * measured in the same run: a sign-up hashes the password once, so bcrypt sets its ceiling. Not part
 * of the suite; run it with `npm run bench:sign-up` (embedded SQLite) or with
 *   DATABASE_URL=mariadb://root@127.0.0.1:3306/gw_dev REDIS_URL=redis://127.0.0.1:6379 npm run bench:sign-up
 * Knobs: BENCH_SIGN_UPS (400), BENCH_HASHES (200), BENCH_CONCURRENCY (16), BENCH_PHASE_SECONDS cap (25),
 * BCRYPT_COST (default 10), UV_THREADPOOL_SIZE (libuv's default 4: bcrypt's async API runs there).
 */
import { performance } from "node:perf_hooks";
import { print } from "graphql";
import { afterAll, describe, expect, it } from "vitest";
import { createPasswordHasher } from "../../src/infra/crypto/password-hasher.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import { SignUpDocument } from "../support/generated/graphql.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import {
  countRoundTrips,
  cpuSince,
  fixed,
  log,
  machineLine,
  percentile,
  snapshotCpu,
  table,
  OPERATION_COLUMNS,
} from "./bench-stats.js";
import { createHttpClient } from "./load-http-client.js";

const DATABASE_URL = process.env.DATABASE_URL ?? "";
const REDIS_URL = process.env.REDIS_URL ?? "";
const isExternal = /^(mariadb|mysql):/.test(DATABASE_URL) && REDIS_URL !== "";
const SIGN_UPS = Number(process.env.BENCH_SIGN_UPS ?? 400);
const HASHES = Number(process.env.BENCH_HASHES ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PHASE_SECONDS = Number(process.env.BENCH_PHASE_SECONDS ?? 25);
const WARM_UP = 8;

interface Run {
  completed: number;
  failures: number;
  firstError: string | null;
  elapsedMs: number;
  latenciesMs: number[];
}

/** `count` calls of `operation` with `concurrency` in flight, stopping early at the phase cap. */
async function runConcurrently(
  count: number,
  concurrency: number,
  operation: (index: number) => Promise<void>,
): Promise<Run> {
  const run: Run = { completed: 0, failures: 0, firstError: null, elapsedMs: 0, latenciesMs: [] };
  let next = 0;
  const started = performance.now();
  const deadline = started + PHASE_SECONDS * 1000;
  const lane = async () => {
    while (next < count && performance.now() < deadline) {
      const index = next++;
      const operationStarted = performance.now();
      try {
        await operation(index);
        run.latenciesMs.push(performance.now() - operationStarted);
        run.completed++;
      } catch (error) {
        run.failures++;
        run.firstError ??= (error as Error).message.slice(0, 500);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  run.elapsedMs = performance.now() - started;
  return run;
}

describe(`sign-up throughput (${isExternal ? "MariaDB + Redis" : "embedded SQLite + in-process store"})`, () => {
  let gateway: TestApp | undefined;
  let closeClient: (() => void) | undefined;
  afterAll(async () => {
    closeClient?.();
    await gateway?.close();
  });

  it("prints sign-ups/s and p50/p99 next to bcrypt's hashes/s at the configured cost", async () => {
    log("");
    log(machineLine());
    const roundTrips = countRoundTrips();
    const bcryptCost = process.env.BCRYPT_COST;
    const app = await getTestApp({
      name: isExternal ? "mariadb+redis" : "embedded",
      env: { ...(isExternal ? { DATABASE_URL, REDIS_URL } : {}), ...(bcryptCost ? { BCRYPT_COST: bcryptCost } : {}) },
    });
    gateway = app;
    const { clientId } = await createPoolWithClient(app, { autoVerifiedAttributes: ["email"] });
    const signUpSource = print(SignUpDocument);
    const prefix = uniqueName("su");
    // A keep-alive node:http client: fetch (undici) cost the shared cores ~1 ms per call, which is the load generator's, not the gateway's.
    const http = createHttpClient(app.url, CONCURRENCY);
    closeClient = http.close;
    const signUp = async (index: number) => {
      const username = `${prefix}-${index}`;
      const result = await http.post(signUpSource, {
        input: {
          clientId,
          username,
          password: GOOD_PASSWORD,
          userAttributes: [{ name: "email", value: `${username}@example.com` }],
        },
      });
      const signedUp = (
        result.data as { signUp?: { userConfirmed: boolean; codeDeliveryDetails: unknown } } | null | undefined
      )?.signUp;
      if (result.errors?.length || !signedUp || signedUp.userConfirmed || !signedUp.codeDeliveryDetails)
        throw new Error(`signUp: ${JSON.stringify(result.errors ?? result.data)}`);
    };
    const check = (name: string, run: Run) => {
      expect(run.failures, `${name}: first error ${run.firstError}`).toBe(0);
      expect(run.completed).toBeGreaterThan(0);
    };

    check("warm-up", await runConcurrently(WARM_UP, 4, (index) => signUp(SIGN_UPS + index)));
    const rows: (string | number)[][] = [];
    const cpuLines: string[] = [];
    const measure = async (label: string, count: number, operation: (index: number) => Promise<void>) => {
      const tripsBefore = roundTrips();
      const cpu = snapshotCpu();
      const run = await runConcurrently(count, CONCURRENCY, operation);
      const cpuUsed = cpuSince(cpu);
      cpuLines.push(`${label.padEnd(26)} ${cpuUsed.line}`);
      const trips = roundTrips();
      check(label, run);
      const perSecond = run.completed / (run.elapsedMs / 1000);
      const perOperation = (count: number) => (isExternal ? fixed(count / run.completed) : "-");
      rows.push([
        label,
        run.completed,
        CONCURRENCY,
        fixed(perSecond),
        fixed(percentile(run.latenciesMs, 50)),
        fixed(percentile(run.latenciesMs, 99)),
        fixed(Math.max(...run.latenciesMs)),
        fixed(cpuUsed.milliseconds.gatewayThread / run.completed, 2),
        perOperation(trips.sql - tripsBefore.sql),
        perOperation(trips.redis - tripsBefore.redis),
      ]);
      return perSecond;
    };

    const signUpsPerSecond = await measure("signUp over HTTP", SIGN_UPS, signUp);
    // The gateway's own hasher (pepper pre-hash + bcrypt.hash on the thread pool), same cost, same concurrency.
    const hasher = createPasswordHasher({ secretsKey: app.config.secretsKey!, bcryptCost: app.config.bcryptCost });
    const hashesPerSecond = await measure("bcrypt hash (hasher only)", HASHES, async (index) => {
      await hasher.hash(`${GOOD_PASSWORD}${index}`);
    });

    log("");
    log(
      `sign-up benchmark over HTTP (GraphQL), ${isExternal ? "MariaDB + Redis" : "embedded SQLite + in-process store"}, pool with autoVerifiedAttributes [email] (a code per sign-up)`,
    );
    log(
      `BCRYPT_COST ${app.config.bcryptCost}, libuv thread pool ${process.env.UV_THREADPOOL_SIZE ?? "4 (default)"} threads; the load generator (a keep-alive node:http client) runs in the gateway's process and shares its cores`,
    );
    log("");
    for (const line of table(OPERATION_COLUMNS, rows)) log(line);
    log("");
    for (const line of cpuLines) log(line);
    log("");
    log(
      `ratio sign-ups/s / bcrypt hashes/s = ${fixed(signUpsPerSecond)} / ${fixed(hashesPerSecond)} = ${fixed(signUpsPerSecond / hashesPerSecond, 2)}`,
    );
  });
});
