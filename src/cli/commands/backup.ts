import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Config } from "../../config/index.js";
import { backupSqliteDatabase, restoreSqliteDatabase } from "../../infra/typeorm/sqlite-backup.js";
import { inspectGatewayDatabaseFile, isSqliteFileInUse } from "../../infra/typeorm/sqlite-file.js";
import { monotonicSeconds } from "../../lib/stopwatch.js";
import type { Command } from "../command.js";
import { loadCliConfig } from "../context.js";
import { CliError, createProgress, formatBytes } from "../io.js";
import { migrations as sqliteMigrations } from "../../../migrations/sqlite/index.js";

const MARIADB_BACKUP =
  'MariaDB keeps the gateway\'s data in DATABASE_URL\'s database: back it up with "mariadb-dump --single-transaction" (README "Operating").';

function embeddedFile(config: Config, command: string): string {
  if (config.database.dialect !== "sqlite")
    throw new CliError(`${command} works on the embedded SQLite file only. ${MARIADB_BACKUP}`);
  if (config.database.path === ":memory:")
    throw new CliError(`${command}: DATABASE_URL is sqlite::memory:, which has no file.`);
  return config.database.path;
}

/** What must travel with a backup, said where the operator is looking. */
function secretsKeyNote(config: Config): string {
  return config.secretsKey
    ? "Keep SECRETS_KEY with this backup: without it the sealed secrets (client secrets, signing keys, TOTP secrets, admin keys' SigV4 copies) cannot be read."
    : `Keep ${path.join(config.dataDir, "secrets.key")} with this backup: without it the sealed secrets (client secrets, signing keys, TOTP secrets) cannot be read.`;
}

export const backup: Command = {
  name: "backup",
  summary: "Copy the embedded database while the gateway runs",
  usage: "<destination-file> [--force]",
  details:
    'Uses SQLite\'s online backup API: a consistent copy of one moment, taken page by page while the gateway keeps serving. The copy is checked (quick_check) before it gets its name. It does not hold the secrets key. For MariaDB use mariadb-dump (README "Operating").',
  options: { force: { type: "boolean" } },
  optionHelp: [["--force", "replace an existing destination file"]],
  positionals: { min: 1, max: 1, names: "<destination-file>" },
  async run(args, output) {
    const config = loadCliConfig();
    const source = embeddedFile(config, "backup");
    const destination = path.resolve(args.positionals[0]!);
    if (!existsSync(source)) throw new CliError(`No gateway database at ${source} (DATA_DIR or DATABASE_URL).`);
    if (destination === source) throw new CliError("The destination is the database itself.");
    if (existsSync(destination) && !args.values.force)
      throw new CliError(`${destination} exists; pass --force to replace it.`);
    const progress = createProgress(output.progressStream, "backup", "pages", () => monotonicSeconds() * 1000);
    let result: { bytes: number; pages: number };
    try {
      result = await backupSqliteDatabase(source, destination, {
        onProgress: ({ totalPages, remainingPages }) => progress.update(totalPages - remainingPages, totalPages),
      });
    } catch (error) {
      throw new CliError(`Backup failed: ${(error as Error).message}`);
    }
    progress.finish();
    output.out(`Backed up ${source} to ${destination} (${formatBytes(result.bytes)}).`);
    output.out(secretsKeyNote(config));
  },
};

export const restore: Command = {
  name: "restore",
  summary: "Put a backup in place of the embedded database",
  usage: "<backup-file> [--force]",
  details:
    "Checks that the file is a sound gateway database made by this version or an older one (newer migrations are refused), then copies it to the configured database file (DATA_DIR or DATABASE_URL). Stop the gateway first: replacing the file under a running gateway needs --force, and that gateway must then be restarted. An existing database is replaced only with --force. The gateway applies any newer migrations when it starts.",
  options: { force: { type: "boolean" } },
  optionHelp: [["--force", "replace an existing database file, even one a running gateway has open"]],
  positionals: { min: 1, max: 1, names: "<backup-file>" },
  async run(args, output) {
    const config = loadCliConfig();
    const destination = embeddedFile(config, "restore");
    const source = path.resolve(args.positionals[0]!);
    if (!existsSync(source) || !statSync(source).isFile()) throw new CliError(`No backup file at ${source}.`);
    if (source === destination) throw new CliError("The backup file is the database itself.");
    let inspected;
    try {
      inspected = inspectGatewayDatabaseFile(source);
    } catch (error) {
      throw new CliError(`Refusing to restore: ${(error as Error).message}.`);
    }
    const known = new Set(sqliteMigrations.map((migration) => migration.name));
    const unknown = inspected.migrations.filter((name) => !known.has(name));
    if (unknown.length > 0)
      throw new CliError(
        `Refusing to restore: the backup was made by a newer gateway (migrations ${unknown.join(", ")} are unknown here); upgrade first.`,
      );
    if (existsSync(destination)) {
      const inUse = isSqliteFileInUse(destination);
      if (inUse && !args.values.force)
        throw new CliError(`A gateway is running on ${destination}: stop it first (or pass --force, then restart it).`);
      if (!args.values.force) throw new CliError(`${destination} exists; pass --force to replace it with the backup.`);
      if (inUse)
        output.err(
          `Warning: a gateway has ${destination} open; restart it now, or it keeps serving (and writing) the replaced file.`,
        );
    }
    try {
      restoreSqliteDatabase(source, destination, { overwrite: true });
    } catch (error) {
      throw new CliError(`Restore failed: ${(error as Error).message}`);
    }
    output.out(`Restored ${source} to ${destination} (${inspected.migrations.length} migrations applied in it).`);
    const keyFile = path.join(config.dataDir, "secrets.key");
    if (!config.secretsKey && !existsSync(keyFile))
      output.err(
        `Warning: ${keyFile} is missing and SECRETS_KEY is not set: put back the key kept with the backup before starting the gateway, or it makes a new one and the sealed secrets are lost.`,
      );
  },
};
