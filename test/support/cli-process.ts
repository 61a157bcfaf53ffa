import { spawn } from "node:child_process";
import path from "node:path";
import { expect } from "vitest";
import { COMPILED_SHIM } from "./compiled-gateway.js";
import type { TestApp } from "./test-app.js";

const ROOT = path.resolve(__dirname, "../..");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the admin CLI through its bin shim (compiled by compileGateway()) in a clean environment: nothing
 * leaks in from the test run. `onStderr` hears stderr as it arrives (to act while a command runs).
 */
export function cli(
  args: string[],
  env: Record<string, string>,
  options: { shim?: string; onStderr?: (text: string, signal: (name: NodeJS.Signals) => void) => void } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.shim ?? COMPILED_SHIM, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output = { stdout: "", stderr: "" };
    child.stdout.on("data", (chunk: Buffer) => (output.stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => {
      output.stderr += chunk.toString();
      options.onStderr?.(output.stderr, (name) => child.kill(name));
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, ...output });
    });
  });
}

/** The environment a CLI needs to act on a test app's database: same data, same secrets key. */
export function envOf(gateway: TestApp): Record<string, string> {
  const { config } = gateway;
  return {
    DATA_DIR: config.dataDir,
    ...(config.database.dialect === "mariadb" ? { DATABASE_URL: config.databaseUrl } : {}),
    // The gateways' Redis: the CLI tells running gateways of a revoked admin key over it.
    ...(config.redisUrl ? { REDIS_URL: config.redisUrl } : {}),
    // The gateways' Redis: the CLI tells running gateways of a revoked admin key over it.
    ...(config.redisUrl ? { REDIS_URL: config.redisUrl } : {}),
    SECRETS_KEY: config.secretsKey!.toString("base64"),
  };
}

/** Errors are one readable line: no stack trace anywhere in the output. */
export const noStackTrace = (run: CliRun) => expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
