import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { DataSource } from "typeorm";
import { ConfigError, loadConfig, type Config } from "../config/index.js";
import type { Database, SecretBox } from "../core/ports.js";
import type { AdminPrincipal } from "../core/admin-keys/admin-key.types.js";
import { withEventPipeline, type WebhookSubscriptionSource } from "../core/events/event-pipeline.js";
import { createSecretBox } from "../infra/crypto/secret-box.js";
import { loadOrCreateSecretsKey } from "../infra/crypto/secrets-key-file.js";
import { createDataSource } from "../infra/typeorm/data-source.js";
import { createTypeormDatabase } from "../infra/typeorm/database.js";
import { systemClock, type Clock } from "../lib/clock.js";
import { CliError } from "./io.js";

/**
 * The CLI acts with the operator's authority: whoever holds the configuration (the database URL and
 * SECRETS_KEY) can do anything anyway. Its changes are recorded as by "admin-key:cli".
 */
export const CLI_PRINCIPAL: AdminPrincipal = { keyId: "cli", poolScope: null };

/** The server's configuration, read exactly as the server reads it (the environment, validated). */
export function loadCliConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
}

export interface CliDatabase {
  config: Config;
  dataSource: DataSource;
  db: Database;
  clock: Clock;
  /** SECRETS_KEY, or the embedded `<DATA_DIR>/secrets.key`; never made up (a new key would orphan every sealed secret). */
  secrets(): { secretsKey: Buffer; secretBox: SecretBox };
  /** Migration names recorded as applied, oldest first. */
  appliedMigrations(): Promise<string[]>;
  /** Names of the gateway's migrations not yet applied. */
  pendingMigrations(): Promise<string[]>;
  close(): Promise<void>;
}

/** A short-lived process caches nothing: every event reads the pool's webhook subscriptions afresh. */
const UNCACHED_SUBSCRIPTIONS: WebhookSubscriptionSource = {
  peekWebhookSubscriptions: () => undefined,
  webhookSubscriptions: (_poolId, load) => load(),
  prefetchWebhookSubscriptions: () => undefined,
};

const where = (config: Config): string =>
  config.database.dialect === "sqlite"
    ? config.database.path
    : `${config.database.host}:${config.database.port}/${config.database.database}`;

/**
 * Opens the configured database as the server does. The embedded file must exist unless `create`
 * (only `migrate up` creates one): any other command on a missing file would silently make an empty
 * database. With `requireMigrated`, refuses a database with pending migrations rather than applying
 * them behind the operator's back.
 */
export async function openCliDatabase(
  config: Config,
  options: { create?: boolean; requireMigrated?: boolean } = {},
): Promise<CliDatabase> {
  if (config.database.dialect === "sqlite") {
    if (config.database.path === ":memory:")
      throw new CliError(
        "DATABASE_URL is sqlite::memory:, which no other process can open; point it at the gateway's file.",
      );
    if (!existsSync(config.database.path)) {
      if (!options.create)
        throw new CliError(
          `No gateway database at ${config.database.path} (DATA_DIR or DATABASE_URL): start the gateway once, or run "identity-gateway migrate up".`,
        );
      mkdirSync(path.dirname(config.database.path), { recursive: true });
    }
  }
  const dataSource = createDataSource(config.database, { poolSize: 2 });
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new CliError(`Cannot open the database at ${where(config)}: ${(error as Error).message}`);
  }
  const secrets = () => {
    const keyFile = path.join(config.dataDir, "secrets.key");
    if (!config.secretsKey && !existsSync(keyFile))
      throw new CliError(
        `Neither SECRETS_KEY nor ${keyFile} is there: start the gateway once to create the key, or put back the one kept with your backup.`,
      );
    const secretsKey = config.secretsKey ?? loadOrCreateSecretsKey(config.dataDir);
    return { secretsKey, secretBox: createSecretBox(secretsKey) };
  };

  const appliedMigrations = async (): Promise<string[]> => {
    const runner = dataSource.createQueryRunner();
    try {
      if (!(await runner.hasTable("migrations"))) return [];
      const rows = (await runner.query("SELECT name FROM migrations ORDER BY id")) as { name: string }[];
      return rows.map((row) => row.name);
    } finally {
      await runner.release();
    }
  };
  const pendingMigrations = async (): Promise<string[]> => {
    const applied = new Set(await appliedMigrations());
    return dataSource.migrations
      .map((migration) => migration.name ?? migration.constructor.name)
      .filter((name) => !applied.has(name));
  };

  const opened: CliDatabase = {
    config,
    dataSource,
    // Events written here queue their webhook deliveries as the server's do; running gateways find
    // them by their feed's poll (a CLI process announces nothing on Redis).
    db: withEventPipeline(createTypeormDatabase(dataSource), {
      clock: systemClock,
      subscriptions: UNCACHED_SUBSCRIPTIONS,
      onCommit: () => undefined,
    }),
    clock: systemClock,
    secrets,
    appliedMigrations,
    pendingMigrations,
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
  if (options.requireMigrated) {
    const pending = await pendingMigrations().catch(async (error: unknown) => {
      await opened.close();
      throw error;
    });
    if (pending.length > 0) {
      await opened.close();
      throw new CliError(
        `The database at ${where(config)} has ${pending.length} pending migration(s): run "identity-gateway migrate up" first (the gateway also applies them when it starts).`,
      );
    }
  }
  return opened;
}

/** Opens the database, runs `work`, and closes it whatever happens. */
export async function withCliDatabase<T>(
  config: Config,
  options: { create?: boolean; requireMigrated?: boolean },
  work: (database: CliDatabase) => Promise<T>,
): Promise<T> {
  const database = await openCliDatabase(config, options);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
