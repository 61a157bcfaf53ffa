"use strict";
// Runs a benchmark load-generator module (argv[2], a .ts file) in a child process of its own, so that its
// memory and CPU are not the gateway process's (bench-gateway.ts: startLoadGenerator(..., "process")).
// The same require hook as the gateway's module-worker bootstrap (src/infra/workers/module-worker.ts):
// each .ts file transpiled with the project's TypeScript, "./x.js" imports mapped to "./x.ts".
const Module = require("node:module");
const { readFileSync } = require("node:fs");

const entryPath = process.argv[2];
const ts = require(Module.createRequire(entryPath).resolve("typescript"));
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
process.env.BENCH_LOAD_CHILD = "1";
// The parent going away ends this process too (its IPC channel closes).
process.on("disconnect", () => process.exit(0));
require(entryPath);
