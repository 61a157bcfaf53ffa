/**
 * Small helpers the throughput benchmarks share: percentiles, a fixed-width table, and where the
 * machine's CPU went during a phase (Linux /proc; silently empty elsewhere).
 */
import { readdirSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { performance, type EventLoopUtilization } from "node:perf_hooks";

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
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
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
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks.set(name, (ticks.get(name) ?? 0) + Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return ticks;
}

export function snapshotCpu(): CpuSnapshot {
  return { atMs: performance.now(), machine: readMachine(), processTicks: readProcessTicks(), self: process.cpuUsage(), elu: performance.eventLoopUtilization() };
}

/**
 * CPU used between a snapshot and now, in percent of one core: this process (gateway and, if any,
 * its load-generator thread), the busy share of this thread's event loop, MariaDB and Redis, and
 * the whole machine's busy time.
 */
export function cpuSince(before: CpuSnapshot, extra: Record<string, string> = {}): string {
  const now = snapshotCpu();
  const seconds = (now.atMs - before.atMs) / 1000;
  const self = process.cpuUsage(before.self);
  const parts = [`this process ${fixed(((self.user + self.system) / 1e6 / seconds) * 100, 0)}%`, `gateway event loop busy ${fixed(performance.eventLoopUtilization(now.elu, before.elu).utilization * 100, 0)}%`];
  parts.push(...Object.entries(extra).map(([name, value]) => `${name} ${value}`));
  for (const name of WATCHED_PROCESSES) {
    const ticks = (now.processTicks.get(name) ?? 0) - (before.processTicks.get(name) ?? 0);
    if (now.processTicks.has(name)) parts.push(`${name} ${fixed((ticks / TICKS_PER_SECOND / seconds) * 100, 0)}%`);
  }
  if (before.machine && now.machine) {
    const total = now.machine.total - before.machine.total;
    parts.push(`machine busy ${fixed(((now.machine.busy - before.machine.busy) / total) * cpus().length * 100, 0)}% of ${cpus().length * 100}%`);
  }
  return `CPU (% of one core): ${parts.join(", ")}`;
}
