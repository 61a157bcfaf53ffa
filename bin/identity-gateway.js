#!/usr/bin/env node
// The admin CLI, run as `npx identity-gateway <command>` from a checkout. It runs the compiled CLI
// (npm run build), so it is a plain CommonJS shim that only checks the build is there.
"use strict";
const { existsSync } = require("node:fs");
const path = require("node:path");

const entry = path.join(__dirname, "..", "dist", "src", "cli", "main.js");
if (!existsSync(entry)) {
  process.stderr.write(
    `identity-gateway: ${path.relative(process.cwd(), entry) || entry} is missing. Build the gateway first:\n\n    npm run build\n\n`,
  );
  process.exit(1);
}
require(entry);
