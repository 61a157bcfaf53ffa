import { DataSource, type DataSourceOptions } from "typeorm";
import { migrations as mariadbMigrations } from "../../../migrations/mariadb/index.js";
import { migrations as sqliteMigrations } from "../../../migrations/sqlite/index.js";
import type { DatabaseTarget } from "../../config/index.js";
import { ENTITIES } from "./entities/index.js";

/**
 * Builds the TypeORM data source for either dialect. `synchronize` stays off everywhere:
 * the schema comes only from the committed migrations, which are checked against the entities.
 */
export function createDataSource(target: DatabaseTarget, options: { poolSize?: number } = {}): DataSource {
  const common = { entities: ENTITIES, synchronize: false, migrationsRun: false, logging: false } as const;
  let dataSourceOptions: DataSourceOptions;
  if (target.dialect === "sqlite") {
    dataSourceOptions = {
      ...common,
      type: "better-sqlite3",
      database: target.path,
      migrations: sqliteMigrations,
      // WAL lets readers proceed while a write commits; a busy timeout rides out a second process's write.
      prepareDatabase: (db: { pragma(statement: string): unknown }) => {
        db.pragma("journal_mode = WAL");
        db.pragma("busy_timeout = 5000");
      },
    };
  } else {
    dataSourceOptions = {
      ...common,
      type: "mariadb",
      host: target.host,
      port: target.port,
      username: target.user,
      password: target.password,
      database: target.database,
      charset: "utf8mb4_bin",
      timezone: "Z",
      poolSize: options.poolSize ?? 10,
      migrations: mariadbMigrations,
      // trace: false stops mysql2 capturing a stack trace for every query (measurable on hot paths).
      extra: { connectTimeout: 5000, trace: false },
    };
  }
  return new DataSource(dataSourceOptions);
}
