import { Worker } from "node:worker_threads";

/**
 * Starts a worker thread that runs a TypeScript module. Node 20 cannot load .ts and vitest does not
 * transform worker threads, so the worker installs a small require hook that transpiles each .ts file
 * with the project's own TypeScript (types stripped, no checking) and maps "./x.js" imports to
 * "./x.ts". Enough for plain modules over node: built-ins (no decorators, no ESM-only packages).
 */
const BOOTSTRAP = `
const Module = require("node:module");
const { readFileSync } = require("node:fs");
const { workerData } = require("node:worker_threads");
const ts = require(workerData.typescriptPath);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  try {
    return resolveFilename.call(this, request, parent, ...rest);
  } catch (error) {
    if (!request.endsWith(".js")) throw error;
    return resolveFilename.call(this, request.slice(0, -3) + ".ts", parent, ...rest);
  }
};
Module._extensions[".ts"] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};
require(workerData.entryPath);
`;

export function startTypeScriptWorker(entryPath: string, workerData: Record<string, unknown> = {}): Worker {
  const typescriptPath = require.resolve("typescript");
  return new Worker(BOOTSTRAP, { eval: true, workerData: { ...workerData, typescriptPath, entryPath } });
}
