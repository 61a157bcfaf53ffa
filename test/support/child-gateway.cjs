"use strict";
// A gateway in an OS process of its own, for tests that kill one (test/support/child-gateway.ts starts it).
// It runs the compiled tree (test/support/compiled-gateway.ts, argv[2]) with the configuration from its
// environment, as src/main.ts does, plus what only a test sets (GATEWAY_TEST_OVERRIDES, JSON):
//   userImport: { batchSize, leaseSeconds, pollIntervalMs, batchDelayMs, hangInsideBatchFromRow }
// It prints "ready <port>" once it listens, and "hanging <jobId> <rowsDone> <users>" when an import
// batch's transaction is open with its users written and it waits there (for the test to kill it).
const path = require("node:path");
require("reflect-metadata");

const root = process.argv[2];
const { createApp } = require(path.join(root, "dist/src/app.js"));
const { loadConfig } = require(path.join(root, "dist/src/config/index.js"));

const overrides = JSON.parse(process.env.GATEWAY_TEST_OVERRIDES || "{}");
const appOverrides = {};
if (overrides.userImport) {
  const { batchDelayMs, hangInsideBatchFromRow, ...options } = overrides.userImport;
  appOverrides.userImport = {
    ...options,
    beforeBatch: () => new Promise((resolve) => setTimeout(resolve, batchDelayMs || 0)),
    insideBatch: ({ jobId, rowsDone, users }) => {
      if (hangInsideBatchFromRow === undefined || rowsDone < hangInsideBatchFromRow) return Promise.resolve();
      process.stdout.write(`hanging ${jobId} ${rowsDone} ${users}\n`);
      // Never settles: the transaction stays open until the process dies.
      return new Promise(() => undefined);
    },
  };
}

createApp(loadConfig(), appOverrides).then(
  (app) => {
    process.stdout.write(`ready ${app.port}\n`);
    process.on("SIGTERM", () => app.close().then(() => process.exit(0)));
  },
  (error) => {
    process.stderr.write(`child gateway failed to start: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
