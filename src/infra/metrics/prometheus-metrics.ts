import { collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";
import type { EdgeMetrics, Metrics } from "../../core/metrics.js";
import type { Database, ShortLivedStore } from "../../core/ports.js";
import { monotonicSeconds } from "../../lib/stopwatch.js";
import {
  registerLabelledCounter,
  registerLabelledHistogram,
  registerRoundTripHistogram,
  type DurationTimer,
  type EventCounter,
} from "./round-trip-histogram.js";

/** Gauges read when Prometheus scrapes, from services built after the metrics themselves. */
export interface GaugeSources {
  /** SRP calls waiting for (or running on) a worker thread. */
  srpQueueDepth(): number;
  /** Live-event streams (graphql-ws `userEvents`) open in this process. */
  liveSubscribers(): number;
  /** Webhook deliveries still PENDING, all pools (a COUNT, so only on scrape). */
  webhookBacklog(): Promise<number>;
}

export interface PrometheusMetrics extends Metrics, EdgeMetrics {
  /** The database, with each read / transaction / ping timed. */
  timeDatabase(db: Database): Database;
  /** The short-lived store (Redis, or the in-process one), with each round trip timed. */
  timeStore(store: ShortLivedStore): ShortLivedStore;
  /** Where the scrape-time gauges read from; until this is called they have no sample. */
  readGaugesFrom(sources: GaugeSources): void;
}

/** Request latency: from a cached read to a slow bcrypt sign-in or a trigger that times out. */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** A round trip to MariaDB/SQLite or Redis: sub-millisecond when healthy. */
const ROUND_TRIP_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/**
 * Observes how long `pending` takes from `startedAt`, and hands back the same promise (no extra
 * async frame on the hot path). `startedAt` is an argument so the caller reads the clock *before*
 * starting the call: `timed(timer, monotonicSeconds(), db.read(work))` evaluates left to right.
 */
function timed<T>(timer: DurationTimer, startedAt: number, pending: Promise<T>): Promise<T> {
  const done = () => timer.observe(monotonicSeconds() - startedAt);
  pending.then(done, done);
  return pending;
}

/**
 * The gateway's metrics on a registry of its own (never prom-client's global one: each app in a
 * process, as in the tests, has its own counters), with Node's default process metrics.
 */
export function createPrometheusMetrics(): PrometheusMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  // One of each per request: label sets resolved once, as the round-trip timers below (see round-trip-histogram.ts).
  const requestCounter = registerLabelledCounter(registry, {
    name: "gateway_requests_total",
    help: "Requests answered, by API, operation (GraphQL root field, Cognito wire action or route; 'other' when unknown), outcome (ok, client_error, server_error) and error code ('none' when ok).",
    labelNames: ["api", "operation", "outcome", "code"],
  });
  const requestTimer = registerLabelledHistogram(registry, {
    name: "gateway_request_duration_seconds",
    help: "Time to answer a request, by API, operation and outcome.",
    labelNames: ["api", "operation", "outcome"],
    buckets: REQUEST_BUCKETS,
  });
  // Bounded: every label takes values from a fixed set (the API's operations and error codes, or "other").
  const requestSeries = new Map<string, { counter: EventCounter; timer: DurationTimer }>();
  const signIns = new Counter({
    name: "gateway_sign_ins_total",
    help: "Sign-in steps: InitiateAuth by auth flow, RespondToAuthChallenge by challenge name; outcome authenticated, challenge or the Cognito error code.",
    labelNames: ["flow", "outcome"] as const,
    registers,
  });
  const lockouts = new Counter({
    name: "gateway_lockouts_total",
    help: "Failed sign-in attempts that started a lockout (the fifth failure in a row and each one after it), known users and unknown names alike.",
    registers,
  });
  // Several of these per request: the cheap histogram (see round-trip-histogram.ts).
  const databaseTimer = registerRoundTripHistogram(registry, {
    name: "gateway_database_duration_seconds",
    help: "Time of one database call (a read or a whole transaction, with its queries), by operation.",
    labelName: "operation",
    buckets: ROUND_TRIP_BUCKETS,
  });
  const storeTimer = registerRoundTripHistogram(registry, {
    name: "gateway_store_duration_seconds",
    help: "Round trip of one short-lived store call (Redis, or the in-process store without REDIS_URL), by operation.",
    labelName: "operation",
    buckets: ROUND_TRIP_BUCKETS,
  });

  let sources: GaugeSources | null = null;
  new Gauge({
    name: "gateway_srp_queue_depth",
    help: "SRP computations sent to worker threads and not yet answered.",
    registers,
    collect() {
      if (sources) this.set(sources.srpQueueDepth());
    },
  });
  new Gauge({
    name: "gateway_live_subscribers",
    help: "Live user-event subscriptions open in this process.",
    registers,
    collect() {
      if (sources) this.set(sources.liveSubscribers());
    },
  });
  new Gauge({
    name: "gateway_webhook_backlog",
    help: "Webhook deliveries still pending (all pools), counted at scrape.",
    registers,
    async collect() {
      if (!sources) return;
      try {
        this.set(await sources.webhookBacklog());
      } catch {
        // The database is down: no sample rather than a stale one, and the rest of the scrape still answers.
        this.reset();
      }
    },
  });

  return {
    countSignIn: (flow, outcome) => signIns.labels(flow, outcome).inc(),
    countLockout: () => lockouts.inc(),
    recordRequest(api, operation, outcome, code, seconds) {
      const key = `${api}\u0000${operation}\u0000${outcome}\u0000${code}`;
      let series = requestSeries.get(key);
      if (!series) {
        series = {
          counter: requestCounter([api, operation, outcome, code]),
          timer: requestTimer([api, operation, outcome]),
        };
        requestSeries.set(key, series);
      }
      series.counter.inc();
      series.timer.observe(seconds);
    },
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),

    timeDatabase(db) {
      const read = databaseTimer("read");
      const transaction = databaseTimer("transaction");
      const ping = databaseTimer("ping");
      return {
        read: (work) => timed(read, monotonicSeconds(), db.read(work)),
        transaction: (work, options) => timed(transaction, monotonicSeconds(), db.transaction(work, options)),
        ping: () => timed(ping, monotonicSeconds(), db.ping()),
        close: () => db.close(),
      };
    },

    timeStore(store) {
      // Timers resolved once: a call then costs two clock reads, one promise reaction and one observe.
      const timer = storeTimer;
      const t = {
        set: timer("set"),
        setIfAbsent: timer("setIfAbsent"),
        get: timer("get"),
        consume: timer("consume"),
        getMany: timer("getMany"),
        delete: timer("delete"),
        increment: timer("increment"),
        takeAttempt: timer("takeAttempt"),
        consumeTakingAttempt: timer("consumeTakingAttempt"),
        giveBackAttempt: timer("giveBackAttempt"),
        takeToken: timer("takeToken"),
        publish: timer("publish"),
        ping: timer("ping"),
      };
      return {
        set: (key, value, ttlSeconds) => timed(t.set, monotonicSeconds(), store.set(key, value, ttlSeconds)),
        setIfAbsent: (key, value, ttlSeconds) =>
          timed(t.setIfAbsent, monotonicSeconds(), store.setIfAbsent(key, value, ttlSeconds)),
        get: (key) => timed(t.get, monotonicSeconds(), store.get(key)),
        consume: (key, options) => timed(t.consume, monotonicSeconds(), store.consume(key, options)),
        getMany: (keys) => timed(t.getMany, monotonicSeconds(), store.getMany(keys)),
        delete: (...keys) => timed(t.delete, monotonicSeconds(), store.delete(...keys)),
        increment: (key, windowSeconds, options) =>
          timed(t.increment, monotonicSeconds(), store.increment(key, windowSeconds, options)),
        takeAttempt: (gates, options) => timed(t.takeAttempt, monotonicSeconds(), store.takeAttempt(gates, options)),
        consumeTakingAttempt: (key, options) =>
          timed(t.consumeTakingAttempt, monotonicSeconds(), store.consumeTakingAttempt(key, options)),
        giveBackAttempt: (taken) => timed(t.giveBackAttempt, monotonicSeconds(), store.giveBackAttempt(taken)),
        takeToken: (key, capacity, refillPerSecond) =>
          timed(t.takeToken, monotonicSeconds(), store.takeToken(key, capacity, refillPerSecond)),
        publish: (channel, message) => timed(t.publish, monotonicSeconds(), store.publish(channel, message)),
        // A subscription lives as long as the process: nothing to time.
        subscribe: (channel, onMessage, options) => store.subscribe(channel, onMessage, options),
        ping: () => timed(t.ping, monotonicSeconds(), store.ping()),
        close: () => store.close(),
      };
    },

    readGaugesFrom(gaugeSources) {
      sources = gaugeSources;
    },
  };
}
