/**
 * Small helpers the throughput benchmarks share: percentiles, a fixed-width table, and where the
 * machine's CPU went during a phase (Linux /proc; silently empty elsewhere).
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { performance, type EventLoopUtilization } from "node:perf_hooks";

/** The columns of sign-in's and sign-up's table of operations (one row per operation, as their rows fill them). */
export const OPERATION_COLUMNS = [
  "operation",
  "ops",
  "conc.",
  "ops/s",
  "p50 ms",
  "p99 ms",
  "max ms",
  "gateway thread CPU ms/op",
  "SQL/op",
  "Redis/op",
];

export const log = (line = ""): void => void process.stdout.write(`${line}\n`);

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function table(header: string[], rows: (string | number)[][]): string[] {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? "").length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join("  ");
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...cells.slice(1).map(line)];
}

export const fixed = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : "-");

/** One line describing the machine, so numbers from different runs can be compared. */
export function machineLine(): string {
  const [one, five] = loadavg();
  return `${cpus().length} cores (${cpus()[0]?.model.trim() ?? "?"}), Node ${process.version}, load average ${fixed(one!, 2)} / ${fixed(five!, 2)} (1 / 5 min) at start`;
}

interface CpuSnapshot {
  atMs: number;
  /** This process's main thread (the gateway's event loop when it runs in-process): on a core, and waiting for one. */
  mainThreadSchedule: { runNs: number; waitNs: number } | null;
  machine: { busy: number; total: number } | null;
  processTicks: Map<string, number>;
  self: NodeJS.CpuUsage;
  elu: EventLoopUtilization;
}

const TICKS_PER_SECOND = 100;
const WATCHED_PROCESSES = ["mariadbd", "redis-server"];

function readMachine(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
    return { busy: total - fields[3]! - fields[4]!, total };
  } catch {
    return null;
  }
}

/** utime + stime of one /proc stat line, in clock ticks. */
function ticksOf(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * A thread's nanoseconds on a core and waiting in the run queue for one (Linux schedstat, e.g.
 * /proc/thread-self/schedstat): the second is time the thread could have run but another thread had the
 * core. Null where /proc has no such file.
 */
export function readSchedstat(file: string): { runNs: number; waitNs: number } | null {
  try {
    const [runNs, waitNs] = readFileSync(file, "utf8").split(" ").map(Number);
    return Number.isFinite(runNs) && Number.isFinite(waitNs) ? { runNs: runNs!, waitNs: waitNs! } : null;
  } catch {
    return null;
  }
}

function readProcessTicks(): Map<string, number> {
  const ticks = new Map<string, number>();
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return ticks;
  }
  for (const pid of entries) {
    try {
      const name = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
      if (!WATCHED_PROCESSES.includes(name)) continue;
      ticks.set(name, (ticks.get(name) ?? 0) + ticksOf(readFileSync(`/proc/${pid}/stat`, "utf8")));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return ticks;
}

export function snapshotCpu(): CpuSnapshot {
  return {
    atMs: performance.now(),
    mainThreadSchedule: readSchedstat(`/proc/self/task/${process.pid}/schedstat`),
    machine: readMachine(),
    processTicks: readProcessTicks(),
    self: process.cpuUsage(),
    elu: performance.eventLoopUtilization(),
  };
}

/** CPU milliseconds used during a phase: the gateway's thread, this whole process, MariaDB, Redis and the machine. */
export interface CpuMilliseconds {
  gatewayThread: number;
  process: number;
  mariadbd: number;
  redis: number;
  /** Every core's non-idle time, the kernel's included (/proc/stat). */
  machine: number;
}

/**
 * CPU used between a snapshot and now, in percent of one core: the gateway's thread (this process's
 * main thread), the share of wall time its event loop was not idle (which, unlike the thread's CPU,
 * includes time spent waiting for a core), the share of wall time the thread was ready but waited in the
 * run queue while other threads had both cores, the whole process (with the thread pool and any
 * load-generator thread), MariaDB, Redis and the machine; and the same in milliseconds.
 */
export function cpuSince(
  before: CpuSnapshot,
  extra: Record<string, string> = {},
): { line: string; milliseconds: CpuMilliseconds } {
  const now = snapshotCpu();
  const seconds = (now.atMs - before.atMs) / 1000;
  const self = process.cpuUsage(before.self);
  const gatewayThreadCpuMs =
    now.mainThreadSchedule && before.mainThreadSchedule
      ? (now.mainThreadSchedule.runNs - before.mainThreadSchedule.runNs) / 1e6
      : Number.NaN;
  const parts = [
    `gateway thread ${fixed((gatewayThreadCpuMs / 1000 / seconds) * 100, 0)}%`,
    `gateway event loop not idle ${fixed(performance.eventLoopUtilization(now.elu, before.elu).utilization * 100, 0)}%`,
    ...(now.mainThreadSchedule && before.mainThreadSchedule
      ? [
          `gateway thread waiting for a core ${fixed(((now.mainThreadSchedule.waitNs - before.mainThreadSchedule.waitNs) / 1e9 / seconds) * 100, 0)}%`,
        ]
      : []),
    `whole process ${fixed(((self.user + self.system) / 1e6 / seconds) * 100, 0)}%`,
  ];
  parts.push(...Object.entries(extra).map(([name, value]) => `${name} ${value}`));
  const watchedMs = new Map<string, number>();
  for (const name of WATCHED_PROCESSES) {
    const ticks = (now.processTicks.get(name) ?? 0) - (before.processTicks.get(name) ?? 0);
    if (!now.processTicks.has(name)) continue;
    watchedMs.set(name, (ticks / TICKS_PER_SECOND) * 1000);
    parts.push(`${name} ${fixed((ticks / TICKS_PER_SECOND / seconds) * 100, 0)}%`);
  }
  let machineMs = Number.NaN;
  if (before.machine && now.machine) {
    const total = now.machine.total - before.machine.total;
    const busy = now.machine.busy - before.machine.busy;
    machineMs = (busy / TICKS_PER_SECOND) * 1000;
    parts.push(`machine busy ${fixed((busy / total) * cpus().length * 100, 0)}% of ${cpus().length * 100}%`);
  }
  return {
    line: `CPU (% of one core): ${parts.join(", ")}`,
    milliseconds: {
      gatewayThread: gatewayThreadCpuMs,
      process: (self.user + self.system) / 1000,
      mariadbd: watchedMs.get("mariadbd") ?? Number.NaN,
      redis: watchedMs.get("redis-server") ?? Number.NaN,
      machine: machineMs,
    },
  };
}

/** One operation's CPU, in ms, by who spent it: every core of the machine, split by thread and process. */
export interface CpuBudget {
  gatewayThread: number;
  /** The gateway process's other threads: libuv's pool (token signatures, bcrypt), the SRP worker, V8's GC helpers. */
  gatewayHelpers: number;
  loadGenerator: number;
  mariadbd: number;
  redis: number;
  /** The kernel's work not charged to a thread (softirq: loopback TCP), and any other process. */
  other: number;
  machine: number;
}

/** A phase's CPU per operation, from cpuSince's milliseconds and the load generator's own thread (in this process). */
export function cpuBudgetOf(used: CpuMilliseconds, loadGeneratorMs: number, operations: number): CpuBudget {
  const perOp = (ms: number) => ms / operations;
  const charged = [used.process, used.mariadbd, used.redis].map((ms) => (Number.isFinite(ms) ? ms : 0));
  return {
    gatewayThread: perOp(used.gatewayThread),
    gatewayHelpers: perOp(used.process - used.gatewayThread - loadGeneratorMs),
    loadGenerator: perOp(loadGeneratorMs),
    mariadbd: perOp(used.mariadbd),
    redis: perOp(used.redis),
    other: perOp(used.machine - charged.reduce((sum, ms) => sum + ms, 0)),
    machine: perOp(used.machine),
  };
}

/**
 * The table of where each phase's operations spent the machine's CPU, with the ceiling that sets: the rate at
 * which every core would do nothing but this operation, whatever the scheduler did.
 */
export function cpuBudgetLines(phases: { label: string; budget: CpuBudget; goal?: number }[]): string[] {
  const cores = cpus().length;
  const ms = (value: number) => fixed(value, 2);
  return [
    `Where one operation's CPU went, in ms, on the whole machine (${cores} cores; the load generator shares them):`,
    ...table(
      [
        "measure",
        "gateway thread",
        "gateway's other threads",
        "load generator",
        "MariaDB",
        "Redis",
        "kernel & other",
        "machine",
        `${cores}-core ceiling/s`,
        "goal/s",
      ],
      phases.map(({ label, budget, goal }) => [
        label,
        ms(budget.gatewayThread),
        ms(budget.gatewayHelpers),
        ms(budget.loadGenerator),
        ms(budget.mariadbd),
        ms(budget.redis),
        ms(budget.other),
        ms(budget.machine),
        fixed((cores * 1000) / budget.machine, 0),
        goal === undefined ? "-" : fixed(goal, 0),
      ]),
    ).map((line) => `  ${line}`),
    "  (the gateway's other threads: libuv's pool, which signs tokens, the SRP worker and V8's GC helpers; kernel & other: loopback TCP's softirq work and any process not listed)",
  ];
}

/**
 * Round trips the in-process gateway makes: SQL statements sent through mysql2 and commands sent
 * through ioredis, counted by wrapping their send methods (counting only; behaviour is unchanged).
 * Cheap, and it shows how many network waits and driver calls one operation costs.
 */
export interface RoundTrips {
  sql: number;
  /** Every command, PUBLISH included. */
  redis: number;
  /** Of those, PUBLISHes: the batched commit notes (one per 5 ms window), which no request waits for. */
  redisPublishes: number;
}

let roundTrips: RoundTrips | null = null;

export function countRoundTrips(): () => RoundTrips {
  if (!roundTrips) {
    const counts: RoundTrips = { sql: 0, redis: 0, redisPublishes: 0 };
    const load = createRequire(__filename);
    const wrap = (target: Record<string, unknown>, method: string, kind: "sql" | "redis") => {
      const original = target[method] as (...args: unknown[]) => unknown;
      target[method] = function (this: unknown, ...args: unknown[]) {
        counts[kind]++;
        if (kind === "redis" && (args[0] as { name?: string }).name === "publish") counts.redisPublishes++;
        return original.apply(this, args);
      };
    };
    // Pool connections inherit from mysql2's Connection: an own wrapper there shadows the base method.
    const mysqlConnection = (load("mysql2") as { Connection: { prototype: Record<string, unknown> } }).Connection
      .prototype;
    wrap(mysqlConnection, "query", "sql");
    wrap(mysqlConnection, "execute", "sql");
    wrap((load("ioredis") as { prototype: Record<string, unknown> }).prototype, "sendCommand", "redis");
    roundTrips = counts;
  }
  const counts = roundTrips;
  return () => ({ ...counts });
}
