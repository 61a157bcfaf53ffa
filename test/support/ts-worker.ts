import type { Worker } from "node:worker_threads";
import { startModuleWorker } from "../../src/infra/workers/module-worker.js";

/**
 * Starts a worker thread that runs a TypeScript module. Node 20 cannot load .ts and vitest does not
 * transform worker threads: the gateway's own module-worker bootstrap transpiles each .ts file with the
 * project's TypeScript. Enough for plain modules over node: built-ins (no decorators, no ESM-only packages).
 */
export function startTypeScriptWorker(entryPath: string, workerData: Record<string, unknown> = {}): Worker {
  return startModuleWorker(entryPath, workerData);
}
