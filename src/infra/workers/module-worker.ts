import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/**
 * Run from source (tests, `vitest`), a module is a .ts file that Node 20 cannot load and that vitest does not
 * transform inside worker threads. The bootstrap installs a require hook that transpiles each .ts file with
 * the project's TypeScript (types stripped, no checking) and maps "./x.js" imports to "./x.ts". Enough for
 * plain CommonJS modules over node: built-ins. Never used by the built gateway, whose modules are .js.
 */
const TYPESCRIPT_BOOTSTRAP = `
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

/**
 * A worker thread running the module at `entryPath`: a .js file as is, a .ts file (running from source)
 * through the TypeScript bootstrap. `workerData` reaches the module as worker_threads' workerData.
 */
export function startModuleWorker(entryPath: string, workerData: Record<string, unknown> = {}): Worker {
  if (!entryPath.endsWith(".ts")) return new Worker(entryPath, { workerData });
  const typescriptPath = createRequire(entryPath).resolve("typescript");
  return new Worker(TYPESCRIPT_BOOTSTRAP, { eval: true, workerData: { ...workerData, typescriptPath, entryPath } });
}
