/**
 * What the round-trip timers add to the hot path: a store call and a database read, bare and wrapped
 * by the Prometheus adapter (two monotonic clock reads, one promise reaction, one histogram observe).
 * The calls themselves are in-process and do next to nothing (the memory store; a database whose
 * read resolves at once), so the difference is the wrapper's whole cost. Real round trips (Redis,
 * MariaDB) take 100 µs and more. Not part of the suite; run it with
 *   npx vitest run --config test/bench/vitest.bench.config.mts test/bench/metrics-overhead.bench.test.ts
 */
import { describe, expect, it } from "vitest";
import type { Database, Repositories } from "../../src/core/ports.js";
import { createMemoryShortLivedStore } from "../../src/infra/memory/short-lived-store.js";
import { createPrometheusMetrics } from "../../src/infra/metrics/prometheus-metrics.js";
import { systemClock } from "../../src/lib/clock.js";
import { fixed, log, machineLine, table } from "./bench-stats.js";

const CALLS = Number(process.env.BENCH_CALLS ?? 200_000);
const ROUNDS = 5;

/** Nanoseconds per call of `call`, awaited one after another: the best of ROUNDS rounds. */
async function nsPerCall(call: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const startedAt = process.hrtime.bigint();
    for (let index = 0; index < CALLS; index++) await call();
    best = Math.min(best, Number(process.hrtime.bigint() - startedAt) / CALLS);
  }
  return best;
}

describe("metrics overhead on the hot path", () => {
  it("prints the cost of a timed store call and a timed database read", async () => {
    const metrics = createPrometheusMetrics();
    const store = createMemoryShortLivedStore({ clock: systemClock });
    await store.set("bench", "value", 3600);
    const timedStore = metrics.timeStore(store);
    const repositories = {} as Repositories;
    const db: Database = {
      read: (work) => work(repositories),
      transaction: (work) => work(repositories),
      ping: async () => undefined,
      close: async () => undefined,
    };
    const timedDb = metrics.timeDatabase(db);
    const work = async () => 1;

    // Warm up both paths (JIT) before measuring.
    await nsPerCall(() => timedStore.get("bench"));
    const rows: (string | number)[][] = [];
    const storeBare = await nsPerCall(() => store.get("bench"));
    const storeTimed = await nsPerCall(() => timedStore.get("bench"));
    const readBare = await nsPerCall(() => db.read(work));
    const readTimed = await nsPerCall(() => timedDb.read(work));
    rows.push(["store.get (memory)", fixed(storeBare, 0), fixed(storeTimed, 0), fixed(storeTimed - storeBare, 0)]);
    rows.push(["db.read (no-op)", fixed(readBare, 0), fixed(readTimed, 0), fixed(readTimed - readBare, 0)]);

    log(machineLine());
    log(`${CALLS} sequential calls, best of ${ROUNDS} rounds, ns per call`);
    for (const line of table(["call", "bare", "timed", "overhead"], rows)) log(line);
    const scraped = await metrics.render();
    expect(scraped.body).toContain('gateway_store_duration_seconds_count{operation="get"}');
  });
});
