import type { Command } from "../command.js";

export const start: Command = {
  name: "start",
  summary: "Run the gateway (as node dist/src/main.js)",
  usage: "",
  details:
    "Starts the server with the configuration from the environment, applying pending migrations first. SIGTERM or Ctrl-C drains requests and stops it.",
  options: {},
  optionHelp: [],
  positionals: { min: 0, max: 0, names: "" },
  async run() {
    // The server's own entry point, unchanged: same configuration errors, banner, signals and exit codes.
    await import("../../main.js");
    // Keep the CLI from deciding an exit code: main.ts owns the process from here.
    return new Promise<never>(() => undefined);
  },
};
