import { parseArgs } from "node:util";
import type { Command } from "./command.js";
import { adminKeyCreate, adminKeyList, adminKeyRevoke } from "./commands/admin-key.js";
import { backup, restore } from "./commands/backup.js";
import { checkConfig } from "./commands/check-config.js";
import { migrateStatus, migrateUp } from "./commands/migrate.js";
import { poolExport, poolImport } from "./commands/pool.js";
import { start } from "./commands/start.js";
import {
  userImportCsvHeader,
  userImportDescribe,
  userImportList,
  userImportRun,
  userImportStart,
  userImportStop,
} from "./commands/user-import.js";
import { CliError, EXIT, type Output } from "./io.js";

export const COMMANDS: readonly Command[] = [
  start,
  migrateStatus,
  migrateUp,
  adminKeyCreate,
  adminKeyList,
  adminKeyRevoke,
  poolImport,
  poolExport,
  userImportRun,
  userImportStart,
  userImportDescribe,
  userImportList,
  userImportStop,
  userImportCsvHeader,
  backup,
  restore,
  checkConfig,
];

const PROGRAM = "identity-gateway";

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    "",
    "Commands:",
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    "",
    `Every command reads the gateway's configuration from the environment, as the server does (see "${PROGRAM} check-config").`,
    `"${PROGRAM} <command> --help" tells more. Exit codes: 0 done, 1 failed, 2 bad usage.`,
  ].join("\n");
}

function helpOf(command: Command): string {
  const lines = [
    `Usage: ${PROGRAM} ${command.name}${command.usage ? ` ${command.usage}` : ""}`,
    "",
    command.summary + ".",
    "",
    command.details,
  ];
  if (command.optionHelp.length > 0) {
    const width = Math.max(...command.optionHelp.map(([flag]) => flag.length), "--help".length);
    lines.push(
      "",
      "Options:",
      ...command.optionHelp.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
      `  ${"--help".padEnd(width)}  show this help`,
    );
  }
  return lines.join("\n");
}

/** The command named by the leading words of argv (one or two words), and the rest of argv. */
function findCommand(argv: readonly string[]): { command: Command; rest: string[] } | null {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(" ");
    const command = COMMANDS.find((candidate) => candidate.name === name);
    if (command) return { command, rest: argv.slice(words) };
  }
  return null;
}

/**
 * Runs one CLI invocation and resolves to its exit code. Errors become one readable message: a
 * CliError as it is, anything else as "error: <message>"; never a stack trace.
 */
export async function runCli(argv: readonly string[], output: Output): Promise<number> {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    (argv.length === 0 ? output.err : output.out)(overview());
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  const found = findCommand(argv);
  if (!found) {
    const group = COMMANDS.filter((command) => command.name.startsWith(`${argv[0]} `));
    if (group.length > 0)
      output.err(
        `${PROGRAM} ${argv[0]} needs one of: ${group.map((command) => command.name.split(" ")[1]).join(", ")}. Try "${PROGRAM} ${group[0]!.name} --help".`,
      );
    else output.err(`Unknown command "${argv[0]}".\n\n${overview()}`);
    return EXIT.usage;
  }
  const { command, rest } = found;
  if (rest.includes("--help") || rest.includes("-h")) {
    output.out(helpOf(command));
    return EXIT.ok;
  }
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new CliError(`${(error as Error).message}\nTry "${PROGRAM} ${command.name} --help".`, EXIT.usage);
    }
    const { min, max, names } = command.positionals;
    if (parsed.positionals.length < min || parsed.positionals.length > max) {
      throw new CliError(
        `${PROGRAM} ${command.name} takes ${max === 0 ? "no arguments" : names}; got ${parsed.positionals.length === 0 ? "none" : parsed.positionals.map((value) => JSON.stringify(value)).join(" ")}.\nTry "${PROGRAM} ${command.name} --help".`,
        EXIT.usage,
      );
    }
    const code = await command.run(
      { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals },
      output,
    );
    return code ?? EXIT.ok;
  } catch (error) {
    if (error instanceof CliError) {
      output.err(error.message);
      return error.exitCode;
    }
    output.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failed;
  }
}
