import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const ROOT = path.resolve(__dirname, "../..");
/**
 * Tests that run the gateway in another OS process (the CLI, a gateway a test kills) run it compiled, as
 * `npm run build` would, but into a directory of its own: another test file may be rebuilding dist/
 * meanwhile. Inside node_modules so that packages resolve as from dist/.
 */
export const COMPILED_ROOT = path.join(ROOT, "node_modules/.cache/identity-gateway-compiled");
/** The CLI's bin shim beside the compiled tree, as bin/identity-gateway.js sits beside dist/. */
export const COMPILED_SHIM = path.join(COMPILED_ROOT, "bin/identity-gateway.js");
export const COMPILED_APP = path.join(COMPILED_ROOT, "dist/src/app.js");

const LOCK = `${COMPILED_ROOT}.lock`;
/** A lock older than this was left by a killed run. */
const STALE_LOCK_MS = 10 * 60_000;

/** Takes the build lock (a directory: mkdir is atomic), waiting for another test file's build to end. */
async function lock(): Promise<void> {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const age = (() => {
        try {
          return Date.now() - statSync(LOCK).mtimeMs;
        } catch {
          return 0;
        }
      })();
      if (age > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

let compiled: Promise<void> | null = null;

/**
 * Compiles the gateway (incrementally) into COMPILED_ROOT and puts the bin shim beside it, once per test
 * file. Test files build one after the other (a lock): the next finds the tree up to date.
 */
export function compileGateway(): Promise<void> {
  compiled ??= build();
  return compiled;
}

async function build(): Promise<void> {
  await lock();
  try {
    mkdirSync(path.dirname(COMPILED_SHIM), { recursive: true });
    copyFileSync(path.join(ROOT, "bin/identity-gateway.js"), COMPILED_SHIM);
    try {
      await promisify(execFile)(
        "npx",
        [
          "tsc",
          "-p",
          "tsconfig.json",
          "--outDir",
          path.join(COMPILED_ROOT, "dist"),
          "--incremental",
          "--tsBuildInfoFile",
          path.join(COMPILED_ROOT, "tsbuildinfo"),
        ],
        { cwd: ROOT },
      );
    } catch (error) {
      // tsc emits despite type errors (other work in progress); only a missing output is fatal here.
      if (!existsSync(path.join(COMPILED_ROOT, "dist/src/cli/main.js")) || !existsSync(COMPILED_APP)) throw error;
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
