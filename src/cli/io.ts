/**
 * Terminal plumbing of the admin CLI: its error type, exit codes and a progress bar that draws itself on
 * a terminal and prints plain lines anywhere else (a CI log, a pipe), where redrawing would be noise.
 */

/** 0 done · 1 the command failed (bad configuration, a refused change, an unreachable database) · 2 bad usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A failure the operator can act on: printed as one line (or a few), never with a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export interface Output {
  out(line: string): void;
  err(line: string): void;
  /** The stream progress is drawn on (stderr, so stdout stays clean for pipes and --json). */
  progressStream: NodeJS.WriteStream;
}

export function processOutput(): Output {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    progressStream: process.stderr,
  };
}

export interface Progress {
  /** Sets the amount done (and the total, once it is known). */
  update(done: number, total?: number | null): void;
  finish(summary?: string): void;
}

const BAR_WIDTH = 30;
const REDRAW_EVERY_MS = 100;
const PLAIN_LINE_EVERY_MS = 5_000;

/**
 * A progress bar with a rate and an estimate, for imports and exports. On a TTY it redraws one line at
 * most ten times a second; elsewhere it prints a plain line every five seconds and one at the end.
 * `now` is a monotonic millisecond clock (the CLI passes performance.now).
 */
export function createProgress(
  stream: NodeJS.WriteStream,
  label: string,
  unit: string,
  now: () => number,
  options: { formatAmount?: (amount: number) => string } = {},
): Progress {
  const isTty = Boolean(stream.isTTY);
  const format = options.formatAmount ?? ((amount: number) => amount.toLocaleString("en-US"));
  const startedMs = now();
  let lastDrawnMs = -Infinity;
  let done = 0;
  let total: number | null = null;
  let isFinished = false;

  const describe = (): string => {
    const elapsedSeconds = Math.max((now() - startedMs) / 1000, 0.001);
    const rate = done / elapsedSeconds;
    const rateText = `${format(Math.round(rate))} ${unit}/s`;
    if (total === null || total <= 0) return `${label} ${format(done)} ${unit} · ${rateText}`;
    const fraction = Math.min(done / total, 1);
    const filled = Math.round(fraction * BAR_WIDTH);
    const bar = `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]`;
    const etaSeconds = rate > 0 ? Math.max(0, Math.round((total - done) / rate)) : null;
    const eta = etaSeconds === null ? "" : ` · ${etaSeconds} s left`;
    return `${label} ${isTty ? `${bar} ` : ""}${(fraction * 100).toFixed(0)}% ${format(done)}/${format(total)} ${unit} · ${rateText}${eta}`;
  };

  const draw = (force: boolean): void => {
    const nowMs = now();
    if (!force && nowMs - lastDrawnMs < (isTty ? REDRAW_EVERY_MS : PLAIN_LINE_EVERY_MS)) return;
    lastDrawnMs = nowMs;
    if (isTty) stream.write(`\r\x1b[2K${describe()}`);
    else stream.write(`${describe()}\n`);
  };

  return {
    update(amount, newTotal) {
      if (isFinished) return;
      done = amount;
      if (newTotal !== undefined) total = newTotal;
      draw(false);
    },
    finish(summary) {
      if (isFinished) return;
      isFinished = true;
      if (total !== null && done < total) total = done;
      draw(true);
      if (isTty) stream.write("\n");
      if (summary) stream.write(`${summary}\n`);
    },
  };
}

/** Bytes as people read them: 1.5 MB. */
export function formatBytes(bytes: number): string {
  const units = ["B", "kB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
