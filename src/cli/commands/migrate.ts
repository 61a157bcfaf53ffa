import { existsSync } from "node:fs";
import { loadOrCreateSecretsKey } from "../../infra/crypto/secrets-key-file.js";
import { acquireStartupLock } from "../../infra/typeorm/startup-lock.js";
import type { Command } from "../command.js";
import { loadCliConfig, withCliDatabase } from "../context.js";

const json = { type: "boolean" } as const;

export const migrateStatus: Command = {
  name: "migrate status",
  summary: "List the database migrations, applied and pending",
  usage: "[--json]",
  details:
    'Reads the migrations table of the configured database (DATABASE_URL, or the embedded file in DATA_DIR) and changes nothing. Exit code 0 either way; pending migrations are applied by "migrate up" or by the gateway when it starts.',
  options: { json },
  optionHelp: [["--json", "print {dialect, applied, pending} as JSON"]],
  positionals: { min: 0, max: 0, names: "" },
  async run(args, output) {
    const config = loadCliConfig();
    await withCliDatabase(config, {}, async (database) => {
      const applied = await database.appliedMigrations();
      const pending = await database.pendingMigrations();
      if (args.values.json) {
        output.out(JSON.stringify({ dialect: config.database.dialect, applied, pending }));
        return;
      }
      output.out(`Database: ${config.database.dialect}, ${applied.length} applied, ${pending.length} pending`);
      for (const name of applied) output.out(`  applied  ${name}`);
      for (const name of pending) output.out(`  pending  ${name}`);
    });
  },
};

export const migrateUp: Command = {
  name: "migrate up",
  summary: "Apply the pending database migrations",
  usage: "",
  details:
    "Applies every pending migration, each in its own transaction, under the same lock the gateway takes at start (MariaDB), so it is safe beside gateways that are starting. Creates the embedded SQLite file (and its secrets key, as a first start would) when there is none. Running gateways keep working: migrations only add.",
  options: {},
  optionHelp: [],
  positionals: { min: 0, max: 0, names: "" },
  async run(_args, output) {
    const config = loadCliConfig();
    const isNewEmbedded = config.database.dialect === "sqlite" && !existsSync(config.database.path);
    await withCliDatabase(config, { create: true }, async (database) => {
      const lock = await acquireStartupLock(database.dataSource);
      try {
        const applied = await database.dataSource.runMigrations({ transaction: "each" });
        if (applied.length === 0) output.out("Nothing to apply: the database is up to date.");
        else {
          output.out(`Applied ${applied.length} migration(s):`);
          for (const migration of applied) output.out(`  ${migration.name}`);
        }
      } finally {
        await lock.release();
      }
      // A new embedded database gets its secrets key now, as at a gateway's first start, so that the
      // commands that seal (admin-key create) work before the gateway has ever run.
      if (isNewEmbedded && !config.secretsKey) {
        loadOrCreateSecretsKey(config.dataDir);
        output.out(`Created the secrets key ${config.dataDir}/secrets.key: keep it with every backup of the database.`);
      }
    });
  },
};
