import "reflect-metadata";
import { runCli } from "./cli.js";
import { processOutput } from "./io.js";

/** Exits once stdout and stderr have flushed (a pipe may still hold output), whatever handles linger. */
function exitWith(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const flushed = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write("", flushed);
  process.stderr.write("", flushed);
}

/**
 * The admin CLI's entry point (bin/identity-gateway.js runs it): a composition root like src/main.ts,
 * reading the same configuration. `start` hands the process over to src/main.ts and never returns here.
 */
runCli(process.argv.slice(2), processOutput()).then(exitWith, (error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  exitWith(1);
});
